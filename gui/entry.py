"""The one door into the window for the command line (an import contract keeps it so).

It imports nothing of Qt itself: the command line that writes tensors never loads Qt, and a
figure export loads the renderers only, not the window's widgets.
"""

from __future__ import annotations


def run_app(session, language: str | None = None, restore: bool = True) -> int:
    """Show the window on ``session`` until it closes; the exit code (see gui.window.launch)."""
    from gui.window.launch import run_app as run

    return run(session, language, restore)


def quit_soon() -> bool:
    """Ask the running application to quit on the next turn of its event loop (also when the
    loop has yet to start); False when there is no application to ask."""
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication

    app = QApplication.instance()
    if app is None:
        return False
    QTimer.singleShot(0, app, app.quit)
    return True


def start_qt(language: str, widgets: bool) -> None:
    """Qt for outputs, on its offscreen platform, in ``language`` (``widgets`` for the
    window's image, else the renderers' QtGui alone)."""
    from gui.outputs import start_qt as start

    start(language, widgets)


def write_output(
    kind, stream, session, result, comparison=None, language="en", *, svg=False, handout=None
):
    """Write output ``kind`` of ``session`` and ``result`` to ``stream``: the window's image
    (:func:`render_window`), or any other kind by gui.outputs.write_output.  Drawn kinds need
    :func:`start_qt` first (with widgets for the window's image)."""
    if kind == "screenshot":
        stream.write(render_window(session, result))
        return
    from gui.outputs import write_output as write

    write(kind, stream, session, result, comparison, language, svg=svg, handout=handout)


def render_window(session, result) -> bytes:
    """The main window showing ``result``, rendered offscreen, as PNG bytes."""
    from gui.outputs import png_bytes
    from gui.window.launch import render_window as render

    return png_bytes(render(session, result))
