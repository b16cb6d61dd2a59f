"""Words in a row that wraps, each one an item the mouse and the arrow keys can pick.

A list view in flow mode, as tall as its lines (up to a limit, then it scrolls): a written
text reads as a line of words, and picking one is picking an item.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QSize, Qt, QTimer
from PySide6.QtWidgets import QAbstractItemView, QListView, QListWidget, QSizePolicy

MAX_LINES = 8


class WordFlow(QListWidget):
    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.setFlow(QListView.Flow.LeftToRight)
        self.setWrapping(True)
        self.setResizeMode(QListView.ResizeMode.Adjust)
        self.setMovement(QListView.Movement.Static)
        self.setSpacing(3)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Fixed)
        self._height = self._line() + 2 * self.frameWidth()
        self._fitting = QTimer(self)
        self._fitting.setSingleShot(True)
        self._fitting.setInterval(0)
        self._fitting.timeout.connect(self._fit_now)

    def _line(self) -> int:
        return self.fontMetrics().height() + 2 * self.spacing() + 6

    def fit(self) -> None:
        """Take the height of the lines the words wrap into (once laid out)."""
        self._fitting.start()

    def _fit_now(self) -> None:
        self.doItemsLayout()
        bottom = 0
        for row in range(self.count()):
            rect = self.visualItemRect(self.item(row))
            bottom = max(bottom, rect.bottom() + self.verticalOffset())
        lines = bottom + self.spacing() + 2 if self.count() else self._line()
        height = min(max(lines, self._line()), MAX_LINES * self._line()) + 2 * self.frameWidth()
        if height != self._height:
            self._height = height
            self.updateGeometry()

    def sizeHint(self) -> QSize:  # noqa: N802 (Qt's name)
        return QSize(200, self._height)

    def minimumSizeHint(self) -> QSize:  # noqa: N802 (Qt's name)
        return QSize(60, self._height)

    def resizeEvent(self, event) -> None:  # noqa: N802 (Qt's name)
        super().resizeEvent(event)
        if event.oldSize().width() != event.size().width():
            self.fit()

    def changeEvent(self, event) -> None:  # noqa: N802 (Qt's name)
        super().changeEvent(event)
        if event.type() == QEvent.Type.FontChange:
            self.fit()
