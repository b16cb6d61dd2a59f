"""Colours of the heatmap, shared by the live view and the figure.

Every colour map offered is perceptually uniform and readable with the common colour-vision
deficiencies.  Cells keep their true colour; masked cells get a neutral grey and a hatch
instead, one pattern for masked padding and another for causally hidden keys.
"""

from __future__ import annotations

from functools import cache

import numpy as np
from PySide6.QtCore import Qt
from PySide6.QtGui import QBrush, QColor

from figures.colours import level, lookup_table
from model.stages import CAUSAL, MASKED, PADDING

INK = "#202020"
PAD_LINE = "#d02020"  # where a sentence ends and its padding begins
SELECTION = "#ff3b30"
EXPECTED = "#00c853"  # the key a trained query should attend to


@cache
def text_colours(name: str) -> tuple[QColor, ...]:
    """For each of the 256 levels, black or white, whichever reads better on that colour."""
    luminance = lookup_table(name).astype(float) / 255 @ np.array([0.2126, 0.7152, 0.0722])
    return tuple(QColor("black") if y > 0.45 else QColor("white") for y in luminance)


def cell_colour(name: str, value: float, low: float = 0.0, high: float = 1.0) -> QColor:
    r, g, b = lookup_table(name)[level(value, low, high)]
    return QColor(int(r), int(g), int(b))


@cache
def state_brushes(dark: bool = False) -> dict[int, tuple[QBrush | None, QBrush]]:
    """For each special cell state: a fill (None = keep the colour) and a hatch on top;
    ``dark``: for the dark theme, where light grey cells would glare on a projector."""
    if dark:
        return {
            PADDING: (None, QBrush(QColor(255, 255, 255, 90), Qt.BrushStyle.BDiagPattern)),
            MASKED: (
                QBrush(QColor("#4a4d50")),
                QBrush(QColor("#6e7276"), Qt.BrushStyle.BDiagPattern),
            ),
            CAUSAL: (
                QBrush(QColor("#2b2e31")),
                QBrush(QColor("#55595d"), Qt.BrushStyle.FDiagPattern),
            ),
        }
    return {
        PADDING: (None, QBrush(QColor(255, 255, 255, 120), Qt.BrushStyle.BDiagPattern)),
        MASKED: (QBrush(QColor("#9b9b9b")), QBrush(QColor("#dcdcdc"), Qt.BrushStyle.BDiagPattern)),
        CAUSAL: (QBrush(QColor("#ededed")), QBrush(QColor("#b4b4b4"), Qt.BrushStyle.FDiagPattern)),
    }
