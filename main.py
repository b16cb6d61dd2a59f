"""Attention Study: the notebook "Estudo de Self-Attention" as a live instrument.

Run with no output flag to open the window; any output flag runs headless, with no window
and no display needed.  This module only parses the command line: the exports live in
``gui/headless.py`` and the window in ``gui/app.py``.  See ``python main.py --help``.
"""

from __future__ import annotations

import argparse
import re
import signal
import sys

from model.config import ATTENTIONS, CELLS, NONLINEARITIES, ModelConfig
from model.errors import InputError, describe
from model.files import read_text
from model.session import SCALES, Session, ViewSettings, load_session
from model.tokenizer import NOTEBOOK_TEXT, normalize_lines
from model.training.settings import LEARNING_RATES, TASKS, TrainSettings

EXIT_USAGE, EXIT_MISSING, EXIT_INTERRUPTED, EXIT_TERMINATED = 2, 3, 130, 143
DEPENDENCIES = {"torch", "numpy", "PySide6", "shiboken6", "pyqtgraph"}

# Output flags and the file types each writes.
OUTPUTS = {
    "export": (".png", ".svg"),
    "screenshot": (".png",),
    "export_tensors": (".npz",),
    "save_session": (".json",),
    "export_notebook": (".ipynb",),
}
MODEL_FLAGS = tuple(ModelConfig().to_dict())
FIGURE_FLAGS = ("sentence_index", "head", "scale")
EXPORT_FLAGS = ("view", "colour_scale", "compare")  # how --export draws: only with it


class Terminated(BaseException):
    """SIGTERM, raised like Ctrl+C so that every temporary file is cleaned up on the way out."""


class _BadValue(Exception):
    """A flag's value refused by our own parser.  Not a ValueError: argparse would replace
    a ValueError's message with its own English one."""

    def __init__(self, error: InputError) -> None:
        super().__init__(str(error))
        self.error = error


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> None:  # argparse prints usage and more; we say one line
        raise _usage_error(message)


def _whole(flag: str):
    """A whole number in ASCII digits: "12", "-3"; not "1_000", "١٢" or "1e3"."""

    def parse(text: str) -> int:
        if not re.fullmatch(r"[+-]?[0-9]{1,18}", text):
            raise _BadValue(InputError("flag_not_whole", flag=flag, value=_shown(text)))
        return int(text)

    return parse


def _triple(flag: str):
    """Three whole numbers from 0, comma-separated: "1,2,3"."""

    def parse(text: str) -> tuple[int, int, int]:
        if not re.fullmatch(r"\s*[0-9]{1,9}\s*(,\s*[0-9]{1,9}\s*){2}", text):
            raise _BadValue(InputError("flag_not_triple", flag=flag, value=_shown(text)))
        first, second, third = (int(part) for part in text.split(","))
        return first, second, third

    return parse


def _number(flag: str):
    """A decimal number in ASCII: "0.5", "2", "1e-3"."""

    def parse(text: str) -> float:
        if not re.fullmatch(r"[+-]?([0-9]+\.?[0-9]*|\.[0-9]+)([eE][+-]?[0-9]+)?", text):
            raise _BadValue(InputError("flag_not_number", flag=flag, value=_shown(text)))
        return float(text)

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

    # Model flags default to None so that a session's values apply unless a flag is given.
    defaults = ModelConfig()
    model = parser.add_argument_group("model")
    model.add_argument(
        "--seed", type=_whole("--seed"), metavar="N", help=f"random seed ({defaults.seed})"
    )
    model.add_argument(
        "--embedding-size",
        type=_whole("--embedding-size"),
        metavar="N",
        help=f"E, features per token ({defaults.embedding_size})",
    )
    model.add_argument(
        "--hidden-size",
        type=_whole("--hidden-size"),
        metavar="N",
        help=f"H, units of the recurrent layer ({defaults.hidden_size})",
    )
    model.add_argument(
        "--cell", choices=CELLS, help=f"recurrent cell, or none: positions only ({defaults.cell})"
    )
    model.add_argument(
        "--nonlinearity", choices=NONLINEARITIES, help=f"of the plain RNN ({defaults.nonlinearity})"
    )
    model.add_argument(
        "--attention",
        choices=ATTENTIONS,
        help="scores from a Linear layer (the notebook), scaled dot products, or multi-head "
        "attention with queries, keys and values (linear)",
    )
    model.add_argument(
        "--heads",
        type=_whole("--heads"),
        metavar="N",
        help=f"heads of multi-head attention, a divisor of d ({defaults.heads})",
    )
    model.add_argument(
        "--mask-padding",
        action="store_true",
        default=None,
        help="give <pad> positions no attention",
    )
    model.add_argument(
        "--causal", action="store_true", default=None, help="hide every later key from a query"
    )
    model.add_argument(
        "--temperature",
        type=_number("--temperature"),
        metavar="T",
        help=f"divide the scores by T before the softmax ({defaults.temperature})",
    )

    train = parser.add_argument_group("training (before any output)")
    train.add_argument(
        "--train", choices=TASKS, metavar="TASK", help="train on a task: " + ", ".join(TASKS)
    )
    train.add_argument(
        "--train-steps", type=_whole("--train-steps"), metavar="N", help="optimizer steps (500)"
    )
    train.add_argument(
        "--learning-rate",
        type=_number("--learning-rate"),
        metavar="LR",
        help="Adam's learning rate (0.01; the window offers "
        + ", ".join(map(str, LEARNING_RATES))
        + ")",
    )

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
        help="PNG size: 1, 2 or 4 times the figure's size (1)",
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

    ui = parser.add_argument_group("interface")
    ui.add_argument("--lang", choices=("en", "pt"), help="language (default: the system's)")
    return parser


