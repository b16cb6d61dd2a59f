"""Widgets for a narrow pane: they wrap or shorten their words rather than widen it.

A QPushButton asks for the width of its whole text, and a pane in a scroll area that only
scrolls up and down is then cut off on the right ("Pronto: anterior, E = 16, H =").  This
one asks for a few letters, draws as much of its text as fits, and when something is left
out the tooltip starts with the whole text.  ``text()`` is always the whole text.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QSize, Qt
from PySide6.QtWidgets import (
    QLabel,
    QPushButton,
    QSizePolicy,
    QStyle,
    QStyleOptionButton,
    QStylePainter,
)


class ElidingButton(QPushButton):
    def __init__(self, text: str = "", parent=None) -> None:
        super().__init__(text, parent)
        self._tip = ""
        # (a push button's own policy makes its whole text its minimum width)
        self.setSizePolicy(QSizePolicy.Policy.Preferred, self.sizePolicy().verticalPolicy())

    def setText(self, text: str) -> None:  # noqa: N802 (Qt's name)
        super().setText(text)
        self._show_tip()

    def setToolTip(self, tip: str) -> None:  # noqa: N802 (Qt's name)
        self._tip = tip
        self._show_tip()

    def shown_text(self) -> str:
        """The text as drawn: whole, or shortened with "…" to the room it has."""
        room = self._text_room(self.width())
        return self.fontMetrics().elidedText(self.text(), Qt.TextElideMode.ElideRight, room)

    def is_elided(self) -> bool:
        return self.shown_text() != self.text()

    def minimumSizeHint(self) -> QSize:  # noqa: N802 (Qt's name)
        """Room for a letter and "…" (and the button's frame), never the whole text."""
        whole = super().minimumSizeHint()
        option = self._option("")  # (styles give a button with text at least 80 pixels)
        letters = self.fontMetrics().horizontalAdvance("M…")
        least = self.style().sizeFromContents(
            QStyle.ContentsType.CT_PushButton, option, QSize(letters, whole.height()), self
        )
        return QSize(min(whole.width(), least.width()), whole.height())

    def paintEvent(self, _event) -> None:  # noqa: N802 (Qt's name)
        painter = QStylePainter(self)
        painter.drawControl(QStyle.ControlElement.CE_PushButton, self._option(self.shown_text()))

    def resizeEvent(self, event) -> None:  # noqa: N802 (Qt's name)
        super().resizeEvent(event)
        self._show_tip()

    def changeEvent(self, event) -> None:  # noqa: N802 (Qt's name)
        super().changeEvent(event)
        if event.type() == QEvent.Type.FontChange:  # zoom: more or less of it fits
            self._show_tip()

    def _option(self, text: str) -> QStyleOptionButton:
        option = QStyleOptionButton()
        self.initStyleOption(option)
        option.text = text
        return option

    def _text_room(self, width: int) -> int:
        option = self._option(self.text())
        option.rect.setWidth(width)
        contents = self.style().subElementRect(
            QStyle.SubElement.SE_PushButtonContents, option, self
        )
        return max(contents.width() - 4, 0)

    def _show_tip(self) -> None:
        tip = getattr(self, "_tip", "")  # (a font can change while Qt makes the button)
        if self.is_elided():
            tip = f"{self.text()}\n{tip}" if tip else self.text()
        if tip != self.toolTip():
            super().setToolTip(tip)


class WrappingLabel(QLabel):
    """A short label on one line where it fits, over two or more where it does not.

    A QLabel that word-wraps asks for a quarter of a line, and so wrapped "Taxa de
    aprendizado:" even with room to spare; this one asks for its whole line and goes down
    to its longest word.
    """

    def __init__(self, text: str = "", parent=None) -> None:
        super().__init__(text, parent)
        self.setWordWrap(True)

    def sizeHint(self) -> QSize:  # noqa: N802 (Qt's name)
        hint = super().sizeHint()
        line = self.fontMetrics().horizontalAdvance(self.text().replace("&", ""))
        margins = self.contentsMargins()
        width = line + 2 * self.margin() + margins.left() + margins.right() + 1
        return QSize(width, self.heightForWidth(width) if self.text() else hint.height())
