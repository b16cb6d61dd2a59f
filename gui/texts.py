"""Human names for the model's keys (stages, dimensions), in the interface language.

The model names things with stable keys; this module turns them into translated words, and
loads the stage explanations from ``resources/explanations``.
"""

from __future__ import annotations

import json
from functools import cache

from PySide6.QtCore import QCoreApplication

from resources import path

translate = QCoreApplication.translate


def stage_title(key: str, cell: str = "rnn") -> str:
    titles = {
        "token_ids": translate("texts", "Token ids (padded)"),
        "embeddings": translate("texts", "Embedding table"),
        "inputs": translate("texts", "Inputs: embeddings of each token"),
        "rnn_output": translate("texts", "Output of the {cell}").format(cell=cell.upper()),
        "scores": translate("texts", "Attention scores"),
        "attention": translate("texts", "Attention weights (softmax)"),
    }
    return titles[key]


def dimension_name(key: str, count: int) -> str:
    """``"sentence"`` with 1, ``"sentences"`` otherwise, translated."""
    names = {
        "sentence": (translate("texts", "sentence"), translate("texts", "sentences")),
        "position": (translate("texts", "position"), translate("texts", "positions")),
        "token_id": (translate("texts", "token id"), translate("texts", "token ids")),
        "feature": (translate("texts", "feature"), translate("texts", "features")),
        "hidden_unit": (translate("texts", "hidden unit"), translate("texts", "hidden units")),
        "query_position": (
            translate("texts", "query position"),
            translate("texts", "query positions"),
        ),
        "key_position": (translate("texts", "key position"), translate("texts", "key positions")),
    }
    singular, plural = names[key]
    return singular if count == 1 else plural


def shape_text(shape: tuple[int, ...]) -> str:
    return "(" + ", ".join(str(n) for n in shape) + ")"


def shape_description(shape: tuple[int, ...], dims: tuple[str, ...]) -> str:
    """``"3 sentences × 5 positions × 10 features"``."""
    return " × ".join(f"{n} {dimension_name(dim, n)}" for n, dim in zip(shape, dims, strict=True))


def attention_weight() -> str:
    return translate("texts", "attention weight")


def sentence_title(index: int, words) -> str:
    return translate("texts", "Sentence {n}: “{text}”").format(n=index + 1, text=" ".join(words))


def all_sentences_title() -> str:
    return translate("texts", "All sentences, on one colour scale")


def heatmap_axis_titles(linear: bool, compact: bool = False) -> tuple[str, str, str]:
    """(rows, columns, a note under the column title) for an attention heatmap."""
    if compact:
        return translate("texts", "query i"), translate("texts", "key j"), ""
    if linear:
        note = translate("texts", "output slot j of the Linear layer: a position, not a word")
    else:
        note = translate("texts", "the token attended to")
    return (
        translate("texts", "query position i (the token attending)"),
        translate("texts", "key position j"),
        note,
    )


def scores_name(attention: str) -> str:
    if attention == "linear":
        return translate("texts", "Linear-layer scores")
    return translate("texts", "dot-product scores")


def masked_padding() -> str:
    return translate("texts", "<pad> masked")


def sentence_label(index: int) -> str:
    return translate("texts", "sentence {n}").format(n=index + 1)


def values_caption(sentence: int, words) -> str:
    caption = translate("texts", "Values for sentence {n}: “{text}”")
    return caption.format(n=sentence + 1, text=" ".join(words))


def explanation(key: str, language: str) -> str:
    texts = _explanations(language)
    return texts.get(key) or _explanations("en").get(key, "")


@cache
def _explanations(language: str) -> dict[str, str]:
    try:
        with open(path("explanations", f"{language}.json"), encoding="utf-8") as stream:
            return json.load(stream)
    except (OSError, ValueError):
        return {}
