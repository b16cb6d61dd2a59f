"""The command line's flags, parsed into values or refused with one coded error.

argparse's own messages are English and print the usage; :func:`parse` raises
:class:`InputError` instead, naming the flag, so the error is one line in either language.
"""

from __future__ import annotations

import argparse
import math
import re

from cli import desktop, handout
from cli.gpt import DEFAULT_WORDS
from cli.heads import parse_heads
from model.errors import InputError
from model.options import all_options


class _BadValue(Exception):
    """A flag's value refused by our own parser.  Not a ValueError: argparse would replace
    a ValueError's message with its own English one."""

    def __init__(self, error: InputError) -> None:
        super().__init__(str(error))
        self.error = error


def bad_value(error: InputError) -> Exception:
    """What a flag's own parser raises for a value it refuses (see :class:`_BadValue`)."""
    return _BadValue(error)


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> None:  # argparse prints usage and more; we say one line
        raise usage_error(message)


def parse(argv: list[str]) -> argparse.Namespace:
    """The flags of ``argv``; anything argparse or a value refuses is an InputError."""
    parser = build_parser()
    try:
        return parser.parse_args(_join_negative_values(parser, argv))
    except _BadValue as bad:
        raise bad.error from None


def _whole(flag: str):
    """A whole number in ASCII digits: "12", "-3"; not "1_000", "١٢" or "1e3"."""

    def parse(text: str) -> int:
        if not re.fullmatch(r"[+-]?[0-9]{1,18}", text):
            raise _BadValue(InputError("flag_not_whole", flag=flag, value=shown(text)))
        return int(text)

    return parse


def _triple(flag: str):
    """Three whole numbers from 0, comma-separated: "1,2,3"."""

    def parse(text: str) -> tuple[int, int, int]:
        if not re.fullmatch(r"\s*[0-9]{1,9}\s*(,\s*[0-9]{1,9}\s*){2}", text):
            raise _BadValue(InputError("flag_not_triple", flag=flag, value=shown(text)))
        first, second, third = (int(part) for part in text.split(","))
        return first, second, third

    return parse


def _number(flag: str, low: float, high: float):
    """A decimal number in ASCII: "0.5", "2", "1e-3".  One too large for a float ("1e999")
    is out of the flag's range, said with the range and as the user wrote it."""

    def parse(text: str) -> float:
        if not re.fullmatch(r"[+-]?([0-9]+\.?[0-9]*|\.[0-9]+)([eE][+-]?[0-9]+)?", text):
            raise _BadValue(InputError("flag_not_number", flag=flag, value=shown(text)))
        value = float(text)
        if not math.isfinite(value):
            error = InputError("out_of_range", field=flag, low=low, high=high, value=shown(text))
            raise _BadValue(error)
        return value

    return parse


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(
        prog="attention-study",
        description="Watch self-attention work, stage by stage, on your own sentences.",
    )
    source = parser.add_argument_group("input (default: the notebook's three sentences)")
    source.add_argument(
        "--sentences", metavar="FILE", help="UTF-8 text, one sentence per line ('-' = stdin)"
    )
    source.add_argument(
        "--sentence", metavar="TEXT", action="append", help="one sentence (repeatable)"
    )
    source.add_argument(
        "--session", metavar="FILE.json", help="a saved session; flags given beside it win"
    )

    # Model and training flags, one per option of the table (model/options.py); they
    # default to None so that a session's values apply unless a flag is given.
    _add_options(parser.add_argument_group("model"), "model")
    _add_options(parser.add_argument_group("training (before any output)"), "training")

    output = parser.add_argument_group("output (any of these runs without a window)")
    output.add_argument("--export", metavar="FILE.png|FILE.svg", help="the attention heatmap")
    output.add_argument(
        "--sentence-index",
        metavar="I|all",
        help="which sentence the figure shows: 0 for the first (0), or all",
    )
    output.add_argument(
        "--head", metavar="N|all", help="multi-head: which head the figure shows, from 0 (all)"
    )
    output.add_argument(
        "--scale",
        type=_whole("--scale"),
        metavar="K",
        help="PNG size: 1, 2 or 4 times the figure's size (2: wide enough for a slide)",
    )
    output.add_argument(
        "--view",
        choices=("heatmap", "lines"),
        help="draw the figure as a heatmap or as attention lines (heatmap)",
    )
    output.add_argument(
        "--colour-scale",
        choices=("fixed", "data"),
        help="the heatmap's colours: 0 to 1, or the weights' own range (fixed)",
    )
    output.add_argument(
        "--padding",
        choices=("shown", "hidden"),
        help="a sentence shown alone: with its <pad> positions, or at its own length (hidden)",
    )
    output.add_argument(
        "--compare",
        metavar="SESSION.json",
        help="the figure shows A (this session), B (the other flags) and B − A",
    )
    output.add_argument(
        "--explain",
        type=_triple("--explain"),
        metavar="S,I,J",
        help="print how the weight of sentence S, query I, key J (from 0) was computed",
    )
    output.add_argument("--screenshot", metavar="FILE.png", help="the whole main window")
    output.add_argument("--export-tensors", metavar="FILE.npz", help="every stage of the pipeline")
    output.add_argument("--save-session", metavar="FILE.json", help="sentences and settings")
    output.add_argument(
        "--export-notebook",
        metavar="FILE.ipynb",
        help="a Jupyter notebook that reproduces the numbers",
    )
    handout.add_flags(output)

    _add_gpt(parser.add_argument_group("transformer (--attention transformer)"))
    heads = parser.add_argument_group("heads (multihead and transformer)")
    heads.add_argument(
        "--head-scores",
        action="store_true",
        help="print each head's detector scores on a seeded probe of random sequences with a "
        "repeated segment: previous, first, duplicate and induction, from 0 to 1, one "
        "tab-separated line per head (layer and head from 0, as --ablate takes them)",
    )
    heads.add_argument(
        "--evaluate",
        action="store_true",
        help="print 'loss L accuracy A' of the training task on its seeded probe, after "
        "training and with the --ablate heads off (--train-steps 0: untrained)",
    )
    desktop.add_flags(parser)
    ui = parser.add_argument_group("interface")
    ui.add_argument("--lang", choices=("en", "pt"), help="language (default: the system's)")
    return parser


