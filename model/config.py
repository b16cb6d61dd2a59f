"""The model's settings, validated, and the documented limits of what the program computes."""

from __future__ import annotations

import math
from dataclasses import asdict, dataclass, fields

CELLS = ("rnn", "gru", "lstm")
NONLINEARITIES = ("tanh", "relu")
ATTENTIONS = ("linear", "dot")

MAX_SEED = 2**31 - 1  # fits numpy's RandomState, torch and a Qt spin box (a C int)
MAX_SIZE = 1024  # embedding and hidden size
MIN_TEMPERATURE, MAX_TEMPERATURE = 1e-3, 1e3

# Limits of the input.  512 sentences of 256 tokens at size 1024 is the largest case that
# must work; the element budget keeps every stage tensor within 512 MiB of float32.
MAX_SENTENCES = 4096
MAX_SENTENCE_LENGTH = 1024
MAX_STAGE_ELEMENTS = 512 * 256 * 1024


@dataclass(frozen=True)
class ModelConfig:
    """Everything besides the text that decides the pipeline's numbers.

    The defaults are the notebook's: seed 0, embeddings of 10 features, an RNN of 4 hidden
    units with tanh, a Linear layer for the scores, no masking, temperature 1.
    """

    seed: int = 0
    embedding_size: int = 10
    hidden_size: int = 4
    cell: str = "rnn"
    nonlinearity: str = "tanh"  # used by the plain RNN cell; GRU and LSTM have fixed ones
    attention: str = "linear"
    mask_padding: bool = False
    temperature: float = 1.0

    def __post_init__(self) -> None:
        _check_int("seed", self.seed, 0, MAX_SEED)
        _check_int("embedding_size", self.embedding_size, 1, MAX_SIZE)
        _check_int("hidden_size", self.hidden_size, 1, MAX_SIZE)
        _check_choice("cell", self.cell, CELLS)
        _check_choice("nonlinearity", self.nonlinearity, NONLINEARITIES)
        _check_choice("attention", self.attention, ATTENTIONS)
        if not isinstance(self.mask_padding, bool):
            raise ValueError(f"mask_padding must be true or false, not {self.mask_padding!r}")
        t = self.temperature
        if isinstance(t, bool) or not isinstance(t, (int, float)) or not math.isfinite(t):
            raise ValueError(f"temperature must be a number, not {t!r}")
        if not MIN_TEMPERATURE <= t <= MAX_TEMPERATURE:
            low, high = MIN_TEMPERATURE, MAX_TEMPERATURE
            raise ValueError(f"temperature must be between {low:g} and {high:g}, not {t:g}")
        object.__setattr__(self, "temperature", float(t))

    def to_dict(self) -> dict:
        return asdict(self)

    @classmethod
    def from_dict(cls, data: dict) -> ModelConfig:
        """Build a config from a mapping, naming any key that is not a setting."""
        if not isinstance(data, dict):
            raise ValueError(f"model settings must be a mapping, not {type(data).__name__}")
        known = {f.name for f in fields(cls)}
        unknown = sorted(set(data) - known)
        if unknown:
            raise ValueError(f"unknown model setting: {', '.join(map(str, unknown))}")
        return cls(**data)


def check_input_size(batch: int, length: int, config: ModelConfig) -> None:
    """Raise :class:`ValueError` when the input exceeds the documented limits."""
    if batch > MAX_SENTENCES:
        raise ValueError(f"too many sentences: {batch:,} (the limit is {MAX_SENTENCES:,})")
    if length > MAX_SENTENCE_LENGTH:
        raise ValueError(
            f"sentence too long: {length:,} tokens (the limit is {MAX_SENTENCE_LENGTH:,})"
        )
    width = max(config.embedding_size, config.hidden_size, length)
    elements = batch * length * width
    if elements > MAX_STAGE_ELEMENTS:
        raise ValueError(
            f"input too large: {batch:,} sentences × {length:,} positions × {width:,} "
            f"= {elements:,} values in one stage (the limit is {MAX_STAGE_ELEMENTS:,}, "
            "e.g. 512 sentences of 256 tokens at size 1024)"
        )


def _check_int(name: str, value, low: int, high: int) -> None:
    if isinstance(value, bool) or not isinstance(value, int):
        raise ValueError(f"{name} must be a whole number, not {value!r}")
    if not low <= value <= high:
        raise ValueError(f"{name} must be between {low:,} and {high:,}, not {value:,}")


def _check_choice(name: str, value, choices: tuple[str, ...]) -> None:
    if value not in choices:
        raise ValueError(f"{name} must be one of {', '.join(choices)}, not {value!r}")
