"""The command line's outputs, made without a window: all of them, or none.

Every output is checked before any work (type, folder, permission, two outputs to one
file); then the pipeline runs once (training first, if asked); then each output is written
to a temporary file, and all are renamed over their targets together at the end.  Ctrl+C,
SIGTERM or any error on the way leaves every target as it was and no temporary file.

Qt is imported only for figures and screenshots, on its offscreen platform: no display is
needed or used.
"""

from __future__ import annotations

import os
import sys
from contextlib import nullcontext

from cli import heads
from cli.gpt import Generation, Request
from model.errors import InputError
from model.files import OutputBatch, check_writable, interrupts_deferred, write_target
from model.outputs import KINDS
from model.session import Session


def check_outputs(outputs: dict[str, str]) -> None:
    """Refuse wrong types, unwritable targets and two outputs to one file, before any work."""
    seen: dict = {}
    for name, path in outputs.items():
        suffixes = KINDS[name].suffixes
        if os.path.splitext(path)[1].lower() not in suffixes:
            raise InputError(
                "output_wrong_type", flag=KINDS[name].flag, suffixes=" / ".join(suffixes), file=path
            )
        check_writable(path)
        target = write_target(path)
        if target in seen:
            raise InputError(
                "same_output_twice",
                file=path,
                first=KINDS[seen[target]].flag,
                second=KINDS[name].flag,
            )
        seen[target] = name


def compute(session: Session):
    """The result for a session: trained first when the session asks for training."""
    return compute_network(session)[1]


def compute_network(session: Session, network: bool = False):
    """``(network, result)`` for a session, trained first when it asks for training; the
    network (to generate from) only when asked for, else None."""
    from model.pipeline import build_network, run_pipeline

    if session.training is None:
        result = run_pipeline(session.text, session.config)
        if not network:
            return None, result
        untrained = build_network(session.config, result.vocabulary.size, result.max_length)
        return untrained, result
    from model.training.loop import train_network

    trained, result = train_network(session.text, session.config, session.training)
    return (trained if network else None), result


def run(
    session: Session,
    outputs: dict[str, str],
    language: str = "en",
    request: Request | None = None,
) -> None:
    """Write ``outputs``; the figure as ``session.view`` says, comparing with
    ``session.pinned`` when there is one.  Once every output is written, print how the
    weight ``request.explain`` was computed, then the text ``request.generation`` asks for,
    one line."""
    request = request or Request()
    check_outputs(outputs)
    network, result = compute_network(session, network=request.generation is not None)
    said = []
    if request.explain:
        said.append(explanation_text(result, request.explain, request.explain_map, language))
    if request.generation is not None:
        said.append(generated_text(network, result, request.generation))
    if request.head_scores:
        said.append(heads.scores_table(result))
    if request.evaluate:
        said.append(heads.evaluation_line(result))
    comparison = _comparison(session, result) if "export" in outputs else None
    drawn = any(KINDS[name].drawn for name in outputs)
    from gui import entry  # no Qt until start_qt: writing tensors never loads it

    if drawn:
        # Qt calls back into Python, and swallows (or worse) what a signal raises there:
        # Ctrl+C and SIGTERM wait until Qt is done, a second or two at most.
        with interrupts_deferred():
            entry.start_qt(language, widgets="screenshot" in outputs)
    with OutputBatch() as batch:
        for name, path in outputs.items():
            with batch.open(path) as stream:
                svg = path.lower().endswith(".svg")
                with interrupts_deferred() if KINDS[name].drawn else nullcontext():  # Qt: above
                    entry.write_output(
                        name,
                        stream,
                        session,
                        result,
                        comparison,
                        language,
                        svg=svg,
                        handout=request.handout,
                    )
        batch.commit()
    if said:
        try:
            print("\n".join(said), flush=True)
        except BrokenPipeError:  # "| head": the reader took what it wanted; no error
            os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())


def generated_text(network, result, wanted: Generation) -> str:
    """The prompt and what ``network`` writes after it, one line."""
    from model.generation import generate

    return generate(
        network,
        result.vocabulary,
        wanted.prompt,
        wanted.words,
        temperature=wanted.temperature,
        top_k=wanted.top_k,
        seed=wanted.seed,
    ).text


def explanation_text(result, where: tuple[int, int, int], head: int, language: str) -> str:
    """The walk-through of one weight, as the window's explanation panel shows it."""
    from model.explain import explain, explanation_lines

    sentence, query, key = where
    explanation = explain(result, sentence, query, key, max(head, 0))
    return "\n".join(explanation_lines(explanation, language))


def _comparison(session: Session, result):
    """A against B for the figure: the session's pinned A (``--compare``'s, or the one saved
    with it) run again, when the view is the heatmap and A still lines up with B; else None,
    and the figure shows B alone, as the window does."""
    if session.pinned is None or session.view.kind != "heatmap":
        return None
    from model.compare import compare

    try:
        return compare(compute(session.pinned), result)
    except ValueError:  # a saved A that no longer lines up
        return None
