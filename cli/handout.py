"""The handout on the command line: ``--export-handout FILE.html``, the maps ``--hide``
turns into exercises, and ``--teacher`` (the copy with the answers shown).

The choices are checked against the session before any work: a ``--hide`` that names no
sentence, map or head of it is refused with what there is, and so is a session whose
heatmaps are too many cells for a page.
"""

from __future__ import annotations

import argparse

from figures.handout.choices import HandoutChoices, parse_hidden
from figures.handout.content import MAX_HANDOUT_CELLS
from model.errors import InputError
from model.session import Session
from model.tokenizer import split_sentences


def add_flags(group) -> None:
    group.add_argument(
        "--export-handout",
        metavar="FILE.html",
        help="one offline web page of the session for students: every stage, the heatmaps "
        "with hover readouts and the arithmetic of each weight, the training curves",
    )
    group.add_argument(
        "--hide",
        action="append",
        metavar="S[:H]",
        help="with --export-handout: sentence S's heatmaps start hidden, as an exercise the "
        "student answers before Reveal; S:H one map (as --head counts), S:L.H head H of "
        "layer L; repeatable; sentences, layers and heads from 0",
    )
    group.add_argument(
        "--teacher",
        action="store_true",
        help="with --export-handout: the teacher's copy, the hidden maps' answers shown",
    )


def choices(args: argparse.Namespace, session: Session) -> HandoutChoices | None:
    """What the handout hides, or None without --export-handout (its flags refused alone)."""
    if not args.export_handout:
        if args.hide or args.teacher:
            raise InputError("handout_flags_alone")
        return None
    if args.teacher and not args.hide:  # the teacher's copy of a page with no exercise
        raise InputError("teacher_needs_hide")
    sentences = split_sentences(session.text)
    cells = len(sentences) * session.config.head_count * max(map(len, sentences), default=0) ** 2
    if cells > MAX_HANDOUT_CELLS:  # said before the pipeline runs, or training
        raise InputError("handout_too_big", cells=cells, limit=MAX_HANDOUT_CELLS)
    hidden = parse_hidden(args.hide or (), len(sentences), session.config)
    return HandoutChoices(hidden=hidden, teacher=bool(args.teacher))
