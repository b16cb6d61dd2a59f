"""What one run of the pipeline produces: an ordered list of stages, as plain numpy arrays.

A stage knows its own key, values, named dimensions, the PyTorch code that made it and the
key of its explanation.  Views render whatever list a result holds, so a new attention mode
adds stages without touching them.  Nothing here knows about torch or Qt.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from functools import cached_property
from types import MappingProxyType

import numpy as np

from model.config import ModelConfig
from model.tokenizer import PAD, Vocabulary

# Dimensions whose entries are positions of a sentence: labelled by the token there.
POSITION_DIMS = frozenset({"position", "query_position", "key_position"})

# What a heatmap cell is (see PipelineResult.cell_states).
REAL, PADDING, MASKED, CAUSAL = 0, 1, 2, 3


@dataclass(frozen=True)
class Stage:
    """One step of the pipeline.

    ``dims`` names each axis of ``values`` (``"sentence"``, ``"head"``, ``"key_position"`` …);
    ``code`` is the PyTorch code that produced the values, with this run's numbers filled in,
    and ``compute`` its forward step alone (without building layers);
    ``explanation`` is the key of its title and text in ``resources/explanations``, and
    ``facts`` the numbers they quote.  ``role`` tells views what the stage is for:
    ``"ids"``, ``"encoder"`` (what attention reads), ``"scores"``, ``"attention"`` or ``""``.
    """

    key: str
    values: np.ndarray
    dims: tuple[str, ...]
    code: str
    explanation: str
    role: str = ""
    facts: Mapping[str, object] = field(default_factory=dict)
    compute: str = ""

    @property
    def shape(self) -> tuple[int, ...]:
        return tuple(self.values.shape)

    @property
    def per_sentence(self) -> bool:
        return self.dims[:1] == ("sentence",) and len(self.dims) > 2

    @property
    def per_head(self) -> bool:
        return "head" in self.dims

    @property
    def per_layer(self) -> bool:
        """A transformer block's stage: one slice per layer, after the sentence."""
        return "layer" in self.dims


@dataclass(frozen=True)
class TrainingRecord:
    """How the weights behind a result were trained: settings and one value per step."""

    task: str
    steps: int
    learning_rate: float
    loss: np.ndarray
    accuracy: np.ndarray
    expected_weight: np.ndarray
    expected_keys: np.ndarray  # (B, L): the key each query should attend to, -1 for none
    evaluation: object = None  # model.training.evaluation.Evaluation on the task's probe


