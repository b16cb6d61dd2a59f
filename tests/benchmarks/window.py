"""Figures measured inside a real window: keystroke to paint, stalls, training speed.

"Painted" means every view that shows the result has received a paint event after the
result for that keystroke arrived: the heatmap canvas and each visible table.  The window
runs on the platform the user has: xcb when ``DISPLAY`` is set (under Xvfb, say), offscreen
otherwise; :func:`platform` says which.
"""

from __future__ import annotations

import statistics
import time

from PySide6.QtCore import QEvent, QEventLoop, QObject, Qt, QTimer
from PySide6.QtWidgets import QAbstractItemView, QHeaderView

WINDOW_SIZE = (1600, 1000)


def platform() -> str:
    from PySide6.QtGui import QGuiApplication

    return QGuiApplication.platformName()


def figures(samples: list[float]) -> dict[str, float]:
    ordered = sorted(samples)
    p95 = ordered[min(len(ordered) - 1, round(0.95 * (len(ordered) - 1)))]
    return {"median": round(statistics.median(ordered), 2), "p95": round(p95, 2)}


def wait(ms: int) -> None:
    loop = QEventLoop()
    QTimer.singleShot(ms, loop.quit)
    loop.exec()


def wait_until(condition, timeout_s: float = 120.0) -> None:
    deadline = time.perf_counter() + timeout_s
    while not condition():
        if time.perf_counter() > deadline:
            raise TimeoutError("the window did not get there")
        wait(1)


class PaintWatch(QObject):
    """Notes the last paint event of every watched viewport."""

    def __init__(self, viewports) -> None:
        super().__init__()
        self.painted: dict[int, float] = {}
        self.viewports = list(viewports)
        for viewport in self.viewports:
            viewport.installEventFilter(self)

    def eventFilter(self, watched, event) -> bool:  # noqa: N802 (Qt's name)
        if event.type() == QEvent.Type.Paint:
            self.painted[id(watched)] = time.perf_counter()
        return False

    def all_painted_since(self, moment: float) -> float | None:
        """The time the last viewport painted, once every one a user can still see has
        painted after ``moment`` (one hidden or squeezed to nothing meanwhile is not
        waited for)."""
        times = [self.painted.get(id(v), 0.0) for v in self.viewports if can_paint(v)]
        return max(times) if times and min(times) > moment else None

    def names(self) -> list[str]:
        return [view_name(v) for v in self.viewports]


def open_window(text: str, config=None):
    from gui.application import application
    from gui.window.launch import freeze_after_first_result, open_window
    from model.session import Session

    application("en")
    session = Session(text, config) if config is not None else Session(text)
    controller, window = open_window(session, remember=False)
    controller.changed.connect(freeze_after_first_result(controller))  # as the app does
    window.resize(*WINDOW_SIZE)
    window.show()
    window.activateWindow()
    controller.start()
    wait_until(lambda: controller.result is not None and not controller.is_busy)
    wait(200)
    return controller, window


def can_paint(viewport) -> bool:
    """Whether a user sees some of ``viewport`` now: shown, with a size, and not covered.

    Another machine's fonts lay the panes out differently, and a pane may be laid out at
    no size at all: such a view never paints, and waiting for it would wait forever.
    """
    return (
        viewport.isVisible()
        and viewport.width() > 0
        and viewport.height() > 0
        and not viewport.visibleRegion().isEmpty()
    )


def view_name(viewport) -> str:
    """The pane a viewport belongs to (its dock's title), for the report."""
    from PySide6.QtWidgets import QDockWidget

    widget = viewport
    while widget is not None and not isinstance(widget, QDockWidget):
        widget = widget.parentWidget()
    owner = viewport.parentWidget()
    title = widget.windowTitle() if widget is not None else "window"
    return f"{title}: {type(owner).__name__}" if owner is not None else title


def visible_views(window) -> list:
    """The viewports that show the result now: the heatmap and every table a user sees."""
    views = [window.heatmap.canvas.viewport()]
    for table in window.findChildren(QAbstractItemView):
        # A table's headers are views too, but they repaint only when their labels change.
        if not isinstance(table, QHeaderView) and can_paint(table.viewport()):
            views.append(table.viewport())
    return [view for view in views if can_paint(view)]


