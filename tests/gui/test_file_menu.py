"""The File menu: what a teacher takes out of the window, and what comes back in."""

import json

import numpy as np
import pytest
from PySide6.QtGui import QGuiApplication, QImage
from PySide6.QtWidgets import QFileDialog, QInputDialog, QMessageBox

from conftest import NOTEBOOK_SENTENCES, WAIT_MS, wait_for_result
from gui.render.heatmap_figure import SINGLE_SIZE
from model.config import ModelConfig
from model.session import VERSION, Session, ViewSettings, save_session


@pytest.fixture
def dialogs(monkeypatch):
    """Answers the file dialogs with ``dialogs.path`` and records message boxes."""

    class Dialogs:
        path = ""
        warnings: list[str] = []
        questions: list[str] = []
        answer = QMessageBox.StandardButton.Yes

    answers = Dialogs()
    answers.warnings, answers.questions = [], []
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

    def question(parent, title, text, *args):
        answers.questions.append(text)
        return answers.answer

    monkeypatch.setattr(QMessageBox, "question", staticmethod(question))
    return answers


def written(qtbot, window, action) -> None:
    """Trigger ``action`` and wait until the file it asked for is written (or refused):
    files are written on another thread."""
    with qtbot.waitSignal(window.file_actions.write_finished, timeout=WAIT_MS):
        action.trigger()


def test_export_figure_writes_png_and_svg_at_the_chosen_scale(qtbot, window, dialogs, tmp_path):
    actions = window.file_actions
    dialogs.path = tmp_path / "figura.png"
    actions.scale_actions.actions()[2].trigger()  # 4×
    written(qtbot, window, actions.export_figure)
    image = QImage(str(dialogs.path))
    assert (image.width(), image.height()) == (SINGLE_SIZE[0] * 4, SINGLE_SIZE[1] * 4)
    dialogs.path = tmp_path / "figura.svg"
    written(qtbot, window, actions.export_figure)
    assert "mikas" in dialogs.path.read_text(encoding="utf-8")
    assert dialogs.warnings == []


def test_the_figure_and_the_window_draw_the_same_description(qtbot, window):
    from gui.render.heatmap_figure import figure_for

    for sentence in (0, 2):
        window.controller.update_view(sentence=sentence)
        shown = window.heatmap.description
        printed = figure_for(window.controller.result, sentence).description
        assert printed.title == shown.title and printed.scale == shown.scale
        assert (printed.row_title, printed.column_title, printed.column_note) == (
            shown.row_title,
            shown.column_title,
            shown.column_note,
        )
        for a, b in zip(printed.panels, shown.panels, strict=True):
            np.testing.assert_array_equal(a.values, b.values)
            np.testing.assert_array_equal(a.states, b.states)
            assert (a.rows, a.columns, a.title, a.length) == (b.rows, b.columns, b.title, b.length)


def test_an_unwritable_export_shows_a_message_and_leaves_no_file(qtbot, window, dialogs, tmp_path):
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
    qtbot.waitUntil(lambda: not window.file_actions.writing, timeout=WAIT_MS)
    assert len(dialogs.warnings) == 5
    assert "s.json" not in window.statusBar().currentMessage()
    assert all("cannot write" in w.lower() for w in dialogs.warnings), dialogs.warnings
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a-file"]


def test_copy_figure_puts_the_image_on_the_clipboard(qtbot, window):
    QGuiApplication.clipboard().clear()
    window.file_actions.copy_figure.trigger()
    image = QGuiApplication.clipboard().image()
    scale = window.controller.view.figure_scale
    assert (image.width(), image.height()) == (SINGLE_SIZE[0] * scale, SINGLE_SIZE[1] * scale)


