"""Writing a pipeline result's tensors to disk."""

from __future__ import annotations

import os

import numpy as np

from model.files import atomic_write
from model.stages import PipelineResult

# The fixed-width string array numpy stores is padded to the longest token: past this many
# bytes (one 500,000-character word among 4,000 others would need 8 GB) only the compact
# UTF-8 form is written.
MAX_STRING_ARRAY_BYTES = 64 * 2**20


def vocabulary_arrays(tokens: tuple[str, ...]) -> dict[str, np.ndarray]:
    """``vocabulary`` as a string array (``<pad>`` first), and where needed a lossless form.

    numpy's string arrays drop trailing NUL characters and pad every entry to the longest.
    When a token would be changed or the array would be too large, ``vocabulary_utf8``
    (the tokens' UTF-8 bytes, end to end) and ``vocabulary_offsets`` (V + 1 byte offsets)
    hold the tokens exactly; token i is ``utf8[offsets[i]:offsets[i + 1]]``.
    """
    width = max(map(len, tokens))
    arrays = {}
    if 4 * width * len(tokens) <= MAX_STRING_ARRAY_BYTES:
        arrays["vocabulary"] = np.array(tokens, dtype=f"<U{width}")
    if "vocabulary" not in arrays or any(token.endswith("\0") for token in tokens):
        encoded = [token.encode("utf-8") for token in tokens]
        arrays["vocabulary_utf8"] = np.frombuffer(b"".join(encoded), dtype=np.uint8)
        arrays["vocabulary_offsets"] = np.cumsum([0, *map(len, encoded)], dtype=np.int64)
    return arrays


def tensor_arrays(result: PipelineResult) -> dict[str, np.ndarray]:
    """Every stage by its key, the vocabulary, and after training one value per step."""
    arrays = vocabulary_arrays(result.vocabulary.tokens)
    arrays.update((stage.key, stage.values) for stage in result.stages)
    if result.training is not None:
        arrays["train_loss"] = result.training.loss
        arrays["train_accuracy"] = result.training.accuracy
        if result.training.task != "next":  # it has no expected key (see training/tasks.py)
            arrays["train_expected_weight"] = result.training.expected_weight
    return arrays


def save_npz(result: PipelineResult, path: str | os.PathLike) -> None:
    """Write every stage to an ``.npz`` archive, atomically."""
    with atomic_write(path) as stream:
        np.savez(stream, **tensor_arrays(result))
