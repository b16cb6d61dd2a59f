"""The drawn outputs: the attention figure and the window's image, for the File menu and the
command line alike.

The figure is chosen in one place, :func:`figure_of`, from the session's view settings (the
heatmap or the lines, the colour map and scale, the lines' threshold and top-k) and the
comparison, if any: what the window shows is what is exported.  Qt is imported only when
something is drawn, so writing tensors never loads it.
"""

from __future__ import annotations

import os


def figure_of(result, view, comparison=None):
    """The figure of ``result`` as ``view`` (ViewSettings) shows it: the lines, A, B and
    B − A against a ``comparison``, or the heatmap."""
    if view.kind == "lines":
        from gui.render.lines import lines_figure

        top_k = view.line_top_k or None
        return lines_figure(result, view.sentence, view.head, view.line_threshold, top_k)
    from gui.render.heatmap_figure import comparison_figure, figure_for

    options = {"colour_map": view.colour_map, "colour_scale": view.colour_scale}
    if comparison is not None:
        return comparison_figure(comparison, view.sentence, view.head, **options)
    return figure_for(result, view.sentence, view.head, **options)


def figure_bytes(figure, path: str, scale: int) -> bytes:
    """The figure as SVG (by the path's suffix) or as a PNG at ``scale``."""
    return figure.svg_bytes() if path.lower().endswith(".svg") else figure.png_bytes(scale)


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
