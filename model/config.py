"""The model's settings, validated, and the documented limits of what the program computes."""

from __future__ import annotations

from dataclasses import asdict, dataclass, fields, replace

from model.errors import InputError
from model.options import (  # noqa: F401 (the limits are read from here too)
    ATTENTIONS,
    CELLS,
    MAX_HEADS,
    MAX_LAYERS,
    MAX_SEED,
    MAX_SIZE,
    MAX_TEMPERATURE,
    MIN_TEMPERATURE,
    MODEL_OPTIONS,
    NONLINEARITIES,
)

# Limits of the input.  512 sentences of 256 tokens at size 1024 is the largest case that
# must work; the element budget keeps every stage tensor within 512 MiB of float32.
MAX_SENTENCES = 4096
MAX_SENTENCE_LENGTH = 1024
MAX_STAGE_ELEMENTS = 512 * 256 * 1024
# A word: far beyond any word or web address.  Every view shows each token and the window
# measures it; one 60 MB word froze the window for half a minute a keystroke.
MAX_TOKEN_CHARS = 1024
# The transformer's limits: its blocks keep ten stages per layer, four times d wide in the
# feed-forward layer, so it takes fewer tokens and a narrower stream (see the README).
MAX_TRANSFORMER_WIDTH = 256
MAX_TRANSFORMER_HEADS = 16
MAX_TRANSFORMER_TOKENS = 16_384  # B × L
MAX_TRANSFORMER_LENGTH = 256


@dataclass(frozen=True)
class ModelConfig:
    """Everything besides the text that decides the pipeline's numbers.

    The defaults are the notebook's: seed 0, embeddings of 10 features, an RNN of 4 hidden
    units with tanh, a Linear layer for the scores, no masking, temperature 1.  ``heads``
    is used by multi-head attention only; ``causal`` hides every later key from a query.
    """

    seed: int = 0
    embedding_size: int = 10
    hidden_size: int = 4
    cell: str = "rnn"
    nonlinearity: str = "tanh"  # used by the plain RNN cell; GRU and LSTM have fixed ones
    attention: str = "linear"
    heads: int = 2
    layers: int = 2  # transformer blocks; used by the transformer only
    mask_padding: bool = False
    causal: bool = False
    temperature: float = 1.0
    ablated: tuple[tuple[int, int], ...] = ()  # heads switched off: (layer, head) pairs

    def __post_init__(self) -> None:
        for option in MODEL_OPTIONS:  # each setting as model/options.py declares it
            object.__setattr__(self, option.name, option.check(getattr(self, option.name)))
        if self.attention == "transformer":
            if self.width > MAX_TRANSFORMER_WIDTH:
                raise InputError(
                    "transformer_too_wide",
                    width=self.width,
                    limit=MAX_TRANSFORMER_WIDTH,
                    size="E" if self.cell == "none" else "H",
                )
            if self.heads > MAX_TRANSFORMER_HEADS:
                raise InputError(
                    "transformer_too_many_heads", heads=self.heads, limit=MAX_TRANSFORMER_HEADS
                )
        if self.attention in ("multihead", "transformer") and self.width % self.heads:
            raise InputError(
                "heads_do_not_divide",
                heads=self.heads,
                width=self.width,
                size="E" if self.cell == "none" else "H",
            )

        self._check_ablated()

    def _check_ablated(self) -> None:
        """Switched-off heads must exist: a mode with heads, a layer and a head it has."""
        if not self.ablated:
            return
        if self.attention not in ("multihead", "transformer"):
            raise InputError("ablate_needs_heads", attention=self.attention)
        for layer, head in self.ablated:
            if layer >= self.layer_count or head >= self.heads_per_layer:
                raise InputError(
                    "ablate_no_such_head",
                    layer=layer,
                    head=head,
                    last_layer=self.layer_count - 1,
                    last_head=self.heads_per_layer - 1,
                )

    def with_every_head(self) -> ModelConfig:
        """These settings with no head switched off: what training and the weights use
        (switching a head off reads trained weights differently; it trains nothing)."""
        return replace(self, ablated=()) if self.ablated else self

    @property
    def width(self) -> int:
        """d, the encoder's width: H after a recurrent cell, E with ``cell="none"``."""
        return self.embedding_size if self.cell == "none" else self.hidden_size

    @property
    def layer_count(self) -> int:
        """Attention layers: ``layers`` transformer blocks, else 1."""
        return self.layers if self.attention == "transformer" else 1

    @property
    def heads_per_layer(self) -> int:
        """Heads in each attention layer: ``heads`` with queries and keys, else 1."""
        return self.heads if self.attention in ("multihead", "transformer") else 1

    @property
    def head_count(self) -> int:
        """Attention maps per sentence: every head of every layer (1 in the notebook's modes)."""
        return self.layer_count * self.heads_per_layer

    def to_dict(self) -> dict:
        return asdict(self)

    @classmethod
    def from_dict(cls, data: dict) -> ModelConfig:
        """Build a config from a mapping, naming any key that is not a setting."""
        if not isinstance(data, dict):
            raise InputError("not_a_mapping", what="model")
        known = {f.name for f in fields(cls)}
        unknown = sorted(set(data) - known, key=str)
        if unknown:
            raise InputError("unknown_setting", names=", ".join(map(str, unknown)))
        return cls(**data)


