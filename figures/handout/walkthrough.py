"""Every cell's walk-through of one attention map, packed for the page.

The lines are :func:`model.explain.explanation_parts`' own, the very text ``--explain``
prints, made here once per cell.  A query's row (one line per key) and its context are the
same for every key of that query: they are stored once per query, the lines before and
after them once per cell, each line once per map in a table of distinct lines, which the
cells name by number.  The page puts a cell's lines together again and draws the arrow on
the key's line, as :meth:`model.explain.Walkthrough.lines` does.

A map's pack goes into the page compressed (:func:`compressed`: raw deflate, then base64):
its lines repeat most of their words and many of their numbers, and shrink about four
times.  The page inflates a map's pack with the browser's own ``DecompressionStream`` the
first time one of its cells is clicked.
"""

from __future__ import annotations

import base64
import json
import zlib

from model.explain import explain, explanation_parts
from model.stages import PipelineResult

# Cells whose walk-throughs one handout stores at most; past this, the maps of the later
# sentences keep their readouts and say that --explain gives their arithmetic.
MAX_EXPLAINED_CELLS = 20_000


class _Lines:
    """A table of distinct lines, each named by its place in it."""

    def __init__(self) -> None:
        self.table: list[str] = []
        self._index: dict[str, int] = {}

    def numbers(self, lines: list[str]) -> list[int]:
        found = []
        for line in lines:
            number = self._index.get(line)
            if number is None:
                number = self._index[line] = len(self.table)
                self.table.append(line)
            found.append(number)
        return found


def walkthrough_pack(result: PipelineResult, sentence: int, index: int, language: str) -> dict:
    """``{"lines", "rows", "context", "cells"}`` for map ``index`` of ``sentence``: ``rows[i]``
    and ``context[i]`` the query's shared lines, ``cells[i][j]`` the cell's lines before and
    after the row, all as numbers into ``lines``."""
    lines = _Lines()
    rows, context, cells = [], [], []
    size = result.max_length
    for query in range(size):
        row_cells = []
        for key in range(size):
            cell = explain(result, sentence, query, key, index)
            parts = explanation_parts(cell, language, rows=key == 0)  # a row's once
            if key == 0:
                rows.append(lines.numbers(parts.row))
                context.append(lines.numbers(parts.context))
            row_cells.append([lines.numbers(parts.before), lines.numbers(parts.after)])
        cells.append(row_cells)
    return {"lines": lines.table, "rows": rows, "context": context, "cells": cells}


def compressed(pack: dict) -> str:
    """``pack`` as UTF-8 JSON, raw-deflated (no zlib header: the page's ``deflate-raw``), in
    base64."""
    text = json.dumps(pack, ensure_ascii=False, separators=(",", ":")).encode("utf-8")
    deflate = zlib.compressobj(9, zlib.DEFLATED, -15)
    return base64.b64encode(deflate.compress(text) + deflate.flush()).decode("ascii")
