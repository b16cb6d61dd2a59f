"""Attention Study: the notebook "Estudo de Self-Attention" as a live instrument.

Run with no output flag to open the window; any output flag runs headless.  See
``python main.py --help`` and the README.
"""

from __future__ import annotations

import argparse
import sys

from model.config import ATTENTIONS, CELLS, NONLINEARITIES, ModelConfig
from model.files import read_text
from model.tokenizer import NOTEBOOK_TEXT

EXIT_USAGE = 2


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
        "--sentences", metavar="FILE", help="UTF-8 text, one sentence a line ('-' = stdin)"
    )
    source.add_argument(
        "--sentence", metavar="TEXT", action="append", help="one sentence (repeatable)"
    )

    defaults = ModelConfig()
    model = parser.add_argument_group("model")
    model.add_argument("--seed", type=int, default=defaults.seed, help="random seed (0)")
    model.add_argument(
        "--embedding-size",
        type=int,
        default=defaults.embedding_size,
        metavar="N",
        help="E, features per token (10)",
    )
    model.add_argument(
        "--hidden-size",
        type=int,
        default=defaults.hidden_size,
        metavar="N",
        help="H, units of the recurrent layer (4)",
    )
    model.add_argument("--cell", choices=CELLS, default=defaults.cell, help="recurrent cell (rnn)")
    model.add_argument(
        "--nonlinearity",
        choices=NONLINEARITIES,
        default=defaults.nonlinearity,
        help="of the plain RNN cell (tanh)",
    )
    model.add_argument(
        "--attention",
        choices=ATTENTIONS,
        default=defaults.attention,
        help="scores from a Linear layer (the notebook) or scaled dot products",
    )
    model.add_argument(
        "--mask-padding", action="store_true", help="give <pad> positions no attention"
    )
    model.add_argument(
        "--temperature",
        type=float,
        default=defaults.temperature,
        metavar="T",
        help="divide the scores by T before the softmax (1.0)",
    )

    output = parser.add_argument_group("output (any of these runs without a window)")
    output.add_argument("--export-tensors", metavar="FILE.npz", help="every stage of the pipeline")

    ui = parser.add_argument_group("interface")
    ui.add_argument("--lang", choices=("en", "pt"), help="language (default: the system's)")
    return parser


def main(argv: list[str] | None = None) -> int:
    try:
        args = build_parser().parse_args(argv)
        config = _config_from(args)
        text = _text_from(args)
        if args.export_tensors is None:
            from gui.app import run_app

            return run_app(text, config, args.lang)
        return _run_headless(args, text, config)
    except (UsageError, ValueError, OSError) as exc:
        print(f"error: {exc}", file=sys.stderr)
        return EXIT_USAGE
    except KeyboardInterrupt:
        return 130


def _config_from(args: argparse.Namespace) -> ModelConfig:
    settings = {
        "seed": args.seed,
        "embedding_size": args.embedding_size,
        "hidden_size": args.hidden_size,
        "cell": args.cell,
        "nonlinearity": args.nonlinearity,
        "attention": args.attention,
        "mask_padding": args.mask_padding,
        "temperature": args.temperature,
    }
    try:
        return ModelConfig(**settings)
    except ValueError as exc:
        # The model names its fields; on the command line, name the flag instead.
        field, _, rest = str(exc).partition(" ")
        if field in settings:
            raise UsageError(f"--{field.replace('_', '-')} {rest}") from None
        raise


def _text_from(args: argparse.Namespace) -> str:
    if args.sentences is not None and args.sentence is not None:
        raise UsageError("give either --sentences FILE or --sentence TEXT, not both")
    if args.sentences is not None:
        return read_text(args.sentences)
    if args.sentence is not None:
        return "\n".join(args.sentence)
    return NOTEBOOK_TEXT


def _run_headless(args: argparse.Namespace, text: str, config: ModelConfig) -> int:
    from model.export import save_npz
    from model.pipeline import run_pipeline

    path = args.export_tensors
    if not path.lower().endswith(".npz"):
        raise UsageError(f"--export-tensors writes .npz files, not {path}")
    result = run_pipeline(text, config)
    save_npz(result, path)
    return 0


if __name__ == "__main__":
    sys.exit(main())
