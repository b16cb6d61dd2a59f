"""The File menu and autosave: what a teacher takes out of the window, and never loses."""

import json

import numpy as np
import pytest
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QFileDialog, QInputDialog, QMessageBox

from conftest import WAIT_MS
from gui import autosave
from gui.figure import SINGLE_SIZE
from model.session import Session, load_session, save_session


@pytest.fixture
def dialogs(monkeypatch):
    """Answers the file dialogs with ``dialogs.path`` and records message boxes."""

    class Dialogs:
        path = ""
        warnings: list[str] = []

    answers = Dialogs()
    answers.warnings = []
    monkeypatch.setattr(
        QFileDialog, "getSaveFileName", staticmethod(lambda *a, **k: (str(answers.path), ""))
    )
    monkeypatch.setattr(
        QFileDialog, "getOpenFileName", staticmethod(lambda *a, **k: (str(answers.path), ""))
    )
    monkeypatch.setattr(
        QMessageBox,
        "warning",
        staticmethod(lambda parent, title, text: answers.warnings.append(text)),
    )
    return answers


def test_export_figure_writes_png_and_svg_at_the_chosen_scale(window, dialogs, tmp_path):
    actions = window.file_actions
    dialogs.path = tmp_path / "figura.png"
    actions.scale_actions.actions()[2].trigger()  # 4×
    actions.export_figure.trigger()
    from PySide6.QtGui import QImage

    image = QImage(str(dialogs.path))
    assert (image.width(), image.height()) == (SINGLE_SIZE[0] * 4, SINGLE_SIZE[1] * 4)
    dialogs.path = tmp_path / "figura.svg"
    actions.export_figure.trigger()
    assert "mikas" in dialogs.path.read_text(encoding="utf-8")
    assert dialogs.warnings == []


def test_an_unwritable_export_shows_a_message_and_leaves_no_file(window, dialogs, tmp_path):
    blocker = tmp_path / "a-file"
    blocker.write_text("")
    for action, name in [
        (window.file_actions.export_figure, "f.png"),
        (window.file_actions.export_screenshot, "s.png"),
        (window.file_actions.export_tensors, "t.npz"),
        (window.file_actions.export_notebook, "n.ipynb"),
        (window.file_actions.save_session, "s.json"),
    ]:
        dialogs.path = blocker / name
        action.trigger()
    assert len(dialogs.warnings) == 5
    assert all("cannot write" in w.lower() for w in dialogs.warnings), dialogs.warnings
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a-file"]


def test_copy_figure_puts_the_image_on_the_clipboard(qtbot, window):
    QGuiApplication.clipboard().clear()
    window.file_actions.copy_figure.trigger()
    image = QGuiApplication.clipboard().image()
    scale = window.controller.figure_scale
    assert (image.width(), image.height()) == (SINGLE_SIZE[0] * scale, SINGLE_SIZE[1] * scale)


def test_export_tensors_as_npz_or_as_csv_of_one_stage(window, dialogs, tmp_path, monkeypatch):
    dialogs.path = tmp_path / "estagios.npz"
    window.file_actions.export_tensors.trigger()
    with np.load(dialogs.path) as data:
        np.testing.assert_array_equal(data["attention"], window.controller.result.attention)
    monkeypatch.setattr(
        QInputDialog, "getItem", staticmethod(lambda *a, **k: ("Output of the RNN", True))
    )
    dialogs.path = tmp_path / "rnn.csv"
    window.file_actions.export_tensors.trigger()
    rows = dialogs.path.read_text(encoding="utf-8").splitlines()
    assert rows[0] == ",0,1,2,3" and rows[1].startswith("0 o,")
    assert len(rows) == 1 + 5


def test_save_then_open_a_session_restores_text_and_settings(qtbot, window, dialogs, tmp_path):
    controller = window.controller
    with qtbot.waitSignal(controller.result_changed, timeout=WAIT_MS):
        window.controls.hidden_size.setValue(6)
    saved_attention = controller.result.attention.copy()
    dialogs.path = tmp_path / "aula.json"
    window.file_actions.save_session.trigger()
    with qtbot.waitSignal(controller.result_changed, timeout=WAIT_MS):
        window.editor.setPlainText("outra coisa")
        window.controls.hidden_size.setValue(2)
    with qtbot.waitSignal(controller.result_changed, timeout=WAIT_MS):
        window.file_actions.open_session.trigger()
    assert window.editor.toPlainText() == Session(controller.text).text
    assert window.controls.hidden_size.value() == 6
    np.testing.assert_array_equal(controller.result.attention, saved_attention)


@pytest.mark.parametrize(
    "content",
    [
        "{broken",
        '{"format": "attention-study-session", '
        '"version": 1, "sentences": ["a"], "model": {"seed": -5}}',
    ],
)
def test_a_bad_session_leaves_the_current_work_untouched(window, dialogs, tmp_path, content):
    before = (window.editor.toPlainText(), window.controller.config)
    dialogs.path = tmp_path / "bad.json"
    dialogs.path.write_text(content, encoding="utf-8")
    window.file_actions.open_session.trigger()
    assert len(dialogs.warnings) == 1 and "bad.json" in dialogs.warnings[0]
    assert (window.editor.toPlainText(), window.controller.config) == before


def test_edits_are_autosaved_within_a_second(qtbot, window):
    path = autosave.autosave_path()
    saver = autosave.Autosaver(window.controller, window)
    window.editor.setPlainText("uma frase salva sozinha")
    qtbot.waitUntil(
        lambda: path.exists() and "uma frase salva sozinha" in path.read_text(encoding="utf-8"),
        timeout=1000,
    )
    assert load_session(path).text == "uma frase salva sozinha"
    saver.deleteLater()


def test_a_broken_autosave_is_reported_not_fatal(tmp_path):
    path = autosave.autosave_path()
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text("{ not json", encoding="utf-8")
    session, problem = autosave.restore()
    assert session is None and "broken JSON" in problem
    save_session(Session("de volta"), path)
    session, problem = autosave.restore()
    assert session.text == "de volta" and problem == ""
    assert json.loads(path.read_text(encoding="utf-8"))["format"] == "attention-study-session"
