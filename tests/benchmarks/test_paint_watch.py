"""The benchmark waits only for views a user can see: a pane laid out at no size never
paints, and waiting for it hung the benchmark for good on another machine."""

import time

from PySide6.QtWidgets import QTableView

from conftest import wait_for_result
from tests.benchmarks.window import PaintWatch, can_paint, visible_views


def test_a_view_that_cannot_paint_is_not_waited_for(qtbot, window):
    squeezed = QTableView(window)
    squeezed.setGeometry(0, 0, 0, 0)  # in the window and shown, but with no size
    squeezed.show()
    canvas = window.heatmap.canvas.viewport()
    assert can_paint(canvas) and not can_paint(squeezed.viewport())
    assert squeezed.viewport() not in visible_views(window)

    watch = PaintWatch([canvas, squeezed.viewport()])
    moment = time.perf_counter()
    wait_for_result(qtbot, window.controller, lambda: window.editor.appendPlainText("um gato"))
    qtbot.waitUntil(lambda: watch.all_painted_since(moment) is not None, timeout=10_000)
