"""The heatmap's colour maps as plain numbers: one table for the window, the figures and the
handout.

Every colour map offered is perceptually uniform and readable with the common colour-vision
deficiencies.  No Qt here: the handout, written without a window, colours its cells from
the same table.
"""

from __future__ import annotations

import importlib.util
from functools import cache
from pathlib import Path

import numpy as np

GREYS = ((18, 18, 18), (250, 250, 250))  # dark to light, never pure black or white


@cache
def lookup_table(name: str) -> np.ndarray:
    """``(256, 3)`` uint8 colours of a map, low values first.

    The colour maps come from the data files pyqtgraph ships, read without importing
    pyqtgraph: a headless figure export then starts without it (a fifth of a second).
    """
    if name == "greys":
        nodes = np.array(GREYS, dtype=float)
    else:
        nodes = np.array(_map_file_colours(name), dtype=float)
    where = np.linspace(0.0, 1.0, len(nodes))
    levels = np.linspace(0.0, 1.0, 256)
    table = [np.interp(levels, where, nodes[:, channel]) for channel in range(3)]
    return np.stack(table, axis=1).astype(np.uint8)


def _map_file_colours(name: str) -> list[tuple[int, int, int]]:
    """The colours listed in pyqtgraph's ``colors/maps/NAME.csv``: one "r,g,b" per line in
    0–1, after ``;`` comments."""
    package = importlib.util.find_spec("pyqtgraph").submodule_search_locations[0]
    colours = []
    text = (Path(package) / "colors" / "maps" / f"{name}.csv").read_text(encoding="utf-8")
    for line in text.splitlines():
        parts = line.split(";", 1)[0].split(",")
        if len(parts) >= 3:
            colours.append(tuple(int(255 * float(part) + 0.5) for part in parts[:3]))
    return colours


def level(value: float, low: float = 0.0, high: float = 1.0) -> int:
    """The colour-map entry (0–255) of a value on a scale from ``low`` to ``high``."""
    span = high - low if high > low else 1.0
    return min(255, max(0, int((float(value) - low) / span * 255)))
