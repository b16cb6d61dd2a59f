"""The heatmap's canvas: a page of matrix plots and their colour bars, built once, updated in place.

Small multiples come in pages of as many panels as fit at a readable size; a transformer's
heads of one sentence come as one grid, a row per layer and a column per head, its panels
shrunk to thumbnails (matrix and title only) when they must be, as in BertViz's "model
view": a click on one opens it (the view above says how).  The keyboard
moves a cursor over the cells (arrows, Home, End), Enter picks a cell, X switches its head
off or on again (so does the right button), Page Up and Page Down
turn pages; the mouse hovers and clicks.  The canvas reports the cell the user points at and
the cell they pick; the view around it says what that cell holds.
"""

from __future__ import annotations

import math
from functools import cache

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QPoint, QPointF, Qt, QTimer, Signal
from PySide6.QtGui import QFont, QFontMetricsF

from figures.heatmap import DIVERGING_MAP, HeatmapDescription, bar_ticks, scale_of
from gui import texts
from gui.panes.attention.plot import MatrixPlot, tick_font
from gui.render import colours
from gui.render.matrix import Highlight

MIN_PANEL = 290  # pixels a small multiple needs, axes included, to stay readable
MIN_SINGLE = 200
THUMBNAIL = 170  # a grid's panel smaller than this shows its matrix and title, no axes
BAR_ROOM = 90  # the colour bar beside the plots


@cache
def colour_map(name: str) -> pg.ColorMap:
    """The colour bar's map: the very table the cells are painted with."""
    return pg.ColorMap(np.linspace(0.0, 1.0, 256), colours.lookup_table(name), name=name)


def _bar(colour_map_name: str, low: float, high: float) -> pg.ColorBarItem:
    bar = pg.ColorBarItem(
        values=(low, high),
        colorMap=colour_map(colour_map_name),
        interactive=False,
        width=18,
        colorMapMenu=False,
    )
    axis = bar.getAxis("right")
    axis.setPen(colours.INK)
    axis.setTextPen(colours.INK)
    axis.enableAutoSIPrefix(False)
    return bar


