"""Writing a pipeline result's tensors to disk."""

from __future__ import annotations

import os

import numpy as np

from model.files import atomic_write
from model.result import PipelineResult


def tensor_arrays(result: PipelineResult) -> dict[str, np.ndarray]:
    """Every stage by its key, plus the vocabulary (``<pad>`` first) as a string array."""
    arrays = {"vocabulary": np.array(result.vocabulary.tokens, dtype=str)}
    arrays.update((stage.key, stage.values) for stage in result.stages)
    return arrays


def save_npz(result: PipelineResult, path: str | os.PathLike) -> None:
    """Write every stage to an ``.npz`` archive, atomically."""
    with atomic_write(path) as stream:
        np.savez(stream, **tensor_arrays(result))
