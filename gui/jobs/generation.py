"""Writing with the transformer off the GUI thread, latest wins.

A generation runs the whole network once per word; at the classroom preset a word takes about
a millisecond, but torch's first call takes hundreds, and two hundred words on a larger model
take longer than a frame.  So each request runs on a thread of its own; a request made while
another runs replaces it, and what an older request writes is never delivered.
"""

from __future__ import annotations

import traceback
from functools import partial

from PySide6.QtCore import QObject, QThread, Signal, Slot


class GenerationWorker(QObject):
    """Lives on the writing thread: runs requests, skipping those already replaced."""

    finished = Signal(int, object, object)
    """A request's ticket, what it returned (or None) and its error (or None)."""

    def __init__(self) -> None:
        super().__init__()
        self.latest = 0  # written by the GUI thread; an int read is atomic under the GIL

    @Slot(int, object)
    def run(self, ticket: int, request) -> None:
        if ticket != self.latest:
            return  # replaced before it started
        from model.architectures import Cancelled

        try:
            outcome = request(lambda: ticket != self.latest)
        except Cancelled:
            return  # replaced while it wrote: its words are never shown
        except ValueError as exc:  # InputError: the prompt or the settings, in the user's words
            self.finished.emit(ticket, None, exc)
        except Exception as exc:  # shown to the user, never raised into Qt
            traceback.print_exc()
            self.finished.emit(ticket, None, exc)
        else:
            self.finished.emit(ticket, outcome, None)


class GenerationJobs(QObject):
    """The writing thread (started with the first request) and its worker."""

    finished = Signal(object, object)
    """The latest request's outcome (or None) and error (or None)."""
    _request = Signal(int, object)

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self._ticket = 0
        self._answered = 0  # the last ticket answered (or dropped)
        self._thread = QThread(self)
        self._thread.setObjectName("generation")
        self.worker = GenerationWorker()
        self.worker.moveToThread(self._thread)
        self._request.connect(self.worker.run)
        self.worker.finished.connect(self._on_finished)
        # Qt aborts the process when a running thread is deleted: end it first (``destroyed``
        # comes before the children are deleted).
        self.destroyed.connect(partial(_end_thread, self._thread, self.worker))

    @property
    def busy(self) -> bool:
        return self._ticket != self._answered

    def submit(self, request) -> int:
        """Run ``request(cancelled)`` on the thread; every earlier request is dropped (and
        ``cancelled()`` turns true for one that is running)."""
        if not self._thread.isRunning():
            self._thread.start()
        self._ticket += 1
        self.worker.latest = self._ticket
        self._request.emit(self._ticket, request)
        return self._ticket

    def cancel(self) -> None:
        """Drop whatever was asked: nothing asked so far is delivered."""
        self._ticket += 1
        self.worker.latest = self._ticket
        self._answered = self._ticket

    def stop(self) -> None:
        self.cancel()
        _end_thread(self._thread, self.worker)

    def _on_finished(self, ticket: int, outcome, error) -> None:
        if ticket != self._ticket:
            return  # replaced meanwhile: never shown
        self._answered = ticket
        self.finished.emit(outcome, error)


def _end_thread(thread: QThread, worker: GenerationWorker, *_destroyed) -> None:
    worker.latest = -1
    thread.quit()
    thread.wait()
