"""One attention matrix in pyqtgraph: a plot with token ticks and one item that paints it all.

The matrix is a single graphics item drawing through :class:`MatrixPainter`, the same code
that draws figures, so the window and exports cannot drift apart.  Ticks thin out by
:func:`tick_step` when cells get smaller than their labels, and the axis title says so.
"""

from __future__ import annotations

import html
import math

import pyqtgraph as pg
from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QFont, QFontMetricsF

from figures.heatmap import ColourScale, Panel, tick_step
from gui.render import colours
from gui.render.matrix import Highlight, MatrixPainter


def tick_font(points: float) -> QFont:
    font = QFont()  # the application's family: an empty family name crashes text layout
    font.setPointSizeF(points)
    return font


def thumbnail_title(title: str, font: QFont, width: float) -> str:
    """``title`` as rich text that fits ``width``: whole when it fits, else its parts
    (" · ") filled onto lines ("layer 2 · head 3<br>induction 0.98"), each line elided at
    its start so that its number shows ("…er 2")."""
    metrics = QFontMetricsF(font)
    width = max(width, 24.0)
    lines: list[str] = []
    for part in title.split(" · "):
        joined = f"{lines[-1]} · {part}" if lines else part
        if lines and metrics.horizontalAdvance(joined) <= width:
            lines[-1] = joined
        else:
            lines.append(part)
    fitted = (metrics.elidedText(line, Qt.TextElideMode.ElideLeft, width) for line in lines)
    return "<br>".join(html.escape(line) for line in fitted)


class MatrixItem(pg.GraphicsObject):
    """Paints a panel over the data rectangle (0, 0)–(L, L), in device pixels."""

    def __init__(self) -> None:
        super().__init__()
        self.painter = MatrixPainter()
        self.highlight = Highlight()
        self.show_values = True
        self.ink = QColor(colours.INK)
        self._size = 1

    def set_panel(self, panel: Panel, scale: ColourScale) -> None:
        size = panel.values.shape[0]
        if size != self._size:
            self.prepareGeometryChange()
            self._size = size
        self.painter.set_panel(panel, scale)
        self.update()

    def set_highlight(self, highlight: Highlight) -> None:
        if highlight != self.highlight:
            self.highlight = highlight
            self.update()

    def boundingRect(self) -> QRectF:  # noqa: N802 (Qt's name)
        return QRectF(0, 0, self._size, self._size)

    def paint(self, painter, *args) -> None:
        target = painter.transform().mapRect(self.boundingRect())
        painter.save()
        painter.resetTransform()
        self.painter.paint(painter, target, self.highlight, self.show_values, ink=self.ink)
        painter.restore()


