"""What the flags make of a session, checked against it before any work: the text, the model,
the training, the sentence and head a figure shows, the weight ``--explain`` explains and the
session ``--compare`` draws as A.  An error names the flag the user typed, with what fits.
"""

from __future__ import annotations

import argparse
from dataclasses import replace

from cli import gpt
from model.config import ModelConfig
from model.errors import InputError
from model.files import read_text
from model.options import all_options
from model.outputs import KINDS
from model.session import SCALES, Session, load_session
from model.tokenizer import NOTEBOOK_TEXT, normalize_lines, split_sentences
from model.training.settings import TrainSettings

OUTPUTS = tuple(KINDS)  # the output flags, as attributes of the parsed arguments
_MODEL = tuple(o for o in all_options() if o.group == "model")
_TRAINING = tuple(o for o in all_options() if o.group == "training")
MODEL_FLAGS = tuple(o.attribute for o in _MODEL)  # as attributes of the parsed arguments
FIGURE_FLAGS = ("sentence_index", "head", "layer", "scale")
EXPORT_FLAGS = ("view", "colour_scale", "compare")  # how --export draws: only with it

# A setting's name in messages → the flag that sets it, and that flag's attribute in args.
FIELD_FLAGS = {
    **{o.name: (o.flag, o.attribute) for o in all_options()},
    "view.sentence": ("--sentence-index", "sentence_index"),
    "view.head": ("--head", "head"),
    "view.figure_scale": ("--scale", "scale"),
    **{name: ("--" + name.replace("_", "-"), name) for name in gpt.GENERATION_FLAGS},
}


def flag_names(args: argparse.Namespace | None):
    """Name a setting by its flag when the user gave that flag, by its own name otherwise."""

    def name(field: str) -> str | None:
        flag, attribute = FIELD_FLAGS.get(field, (None, None))
        given = args is not None and attribute and getattr(args, attribute, None) is not None
        return flag if given else None

    return name


def session_from(args: argparse.Namespace, notices: list | None = None) -> Session:
    """The input: a session file if given, then the text, model and training flags on it.

    What the flags changed on their own (the causal mask that ``--train next`` turns on) is
    added to ``notices``, for the caller to say."""
    notices = [] if notices is None else notices
    base = load_session(args.session) if args.session else Session(NOTEBOOK_TEXT)
    settings = base.config.to_dict()
    settings.update(
        (o.name, getattr(args, o.attribute))
        for o in _MODEL
        if getattr(args, o.attribute) is not None
    )
    config = ModelConfig(**settings)
    if args.sentences is not None and args.sentence is not None:
        raise InputError("both_inputs")
    text = base.text
    if args.sentences is not None:
        text = normalize_lines(read_text(args.sentences))
    elif args.sentence is not None:
        text = "\n".join(args.sentence)
    view = base.view
    if args.sentence_index is not None:
        sentence = index("--sentence-index", args.sentence_index)
        _check_sentence(args.sentence_index, sentence, text)
        view = replace(view, sentence=sentence, page=0)
    if args.layer is not None:
        view = gpt.layer_view(args, config, view)
    elif args.head is not None:
        head = index("--head", args.head)
        if head >= config.head_count:
            raise _no_such("flag_no_such_head", "--head", args.head, config.head_count)
        view = replace(view, head=head, page=0)
    if args.scale is not None:
        if args.scale not in SCALES:
            raise InputError("flag_not_a_choice", flag="--scale", choices=SCALES, value=args.scale)
        view = replace(view, figure_scale=args.scale)
    training = base.training
    given = {o.name: getattr(args, o.attribute) for o in _TRAINING}
    given = {name: value for name, value in given.items() if value is not None}
    if given:
        if args.train is None and training is None:
            raise InputError("train_flags_alone")
        current = training or TrainSettings()  # its rate changes end with new flags
        training = TrainSettings(
            **{o.name: given.get(o.name, getattr(current, o.name)) for o in _TRAINING}
        )
    config = gpt.train_next(config, training and training.task, notices)
    session = Session(text, config, view, training, base.pinned)
    if args.explain is not None:
        _check_explain(args, session)
    return session


def _check_sentence(value: str, sentence: int, text: str) -> None:
    if sentence >= 0:
        count = len(split_sentences(text))
        if sentence >= count:
            raise _no_such("flag_no_such_sentence", "--sentence-index", value, count)


def _check_explain(args: argparse.Namespace, session: Session) -> None:
    """--explain S,I,J: a sentence and two positions that exist, in one head."""
    sentence, query, key = args.explain
    value = f"{sentence},{query},{key}"
    sentences = split_sentences(session.text)
    if sentence >= len(sentences):
        raise _no_such("explain_no_such_sentence", "--explain", value, len(sentences))
    length = max(map(len, sentences))
    if max(query, key) >= length:
        raise _no_such("explain_no_such_position", "--explain", value, length)
    if args.head == "all":
        raise InputError("explain_needs_one_head", count=session.config.head_count,
                         last=session.config.head_count - 1)  # fmt: skip


def _no_such(code: str, flag: str, value: str, count: int) -> InputError:
    return InputError(code, flag=flag, value=value, count=count, last=count - 1)


def figure_options(args: argparse.Namespace, session: Session) -> Session:
    """``session`` as ``--export`` draws it: ``--view``, ``--colour-scale`` and ``--padding``
    set its view,
    and ``--compare`` pins another session as A (else the session's own A, if it has one).
    A session to compare with must hold the same sentences and heads: said before any work.
    """
    if args.compare is not None and args.view == "lines":
        raise InputError("compare_needs_heatmap")
    pinned = load_session(args.compare) if args.compare is not None else session.pinned
    if args.compare is not None:
        if split_sentences(pinned.text) != split_sentences(session.text):
            raise InputError("cli_compare_sentences", file=args.compare)
        a, b = pinned.config.head_count, session.config.head_count
        if a != b:
            raise InputError("cli_compare_heads", file=args.compare, a=a, b=b)
        a, b = pinned.config.layer_count, session.config.layer_count
        if a != b:
            raise InputError("cli_compare_layers", file=args.compare, a=a, b=b)
    view = replace(
        session.view,
        kind=args.view or session.view.kind,
        colour_scale=args.colour_scale or session.view.colour_scale,
        padding=session.view.padding if args.padding is None else args.padding == "shown",
    )
    return replace(session, view=view, pinned=pinned)


def index(flag: str, value: str) -> int:
    """A sentence or head: a number from 0, or ``all`` (−1)."""
    if value == "all":
        return -1
    if not value.isascii() or not value.isdigit() or len(value) > 9:
        raise InputError("flag_not_index", flag=flag, value=_shown(value))
    return int(value)


def _shown(text: str, limit: int = 40) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"
