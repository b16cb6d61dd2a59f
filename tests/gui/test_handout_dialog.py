"""File → Export handout: the exercises a teacher hides, the preview and the page written."""

import json
import re
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QFileDialog, QMessageBox

from conftest import NOTEBOOK_SENTENCES, WAIT_MS, wait_for_result
from figures.handout import content
from figures.handout.choices import HandoutChoices
from gui.application import install_translation
from gui.window.handout_dialog import carried
from model.config import ModelConfig

MULTIHEAD = ModelConfig(attention="multihead", heads=2)
CHECKED, UNCHECKED = Qt.CheckState.Checked, Qt.CheckState.Unchecked


@pytest.fixture
def dialogs(monkeypatch):
    """Answers the save dialog with ``dialogs.path``, records message boxes and the pages
    the browser was asked to open (``dialogs.opens`` says whether it opens them)."""

    class Dialogs:
        path = ""
        opens = True

    answers = Dialogs()
    answers.warnings, answers.opened = [], []
    monkeypatch.setattr(
        QFileDialog, "getSaveFileName", staticmethod(lambda *a, **k: (str(answers.path), ""))
    )
    warn = staticmethod(lambda parent, title, text: answers.warnings.append(text))
    monkeypatch.setattr(QMessageBox, "warning", warn)

    def open_url(url):
        answers.opened.append(url.toLocalFile())
        return answers.opens

    monkeypatch.setattr(QDesktopServices, "openUrl", staticmethod(open_url))
    return answers


@pytest.fixture
def multihead(open_window):
    """The window on the notebook's three sentences with two heads: 3 × 2 maps."""
    return open_window(config=MULTIHEAD)


def opened(window):
    """File → Export handout, and the dialog it opens."""
    window.file_actions.export_handout.trigger()
    dialog = window.file_actions.handout.dialog
    assert dialog is not None and dialog.isVisible() and dialog.isModal()
    return dialog


def rows(dialog) -> list[tuple[str, list[str]]]:
    tree = dialog.tree
    items = [tree.topLevelItem(b) for b in range(tree.topLevelItemCount())]
    return [(i.text(0), [i.child(m).text(0) for m in range(i.childCount())]) for i in items]


def check(dialog, sentence: int, map_: int | None = None, state=CHECKED) -> None:
    item = dialog.tree.topLevelItem(sentence)
    (item if map_ is None else item.child(map_)).setCheckState(0, state)


def written(qtbot, window, button) -> None:
    """Press ``button`` and wait until the file it asked for is written (or refused)."""
    with qtbot.waitSignal(window.file_actions.write_finished, timeout=WAIT_MS):
        button.click()


def page_data(text: str) -> dict:
    data = r'<script type="application/json" id="handout-data">(.*?)</script>'
    found = re.search(data, text, re.S)
    return json.loads(found[1])


def test_the_dialog_lists_every_sentence_and_its_maps(qtbot, multihead, dialogs):
    dialog = opened(multihead)
    assert rows(dialog) == [
        ("0: o mikas ta ali", ["Head 0", "Head 1"]),
        ("1: eu gosto de batata frita", ["Head 0", "Head 1"]),
        ("2: existem elefantes", ["Head 0", "Head 1"]),
    ]
    assert dialog.choices() == HandoutChoices()
    dialog.reject()


def test_one_map_per_sentence_lists_the_sentences_alone(qtbot, window, dialogs):
    dialog = opened(window)
    assert [children for _, children in rows(dialog)] == [[], [], []]
    check(dialog, 2)
    assert dialog.choices().hidden == {(2, 0)}
    dialog.reject()


def test_every_control_has_its_own_mnemonic_and_the_keyboard_checks_maps(qtbot, multihead, dialogs):
    dialog = opened(multihead)
    assert dialog.hidden_label.buddy() is dialog.tree
    controls = [dialog.hidden_label, dialog.teacher, dialog.preview_button, dialog.export_button]
    controls.append(dialog.cancel_button)
    letters = [re.search(r"&(\w)", c.text())[1].lower() for c in controls]
    assert len(set(letters)) == len(letters), letters
    # The space bar checks the current item: a sentence, then one of its maps.
    qtbot.keyClick(dialog.tree, Qt.Key.Key_Space)
    assert dialog.choices().hidden == {(0, 0), (0, 1)}
    qtbot.keyClick(dialog.tree, Qt.Key.Key_Down)
    qtbot.keyClick(dialog.tree, Qt.Key.Key_Space)
    assert dialog.choices().hidden == {(0, 1)}
    dialog.reject()


def test_checking_a_sentence_hides_its_maps_and_a_map_alone_the_map(qtbot, multihead, dialogs):
    dialog = opened(multihead)
    check(dialog, 0)
    check(dialog, 2, 1)
    dialog.teacher.setChecked(True)
    assert dialog.choices() == HandoutChoices(frozenset({(0, 0), (0, 1), (2, 1)}), teacher=True)
    tree = dialog.tree
    assert [tree.topLevelItem(b).checkState(0) for b in range(3)] == [
        CHECKED,
        UNCHECKED,
        Qt.CheckState.PartiallyChecked,
    ]
    check(dialog, 0, 1, UNCHECKED)
    assert dialog.choices().hidden == {(0, 0), (2, 1)}
    dialog.reject()


