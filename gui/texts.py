"""Words for the model's keys and results, in the interface language.

The model names things with stable keys and raises coded errors; this module turns them into
the interface's words: Qt's translations for short labels, and the model's own catalogs
(``resources/messages``, ``resources/explanations``) for errors, stage explanations and the
settings' words (one entry per setting and language, beside its name in errors).
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from figures.heatmap import Words, elide_words
from model import explanations, numbers
from model.analysis.detectors import detector_names
from model.errors import describe
from model.maps import map_name as _map_name
from model.maps import map_words
from model.maps import slice_name as _slice_name
from model.options import Option, settings_parts, words

translate = QCoreApplication.translate

_language = ["en"]


def set_language(language: str) -> None:
    """The interface language, for the parts not translated by Qt (set with the translator)."""
    _language[0] = language


def language() -> str:
    return _language[0]


def fixed(value: float, places: int) -> str:
    """``value`` with ``places`` decimals and the interface language's decimal mark."""
    return numbers.fixed(value, places, language())


def marks(text: str) -> str:
    """A number written with a point, in the interface language's decimal mark."""
    return numbers.in_language(text, language())


def number(value: float) -> str:
    """``value`` as short as exact, grouped, with the interface language's marks."""
    return numbers.format_number(value, language())


def option_words(option: Option) -> dict:
    """A setting's words in the interface language: label, tip, choices (the catalogs'
    "options", one entry per setting and language, as :mod:`model.options` says)."""
    return words(option, language())


def error_text(error: BaseException | None, field_name=None) -> str:
    """An error as one sentence in the interface language, starting with a capital unless
    it starts with a file's name (which keeps its own spelling)."""
    if error is None:
        return ""
    text = describe(error, language(), field_name)
    first = text.split(" ", 1)[0]
    if any(mark in first for mark in "./\\") or not first[:1].islower():
        return text
    return text[:1].upper() + text[1:]


def stage_title(stage) -> str:
    return explanations.stage_title(stage, language())


def stage_explanation(stage, training=None) -> str:
    """What a stage is; with ``training`` (a TrainingRecord), said first that its numbers
    come from trained weights, not from the seed the code line shows (the step is the
    Training pane's and the heatmap's to say: see :func:`trained_code_note`)."""
    text = explanations.stage_text(stage, language(), trained=training is not None)
    if training is not None and stage.role != "ids":
        trained = translate(
            "texts", "Trained weights (task {task}): these values are learned."
        ).format(task=task_name(training.task))
        text = f"{trained} {text}"
    return text


def trained_code_note(training) -> str:
    """A comment under a stage's code: its weights were then trained (a TrainingRecord).

    Without the step count, which the Training pane and the heatmap's title give: a note
    that changed at every step laid every stage's panel out again, a frame's worth of time
    while a transformer trains."""
    return translate("texts", "# then trained with Adam on the task {task}").format(
        task=task_name(training.task)
    )


def dimension_name(key: str, count: int) -> str:
    """``"sentence"`` with 1, ``"sentences"`` otherwise, translated."""
    names = {
        "sentence": (translate("texts", "sentence"), translate("texts", "sentences")),
        "position": (translate("texts", "position"), translate("texts", "positions")),
        "token_id": (translate("texts", "token id"), translate("texts", "token ids")),
        "feature": (translate("texts", "feature"), translate("texts", "features")),
        "hidden_unit": (translate("texts", "hidden unit"), translate("texts", "hidden units")),
        "head": (translate("texts", "head"), translate("texts", "heads")),
        "layer": (translate("texts", "layer"), translate("texts", "layers")),
        "ff_unit": (
            translate("texts", "feed-forward unit"),
            translate("texts", "feed-forward units"),
        ),
        "head_feature": (
            translate("texts", "feature of the head"),
            translate("texts", "features of the head"),
        ),
        "query_position": (
            translate("texts", "query position"),
            translate("texts", "query positions"),
        ),
        "key_position": (translate("texts", "key position"), translate("texts", "key positions")),
    }
    singular, plural = names.get(key, (key, key))
    return singular if count == 1 else plural


def shape_text(shape: tuple[int, ...]) -> str:
    return "(" + ", ".join(str(n) for n in shape) + ")"


