"""Heatmap figures: a heatmap description laid out for print (see :mod:`gui.render.drawing`).

The matrix is drawn through the same :class:`MatrixPainter` as the live view; titles, ticks
and colour bars are laid out here, in the figure's own fixed coordinates.  A transformer's
grid (a row per layer, a column per head) keeps its shape; with many heads its panels are
smaller, and below :data:`THUMBNAIL` show their title and matrix only.
"""

from __future__ import annotations

import math

from PySide6.QtCore import QPointF, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QFontMetricsF, QLinearGradient, QPainter, QPen

from figures.heatmap import (
    HeatmapDescription,
    bar_ticks,
    describe_comparison,
    describe_heatmap,
    elide,
    scale_of,
    tick_step,
)
from gui import texts
from gui.render import colours
from gui.render.drawing import MARGIN, Figure, pixel_font
from gui.render.matrix import MatrixPainter
from model.errors import InputError

SINGLE_SIZE = (960, 860)  # a one-panel figure at 1×, in pixels
MULTIPLE_SIZE = 360  # each small multiple of a figure with several panels
MAX_FIGURE_PANELS = 36  # more would make an unreadable poster: the title says which are shown
HEADER = 96
SETTINGS_LINE = 20  # each further line of a settings line too long for one
BAR_ROOM = 110
GRID_WIDTH = 4 * MULTIPLE_SIZE  # a grid's panels share this width, down to MIN_GRID_PANEL
MIN_GRID_PANEL = 150
THUMBNAIL = 250  # a panel narrower than this has no ticks nor axis titles


def wrap_parts(text: str, width: float, font) -> list[str]:
    """``text`` in lines no wider than ``width`` in ``font``, broken between its parts
    (" · "); A's and B's settings ("A: …   |   B: …") start lines of their own, and a part
    wider than a line is a line of its own, elided in the middle."""
    metrics = QFontMetricsF(font)
    lines: list[str] = []
    for group in text.split("   |   "):
        start = len(lines)
        for part in group.split(" · "):
            joined = f"{lines[-1]} · {part}" if len(lines) > start else part
            if len(lines) > start and metrics.horizontalAdvance(joined) <= width:
                lines[-1] = joined
            else:
                lines.append(metrics.elidedText(part, Qt.TextElideMode.ElideMiddle, width))
    return lines or [""]


