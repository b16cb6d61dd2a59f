"""Training tasks: where each query should look, and what it should then say.

Every task names an *expected key* for each query position, and the target is simply the
token at that key: a model solves the task by attending there and reading out what it finds.

- ``previous``: the token before (key i − 1; the first query has none);
- ``copy``: the token itself (key i);
- ``first``: the sentence's first token (key 0);
- ``alphabetical``: the sentence's alphabetically first token (with a causal mask, the
  first among the tokens the query can see).  No position holds it in general: the model
  must find it by content, with query and key projections (multi-head attention), or with a
  recurrent cell that has read it (see :func:`obstacle`).
- ``induction``: at a word seen before, the word that followed it last time: the key is
  the successor of the latest earlier copy of the query's word (no key where the word is
  new).  Its batches repeat a segment at a random offset (:func:`induction_batch`), so no
  fixed position solves it; it needs the causal mask (else the next word is in plain view)
  and a model with heads to compose (see :mod:`model.analysis`).
- ``next``: language modelling on the user's own sentences (the transformer only, with the
  causal mask): each word predicts the word after it, the last one ``<pad>``, which ends a
  generated text.  No key is expected: the word that follows is not in the sentence yet.

Except for ``next``, batches are fresh random sequences over the user's vocabulary, with
lengths drawn from the user's sentence lengths, reproducible from ``(seed, step)`` alone, so
training that is paused and resumed draws exactly the batches of an uninterrupted run.
numpy only: no torch here.
"""

from __future__ import annotations

import numpy as np

from model.config import ModelConfig
from model.errors import InputError
from model.training.limits import BATCH_SIZE

TASKS = ("previous", "copy", "first", "alphabetical", "induction", "next")
LANGUAGE_MODELLING = "next"  # the task that trains on the user's sentences, not random ones
INDUCTION = "induction"
CAUSAL_TASKS = (INDUCTION, LANGUAGE_MODELLING)  # with a later key in view, they are trivial
NONE = -1  # no expected key, no target: the query is left out of loss and measures

# The shortest sentence with at least one query that has an expected key.
MIN_LENGTH = {"previous": 2, "copy": 1, "first": 1, "alphabetical": 1, "induction": 4, "next": 1}


def check_task(task: str, config: ModelConfig, length: int) -> None:
    """Raise :class:`InputError` when ``task`` cannot train on sentences of ``length`` words
    with ``config``: too short; ``next`` without a next-word head (the transformer); ``next``
    or ``induction`` without the causal mask (each word would see the word it is to say)."""
    if length < MIN_LENGTH[task]:
        raise InputError("task_needs_longer_sentence", task=task, length=MIN_LENGTH[task])
    if task == LANGUAGE_MODELLING and config.attention != "transformer":
        raise InputError("next_needs_transformer")
    if task in CAUSAL_TASKS and not config.causal:
        raise InputError(f"{task}_needs_causal")


def alphabetical_ranks(tokens: tuple[str, ...]) -> np.ndarray:
    """``(V,)`` int64: each id's place in dictionary order (``<pad>``, id 0, ranks last).

    Case is ignored first and decides ties only ("Zebra" after "abelha", "Eu" before "eu").
    """
    order = sorted(range(1, len(tokens)), key=lambda i: (tokens[i].casefold(), tokens[i]))
    ranks = np.empty(len(tokens), dtype=np.int64)
    ranks[order] = np.arange(len(order))
    ranks[0] = len(tokens)
    return ranks


def expected_keys(
    task: str,
    ids: np.ndarray,
    lengths: np.ndarray,
    ranks: np.ndarray | None = None,
    causal: bool = False,
) -> np.ndarray:
    """``(B, L)`` int64: the key each query should attend to, or ``NONE``.

    ``ids`` is a padded ``(B, L)`` id matrix and ``lengths`` its sentence lengths; padding
    queries get ``NONE``.  ``alphabetical`` needs ``ranks`` (see :func:`alphabetical_ranks`);
    when several keys hold the winning token, the leftmost is expected.
    """
    ids = np.asarray(ids)
    batch, length = ids.shape
    query = np.broadcast_to(np.arange(length), (batch, length))
    real = query < np.asarray(lengths)[:, None]
    if task == "previous":
        keys = query - 1
    elif task == "copy":
        keys = query.copy()
    elif task == "first":
        keys = np.zeros((batch, length), dtype=np.int64)
    elif task == "alphabetical":
        keys = _alphabetical_keys(ids, real, ranks, causal)
    elif task == INDUCTION:
        keys = induction_keys(ids, real)
    elif task == LANGUAGE_MODELLING:
        keys = np.full((batch, length), NONE, dtype=np.int64)
    else:
        raise ValueError(f"unknown task {task!r}")
    return np.where(real, keys, NONE).astype(np.int64)


