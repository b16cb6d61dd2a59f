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
from dataclasses import dataclass

from model.errors import InputError
from model.files import OutputBatch, check_writable, interrupts_deferred, write_target
from model.session import Session

OUTPUT_TYPES = {
    "export": (".png", ".svg"),
    "screenshot": (".png",),
    "export_tensors": (".npz",),
    "save_session": (".json",),
    "export_notebook": (".ipynb",),
}
SCREENSHOT_SIZE = (1600, 1000)


def flag(name: str) -> str:
    return "--" + name.replace("_", "-")


def check_outputs(outputs: dict[str, str]) -> None:
    """Refuse wrong types, unwritable targets and two outputs to one file, before any work."""
    seen: dict = {}
    for name, path in outputs.items():
        suffixes = OUTPUT_TYPES[name]
        if os.path.splitext(path)[1].lower() not in suffixes:
            raise InputError(
                "output_wrong_type", flag=flag(name), suffixes=" / ".join(suffixes), file=path
            )
        check_writable(path)
        target = write_target(path)
        if target in seen:
            raise InputError(
                "same_output_twice", file=path, first=flag(seen[target]), second=flag(name)
            )
        seen[target] = name


def compute(session: Session):
    """The result for a session: trained first when the session asks for training."""
    from model.pipeline import run_pipeline

    if session.training is None:
        return run_pipeline(session.text, session.config)
    from model.training.loop import train

    return train(session.text, session.config, session.training)


@dataclass(frozen=True)
class FigureOptions:
    """How ``--export`` draws: as a heatmap or as lines, on which colour scale, and against
    which pinned result A (a session, from ``--compare``)."""

    kind: str = "heatmap"
    colour_scale: str = "fixed"
    compare: Session | None = None


def run(
    session: Session,
    outputs: dict[str, str],
    language: str = "en",
    figure_options: FigureOptions = FigureOptions(),
    explain: tuple[int, int, int] | None = None,
) -> None:
    """Write ``outputs``; with ``explain`` (sentence, query, key), print how that weight
    was computed (in head ``session.view.head``), once every output is written."""
    check_outputs(outputs)
    result = compute(session)
    view = session.view
    walkthrough = explanation_text(result, explain, view.head, language) if explain else None
    figure = screenshot = None
    if "export" in outputs or "screenshot" in outputs:
        pinned = compute(figure_options.compare) if figure_options.compare else None
        # Qt calls back into Python, and swallows (or worse) what a signal raises there:
        # Ctrl+C and SIGTERM wait until Qt is done, a second or two at most.
        with interrupts_deferred():
            _start_qt(language, widgets="screenshot" in outputs)
            if "export" in outputs:
                figure = _figure(result, view, figure_options, pinned)
            if "screenshot" in outputs:
                screenshot = render_window(session, result)

    with OutputBatch() as batch:
        for name, path in outputs.items():
            with batch.open(path) as stream:
                _write(stream, name, path, result, session, figure, screenshot, language)
        batch.commit()
    if walkthrough is not None:
        try:
            print(walkthrough, flush=True)
        except BrokenPipeError:  # "| head": the reader took what it wanted; no error
            os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())


def explanation_text(result, where: tuple[int, int, int], head: int, language: str) -> str:
    """The walk-through of one weight, as the window's explanation panel shows it."""
    from model.explain import explain, explanation_lines

    sentence, query, key = where
    explanation = explain(result, sentence, query, key, max(head, 0))
    return "\n".join(explanation_lines(explanation, language))


def _figure(result, view, options: FigureOptions, pinned):
    """The figure ``--export`` writes: the heatmap, the lines, or A, B and B − A."""
    if options.kind == "lines":
        from gui.render.lines import lines_figure

        return lines_figure(result, view.sentence, view.head)
    from gui.render.heatmap_figure import comparison_figure, figure_for

    if pinned is not None:
        from model.compare import compare

        comparison = compare(pinned, result)
        return comparison_figure(
            comparison, view.sentence, view.head, colour_scale=options.colour_scale
        )
    return figure_for(result, view.sentence, view.head, colour_scale=options.colour_scale)


def _write(stream, name, path, result, session, figure, screenshot, language) -> None:
    if name == "export":
        svg = path.lower().endswith(".svg")
        with interrupts_deferred():  # Qt at work (see run)
            data = figure.svg_bytes() if svg else figure.png_bytes(session.view.figure_scale)
        stream.write(data)
    elif name == "screenshot":
        from gui.render.drawing import encode_png

        with interrupts_deferred():
            data = encode_png(screenshot)
        stream.write(data)
    elif name == "export_tensors":
        import numpy as np

        from model.export import tensor_arrays

        np.savez(stream, **tensor_arrays(result))  # streamed: no second copy in memory
    elif name == "save_session":
        stream.write(session.to_json().encode("utf-8"))
    else:
        from model.notebook import notebook_json

        code = ""
        if session.training is not None and session.training.steps:
            from model.training.export import training_code

            code = training_code(result, session.training, language)
        stream.write(notebook_json(result, language, code).encode("utf-8"))


def _start_qt(language: str, widgets: bool) -> None:
    from resources import offscreen_platform

    os.environ["QT_QPA_PLATFORM"] = offscreen_platform()  # no display needed, or used
    from gui import application

    application.quiet_offscreen_warnings()
    application.application(language, widgets)


def render_window(session: Session, result, size: tuple[int, int] = SCREENSHOT_SIZE):
    """The main window at ``size`` showing ``result`` (computed once, not again), as a QImage."""
    from PySide6.QtCore import QEventLoop, QTimer
    from PySide6.QtWidgets import QApplication

    from gui import entry as app
    from gui import state as aspects

    qt_app = QApplication.instance()
    controller, window = app.open_window(session, result, remember=False)
    window.resize(*size)
    if result.training is not None:  # a trained model: show how it learned
        window.docks["training"].raise_()
    loop = QEventLoop()
    controller.changed.connect(lambda changed: aspects.LOADED in changed and loop.quit())
    window.show()
    controller.start()
    QTimer.singleShot(120_000, loop.quit)
    try:
        loop.exec()
        window.finish_rendering()
        app.settle(qt_app)
        return window.grab().toImage()
    finally:
        controller.shutdown()
        app.dispose(qt_app, window)
