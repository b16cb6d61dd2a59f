"""Scoring a student's guess of an attention map, the same in the window and the handout.

A guess gives each real query row a distribution over its keys: all of it on one key (the
key the student expects to get the most weight), or spread as the student dragged it.  A
row scores 1 − ½·Σ|guess − truth| (1 minus the total variation distance: 1 for the exact
row, 0 for all weight on keys the model gives nothing), so a spread guess earns partial
credit; a row left unanswered scores 0.  The map's score is the mean over its real query
rows, the rows of the sentence's own words (padding rows are not asked).
"""

from __future__ import annotations

import numpy as np


def row_scores(guess: np.ndarray, truth: np.ndarray) -> np.ndarray:
    """``(rows,)``: each row's score; ``guess`` is ``(rows, L)``, a row of zeros (or NaN)
    for a row left unanswered, any other row normalised to sum 1 first."""
    guess = np.nan_to_num(np.asarray(guess, dtype=np.float64))
    truth = np.asarray(truth, dtype=np.float64)
    totals = guess.sum(axis=1)
    answered = totals > 0
    shares = np.divide(guess, totals[:, None], out=np.zeros_like(guess), where=answered[:, None])
    scores = 1.0 - 0.5 * np.abs(shares - truth).sum(axis=1)
    return np.where(answered, np.clip(scores, 0.0, 1.0), 0.0)


def map_score(guess: np.ndarray, truth: np.ndarray, length: int) -> float:
    """The mean of :func:`row_scores` over the ``length`` real query rows of a map."""
    if length <= 0:
        return 0.0
    return float(row_scores(guess[:length], truth[:length]).mean())


def one_hot(choices, size: int) -> np.ndarray:
    """A guess of one key per row: ``choices[i]`` is row i's key, or None (unanswered)."""
    guess = np.zeros((len(choices), size))
    for row, key in enumerate(choices):
        if key is not None:
            guess[row, key] = 1.0
    return guess
