"""A tiny GPT: pre-LayerNorm transformer blocks, a final LayerNorm and a next-word head.

Each block is ``torch.nn.TransformerEncoderLayer``'s weights, run here one stage at a time so
that every intermediate can be shown: the normalised input, queries, keys and values per head,
scores, attention, the heads' context, the stream after attention is added back (the
residual), the feed-forward hidden layer and the stream after it is added too.  The numbers
are those of the blocks' own forward (the design's parity contract, part 3).

Every per-block stage has a layer axis after the sentence: ``(B, layers, …)``.
"""

from __future__ import annotations

import math

import torch

from model.architectures import masks
from model.architectures.multihead import head_maps_specs
from model.architectures.spec import Sizes, StageSpec
from model.config import ModelConfig

# The stages of one block, in the order a block computes them.
BLOCK_STAGES = (
    "normed",
    "queries",
    "keys",
    "values",
    "scores",
    "attention",
    "context",
    "residual",
    "ff_hidden",
    "block_output",
)


class Transformer(torch.nn.Module):
    """``layers`` blocks of width d with ``heads`` heads, then the final norm and the head."""

    def __init__(self, config: ModelConfig, length: int, vocab_size: int) -> None:
        super().__init__()
        self.config = config
        d = config.width
        self.linear = torch.nn.Linear(d, length, bias=False)  # unused: it keeps the seeding
        self.blocks = torch.nn.ModuleList(
            torch.nn.TransformerEncoderLayer(
                d,
                config.heads,
                4 * d,
                dropout=0.0,
                activation="gelu",
                batch_first=True,
                norm_first=True,
            )
            for _ in range(config.layers)
        )
        self.final_norm = torch.nn.LayerNorm(d)
        self.lm_head = torch.nn.Linear(d, vocab_size, bias=False)

    def forward(
        self, x: torch.Tensor, token_ids: torch.Tensor, ablated=()
    ) -> dict[str, torch.Tensor]:
        """``ablated``: the ``(layer, head)`` pairs of heads switched off (context 0)."""
        batch, length, d = x.shape
        heads = self.config.heads

        def split(projected: torch.Tensor) -> torch.Tensor:
            return projected.view(batch, length, heads, d // heads).transpose(1, 2)

        found: dict[str, list[torch.Tensor]] = {key: [] for key in BLOCK_STAGES}
        z = x
        for layer, block in enumerate(self.blocks):
            normed = block.norm1(z)
            w_q, w_k, w_v = block.self_attn.in_proj_weight.chunk(3)
            b_q, b_k, b_v = block.self_attn.in_proj_bias.chunk(3)
            queries = split(normed @ w_q.T + b_q)
            keys = split(normed @ w_k.T + b_k)
            values = split(normed @ w_v.T + b_v)
            scores = queries @ keys.transpose(-1, -2) / math.sqrt(d // heads)
            # A padding query still reads the real keys (its row is zeroed for the views
            # only): the stream at padding positions is what the block computes there.
            weights = masks.attend(scores, token_ids, self.config, zero_padding_rows=False)
            attention = masks.zero_padded_queries(weights, token_ids, self.config)
            per_head = weights @ values
            keep = masks.kept_heads(ablated, layer, heads)
            if keep is not None:
                per_head = per_head * keep
            context = per_head.transpose(1, 2).reshape(batch, length, d)
            z = z + block.self_attn.out_proj(context)
            residual = z
            ff_hidden = torch.nn.functional.gelu(block.linear1(block.norm2(z)))
            z = z + block.linear2(ff_hidden)
            for key, value in (
                ("normed", normed),
                ("queries", queries),
                ("keys", keys),
                ("values", values),
                ("scores", scores),
                ("attention", attention),
                ("context", context),
                ("residual", residual),
                ("ff_hidden", ff_hidden),
                ("block_output", z),
            ):
                found[key].append(value)
        stages = {key: torch.stack(values, dim=1) for key, values in found.items()}
        final_norm = self.final_norm(z)
        logits = self.lm_head(final_norm)
        stages.update(final_norm=final_norm, logits=logits, next_word=torch.softmax(logits, dim=-1))
        return stages


def transformer_specs(config: ModelConfig, sizes: Sizes, x: str) -> list[StageSpec]:
    """The stages after the encoder, whose output is the variable ``x`` in the code.

    A stage's code is its line inside the loop over blocks; the build code (the blocks, the
    final norm and the head, with the seeding) comes with the first.
    """
    d, h, n, batch, length = config.width, config.heads, config.layers, sizes.batch, sizes.length
    dh = d // h
    facts = {"d": d, "h": h, "dh": dh, "L": length, "N": n, "V": sizes.vocab, "ff": 4 * d}
    per_layer = ("sentence", "layer", "position", "feature")
    per_head = ("sentence", "layer", "head", "position", "head_feature")
    maps = ("sentence", "layer", "head", "query_position", "key_position")
    view = f".view({batch}, {length}, {h}, {dh}).transpose(1, 2)"
    build = (
        f"linear = torch.nn.Linear({d}, {length}, bias=False)  # drawn to keep the seeding\n"
        f"blocks = [torch.nn.TransformerEncoderLayer({d}, {h}, {4 * d}, dropout=0.0, "
        'activation="gelu",\n'
        "                                           batch_first=True, norm_first=True)\n"
        f"          for _ in range({n})]\n"
        f"ln_f = torch.nn.LayerNorm({d})  # the final norm\n"
        f"lm_head = torch.nn.Linear({d}, {sizes.vocab}, bias=False)\n"
        f"z = {x}  # the residual stream\n"
        "for b in blocks:  # every stage below, once per block"
    )
    weights = "weights" if config.mask_padding else "attention"
    joined = f".transpose(1, 2).reshape({batch}, {length}, {d})"
    context = f"context = ({weights} @ values){joined}"
    if config.ablated:
        build = build.replace("for b in blocks:", "for n, b in enumerate(blocks):")
        build = masks.kept_heads_code(config.ablated, h, n) + "\n" + build
        context = f"context = (({weights} @ values) * keep[n]){joined}"

    def spec(key, dims, compute, explanation=None, build=""):
        return StageSpec(key, dims, build, compute, explanation or key, facts=facts)

    specs = [
        spec("normed", per_layer, "normed = b.norm1(z)", build=build),
        spec(
            "queries",
            per_head,
            "W_q, W_k, W_v = b.self_attn.in_proj_weight.chunk(3)\n"
            "b_q, b_k, b_v = b.self_attn.in_proj_bias.chunk(3)\n"
            f"queries = (normed @ W_q.T + b_q){view}",
            "queries.block",
        ),
        spec("keys", per_head, f"keys = (normed @ W_k.T + b_k){view}", "keys.block"),
        spec("values", per_head, f"values = (normed @ W_v.T + b_v){view}", "values.block"),
        *head_maps_specs(config, length, maps, facts, weights),
        spec(
            "context",
            per_layer,
            context,
            "context.block",
        ),
        spec("residual", per_layer, "z = z + b.self_attn.out_proj(context)\nresidual = z"),
        spec(
            "ff_hidden",
            ("sentence", "layer", "position", "ff_unit"),
            "ff_hidden = torch.nn.functional.gelu(b.linear1(b.norm2(z)))",
        ),
        spec("block_output", per_layer, "z = z + b.linear2(ff_hidden)\nblock_output = z"),
        spec("final_norm", ("sentence", "position", "feature"), "final_norm = ln_f(z)"),
        StageSpec(
            "logits",
            ("sentence", "position", "token_id"),
            "",
            "logits = lm_head(final_norm)",
            "logits",
            "logits",
            facts,
        ),
        StageSpec(
            "next_word",
            ("sentence", "position", "token_id"),
            "",
            "next_word = torch.softmax(logits, dim=-1)",
            "next_word",
            "next_word",
            facts,
        ),
    ]
    return specs
