"""Attention Study: the notebook "Estudo de Self-Attention" as a live instrument.

Run with no output flag to open the window; any output flag runs headless, with no window
and no display needed.  See ``python main.py --help`` and the README.
"""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

from model.config import ATTENTIONS, CELLS, NONLINEARITIES, ModelConfig
from model.files import read_text
from model.session import SCALES, Session, ViewSettings, load_session
from model.tokenizer import NOTEBOOK_TEXT

EXIT_USAGE = 2

# Output flags and the file types each writes.
OUTPUTS = {
    "export": (".png", ".svg"),
    "screenshot": (".png",),
    "export_tensors": (".npz",),
    "save_session": (".json",),
    "export_notebook": (".ipynb",),
}
MODEL_FLAGS = (
    "seed",
    "embedding_size",
    "hidden_size",
    "cell",
    "nonlinearity",
    "attention",
    "mask_padding",
    "temperature",
)


class UsageError(Exception):
    """A problem with the command line or its input, reported as one ``error:`` line."""


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> None:  # argparse prints usage and more; we print one line
        raise UsageError(message)


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
    model.add_argument("--seed", type=int, metavar="N", help=f"random seed ({defaults.seed})")
    model.add_argument(
        "--embedding-size",
        type=int,
        metavar="N",
        help=f"E, features per token ({defaults.embedding_size})",
    )
    model.add_argument(
        "--hidden-size",
        type=int,
        metavar="N",
        help=f"H, units of the recurrent layer ({defaults.hidden_size})",
    )
    model.add_argument("--cell", choices=CELLS, help=f"recurrent cell ({defaults.cell})")
    model.add_argument(
        "--nonlinearity",
        choices=NONLINEARITIES,
        help=f"of the plain RNN cell ({defaults.nonlinearity})",
    )
    model.add_argument(
        "--attention",
        choices=ATTENTIONS,
        help="scores from a Linear layer (the notebook) or scaled dot products",
    )
    model.add_argument(
        "--mask-padding",
        action="store_true",
        default=None,
        help="give <pad> positions no attention",
    )
    model.add_argument(
        "--temperature",
        type=float,
        metavar="T",
        help=f"divide the scores by T before the softmax ({defaults.temperature})",
    )

    output = parser.add_argument_group("output (any of these runs without a window)")
    output.add_argument("--export", metavar="FILE.png|FILE.svg", help="the attention heatmap")
    output.add_argument(
        "--sentence-index",
        metavar="I|all",
        help="which sentence the figure shows: 0 for the first (0), or all",
    )
    output.add_argument(
        "--scale",
        type=int,
        choices=SCALES,
        metavar="K",
        help="PNG size: 1, 2 or 4 times the figure's size (1)",
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
    written: list[Path] = []
    try:
        args = build_parser().parse_args(argv)
        session = _session_from(args)
        outputs = {name: getattr(args, name) for name in OUTPUTS if getattr(args, name)}
        if not outputs:
            if args.sentence_index is not None or args.scale is not None:
                raise UsageError("--sentence-index and --scale go with --export")
            from gui.app import run_app

            explicit = args.session or args.sentences is not None or args.sentence is not None
            explicit = explicit or any(getattr(args, f) is not None for f in MODEL_FLAGS)
            return run_app(session, args.lang, restore=not explicit)
        return _run_headless(args, session, outputs, written)
    except (UsageError, ValueError, OSError) as exc:
        for path in written:  # all or nothing: no output is left from a failed run
            path.unlink(missing_ok=True)
        print(f"error: {exc}", file=sys.stderr)
        return EXIT_USAGE
    except KeyboardInterrupt:
        return 130


def _session_from(args: argparse.Namespace) -> Session:
    """The input: a session file if given, then the text and model flags on top of it."""
    base = load_session(args.session) if args.session else Session(NOTEBOOK_TEXT)
    settings = base.config.to_dict()
    given = {name: getattr(args, name) for name in MODEL_FLAGS if getattr(args, name) is not None}
    settings.update(given)
    try:
        config = ModelConfig(**settings)
    except ValueError as exc:
        # The model names its fields; on the command line, name the flag instead.
        field, _, rest = str(exc).partition(" ")
        if field in given:
            raise UsageError(f"--{field.replace('_', '-')} {rest}") from None
        raise
    if args.sentences is not None and args.sentence is not None:
        raise UsageError("give either --sentences FILE or --sentence TEXT, not both")
    text = base.text
    if args.sentences is not None:
        text = read_text(args.sentences)
    elif args.sentence is not None:
        text = "\n".join(args.sentence)
    view = base.view
    if args.sentence_index is not None:
        view = ViewSettings(_sentence_index(args.sentence_index), view.figure_scale)
    if args.scale is not None:
        view = ViewSettings(view.sentence, args.scale)
    return Session(text, config, view)


def _sentence_index(value: str) -> int:
    if value == "all":
        return -1
    try:
        index = int(value)
    except ValueError:
        raise UsageError(f"--sentence-index takes a number or 'all', not {value!r}") from None
    if index < 0:
        raise UsageError(f"--sentence-index counts from 0, not {index}")
    return index


def _run_headless(args, session: Session, outputs: dict[str, str], written: list[Path]) -> int:
    for name, path in outputs.items():
        _check_output(name, path)
    from model.pipeline import run_pipeline

    result = run_pipeline(session.text, session.config)
    sentence = session.view.sentence
    if "export" in outputs and sentence >= result.batch_size:
        raise UsageError(
            f"--sentence-index {sentence}: there are {result.batch_size} sentences "
            f"(0 to {result.batch_size - 1}, or all)"
        )

    def write(name: str, save) -> None:
        target = Path(outputs[name])
        existed = target.exists()
        save(outputs[name])
        if not existed:
            written.append(target)

    if "export_tensors" in outputs:
        from model.export import save_npz

        write("export_tensors", lambda path: save_npz(result, path))
    if "save_session" in outputs:
        from model.session import save_session

        write("save_session", lambda path: save_session(session, path))
    if "export_notebook" in outputs:
        from model.notebook import save_notebook

        write("export_notebook", lambda path: save_notebook(result, path, args.lang or "en"))
    if "export" in outputs or "screenshot" in outputs:
        from resources import offscreen_platform

        os.environ["QT_QPA_PLATFORM"] = offscreen_platform()  # no display needed, or used
        from gui import app

        app.quiet_offscreen_warnings()
        app.application(args.lang or "en")
        if "export" in outputs:
            from gui.figure import export_figure

            # --scale, else the session's figure scale, else 1×
            scale = args.scale or (session.view.figure_scale if args.session else 1)
            write("export", lambda path: export_figure(result, path, sentence, scale))
        if "screenshot" in outputs:
            from gui.figure import save_image

            image = app.render_window(session, args.lang or "en").toImage()
            write("screenshot", lambda path: save_image(image, path))
    return 0


def _check_output(name: str, path: str) -> None:
    """Refuse a wrong file type or a missing folder before any work is done."""
    suffixes = OUTPUTS[name]
    flag = "--" + name.replace("_", "-")
    if Path(path).suffix.lower() not in suffixes:
        raise UsageError(f"{flag} writes {' or '.join(suffixes)} files, not {path}")
    parent = Path(path).parent
    if not parent.is_dir():
        raise UsageError(f"{flag}: cannot write {path}: no folder {parent}")


if __name__ == "__main__":
    sys.exit(main())