def main(argv: list[str] | None = None) -> int:
    """Run the command line (``argv``, or the program's own) and return the exit code.

    Run as the program, once the exit code is known a late Ctrl+C or SIGTERM (while Qt and
    torch tear down) is ignored: the outputs are complete and the code stands, rather than
    the process being killed on its way out.
    """
    program = argv is None
    argv = sys.argv[1:] if argv is None else list(argv)
    language = _language_of(argv)
    given: set[str] = set()
    previous_term = signal.signal(signal.SIGTERM, _terminate)
    try:
        try:
            args = build_parser().parse_args(_join_negative_values(argv))
        except _BadValue as bad:
            raise bad.error from None
        given = {name for name in MODEL_FLAGS if getattr(args, name) is not None}
        session = _session_from(args)
        outputs = {name: getattr(args, name) for name in OUTPUTS if getattr(args, name)}
        if "export" not in outputs and any(getattr(args, f) is not None for f in EXPORT_FLAGS):
            raise InputError("export_flags_alone")
        if not outputs and args.explain is None:
            if any(getattr(args, flag) is not None for flag in FIGURE_FLAGS):
                raise InputError("figure_flags_alone")
            explicit = args.session or args.sentences is not None or args.sentence is not None
            return _run_window(session, args.lang, restore=not (explicit or given or args.train))
        from gui import headless

        headless.run(
            session,
            outputs,
            language=args.lang or language,
            figure_options=_figure_options(args),
            explain=args.explain,
        )
        return 0
    except (InputError, OSError, MemoryError) as exc:
        _print_error(describe(exc, language, _flag_names(given)), language)
        return EXIT_USAGE
    except ModuleNotFoundError as exc:  # run outside the project's environment
        if (exc.name or "").partition(".")[0] not in DEPENDENCIES:
            raise
        _print_error(describe(exc, language), language)
        return EXIT_MISSING
    except KeyboardInterrupt:
        return EXIT_INTERRUPTED
    except Terminated:
        return EXIT_TERMINATED
    finally:
        if program:
            signal.signal(signal.SIGINT, signal.SIG_IGN)
            signal.signal(signal.SIGTERM, signal.SIG_IGN)
        else:
            signal.signal(signal.SIGTERM, previous_term)


def _print_error(message: str, language: str) -> None:
    """One line on standard error: ``error: …`` (``erro: …`` in Portuguese)."""
    prefix = "erro" if language == "pt" else "error"
    print(f"{prefix}: {_one_line(message)}", file=sys.stderr)


def _terminate(signum, frame) -> None:
    raise Terminated


def _run_window(session: Session, language: str | None, restore: bool) -> int:
    """The window until it closes.  SIGINT and SIGTERM close it as Ctrl+Q does (the work is
    saved on the way out) and give 130 or 143.

    Raised as exceptions they would be lost: Python runs a handler when Python code next
    runs, inside some slot Qt called, and Qt only prints what a slot raises.  (The window's
    timers run Python code at least every half second, so the handler is never late.)
    """
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication

    from gui.app import run_app

    stopped: list[int] = []

    def stop(signum, frame) -> None:
        app = QApplication.instance()
        if app is None:  # no window yet: nothing to save, end as any run does
            raise KeyboardInterrupt if signum == signal.SIGINT else Terminated
        stopped.append(signum)
        QTimer.singleShot(0, app, app.quit)  # also when the event loop has yet to start

    previous = {
        number: signal.signal(number, stop)
        for number in (signal.SIGINT, signal.SIGTERM)
        if signal.getsignal(number) is not signal.SIG_IGN  # e.g. started in the background
    }
    try:
        code = run_app(session, language, restore=restore)
    finally:
        for number, handler in previous.items():
            signal.signal(number, handler)
    if stopped:
        return EXIT_INTERRUPTED if stopped[0] == signal.SIGINT else EXIT_TERMINATED
    return code


