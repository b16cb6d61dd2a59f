"""View → Language: the window speaks the language chosen, at once and at the next start.

Each language is offered in its own name.  Choosing one makes the window anew on the same
work (text, settings, training, autosave), remembers the choice, and Qt's own dialogs speak
it too.
"""

from __future__ import annotations

import pytest
from PySide6.QtCore import QCoreApplication

from conftest import wait_for_result
from gui import texts
from gui.application import install_translation
from gui.window import autosave
from gui.window.language_menu import OWN_NAMES, remembered_language
from gui.window.launch import Shown
from model.recovery import RecoveryStore


@pytest.fixture
def back_to_english(qapp):
    yield
    install_translation(qapp, "en")


def choose(window, name: str) -> None:
    item = next(a for a in window.language_group.actions() if a.text() == name)
    item.trigger()


def test_choosing_portuguese_makes_the_window_anew_in_it_on_the_same_work(
    qtbot, qapp, make_controller, tmp_path, back_to_english
):
    from gui.window.main_window import MainWindow

    controller = make_controller("a minha frase")
    window = MainWindow(controller)  # not the test's to close: the switch closes it
    window.show()
    wait_for_result(qtbot, controller, controller.start)
    store = RecoveryStore(tmp_path / "autosave")
    saver = autosave.watch(window, store)
    shown = Shown(qapp, window, saver, store)
    assert [a.text() for a in window.language_group.actions()] == list(OWN_NAMES.values())
    choose(window, "Português")
    new = shown.window
    qtbot.addWidget(new)
    assert new is not window and new.controller is controller and not window.isVisible()
    assert texts.language() == "pt" and remembered_language() == "pt"
    assert new.menuBar().actions()[0].text() == "&Arquivo"
    assert new.editor.toPlainText() == "a minha frase"
    qtbot.waitUntil(lambda: bool(new.heatmap.current_plots()), timeout=2000)  # drawn at once
    assert new.heatmap.sentence_selector.count() > 0
    assert "token_ids" in new.shapes_label.text()
    # Qt's own dialogs speak it too (its translations are loaded with ours).
    assert QCoreApplication.translate("QFileDialog", "Look in:") != "Look in:"
    wait_for_result(qtbot, controller, lambda: controller.update_config(seed=4))
    saver.save_now()
    assert store.newest()[0].session.config.seed == 4  # the autosave follows the new window
    choose(new, "English")
    assert shown.window.menuBar().actions()[0].text() == "&File"
    qtbot.addWidget(shown.window)
    assert remembered_language() == "en"
    saver.close()