def check_input_size(batch: int, length: int, config: ModelConfig) -> None:
    """Raise :class:`InputError` when the input exceeds the documented limits."""
    if batch > MAX_SENTENCES:
        raise InputError("too_many_sentences", count=batch, limit=MAX_SENTENCES)
    if length > MAX_SENTENCE_LENGTH:
        raise InputError("sentence_too_long", length=length, limit=MAX_SENTENCE_LENGTH)
    if config.attention == "transformer":
        if length > MAX_TRANSFORMER_LENGTH:
            raise InputError(
                "transformer_sentence_too_long", length=length, limit=MAX_TRANSFORMER_LENGTH
            )
        if batch * length > MAX_TRANSFORMER_TOKENS:
            raise InputError(
                "transformer_too_many_tokens",
                batch=batch,
                length=length,
                tokens=batch * length,
                limit=MAX_TRANSFORMER_TOKENS,
            )
    width = max(config.embedding_size, config.hidden_size, length * config.head_count)
    elements = batch * length * width
    if elements > MAX_STAGE_ELEMENTS:
        raise InputError(
            "input_too_large",
            batch=batch,
            length=length,
            width=width,
            elements=elements,
            limit=MAX_STAGE_ELEMENTS,
        )


def check_vocabulary_size(batch: int, length: int, vocab_size: int, config: ModelConfig) -> None:
    """Raise :class:`InputError` when the transformer's next-word stages, ``(B, L, V)``,
    would pass the element budget of a stage (every token a different word, say)."""
    elements = batch * length * vocab_size
    if config.attention == "transformer" and elements > MAX_STAGE_ELEMENTS:
        raise InputError(
            "transformer_vocabulary_too_large",
            batch=batch,
            length=length,
            vocab=vocab_size,
            elements=elements,
            limit=MAX_STAGE_ELEMENTS,
        )


def check_tokens(sentences: list[list[str]]) -> None:
    """Raise :class:`InputError` when a token is longer than :data:`MAX_TOKEN_CHARS`.

    Every input (the editor, a file, standard input, a session) reaches the pipeline through
    the tokenizer, which calls this: one limit, whatever the path.
    """
    for sentence in sentences:
        if sentence and max(map(len, sentence)) > MAX_TOKEN_CHARS:
            word = max(sentence, key=len)
            raise InputError(
                "token_too_long", length=len(word), start=word[:12], limit=MAX_TOKEN_CHARS
            )


def fitting_heads(width: int, heads: int) -> int:
    """The most heads, up to ``heads``, that divide ``width`` (at least 1)."""
    return max(k for k in range(1, min(heads, width) + 1) if width % k == 0)
