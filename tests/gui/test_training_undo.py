"""An edit that starts training again can be taken back, weights and all.

Ctrl+Z in the editor (or a setting put back) returns to the sentences and settings of the
last trained result, and that run comes back at its step, with the same weights.  Reset and
a new task are the user's choice and are not taken back.  While comparing, the notice of a
reset says that B − A now shows the training undone as well.  And a setting that changes
what a task asks (the causal mask, for the alphabetical task) changes its words too.
"""

from __future__ import annotations

import numpy as np
from PySide6.QtGui import QTextCursor

from conftest import WAIT_MS, trained_to, wait_for_result
from model.config import ModelConfig
from model.errors import Notice

PRESET = ModelConfig(embedding_size=16, hidden_size=32)
TEXT = "o gato dorme\na casa azul"


def trained(result):
    return result.training is not None and result.training.steps


def test_ctrl_z_after_an_edit_that_reset_training_brings_the_trained_weights_back(
    qtbot, open_window
):
    window = open_window(TEXT, PRESET)
    controller, editor = window.controller, window.editor
    trained_to(qtbot, controller, 12)
    before = controller.result.attention.copy()
    editor.moveCursor(QTextCursor.MoveOperation.End)
    wait_for_result(qtbot, controller, lambda: qtbot.keyClicks(editor, " zebra"))
    qtbot.waitUntil(lambda: not trained(controller.result), timeout=WAIT_MS)
    while editor.toPlainText() != TEXT:  # Ctrl+Z, as often as the typing takes
        editor.undo()
    qtbot.waitUntil(lambda: trained(controller.result) == 12, timeout=WAIT_MS)
    qtbot.waitUntil(lambda: not controller.is_busy, timeout=WAIT_MS)
    np.testing.assert_array_equal(controller.result.attention, before)
    assert controller.session().training.steps == 12


def test_a_setting_put_back_brings_the_training_back_and_reset_does_not(qtbot, open_window):
    window = open_window(TEXT, PRESET)
    controller = window.controller
    notices = []
    controller.notice.connect(notices.append)
    trained_to(qtbot, controller, 6)
    wait_for_result(qtbot, controller, lambda: controller.update_config(causal=True))
    qtbot.waitUntil(lambda: not trained(controller.result), timeout=WAIT_MS)
    wait_for_result(qtbot, controller, lambda: controller.update_config(causal=False))
    qtbot.waitUntil(lambda: trained(controller.result) == 6, timeout=WAIT_MS)
    assert Notice("training_restored", step=6) in notices
    controller.reset_training()  # the user's own choice
    qtbot.waitUntil(lambda: not trained(controller.result), timeout=WAIT_MS)
    wait_for_result(qtbot, controller, lambda: controller.update_config(seed=3))
    wait_for_result(qtbot, controller, lambda: controller.update_config(seed=0))
    qtbot.waitUntil(lambda: not controller.is_busy, timeout=WAIT_MS)
    assert not trained(controller.result)


def test_a_reset_while_comparing_says_that_b_minus_a_shows_it(qtbot, open_window):
    window = open_window(TEXT, PRESET)
    controller = window.controller
    trained_to(qtbot, controller, 4)
    controller.pin()
    notices = []
    controller.notice.connect(notices.append)
    wait_for_result(qtbot, controller, lambda: controller.update_config(causal=True))
    assert Notice("training_reset_settings_compared") in notices


def test_the_alphabetical_task_says_what_the_causal_mask_changes(qtbot, open_window):
    window = open_window(TEXT, PRESET)
    controller = window.controller
    controller.set_train_settings(task="alphabetical")
    about = window.training.about
    assert "causal" not in about.text()
    wait_for_result(qtbot, controller, lambda: controller.update_config(causal=True))
    assert "causal mask" in about.text() and "before it" in about.text()
