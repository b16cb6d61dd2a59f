"""Pointing: the cell or table row under the cursor, passed between the panes.

Linked highlighting goes through here, so that no pane calls another: the heatmap points at
a cell and the tables light up its tokens; a table row points at a query and the heatmap
lights it up.  Pointing is passing, never part of the state, and is never saved.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal


class Pointing(QObject):
    cell_pointed = Signal(object)
    """The cell under the cursor, (sentence, head, row, column), or None."""
    query_pointed = Signal(int, object)
    """A table row under the cursor: its sentence and query row (None: none)."""

    def __init__(self, state, parent=None) -> None:
        super().__init__(parent)
        self._state = state

    def at_cell(self, cell) -> None:
        self.cell_pointed.emit(cell)

    def at_query(self, row) -> None:
        """A query row of the sentence shown (the first, when all are shown)."""
        self.query_pointed.emit(max(self._state.sentence, 0), row)
