"""Temperature, padding and causal masks on attention logits, shared by every attention family.

Before the softmax: logits = scores / T; masked keys (padding, when masking is on, and later
keys, when causal) become −∞.  After it: padding query rows become 0 when masking is on.
"""

from __future__ import annotations

import torch

from model.architectures.spec import number
from model.config import ModelConfig


def future_mask(length: int) -> torch.Tensor:
    """``(L, L)`` bool, True where key j comes after query i."""
    return torch.triu(torch.ones(length, length, dtype=torch.bool), 1)


def attend(
    scores: torch.Tensor,
    token_ids: torch.Tensor,
    config: ModelConfig,
    zero_padding_rows: bool = True,
) -> torch.Tensor:
    """Softmax over the keys of ``scores`` (``(B, L, L)`` or ``(B, h, L, L)``), masked.

    ``zero_padding_rows=False`` leaves padding query rows as the softmax made them (a
    transformer block reads them; see :func:`zero_padded_queries`)."""
    logits = scores if config.temperature == 1.0 else scores / config.temperature
    heads = scores.dim() == 4
    pad = token_ids == 0
    if config.mask_padding:
        keys = pad[:, None, None, :] if heads else pad[:, None, :]
        logits = logits.masked_fill(keys, float("-inf"))
    if config.causal:
        logits = logits.masked_fill(future_mask(scores.shape[-1]), float("-inf"))
    attention = torch.softmax(logits, dim=-1)
    if not zero_padding_rows:
        return attention
    return zero_padded_queries(attention, token_ids, config)


def zero_padded_queries(
    attention: torch.Tensor, token_ids: torch.Tensor, config: ModelConfig
) -> torch.Tensor:
    """With padding masked, a padding query's row set to 0: it asks nothing."""
    if not config.mask_padding:
        return attention
    pad = token_ids == 0
    queries = pad[:, None, :, None] if attention.dim() == 4 else pad[:, :, None]
    return attention.masked_fill(queries, 0.0)


def attend_code(config: ModelConfig, length: int, heads: bool, weights: str = "attention") -> str:
    """The code of :func:`attend` for this configuration, as the stage shows it.

    ``weights``: the name of the softmax's output when padding rows are zeroed after it
    (a transformer block goes on with ``weights``, the views show ``attention``)."""
    logits = "scores" if config.temperature == 1.0 else f"scores / {number(config.temperature)}"
    if not config.mask_padding and not config.causal:
        return f"attention = torch.softmax({logits}, dim=-1)"
    lines = [f"logits = {logits}"]
    if config.mask_padding:
        keys = "pad[:, None, None, :]" if heads else "pad[:, None, :]"
        lines += ["pad = token_ids == 0", f"logits = logits.masked_fill({keys}, float('-inf'))"]
    if config.causal:
        lines += [
            f"future = torch.triu(torch.ones({length}, {length}, dtype=torch.bool), 1)",
            "logits = logits.masked_fill(future, float('-inf'))",
        ]
    lines.append(f"{weights} = torch.softmax(logits, dim=-1)")
    if config.mask_padding:
        queries = "pad[:, None, :, None]" if heads else "pad[:, :, None]"
        lines.append(f"attention = {weights}.masked_fill({queries}, 0.0)")
    return "\n".join(lines)


def explanation_key(config: ModelConfig) -> str:
    """Which explanation the attention stage gets: plain, masked, causal, or both."""
    return (
        "attention"
        + (".masked" if config.mask_padding else "")
        + (".causal" if config.causal else "")
    )


def kept_heads(ablated, layer: int, heads: int) -> torch.Tensor | None:
    """``(h, 1, 1)``: 0 for each head of ``layer`` in ``ablated`` (``(layer, head)`` pairs,
    the heads switched off), 1 for the others; None when none of that layer's is off.
    A head's context times 0 is what switching it off means: nothing of it reaches the
    stream, every other head and stage computes as before."""
    off = [head for number, head in ablated if number == layer]
    if not off:
        return None
    keep = torch.ones(heads, 1, 1)
    keep[off] = 0.0
    return keep


def kept_heads_code(ablated, heads: int, layers: int | None = None) -> str:
    """The code of :func:`kept_heads`: ``keep`` for one layer's heads, or with ``layers``
    for every block at once (``keep[n]`` is block n's)."""
    shape = f"{heads}, 1, 1" if layers is None else f"{layers}, {heads}, 1, 1"
    lines = [f"keep = torch.ones({shape})  # 0: a head switched off"]
    for layer, head in ablated:
        lines.append(f"keep[{head}] = 0" if layers is None else f"keep[{layer}, {head}] = 0")
    return "\n".join(lines)
