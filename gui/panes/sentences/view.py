"""Where the sentences are typed: one per line, with undo and redo."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtGui import QFont, QTextCursor
from PySide6.QtWidgets import QPlainTextEdit

MAX_UNDO_STEPS = 1000  # a bounded history: hours of editing must not grow memory for ever


class SentenceEditor(QPlainTextEdit):
    """A plain-text editor that reports every edit; the controller decides when to rerun."""

    text_edited = Signal(str)
    """The text after an edit by the user."""

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.setPlaceholderText(self.tr("Type one sentence per line, e.g. “o mikas ta ali”."))
        self.setLineWrapMode(QPlainTextEdit.LineWrapMode.NoWrap)
        self.setTabChangesFocus(True)
        self.document().setMaximumBlockCount(0)
        self.document().setUndoRedoEnabled(True)
        font = QFont(self.font())
        font.setPointSizeF(font.pointSizeF() * 1.25)
        self.setFont(font)
        self._setting = False
        self._last = ""
        self.textChanged.connect(self._on_text_changed)
        self.document().undoCommandAdded.connect(self._bound_history)

    def set_text(self, text: str) -> None:
        """Replace the text from outside (a session, a file) as one step the user can undo."""
        if text == self.toPlainText():
            return
        self._setting = True
        try:
            cursor = QTextCursor(self.document())
            cursor.beginEditBlock()
            cursor.select(QTextCursor.SelectionType.Document)
            cursor.insertText(text)
            cursor.endEditBlock()
            self._last = text
        finally:
            self._setting = False

    def _on_text_changed(self) -> None:
        if self._setting:
            return
        text = self.toPlainText()
        if text != self._last:  # formatting-only changes (none here) would repeat the text
            self._last = text
            self.text_edited.emit(text)

    def _bound_history(self) -> None:
        document = self.document()
        if document.availableUndoSteps() > MAX_UNDO_STEPS:
            # Qt cannot drop only the oldest steps: past the bound the history starts again.
            # (Typing merges into few steps, so this takes a thousand separate edits.)
            document.clearUndoRedoStacks(document.Stacks.UndoStack)
