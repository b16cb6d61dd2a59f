"""Where the sentences are typed: one per line, with undo and redo."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QPlainTextEdit


class SentenceEditor(QPlainTextEdit):
    """A plain-text editor that reports every edit; the controller decides when to rerun."""

    text_edited = Signal(str)
    """The text after an edit by the user."""

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.setPlaceholderText(self.tr("Type one sentence per line, e.g. “o mikas ta ali”."))
        self.setLineWrapMode(QPlainTextEdit.LineWrapMode.NoWrap)
        self.setTabChangesFocus(True)
        font = QFont(self.font())
        font.setPointSizeF(font.pointSizeF() * 1.25)
        self.setFont(font)
        self._setting = False
        self.textChanged.connect(self._on_text_changed)

    def set_text(self, text: str) -> None:
        """Replace the text from outside (a session, a file) without echoing it back."""
        if text == self.toPlainText():
            return
        self._setting = True
        try:
            self.setPlainText(text)
        finally:
            self._setting = False

    def _on_text_changed(self) -> None:
        if not self._setting:
            self.text_edited.emit(self.toPlainText())
