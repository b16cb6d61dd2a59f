"""What the attention view says in words: the legend of its marks, and the readout of a cell.

Plain functions of the result, so that the view only places their text.  They keep the
view's translation context, where their words have always been translated.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from figures.heatmap import elide
from gui.texts import map_name, marks
from model.stages import CAUSAL, MASKED, PADDING

READOUT_TOKEN_CHARS = 40


translate = QCoreApplication.translate


def legend(result, kind: str, sentence: int, show_padding: bool = True) -> str:
    """What the marks of ``kind`` ("heatmap" or "lines") mean for ``result``: padding,
    masks, and for lines what opacity and colour say.  ``sentence`` is the one shown (-1:
    all); without ``show_padding`` a sentence shown alone hides its <pad> positions."""
    if kind == "lines":  # always one sentence
        sentence = max(sentence, 0)
    padding = result.padding_mask if sentence < 0 else result.padding_mask[sentence]
    padded, masked = bool(padding.any()), result.config.mask_padding
    causal = result.config.causal and result.max_length > 1
    parts = [
        translate("AttentionView", "Sentences, queries, keys, layers and heads count from 0.")
        if result.layer_count > 1
        else translate("AttentionView", "Sentences, queries, keys and heads count from 0.")
    ]
    if kind == "lines":
        parts.append(
            translate(
                "AttentionView",
                "A line's opacity is its weight; hover a token to see only its lines.",
            )
        )
        if result.head_count > 1:
            parts.append(translate("AttentionView", "One colour per head."))
        if padded:  # a grey token; masked pairs have no line
            parts.append(
                translate("AttentionView", "Grey tokens: padding, masked (no lines)")
                if masked
                else translate(
                    "AttentionView",
                    "Grey tokens: padding, which still takes part (as in the notebook)",
                )
            )
        if causal:
            parts.append(
                translate("AttentionView", "No line to a later key: the causal mask hides it")
            )
    elif padded and sentence >= 0 and not show_padding:
        parts.append(
            translate("AttentionView", "<pad> positions hidden: masked, they take no weight")
            if masked
            else translate(
                "AttentionView",
                "<pad> positions hidden, though they still take weight: the words' row sums "
                "fall short of 1 (“Show <pad>” shows them)",
            )
        )
        if causal:
            parts.append(
                translate("AttentionView", "▧ hatched: a later key, hidden by the causal mask")
            )
    else:
        if padded:
            parts.append(
                translate("AttentionView", "▨ grey: padding, masked (weight exactly 0)")
                if masked
                else translate(
                    "AttentionView",
                    "▨ striped: padding, which still takes part (as in the notebook)",
                )
            )
        if causal:
            parts.append(
                translate("AttentionView", "▧ hatched: a later key, hidden by the causal mask")
            )
    return "   ".join(parts)


def cell_text(result, b: int, h: int, row: int, column: int, comparison=None, hiding=None) -> str:
    """One cell of ``result`` in words: where it is, its tokens, its weight (or why it is
    masked), its row's sum, maximum and entropy, and with a ``comparison`` A, B and B − A.
    While a lesson's exercise hides the weights (``hiding``, figures.exercise): where it is
    and its tokens only."""
    labels = result.position_labels(b)
    state = int(result.cell_states(b)[row, column])
    value = float(result.attention_maps[b, h, row, column])
    where = translate("AttentionView", "sentence {b}").format(b=b)
    if result.head_count > 1:
        where += " · " + map_name(result.config, h)
    if result.key_axis == "position":  # a slot of the Linear layer, not a word
        pair = translate("AttentionView", "query {i} “{qi}” → output slot {j}")
    else:
        pair = translate("AttentionView", "query {i} “{qi}” → key {j} “{kj}”")
    pair = pair.format(
        i=row,
        qi=elide(labels[row], READOUT_TOKEN_CHARS),
        j=column,
        kj=elide(labels[column], READOUT_TOKEN_CHARS),
    )
    if hiding is not None and hiding.hidden:
        hint = translate("AttentionView", "weight hidden until you reveal your guess")
        return f"{where} · {pair}: {hint}"
    if state == MASKED:
        weight = translate("AttentionView", "masked: padding, weight exactly 0")
    elif state == CAUSAL:
        weight = translate("AttentionView", "masked: a later key (causal), weight exactly 0")
    else:
        weight = marks(f"{value:.6f}")
        if state == PADDING:
            weight += translate("AttentionView", " (padding)")
    total = float(result.attention_row_sums[b, h, row])
    row_sum = translate("AttentionView", "row sum {total}").format(total=marks(f"{total:.6f}"))
    largest, at = result.row_max
    spread = translate(
        "AttentionView", "max {max} (key {key}) · entropy {h} of {uniform} bits"
    ).format(
        max=marks(f"{largest[b, h, row]:.3f}"),
        key=int(at[b, h, row]),
        h=marks(f"{result.row_entropy[b, h, row]:.2f}"),
        uniform=marks(f"{result.row_uniform_entropy[b, row]:.2f}"),
    )
    text = f"{where} · {pair}: {weight} · {row_sum} · {spread}"
    if comparison is not None:
        a = float(comparison.a.attention_maps[b, h, row, column])
        change = float(comparison.difference[b, h, row, column])
        text += " · " + translate("AttentionView", "A {a} → B {b}: B − A {change}").format(
            a=marks(f"{a:.4f}"), b=marks(f"{value:.4f}"), change=marks(f"{change:+.4f}")
        )
    return text
