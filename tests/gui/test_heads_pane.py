"""The Heads pane and the grid: what each head does, and switching heads off.

A user reads the detector scores of every head, sees the grid label the heads that score
high, switches a head off from the pane or from the grid, and sees everything downstream
(and the task's loss and accuracy) follow, while training carries on.  Nothing here
depends on fonts or pixel sizes.
"""

import numpy as np
from PySide6.QtCore import Qt

from conftest import trained_to, wait_for_result
from model.session import ViewSettings, load_session
from resources import INDUCTION_PRESET, example_session_path

PRESET = load_session(example_session_path(INDUCTION_PRESET))


def induction_window(open_window):
    """The induction example, every head of sentence 4 in the grid, the Heads pane shown."""
    window = open_window(PRESET.text, config=PRESET.config, view=ViewSettings(sentence=4, head=-1))
    window.docks["heads"].show()
    window.docks["heads"].raise_()
    window.controller.set_train_settings(task="induction", learning_rate=0.01)
    return window


def rows(window):
    table = window.heads.table
    return [
        [table.item(row, column).text() for column in range(table.columnCount())]
        for row in range(table.rowCount())
    ]


def checked(window):
    table = window.heads.table
    return [table.item(row, 0).checkState() == Qt.CheckState.Checked for row in range(4)]


def titles(window):
    return [plot.panel.title for plot in window.heatmap.current_plots()]


def test_every_head_has_its_four_scores_from_the_model(qtbot, open_window):
    window = induction_window(open_window)
    result = window.controller.result
    assert [row[0] for row in rows(window)] == ["0.0", "0.1", "1.0", "1.1"]
    assert checked(window) == [True] * 4
    for row, scores in zip(rows(window), result.probe_scores, strict=True):
        assert [float(text) for text in row[1:]] == [round(float(v), 2) for v in scores]
    window.heads.source_chosen.emit("sentences")  # the user's own sentences
    for row, scores in zip(rows(window), result.sentence_scores, strict=True):
        assert row[1:] == ["—" if np.isnan(v) else f"{v:.2f}" for v in scores]


def test_a_head_switched_off_in_the_pane_zeroes_its_context_and_comes_back(qtbot, open_window):
    window = induction_window(open_window)
    controller = window.controller
    before = controller.result.stage("block_output").values.copy()
    item = window.heads.table.item(2, 0)  # layer 1 · head 0
    wait_for_result(qtbot, controller, lambda: item.setCheckState(Qt.CheckState.Unchecked))
    result = controller.result
    assert result.config.ablated == ((1, 0),) and checked(window) == [True, True, False, True]
    width = result.config.width // 2
    context = result.stage("context").values  # (B, layers, L, d): layer 1's head 0 is 0
    assert not context[:, 1, :, :width].any() and context[:, 1, :, width:].any()
    after = result.stage("block_output").values
    np.testing.assert_array_equal(after[:, 0], before[:, 0])  # layer 0 as it was
    assert not np.allclose(after[:, 1], before[:, 1])
    assert titles(window)[2].endswith("· off") and "off" not in titles(window)[3]
    item = window.heads.table.item(2, 0)
    wait_for_result(qtbot, controller, lambda: item.setCheckState(Qt.CheckState.Checked))
    assert controller.result.config.ablated == ()
    np.testing.assert_array_equal(controller.result.stage("block_output").values, before)


def test_x_on_the_grid_switches_the_cursors_head(qtbot, open_window):
    window = induction_window(open_window)
    canvas = window.heatmap.canvas
    canvas.setFocus()
    qtbot.keyClick(canvas, Qt.Key.Key_Right)  # the cursor on panel 0: layer 0 · head 0
    wait_for_result(qtbot, window.controller, lambda: qtbot.keyClick(canvas, Qt.Key.Key_X))
    assert window.controller.config.ablated == ((0, 0),)
    assert checked(window) == [False, True, True, True]
    wait_for_result(qtbot, window.controller, lambda: qtbot.keyClick(canvas, Qt.Key.Key_X))
    assert window.controller.config.ablated == ()


def test_training_forms_labelled_heads_and_switching_them_off_keeps_training(qtbot, open_window):
    window = induction_window(open_window)
    controller = window.controller
    assert not any("induction" in title for title in titles(window))  # untrained
    trained_to(qtbot, controller, 900)
    result = controller.result
    assert all("induction" in title for title in titles(window)[2:]), titles(window)
    assert any("previous" in title for title in titles(window)[:2]), titles(window)
    trained = result.training.evaluation.score.accuracy
    assert trained > 0.9
    assert "Task “induction” on its probe" in window.heads.evaluation.text()
    wait_for_result(qtbot, controller, lambda: controller.update_config(ablated=((1, 0), (1, 1))))
    assert controller.training.step == 900  # the same weights: training was not reset
    evaluation = controller.result.training.evaluation
    assert evaluation.every_head.accuracy == trained
    assert evaluation.score.accuracy < trained / 2
    text = window.heads.evaluation.text()
    assert "layer 1 · head 0, layer 1 · head 1 switched off" in text
    assert all(" · off · induction" in title for title in titles(window)[2:])


def test_compare_shows_what_switching_a_head_off_changed(qtbot, open_window):
    """A pinned as every head on, B with layer 0's head 1 off: layer 0's maps are as they
    were, layer 1's read a stream that head no longer writes to, and B − A says so."""
    window = induction_window(open_window)
    controller = window.controller
    controller.pin()
    wait_for_result(qtbot, controller, lambda: controller.update_config(ablated=((0, 1),)))
    difference = controller.comparison.difference  # (B, maps, L, L): maps 0, 1 are layer 0
    assert not difference[:, :2].any() and np.abs(difference[:, 2:]).max() > 1e-3
    assert len(window.heatmap.current_plots()) == 3  # A, B and B − A of the map shown


def test_the_cells_numbers_wait_for_a_pause_while_training_plays(qtbot, open_window):
    """Twenty pictures a second of numbers nobody can read: while training plays the cells
    show their colours only, and the numbers come back when it pauses."""
    window = induction_window(open_window)
    controller = window.controller

    def numbers_shown():
        return {plot.item.show_values for plot in window.heatmap.current_plots()}

    assert numbers_shown() == {True}
    controller.toggle_training()
    qtbot.waitUntil(
        lambda: controller.training.step > 0 and controller.training.status == "playing"
    )
    assert numbers_shown() == {False}
    controller.toggle_training()
    qtbot.waitUntil(lambda: controller.training.status == "paused")
    assert numbers_shown() == {True}
