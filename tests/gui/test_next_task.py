"""The task "next" in the training pane: it needs the transformer and the causal mask.

Chosen on a transformer without the mask, it turns the mask on (a session then saves it on)
and says why; chosen in another attention mode, it says why it cannot train there.
"""

from PySide6.QtCore import Qt

from conftest import WAIT_MS
from model.config import ModelConfig


def choose_next(qtbot, window):
    """The user picks "next", the last task, with the keyboard."""
    window.docks["training"].show()
    window.docks["training"].raise_()
    combo = window.training.task
    qtbot.waitUntil(combo.isVisible, timeout=WAIT_MS)
    combo.setFocus()
    qtbot.keyClick(combo, Qt.Key.Key_End)
    qtbot.waitUntil(lambda: window.controller.train_settings().task == "next", timeout=WAIT_MS)


def test_choosing_next_on_a_transformer_turns_the_causal_mask_on(qtbot, open_window):
    config = ModelConfig(embedding_size=16, cell="none", attention="transformer")
    window = open_window(config=config)
    assert not window.controller.config.causal
    choose_next(qtbot, window)
    assert window.controller.config.causal
    assert window.controller.session().config.causal  # a session saves it on
    assert window.controls.causal.isChecked()
    assert "causal" in window.training.note.text()
    assert "causal" in window.statusBar().currentMessage()


def test_choosing_next_elsewhere_says_why_it_cannot(qtbot, open_window):
    window = open_window(config=ModelConfig(attention="multihead"))
    choose_next(qtbot, window)
    note = window.training.note
    assert note.isVisibleTo(window.training) and "transformer" in note.text()
    assert not window.controller.config.causal
