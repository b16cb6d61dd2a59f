"""The arithmetic of one attention weight, for the cell the user picked on the heatmap.

The text comes from :mod:`model.explain`, the same walk-through the command line prints with
``--explain``; this panel only shows it, in a fixed-width font so the terms line up.  After
an edit it explains the same cell in the new result, or asks for a new pick when the cell is
gone.
"""

from __future__ import annotations

from PySide6.QtGui import QFontDatabase
from PySide6.QtWidgets import QPlainTextEdit, QVBoxLayout, QWidget

from gui import texts


class ExplainPanel(QWidget):
    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.text = QPlainTextEdit()
        self.text.setReadOnly(True)
        self.text.setLineWrapMode(QPlainTextEdit.LineWrapMode.WidgetWidth)
        self.text.setFont(QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont))
        self.text.setTabChangesFocus(True)
        self.text.setPlaceholderText(
            self.tr(
                "Click a cell of the heatmap, or move to it with the arrow keys and press "
                "Enter: its weight is worked out here, step by step, with this run's numbers."
            )
        )
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.text)
        self._shown = None

    def show_hidden(self) -> None:
        """Say that the weights are hidden (a lesson's exercise), explaining none of them."""
        self.text.setPlainText(
            self.tr(
                "The weights are hidden until you reveal your guess: pick, in each row of "
                "the heatmap, the key you expect to get the most weight, then press Reveal."
            )
        )
        self._shown = None

    def show_cell(self, result, cell) -> None:
        """Explain ``cell`` = (sentence, head, query, key) of ``result``; None clears."""
        if result is None or cell is None:
            self.text.setPlainText("")
            self._shown = None
            return
        from model.explain import explain, explanation_lines

        key = (id(result), cell)
        if key == self._shown:
            return
        sentence, head, query, column = cell
        explanation = explain(result, sentence, query, column, head)
        self.text.setPlainText("\n".join(explanation_lines(explanation, texts.language())))
        self._shown = key