def shape_description(shape: tuple[int, ...], dims: tuple[str, ...]) -> str:
    """``"3 sentences × 5 positions × 10 features"``."""
    return " × ".join(f"{n} {dimension_name(dim, n)}" for n, dim in zip(shape, dims, strict=True))


def heatmap_words() -> Words:
    return Words(
        sentence_title=translate("texts", "Sentence {n}: “{text}”"),
        panel_title=translate("texts", "{n}: {text}"),
        **map_words(language()),
        all_sentences=translate("texts", "All sentences, on one colour scale"),
        query_title=translate("texts", "query i (the token attending)"),
        query_short=translate("texts", "query i"),
        key_title=translate("texts", "key j"),
        position_note=translate(
            "texts", "a position: output slot j of the Linear layer, not a word"
        ),
        token_note=translate("texts", "the token attended to"),
        weight=translate("texts", "attention weight"),
        weight_data=translate("texts", "attention weight, on this data's range"),
        every=translate("texts", "labels every {n}"),
        pinned=translate("texts", "A (pinned)"),
        current=translate("texts", "B (now)"),
        difference=translate("texts", "B − A"),
        compare_title=translate("texts", "{title}: A, B and B − A"),
        detectors=detector_names(language()),
        switched_off=translate("texts", "off"),
        language=language(),
    )


def settings_line(config, training=None) -> str:
    """The settings a figure was made with, in one line under its title, each setting's part
    from its option (:func:`model.options.settings_parts`); ``training`` (a TrainingRecord),
    when its weights were trained."""
    parts = settings_parts(config, language())
    if training is not None:
        parts.append(
            translate("texts", "trained: task {task}, step {n}").format(
                task=task_name(training.task), n=training.steps
            )
        )
    return " · ".join(parts)


def sentence_label(index: int) -> str:
    return translate("texts", "sentence {n}").format(n=index)


def map_name(config, index: int, capital: bool = False) -> str:
    """Attention map ``index`` of a result of ``config``: "head 1", or "layer 1 · head 0"
    in a transformer (:func:`model.maps.map_name`, every view's one helper); ``capital``
    for a list item ("Head 1", "Layer 1 · head 0")."""
    return _map_name(config, index, **map_words(language(), capital))


def values_caption(sentence: int, words, part: str | None = None) -> str:
    """The pipeline's slice caption: the sentence, and ``part`` (the layer and head shown,
    see :func:`slice_caption_part`) when the stage has several."""
    caption = translate("texts", "Values for sentence {n}: “{text}”").format(
        n=sentence, text=elide_words(words, 60)
    )
    if part is not None:
        caption += " · " + part
    return caption


def slice_caption_part(config, stage, index: int) -> str | None:
    """Which slice of ``stage`` map ``index`` shows: "head 1", "layer 1 · head 0", "layer 1",
    or None when the stage has one slice per sentence only."""
    return _slice_name(config, index, stage.per_head, stage.per_layer, **map_words(language()))


def stage_code(stage) -> str:
    """A stage's PyTorch line, its comments in the interface language."""
    return explanations.code_comments(stage.code, language())


def task_name(task: str) -> str:
    return explanations.entry(f"task.{task}", language())["title"]


def task_text(task: str, causal: bool = False) -> str:
    """What ``task`` asks of each word; with the ``causal`` mask, what that changes (a word
    can only point at itself and the words before it)."""
    entry = explanations.entry(f"task.{task}", language())
    return f"{entry['text']} {entry['causal']}" if causal and "causal" in entry else entry["text"]


def lines_legend(description) -> list[str]:
    """What a lines figure's strokes mean: opacity, head colours, the threshold."""
    parts = [translate("texts", "A line's opacity is its weight.")]
    if len(description.heads) > 1:
        parts.append(translate("texts", "One colour per head."))
    if description.threshold > 0:
        parts.append(
            translate("texts", "Below {t}, only each query's strongest line is drawn.").format(
                t=f"{description.threshold:g}"
            )
        )
    if description.top_k:
        parts.append(translate("texts", "The {k} strongest per query.").format(k=description.top_k))
    return parts
