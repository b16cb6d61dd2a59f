"""The attention behind one generated word: one row per map (layer · head), one column per
word it had read, each cell on the heatmap's colour map.

It is the last row of every map of the network when it wrote the word: where the position
that made the guess looked.  Each row sums to 1.  Values are printed in the cells when they
fit; the tooltip of a cell names its map, its word and its weight.
"""

from __future__ import annotations

import numpy as np
from PySide6.QtCore import QEvent, QRectF, QSize, Qt
from PySide6.QtGui import QPainter, QPalette
from PySide6.QtWidgets import QSizePolicy, QWidget

from gui import texts
from gui.render import colours


class ContextAttention(QWidget):
    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.values = np.zeros((0, 0))
        self._rows: list[str] = []
        self._short: list[str] = []  # the rows' names where the long ones do not fit
        self._columns: list[str] = []
        self._colour_map = "cividis"
        self.setMouseTracking(True)
        self.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Fixed)

    def set_attention(self, values, rows, short, columns, colour_map: str) -> None:
        """``values`` (maps, words): each map's weights over the words read; ``rows`` the
        maps' names ("layer 0 · head 1"), ``short`` the same in a few letters ("0 · 1")."""
        self.values = np.asarray(values, dtype=np.float64)
        self._rows, self._short = list(rows), list(short)
        self._columns, self._colour_map = list(columns), colour_map
        self.setAccessibleDescription("; ".join(map(self._row_text, range(len(rows)))))
        self.updateGeometry()
        self.update()

    def _row_text(self, row: int) -> str:
        pairs = zip(self._columns, self.values[row], strict=True)
        return f"{self._rows[row]}: " + ", ".join(f"{w} {texts.fixed(v, 2)}" for w, v in pairs)

    def set_colour_map(self, name: str) -> None:
        if name != self._colour_map:
            self._colour_map = name
            self.update()

    # --- geometry ---------------------------------------------------------------------------

    def _row_height(self) -> float:
        return self.fontMetrics().height() * 1.35

    def sizeHint(self) -> QSize:  # noqa: N802 (Qt's name)
        height = (len(self._rows) + 1) * self._row_height() + 4
        return QSize(240, int(height) + 1)

    def minimumSizeHint(self) -> QSize:  # noqa: N802 (Qt's name)
        return QSize(60, self.sizeHint().height())

    def changeEvent(self, event) -> None:  # noqa: N802 (Qt's name)
        super().changeEvent(event)
        if event.type() == QEvent.Type.FontChange:
            self.updateGeometry()

    def _names(self) -> list[str]:
        """The rows' names that fit in at most a third of the width: long, else short."""
        metrics = self.fontMetrics()
        widest = max((metrics.horizontalAdvance(r) for r in self._rows), default=0)
        return self._rows if widest + 8 <= self.width() / 3 else self._short

    def _grid(self) -> tuple[float, float]:
        """Where the cells start (after the row labels) and each column's width."""
        metrics = self.fontMetrics()
        label = max((metrics.horizontalAdvance(r) for r in self._names()), default=0) + 8
        label = min(label, self.width() * 0.45)
        count = max(len(self._columns), 1)
        return label, max((self.width() - label - 2) / count, 1.0)

    def cell_at(self, x: float, y: float) -> tuple[int, int] | None:
        start, width = self._grid()
        row = int((y - 2) // self._row_height())
        column = int((x - start) // width) if x >= start else -1
        if 0 <= row < len(self._rows) and 0 <= column < len(self._columns):
            return row, column
        return None

    # --- drawing ----------------------------------------------------------------------------

    def paintEvent(self, _event) -> None:  # noqa: N802 (Qt's name)
        if not self._rows:
            return
        painter = QPainter(self)
        ink = self.palette().color(QPalette.ColorRole.WindowText)
        metrics = self.fontMetrics()
        start, width = self._grid()
        height = self._row_height()
        number_fits = metrics.horizontalAdvance("0,00") + 4 <= width
        left = Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter
        centre = Qt.AlignmentFlag.AlignCenter
        text_colours = colours.text_colours(self._colour_map)
        for r, name in enumerate(self._names()):
            top = 2 + r * height
            painter.setPen(ink)
            shown = metrics.elidedText(name, Qt.TextElideMode.ElideRight, int(start - 6))
            painter.drawText(QRectF(0, top, start - 4, height), left, shown)
            for c, value in enumerate(self.values[r]):
                cell = QRectF(start + c * width, top, width, height)
                painter.fillRect(cell, colours.cell_colour(self._colour_map, value))
                if number_fits:
                    painter.setPen(text_colours[colours.level(value)])
                    painter.drawText(cell, centre, texts.fixed(float(value), 2))
        top = 2 + len(self._rows) * height
        painter.setPen(ink)
        for c, word in enumerate(self._columns):
            cell = QRectF(start + c * width, top, width, height)
            shown = metrics.elidedText(word, Qt.TextElideMode.ElideRight, int(width - 2))
            painter.drawText(cell, centre, shown)

    def mouseMoveEvent(self, event) -> None:  # noqa: N802 (Qt's name)
        where = self.cell_at(event.position().x(), event.position().y())
        if where is None:
            self.setToolTip("")
            return
        r, c = where
        value = texts.fixed(float(self.values[r, c]), 3)
        self.setToolTip(f"{self._rows[r]} → “{self._columns[c]}”: {value}")