def keystroke_to_paint(
    window, controller, edits: int, gap_ms: int = 250
) -> tuple[list[float], list[str]]:
    """Milliseconds from a key event in the editor to every view painted, ``edits`` times,
    and the names of the views waited for.

    Edits alternate between typing a letter at the end of the first line and deleting it,
    so every edit changes the numbers without growing the text.
    """
    from PySide6.QtGui import QTextCursor
    from PySide6.QtTest import QTest

    from gui import state as aspects

    editor = window.editor
    watch = PaintWatch(visible_views(window))
    results = []
    arrivals: list[float] = []  # when each result reached the GUI (before its views painted)
    controller.changed.connect(
        lambda changed: aspects.RESULT in changed and arrivals.append(time.perf_counter())
    )
    cursor = editor.textCursor()
    cursor.movePosition(QTextCursor.MoveOperation.Start)
    cursor.movePosition(QTextCursor.MoveOperation.EndOfLine)
    editor.setTextCursor(cursor)
    editor.setFocus()
    for k in range(edits):
        count = len(arrivals)  # a count, not the result: holding it would delay its freeing
        start = time.perf_counter()
        if k % 2 == 0:
            QTest.keyClick(editor, Qt.Key.Key_X)
        else:
            QTest.keyClick(editor, Qt.Key.Key_Backspace)
        wait_until(lambda count=count: len(arrivals) > count)
        arrived = arrivals[-1]
        wait_until(lambda arrived=arrived: watch.all_painted_since(arrived) is not None)
        results.append((watch.all_painted_since(arrived) - start) * 1000)
        wait(gap_ms)
    return results, watch.names()


class Heartbeat(QObject):
    """A 1 ms timer: the longest gap between its beats is the longest the GUI thread stalled."""

    def __init__(self) -> None:
        super().__init__()
        self.beats: list[float] = []
        self._timer = QTimer(self)
        self._timer.setInterval(1)
        self._timer.timeout.connect(lambda: self.beats.append(time.perf_counter()))

    def __enter__(self) -> Heartbeat:
        self.beats = [time.perf_counter()]
        self._timer.start()
        return self

    def __exit__(self, *exc) -> None:
        self._timer.stop()

    @property
    def longest_ms(self) -> float:
        gaps = [b - a for a, b in zip(self.beats, self.beats[1:], strict=False)]
        return round(max(gaps) * 1000, 1) if gaps else 0.0


def post_key(widget, key, text: str = "") -> None:
    """A key press and release, posted: the event loop delivers them as it would a user's,
    so the time the window spends on them falls between heartbeats, not outside them."""
    from PySide6.QtCore import QCoreApplication
    from PySide6.QtGui import QKeyEvent

    for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
        event = QKeyEvent(kind, key, Qt.KeyboardModifier.NoModifier, text)
        QCoreApplication.postEvent(widget, event)


def stall_during_big_edits(edits: int = 6) -> float:
    """The longest GUI stall while someone types at the end of 512 sentences of 256 tokens:
    a letter, then its deletion, each followed by the result it causes."""
    from PySide6.QtGui import QTextCursor

    from gui import state as aspects
    from tests.benchmarks.inputs import sentences

    controller, window = open_window(sentences(512, 256))
    results = []
    controller.changed.connect(lambda changed: aspects.RESULT in changed and results.append(1))
    try:
        editor = window.editor
        editor.moveCursor(QTextCursor.MoveOperation.End)
        editor.setFocus()
        wait(100)
        with Heartbeat() as heartbeat:
            for k in range(edits):
                count = len(results)
                if k % 2 == 0:
                    post_key(editor, Qt.Key.Key_X, "x")
                else:
                    post_key(editor, Qt.Key.Key_Backspace)
                wait_until(lambda count=count: len(results) > count and not controller.is_busy)
                wait(150)
        return heartbeat.longest_ms
    finally:
        close(controller, window)


def training_figures(seconds: float = 4.0) -> dict[str, float]:
    """Steps per second and repaints per second while the "previous" preset trains, and
    the longest GUI stall meanwhile."""
    from model.config import ModelConfig
    from model.tokenizer import NOTEBOOK_TEXT

    config = ModelConfig(embedding_size=16, hidden_size=32)
    steps, fps, block = _train_and_watch(NOTEBOOK_TEXT, config, "previous", (), seconds)
    return {"train_steps_per_s": steps, "train_fps": fps, "gui_block_max_training_ms": block}


