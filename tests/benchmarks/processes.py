"""Figures that start a fresh process: start-up, a headless export, memory.

Every time is taken by this process, from the moment it launches the child to the moment
the child reports (a line on its standard output) or exits; the child's interpreter start-up
counts, as it does for a user.  The baseline is a child that only imports torch, PySide6's
widgets and pyqtgraph, launched the same way in the same run.
"""

from __future__ import annotations

import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]

# Peak memory from the kernel's high-water mark of the child's process image (VmHWM).
PEAK = """
def peak_mb():
    for line in open("/proc/self/status"):
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) / 1024
"""

BASELINE = (
    PEAK
    + """
import torch, PySide6.QtWidgets, pyqtgraph
print("imported", peak_mb(), flush=True)
"""
)

# The window as ``main.py`` opens it (without autosave), in the same order, at the
# notebook's example: it says "shown" once the window is on screen, then "heatmap" once the
# heatmap has painted the first result.
WINDOW = (
    PEAK
    + """
import sys
sys.path.insert(0, {root!r})
from gui.window.launch import freeze_after_first_result, open_window
from gui.application import application
from model.session import Session
from model.tokenizer import NOTEBOOK_TEXT
app = application("en")
controller, window = open_window(Session(NOTEBOOK_TEXT), remember=False)
window.resize(1600, 1000)
window.show()
app.processEvents()
print("shown", flush=True)
from PySide6.QtCore import QEvent, QObject, QTimer
class FirstPaint(QObject):
    def eventFilter(self, watched, event):
        if event.type() == QEvent.Type.Paint and controller.result is not None:
            QTimer.singleShot(0, report)  # after this paint has finished
            watched.removeEventFilter(self)
        return False
def report():
    print("heatmap", flush=True)
    QTimer.singleShot(300, app.quit)  # let the other views paint and settle
controller.changed.connect(freeze_after_first_result(controller))
controller.start()  # as the app does: torch imports while the window makes its heatmap
first_paint = FirstPaint()
window.heatmap.canvas.viewport().installEventFilter(first_paint)
app.exec()
print("rss", peak_mb(), flush=True)
controller.shutdown()
from gui.window.launch import dispose
dispose(app, window)
"""
)


def _launch(arguments: list[str]) -> tuple[dict[str, tuple[float, str]], float]:
    """Run a child; return {first word of each line: (seconds since launch, the rest)} and
    the seconds until it exited."""
    start = time.perf_counter()
    child = subprocess.Popen(
        [sys.executable, *arguments],
        cwd=ROOT,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    reports = {}
    for line in child.stdout:
        word, _, rest = line.strip().partition(" ")
        reports[word] = (time.perf_counter() - start, rest)
    stderr = child.stderr.read()
    if child.wait(timeout=600) != 0:
        raise RuntimeError(f"{arguments[:2]} failed:\n{stderr}")
    return reports, time.perf_counter() - start


def baseline() -> tuple[float, float]:
    """(seconds for ``python -c "import torch, PySide6.QtWidgets, pyqtgraph"``, launch to exit;
    its peak RSS in MB)."""
    reports, seconds = _launch(["-c", BASELINE])
    return seconds, float(reports["imported"][1])


def window() -> tuple[float, float, float]:
    """(seconds to the window on screen, to the first heatmap painted, peak RSS in MB)."""
    reports, _ = _launch(["-c", WINDOW.replace("{root!r}", repr(str(ROOT)))])
    return reports["shown"][0], reports["heatmap"][0], float(reports["rss"][1])


def export_png() -> float:
    """Seconds for ``python main.py --export figure.png``, from launch to exit."""
    with tempfile.TemporaryDirectory() as folder:
        figure = Path(folder) / "f.png"
        _, seconds = _launch([str(ROOT / "main.py"), "--export", str(figure)])
        if not figure.stat().st_size:
            raise RuntimeError("the export wrote an empty figure")
        return seconds
