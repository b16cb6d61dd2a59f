"""The softmax's arithmetic for the words shown: logit, exp(logit), and exp ÷ Σ.

A table (model and view): one row per word, the word that follows marked in bold; the sum
Σ over the whole vocabulary is printed under it by the pane.  Numbers are in the interface's
decimal mark, rows and columns sized from the table's own type (they follow the zoom).
"""

from __future__ import annotations

from PySide6.QtCore import QAbstractTableModel, QEvent, QModelIndex, QSize, Qt
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QSizePolicy, QTableView

from gui import texts


def short(value: float) -> str:
    """A positive number read at a glance: 4 decimals below 100, 1 up to a million, then
    powers of ten; in the interface's decimal mark."""
    if abs(value) >= 1e6:
        mantissa, exponent = f"{value:.3e}".split("e")
        return f"{texts.marks(mantissa)} × 10^{int(exponent)}"
    if abs(value) >= 100:
        return texts.marks(f"{value:,.1f}")
    return texts.fixed(value, 4)


class ArithmeticModel(QAbstractTableModel):
    """Rows of (word, logit, exp, exp ÷ Σ, marked)."""

    def __init__(self, headers: list[str], parent=None) -> None:
        super().__init__(parent)
        self._headers = headers
        self._rows: list[tuple[str, float, float, float, bool]] = []
        self._bold = QFont()  # the table's own type, bold (set by the table: it zooms)
        self._bold.setBold(True)

    def set_rows(self, rows) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    def rows(self):
        return list(self._rows)

    def set_font(self, font: QFont) -> None:
        """The table's type: the marked row is drawn in it, bold."""
        self._bold = QFont(font)
        self._bold.setBold(True)
        if self._rows:
            last = self.index(len(self._rows) - 1, len(self._headers) - 1)
            self.dataChanged.emit(self.index(0, 0), last, [Qt.ItemDataRole.FontRole])

    def rowCount(self, parent=QModelIndex()) -> int:  # noqa: N802, B008 (Qt's name)
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent=QModelIndex()) -> int:  # noqa: N802, B008 (Qt's name)
        return 0 if parent.isValid() else len(self._headers)

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):  # noqa: N802
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            return self._headers[section]
        return None

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        word, logit, exp, share, marked = self._rows[index.row()]
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            if column == 0:
                return word
            return (texts.fixed(logit, 3), short(exp), texts.fixed(share, 3))[column - 1]
        if role == Qt.ItemDataRole.TextAlignmentRole and column > 0:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.FontRole and marked:
            return self._bold
        return None


class ArithmeticTable(QTableView):
    """As tall as its rows (the pane scrolls, not the table); Tab leaves it."""

    def __init__(self, model: ArithmeticModel) -> None:
        super().__init__()
        self.setModel(model)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setTabKeyNavigation(False)
        self.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        self.verticalHeader().hide()
        self.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        header = self.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        header.setMinimumSectionSize(10)
        self.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Fixed)
        model.modelReset.connect(self._fit)
        self._fit()

    def _fit(self) -> None:
        self.model().set_font(self.font())
        metrics = self.fontMetrics()
        self.verticalHeader().setDefaultSectionSize(metrics.height() + 6)
        self.updateGeometry()

    def sizeHint(self) -> QSize:  # noqa: N802 (Qt's name)
        rows = self.model().rowCount()
        height = self.horizontalHeader().sizeHint().height()
        height += rows * self.verticalHeader().defaultSectionSize() + 2 * self.frameWidth() + 2
        return QSize(200, height)

    def minimumSizeHint(self) -> QSize:  # noqa: N802 (Qt's name)
        return self.sizeHint()

    def changeEvent(self, event) -> None:  # noqa: N802 (Qt's name)
        super().changeEvent(event)
        if event.type() == QEvent.Type.FontChange:
            self._fit()
