"""Multi-head self-attention, written out: queries, keys and values from one projection each,
split into heads, scaled dot products, softmax, the heads' contexts joined and projected.

With temperature 1 the numbers are those of ``torch.nn.MultiheadAttention``'s own forward;
the weights are that module's, built right after the notebook's Linear layer.
"""

from __future__ import annotations

import math

import torch

from model.architectures import masks
from model.architectures.spec import Sizes, StageSpec
from model.config import ModelConfig


class MultiHeadAttention(torch.nn.Module):
    """Every intermediate of multi-head attention, ``(B, h, L, d/h)`` per head."""

    def __init__(self, config: ModelConfig, length: int) -> None:
        super().__init__()
        self.config = config
        d = config.width
        self.linear = torch.nn.Linear(d, length, bias=False)  # unused: it keeps the seeding
        self.mha = torch.nn.MultiheadAttention(d, config.heads, bias=False, batch_first=True)

    def forward(
        self, x: torch.Tensor, token_ids: torch.Tensor, ablated=()
    ) -> dict[str, torch.Tensor]:
        """``ablated``: the ``(0, head)`` pairs of heads switched off (their context is 0)."""
        batch, length, d = x.shape
        heads = self.config.heads
        w_q, w_k, w_v = self.mha.in_proj_weight.chunk(3)

        def split(projected: torch.Tensor) -> torch.Tensor:
            return projected.view(batch, length, heads, d // heads).transpose(1, 2)

        queries, keys, values = split(x @ w_q.T), split(x @ w_k.T), split(x @ w_v.T)
        scores = queries @ keys.transpose(-1, -2) / math.sqrt(d // heads)
        attention = masks.attend(scores, token_ids, self.config)
        per_head = attention @ values
        keep = masks.kept_heads(ablated, 0, heads)
        if keep is not None:
            per_head = per_head * keep
        context = per_head.transpose(1, 2).reshape(batch, length, d)
        return {
            "queries": queries,
            "keys": keys,
            "values": values,
            "scores": scores,
            "attention": attention,
            "context": context,
            "output": self.mha.out_proj(context),
        }


def multihead_specs(config: ModelConfig, sizes: Sizes, x: str) -> list[StageSpec]:
    """The stages after the encoder, whose output is the variable ``x`` in the code."""
    d, h, length, batch = config.width, config.heads, sizes.length, sizes.batch
    dh = d // h
    facts = {"d": d, "h": h, "dh": dh, "L": length, "T": config.temperature}
    per_head = ("sentence", "head", "position", "head_feature")
    maps = ("sentence", "head", "query_position", "key_position")
    view = f".view({batch}, {length}, {h}, {dh}).transpose(1, 2)"
    joined = f".transpose(1, 2).reshape({batch}, {length}, {d})"
    context = f"context = (attention @ values){joined}"
    if config.ablated:
        keep = masks.kept_heads_code(config.ablated, h)
        context = f"{keep}\ncontext = ((attention @ values) * keep){joined}"
    return [
        StageSpec(
            "queries",
            per_head,
            f"linear = torch.nn.Linear({d}, {length}, bias=False)  # drawn to keep the seeding\n"
            f"mha = torch.nn.MultiheadAttention({d}, {h}, bias=False, batch_first=True)",
            f"W_q, W_k, W_v = mha.in_proj_weight.chunk(3)\nqueries = ({x} @ W_q.T){view}",
            "queries",
            facts=facts,
        ),
        StageSpec("keys", per_head, "", f"keys = ({x} @ W_k.T){view}", "keys", facts=facts),
        StageSpec("values", per_head, "", f"values = ({x} @ W_v.T){view}", "values", facts=facts),
        *head_maps_specs(config, length, maps, facts),
        StageSpec(
            "context",
            ("sentence", "position", "feature"),
            "",
            context,
            "context",
            facts=facts,
        ),
        StageSpec(
            "output",
            ("sentence", "position", "feature"),
            "",
            "output = mha.out_proj(context)",
            "output",
            facts=facts,
        ),
    ]


def head_maps_specs(
    config: ModelConfig, length: int, maps: tuple[str, ...], facts: dict, weights="attention"
) -> list[StageSpec]:
    """Every head's scores and attention, as multi-head attention and a transformer's
    blocks make them (``maps``: their dims; ``weights``: see :func:`masks.attend_code`)."""
    dh = facts["dh"]
    return [
        StageSpec(
            "scores",
            maps,
            "",
            f"scores = queries @ keys.transpose(-1, -2) / math.sqrt({dh})",
            "scores.multihead",
            "scores",
            facts,
        ),
        StageSpec(
            "attention",
            maps,
            "",
            masks.attend_code(config, length, heads=True, weights=weights),
            masks.explanation_key(config),
            "attention",
            facts,
        ),
    ]
