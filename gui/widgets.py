"""Small widgets used across the window."""

from __future__ import annotations

from PySide6.QtCore import QSize, Qt, QTimer
from PySide6.QtGui import QColor, QFontMetrics, QPainter
from PySide6.QtWidgets import (
    QComboBox,
    QFrame,
    QGraphicsColorizeEffect,
    QScrollArea,
    QSizePolicy,
    QStyle,
    QStyleOptionComboBox,
    QStylePainter,
    QVBoxLayout,
    QWidget,
)


class ElidedLabel(QFrame):
    """One line of text that shrinks with "…" instead of widening the window.

    A QLabel asks for the width of its whole text; a sentence with a 20,000-character word
    would push the window off the screen.  This one asks for a few characters and elides.
    The full text is the tooltip.
    """

    def __init__(self, text: str = "", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._text = ""
        self._alignment = Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter
        self.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Fixed)
        self.setText(text)

    def text(self) -> str:
        return self._text

    def setText(self, text: str) -> None:  # noqa: N802 (Qt's naming, as QLabel)
        if text != self._text:
            self._text = text
            self.setToolTip(text if len(text) < 2000 else text[:2000] + "…")
            self.update()

    def setAlignment(self, alignment) -> None:  # noqa: N802
        self._alignment = alignment
        self.update()

    def sizeHint(self) -> QSize:  # noqa: N802
        metrics = QFontMetrics(self.font())
        width = min(metrics.horizontalAdvance(self._text[:200]), 400)
        return QSize(width + 8, metrics.height() + 4)

    def minimumSizeHint(self) -> QSize:  # noqa: N802
        metrics = QFontMetrics(self.font())
        return QSize(metrics.horizontalAdvance("M…") + 8, metrics.height() + 4)

    def paintEvent(self, event) -> None:  # noqa: N802
        super().paintEvent(event)
        painter = QPainter(self)
        rect = self.contentsRect().adjusted(2, 0, -2, 0)
        # Elide from a bounded prefix: measuring a megabyte of text on every paint is slow.
        text = self._text if len(self._text) <= 2000 else self._text[:2000]
        shown = self.fontMetrics().elidedText(text, Qt.TextElideMode.ElideRight, rect.width())
        painter.drawText(rect, self._alignment, shown)


class ElidedComboBox(QComboBox):
    """A combo box that asks for ``characters`` of room and shows what does not fit as "…"
    (Qt's cuts a choice mid-word in a narrow pane); its list shows every choice whole."""

    def __init__(self, characters: int = 6, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.setMinimumContentsLength(characters)

    def _option(self) -> QStyleOptionComboBox:
        option = QStyleOptionComboBox()
        self.initStyleOption(option)
        return option

    def shown_text(self) -> str:
        """The current choice as drawn: whole, or elided to the box's text field."""
        option = self._option()
        field = self.style().subControlRect(
            QStyle.ComplexControl.CC_ComboBox, option, QStyle.SubControl.SC_ComboBoxEditField, self
        )
        text = option.currentText[:2000]
        return self.fontMetrics().elidedText(text, Qt.TextElideMode.ElideRight, field.width() - 2)

    def paintEvent(self, event) -> None:  # noqa: N802 (Qt's name)
        painter = QStylePainter(self)
        option = self._option()
        painter.drawComplexControl(QStyle.ComplexControl.CC_ComboBox, option)
        option.currentText = self.shown_text()
        painter.drawControl(QStyle.ControlElement.CE_ComboBoxLabel, option)


def glow(widget: QWidget, milliseconds: int = 1400) -> None:
    """Tint ``widget`` warm for a moment: "look here" (the lesson points with it)."""
    effect = QGraphicsColorizeEffect(widget)
    effect.setColor(QColor("#ffb000"))
    effect.setStrength(0.35)
    widget.setGraphicsEffect(effect)
    QTimer.singleShot(milliseconds, widget, lambda: widget.setGraphicsEffect(None))


class Scrolling(QScrollArea):
    """A panel that scrolls on a small screen instead of being cut off, and tells its
    content how wide it is (see ``ControlsPanel.fit_to``)."""

    def resizeEvent(self, event) -> None:  # noqa: N802 (Qt's name)
        super().resizeEvent(event)
        fit_to = getattr(self.widget(), "fit_to", None)
        if fit_to is not None:
            fit_to(self.viewport().width())


def scrolling(widget: QWidget, sideways: bool = True) -> QScrollArea:
    """``widget`` in a scroll area; ``sideways=False`` for content that wraps to any width."""
    area = Scrolling()
    area.setWidget(widget)
    area.setWidgetResizable(True)
    area.setFrameShape(QScrollArea.Shape.NoFrame)
    if not sideways:
        area.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
    return area


def column(*widgets) -> QVBoxLayout:
    """``widgets`` one above the other, with a small margin."""
    layout = QVBoxLayout()
    layout.setContentsMargins(4, 4, 4, 4)
    for widget in widgets:
        layout.addWidget(widget)
    return layout