class MatrixPlot:
    """A plot holding one :class:`MatrixItem`, its axes and ticks."""

    def __init__(self, compact: bool, font_scale: float = 1.0) -> None:
        self.compact = compact
        self.thumbnail = False  # a small panel of a grid: no axes
        self.in_grid = False  # a panel of a layers × heads grid: its title may take two lines
        self.plot = pg.PlotItem()
        self.plot.setMenuEnabled(False)
        self.plot.hideButtons()
        self.plot.setMouseEnabled(False, False)
        self.plot.vb.invertY(True)
        self.plot.vb.setDefaultPadding(0.0)
        self.item = MatrixItem()
        self.plot.addItem(self.item)
        self.panel: Panel | None = None
        self._titles: tuple = ()
        self._ticks: tuple = ()
        self.ink = colours.INK
        self.set_font_scale(font_scale)
        self.plot.vb.sigResized.connect(lambda _view: self._update_ticks())

    def set_font_scale(self, scale: float) -> None:
        self._scale = scale
        self._font = tick_font((8.5 if self.compact else 10.5) * scale)
        self._title_size = f"{(9 if self.compact else 11) * scale:.1f}pt"
        for name in ("left", "bottom"):
            axis = self.plot.getAxis(name)
            axis.setPen(self.ink)
            axis.setTextPen(self.ink)
            axis.setTickFont(self._font)
            axis.setStyle(hideOverlappingLabels=False)  # the first and last labels too
        self._titles, self._ticks = (), ()
        if self.panel is not None:
            self._update_ticks()

    def set_thumbnail(self, thumbnail: bool) -> None:
        """Hide the axes (a thumbnail of a grid: its title names it, the readout its cells)
        or show them again."""
        if thumbnail != self.thumbnail:
            self.thumbnail = thumbnail
            for side in ("left", "bottom"):
                self.plot.showAxis(side, not thumbnail)
            self._titles, self._ticks = (), ()  # (a title set on an axis would show it)
            self._update_ticks()
            if self.panel is not None:
                self._set_title(self.panel.title, self.ink)

    def set_ink(self, ink: str) -> None:
        """The colour of axes, ticks and titles (the window's theme)."""
        self.ink = ink
        self.item.ink = QColor(ink)
        self.set_font_scale(self._scale)
        if self.panel is not None:
            self._set_title(self.panel.title, ink)

    def _title_font(self) -> QFont:
        """The axis titles' font, at their size ("11pt" …)."""
        font = QFont(self._font)
        font.setPointSizeF(float(self._title_size.removesuffix("pt")))
        return font

    def _set_title(self, title: str, ink) -> None:
        """The panel's title, which never widens the panel: a long sentence's title would
        push the colour bar off the canvas (its whole text is the panel's tooltip)."""
        label = self.plot.titleLabel
        if not getattr(label, "never_wider", False):  # pyqtgraph sizes it to its text
            sized = label.updateMin

            def update_min() -> None:
                sized()
                label.setMinimumWidth(0)

            label.updateMin = update_min
            label.never_wider = True
        shown = title
        if (self.thumbnail or self.in_grid) and title:  # fitted to its width, lines if need be
            shown = thumbnail_title(title, self._title_font(), self.plot.vb.width())
        self.plot.setTitle(shown or None, color=ink, size=self._title_size)
        label.item.setToolTip(title)

    def show(self, panel: Panel, scale: ColourScale, titles: tuple[str, str], every: str) -> None:
        """Draw ``panel``.  ``titles``: (rows, columns); ``every``: "labels every {n}", said
        on an axis that labels only every n-th position."""
        size = panel.values.shape[0]
        previous, self.panel = self.panel, panel
        self._every = every
        self.item.set_panel(panel, scale)
        # Titles and ranges only when they change: each change lays out and repaints the
        # axes, which costs more than the matrix itself while training animates.
        if previous is None or previous.title != panel.title:
            self._set_title(panel.title, self.ink)
        if previous is None or previous.values.shape[0] != size:
            self.plot.vb.setRange(xRange=(0, size), yRange=(0, size), padding=0)
        self._axis_titles = titles
        self._update_ticks()

    def cell_at(self, scene_pos: QPointF) -> tuple[int, int] | None:
        """The (row, column) under a scene position, or None."""
        if self.panel is None or not self.plot.vb.sceneBoundingRect().contains(scene_pos):
            return None
        point = self.plot.vb.mapSceneToView(scene_pos)
        row, column = math.floor(point.y()), math.floor(point.x())
        size = self.panel.values.shape[0]
        return (row, column) if 0 <= row < size and 0 <= column < size else None

    def cell_center(self, row: int, column: int) -> QPointF:
        """Scene position of a cell's centre (for tests and keyboard tooltips)."""
        return self.plot.vb.mapViewToScene(QPointF(column + 0.5, row + 0.5))

    def _update_ticks(self) -> None:
        """Label as many rows and columns as fit; say when some are skipped."""
        panel = self.panel
        if panel is None:
            return
        if self.thumbnail:  # no axes: only the title follows the width
            self._set_title(panel.title, self.ink)
            return
        size = panel.values.shape[0]
        rect = self.plot.vb.rect()
        metrics = QFontMetricsF(self._font)
        column_width = max(
            metrics.horizontalAdvance(line) for c in panel.columns for line in c.split("\n")
        )
        row_step = tick_step(size, rect.height() / size, metrics.lineSpacing() * 1.05)
        column_step = tick_step(
            size, rect.width() / size, column_width + metrics.averageCharWidth()
        )
        ticks = (panel.rows, panel.columns, row_step, column_step)
        if ticks != self._ticks:
            self._ticks = ticks
            rows = [(i + 0.5, panel.rows[i]) for i in range(0, size, row_step)]
            columns = [(i + 0.5, panel.columns[i]) for i in range(0, size, column_step)]
            self.plot.getAxis("left").setTicks([rows])
            bottom = self.plot.getAxis("bottom")
            bottom.setTicks([columns])
            lines = max(c.count("\n") + 1 for c in panel.columns)
            bottom.setHeight(metrics.lineSpacing() * lines + (18 if self.compact else 30))
        left, below = self._axis_titles
        if row_step > 1:
            left = f"{left} · {self._every.format(n=row_step)}"
        if column_step > 1:
            below = f"{below} · {self._every.format(n=column_step)}"
        # A title longer than its side elides rather than running off the canvas.
        title_metrics = QFontMetricsF(self._title_font())
        left = title_metrics.elidedText(left, Qt.TextElideMode.ElideRight, rect.height())
        below = title_metrics.elidedText(below, Qt.TextElideMode.ElideRight, rect.width())
        if (left, below) != self._titles:
            self._titles = (left, below)
            self.plot.setLabel("left", left, color=self.ink, **{"font-size": self._title_size})
            self.plot.setLabel("bottom", below, color=self.ink, **{"font-size": self._title_size})
            for side in ("left", "bottom"):  # pyqtgraph centres a title only when resized
                self.plot.getAxis(side).resizeEvent()
