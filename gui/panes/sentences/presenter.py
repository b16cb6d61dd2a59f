"""The sentences pane's presenter: the editor's text is the state's text, both ways."""

from __future__ import annotations

from PySide6.QtCore import QObject

from gui.binding import bind


class SentencesPresenter(QObject):
    def __init__(self, controller, view) -> None:
        super().__init__(view)
        view.set_text(controller.text)
        view.document().clearUndoRedoStacks()
        view.text_edited.connect(controller.set_text)
        bind(controller.state.events.text, self, view.set_text)
