"""The window's one state: every field a user changes is the session's, with its own event.

A colour map, the lines' options, a page and a pinned A are what a session saves and opens
again, and what an exported figure draws; none of them is read back from a widget.
"""

from __future__ import annotations

import numpy as np

from conftest import WAIT_MS, trained_to, wait_for_result
from gui.state import AppState, WindowState
from model.config import ModelConfig
from model.session import Session, ViewSettings
from model.training.settings import TrainSettings


def test_each_field_says_when_it_changed_and_only_then():
    state = WindowState(AppState("o gato"))
    seen = []
    state.events.colour_map.connect(lambda value: seen.append(("colour_map", value)))
    state.events.text.connect(lambda value: seen.append(("text", value)))
    state.events.changed.connect(lambda names: seen.append(("changed", names)))
    view = ViewSettings(colour_map="magma")
    state.replace(AppState("o gato", view=view))
    state.replace(AppState("o gato", view=view))  # the same values: no event
    assert seen == [("colour_map", "magma"), ("changed", frozenset({"colour_map"}))]
    assert state.colour_map == "magma" and state.text == "o gato"


def test_the_views_options_are_the_sessions_and_come_back_with_it(qtbot, window):
    controller, menu = window.controller, window.view_menu
    menu.set_colour_map("magma")
    menu.set_colour_scale("data")
    window.heatmap.kind_chosen.emit("lines")
    window.heatmap.lines.top_k.setValue(2)
    saved = controller.session()
    assert (saved.view.kind, saved.view.colour_map, saved.view.colour_scale) == (
        "lines",
        "magma",
        "data",
    )
    assert saved.view.line_top_k == 2
    reopened = Session.from_json(saved.to_json())
    wait_for_result(qtbot, controller, lambda: controller.load_session(Session("x y z")))
    assert window.heatmap.kind == "heatmap" and menu.colour_map == "cividis"
    wait_for_result(qtbot, controller, lambda: controller.load_session(reopened))
    assert window.heatmap.kind == "lines" and window.heatmap.lines.top_k.value() == 2
    checked = [item.data() for item in menu.map_group.actions() if item.isChecked()]
    assert checked == ["magma"] and window.heatmap.lines.description.top_k == 2


def test_a_saved_comparison_opens_again_as_it_was(qtbot, window, make_controller):
    controller = window.controller
    controller.pin()
    wait_for_result(qtbot, controller, lambda: window.controls.mask_padding.setChecked(True))
    first = controller.comparison
    saved = Session.from_json(controller.session().to_json())
    assert saved.pinned is not None and not saved.pinned.config.mask_padding

    other = make_controller()
    wait_for_result(qtbot, other, other.start)
    wait_for_result(qtbot, other, lambda: other.load_session(saved))
    again = other.comparison
    assert again is not None and other.session().pinned == saved.pinned
    np.testing.assert_array_equal(again.a.attention_maps, first.a.attention_maps)
    np.testing.assert_array_equal(again.difference, first.difference)
    wait_for_result(qtbot, other, lambda: other.load_session(Session("a b")))
    assert other.comparison is None and other.session().pinned is None


def test_a_trained_pin_is_trained_again_to_the_same_weights(qtbot, make_controller):
    preset = ModelConfig(embedding_size=16, hidden_size=32)
    controller = make_controller("o gato dorme\no cão late", preset)
    wait_for_result(qtbot, controller, controller.start)
    trained_to(qtbot, controller, 5)
    controller.pin()
    pinned = controller.session().pinned
    assert pinned.training == TrainSettings(steps=5)
    first = controller.comparison.a.attention_maps

    other = make_controller()
    wait_for_result(qtbot, other, other.start)
    other.load_session(controller.session())
    qtbot.waitUntil(lambda: other.comparison is not None, timeout=WAIT_MS)
    np.testing.assert_array_equal(other.comparison.a.attention_maps, first)


def test_a_pinned_a_that_cannot_be_computed_is_said_and_b_still_shows(qtbot, window):
    controller = window.controller
    broken = Session("a b", ModelConfig(embedding_size=8), pinned=Session("x " * 2000))
    with qtbot.waitSignal(controller.notice, timeout=WAIT_MS) as notice:
        controller.load_session(broken)
    assert notice.args[0].code == "sentence_too_long"  # A's sentence of 2,000 words
    qtbot.waitUntil(lambda: not controller.is_busy, timeout=WAIT_MS)
    assert controller.result is not None and controller.comparison is None
    assert controller.session().pinned is None
