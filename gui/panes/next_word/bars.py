"""Horizontal probability bars: one row per word, the bar's length its probability.

The bars share one scale, 0 to 1, drawn as a faint track behind each bar, so a word the
model is sure of fills its row and the ten rows of a guess can be compared at a glance.  A
marked row (the word that really follows, or the word that was written) is drawn bold in
another colour with a ✓.  The text is the widget's own type: it follows the zoom.

Keyboard: the widget takes focus; ← and → ask for the previous or next position
(``step_requested``), ↑ and ↓ go through the rows, each row's words read in the tooltip and
the accessible description.
"""

from __future__ import annotations

from typing import NamedTuple

from PySide6.QtCore import QEvent, QRectF, QSize, Qt, Signal
from PySide6.QtGui import QColor, QFont, QPainter, QPalette
from PySide6.QtWidgets import QSizePolicy, QToolTip, QWidget

MARK = "✓"
COLOURS = {  # (light theme, dark theme): Okabe–Ito blue and vermilion, readable on either
    "bar": ("#0072B2", "#56B4E9"),
    "marked": ("#D55E00", "#F08A3C"),
}


class Bar(NamedTuple):
    word: str
    probability: float  # the length of the bar, 0 to 1
    value: str  # the number as printed, in the interface's decimal mark
    marked: bool = False
    rank: int | None = None  # printed before the word ("23. ta"): a row outside the order