def _alphabetical_keys(ids, real, ranks, causal) -> np.ndarray:
    """The leftmost position of the lowest-ranked token, over the whole sentence or, when
    causal, over each prefix.  Rank and position fold into one number to take one minimum."""
    if ranks is None:
        raise ValueError("the alphabetical task needs the vocabulary's ranks")
    length = ids.shape[1]
    order = np.where(real, ranks[ids] * length + np.arange(length), np.iinfo(np.int64).max)
    best = np.minimum.accumulate(order, axis=1) if causal else order.min(axis=1, keepdims=True)
    return np.broadcast_to(best % length, ids.shape)


def induction_keys(ids: np.ndarray, real: np.ndarray) -> np.ndarray:
    """``(B, L)``: for each real query, the position after the latest earlier copy of its
    token (at most the query itself: "x x" points at the second x), else ``NONE``."""
    batch, length = ids.shape
    keys = np.full((batch, length), NONE, dtype=np.int64)
    earlier = np.tri(length, k=-1, dtype=bool)  # [i, j]: j before i
    for row in range(batch):  # one (L, L) comparison at a time: B × L × L may not fit
        same = (ids[row][:, None] == ids[row][None, :]) & earlier & real[row][None, :]
        found = same.any(axis=1) & real[row]
        latest = length - 1 - np.argmax(same[:, ::-1], axis=1)
        keys[row] = np.where(found, latest + 1, NONE)
    return keys


