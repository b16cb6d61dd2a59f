"""What may be trained: fixed limits that keep one training step within about a second and a
few hundred MB on a two-core machine, checked before the first step (no torch here).

A step runs a batch of :data:`BATCH_SIZE` fresh sequences, padded to the longest sentence L,
forward and backward on one thread.  Its largest stages are ``64 × L × heads × L`` attention
weights and ``64 × L × V`` read-out values, beside ``64 × L × E`` embeddings and ``64 × L × H``
(four times that for an LSTM) encoder outputs; its slowest products are the recurrent cell's
and the query, key and value projections, which grow with E·H and d².  So training limits
the longest sentence, the sizes E and H, the vocabulary, and the values of one stage.

The untrained views accept far more (:mod:`model.config`): a step at those sizes took a
minute and gigabytes (a single 1,024-word sentence: 58 s and 5.3 GB).  The README's Limits
section gives the time and memory of a step at these limits.
"""

from __future__ import annotations

from model.config import ModelConfig
from model.errors import InputError

BATCH_SIZE = 64  # sequences per step: enough for every position of long sentences to be seen
MAX_TRAIN_LENGTH = 256  # tokens in the longest sentence
MAX_TRAIN_SIZE = 128  # embedding size E, and hidden size H when there is a recurrent cell
MAX_TRAIN_VOCABULARY = 8192  # distinct tokens (V − 1: <pad> is not counted)
MAX_TRAIN_STAGE = BATCH_SIZE * 256 * 256  # values in one stage: 64 × L × max(E, H, h·L, V)


def stage_width(config: ModelConfig, length: int, vocab_size: int) -> tuple[int, str]:
    """The widest of a step's stages per position, and what makes it so."""
    maps = "layers × h × L" if config.layer_count > 1 else "h × L"
    widths = {"E": config.embedding_size, maps: config.head_count * length}
    if config.cell != "none":
        widths["H"] = config.hidden_size
    widths["V"] = vocab_size
    name = max(widths, key=widths.__getitem__)
    return widths[name], name


def check_training_size(config: ModelConfig, length: int, vocab_size: int | None = None) -> None:
    """Raise :class:`InputError` when training on sentences of up to ``length`` tokens over
    ``vocab_size`` tokens (``<pad>`` included) would exceed the limits; the vocabulary is
    checked only when given (the command line checks the rest before numbering the words).
    """
    if length > MAX_TRAIN_LENGTH:
        raise InputError("train_sentence_too_long", length=length, limit=MAX_TRAIN_LENGTH)
    sizes = ["embedding_size"] + (["hidden_size"] if config.cell != "none" else [])
    for field in sizes:
        value = getattr(config, field)
        if value > MAX_TRAIN_SIZE:
            raise InputError("train_size_too_large", field=field, value=value, limit=MAX_TRAIN_SIZE)
    if vocab_size is None:
        vocab_size = 1
    elif vocab_size - 1 > MAX_TRAIN_VOCABULARY:
        raise InputError(
            "train_vocabulary_too_large", count=vocab_size - 1, limit=MAX_TRAIN_VOCABULARY
        )
    width, name = stage_width(config, length, vocab_size)
    elements = BATCH_SIZE * length * width
    if elements > MAX_TRAIN_STAGE:
        raise InputError(
            "training_too_large",
            batch=BATCH_SIZE,
            length=length,
            width=width,
            what=name,
            elements=elements,
            limit=MAX_TRAIN_STAGE,
        )