@dataclass(frozen=True)
class PipelineResult:
    """The sentences, their vocabulary, the settings, every stage in order, and the weights."""

    sentences: tuple[tuple[str, ...], ...]
    vocabulary: Vocabulary
    config: ModelConfig
    stages: tuple[Stage, ...]
    parameters: Mapping[str, np.ndarray] = field(default_factory=dict)
    training: TrainingRecord | None = None
    # (maps, 4): the head detectors on the seeded probe (model.analysis), None without heads
    probe_scores: np.ndarray | None = None

    def __post_init__(self) -> None:
        keys = [stage.key for stage in self.stages]
        if len(set(keys)) != len(keys):
            raise ValueError(f"stage keys must be unique, got {keys}")
        for array in (*(s.values for s in self.stages), *self.parameters.values()):
            array.flags.writeable = False
        object.__setattr__(self, "parameters", MappingProxyType(dict(self.parameters)))

    # --- stages --------------------------------------------------------------------------

    @cached_property
    def _by_key(self) -> dict[str, Stage]:
        return {stage.key: stage for stage in self.stages}

    @property
    def nbytes(self) -> int:
        """The memory its arrays take (stages and parameters)."""
        arrays = [stage.values for stage in self.stages] + list(self.parameters.values())
        return sum(getattr(array, "nbytes", 0) for array in arrays)

    @property
    def keys(self) -> tuple[str, ...]:
        return tuple(stage.key for stage in self.stages)

    def stage(self, key: str) -> Stage:
        return self._by_key[key]

    def with_role(self, role: str) -> Stage:
        return next(stage for stage in self.stages if stage.role == role)

    @property
    def token_ids(self) -> np.ndarray:
        return self.with_role("ids").values

    @cached_property
    def attention_maps(self) -> np.ndarray:
        """``(B, maps, L, L)``: every attention map, one head or several.

        With layers (the transformer) the maps of every head of every layer follow each
        other, layer by layer: map ``m`` is head ``m % heads`` of layer ``m // heads`` (see
        :meth:`map_of`); the views count maps as the command line's ``--head`` does.
        """
        values = self.with_role("attention").values
        if values.ndim == 5:
            return values.reshape(values.shape[0], -1, *values.shape[-2:])
        return values if values.ndim == 4 else values[:, None]

    @property
    def layer_count(self) -> int:
        return self.config.layer_count

    @property
    def heads_per_layer(self) -> int:
        return self.config.heads_per_layer

    def map_of(self, index: int) -> tuple[int, int]:
        """``(layer, head)`` of attention map ``index`` (layer 0 when there are no layers)."""
        return divmod(index, self.heads_per_layer)

    def map_index(self, layer: int, head: int) -> int:
        """The attention map of ``head`` in ``layer``."""
        return layer * self.heads_per_layer + head

    @property
    def attention(self) -> np.ndarray:
        """The attention stage as it is: ``(B, L, L)``, or ``(B, h, L, L)`` with heads."""
        return self.with_role("attention").values

    @property
    def head_count(self) -> int:
        return self.attention_maps.shape[1]

    @property
    def key_axis(self) -> str:
        """``"position"`` when a heatmap column is a slot of a Linear layer, else ``"token"``."""
        return "position" if self.config.attention == "linear" else "token"

    @cached_property
    def attention_row_sums(self) -> np.ndarray:
        """``(B, heads, L)``: each query's total attention (1, or 0 for a masked padding row)."""
        return self.attention_maps.sum(axis=-1, dtype=np.float64)

    @cached_property
    def row_entropy(self) -> np.ndarray:
        """``(B, heads, L)``: each query's entropy in bits, −Σ p log₂ p (0 for a zeroed row)."""
        p = self.attention_maps.astype(np.float64)
        with np.errstate(divide="ignore", invalid="ignore"):
            terms = np.where(p > 0, -p * np.log2(np.where(p > 0, p, 1.0)), 0.0)
        return terms.sum(axis=-1)

    @cached_property
    def row_uniform_entropy(self) -> np.ndarray:
        """``(B, L)``: the entropy a query would have with no preference, log₂ of the keys
        it sees (all L, or fewer with masks), for comparison with :attr:`row_entropy`."""
        size = self.max_length
        seen = np.full((self.batch_size, size), size, dtype=np.float64)
        if self.config.mask_padding:
            seen[:] = self.lengths[:, None]
        if self.config.causal:
            seen = np.minimum(seen, np.arange(1, size + 1)[None, :])
        return np.log2(seen)

    @cached_property
    def row_max(self) -> tuple[np.ndarray, np.ndarray]:
        """``(B, heads, L)`` each query's largest weight, and the key that has it."""
        maps = self.attention_maps
        return maps.max(axis=-1), maps.argmax(axis=-1)

    # --- sentences and padding -----------------------------------------------------------

    @cached_property
    def sentence_scores(self) -> np.ndarray | None:
        """``(maps, 4)``: the head detectors on the user's own sentences (NaN where they
        have nothing to show: no repeated word, no duplicate score), None without heads."""
        if self.probe_scores is None:
            return None
        from model.analysis.detectors import head_scores

        return head_scores(self.attention_maps, self.token_ids, self.lengths)

    @property
    def batch_size(self) -> int:
        return len(self.sentences)

    @property
    def max_length(self) -> int:
        return self.token_ids.shape[1]

    @cached_property
    def lengths(self) -> np.ndarray:
        return np.fromiter(map(len, self.sentences), dtype=np.int64, count=len(self.sentences))

    @cached_property
    def padding_mask(self) -> np.ndarray:
        """``(B, L)`` bool, True where a position is padding."""
        mask = np.arange(self.max_length)[None, :] >= self.lengths[:, None]
        mask.flags.writeable = False
        return mask

    def position_labels(self, sentence: int) -> list[str]:
        """The token at each position of one sentence, ``<pad>`` past its end."""
        words = list(self.sentences[sentence])
        return words + [PAD] * (self.max_length - len(words))

    def cell_states(self, sentence: int) -> np.ndarray:
        """``(L, L)`` uint8: what each heatmap cell of one sentence is.

        ``REAL``; ``PADDING`` (a padding query or key that still takes part, as in the
        notebook); ``MASKED`` (a padding key set to −∞, or a padding query row set to 0);
        ``CAUSAL`` (a later key hidden from the query).
        """
        length, size = int(self.lengths[sentence]), self.max_length
        pad = np.arange(size) >= length
        either = pad[:, None] | pad[None, :]
        states = np.full((size, size), REAL, dtype=np.uint8)
        states[either] = MASKED if self.config.mask_padding else PADDING
        if self.config.causal:
            future = np.triu(np.ones((size, size), dtype=bool), 1)
            states[future & (states != MASKED)] = CAUSAL
        return states

    # --- tables --------------------------------------------------------------------------

    def stage_table(self, key: str, sentence: int = 0, head: int = 0) -> StageTable:
        """A stage as a labelled 2-D table, sliced by its dimensions.

        A leading ``sentence`` dimension is sliced at ``sentence`` (unless the stage is 2-D,
        like the id matrix), a ``head`` dimension at ``head``.  With layers, ``head`` is an
        attention map (see :meth:`map_of`): a ``layer`` dimension is sliced at its layer.
        Positions are labelled with their tokens, token ids with the vocabulary, and padding
        is marked.
        """
        stage = self.stage(key)
        values, dims = stage.values, list(stage.dims)
        if stage.per_sentence:
            values, dims = values[sentence], dims[1:]
        if "layer" in dims:
            layer, head = self.map_of(head)
            values = np.take(values, layer, axis=dims.index("layer"))
            dims.remove("layer")
        if "head" in dims:
            values = np.take(values, head, axis=dims.index("head"))
            dims.remove("head")
        rows, row_muted = self._labels(dims[0], values.shape[0], sentence)
        if dims == ["sentence", "position"]:  # every sentence's positions: numbers, not words
            columns = [str(i) for i in range(values.shape[1])]
            muted = self.padding_mask
        else:
            columns, column_muted = self._labels(dims[1], values.shape[1], sentence)
            muted = row_muted[:, None] | column_muted[None, :]
        return StageTable(values, rows, columns, muted, (dims[0], dims[1]))

    def _labels(self, dim: str, count: int, sentence: int) -> tuple[Sequence[str], np.ndarray]:
        muted = np.zeros(count, dtype=bool)
        if dim == "key_position" and self.key_axis == "position":
            # A slot of the Linear layer: its number, never the word that happens to sit there.
            labels = [str(i) for i in range(count)]
            muted[int(self.lengths[sentence]) :] = True
        elif dim in POSITION_DIMS:
            labels = NumberedLabels(self.position_labels(sentence))
            muted[int(self.lengths[sentence]) :] = True
        elif dim == "token_id":
            labels = NumberedLabels(self.vocabulary.tokens)
            muted[0] = True
        elif dim == "sentence":
            labels = [f"sentence {b}" for b in range(count)]
        else:
            labels = [str(i) for i in range(count)]
        return labels, muted


