"""The encoder: what attention reads.  A recurrent cell over the inputs (the notebook's RNN,
or a GRU or LSTM), or no recurrence at all: the inputs plus sinusoidal positions.
"""

from __future__ import annotations

from collections.abc import Callable

import torch

from model.architectures.spec import Sizes, StageSpec
from model.config import ModelConfig

_CELLS = {"rnn": torch.nn.RNN, "gru": torch.nn.GRU, "lstm": torch.nn.LSTM}

# The recurrent layer runs over chunks of sentences so that a long run can be cancelled.
_CHUNK_ELEMENTS = 1 << 22


def positions(length: int, size: int) -> torch.Tensor:
    """``(L, E)``: sin(p / 10000^(2⌊i/2⌋/E)) in even features, cos(…) in odd ones."""
    p = torch.arange(length, dtype=torch.float32)[:, None]
    i = torch.arange(size)
    angle = p / 10000 ** (2 * (i // 2) / size)
    return torch.where(i % 2 == 0, torch.sin(angle), torch.cos(angle))


class Encoder(torch.nn.Module):
    """Turns ``inputs`` (B, L, E) into x (B, L, d); builds its cell from the current RNG."""

    def __init__(self, config: ModelConfig, length: int) -> None:
        super().__init__()
        self.config = config
        if config.cell == "none":
            self.rnn = None
            self.register_buffer("positions", positions(length, config.embedding_size))
        else:
            kwargs = {"input_size": config.embedding_size, "hidden_size": config.hidden_size}
            if config.cell == "rnn":
                kwargs["nonlinearity"] = config.nonlinearity
            self.rnn = _CELLS[config.cell](batch_first=True, **kwargs)

    @property
    def output_key(self) -> str:
        return "encoded" if self.rnn is None else "rnn_output"

    def forward(
        self, inputs: torch.Tensor, checkpoint: Callable[[], None] = lambda: None
    ) -> dict[str, torch.Tensor]:
        if self.rnn is None:
            table = self.positions
            if inputs.shape[1] != table.shape[0]:  # a generated text grows past L
                table = positions(inputs.shape[1], self.config.embedding_size)
            return {"positions": table, "encoded": inputs + table}
        batch, length = inputs.shape[:2]
        width = max(self.config.embedding_size, self.config.hidden_size)
        chunk = max(1, _CHUNK_ELEMENTS // (length * width))
        outputs = []
        for start in range(0, batch, chunk):
            checkpoint()
            outputs.append(self.rnn(inputs[start : start + chunk])[0])
        return {"rnn_output": outputs[0] if len(outputs) == 1 else torch.cat(outputs)}


def encoder_specs(config: ModelConfig, sizes: Sizes) -> list[StageSpec]:
    """The encoder's stages, with the code that makes them (the seeding comes first)."""
    seed, emb, hid, length = config.seed, config.embedding_size, config.hidden_size, sizes.length
    if config.cell == "none":
        return [
            StageSpec(
                "positions",
                ("position", "feature"),
                f"p = torch.arange({length}, dtype=torch.float32)[:, None]\n"
                f"i = torch.arange({emb})\n"
                f"angle = p / 10000 ** (2 * (i // 2) / {emb})\n"
                "positions = torch.where(i % 2 == 0, torch.sin(angle), torch.cos(angle))",
                "",
                "positions",
                facts={"E": emb, "L": length},
            ),
            StageSpec(
                "encoded",
                ("sentence", "position", "feature"),
                f"torch.manual_seed({seed})",
                "encoded = inputs + positions",
                "encoded",
                role="encoder",
                facts={"E": emb},
            ),
        ]
    name = {"rnn": "RNN", "gru": "GRU", "lstm": "LSTM"}[config.cell]
    extra = (
        ", nonlinearity='relu'" if config.cell == "rnn" and config.nonlinearity == "relu" else ""
    )
    return [
        StageSpec(
            "rnn_output",
            ("sentence", "position", "hidden_unit"),
            f"torch.manual_seed({seed})\n"
            f"rnn = torch.nn.{name}(input_size={emb}, hidden_size={hid}, batch_first=True{extra})",
            "rnn_output, _ = rnn(inputs)",
            "rnn_output",
            role="encoder",
            facts={"cell": name, "H": hid, "E": emb},
        )
    ]