def _add_gpt(group) -> None:
    """The transformer's flags: a layer to show, and text to write (see cli/gpt.py)."""
    group.add_argument(
        "--layer",
        metavar="N|all",
        help="which layer --export and --explain show, from 0 (all): a figure of its heads "
        "in a row; beside it, --head H is head H of that layer (attention map N x heads + H); "
        "--explain takes head 0 without it",
    )
    group.add_argument(
        "--generate",
        metavar="PROMPT",
        help="continue PROMPT (words of the sentences) word by word and print it, one line; "
        "from the trained model with --train or a trained session, else from random weights "
        "(--train next learns the sentences, and turns --causal on)",
    )
    group.add_argument(
        "--words",
        type=_whole("--words"),
        metavar="N",
        help=f"words --generate writes at most; it stops early at a sentence's end "
        f"({DEFAULT_WORDS})",
    )
    group.add_argument(
        "--sample-temperature",
        type=_number("--sample-temperature", 0.0, 10.0),  # generation.MAX_SAMPLE_TEMPERATURE
        metavar="T",
        help="divide the next-word logits by T and draw; 0 takes the most likely word (0)",
    )
    group.add_argument(
        "--top-k",
        type=_whole("--top-k"),
        metavar="K",
        help="draw among the K most likely words only; 0 keeps every word (0)",
    )
    group.add_argument(
        "--sample-seed",
        type=_whole("--sample-seed"),
        metavar="S",
        help="seed of the draws: the same seed writes the same words (0)",
    )


def _add_options(group, name: str) -> None:
    """A flag for each option of the group ``name``; a switch, and ``--train`` (training
    is off unless given), say no default."""
    for option in (o for o in all_options() if o.group == name):
        plain = option.kind is bool or option.flag == "--train"
        help_text = option.help if plain else f"{option.help} ({option.default})"
        if option.kind is bool:
            group.add_argument(option.flag, action="store_true", default=None, help=help_text)
        elif option.kind is int:
            group.add_argument(
                option.flag, type=_whole(option.flag), metavar=option.metavar, help=help_text
            )
        elif option.kind is float:
            number = _number(option.flag, option.low, option.high)
            group.add_argument(option.flag, type=number, metavar=option.metavar, help=help_text)
        elif option.kind is tuple:
            heads = parse_heads(option.flag)
            group.add_argument(option.flag, type=heads, metavar=option.metavar, help=option.help)
        else:
            group.add_argument(
                option.flag, choices=option.choices, metavar=option.metavar, help=help_text
            )


def _join_negative_values(parser: argparse.ArgumentParser, argv: list[str]) -> list[str]:
    """``--temperature -inf`` as ``--temperature=-inf``, ``--explain -1,0,0`` as
    ``--explain=-1,0,0``: argparse would take a value that starts with "-" for a flag, and
    say the flag "needs a value".  A value that is itself a flag (``--export``) stays one.
    """
    takes_value = {
        option
        for action in parser._actions
        if action.nargs is None and action.option_strings and action.const is None
        for option in action.option_strings
        if option.startswith("--")
    }
    joined, k = [], 0
    while k < len(argv):
        item = argv[k]
        following = argv[k + 1] if k + 1 < len(argv) else ""
        if item in takes_value and following.startswith("-") and not following.startswith("--"):
            joined.append(f"{item}={following}")
            k += 2
        else:
            joined.append(item)
            k += 1
    return joined


def usage_error(message: str) -> InputError:
    """argparse's message, as a coded error where we know its form."""
    patterns = (
        (r"unrecognized arguments: (.*)", "unknown_flags", ("flags",)),
        (r"argument (\S+?)(?:/\S+)?: expected one argument", "flag_needs_value", ("flag",)),
        (
            r"argument (\S+?)(?:/\S+)?: invalid choice: (.*?) \(choose from (.*)\)",
            "flag_bad_choice",
            ("flag", "value", "choices"),
        ),
        (
            r"argument (\S+?)(?:/\S+)?: ignored explicit argument (.*)",
            "flag_takes_no_value",
            ("flag", "value"),
        ),
    )
    for pattern, code, names in patterns:
        match = re.fullmatch(pattern, message, flags=re.S)
        if match:
            values = dict(zip(names, match.groups(), strict=True))
            return InputError(  # choices whole: they are ours, and the user needs them all
                code, **{n: v if n == "choices" else shown(v) for n, v in values.items()}
            )
    return InputError("usage", detail=shown(message, 200))


def shown(text: str, limit: int = 40) -> str:
    text = str(text)
    return text if len(text) <= limit else text[: limit - 1] + "…"
