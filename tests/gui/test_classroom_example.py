"""File → Open the classroom example: the preset session, opened as File → Open opens one."""

from PySide6.QtWidgets import QMessageBox

from conftest import WAIT_MS
from model.session import load_session
from resources import example_session_path


def test_the_classroom_example_asks_before_replacing_unsaved_work(qtbot, open_window, monkeypatch):
    window = open_window()
    asked = []

    def question(*args, **kwargs):
        asked.append(args)
        return answer[0]

    monkeypatch.setattr(QMessageBox, "question", staticmethod(question))
    window.editor.setPlainText("uma frase minha")  # unsaved work
    qtbot.waitUntil(lambda: window.controller.text == "uma frase minha", timeout=WAIT_MS)
    answer = [QMessageBox.StandardButton.Cancel]
    window.file_actions.open_example.trigger()
    assert len(asked) == 1 and window.controller.text == "uma frase minha"
    answer[0] = QMessageBox.StandardButton.Yes
    window.file_actions.open_example.trigger()
    preset = load_session(example_session_path())
    assert len(asked) == 2
    assert window.controller.text == preset.text and window.controller.config == preset.config
