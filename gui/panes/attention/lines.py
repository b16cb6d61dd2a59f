"""The lines view in the window: hover a token to see only its lines.

A minimum weight and a "strongest per query" count keep long sentences legible.  The
drawing is :func:`paint_lines`, the same as the exported figure's.
"""

from __future__ import annotations

import html

from PySide6.QtCore import QRectF, Qt, Signal
from PySide6.QtGui import QColor, QFont, QPainter
from PySide6.QtWidgets import (
    QDoubleSpinBox,
    QHBoxLayout,
    QLabel,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from figures.lines import LinesDescription, describe_lines
from gui import texts
from gui.render.lines import HEAD_COLOURS, head_colour, paint_lines, token_rects
from model.session import MAX_TOP_K


class _Drawing(QWidget):
    """Where the lines are painted; reports the token under the mouse."""

    hovered = Signal(object)

    def __init__(self) -> None:
        super().__init__()
        self.setMouseTracking(True)
        self.setMinimumSize(200, 160)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setObjectName("linesDrawing")
        self.setStyleSheet(
            "#linesDrawing { border: 3px solid transparent; }"
            "#linesDrawing:focus { border: 3px solid #2f6fdf; }"
        )
        self.set_theme("white", "#202020")
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground)
        self.description: LinesDescription | None = None
        self.font_scale = 1.0
        self.ink = "#202020"

    def set_theme(self, background: str, ink: str) -> None:
        self.ink = ink
        palette = self.palette()
        palette.setColor(self.backgroundRole(), QColor(background))
        self.setPalette(palette)
        self.setAutoFillBackground(True)
        self.update()

    def token_font(self) -> QFont:
        font = QFont(self.font())
        font.setPointSizeF(12 * self.font_scale)
        return font

    def area(self) -> QRectF:
        return QRectF(self.rect()).adjusted(12, 12, -12, -12)

    def paintEvent(self, event) -> None:  # noqa: N802 (Qt's name)
        super().paintEvent(event)
        if self.description is not None:
            painter = QPainter(self)
            paint_lines(painter, self.area(), self.description, self.token_font(), self.ink)
            painter.end()

    def mouseMoveEvent(self, event) -> None:  # noqa: N802
        found = None
        if self.description is not None:
            left, right = token_rects(self.description, self.area(), self.token_font())
            point = event.position()
            for side, rects in (("query", left), ("key", right)):
                for position, rect in enumerate(rects):
                    if rect.contains(point):
                        found = (side, position)
        self.hovered.emit(found)

    def leaveEvent(self, event) -> None:  # noqa: N802
        self.hovered.emit(None)


class LinesView(QWidget):
    """Queries on the left, keys on the right, a line per pair, opacity by weight."""

    options_chosen = Signal(float, int)
    """The user changed the threshold or the top-k (0 = every line)."""

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.threshold = QDoubleSpinBox()
        self.threshold.setRange(0.0, 1.0)
        self.threshold.setSingleStep(0.05)
        self.threshold.setDecimals(2)
        self.threshold.setValue(0.05)
        self.threshold.setToolTip(
            self.tr("Lines for weights below this are not drawn, but each query's strongest is")
        )
        self.top_k = QSpinBox()
        self.top_k.setRange(0, MAX_TOP_K)
        self.top_k.setSpecialValueText(self.tr("all"))
        self.top_k.setToolTip(self.tr("Only each query's strongest lines (all: no limit)"))
        threshold_label = QLabel(self.tr("Hide lines &below:"))
        threshold_label.setBuddy(self.threshold)
        top_label = QLabel(self.tr("Strongest per &query:"))
        top_label.setBuddy(self.top_k)
        bar = QHBoxLayout()
        bar.addWidget(threshold_label)
        bar.addWidget(self.threshold)
        bar.addWidget(top_label)
        bar.addWidget(self.top_k)
        bar.addStretch(1)
        self.drawing = _Drawing()
        self.hidden_note = QLabel()  # says why each query has one line only, when none passes
        self.hidden_note.setWordWrap(True)
        self.hidden_note.hide()
        self.key = QLabel()  # which colour is which map, when several are drawn
        self.key.setWordWrap(True)
        self.key.hide()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(bar)
        layout.addWidget(self.key)
        layout.addWidget(self.hidden_note)
        layout.addWidget(self.drawing, 1)
        self._shown = None
        self._focus = None
        self.threshold.valueChanged.connect(self._on_options_edited)
        self.top_k.valueChanged.connect(self._on_options_edited)
        self.drawing.hovered.connect(self._on_hovered)

    @property
    def description(self) -> LinesDescription | None:
        return self.drawing.description

    def show_result(
        self, result, sentence: int, head: int, title: str, threshold: float, top_k: int
    ) -> None:
        """Draw ``sentence`` of ``result``, hiding lines under ``threshold`` and keeping each
        query's ``top_k`` strongest (0 = all)."""
        for box, value in ((self.threshold, threshold), (self.top_k, top_k)):
            box.blockSignals(True)
            box.setValue(value)
            box.blockSignals(False)
        self._shown = (result, max(sentence, 0), head, title)
        self._redraw()

    def _on_options_edited(self, _value) -> None:
        self.options_chosen.emit(self.threshold.value(), self.top_k.value())

    def release(self) -> None:
        """Let go of the result shown (a big one is freed before the next is computed)."""
        self._shown = None

    def options(self) -> dict:
        """The threshold and top-k drawn (as the figure takes them: None = every line)."""
        return {
            "threshold": self.threshold.value(),
            "top_k": self.top_k.value() or None,
        }

    def set_font_scale(self, scale: float) -> None:
        self.drawing.font_scale = scale
        self.drawing.update()

    def set_theme(self, background: str, ink: str) -> None:
        self.drawing.set_theme("white" if background == "w" else background, ink)

    def _on_hovered(self, focus) -> None:
        if focus != self._focus:
            self._focus = focus
            self._redraw()

    def _redraw(self) -> None:
        if self._shown is None:
            return
        result, sentence, head, title = self._shown
        description = describe_lines(
            result, sentence, head, focus=self._focus, title=title, **self.options()
        )
        self.drawing.description = description
        self.drawing.update()
        self._show_key(result, description.heads)
        # Near-uniform attention over many keys puts every weight under the threshold: each
        # query keeps its strongest line only, and the note says why.
        strongest = float(result.attention_maps[sentence].max())
        under = self._focus is None and 0 < strongest < self.threshold.value()
        self.hidden_note.setVisible(under)
        if under:
            self.hidden_note.setText(
                self.tr(
                    "No weight reaches {threshold} (the strongest is {strongest}): each query "
                    "shows its strongest line only. Lower “Hide lines below” to see more."
                ).format(threshold=f"{self.threshold.value():.2f}", strongest=f"{strongest:.3f}")
            )

    def _show_key(self, result, heads) -> None:
        """ "■ layer 0 · head 0   ■ layer 0 · head 1 …": each map's colour, while there are
        colours enough to tell the maps apart."""
        shown = 1 < len(heads) <= len(HEAD_COLOURS)
        self.key.setVisible(shown)
        if shown:
            self.key.setText(
                "&nbsp;&nbsp; ".join(
                    f'<span style="color: {head_colour(h).name()}">■</span>&nbsp;'
                    + html.escape(texts.map_name(result.config, h))
                    for h in heads
                )
            )
