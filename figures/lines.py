"""What the lines view shows, decided once for the window and the figure (no Qt here).

Queries on the left, keys on the right, one line per (query, key, head) whose weight passes
the filter: at least ``threshold``, and among the query's ``top_k`` largest when set.  A
query's strongest line is always drawn: over a long sentence every weight may be under the
threshold (1/1,024 each, untrained), and a query with no line would say nothing.  Masked
pairs (weight exactly 0 by design) get no line.  A line's opacity grows with its weight; each
head has its own colour.  ``focus`` isolates one token's lines.  ``limit`` keeps the first
positions only (a figure's size is bounded); ``total`` says how many the sentence had.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from figures.heatmap import elide
from model.stages import CAUSAL, MASKED, PipelineResult

TOKEN_CHARS = 18
MIN_OPACITY = 0.06


@dataclass(frozen=True)
class Line:
    query: int
    key: int
    head: int
    weight: float
    opacity: float


@dataclass(frozen=True)
class LinesDescription:
    title: str
    tokens: tuple[str, ...]  # the queries, on the left
    keys: tuple[str, ...]  # the keys, on the right: the tokens, or Linear slots in linear mode
    padding: tuple[bool, ...]
    heads: tuple[int, ...]
    lines: tuple[Line, ...]
    focus: tuple[str, int] | None  # ("query" or "key", position)
    threshold: float
    top_k: int | None
    total: int  # positions in the sentence (padded); ``tokens`` may hold only the first ones


def opacity(weight: float) -> float:
    """Opacity from weight: strictly increasing, so a stronger line is never fainter."""
    return MIN_OPACITY + (1.0 - MIN_OPACITY) * min(max(float(weight), 0.0), 1.0)


def describe_lines(
    result: PipelineResult,
    sentence: int,
    head: int = -1,
    threshold: float = 0.0,
    top_k: int | None = None,
    focus: tuple[str, int] | None = None,
    title: str = "",
    limit: int | None = None,
) -> LinesDescription:
    total = result.max_length
    shown = total if limit is None else min(total, limit)
    labels = result.position_labels(sentence)[:shown]
    heads = tuple(range(result.head_count)) if head < 0 else (head,)
    states = result.cell_states(sentence)[:shown, :shown]
    lines = []
    for h in heads:
        weights = result.attention_maps[sentence, h, :shown, :shown]
        for query in range(shown):
            row = weights[query]
            visible = ~np.isin(states[query], (MASKED, CAUSAL))
            keep = (row >= threshold) & visible
            strongest = row[visible].max() if visible.any() else 0.0
            if strongest > 0:  # the strongest line, whatever the threshold
                keep |= visible & (row == strongest)
            if top_k is not None:
                ranked = np.argsort(-row, kind="stable")[:top_k]
                chosen = np.zeros_like(keep)
                chosen[ranked] = True
                keep &= chosen
            for key in np.flatnonzero(keep):
                lines.append(Line(query, int(key), h, float(row[key]), opacity(row[key])))
    if focus is not None:
        side, position = focus
        lines = [line for line in lines if getattr(line, side) == position]
    lines.sort(key=lambda line: line.weight)  # the strongest drawn last, on top
    tokens = tuple(elide(token, TOKEN_CHARS) for token in labels)
    return LinesDescription(
        title=title,
        tokens=tokens,
        keys=tokens if result.key_axis == "token" else tuple(map(str, range(len(labels)))),
        padding=tuple(position >= result.lengths[sentence] for position in range(len(labels))),
        heads=heads,
        lines=tuple(lines),
        focus=focus,
        threshold=threshold,
        top_k=top_k,
        total=total,
    )