def test_export_tensors_as_npz_or_as_csv_of_one_stage(
    qtbot, window, dialogs, tmp_path, monkeypatch
):
    dialogs.path = tmp_path / "estagios.npz"
    written(qtbot, window, window.file_actions.export_tensors)
    with np.load(dialogs.path) as data:
        np.testing.assert_array_equal(data["attention"], window.controller.result.attention)
    monkeypatch.setattr(
        QInputDialog, "getItem", staticmethod(lambda *a, **k: ("4. Output of the RNN", True))
    )
    dialogs.path = tmp_path / "rnn.csv"
    written(qtbot, window, window.file_actions.export_tensors)
    rows = dialogs.path.read_text(encoding="utf-8").splitlines()
    assert rows[0] == ",0,1,2,3" and rows[1].startswith("0 o,")
    assert len(rows) == 1 + 5


def test_save_then_open_a_session_restores_text_and_settings(qtbot, window, dialogs, tmp_path):
    controller = window.controller
    wait_for_result(qtbot, controller, lambda: window.controls.hidden_size.setValue(6))
    saved_attention = controller.result.attention.copy()
    dialogs.path = tmp_path / "aula.json"
    written(qtbot, window, window.file_actions.save_session)
    assert "aula.json" in window.statusBar().currentMessage()  # the user sees it was saved
    wait_for_result(qtbot, controller, lambda: window.editor.setPlainText("outra coisa"))
    wait_for_result(qtbot, controller, lambda: window.controls.hidden_size.setValue(2))
    wait_for_result(qtbot, controller, window.file_actions.open_session.trigger)
    assert window.editor.toPlainText() == NOTEBOOK_SENTENCES
    assert window.controls.hidden_size.value() == 6
    np.testing.assert_array_equal(controller.result.attention, saved_attention)


def test_opening_over_unsaved_sentences_asks_first_and_can_be_undone(
    qtbot, window, dialogs, tmp_path
):
    controller = window.controller
    save_session(Session("de um arquivo"), tmp_path / "outra.json")
    dialogs.path = tmp_path / "outra.json"
    wait_for_result(qtbot, controller, lambda: window.editor.setPlainText("meu trabalho"))
    dialogs.answer = QMessageBox.StandardButton.Cancel
    window.file_actions.open_session.trigger()
    assert len(dialogs.questions) == 1 and controller.text == "meu trabalho"
    dialogs.answer = QMessageBox.StandardButton.Yes
    wait_for_result(qtbot, controller, window.file_actions.open_session.trigger)
    assert controller.text == "de um arquivo"
    wait_for_result(qtbot, controller, window.editor.undo)
    assert controller.text == "meu trabalho"  # the replaced sentences come back


def test_new_shows_the_notebooks_example(qtbot, window, dialogs):
    wait_for_result(qtbot, window.controller, lambda: window.editor.setPlainText("outra coisa"))
    wait_for_result(qtbot, window.controller, window.file_actions.new_session.trigger)
    assert window.editor.toPlainText() == NOTEBOOK_SENTENCES
    assert len(dialogs.questions) == 1


def test_a_session_naming_a_missing_sentence_opens_at_the_last_one(
    qtbot, window, dialogs, tmp_path
):
    path = tmp_path / "sete.json"
    save_session(Session("um\ndois", ModelConfig(), ViewSettings(sentence=7, head=3)), path)
    dialogs.path = path
    wait_for_result(qtbot, window.controller, window.file_actions.open_session.trigger)
    assert window.controller.view.sentence == 1
    assert window.heatmap.description.panels[0].sentence == 1


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


def test_recover_lists_autosaved_work(qtbot, window, dialogs, tmp_path):
    from model.recovery import RecoveryStore

    store = RecoveryStore(tmp_path / "autosave")
    store.slot().save(Session("trabalho de ontem\ncom duas frases"))
    window.file_actions.set_recovery(store)
    menu = window.file_actions.recover_menu
    menu.aboutToShow.emit()
    actions = [a for a in menu.actions() if a.isEnabled()]
    assert len(actions) == 1 and "2 sentences" in actions[0].text()
    wait_for_result(qtbot, window.controller, actions[0].trigger)
    assert window.controller.text == "trabalho de ontem\ncom duas frases"
    assert json.loads(Session("x").to_json())["version"] == VERSION