def _session_from(args: argparse.Namespace) -> Session:
    """The input: a session file if given, then the text, model and training flags on it."""
    base = load_session(args.session) if args.session else Session(NOTEBOOK_TEXT)
    settings = base.config.to_dict()
    settings.update(
        (name, getattr(args, name)) for name in MODEL_FLAGS if getattr(args, name) is not None
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
        view = ViewSettings(
            _index("--sentence-index", args.sentence_index), view.head, view.figure_scale
        )
    if args.head is not None:
        view = ViewSettings(view.sentence, _index("--head", args.head), view.figure_scale)
    if args.scale is not None:
        if args.scale not in SCALES:
            raise InputError("flag_not_a_choice", flag="--scale", choices=SCALES, value=args.scale)
        view = ViewSettings(view.sentence, view.head, args.scale)
    elif not args.session:
        view = ViewSettings(view.sentence, view.head, 1)  # figures are 1× unless asked
    training = base.training
    if args.train is not None or args.train_steps is not None or args.learning_rate is not None:
        if args.train is None and training is None:
            raise InputError("train_flags_alone")
        current = training or TrainSettings()
        training = TrainSettings(
            task=args.train or current.task,
            steps=current.steps if args.train_steps is None else args.train_steps,
            learning_rate=current.learning_rate
            if args.learning_rate is None
            else args.learning_rate,
        )
    return Session(text, config, view, training)


def _figure_options(args: argparse.Namespace):
    """--view, --colour-scale and --compare, for the figure --export draws."""
    from gui.headless import FigureOptions

    if args.compare is not None and args.view == "lines":
        raise InputError("compare_needs_heatmap")
    return FigureOptions(
        kind=args.view or "heatmap",
        colour_scale=args.colour_scale or "fixed",
        compare=load_session(args.compare) if args.compare is not None else None,
    )


def _index(flag: str, value: str) -> int:
    if value == "all":
        return -1
    if not re.fullmatch(r"[0-9]{1,9}", value):
        raise InputError("flag_not_index", flag=flag, value=_shown(value))
    return int(value)


def _flag_names(given: set[str]):
    """Name a setting by its flag when the user gave that flag, by its own name otherwise."""
    return lambda field: "--" + field.replace("_", "-") if field in given else None


def _language_of(argv: list[str]) -> str:
    """The --lang value, found before parsing so that parse errors speak it too; without
    one, the system's language, as the window does."""
    for k, item in enumerate(argv):
        if item.startswith("--lang="):
            return item.split("=", 1)[1] if item.split("=", 1)[1] in ("en", "pt") else "en"
        if item == "--lang" and k + 1 < len(argv) and argv[k + 1] in ("en", "pt"):
            return argv[k + 1]
    return _system_language()


def _system_language() -> str:
    """ "pt" when the locale's language is Portuguese (LC_ALL, LC_MESSAGES, LANG), else "en"."""
    import os

    for name in ("LC_ALL", "LC_MESSAGES", "LANG"):
        value = os.environ.get(name)
        if value:
            return "pt" if value.lower().startswith("pt") else "en"
    return "en"


_VALUE_FLAGS = {
    "--temperature",
    "--learning-rate",
    "--seed",
    "--embedding-size",
    "--hidden-size",
    "--heads",
    "--train-steps",
    "--scale",
}


def _join_negative_values(argv: list[str]) -> list[str]:
    """``--temperature -inf`` as ``--temperature=-inf``: argparse would take "-inf" for a flag."""
    joined, k = [], 0
    while k < len(argv):
        item = argv[k]
        if (
            item in _VALUE_FLAGS
            and k + 1 < len(argv)
            and argv[k + 1].startswith("-")
            and argv[k + 1] != "--"
        ):
            joined.append(f"{item}={argv[k + 1]}")
            k += 2
        else:
            joined.append(item)
            k += 1
    return joined


def _usage_error(message: str) -> InputError:
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
                code, **{n: v if n == "choices" else _shown(v) for n, v in values.items()}
            )
    return InputError("usage", detail=_shown(message, 200))


def _shown(text: str, limit: int = 40) -> str:
    text = str(text)
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _one_line(message: str) -> str:
    """Control characters (a newline in a file name, say) written as escapes: one line."""
    return "".join(ch if ch.isprintable() or ch == " " else repr(ch)[1:-1] for ch in message)


if __name__ == "__main__":
    sys.exit(main())
