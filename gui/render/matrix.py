"""Drawing one attention matrix into a rectangle: the live view and the figure share this.

Everything inside the matrix is drawn here, from a :class:`~figures.heatmap.Panel`:
cell colours, padding stripes, masked cells (grey and hatched, no value), the line where a
sentence ends, the printed values, the expected keys of a trained task and the selection.
Work is proportional to rows, not cells, except for the values, which are only printed
when the cells are big enough to read them.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

import numpy as np
from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QFont, QFontMetricsF, QImage, QPainter, QPen

from figures.heatmap import ColourScale, Panel, values_fit
from gui import texts
from gui.render import colours
from model.stages import CAUSAL, MASKED, REAL

MAX_VALUE_PIXELS = 22.0
HIDDEN, HIDDEN_DARK = QColor(218, 218, 218), QColor(70, 70, 70)  # an exercise's hidden cells
GUESS = QColor("#ff5a1f")  # a student's pick: a ring that reads on every colour map


@dataclass(frozen=True)
class Highlight:
    """What the user points at: a hovered cell (row and column bands) and a selected cell."""

    hover: tuple[int, int] | None = None
    selected: tuple[int, int] | None = None


def matrix_image(panel: Panel, scale: ColourScale) -> QImage:
    """The cells' colours as an L × L image, one pixel per cell (scaled without smoothing)."""
    lut = colours.lookup_table(scale.colour_map)
    span = scale.high - scale.low if scale.high > scale.low else 1.0
    levels = np.clip((panel.values - scale.low) / span * 255, 0, 255).astype(np.uint8)
    rgb = lut[levels]
    size = panel.values.shape[0]
    argb = np.empty((size, size), dtype=np.uint32)
    argb[:] = (
        0xFF000000
        | (rgb[..., 0].astype(np.uint32) << 16)
        | (rgb[..., 1].astype(np.uint32) << 8)
        | rgb[..., 2]
    )
    image = QImage(argb.data, size, size, 4 * size, QImage.Format.Format_RGB32)
    return image.copy()  # own the pixels: the array goes away


def state_runs(states: np.ndarray) -> list[tuple[int, int, int, int]]:
    """(state, row, first column, end column) for every run of equal non-real cells in a row.

    One pass over the whole matrix: a run starts at column 0 and wherever a cell differs
    from its left neighbour, and ends where the next one starts (column 0 of the next row
    being always a start).
    """
    rows, columns = states.shape
    starts = np.ones(states.shape, dtype=bool)
    starts[:, 1:] = states[:, 1:] != states[:, :-1]
    first = np.flatnonzero(starts)
    end = np.append(first[1:], rows * columns)
    row, column = np.divmod(first, columns)
    state = states.reshape(-1)[first]
    keep = state != REAL
    return list(
        zip(
            state[keep].tolist(),
            row[keep].tolist(),
            column[keep].tolist(),
            (end - row * columns)[keep].tolist(),
            strict=True,
        )
    )


def printed_cells(panel: Panel) -> list[tuple[int, int]]:
    """The cells whose value is printed: every cell but the masked ones (padding hidden by
    the mask, later keys hidden by the causal mask), whose weight is exactly 0 by design."""
    rows, columns = _printed(panel)
    return list(zip(rows.tolist(), columns.tolist(), strict=True))


def _printed(panel: Panel) -> tuple[np.ndarray, np.ndarray]:
    """:func:`printed_cells` as two arrays, rows and columns."""
    return np.nonzero(~np.isin(panel.states, (MASKED, CAUSAL)))


def value_pixels(printed: list[str], cw: float, ch: float) -> int:
    """The type size of the printed values: the widest fills most of a cell's width (large
    enough for the back of a room), within a share of its height and a ceiling."""
    if not printed:
        return 1
    font = QFont()
    font.setPixelSize(100)
    widest = max(QFontMetricsF(font).horizontalAdvance(text) for text in set(printed))
    return max(1, int(min(100 * 0.78 * cw / max(widest, 1.0), ch * 0.42, MAX_VALUE_PIXELS)))


