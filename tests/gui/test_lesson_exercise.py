"""A lesson step can be an exercise: the student predicts the map, then the window reveals.

While an exercise is open no view gives the weights away (the heatmap draws its layout only,
the readout, the explanation and the pipeline's query × key tables say nothing of them); the
student picks a key per real query row, with the mouse or the keyboard; Reveal scores the
picks with ``model.exercises.map_score`` and keeps them marked.  Leaving the step, or an edit
of the sentences or settings, shows everything again.  Nothing here depends on fonts, pixel
sizes or timing.
"""

from __future__ import annotations

import numpy as np
import pytest
from PySide6.QtCore import Qt
from test_lesson import settle

from gui.panes.attention import readout
from gui.panes.attention.exercise import CLOSED, ENDED, OPEN, REVEALED
from gui.panes.lesson.view import lesson, scenes
from gui.window.lesson_course import scene
from model.analysis.detectors import DETECTORS
from model.exercises import map_score, one_hot

EXERCISES = [i for i, step in enumerate(scenes()) if step.get("exercise")]


def weights_hidden(window) -> bool:
    """Whether the heatmap on screen shows no weight: every panel hidden, all zeros, and
    no expected keys (the answer of a trained task)."""
    description = window.heatmap.canvas.description
    return all(
        panel.hidden and not panel.values.any() and panel.expected is None
        for panel in description.panels
    )


def exercise_map(window) -> np.ndarray:
    sentence, head = window.exercise.map
    return window.controller.result.attention_maps[sentence, head]


def test_the_lesson_has_exercises_in_both_languages():
    assert len(EXERCISES) >= 2
    detectors = {scenes()[i]["exercise"] for i in EXERCISES}
    assert {"previous", "induction"} <= detectors
    for language in ("en", "pt"):
        steps = lesson(language)["steps"]
        assert len(steps) == len(scenes())
        for index in EXERCISES:
            assert steps[index]["title"].startswith(f"{index + 1}. ")
            assert steps[index]["text"]


def test_the_exercise_hides_the_weights_takes_picks_and_reveals_a_score(qtbot, window):
    controller, exercise, heatmap = window.controller, window.exercise, window.heatmap
    window.exercise.open(0, 0)
    assert exercise.status == OPEN and exercise.hidden
    assert weights_hidden(window)
    result = controller.result
    length = int(result.lengths[0])

    # The readout of a hovered cell says where it is, never its weight.
    heatmap.canvas.cell_stepped.emit((0, 1, 0))
    weight = readout.cell_text(result, 0, 0, 1, 0)
    shown = heatmap.readout.text()
    assert shown and shown != weight
    assert f"{float(result.attention_maps[0, 0, 1, 0]):.6f}" not in shown

    # The explanation of a cell says the weights are hidden: not one number.
    controller.select_cell((0, 0, 1, 0))
    qtbot.waitUntil(lambda: window.explain.text.toPlainText() != "", timeout=5000)
    assert not any(ch.isdigit() for ch in window.explain.text.toPlainText())

    # The pipeline's scores and weights show no value.
    window.docks["pipeline"].show()
    window.docks["pipeline"].raise_()
    qtbot.waitUntil(lambda: window.docks["pipeline"].isVisible(), timeout=5000)
    window.finish_rendering()
    for key in ("scores", "attention"):
        model = window.inspector.panel(key).model
        qtbot.waitUntil(lambda model=model: model.cell(0, 0) == "?", timeout=5000)
        cells = [
            model.cell(r, c) for r in range(model.rowCount()) for c in range(model.columnCount())
        ]
        assert set(cells) == {"?"}, key

    # Picks: a click in a row, again to move it, the keyboard's cursor and Enter.
    heatmap.cell_chosen.emit((0, 0, 0, 2))
    heatmap.cell_chosen.emit((0, 0, 0, 0))  # moved
    heatmap.cell_chosen.emit((0, 0, length, 0))  # a padding row: not asked
    canvas = heatmap.canvas
    for key in (Qt.Key.Key_Home, Qt.Key.Key_Down, Qt.Key.Key_Right, Qt.Key.Key_Return):
        qtbot.keyClick(canvas, key)
    assert exercise.guesses[:2] == (0, 1)
    assert exercise.answered == 2 and exercise.rows == length
    assert canvas.description.panels[0].guessed[:2] == (0, 1)
    assert controller.state.cell == (0, 0, 1, 0)  # picks are not cells explained
    bar = window.lesson.exercise
    assert f"2 of {length}" in bar.status.text()

    bar.reveal.click()
    assert exercise.status == REVEALED and not exercise.hidden
    truth = result.attention_maps[0, 0]
    expected = map_score(one_hot(exercise.guesses, truth.shape[1]), truth, length)
    assert exercise.score == pytest.approx(expected)
    assert f"{round(100 * expected)}%" in bar.status.text()
    panel = canvas.description.panels[0]
    assert not panel.hidden and panel.guessed[:2] == (0, 1)  # kept marked, to compare
    np.testing.assert_allclose(panel.values, truth[: len(panel.values), : len(panel.values)])
    canvas.cell_stepped.emit((0, 1, 0))
    assert heatmap.readout.text() == weight
    window.finish_rendering()
    assert window.inspector.panel("attention").model.cell(0, 0) != "?"


