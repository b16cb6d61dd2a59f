"""A session whose view shows one layer's heads opens in the window (its view's every field
is announced, "layer" among them), and a layer the model lacks falls back to every layer."""

from dataclasses import replace

from conftest import wait_for_result
from gui.state import FIELDS, StateEvents
from model.config import ModelConfig
from model.session import Session, ViewSettings

TRANSFORMER = ModelConfig(
    embedding_size=8, cell="none", attention="transformer", layers=2, causal=True
)


def test_every_field_of_the_state_has_its_signal():
    events = StateEvents()
    for name in FIELDS:
        assert hasattr(events, name), name


def test_a_session_showing_one_layer_opens_and_shows_that_layers_heads(qtbot, open_window):
    window = open_window()
    controller = window.controller
    session = Session("a b c\nb c a", TRANSFORMER, ViewSettings(sentence=0, head=-1, layer=1))
    wait_for_result(qtbot, controller, lambda: controller.load_session(session))
    assert controller.view.layer == 1
    titles = [plot.panel.title for plot in window.heatmap.current_plots()]
    assert len(titles) == 2 and all("layer 1" in title for title in titles), titles

    fewer = replace(session, config=replace(TRANSFORMER, layers=1))
    wait_for_result(qtbot, controller, lambda: controller.load_session(fewer))
    assert controller.view.layer == -1  # no layer 1 any more: every layer's heads