class MatrixPainter:
    """Paints a panel; keeps its image and runs until the panel changes."""

    def __init__(self) -> None:
        self._panel: Panel | None = None
        self._scale: ColourScale | None = None
        self._image: QImage | None = None
        self._runs: list = []

    def set_panel(self, panel: Panel, scale: ColourScale) -> None:
        self._panel, self._scale = panel, scale
        self._image = matrix_image(panel, scale)
        self._runs = state_runs(panel.states)

    @property
    def panel(self) -> Panel | None:
        return self._panel

    @property
    def scale(self) -> ColourScale | None:
        """The colour scale the panel is painted on."""
        return self._scale

    def paint(
        self,
        painter: QPainter,
        target: QRectF,
        highlight: Highlight = Highlight(),
        show_values: bool = True,
        vector: bool = False,
        ink: QColor | None = None,
    ) -> None:
        """Draw into ``target`` (device coordinates); ``vector`` draws cells as rectangles;
        ``ink`` outlines the matrix (the theme's; figures keep the print ink)."""
        panel, scale = self._panel, self._scale
        if panel is None:
            return
        size = panel.values.shape[0]
        cw, ch = target.width() / size, target.height() / size

        def cell(row: int, column: int, columns: int = 1) -> QRectF:
            return QRectF(target.left() + column * cw, target.top() + row * ch, columns * cw, ch)

        painter.save()
        painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform, False)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, False)
        if vector:
            painter.setPen(Qt.PenStyle.NoPen)
            for i in range(size):
                for j in range(size):
                    value = panel.values[i, j]
                    painter.setBrush(
                        colours.cell_colour(scale.colour_map, value, scale.low, scale.high)
                    )
                    painter.drawRect(cell(i, j))
        elif panel.hidden:  # an exercise: the layout, no weights
            dark = ink is not None and ink.lightness() > 128
            painter.fillRect(target, HIDDEN_DARK if dark else HIDDEN)
        else:
            painter.drawImage(target, self._image)

        # Light ink is the dark theme's: masked cells dim with it rather than glare white.
        brushes = colours.state_brushes(dark=ink is not None and ink.lightness() > 128)
        for state, row, start, end in self._runs:
            fill, hatch = brushes[state]
            rect = cell(row, start, end - start)
            if fill is not None:
                painter.fillRect(rect, fill)
            painter.fillRect(rect, hatch)

        painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
        if highlight.hover is not None:
            row, column = highlight.hover
            band = QColor(255, 255, 255, 60)
            painter.fillRect(cell(row, 0, size), band)
            painter.fillRect(
                QRectF(target.left() + column * cw, target.top(), cw, target.height()), band
            )

        if panel.length < size:
            edge = panel.length
            painter.setPen(QPen(QColor(colours.PAD_LINE), 2, Qt.PenStyle.DashLine))
            painter.drawLine(
                QPointF(target.left() + edge * cw, target.top()),
                QPointF(target.left() + edge * cw, target.bottom()),
            )
            painter.drawLine(
                QPointF(target.left(), target.top() + edge * ch),
                QPointF(target.right(), target.top() + edge * ch),
            )

        if show_values and not panel.hidden and values_fit(min(cw, ch * 1.6)):
            self._paint_values(painter, cell, cw, ch)

        if panel.expected is not None:
            painter.setPen(QPen(QColor(colours.EXPECTED), max(2.0, min(cw, ch) * 0.08)))
            painter.setBrush(Qt.BrushStyle.NoBrush)
            for row, key in enumerate(panel.expected):
                if key >= 0:
                    painter.drawRect(cell(row, int(key)).adjusted(2, 2, -2, -2))

        if panel.guessed is not None:
            _paint_guesses(painter, panel.guessed, cell, min(cw, ch))

        if highlight.selected is not None:
            row, column = highlight.selected
            painter.setPen(QPen(QColor(colours.SELECTION), 3))
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.drawRect(cell(row, column).adjusted(1.5, 1.5, -1.5, -1.5))

        painter.setPen(QPen(ink if ink is not None else QColor(colours.INK), 1))
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.drawRect(target)
        painter.restore()

    def _paint_values(self, painter: QPainter, cell, cw: float, ch: float) -> None:
        """Each printed cell's weight, two decimals in the language's mark, black or white
        for its colour.  Drawn a colour at a time: while training plays, a grid of panels
        is painted 20 times a second, and a pen per cell took half of that time."""
        panel, scale = self._panel, self._scale
        rows, columns = _printed(panel)
        values = panel.values[rows, columns].astype(np.float64)
        mark = texts.marks(".")
        printed = [f"{value:.2f}".replace(".", mark) for value in values.tolist()]
        font = QFont()
        font.setPixelSize(value_pixels(printed, cw, ch))
        painter.setFont(font)
        span = scale.high - scale.low if scale.high > scale.low else 1.0
        levels = np.clip(((values - scale.low) / span * 255).astype(np.int64), 0, 255)
        white = _white_text(scale.colour_map)[levels]
        centre = Qt.AlignmentFlag.AlignCenter
        for colour, chosen in ((QColor("white"), white), (QColor("black"), ~white)):
            painter.setPen(colour)
            for k in np.flatnonzero(chosen).tolist():
                painter.drawText(cell(int(rows[k]), int(columns[k])), centre, printed[k])


@cache
def _white_text(name: str) -> np.ndarray:
    """``(256,)`` bool: white text reads better than black on that level of the map."""
    return np.array([colour.lightness() > 128 for colour in colours.text_colours(name)])


def _paint_guesses(painter: QPainter, guessed, cell, side: float) -> None:
    """A ring in each row's picked cell, white under orange: it reads on dark and light
    cells alike, and leaves the printed value inside it readable."""
    width = max(2.0, side * 0.09)
    painter.setBrush(Qt.BrushStyle.NoBrush)
    for row, key in enumerate(guessed):
        if key is None:
            continue
        box = cell(row, key)
        inset = max(width, side * 0.08)
        ring = box.adjusted(inset, inset, -inset, -inset)
        for colour, pen in ((QColor("white"), width * 1.8), (GUESS, width)):
            painter.setPen(QPen(colour, pen))
            painter.drawEllipse(ring)
