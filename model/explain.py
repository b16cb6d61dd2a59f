"""How one attention weight was computed, with the run's own numbers.

:func:`explain` reads a result's stages and stored parameters and rebuilds the weight at
(sentence, query i, key j, head): the score as a sum of products, term by term; the division
by √d (dot and multi-head modes) and by the temperature; the masks; then the row's softmax
with every term; in multi-head mode, how the context row is formed from the values.  In a
transformer the head is a map of one layer (:meth:`~model.stages.PipelineResult.map_of`):
its query and key are computed again from that block's normalised input and its stored
``in_proj`` weight and bias.  The numbers are recomputed in float64 from the float32 tensors
the views show, so the final value equals the heatmap's to float32 precision (a test checks
it).

:func:`explanation_lines` writes it out in English or Portuguese, the same for the window
and the command line (``--explain``).
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np

from model import explanations
from model.config import ModelConfig
from model.errors import InputError
from model.maps import map_name, map_words
from model.numbers import format_number
from model.stages import CAUSAL, PipelineResult
from resources import catalog

MAX_TERMS_SHOWN = 12  # products written out one by one; longer sums show the first and last


@dataclass(frozen=True)
class RowEntry:
    """One key of the query's row: its score, logit, exp and weight (or masked)."""

    key: int
    token: str
    score: float
    logit: float | None  # None when masked (−∞)
    exp: float
    weight: float
    state: int  # model.stages REAL, PADDING, MASKED, CAUSAL


@dataclass(frozen=True)
class Explanation:
    mode: str  # "linear", "dot", "multihead" or "transformer"
    sentence: int
    head: int  # the attention map, as every view counts it
    query: int
    key: int
    query_token: str
    key_token: str
    left: np.ndarray  # the two vectors whose products sum to the score
    right: np.ndarray
    left_name: str  # "W[j]", "x_i", "q_i"
    right_name: str
    dot: float  # Σ left·right
    scale: float  # the divisor before the temperature: 1 (linear), √d or √(d/h)
    scale_text: str  # "1", "√4", "√2"
    temperature: float
    row: tuple[RowEntry, ...]
    shift: float  # subtracted from every logit before exp (0 unless logits are large)
    total: float  # Σ exp
    weight: float  # the attention weight, recomputed
    shown: float  # the weight as the result holds it
    query_row_zeroed: bool  # a padding query whose row masking sets to 0
    trained: str  # "" or the task it was trained on
    context: np.ndarray | None  # multi-head: this head's context row
    values: np.ndarray | None  # multi-head: (L, d/h) value rows of this head
    config: ModelConfig | None = None  # the settings (which name the map)
    named: bool = False  # a map of several: its name is said
    layer: int | None = None  # the transformer's block of this head


