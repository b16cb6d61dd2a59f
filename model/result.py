"""What one run of the pipeline produces: every stage, in order, as plain numpy arrays.

The GUI renders these objects as they are; nothing here knows about torch or Qt.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property

import numpy as np

from model.config import ModelConfig
from model.tokenizer import PAD, Vocabulary

STAGE_KEYS = ("token_ids", "embeddings", "inputs", "rnn_output", "scores", "attention")


@dataclass(frozen=True)
class Stage:
    """One step of the pipeline.

    ``dims`` names each axis of ``values`` with a key such as ``"sentence"`` or
    ``"key_position"``; ``code`` is the PyTorch code that produced the values, with this
    run's numbers filled in; ``explanation`` is the key of its text in the resources.
    """

    key: str
    values: np.ndarray
    dims: tuple[str, ...]
    code: str
    explanation: str

    @property
    def shape(self) -> tuple[int, ...]:
        return tuple(self.values.shape)


@dataclass(frozen=True)
class PipelineResult:
    """The sentences, their vocabulary, the settings used and every stage of the pipeline."""

    sentences: tuple[tuple[str, ...], ...]
    vocabulary: Vocabulary
    config: ModelConfig
    stages: tuple[Stage, ...]

    def __post_init__(self) -> None:
        keys = tuple(stage.key for stage in self.stages)
        if keys != STAGE_KEYS:
            raise ValueError(f"stages must be {STAGE_KEYS}, got {keys}")
        for stage in self.stages:
            stage.values.flags.writeable = False

    def stage(self, key: str) -> Stage:
        return self.stages[STAGE_KEYS.index(key)]

    @property
    def token_ids(self) -> np.ndarray:
        return self.stage("token_ids").values

    @property
    def attention(self) -> np.ndarray:
        return self.stage("attention").values

    @cached_property
    def attention_row_sums(self) -> np.ndarray:
        """``(B, L)``: each query's total attention (1, or 0 for a masked padding row)."""
        return self.attention.sum(axis=-1, dtype=np.float64)

    @property
    def batch_size(self) -> int:
        return len(self.sentences)

    @property
    def max_length(self) -> int:
        return self.token_ids.shape[1]

    @property
    def lengths(self) -> np.ndarray:
        return np.array([len(s) for s in self.sentences], dtype=np.int64)

    @property
    def padding_mask(self) -> np.ndarray:
        """``(B, L)`` bool, True where a position is padding."""
        return np.arange(self.max_length)[None, :] >= self.lengths[:, None]

    def position_labels(self, sentence: int) -> list[str]:
        """The token at each position of one sentence, ``<pad>`` past its end."""
        words = list(self.sentences[sentence])
        return words + [PAD] * (self.max_length - len(words))