class HeatmapCanvas(pg.GraphicsLayoutWidget):
    """Draws a :class:`HeatmapDescription`; takes keyboard focus and shows it with a frame."""

    cell_hovered = Signal(object)
    """(panel index, row, column) under the mouse, or None."""
    cell_stepped = Signal(object)
    """(panel index, row, column): the keyboard cursor moved there."""
    cell_chosen = Signal(object)
    """(panel index, row, column) clicked, or under the cursor when Enter was pressed."""
    page_turned = Signal(int)
    """The user asked for the next (+1) or previous (-1) page."""
    resized = Signal()
    play_pressed = Signal()
    """Space: play or pause training (when there is training to play)."""
    head_switch_requested = Signal(int, object)
    """(panel index, where on screen for a menu, or None): the right button on a panel, or
    X on the keyboard cursor's: switch that panel's head off or on again."""

    def __init__(self) -> None:
        super().__init__()
        self.setBackground("w")
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setObjectName("heatmapCanvas")
        self.setStyleSheet(
            "#heatmapCanvas { border: 3px solid transparent; }"
            "#heatmapCanvas:focus { border: 3px solid #2f6fdf; }"
        )
        self.setMinimumSize(MIN_SINGLE, MIN_SINGLE)
        self.description: HeatmapDescription | None = None
        self.font_scale = 1.0
        self.ink = colours.INK
        self._grid = pg.GraphicsLayout()
        self.addItem(self._grid, 0, 0)
        self._single: MatrixPlot | None = None
        self._small: list[MatrixPlot] = []
        self.plots: list[MatrixPlot] = []
        self._grid_shape = (0, 0, False, False)
        self._bar = _bar("cividis", 0.0, 1.0)
        self._uniform = pg.InfiniteLine(
            angle=0, pen=pg.mkPen(colours.INK, width=2, style=Qt.PenStyle.DashLine)
        )
        self._bar.addItem(self._uniform)
        self.addItem(self._bar, 0, 1)
        self._difference_bar: pg.ColorBarItem | None = None  # made for the first comparison
        self.uniform_text = "dashed: uniform, 1/{n}"
        self._scales_shown: tuple = ()  # what the colour bars show now
        self._bar_label = ""  # the colour bar's whole title
        self._bar_label_shown: tuple[str, str] | None = None  # (text, type size)
        self._cursor: tuple[int, int, int] | None = None  # panel, row, column
        self.scene().sigMouseMoved.connect(self._on_mouse_moved)
        self.scene().sigMouseClicked.connect(self._on_mouse_clicked)

    # --- layout -------------------------------------------------------------------------------

    def per_page(self, comparison: bool = False) -> int:
        """How many panels fit at a readable size."""
        width = max(1, self.width() - BAR_ROOM * (2 if comparison else 1))
        height = max(1, self.height())
        return max(1, width // MIN_PANEL) * max(1, height // MIN_PANEL)

    def columns(self, count: int, comparison: bool = False) -> int:
        """Columns of the grid: as square as the canvas allows, each panel readable."""
        width = max(1, self.width() - BAR_ROOM * (2 if comparison else 1))
        fit = max(1, width // MIN_PANEL)
        if comparison:
            return min(count, fit)  # A, B and B − A in one row when they fit
        # The grid whose panels are largest (their smaller side): two heads side by side on
        # a wide, short canvas, one above the other on a tall, narrow one.
        height = max(1, self.height())

        def side(columns: int) -> float:
            return min(width / columns, height / math.ceil(count / columns))

        return max(range(1, max(1, min(count, fit)) + 1), key=side)

    def grid_columns(self, description: HeatmapDescription) -> int:
        """The columns ``description``'s panels take: the grid's heads per layer, or as many
        as :meth:`columns` chooses."""
        if description.columns is not None:
            return description.columns
        return self.columns(len(description.panels), description.difference_scale is not None)

    def thumbnails(self, description: HeatmapDescription) -> bool:
        """Whether the grid's panels are too small for axes: matrix and title only."""
        if description.grid is None:
            return False
        rows, columns = description.grid
        width = max(1, self.width() - BAR_ROOM)
        return min(width / columns, self.height() / rows) < THUMBNAIL

    def needs_arranging(self, description: HeatmapDescription) -> bool:
        """Whether the canvas's size now asks for another grid than the one it shows."""
        count = len(description.panels)
        shape = (count, self.grid_columns(description), count > 1, self.thumbnails(description))
        return shape != self._grid_shape

    def draw(self, description: HeatmapDescription, compact_title: bool) -> None:
        """Show every panel of ``description`` (one page of them)."""
        self.description = description
        count = len(description.panels)
        compact = count > 1
        if compact:
            while len(self._small) < count:
                self._small.append(self._new_plot(compact=True))
            plots = self._arrange(self._small[:count], description)
        else:
            if self._single is None:
                self._single = self._new_plot(compact=False)
            plots = self._arrange([self._single], description)
        row_title = description.row_short if compact or compact_title else description.row_title
        titles = (row_title, description.column_title)
        for plot, panel in zip(plots, description.panels, strict=True):
            plot.show(panel, scale_of(description, panel), titles, description.every)
        self._show_scales(description)

    def _new_plot(self, compact: bool) -> MatrixPlot:
        plot = MatrixPlot(compact=compact, font_scale=self.font_scale)
        plot.set_ink(self.ink)
        return plot

    def set_theme(self, background: str, ink: str) -> None:
        """Plot background and ink: the window's theme (figures keep print colours)."""
        self.ink = ink
        self.setBackground(background)
        for bar in self._bars():
            axis = bar.getAxis("right")
            axis.setPen(ink)
            axis.setTextPen(ink)
        self._uniform.setPen(pg.mkPen(ink, width=2, style=Qt.PenStyle.DashLine))
        for plot in [self._single, *self._small]:
            if plot is not None:
                plot.set_ink(ink)
        if self.description is not None:
            self._show_scales(self.description)

    def _arrange(self, plots: list[MatrixPlot], description) -> list[MatrixPlot]:
        """Put ``plots`` in a grid that fits the canvas; only when the grid's shape changes."""
        count = len(plots)
        columns = self.grid_columns(description)
        thumbnails = self.thumbnails(description)
        shape = (count, columns, plots[0].compact, thumbnails)
        for plot in plots:
            plot.in_grid = description.grid is not None
            plot.set_thumbnail(thumbnails)
        if shape != self._grid_shape:
            self._grid.clear()
            for k, plot in enumerate(plots):
                self._grid.addItem(plot.plot, k // columns, k % columns)
            self._grid_shape = shape
        self.plots = plots
        return plots

    def _show_scales(self, description: HeatmapDescription) -> None:
        """The colour bars, touched only when what they show changes (each touch lays out
        and repaints them)."""
        scale, difference = description.scale, description.difference_scale
        shown = (scale, difference, self.ink, self.font_scale, self.uniform_text)
        if shown == self._scales_shown:
            return
        self._scales_shown = shown
        if difference is not None:
            if self._difference_bar is None:
                self._difference_bar = _bar(DIVERGING_MAP, -1.0, 1.0)
                axis = self._difference_bar.getAxis("right")
                axis.setPen(self.ink)
                axis.setTextPen(self.ink)
            self._difference_bar.setColorMap(colour_map(difference.colour_map))
            self._difference_bar.setLevels((difference.low, difference.high))
            self._difference_bar.getAxis("right").setLabel(
                difference.label, color=self.ink, **{"font-size": f"{10 * self.font_scale:.1f}pt"}
            )
        bar = self._difference_bar
        if bar is not None and (difference is not None) != (bar.scene() is not None):
            if difference is not None:
                self.addItem(bar, 0, 2)
            else:
                self.removeItem(bar)
        self._bar.setColorMap(colour_map(scale.colour_map))
        self._bar.setLevels((scale.low, scale.high))
        # Ticks of our own: pyqtgraph picks their decimals from a spacing it measures as it
        # lays out, and a bar laid out small once read "1, 0, 0, 0, 0" until repainted.
        for bar, shown_scale in ((self._bar, scale), (self._difference_bar, difference)):
            if bar is not None and shown_scale is not None:
                ticks = [(value, texts.marks(text)) for value, text in bar_ticks(shown_scale)]
                bar.getAxis("right").setTicks([ticks])
        uniform = scale.uniform
        visible = uniform is not None and scale.low <= uniform <= scale.high
        self._uniform.setVisible(visible)
        label = scale.label
        if visible:  # the label says what the dashed mark on the bar is
            # The bar draws its colours in coordinates of its own, not in values.
            bottom, top = self._bar.vb.viewRange()[1]
            fraction = (uniform - scale.low) / ((scale.high - scale.low) or 1.0)
            self._uniform.setValue(bottom + fraction * (top - bottom))
            label += " · " + self.uniform_text.format(n=round(1 / uniform))
        self._bar_label = label
        self._fit_bar_label()
        font = tick_font(9 * self.font_scale)
        # Room for the widest tick ("−0.25") at this size: pyqtgraph would only widen the
        # axis after painting, with the label drawn over the ticks meanwhile.
        room = QFontMetricsF(font).horizontalAdvance("−0.00") + 10
        for bar in self._bars():
            axis = bar.getAxis("right")
            axis.setTickFont(font)
            axis.setWidth(int(room))

    def _fit_bar_label(self) -> None:
        """The colour bar's title, elided to the bar's height (never cut at both ends)."""
        size = f"{10 * self.font_scale:.1f}pt"
        font = QFont(self.font())
        font.setPointSizeF(10 * self.font_scale)
        room = max(self._bar.height(), 40.0)
        label = QFontMetricsF(font).elidedText(self._bar_label, Qt.TextElideMode.ElideRight, room)
        if (label, size) != self._bar_label_shown:  # zoomed, the same words grow
            self._bar_label_shown = (label, size)
            self._bar.getAxis("right").setLabel(label, color=self.ink, **{"font-size": size})

    def _bars(self) -> list[pg.ColorBarItem]:
        return [bar for bar in (self._bar, self._difference_bar) if bar is not None]

    def set_font_scale(self, scale: float) -> None:
        self.font_scale = scale
        if self.description is not None:
            self._show_scales(self.description)
        for plot in [self._single, *self._small]:
            if plot is not None:
                plot.set_font_scale(scale)

    def show_values(self, shown: bool) -> None:
        """Print each cell's weight in it, or not (while training plays: twenty pictures a
        second of numbers nobody can read took a third of each frame)."""
        for plot in (self._single, *self._small):
            if plot is not None and plot.item.show_values != shown:
                plot.item.show_values = shown
                plot.item.update()

    def set_highlights(self, hover, selected) -> None:
        """``hover`` and ``selected`` are (sentence, head, row, column); each panel of that
        sentence and head outlines them (the three panels of a comparison alike)."""
        if self.description is None:
            return
        for plot, panel in zip(self.plots, self.description.panels, strict=False):
            key = (panel.sentence, panel.head)
            shown_hover = hover[2:] if hover is not None and hover[:2] == key else None
            shown_selected = selected[2:] if selected is not None and selected[:2] == key else None
            plot.item.set_highlight(Highlight(shown_hover, shown_selected))

    # --- pointing -----------------------------------------------------------------------------

    def panel_at(self, scene_pos: QPointF):
        for index, plot in enumerate(self.plots):
            cell = plot.cell_at(scene_pos)
            if cell is not None:
                return (index, *cell)
        return None

    def _on_mouse_moved(self, scene_pos: QPointF) -> None:
        found = self.panel_at(scene_pos)
        if found is not None:
            self._cursor = found
        self.cell_hovered.emit(found)

    def _on_mouse_clicked(self, event) -> None:
        found = self.panel_at(event.scenePos())
        if found is not None and event.button() == Qt.MouseButton.RightButton:
            self.head_switch_requested.emit(found[0], event.screenPos().toPoint())
        elif found is not None:
            self.cell_chosen.emit(found)

    def keyPressEvent(self, event) -> None:  # noqa: N802 (Qt's name)
        if self.description is None or not self.description.panels:
            super().keyPressEvent(event)
            return
        key = event.key()
        if key in (Qt.Key.Key_PageDown, Qt.Key.Key_PageUp):
            self.page_turned.emit(1 if key == Qt.Key.Key_PageDown else -1)
            return
        if key == Qt.Key.Key_Space:
            self.play_pressed.emit()
            return
        index, row, column = self._cursor or (0, 0, 0)
        index = min(index, len(self.description.panels) - 1)
        if key == Qt.Key.Key_X:
            self.head_switch_requested.emit(index, None)
            return
        size = self.description.panels[index].values.shape[0]
        row, column = min(row, size - 1), min(column, size - 1)
        moves = {
            Qt.Key.Key_Left: (0, -1),
            Qt.Key.Key_Right: (0, 1),
            Qt.Key.Key_Up: (-1, 0),
            Qt.Key.Key_Down: (1, 0),
        }
        if key in moves:
            dr, dc = moves[key]
            row, column = min(max(row + dr, 0), size - 1), min(max(column + dc, 0), size - 1)
        elif key == Qt.Key.Key_Home:
            row = column = 0
        elif key == Qt.Key.Key_End:
            row = column = size - 1
        elif key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self.cell_chosen.emit((index, row, column))
            return
        else:
            super().keyPressEvent(event)
            return
        self._cursor = (index, row, column)
        self.cell_stepped.emit(self._cursor)

    def global_position(self, found) -> QPoint:
        """Where on screen the centre of cell ``found`` (panel index, row, column) is."""
        index, row, column = found
        centre = self.mapFromScene(self.plots[index].cell_center(row, column))
        return self.viewport().mapToGlobal(centre)

    def resizeEvent(self, event) -> None:  # noqa: N802
        super().resizeEvent(event)
        if getattr(self, "_bar_label", ""):  # (Qt resizes the canvas while it is being made)
            QTimer.singleShot(0, self, self._fit_bar_label)  # once the bar has its height
        self.resized.emit()