def explain(
    result: PipelineResult, sentence: int, query: int, key: int, head: int = 0
) -> Explanation:
    """The arithmetic behind ``result.attention_maps[sentence, head, query, key]``."""
    if not 0 <= sentence < result.batch_size:
        raise InputError("no_such_sentence", sentence=sentence, last=result.batch_size - 1)
    length = result.max_length
    for name, index in (("query", query), ("key", key)):
        if not 0 <= index < length:
            raise InputError("no_such_position", what=name, index=index, last=length - 1)
    if not 0 <= head < result.head_count:
        raise InputError("no_such_head", head=head, last=result.head_count - 1)
    config = result.config
    mode = config.attention
    layer = None
    if mode == "transformer":
        layer, layer_head = result.map_of(head)
        q, k, v = _projections(result, sentence, layer, layer_head)
    elif mode == "multihead":
        q = result.stage("queries").values[sentence, head].astype(np.float64)
        k = result.stage("keys").values[sentence, head].astype(np.float64)
        v = result.stage("values").values[sentence, head].astype(np.float64)
    if mode in ("multihead", "transformer"):
        left, right = q[query], k[key]
        keys = k
        dh = q.shape[1]
        scale, scale_text = math.sqrt(dh), f"√{dh}"
        names = ("q_i", "k_j")
    else:
        x = result.with_role("encoder").values[sentence].astype(np.float64)
        if mode == "linear":
            weight = np.asarray(result.parameters["attention.linear.weight"], dtype=np.float64)
            left, right = weight[key], x[query]
            keys = weight  # the row of scores: W[j'] · x_i for every slot j'
            scale, scale_text = 1.0, "1"
            names = ("W[j]", "x_i")
        else:
            left, right = x[query], x[key]
            keys = x
            d = x.shape[1]
            scale, scale_text = math.sqrt(d), f"√{d}"
            names = ("x_i", "x_j")
    if mode == "linear":
        scores = keys @ right
    else:
        scores = keys @ left
    scores = scores / scale
    logits = scores / config.temperature
    # Python floats from here on (the same values): a row is L keys, a page explains L² cells.
    states = result.cell_states(sentence)[query].tolist()
    scores, logits = scores.tolist(), logits.tolist()
    live = [j for j in range(length) if not _masked_key(result, sentence, query, j)]
    # A padding query, with masking: its row is computed like any other, then set to 0.
    zeroed = config.mask_padding and query >= result.lengths[sentence]
    shift = max(logits[j] for j in live) if max(abs(logits[j]) for j in live) > 50 else 0.0
    exps = {j: math.exp(logits[j] - shift) for j in live}
    total = sum(exps.values())
    labels = result.position_labels(sentence)
    row = tuple(
        RowEntry(
            j,
            labels[j],
            scores[j],
            logits[j] if j in exps else None,
            exps.get(j, 0.0),
            0.0 if zeroed else exps.get(j, 0.0) / total,
            states[j],
        )
        for j in range(length)
    )
    context = values = None
    if mode in ("multihead", "transformer"):
        values = v
        weights = np.array([entry.weight for entry in row])
        if mode == "transformer":  # a padding query's row is zeroed for the views only
            weights = np.array([exps.get(j, 0.0) / total for j in range(length)])
        context = weights @ values
    training = result.training
    return Explanation(
        mode=mode,
        sentence=sentence,
        head=head,
        query=query,
        key=key,
        query_token=labels[query],
        key_token=labels[key],
        left=left,
        right=right,
        left_name=names[0],
        right_name=names[1],
        dot=float(left @ right),
        scale=scale,
        scale_text=scale_text,
        temperature=config.temperature,
        row=row,
        shift=float(shift),
        total=total,
        weight=row[key].weight,
        shown=float(result.attention_maps[sentence, head, query, key]),
        query_row_zeroed=bool(zeroed),
        trained=training.task if training is not None else "",
        context=context,
        values=values,
        config=config,
        named=result.head_count > 1 or layer is not None,
        layer=layer,
    )


def _projections(result: PipelineResult, sentence: int, layer: int, head: int):
    """``(L, d/h)`` queries, keys and values of ``head`` in block ``layer``: the block's
    normalised input (stage "normed") times its ``in_proj`` weight, plus its bias, the d/h
    rows of that head from each third (W_q, W_k, W_v)."""
    normed = result.stage("normed").values[sentence, layer].astype(np.float64)
    prefix = f"attention.blocks.{layer}.self_attn.in_proj_"
    weight = np.asarray(result.parameters[prefix + "weight"], dtype=np.float64)
    bias = np.asarray(result.parameters[prefix + "bias"], dtype=np.float64)
    d = normed.shape[1]
    dh = d // result.heads_per_layer
    rows = [part * d + head * dh + np.arange(dh) for part in range(3)]
    return tuple(normed @ weight[r].T + bias[r] for r in rows)


def _masked_key(result: PipelineResult, sentence: int, query: int, key: int) -> bool:
    config = result.config
    padded = key >= result.lengths[sentence]
    return (config.mask_padding and padded) or (config.causal and key > query)


@dataclass(frozen=True)
class Walkthrough:
    """The walk-through's lines in four parts, so that a page can store a query's row once
    for all its keys: ``row`` has one line per key with the marker's place (index 1) blank."""

    before: list[str]  # the title, the score and its scaling, the softmax's heading
    row: list[str]  # every key of the query's row
    after: list[str]  # the row's sum, the weight, what the heatmap shows
    context: list[str]  # multi-head: how the head's context is made ([] otherwise)

    def lines(self, key: int) -> list[str]:
        """The whole walk-through, the arrow marking ``key``'s line."""
        row = [line[:1] + "→" + line[2:] if j == key else line for j, line in enumerate(self.row)]
        return [*self.before, *row, *self.after, *self.context]


def explanation_lines(e: Explanation, language: str = "en") -> list[str]:
    """The walk-through as lines of text, in ``language``."""
    return explanation_parts(e, language).lines(e.key)


