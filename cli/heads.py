"""The head detectors and switched-off heads on the command line: ``--ablate`` (a model
setting: see model/options.py), ``--head-scores`` and ``--evaluate``.

Layers and heads are counted from 0, as ``--layer``, ``--head`` and every view count them:
``1.0`` is head 0 of the second layer.
"""

from __future__ import annotations

import argparse
import math
import re

from model.analysis.detectors import DETECTORS
from model.errors import InputError
from model.session import Session
from model.tokenizer import split_sentences
from model.training.tasks import INDUCTION, MIN_LENGTH

HEADER = "\t".join(("layer", "head", *DETECTORS))


def parse_heads(flag: str):
    """``L.H[,L.H…]`` into ``(layer, head)`` pairs; ``none`` for no head."""

    def parse(text: str) -> tuple[tuple[int, int], ...]:
        if text.strip() == "none":
            return ()
        pair = r"\s*[0-9]{1,6}\.[0-9]{1,6}\s*"
        if not re.fullmatch(f"{pair}(,{pair})*", text):
            from cli.parser import bad_value, shown  # the parser imports this module

            raise bad_value(InputError("flag_not_heads", flag=flag, value=shown(text)))
        return tuple(tuple(int(n) for n in part.split(".")) for part in text.split(","))

    return parse


def check(args: argparse.Namespace, session: Session) -> tuple[bool, bool]:
    """Whether ``--head-scores`` and ``--evaluate`` were asked, refused before any work
    where they cannot be: heads in a mode without them, an evaluation without a task."""
    config = session.config
    if args.head_scores and config.attention not in ("multihead", "transformer"):
        raise InputError("head_scores_need_heads", attention=config.attention)
    if args.evaluate and session.training is None:
        raise InputError("evaluate_needs_task")
    if args.head_scores:
        length = max(map(len, split_sentences(session.text)))
        if length < MIN_LENGTH[INDUCTION]:
            raise InputError("head_scores_too_short", length=length)
    return bool(args.head_scores), bool(args.evaluate)


def scores_table(result) -> str:
    """The detectors on the seeded probe: a header, then one tab-separated line per head."""
    lines = [HEADER]
    for index, row in enumerate(result.probe_scores):
        layer, head = result.map_of(index)
        lines.append("\t".join([str(layer), str(head), *(_number(v) for v in row)]))
    return "\n".join(lines)


def evaluation_line(result) -> str:
    """``loss L accuracy A`` of the task on its probe, with the switched-off heads off."""
    score = result.training.evaluation.score
    return f"loss {_number(score.loss)} accuracy {_number(score.accuracy)}"


def _number(value: float) -> str:
    return "nan" if math.isnan(value) else f"{value:.4f}"
