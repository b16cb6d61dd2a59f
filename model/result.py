"""What one run of the pipeline produces: every stage, in order, as plain numpy arrays.

The GUI renders these objects as they are; nothing here knows about torch or Qt.
"""

from __future__ import annotations

import csv
import io
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

    def stage_table(self, key: str, sentence: int = 0) -> StageTable:
        """A stage as a labelled 2-D table: whole for ids and embeddings, else one sentence."""
        stage = self.stage(key)
        pad = self.padding_mask
        if key == "token_ids":
            rows = [f"sentence {b + 1}" for b in range(self.batch_size)]
            return StageTable(stage.values, rows, _numbered(self.max_length), pad)
        if key == "embeddings":
            rows = [f"{i} {token}" for i, token in enumerate(self.vocabulary.tokens)]
            muted = np.zeros(stage.shape, dtype=bool)
            muted[0, :] = True
            return StageTable(stage.values, rows, _numbered(stage.shape[1]), muted)
        values = stage.values[sentence]
        positions = [f"{i} {token}" for i, token in enumerate(self.position_labels(sentence))]
        if key in ("inputs", "rnn_output"):
            muted = np.repeat(pad[sentence][:, None], values.shape[1], axis=1)
            return StageTable(values, positions, _numbered(values.shape[1]), muted)
        muted = pad[sentence][:, None] | pad[sentence][None, :]
        return StageTable(values, positions, positions, muted)


@dataclass(frozen=True)
class StageTable:
    """A 2-D view of a stage: values, a label per row and column, and where padding is."""

    values: np.ndarray
    rows: list[str]
    columns: list[str]
    padding: np.ndarray

    def to_csv(self) -> str:
        """Comma-separated, labels in the first row and column; floats to full precision."""
        buffer = io.StringIO()
        writer = csv.writer(buffer, lineterminator="\n")
        writer.writerow(["", *self.columns])
        for label, row in zip(self.rows, self.values, strict=True):
            writer.writerow([label, *(_exact(v) for v in row)])
        return buffer.getvalue()


def _numbered(count: int) -> list[str]:
    return [str(i) for i in range(count)]


def _exact(value) -> str:
    return repr(float(value)) if isinstance(value, np.floating) else str(value)
