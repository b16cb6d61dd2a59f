"""Files written off the GUI thread: one writer thread, writes in the order asked.

Encoding a session, a figure (painted into a QImage or an SVG), tensors or a notebook and
writing it to disk can take seconds at the documented limits, and the window must stay
responsive meanwhile.  The GUI thread gathers what the file needs (a window grab, the
current result, the view's settings) and hands a job here; the job runs on the writer's
thread and its outcome comes back as :attr:`FileWriter.finished`, on the GUI thread.

Every job writes atomically (a temporary file renamed over the target, ``model.files``), and
quitting waits for the job under way: nothing is ever left half-written.
"""

from __future__ import annotations

import itertools
import traceback
from collections.abc import Callable

import shiboken6
from PySide6.QtCore import QCoreApplication, QObject, QThreadPool, Signal

EXPECTED = (OSError, ValueError, MemoryError)  # the user's disk, path or input: no traceback


class FileWriter(QObject):
    """Runs write jobs on a thread of its own, one at a time."""

    finished = Signal(int, object)
    """A job's ticket, and None when it wrote its file, else the exception that stopped it."""

    def __init__(self, app: QCoreApplication) -> None:
        super().__init__(app)
        self._pool = QThreadPool(self)
        self._pool.setMaxThreadCount(1)  # one at a time, in order: two saves never race
        self._pool.setExpiryTimeout(-1)
        self._tickets = itertools.count(1)
        app.aboutToQuit.connect(self.wait)  # quitting waits for the write under way

    def write(self, job: Callable[[], None]) -> int:
        """Run ``job`` on the writer's thread; returns the ticket ``finished`` will carry."""
        ticket = next(self._tickets)

        def run() -> None:
            try:
                job()
            except EXPECTED as exc:
                error = exc
            except Exception as exc:  # reported to the user all the same
                traceback.print_exc()
                error = exc
            else:
                error = None
            self.finished.emit(ticket, error)

        self._pool.start(run)
        return ticket

    def wait(self) -> None:
        """Block until every write asked for so far is done."""
        self._pool.waitForDone()


_writer: FileWriter | None = None


def file_writer() -> FileWriter:
    """The application's writer (made with the first write)."""
    global _writer
    app = QCoreApplication.instance()
    if _writer is None or not shiboken6.isValid(_writer) or _writer.parent() is not app:
        _writer = FileWriter(app)
    return _writer