def test_export_writes_the_page_with_the_chosen_maps_sealed(qtbot, multihead, dialogs, tmp_path):
    dialog = opened(multihead)
    check(dialog, 1, 1)
    dialogs.path = tmp_path / "aula"  # the suffix is added
    written(qtbot, multihead, dialog.export_button)
    assert dialogs.warnings == [] and not dialog.isVisible()
    text = (tmp_path / "aula.html").read_text(encoding="utf-8")
    data = page_data(text)
    assert data["sentences"] == NOTEBOOK_SENTENCES.splitlines()
    maps = {(m["sentence"], m["map"]): m for m in data["maps"]}
    assert len(maps) == 6 and maps[1, 1]["hidden"] and maps[1, 1]["sealed"]
    assert "answer" not in maps[1, 1]
    assert all("answer" in m and "sealed" not in m for key, m in maps.items() if key != (1, 1))
    assert not data["teacher"]


def test_preview_writes_one_temporary_page_and_opens_it(qtbot, multihead, dialogs):
    dialog = opened(multihead)
    check(dialog, 0, 0)
    dialog.preview_button.click()
    qtbot.waitUntil(lambda: len(dialogs.opened) == 1, timeout=WAIT_MS)
    page = Path(dialogs.opened[0])
    assert page.suffix == ".html" and dialog.isVisible()
    sealed = [m for m in page_data(page.read_text(encoding="utf-8"))["maps"] if "sealed" in m]
    assert [(m["sentence"], m["map"]) for m in sealed] == [(0, 0)]
    # The next preview overwrites the same page; a browser that does not open says where.
    check(dialog, 0, 0, UNCHECKED)
    dialogs.opens = False
    dialog.preview_button.click()
    qtbot.waitUntil(lambda: len(dialogs.opened) == 2, timeout=WAIT_MS)
    assert dialogs.opened[1] == str(page)
    assert not [m for m in page_data(page.read_text(encoding="utf-8"))["maps"] if "sealed" in m]
    assert len(dialogs.warnings) == 1 and str(page) in dialogs.warnings[0]
    dialog.reject()


def test_the_choices_are_remembered_and_follow_the_sentences(qtbot, multihead, dialogs):
    controller = multihead.controller
    dialog = opened(multihead)
    check(dialog, 0, 1)
    check(dialog, 1, 0)
    check(dialog, 2)
    dialog.teacher.setChecked(True)
    dialog.reject()
    assert opened(multihead).choices() == HandoutChoices(
        frozenset({(0, 1), (1, 0), (2, 0), (2, 1)}), teacher=True
    )
    dialog.reject()
    wait_for_result(qtbot, controller, lambda: controller.update_config(heads=1))
    assert opened(multihead).choices() == HandoutChoices(frozenset({(1, 0), (2, 0)}), True)
    dialog.reject()
    # A new first sentence moves the others; an edited sentence loses its exercises.
    text = "uma nova sentença\no mikas ta ali\neu gosto de batata frita\nexistem dois elefantes"
    wait_for_result(qtbot, controller, lambda: controller.set_text(text))
    assert opened(multihead).choices().hidden == {(2, 0)}
    dialog.reject()


def test_a_map_that_no_longer_exists_is_dropped():
    sentences = (("a", "b"), ("c",))
    choices = HandoutChoices(frozenset({(0, 3), (1, 1), (1, 2)}))
    # 2 layers × 2 heads, then 1 layer × 3 heads: layer 0 · head 1 is kept, as map 1.
    assert carried(choices, (sentences, 2, 2), (sentences, 1, 3)).hidden == {(1, 1)}
    assert carried(choices, (sentences, 2, 2), (sentences[:1], 2, 2)).hidden == {(0, 3)}
    assert carried(choices, None, (sentences, 2, 2)) == HandoutChoices()


def test_an_unwritable_folder_says_so_and_keeps_the_choices(qtbot, multihead, dialogs, tmp_path):
    blocker = tmp_path / "a-file"
    blocker.write_text("")
    dialog = opened(multihead)
    check(dialog, 1)
    dialogs.path = blocker / "aula.html"
    written(qtbot, multihead, dialog.export_button)
    assert len(dialogs.warnings) == 1 and "cannot write" in dialogs.warnings[0].lower()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a-file"]
    assert opened(multihead).choices().hidden == {(1, 0), (1, 1)}
    dialog.reject()


def test_a_handout_too_big_is_refused_in_the_interface_language(
    qtbot, multihead, dialogs, tmp_path, monkeypatch, qapp
):
    dialog = opened(multihead)
    monkeypatch.setattr(content, "MAX_HANDOUT_CELLS", 10)  # the writer refuses it
    dialogs.path = tmp_path / "aula.html"
    written(qtbot, multihead, dialog.export_button)
    assert "too big for a handout" in dialogs.warnings[0].lower()
    assert not dialogs.path.exists()
    install_translation(qapp, "pt")
    try:
        multihead.file_actions.export_handout.trigger()  # refused before the dialog opens
        assert not dialog.isVisible()
        assert "grande demais para um material" in dialogs.warnings[1].lower()
    finally:
        install_translation(qapp, "en")
