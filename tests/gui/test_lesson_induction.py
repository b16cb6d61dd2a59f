"""The lesson's induction chapter: the heads it names are this run's, and heads it switches
off come back on.

A step's text names the heads the run's detectors label (layer 0's previous-word head, layer
1's induction heads), filled in when the step is shown and again when the result changes: a
result whose detectors label other heads makes it name those.  The step that switches the
induction heads off switches them on again when the lesson moves on, goes back or ends, and
the trained run stays trained.  Nothing here depends on fonts, pixel sizes or timing.
"""

from __future__ import annotations

from dataclasses import replace
from types import SimpleNamespace

import numpy as np
import pytest
from PySide6.QtCore import Qt
from test_lesson import settle

from gui import state as aspects
from gui.panes.lesson.view import lesson, scenes
from gui.window.lesson_course import PLACEHOLDERS, labelled, result_words, scene

PREVIOUS, INDUCTION = [0.98, 0.1, 0.05, 0.07], [0.2, 0.04, 0.01, 0.99]  # a map's four scores
NOTHING = [0.2, 0.1, 0.05, 0.1]


def step_of(test) -> int:
    """The first step of the induction chapter whose scene and words pass ``test``."""
    words = lesson("en")["steps"]
    return next(i for i in range(len(scenes())) if test(scene(i), words[i]["text"]))


LAYER_0 = step_of(lambda shown, text: shown["trained"] and "{previous}" in text)
LAYER_1 = step_of(lambda shown, text: shown["trained"] and "{induction}" in text)
SWITCH = step_of(lambda shown, text: shown["switch_off"] == "induction")


def fake_result(rows, steps=800, ablated=()):
    """Just what the words read of a result: 2 layers × 2 heads with these scores."""
    score = SimpleNamespace(loss=0.1, accuracy=0.5)
    evaluation = SimpleNamespace(score=score, every_head=SimpleNamespace(loss=0.02, accuracy=0.99))
    return SimpleNamespace(
        probe_scores=np.array(rows, dtype=float),
        map_of=lambda index: divmod(index, 2),
        training=SimpleNamespace(steps=steps, evaluation=evaluation),
        config=SimpleNamespace(ablated=ablated),
    )


def test_the_words_name_the_heads_the_detectors_label():
    words = lesson("en")["words"]
    said = result_words(fake_result([NOTHING, PREVIOUS, INDUCTION, INDUCTION]), words, 800)
    assert "layer 0 · head 1 (0.98)" in said["previous"]
    assert "layer 1 · head 0 (0.99) and layer 1 · head 1 (0.99)" in said["induction"]
    assert "layer 0 · head 0" not in said["previous"] + said["induction"]
    # Another run labels other heads: the words name those.
    said = result_words(fake_result([PREVIOUS, NOTHING, NOTHING, INDUCTION]), words)
    assert "layer 0 · head 0 (0.98)" in said["previous"] and "head 1 (" not in said["previous"]
    assert "layer 1 · head 1 (0.99)" in said["induction"]
    assert "layer 1 · head 0" not in said["induction"]
    # None above the threshold yet, or the lesson still training to its step.
    untrained = fake_result([NOTHING] * 4)
    assert result_words(untrained, words)["induction"] == words["induction_none"].format(
        threshold="0.5"
    )
    assert "train on" in result_words(untrained, words)["previous"]
    waiting = result_words(fake_result([NOTHING] * 4, steps=300), words, 800)
    assert set(waiting.values()) == {words["training"].format(steps=800)}
    # The heads switched off, and the accuracy with and without them.
    said = result_words(fake_result([NOTHING] * 4, ablated=((1, 1),)), words, 0, ((1, 1),))
    assert "layer 1 · head 1" in said["switched"]
    assert "50.0" in said["accuracy"] and "99.0" in said["accuracy"]
    assert "train on" in result_words(untrained, words, 0, ())["switched"]


def test_the_portuguese_words_name_the_heads_in_portuguese(qapp):
    from gui.application import install_translation

    install_translation(qapp, "pt")
    try:
        words = lesson("pt")["words"]
        said = result_words(fake_result([NOTHING, PREVIOUS, INDUCTION, NOTHING]), words)
        assert "a cabeça 1 da camada 0 (0,98)" in said["previous"]
        assert "a cabeça 0 da camada 1 (0,99)" in said["induction"]
    finally:
        install_translation(qapp, "en")


def named(window, detector: str) -> list[str]:
    """The names of the maps the result's detectors label ``detector``, as the lesson
    writes them."""
    result, head = window.controller.result, lesson("en")["words"]["head"]
    return [
        head.format(layer=layer, head=number)
        for layer, number in map(result.map_of, labelled(result, detector))
    ]


def test_the_chapter_names_this_runs_heads_and_switches_them_back_on(
    qtbot, open_window, monkeypatch
):
    from gui.controller import Controller

    window = open_window(size=(1024, 768))
    controller, steps = window.controller, scene(LAYER_0)["trained"]["steps"]
    teacher = controller.session()
    window.show_lesson()
    window.lesson.steps.setCurrentIndex(LAYER_0)
    settle(qtbot, window, {"steps": steps} if steps else None)
    text = window.lesson.text.text
    assert "{" not in text()
    [previous] = named(window, "previous")
    assert f"{previous} (" in text()

    # A result whose detectors label other heads: the step names those.
    result = controller.result
    other = replace(result, probe_scores=np.ascontiguousarray(result.probe_scores[::-1]))
    monkeypatch.setattr(Controller, "result", property(lambda self: other))
    controller.changed.emit(frozenset({aspects.RESULT}))
    [moved] = named(window, "previous")
    assert moved != previous and f"{moved} (" in text() and f"{previous} (" not in text()
    monkeypatch.undo()
    controller.changed.emit(frozenset({aspects.RESULT}))
    assert f"{previous} (" in text()

    window.lesson.steps.setCurrentIndex(LAYER_1)
    settle(qtbot, window)
    induction = named(window, "induction")
    assert induction and all(f"{name} (" in text() for name in induction)

    # The step that switches them off, and every way out of it.
    switched = tuple(map(result.map_of, labelled(result, "induction")))
    table = window.heads.table

    def arrive(move) -> None:
        move()
        settle(qtbot, window)

    for leave in (lambda: window.lesson.go(-1), lambda: window.lesson.go(1)):
        arrive(lambda: window.lesson.steps.setCurrentIndex(SWITCH))
        assert controller.config.ablated == controller.result.config.ablated == switched
        assert all(name in text() for name in induction)
        off = [table.item(row, 0).checkState() == Qt.CheckState.Unchecked for row in range(4)]
        assert off == [result.map_of(row) in switched for row in range(4)]
        arrive(leave)
        assert controller.config.ablated == controller.result.config.ablated == ()
        assert controller.result.training.steps == steps  # trained on, not trained again
    arrive(lambda: window.lesson.steps.setCurrentIndex(SWITCH))
    assert controller.config.ablated == switched
    arrive(window.end_lesson)
    assert controller.session().source() == teacher.source()  # every head on, as it was


@pytest.mark.parametrize("language", ["en", "pt"])
def test_every_placeholder_of_a_step_is_one_the_course_fills(language):
    import re

    for step in lesson(language)["steps"]:
        for name in re.findall(r"\{(\w+)\}", step["text"]):
            assert name in PLACEHOLDERS, step["title"]