class NumberedLabels(Sequence[str]):
    """ "0 <pad>", "1 eu", …: each token after its index, made only when asked for.

    A table shows a screenful of rows; a vocabulary can have thousands.
    """

    def __init__(self, tokens: Sequence[str]) -> None:
        self._tokens = tokens

    def __len__(self) -> int:
        return len(self._tokens)

    def __getitem__(self, index):
        if isinstance(index, slice):
            return [self[i] for i in range(*index.indices(len(self)))]
        if index < 0:
            index += len(self)
        return f"{index} {self._tokens[index]}"

    def __eq__(self, other) -> bool:
        if isinstance(other, NumberedLabels):
            mine, theirs = self._tokens, other._tokens
            return mine is theirs or list(mine) == list(theirs)
        return NotImplemented

    __hash__ = None


@dataclass(frozen=True)
class StageTable:
    """A 2-D view of a stage: values, a label per row and column, and where padding is."""

    values: np.ndarray
    rows: Sequence[str]
    columns: Sequence[str]
    padding: np.ndarray
    dims: tuple[str, str] = ("", "")

    def to_csv(self) -> str:
        """Comma-separated, labels in the first row and column; floats to full precision."""
        buffer = io.StringIO()
        writer = csv.writer(buffer, lineterminator="\n")
        writer.writerow(["", *self.columns])
        for label, row in zip(self.rows, self.values, strict=True):
            writer.writerow([label, *(_exact(v) for v in row)])
        return buffer.getvalue()


def _exact(value) -> str:
    return repr(float(value)) if isinstance(value, np.floating) else str(value)
