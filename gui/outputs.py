"""Every output of a session and its result, for the File menu and the command line alike.

:func:`write_output` makes any output kind (``model.outputs.KINDS``) but the window's image:
it draws the figure with the renderers of ``gui/render`` and hands every other kind to
``model/outputs.py``.  The figure is chosen in one place, :func:`figure_of`, from the
session's view settings (the heatmap or the lines, the colour map and scale, the lines'
threshold and top-k) and the comparison, if any: what the window shows is what is exported.
Qt is imported only when something is drawn, so writing tensors never loads it.
"""

from __future__ import annotations

import os
from typing import BinaryIO


def write_output(
    kind: str,
    stream: BinaryIO,
    session,
    result,
    comparison=None,
    language: str = "en",
    *,
    svg: bool = False,
    handout=None,
) -> None:
    """Write output ``kind`` of ``session`` and its ``result`` to ``stream``: the figure as
    ``session.view`` shows it (against ``comparison``, if given; SVG when ``svg``, else a PNG
    at the view's figure scale), the handout (hiding what ``handout``, a
    figures.handout.choices.HandoutChoices, says) or what ``model.outputs.write`` makes of
    the rest.

    The window's image is the window's to draw (this module sits below it): gui.entry renders
    it offscreen for the command line, and the File menu grabs the window on screen."""
    if kind == "export":
        figure = figure_of(result, session.view, comparison)
        stream.write(figure.svg_bytes() if svg else figure.png_bytes(session.view.figure_scale))
    elif kind == "screenshot":
        raise ValueError("the window's image: see gui.entry.write_output")
    elif kind == "export_handout":
        from figures.handout.page import write_handout

        write_handout(stream, result, language, handout, session.view.colour_map)
    else:
        from model.outputs import write

        write(kind, stream, session, result, language)


def write_file(
    kind: str, path: str, session, result, comparison=None, language: str = "en", handout=None
):
    """:func:`write_output` to ``path``, atomically (SVG or PNG by its suffix)."""
    from model.files import atomic_write

    with atomic_write(path) as stream:
        write_output(
            kind, stream, session, result, comparison, language, svg=is_svg(path), handout=handout
        )


def is_svg(path: str | os.PathLike) -> bool:
    """Whether a figure written to ``path`` is an SVG drawing (else a PNG image)."""
    return os.fspath(path).lower().endswith(".svg")


def figure_of(result, view, comparison=None):
    """The figure of ``result`` as ``view`` (ViewSettings) shows it: the lines, A, B and
    B − A against a ``comparison``, or the heatmap."""
    if view.kind == "lines":
        from gui.render.lines import lines_figure

        top_k = view.line_top_k or None
        return lines_figure(result, view.sentence, view.head, view.line_threshold, top_k)
    from gui.render.heatmap_figure import comparison_figure, figure_for

    options = {
        "colour_map": view.colour_map,
        "colour_scale": view.colour_scale,
        "padding": view.padding,
    }
    if comparison is not None:
        return comparison_figure(comparison, view.sentence, view.head, **options)
    return figure_for(result, view.sentence, view.head, layer=view.layer, **options)


def png_bytes(image) -> bytes:
    from gui.render.drawing import encode_png

    return encode_png(image)


def start_qt(language: str, widgets: bool) -> None:
    """Qt on its offscreen platform (no display needed, or used), in ``language``."""
    from resources import offscreen_platform

    os.environ["QT_QPA_PLATFORM"] = offscreen_platform()
    from gui import application

    application.quiet_offscreen_warnings()
    application.application(language, widgets)