# The panes that repaint on every published step of the transformer: the heatmap's grid of
# every layer's heads, and the next-word panel.
TRANSFORMER_DOCKS = ("next_word",)


def transformer_training_figures(seconds: float = 4.0) -> dict[str, float]:
    """The same figures while the classroom preset (2 layers × 2 heads, d = 32) trains on
    ``next``, with every layer's heads in the heatmap and the next-word panel in view."""
    from model.session import load_session
    from resources import example_session_path

    session = load_session(example_session_path())
    steps, _, block = _train_and_watch(
        session.text, session.config, "next", TRANSFORMER_DOCKS, seconds
    )
    return {
        "train_steps_per_s_transformer": steps,
        "gui_block_max_training_transformer_ms": block,
    }


def induction_training_figures(seconds: float = 4.0) -> dict[str, float]:
    """The same figures while the induction preset (2 layers × 2 heads, d = 32) trains on
    ``induction``, with every layer's heads in the heatmap (their labels following the head
    detectors of each published step) and the Heads pane in view."""
    from model.session import load_session
    from resources import INDUCTION_PRESET, example_session_path

    session = load_session(example_session_path(INDUCTION_PRESET))
    steps, _, block = _train_and_watch(session.text, session.config, "induction", ("heads",),
                                       seconds)  # fmt: skip
    return {
        "train_steps_per_s_induction": steps,
        "gui_block_max_training_induction_ms": block,
    }


def _train_and_watch(text, config, task, docks, seconds):
    """Train ``task`` on ``text`` in a window showing ``docks`` besides the heatmap (all
    heads); steps per second, heatmap repaints per second, and the longest GUI stall."""
    controller, window = open_window(text, config)
    try:
        for name in docks:
            if name in window.docks:
                window.docks[name].show()
                window.docks[name].raise_()
        controller.set_train_settings(task=task)
        controller.training.set_speed(20)
        watch = PaintWatch([window.heatmap.canvas.viewport()])
        paints = []
        original = watch.eventFilter

        def counting(watched, event):
            if event.type() == QEvent.Type.Paint:
                paints.append(time.perf_counter())
            return original(watched, event)

        watch.eventFilter = counting
        controller.toggle_training()
        wait_until(lambda: controller.training.step > 0)
        start_step, start = controller.training.step, time.perf_counter()
        paints.clear()
        steps, stalls = 0, []
        # Until the deadline; a run that pauses itself (it converged: the classroom preset
        # learns its sentences in about 150 steps) starts again from step 0, and the stall
        # of starting again (a user's click) is not one of training's.
        while time.perf_counter() - start < seconds:
            with Heartbeat() as heartbeat:
                wait_until(
                    lambda: (
                        time.perf_counter() - start > seconds
                        or controller.training.status != "playing"
                    ),
                    timeout_s=seconds + 60,
                )
            stalls.append(heartbeat.longest_ms)
            steps += controller.training.step - start_step
            if controller.training.status != "playing":
                controller.reset_training()
                controller.toggle_training()
                wait_until(lambda: controller.training.step > 0)
                start_step = controller.training.step
        elapsed = time.perf_counter() - start
        if controller.training.status == "playing":
            controller.toggle_training()
        return round(steps / elapsed, 1), round(len(paints) / elapsed, 1), max(stalls)
    finally:
        close(controller, window)


def quit_while_training() -> float:
    """Milliseconds from quitting (as ``gui.window.launch.run_app`` does: the controller shuts down,
    the window goes) to the end, while the "previous" preset (E = 16, H = 32) trains."""
    from model.config import ModelConfig
    from model.tokenizer import NOTEBOOK_TEXT

    controller, window = open_window(NOTEBOOK_TEXT, ModelConfig(embedding_size=16, hidden_size=32))
    controller.toggle_training()
    wait_until(lambda: controller.training.step > 20)
    start = time.perf_counter()
    close(controller, window)
    return round((time.perf_counter() - start) * 1000, 1)


def close(controller, window) -> None:
    from PySide6.QtWidgets import QApplication

    from gui.window.launch import dispose

    controller.shutdown()
    dispose(QApplication.instance(), window)