def test_r_on_the_heatmap_reveals(qtbot, window):
    window.exercise.open(0, 0)
    canvas = window.heatmap.canvas
    canvas.setFocus()
    qtbot.waitUntil(canvas.hasFocus, timeout=5000)
    qtbot.keyClick(canvas, Qt.Key.Key_R)
    assert window.exercise.status == REVEALED
    assert not any(panel.hidden for panel in canvas.description.panels)


def test_an_edit_during_the_exercise_ends_it_and_shows_everything(qtbot, window):
    controller, exercise = window.controller, window.exercise
    exercise.open(0, 0)
    window.heatmap.cell_chosen.emit((0, 0, 1, 0))
    controller.set_text(controller.text + "\numa frase nova")
    assert exercise.status == ENDED and not exercise.hidden
    settle(qtbot, window)
    assert not any(panel.hidden for panel in window.heatmap.canvas.description.panels)
    assert all(panel.guessed is None for panel in window.heatmap.canvas.description.panels)
    assert "over" in window.lesson.exercise.status.text()
    window.heatmap.cell_chosen.emit((0, 0, 1, 0))  # a cell is explained again
    assert controller.state.cell == (0, 0, 1, 0)


@pytest.mark.parametrize("language", ["en", "pt"])
def test_an_exercise_step_hides_its_map_and_leaving_shows_it(qtbot, qapp, open_window, language):
    from gui.application import install_translation

    install_translation(qapp, language)
    try:
        window = open_window(size=(1024, 768))
        window.show_lesson()
        lesson_panel, exercise = window.lesson, window.exercise
        index = EXERCISES[0]
        lesson_panel.steps.setCurrentIndex(index)
        settle(qtbot, window, scene(index)["trained"])
        qtbot.waitUntil(lambda: exercise.ready, timeout=5000)
        assert exercise.status == OPEN and weights_hidden(window)
        assert lesson_panel.exercise.isVisible() and lesson_panel.exercise.reveal.isEnabled()
        # The step's detector chose the map: the head that scores highest at it.
        result = window.controller.result
        sentence, head = exercise.map
        assert window.controller.view.head == head
        assert head == int(result.probe_scores[:, DETECTORS.index("previous")].argmax())
        truth = exercise_map(window)
        for row in range(exercise.rows):
            window.heatmap.cell_chosen.emit((sentence, head, row, max(row - 1, 0)))
        lesson_panel.exercise.reveal.click()
        guess = one_hot(exercise.guesses, truth.shape[1])
        assert exercise.score == pytest.approx(map_score(guess, truth, exercise.rows))

        for leave in (lambda: lesson_panel.go(1), lambda: lesson_panel.go(-1), window.end_lesson):
            lesson_panel.go(index - lesson_panel.index)  # arriving (again: a fresh exercise)
            settle(qtbot, window, scene(index)["trained"])
            assert exercise.status == OPEN and weights_hidden(window)
            leave()
            settle(qtbot, window)
            assert exercise.status == CLOSED
            assert not lesson_panel.exercise.isVisible()
            panels = window.heatmap.canvas.description.panels
            assert not any(panel.hidden or panel.guessed for panel in panels)
            window.show_lesson()
    finally:
        install_translation(qapp, "en")
