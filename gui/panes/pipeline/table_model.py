"""Read-only tables over the model's arrays, formatted lazily: only visible cells cost anything.

Qt asks a model for each role of each visible cell on every paint, so ``data`` answers the
roles it knows at once and formats a value only when it is displayed.  Padding cells are
drawn italic on grey.  Long tokens are shortened in cells and given whole in tooltips.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QBrush, QColor, QFont

from figures.heatmap import elide
from gui import disposal, texts

# Translucent, so that the theme's text stays readable on them, light or dark.
PADDING_BACKGROUND = QBrush(QColor(128, 128, 128, 70))
HIGHLIGHT_BACKGROUND = QBrush(QColor(255, 193, 7, 110))
CELL_CHARS = 40
TIP_CHARS = 400

_DISPLAY = Qt.ItemDataRole.DisplayRole
_TOOLTIP = Qt.ItemDataRole.ToolTipRole
_ALIGN = Qt.ItemDataRole.TextAlignmentRole
_BACKGROUND = Qt.ItemDataRole.BackgroundRole
_FONT = Qt.ItemDataRole.FontRole
_RIGHT = int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
_LEFT = int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)


def format_value(value, full: bool = False) -> str:
    if isinstance(value, (float, np.floating)):
        return texts.marks(f"{value:.7g}" if full else f"{value:.4f}")
    return str(value)


class LazyTableModel(QAbstractTableModel):
    """The Qt side of a table; subclasses say what a cell holds with :meth:`cell`.

    ``highlight`` rows and columns (the heatmap's hovered query and key) get a warm
    background, so a cell can be followed from the heatmap into every table.
    """

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self._shape = (0, 0)
        self._rows: Sequence[str] = []  # lazy sequences welcome: only shown labels are made
        self._columns: Sequence[str] = []
        self._muted: np.ndarray | None = None
        self._numeric = False
        self._italic = QFont()
        self._italic.setItalic(True)
        self._highlight: tuple[set, set] = (set(), set())

    def cell(self, row: int, column: int):
        raise NotImplementedError

    def _reset(self, shape, rows, columns, muted, numeric: bool) -> None:
        """New contents.  With the same shape the table repaints in place, new labels and
        all: it keeps its scrolling, and Qt does not measure thousands of headers again."""
        self._muted, self._numeric = muted, numeric
        if shape != self._shape:
            self.beginResetModel()
            self._shape, self._rows, self._columns = shape, rows, columns
            self.endResetModel()
            return
        old_rows, old_columns = self._rows, self._columns
        self._rows, self._columns = rows, columns
        if rows != old_rows and shape[0]:
            self.headerDataChanged.emit(Qt.Orientation.Vertical, 0, shape[0] - 1)
        if columns != old_columns and shape[1]:
            self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, shape[1] - 1)
        if shape[0] and shape[1]:
            self.dataChanged.emit(self.index(0, 0), self.index(shape[0] - 1, shape[1] - 1))

    def set_highlight(self, rows=(), columns=()) -> None:
        highlight = (set(rows), set(columns))
        if highlight != self._highlight:
            self._highlight = highlight
            if self._shape[0] and self._shape[1]:
                self.dataChanged.emit(
                    self.index(0, 0),
                    self.index(self._shape[0] - 1, self._shape[1] - 1),
                    [_BACKGROUND],
                )

    def rowCount(self, parent=QModelIndex()) -> int:  # noqa: B008, N802 (Qt's signature)
        return 0 if parent.isValid() else self._shape[0]

    def columnCount(self, parent=QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else self._shape[1]

    def data(self, index: QModelIndex | QPersistentModelIndex, role=_DISPLAY):
        if role == _DISPLAY:
            value = self.cell(index.row(), index.column())
            return elide(value, CELL_CHARS) if isinstance(value, str) else format_value(value)
        if role == _ALIGN:
            return _RIGHT if self._numeric else _LEFT
        if role == _BACKGROUND:
            row, column = index.row(), index.column()
            if row in self._highlight[0] or column in self._highlight[1]:
                return HIGHLIGHT_BACKGROUND
            return PADDING_BACKGROUND if self._is_muted(row, column) else None
        if role == _FONT:
            return self._italic if self._is_muted(index.row(), index.column()) else None
        if role == _TOOLTIP:
            row, column = index.row(), index.column()
            value = format_value(self.cell(row, column), full=True)
            text = f"{elide(self._rows[row], 80)} · {elide(self._columns[column], 80)}: {value}"
            return elide(text, TIP_CHARS) + ("  (<pad>)" if self._is_muted(row, column) else "")
        return None

    def _is_muted(self, row: int, column: int) -> bool:
        return self._muted is not None and bool(self._muted[row, column])

    def headerData(self, section: int, orientation, role=_DISPLAY):  # noqa: N802
        labels = self._columns if orientation == Qt.Orientation.Horizontal else self._rows
        if not 0 <= section < len(labels):
            return None
        if role == _DISPLAY:
            return elide(labels[section], CELL_CHARS)
        if role == _TOOLTIP:
            return elide(labels[section], TIP_CHARS)
        return None


class ArrayTableModel(LazyTableModel):
    """``values[row, column]``: floats with 4 decimals as the notebook prints them."""

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self._values = np.zeros((0, 0))

    def set_table(self, values: np.ndarray, rows, columns, muted=None) -> None:
        disposal.release(self._values)  # perhaps the last view of a big stage
        self._values = values
        numeric = np.issubdtype(values.dtype, np.number)
        self._reset(values.shape, rows, columns, muted, numeric)

    def detach(self) -> None:
        """Keep showing the same numbers from a copy of their own, so that the result they
        are a view of can be freed (its table keeps its shape: no reset when the next comes)."""
        if self._values.base is not None:
            self._values = np.array(self._values)

    def cell(self, row: int, column: int):
        return self._values[row, column]

    def value(self, row: int, column: int):
        return self._values[row, column]


class VocabularyModel(LazyTableModel):
    """id, token and count of every vocabulary entry; ``<pad>`` (id 0) muted."""

    def __init__(self, headers: list[str], parent=None) -> None:
        super().__init__(parent)
        self._headers = headers
        self._tokens: tuple[str, ...] = ()
        self._counts: tuple[int, ...] = ()

    def set_vocabulary(self, vocabulary) -> None:
        self._tokens, self._counts = vocabulary.tokens, vocabulary.counts
        size = vocabulary.size
        muted = np.zeros((size, 3), dtype=bool)
        muted[0, :] = True
        rows = [str(i) for i in range(size)]
        self._reset((size, 3), rows, self._headers, muted, numeric=False)

    def cell(self, row: int, column: int):
        return (row, self._tokens[row], self._counts[row])[column]


class IdsModel(LazyTableModel):
    """The padded id matrix, each cell "id  token"; padding muted."""

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self._ids = np.zeros((0, 0), dtype=np.int64)
        self._tokens: tuple[str, ...] = ()

    def set_ids(self, ids: np.ndarray, tokens, rows, padding: np.ndarray) -> None:
        self._ids, self._tokens = ids, tokens
        columns = [str(i) for i in range(ids.shape[1])]
        self._reset(ids.shape, rows, columns, padding, numeric=False)

    def cell(self, row: int, column: int):
        number = int(self._ids[row, column])
        return f"{number}  {self._tokens[number]}"
