"""The notebook's attention: scores from a Linear layer (one output per *position*), or from
scaled dot products of the encoder's outputs (one column per *token*); then a softmax.
"""

from __future__ import annotations

import math

import torch

from model.architectures import masks
from model.architectures.spec import Sizes, StageSpec
from model.config import ModelConfig


class NotebookAttention(torch.nn.Module):
    """Scores and softmax weights, ``(B, L, L)``.  The Linear layer is built in every mode:
    the notebook draws it right after the recurrent cell, and the seeding depends on it."""

    def __init__(self, config: ModelConfig, length: int) -> None:
        super().__init__()
        self.config = config
        self.linear = torch.nn.Linear(config.width, length, bias=False)

    def forward(self, x: torch.Tensor, token_ids: torch.Tensor) -> dict[str, torch.Tensor]:
        if self.config.attention == "linear":
            scores = self.linear(x)
        else:
            scores = x @ x.transpose(1, 2) / math.sqrt(self.config.width)
        return {"scores": scores, "attention": masks.attend(scores, token_ids, self.config)}


def notebook_specs(config: ModelConfig, sizes: Sizes, x: str) -> list[StageSpec]:
    """The stages after the encoder, whose output is the variable ``x`` in the code."""
    d, length = config.width, sizes.length
    if config.attention == "linear":
        build, compute = (
            f"linear = torch.nn.Linear({d}, {length}, bias=False)",
            f"scores = linear({x})",
        )
    else:
        build, compute = "", f"scores = {x} @ {x}.transpose(1, 2) / math.sqrt({d})"
    dims = ("sentence", "query_position", "key_position")
    facts = {"d": d, "L": length, "T": config.temperature}
    return [
        StageSpec("scores", dims, build, compute, f"scores.{config.attention}", "scores", facts),
        StageSpec(
            "attention",
            dims,
            "",
            masks.attend_code(config, length, heads=False),
            masks.explanation_key(config),
            "attention",
            facts,
        ),
    ]