class HeatmapFigure(Figure):
    """A :class:`HeatmapDescription` at a fixed size, with a title and a settings line."""

    def __init__(self, description: HeatmapDescription, settings: str) -> None:
        self.description = description
        self.title = description.title
        self.settings = settings
        panels = description.panels
        side = MULTIPLE_SIZE
        if len(panels) == 1:
            columns = rows = 1
            width = SINGLE_SIZE[0]
        else:
            if description.columns is not None:  # layers × heads
                columns = description.columns
                side = max(MIN_GRID_PANEL, min(MULTIPLE_SIZE, GRID_WIDTH // columns))
            elif description.difference_scale is not None:
                columns = 3
            else:
                columns = math.ceil(math.sqrt(len(panels)))
            rows = math.ceil(len(panels) / columns)
            width = columns * side + 2 * MARGIN + BAR_ROOM
        if description.difference_scale is not None:
            width += BAR_ROOM  # a second colour bar, for B − A
        # The settings line wraps between its parts rather than being cut at both ends.
        self._settings_lines = wrap_parts(settings, width - 2 * MARGIN, pixel_font(14))
        header = HEADER + (len(self._settings_lines) - 1) * SETTINGS_LINE
        if len(panels) == 1:
            height = SINGLE_SIZE[1] + header - HEADER
            self._cells = [
                QRectF(
                    MARGIN, header, SINGLE_SIZE[0] - 2 * MARGIN - BAR_ROOM, height - header - MARGIN
                )
            ]
        else:
            height = rows * side + header + MARGIN
            self._cells = [
                QRectF(
                    MARGIN + (k % columns) * side,
                    header + (k // columns) * side,
                    side - 12,
                    side - 12,
                )
                for k in range(len(panels))
            ]
        self.size = QSize(width, height)
        self._bar = QRectF(width - MARGIN - 78, header + 8, 18, height - header - MARGIN - 16)
        if description.difference_scale is not None:  # weights' bar first, B − A's at the end
            self._bar.translate(-BAR_ROOM, 0)

    # --- output ---------------------------------------------------------------------------

    # --- drawing --------------------------------------------------------------------------

    def paint(self, painter: QPainter, vector: bool = False) -> None:
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setRenderHint(QPainter.RenderHint.TextAntialiasing)
        width = self.size.width()
        painter.setPen(QColor(colours.INK))
        title = elide(self.description.title, 80)
        if self.description.pages > 1:
            title += f" ({self._range_text()})"
        room = width - 2 * MARGIN
        font = _fitting_font(title, room, largest=24, smallest=16)
        painter.setFont(font)
        painter.drawText(
            QRectF(MARGIN, 14, room, 34),
            Qt.AlignmentFlag.AlignCenter,
            QFontMetricsF(font).elidedText(title, Qt.TextElideMode.ElideRight, room),
        )
        painter.setPen(QColor("#505050"))
        painter.setFont(pixel_font(14))
        for k, line in enumerate(self._settings_lines):
            painter.drawText(
                QRectF(MARGIN, 50 + k * SETTINGS_LINE, width - 2 * MARGIN, SETTINGS_LINE),
                Qt.AlignmentFlag.AlignCenter,
                line,
            )
        for panel, rect in zip(self.description.panels, self._cells, strict=True):
            self._paint_panel(painter, panel, rect, vector)
        self._paint_colour_bar(painter)

    def _range_text(self) -> str:
        description = self.description
        first = description.page * len(description.panels)
        return f"{first}–{first + len(description.panels) - 1} ({description.total})"

    def _paint_panel(self, painter: QPainter, panel, area: QRectF, vector: bool) -> None:
        description = self.description
        compact = len(description.panels) > 1
        if compact and area.width() < THUMBNAIL:
            self._paint_thumbnail(painter, panel, area, vector)
            return
        size = panel.values.shape[0]
        tick_font = pixel_font(11 if compact else 16)
        title_font = pixel_font(13 if compact else 17)
        metrics = QFontMetricsF(tick_font)
        line = metrics.lineSpacing()
        row_width = max(metrics.horizontalAdvance(r) for r in panel.rows)
        column_lines = max(c.count("\n") + 1 for c in panel.columns)
        column_width = max(
            metrics.horizontalAdvance(p) for c in panel.columns for p in c.split("\n")
        )

        top = area.top() + (22 if panel.title else 0)
        left = area.left() + title_font.pixelSize() * 1.4 + 14 + row_width
        bottom_room = column_lines * line + 12 + title_font.pixelSize() * (1.4 if compact else 2.6)
        side = max(10.0, min(area.right() - left - 4, area.bottom() - top - bottom_room))
        cell = side / size
        grid = QRectF(left, top, side, side)

        if panel.title:
            painter.setPen(QColor(colours.INK))
            painter.setFont(title_font)
            painter.drawText(
                QRectF(area.left(), area.top(), area.width(), 20),
                Qt.AlignmentFlag.AlignCenter,
                panel.title,
            )

        matrix = MatrixPainter()
        matrix.set_panel(panel, scale_of(description, panel))
        matrix.paint(painter, grid, vector=vector)

        painter.setPen(QColor(colours.INK))
        painter.setFont(tick_font)
        row_step = tick_step(size, cell, line * 1.05)
        for i in range(0, size, row_step):
            y = top + (i + 0.5) * cell
            painter.drawText(
                QRectF(left - row_width - 8, y - line / 2, row_width, line),
                Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter,
                panel.rows[i],
            )
        column_step = tick_step(size, cell, column_width + metrics.averageCharWidth())
        for j in range(0, size, column_step):
            x = left + (j + 0.5) * cell
            painter.drawText(
                QRectF(x - column_width, grid.bottom() + 4, 2 * column_width, column_lines * line),
                Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop,
                panel.columns[j],
            )

        every = description.every
        row_title = description.row_short if compact else description.row_title
        column_title = description.column_title
        if row_step > 1:
            row_title += " · " + every.format(n=row_step)
        if column_step > 1:
            column_title += " · " + every.format(n=column_step)
        painter.setFont(title_font)
        title_top = grid.bottom() + 8 + column_lines * line
        painter.drawText(
            QRectF(left - 60, title_top, grid.width() + 120, title_font.pixelSize() * 1.4),
            Qt.AlignmentFlag.AlignCenter,
            column_title,
        )
        if not compact and description.column_note:
            painter.setFont(pixel_font(title_font.pixelSize() * 0.8))
            painter.drawText(
                QRectF(
                    left - 60,
                    title_top + title_font.pixelSize() * 1.4,
                    grid.width() + 120,
                    title_font.pixelSize() * 1.2,
                ),
                Qt.AlignmentFlag.AlignCenter,
                f"({description.column_note})",
            )
        painter.save()
        painter.setFont(title_font)
        painter.translate(area.left() + 2, top + side / 2)
        painter.rotate(-90)
        painter.drawText(
            QRectF(-side / 2 - 80, 0, side + 160, title_font.pixelSize() * 1.4),
            Qt.AlignmentFlag.AlignCenter,
            row_title,
        )
        painter.restore()

    def _paint_thumbnail(self, painter: QPainter, panel, area: QRectF, vector: bool) -> None:
        """A small panel of a grid: its title ("layer 1 · head 0") over its matrix."""
        title_font = pixel_font(13)
        painter.setPen(QColor(colours.INK))
        painter.setFont(title_font)
        painter.drawText(
            QRectF(area.left(), area.top(), area.width(), 20),
            Qt.AlignmentFlag.AlignCenter,
            QFontMetricsF(title_font).elidedText(
                panel.title, Qt.TextElideMode.ElideRight, area.width()
            ),
        )
        side = max(10.0, min(area.width(), area.height() - 24))
        grid = QRectF(area.center().x() - side / 2, area.top() + 24, side, side)
        matrix = MatrixPainter()
        matrix.set_panel(panel, scale_of(self.description, panel))
        matrix.paint(painter, grid, vector=vector)

    def _paint_colour_bar(self, painter: QPainter) -> None:
        self._paint_bar(painter, self._bar, self.description.scale)
        difference = self.description.difference_scale
        if difference is not None:
            self._paint_bar(painter, self._bar.translated(BAR_ROOM, 0), difference)

    def _paint_bar(self, painter: QPainter, bar: QRectF, scale) -> None:
        gradient = QLinearGradient(bar.bottomLeft(), bar.topLeft())
        for k in range(0, 256, 15):
            gradient.setColorAt(k / 255, colours.cell_colour(scale.colour_map, k / 255))
        gradient.setColorAt(1.0, colours.cell_colour(scale.colour_map, 1.0))
        # (the gradient spans the map; the tick labels say which values its ends stand for)
        painter.setPen(QPen(QColor(colours.INK), 1))
        painter.setBrush(gradient)
        painter.drawRect(bar)
        painter.setFont(pixel_font(13))
        span = scale.high - scale.low
        for value, label in bar_ticks(scale):
            y = bar.bottom() - (value - scale.low) / (span or 1) * bar.height()
            painter.drawLine(QPointF(bar.right(), y), QPointF(bar.right() + 5, y))
            painter.drawText(
                QRectF(bar.right() + 8, y - 9, 44, 18),
                Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
                texts.marks(label),
            )
        if scale.uniform is not None and scale.low <= scale.uniform <= scale.high:
            y = bar.bottom() - (scale.uniform - scale.low) / (span or 1) * bar.height()
            painter.setPen(QPen(QColor(colours.INK), 2, Qt.PenStyle.DashLine))
            painter.drawLine(QPointF(bar.left() - 6, y), QPointF(bar.right(), y))
            painter.setFont(pixel_font(11))
            painter.drawText(
                QRectF(bar.left() - 52, y - 8, 44, 16),
                Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter,
                f"1/{round(1 / scale.uniform)}",
            )
        painter.save()
        painter.setPen(QColor(colours.INK))
        painter.setFont(pixel_font(15))
        painter.translate(bar.right() + 56, bar.center().y())
        painter.rotate(-90)
        painter.drawText(
            QRectF(-bar.height() / 2, 0, bar.height(), 22),
            Qt.AlignmentFlag.AlignCenter,
            scale.label,
        )
        painter.restore()


def figure_for(
    result,
    sentence: int,
    head: int = -1,
    colour_map: str = "cividis",
    colour_scale: str = "fixed",
    padding: bool = True,
    layer: int = -1,
) -> HeatmapFigure:
    """The figure of ``sentence`` (-1 = all) and ``head`` (-1 = all) of ``result``; every
    head shown may be one ``layer``'s."""
    if not -1 <= sentence < result.batch_size:
        raise InputError("no_such_sentence", sentence=sentence, last=result.batch_size - 1)
    if not -1 <= head < result.head_count:
        raise InputError("no_such_head", head=head, last=result.head_count - 1)
    description = describe_heatmap(
        result,
        sentence,
        head,
        texts.heatmap_words(),
        colour_map=colour_map,
        colour_scale=colour_scale,
        per_page=MAX_FIGURE_PANELS,
        padding=padding,
        layer=layer,
    )
    return HeatmapFigure(description, texts.settings_line(result.config, result.training))


def comparison_figure(
    comparison,
    sentence: int,
    head: int = -1,
    colour_map="cividis",
    colour_scale="fixed",
    padding: bool = True,
) -> HeatmapFigure:
    """A, B and B − A of one sentence and head, with both settings under the title."""
    description = describe_comparison(
        comparison,
        sentence,
        head,
        texts.heatmap_words(),
        colour_map=colour_map,
        colour_scale=colour_scale,
        padding=padding,
    )
    settings = (
        f"A: {texts.settings_line(comparison.a.config, comparison.a.training)}   |   "
        f"B: {texts.settings_line(comparison.b.config, comparison.b.training)}"
    )
    return HeatmapFigure(description, settings)


def _fitting_font(text: str, room: float, largest: int, smallest: int):
    """The largest pixel size from ``largest`` down to ``smallest`` at which ``text`` fits
    ``room`` (a long sentence's title above a narrow grid once ran off both edges)."""
    for size in range(largest, smallest - 1, -1):
        font = pixel_font(size)
        if QFontMetricsF(font).horizontalAdvance(text) <= room:
            return font
    return pixel_font(smallest)