class ProbabilityBars(QWidget):
    step_requested = Signal(int)
    """← or → pressed: -1 for the previous position, +1 for the next."""

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self._bars: list[Bar] = []
        self._extra: Bar | None = None  # a row after a gap (the following word, 23rd)
        self._current = -1  # the row the keyboard is on
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setMouseTracking(True)
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Fixed)

    # --- contents ---------------------------------------------------------------------------

    def set_bars(self, bars: list[Bar], extra: Bar | None = None) -> None:
        self._bars, self._extra = list(bars), extra
        self._current = min(self._current, len(self._rows()) - 1)
        self.setAccessibleDescription("; ".join(self._row_text(bar) for bar in self._rows()))
        self.updateGeometry()
        self.update()

    def bars(self) -> list[Bar]:
        """The rows shown, the extra one last."""
        return self._rows()

    def _rows(self) -> list[Bar]:
        return [*self._bars, self._extra] if self._extra is not None else list(self._bars)

    @staticmethod
    def _row_text(bar: Bar) -> str:
        rank = f"{bar.rank}. " if bar.rank is not None else ""
        mark = f" {MARK}" if bar.marked else ""
        return f"{rank}{bar.word}{mark}: {bar.value}"

    # --- sizes ------------------------------------------------------------------------------

    def _row_height(self) -> float:
        return self.fontMetrics().height() * 1.45

    def _gap(self) -> float:
        return self._row_height() * 0.6 if self._extra is not None else 0.0

    def sizeHint(self) -> QSize:  # noqa: N802 (Qt's name)
        metrics = self.fontMetrics()
        rows = len(self._rows())
        height = rows * self._row_height() + self._gap() + 4
        return QSize(metrics.horizontalAdvance("M") * 22, int(height) + 1)

    def minimumSizeHint(self) -> QSize:  # noqa: N802 (Qt's name)
        return QSize(self.fontMetrics().horizontalAdvance("M") * 8, self.sizeHint().height())

    def changeEvent(self, event) -> None:  # noqa: N802 (Qt's name)
        super().changeEvent(event)
        if event.type() == QEvent.Type.FontChange:  # zoomed: taller rows
            self.updateGeometry()

    # --- drawing ----------------------------------------------------------------------------

    def _colour(self, key: str) -> QColor:
        dark = self.palette().color(QPalette.ColorRole.Window).value() < 128
        return QColor(COLOURS[key][1 if dark else 0])

    def _row_top(self, index: int) -> float:
        gap = self._gap() if self._extra is not None and index == len(self._bars) else 0.0
        return 2 + index * self._row_height() + gap

    def _columns(self) -> tuple[float, float, float]:
        """Where the bars start and end, and the numbers' column width."""
        metrics = self.fontMetrics()
        words = [self._label(bar) for bar in self._rows()]
        widest = max((metrics.horizontalAdvance(w) for w in words), default=0)
        label = min(widest + metrics.horizontalAdvance(f" {MARK}") * 1.2 + 8, self.width() * 0.42)
        number = metrics.horizontalAdvance("0,000") + 10
        return label, max(self.width() - number - 4, label + 10), number

    @staticmethod
    def _label(bar: Bar) -> str:
        return f"{bar.rank}. {bar.word}" if bar.rank is not None else bar.word

    def paintEvent(self, _event) -> None:  # noqa: N802 (Qt's name)
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
        palette = self.palette()
        ink = palette.color(QPalette.ColorRole.WindowText)
        track = QColor(ink)
        track.setAlpha(28)
        start, end, number = self._columns()
        height = self._row_height()
        bold = QFont(self.font())
        bold.setBold(True)
        rows = self._rows()
        if self._extra is not None:
            top = self._row_top(len(self._bars)) - self._gap()
            painter.setPen(ink)
            painter.drawText(QRectF(0, top, start, self._gap()), Qt.AlignmentFlag.AlignCenter, "⋮")
        for index, bar in enumerate(rows):
            top = self._row_top(index)
            if index == self._current and self.hasFocus():
                painter.fillRect(QRectF(0, top, self.width(), height), palette.highlight())
            painter.setFont(bold if bar.marked else self.font())
            metrics = painter.fontMetrics()
            text = self._label(bar) + (f" {MARK}" if bar.marked else "")
            shown = metrics.elidedText(text, Qt.TextElideMode.ElideRight, int(start - 6))
            painter.setPen(self._colour("marked") if bar.marked else ink)
            align = Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter
            painter.drawText(QRectF(2, top, start - 4, height), align, shown)
            inset = height * 0.2
            room = QRectF(start, top + inset, end - start, height - 2 * inset)
            painter.fillRect(room, track)
            filled = QRectF(room)
            filled.setWidth(max(room.width() * min(max(bar.probability, 0.0), 1.0), 1.0))
            painter.fillRect(filled, self._colour("marked" if bar.marked else "bar"))
            painter.setPen(ink)
            right = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
            painter.drawText(QRectF(end, top, number, height), right, bar.value)
        if self.hasFocus() and self._current < 0 and rows:
            painter.setPen(palette.color(QPalette.ColorRole.Highlight))
            painter.drawRect(QRectF(0.5, 0.5, self.width() - 1, self.height() - 1))

    # --- the user -----------------------------------------------------------------------------

    def keyPressEvent(self, event) -> None:  # noqa: N802 (Qt's name)
        key = event.key()
        if key in (Qt.Key.Key_Left, Qt.Key.Key_Right):
            self.step_requested.emit(-1 if key == Qt.Key.Key_Left else 1)
        elif key in (Qt.Key.Key_Up, Qt.Key.Key_Down) and self._rows():
            step = -1 if key == Qt.Key.Key_Up else 1
            self._current = min(max(self._current + step, 0), len(self._rows()) - 1)
            self._say_current()
            self.update()
        else:
            super().keyPressEvent(event)

    def _say_current(self) -> None:
        """The keyboard's row, in words, where a mouse's tooltip would show it."""
        bar = self._rows()[self._current]
        top = self._row_top(self._current)
        place = self.mapToGlobal(self.rect().topLeft())
        place.setY(place.y() + int(top + self._row_height()))
        QToolTip.showText(place, self._row_text(bar), self)

    def focusOutEvent(self, event) -> None:  # noqa: N802 (Qt's name)
        super().focusOutEvent(event)
        self.update()

    def focusInEvent(self, event) -> None:  # noqa: N802 (Qt's name)
        super().focusInEvent(event)
        self.update()

    def mouseMoveEvent(self, event) -> None:  # noqa: N802 (Qt's name)
        y = event.position().y()
        for index, bar in enumerate(self._rows()):
            top = self._row_top(index)
            if top <= y < top + self._row_height():
                self.setToolTip(self._row_text(bar))
                return
        self.setToolTip("")