def explanation_parts(e: Explanation, language: str = "en", rows: bool = True) -> Walkthrough:
    """The walk-through in the parts of a :class:`Walkthrough`, in ``language``; without
    ``rows``, its row and context left empty (the same for every key of the query: a page
    that has them from one key needs them from no other)."""
    words = catalog("explain", language)

    def number(value: float) -> str:
        return (
            format_number(round(float(value), 6), language) if abs(value) < 1e6 else f"{value:.4g}"
        )

    # In linear mode a key is an output slot of the Linear layer, not a word.
    title = words["title.linear" if e.mode == "linear" else "title"]
    lines = [title.format(s=e.sentence, i=e.query, qi=e.query_token, j=e.key, kj=e.key_token)]
    name = ""
    if e.named:  # which map: "head 1", or "layer 1 · head 0" in a transformer
        name = map_name(e.config, e.head, **map_words(language))
        lines[0] += " · " + name
    if e.trained:
        task = explanations.entry(f"task.{e.trained}", language)["title"]
        lines.append(words["trained"].format(task=task))
    steps = iter(range(1, 10))
    lines.append("")
    if e.layer is not None:  # the query and key, from the block's normalised input
        d = e.config.width
        head = e.head % e.config.heads_per_layer
        project = words["project"].format(layer=e.layer, head=head, dh=len(e.left), d=d)
        lines.append(f"{next(steps)}. {project}")
        lines.append(f"  q_i = [{_vector(e.left, number)}]")
        lines.append(f"  k_j = [{_vector(e.right, number)}]")
    lines.append(
        f"{next(steps)}. " + words[f"score.{e.mode}"].format(left=e.left_name, right=e.right_name)
    )

    def factor(value: float) -> str:  # "+ 0.2 × (-0.4)", not "+ -0.2 × -0.4"
        return f"({number(value)})" if value < 0 else number(value)

    terms = [f"{factor(a)} × {factor(b)}" for a, b in zip(e.left, e.right, strict=True)]
    if len(terms) > MAX_TERMS_SHOWN:
        hidden = len(terms) - MAX_TERMS_SHOWN
        terms = [*terms[: MAX_TERMS_SHOWN - 2], words["more"].format(n=hidden), *terms[-2:]]
    lines.append("  " + " + ".join(terms))
    lines.append(f"  = {number(e.dot)}")
    score = e.dot / e.scale
    if e.mode != "linear":
        scaled = words["scaled"].format(scale=e.scale_text, dot=number(e.dot), score=number(score))
        lines.append(f"{next(steps)}. {scaled}")
    if e.temperature != 1.0:
        divided = words["temperature"].format(
            t=number(e.temperature), logit=number(score / e.temperature)
        )
        lines.append(f"{next(steps)}. {divided}")
    masked = [entry for entry in e.row if entry.logit is None]
    if masked:
        lines.append(words["masked"].format(keys=", ".join(str(m.key) for m in masked)))
    lines.append("")
    lines.append(f"{next(steps)}. " + words["softmax"])
    if e.shift:
        lines.append(words["shift"].format(shift=number(e.shift)))

    def key_name(entry: RowEntry) -> str:  # in linear mode a key is a slot, not a word
        if e.mode == "linear":
            return f"j={entry.key}"
        return f"j={entry.key} “{_short(entry.token)}”"

    row = []
    for entry in e.row if rows else ():
        if entry.logit is None:
            kind = words["masked.causal"] if entry.state == CAUSAL else words["masked.padding"]
            row.append(f"   {key_name(entry)}: {kind}")
        else:
            row.append(
                f"   {key_name(entry)}: s = {number(entry.logit)}, exp(s) = {number(entry.exp)}"
            )
    before, lines = lines, [words["sum"].format(total=number(e.total))]
    own = e.row[e.key]
    if e.query_row_zeroed:
        lines.append(words["zeroed"])
    elif own.logit is None:
        lines.append(words["weight.masked"])
    else:
        lines.append(
            words["weight"].format(
                exp=number(own.exp), total=number(e.total), weight=number(e.weight)
            )
        )
    lines.append(words["shown"].format(shown=number(e.shown)))
    context = []
    if e.context is not None and rows:
        context.append("")
        context.append(f"{next(steps)}. " + words["context"].format(name=name))
        for entry in e.row:
            if entry.weight:
                vector = ", ".join(number(v) for v in e.values[entry.key][:6])
                more = ", …" if e.values.shape[1] > 6 else ""
                context.append(f"   {number(entry.weight)} × v_{entry.key} [{vector}{more}]")
        vector = ", ".join(number(v) for v in e.context[:6])
        context.append(f"  = [{vector}{', …' if e.context.size > 6 else ''}]")
    return Walkthrough(before, row, lines, context)


def _short(token: str, limit: int = 24) -> str:
    return token if len(token) <= limit else token[: limit - 1] + "…"


def _vector(values: np.ndarray, number, shown: int = 6) -> str:
    """The first ``shown`` numbers of a vector, "…" after them when there are more."""
    more = ", …" if values.size > shown else ""
    return ", ".join(number(v) for v in values[:shown]) + more