def induction_batch(
    seed: int, step: int, vocab_size: int, length: int, size: int
) -> tuple[np.ndarray, np.ndarray]:
    """The ``induction`` task's batch of ``step``: ``size`` sequences of ``length`` random
    words (ids 1 … V − 1, repeats allowed) in which a segment of 2 … L/2 words comes back
    later, both copies at random places.  Every sequence is ``length`` long; the draw
    depends on ``(seed, step)`` only.

    Words also come back by chance: the task holds there too (the word after the latest
    earlier copy).  Those chance repeats are what make the model match the *previous* word
    exactly: with every other word different, a blurred look at the last few words found
    the earlier copy as well, and no head became a clean induction head.
    """
    rng = np.random.default_rng([seed, step])
    ids = rng.integers(1, vocab_size, size=(size, length))
    for row in range(size):
        span = int(rng.integers(2, length // 2 + 1))
        first = int(rng.integers(0, length - 2 * span + 1))
        second = int(rng.integers(first + span, length - span + 1))
        ids[row, second : second + span] = ids[row, first : first + span]
    return ids, np.full(size, length, dtype=np.int64)


def targets(ids: np.ndarray, keys: np.ndarray) -> np.ndarray:
    """``(B, L)`` int64: the token at each query's expected key, ``NONE`` where there is none."""
    found = np.take_along_axis(np.asarray(ids), np.maximum(keys, 0), axis=1)
    return np.where(keys >= 0, found, NONE).astype(np.int64)


def next_targets(ids: np.ndarray, lengths: np.ndarray) -> np.ndarray:
    """``(B, L)`` int64: the word after each real position (``<pad>``, 0, after the last),
    ``NONE`` at padding."""
    ids = np.asarray(ids)
    following = np.concatenate([ids[:, 1:], np.zeros((ids.shape[0], 1), ids.dtype)], axis=1)
    real = np.arange(ids.shape[1])[None, :] < np.asarray(lengths)[:, None]
    return np.where(real, following, NONE).astype(np.int64)


PROBE = 2**40  # the draw of a task's seeded probe: the "step" no training step ever takes


def batch(
    task: str,
    seed: int,
    step: int,
    vocab_size: int,
    lengths: np.ndarray,
    ids: np.ndarray | None = None,
    size: int = BATCH_SIZE,
) -> tuple[np.ndarray, np.ndarray]:
    """The ids and lengths of ``task``'s batch at ``step`` (:data:`PROBE`: its probe):
    the user's sentences ``ids`` for ``next``, else random sequences over the vocabulary."""
    if task == LANGUAGE_MODELLING:
        return sentence_batch(seed, step, ids, lengths, size)
    if task == INDUCTION:
        return induction_batch(seed, step, vocab_size, int(np.max(lengths)), size)
    return sample_batch(seed, step, vocab_size, lengths, size)


def batch_targets(task: str, ids: np.ndarray, lengths: np.ndarray, keys: np.ndarray) -> np.ndarray:
    """``(B, L)``: what each query should say in ``task`` (``NONE``: nothing, no loss)."""
    if task == LANGUAGE_MODELLING:
        return next_targets(ids, lengths)
    return targets(ids, keys)


def sentence_batch(
    seed: int, step: int, ids: np.ndarray, lengths: np.ndarray, size: int
) -> tuple[np.ndarray, np.ndarray]:
    """The ``next`` task's batch of ``step``: the user's own sentences, all of them when
    they are at most ``size``, else ``size`` of them drawn from ``(seed, step)`` alone."""
    ids, lengths = np.asarray(ids), np.asarray(lengths, dtype=np.int64)
    if len(ids) <= size:
        return ids, lengths
    chosen = np.sort(np.random.default_rng([seed, step]).choice(len(ids), size, replace=False))
    return ids[chosen], lengths[chosen]


def sample_batch(
    seed: int, step: int, vocab_size: int, lengths: np.ndarray, size: int
) -> tuple[np.ndarray, np.ndarray]:
    """The training batch of ``step``: ``size`` random sequences and their lengths.

    Tokens are drawn uniformly from ids 1 … V − 1 (any word of the vocabulary, repeats
    allowed), lengths from the user's sentence ``lengths``; each row is padded with 0 to the
    longest of those, the network's L.  The draw depends on ``(seed, step)`` only.
    """
    lengths = np.asarray(lengths, dtype=np.int64)
    length = int(lengths.max())
    rng = np.random.default_rng([seed, step])
    drawn = rng.choice(lengths, size=size)
    ids = rng.integers(1, vocab_size, size=(size, length))
    ids[np.arange(length)[None, :] >= drawn[:, None]] = 0
    return ids, drawn


def shortcut(task: str, config: ModelConfig) -> str | None:
    """The message code of a route that solves ``task`` without sharp attention, or None.

    In the notebook's modes every key votes for its own token and attention weighs the
    votes: a query learns about other positions only through attention.  In multi-head mode
    the values are projections of the encoder's output, and a recurrent cell has already read
    every earlier token into it: a query finds its answer in its own value (``previous``: the
    token read just before; ``first``: the one read first; ``alphabetical`` with a causal
    mask: the first so far) or in the last one (``alphabetical``), and need not look at the
    expected key.  ``copy`` is a query's own token: there is no other route to take.
    """
    if (
        config.attention in ("multihead", "transformer")
        and config.cell != "none"
        and task not in ("copy", *CAUSAL_TASKS)
    ):
        return "shortcut_recurrent_values"
    return None


def obstacle(task: str, config: ModelConfig) -> str | None:
    """The message code of why a mode cannot learn ``task`` fully, or None.

    - ``dot`` scores are plain dot products of the encoder's outputs: symmetric, and a vector
      is most like itself, so every query drifts back to its own key (``copy`` is easy);
    - ``induction`` needs a head that compares words (queries and keys), and one that has
      read the previous word: a block before it, or a recurrent cell;
    - ``linear`` scores come from the query alone.  With a recurrent cell it has read the
      tokens up to itself and can point at the alphabetically first of those, never at a later
      one (a causal mask makes that the whole task); without one it knows only its own token.
    """
    if task == INDUCTION:
        if config.attention not in ("multihead", "transformer"):
            return "obstacle_induction_no_heads"
        if config.layer_count == 1 and config.cell == "none":
            return "obstacle_induction_one_layer"
        return None
    if config.attention == "dot" and task != "copy":
        return "obstacle_dot_itself"
    if config.attention == "linear" and task == "alphabetical":
        if config.cell == "none":
            return "obstacle_linear_no_content"
        if not config.causal:
            return "obstacle_linear_reads_past"
    return None
