"""What a lesson's exercise hides of a heatmap: the weights, until the student reveals them.

While an exercise is open every panel keeps its layout (labels, padding, masked cells) and
loses its weights: its values become zeros and the keys a trained task expects (which would
give the answer away) are dropped.  The map the student answers on carries their picks, one
key per query row, hidden or revealed, so that they can compare.  No Qt here.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

import numpy as np

from figures.heatmap import HeatmapDescription


@dataclass(frozen=True)
class Hiding:
    """What an exercise does to the heatmap now."""

    hidden: bool  # the weights are hidden (not yet revealed)
    map: tuple[int, int]  # (sentence, map) the student answers on
    guesses: tuple[int | None, ...] = ()  # the key picked for each real query row (or None)


def hide(description: HeatmapDescription, hiding: Hiding | None) -> HeatmapDescription:
    """``description`` as the exercise shows it (as it is, without one)."""
    if hiding is None:
        return description
    panels = []
    for panel in description.panels:
        changes: dict = {}
        if hiding.hidden:
            changes.update(values=np.zeros_like(panel.values), expected=None, hidden=True)
        if (panel.sentence, panel.head) == hiding.map and panel.kind == "weights":
            size = panel.values.shape[0]
            changes["guessed"] = tuple(
                key if key is not None and key < size else None for key in hiding.guesses[:size]
            )
        panels.append(replace(panel, **changes) if changes else panel)
    return replace(description, panels=tuple(panels))
