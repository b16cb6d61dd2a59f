"""A read-only table over a 2-D array, with labelled headers and muted padding cells."""

from __future__ import annotations

import numpy as np
from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QBrush, QColor, QFont

PADDING_BACKGROUND = QColor("#e4e4e4")


class ArrayTableModel(QAbstractTableModel):
    """Shows ``values[row, column]``; floats with 4 decimals as the notebook prints them.

    ``muted`` is a boolean array of the same shape (or None) marking padding cells, drawn
    italic on grey.  The full value is in the tooltip.
    """

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self._values = np.zeros((0, 0))
        self._muted = None
        self._rows: list[str] = []
        self._columns: list[str] = []
        self._italic = QFont()
        self._italic.setItalic(True)

    def set_table(
        self,
        values: np.ndarray,
        row_labels: list[str],
        column_labels: list[str],
        muted: np.ndarray | None = None,
    ) -> None:
        same_shape = values.shape == self._values.shape
        self._values, self._muted = values, muted
        if same_shape and row_labels == self._rows and column_labels == self._columns:
            # Same layout: repaint the cells, keep the view's scroll position and selection.
            if values.size:
                last = self.index(values.shape[0] - 1, values.shape[1] - 1)
                self.dataChanged.emit(self.index(0, 0), last)
            return
        self.beginResetModel()
        self._rows, self._columns = row_labels, column_labels
        self.endResetModel()

    def value(self, row: int, column: int):
        return self._values[row, column]

    def rowCount(self, parent=QModelIndex()) -> int:  # noqa: B008 (Qt's signature)
        return 0 if parent.isValid() else self._values.shape[0]

    def columnCount(self, parent=QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else self._values.shape[1]

    def data(self, index: QModelIndex | QPersistentModelIndex, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        row, column = index.row(), index.column()
        muted = self._muted is not None and bool(self._muted[row, column])
        if role == Qt.ItemDataRole.DisplayRole:
            return _format(self._values[row, column])
        if role == Qt.ItemDataRole.ToolTipRole:
            value = self._values[row, column]
            text = f"{self._rows[row]} · {self._columns[column]}: {_format(value, full=True)}"
            return text + ("  (<pad>)" if muted else "")
        if role == Qt.ItemDataRole.TextAlignmentRole:
            numeric = np.issubdtype(self._values.dtype, np.number)
            horizontal = Qt.AlignmentFlag.AlignRight if numeric else Qt.AlignmentFlag.AlignLeft
            return int(horizontal | Qt.AlignmentFlag.AlignVCenter)
        if muted and role == Qt.ItemDataRole.BackgroundRole:
            return QBrush(PADDING_BACKGROUND)
        if muted and role == Qt.ItemDataRole.FontRole:
            return self._italic
        return None

    def headerData(self, section: int, orientation, role=Qt.ItemDataRole.DisplayRole):
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        labels = self._columns if orientation == Qt.Orientation.Horizontal else self._rows
        return labels[section] if 0 <= section < len(labels) else None


def _format(value, full: bool = False) -> str:
    if isinstance(value, (float, np.floating)):
        return f"{value:.7g}" if full else f"{value:.4f}"
    return str(value)
