"""Head detectors: what kind of head each attention map is, as four numbers in [0, 1].

For every map (every head of every layer) and every query that can show it:

- ``previous``: the weight on the key just before the query (queries from position 1);
- ``first``: the weight on the sentence's first key (queries from position 1: position 0
  has only itself to look at under a causal mask);
- ``duplicate``: the weight on earlier copies of the query's own word (queries whose word
  came before);
- ``induction``: the weight on the words that followed those earlier copies (the same
  queries): at "Harry Potter … Harry", the weight on "Potter".

A score is the mean, over the queries that can show it, of the weight they put there; NaN
when no query can (a sentence without a repeated word has no duplicate score).  numpy only.
"""

from __future__ import annotations

import numpy as np

from resources import catalog

DETECTORS = ("previous", "first", "duplicate", "induction")
THRESHOLD = 0.5  # a head is labelled by its strongest detector when it scores above this


def key_sets(ids: np.ndarray, lengths: np.ndarray) -> dict[str, np.ndarray]:
    """For each detector, ``(B, L, L)`` booleans: ``[b, i, j]`` when key j counts for query i.

    Padding queries and keys count for nothing; a query counts for a detector when its row
    has at least one key."""
    ids = np.asarray(ids)
    batch, length = ids.shape
    position = np.arange(length)
    real = position[None, :] < np.asarray(lengths)[:, None]  # (B, L)
    pairs = real[:, :, None] & real[:, None, :]
    query, key = position[:, None], position[None, :]
    earlier = key < query
    same = (ids[:, :, None] == ids[:, None, :]) & earlier & pairs
    # The successor of an earlier copy j is key j + 1 (at most the query itself).
    successor = np.zeros_like(same)
    successor[:, :, 1:] = same[:, :, :-1]
    return {
        "previous": np.broadcast_to(key == query - 1, pairs.shape) & pairs,
        "first": np.broadcast_to((key == 0) & (query > 0), pairs.shape) & pairs,
        "duplicate": same,
        "induction": successor & pairs,
    }


def head_scores(attention: np.ndarray, ids: np.ndarray, lengths: np.ndarray) -> np.ndarray:
    """``(maps, 4)``: each map's score for each of :data:`DETECTORS`, NaN where no query
    can show it.  ``attention`` is ``(B, maps, L, L)``."""
    attention = np.asarray(attention, dtype=np.float64)
    scores = np.full((attention.shape[1], len(DETECTORS)), np.nan)
    for column, keys in enumerate(key_sets(ids, lengths).values()):
        counted = keys.any(axis=2)  # (B, L): the queries that can show it
        if not counted.any():
            continue
        on_keys = np.einsum("bmij,bij->bmi", attention, keys.astype(np.float64))
        total = np.where(counted[:, None, :], on_keys, 0.0).sum(axis=(0, 2))
        scores[:, column] = total / counted.sum()
    return scores


def label(scores: np.ndarray, threshold: float = THRESHOLD) -> str | None:
    """A map's strongest detector when it scores above ``threshold``, else None."""
    if np.all(np.isnan(scores)):
        return None
    best = int(np.nanargmax(scores))
    return DETECTORS[best] if scores[best] > threshold else None


def detector_names(language: str, short: bool = False) -> tuple[str, ...]:
    """The detectors' names in ``language`` (under "detectors" in its message catalog), or
    their abbreviations for a narrow table's headers ("detectors_short")."""
    names = catalog("messages", language).get("detectors_short" if short else "detectors")
    return tuple((names or {}).get(name, name) for name in DETECTORS)
