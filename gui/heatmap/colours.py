"""Colours of the heatmap, shared by the live view and the figure.

Every colour map offered is perceptually uniform and readable with the common colour-vision
deficiencies.  Cells keep their true colour; masked cells get a neutral grey and a hatch
instead, one pattern for masked padding and another for causally hidden keys.
"""

from __future__ import annotations

from functools import cache

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import Qt
from PySide6.QtGui import QBrush, QColor

from model.stages import CAUSAL, MASKED, PADDING

INK = "#202020"
PAD_LINE = "#d02020"  # where a sentence ends and its padding begins
SELECTION = "#ff3b30"
EXPECTED = "#00c853"  # the key a trained query should attend to


@cache
def colour_map(name: str) -> pg.ColorMap:
    if name == "greys":
        return pg.ColorMap([0.0, 1.0], [(18, 18, 18), (250, 250, 250)], name="greys")
    return pg.colormap.get(name)


@cache
def lookup_table(name: str) -> np.ndarray:
    """``(256, 3)`` uint8 colours of a map."""
    return colour_map(name).getLookupTable(0.0, 1.0, 256, alpha=False).astype(np.uint8)


@cache
def text_colours(name: str) -> tuple[QColor, ...]:
    """For each of the 256 levels, black or white, whichever reads better on that colour."""
    luminance = lookup_table(name).astype(float) / 255 @ np.array([0.2126, 0.7152, 0.0722])
    return tuple(QColor("black") if y > 0.45 else QColor("white") for y in luminance)


def level(value: float, low: float = 0.0, high: float = 1.0) -> int:
    """The colour-map entry (0–255) of a value on a scale from ``low`` to ``high``."""
    span = high - low if high > low else 1.0
    return min(255, max(0, int((float(value) - low) / span * 255)))


def cell_colour(name: str, value: float, low: float = 0.0, high: float = 1.0) -> QColor:
    r, g, b = lookup_table(name)[level(value, low, high)]
    return QColor(int(r), int(g), int(b))


@cache
def state_brushes() -> dict[int, tuple[QBrush | None, QBrush]]:
    """For each special cell state: a fill (None = keep the colour) and a hatch on top."""
    return {
        PADDING: (None, QBrush(QColor(255, 255, 255, 120), Qt.BrushStyle.BDiagPattern)),
        MASKED: (QBrush(QColor("#9b9b9b")), QBrush(QColor("#dcdcdc"), Qt.BrushStyle.BDiagPattern)),
        CAUSAL: (QBrush(QColor("#ededed")), QBrush(QColor("#b4b4b4"), Qt.BrushStyle.FDiagPattern)),
    }
