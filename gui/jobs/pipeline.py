"""Work off the GUI thread: the pipeline runs on a worker thread, latest wins.

The worker imports the model (torch) first, so the window can appear before torch has
loaded.  Each request carries a generation number; a run whose generation is no longer the
latest is cancelled between chunks, and its result is never delivered.  Garbage collection
runs on the GUI thread only (see :class:`GuiThreadCollector`).
"""

from __future__ import annotations

import gc
import linecache
import traceback
from contextlib import contextmanager
from functools import partial

from PySide6.QtCore import QCoreApplication, QObject, QThread, QTimer, Signal, Slot


class GuiThreadCollector(QObject):
    """Runs Python's cyclic garbage collector on the GUI thread only.

    Left automatic, the collector runs in whichever thread happens to allocate, and the
    worker thread allocates a lot.  Collecting there can destroy Qt objects (plot items of a
    closed view, say) in the wrong thread while the GUI thread paints them, which crashes.
    So automatic collection is turned off and this timer collects on the GUI thread, young
    generations only while the user is busy.  Nothing is collected while the worker imports
    torch (:attr:`paused`): the import makes hundreds of thousands of objects that live for
    good, and walking them took 60 ms of the first heatmap's time.  Objects alive after
    start-up are frozen out of every collection (``gc.freeze``), which keeps full
    collections short.
    """

    _installed = None
    paused = False  # set by the worker while it imports the model
    INTERVAL_MS = 500

    @classmethod
    def install(cls) -> None:
        app = QCoreApplication.instance()
        if cls._installed is None and app is not None:
            cls._installed = cls(app)

    def __init__(self, app: QCoreApplication) -> None:
        super().__init__(app)
        gc.disable()
        self._timer = QTimer(self)
        self._timer.setInterval(self.INTERVAL_MS)
        self._timer.timeout.connect(self.collect)
        self._timer.start()
        self.destroyed.connect(GuiThreadCollector._uninstall)

    @staticmethod
    def _uninstall(*_) -> None:
        GuiThreadCollector._installed = None
        gc.enable()

    @staticmethod
    def freeze() -> None:
        """Move everything alive now out of future collections (call once start-up is done)."""
        gc.collect()
        gc.freeze()

    def collect(self) -> None:
        """Collect each generation whose count passed its threshold, as gc itself would."""
        if GuiThreadCollector.paused:
            return
        thresholds = gc.get_threshold()
        for generation in (2, 1, 0):
            if gc.get_count()[generation] > thresholds[generation]:
                gc.collect(generation)
                return


class _LinesNotKept(dict):
    """A stand-in for ``linecache.cache`` that keeps only lazy entries (a loader to call,
    which linecache reads straight back); the lines of files it reads are not kept.

    Lines a module's loader gave (no file on disk: a zip, a frozen bundle) are kept, with
    no modification time: linecache reads that entry straight back too."""

    def __setitem__(self, filename, entry) -> None:
        if len(entry) == 1 or entry[1] is None:
            super().__setitem__(filename, entry)


@contextmanager
def source_lines_not_kept():
    """While torch loads, let read source lines go instead of caching them.

    Once PySide6 is imported, every module imported after it has its source read (PySide6
    looks for its optional ``__feature__`` switches), and ``linecache`` keeps every file it
    read: torch's 800 files, 38 MB of memory for the rest of the session.  Tracebacks made
    in the meantime read their lines again instead.
    """
    kept = linecache.cache
    linecache.cache = _LinesNotKept()
    try:
        yield
    finally:
        linecache.cache = kept


def warm_up_training() -> None:
    """One tiny training step, on the worker once the first result is out: torch sets up
    autograd and Adam on first use, and paying that on the first Play would freeze the
    window a moment."""
    from model.config import ModelConfig
    from model.tokenizer import encode
    from model.training.loop import Trainer

    vocabulary, _ = encode([["a", "b"]])
    Trainer(ModelConfig(embedding_size=2, hidden_size=2), vocabulary, [2]).step()


class PipelineWorker(QObject):
    """Lives on the worker thread: imports the model once, then runs requests."""

    loaded = Signal(object)
    """None on success, else the exception that kept the model from loading."""
    finished = Signal(int, object, object)
    """generation, the result (or None), the error (or None); both None when cancelled."""

    _frozen = False  # the objects of torch's import frozen (see load)

    def __init__(self) -> None:
        super().__init__()
        self.latest = 0  # written by the GUI thread; an int read is atomic under the GIL
        self._run = None
        self._warm = False  # training's first-use costs paid (see warm_up_training)

    @Slot()
    def load(self) -> None:
        GuiThreadCollector.paused = True  # (a bool: written here, read there, under the GIL)
        try:
            with source_lines_not_kept():
                import torch

                from model.pipeline import Cancelled, run_pipeline

                # One thread: at teaching sizes a second one costs more in hand-offs than
                # it gains, and it would compete with the GUI thread on two-core machines.
                torch.set_num_threads(1)
        except Exception as exc:  # a broken torch install must not kill the window
            self.loaded.emit(exc)
            return
        finally:
            if not PipelineWorker._frozen:
                # What torch's import made lives for good: out of every collection's way,
                # uncounted (freezing walks nothing; collecting it took tens of ms).  Once:
                # a later window's load imports nothing new.
                PipelineWorker._frozen = True
                gc.freeze()
            GuiThreadCollector.paused = False
        self._run, self._cancelled = run_pipeline, Cancelled
        self.loaded.emit(None)

    @Slot(int, object)
    def compute(self, generation: int, request) -> None:
        """Run ``request(run_pipeline, cancelled)`` unless a newer request has arrived.

        Every request is answered, a cancelled one with (None, None), so the GUI side always
        knows when the worker is free again.
        """
        if self._run is None or generation != self.latest:
            self.finished.emit(generation, None, None)
            return
        try:
            result = request(self._run, lambda: generation != self.latest)
        except self._cancelled:
            self.finished.emit(generation, None, None)
            return
        except ValueError as exc:  # InputError: the user's input, described in their language
            self.finished.emit(generation, None, exc)
        except MemoryError as exc:
            self.finished.emit(generation, None, exc)
        except Exception as exc:  # shown to the user, never raised into Qt
            traceback.print_exc()
            self.finished.emit(generation, None, exc)
        else:
            self.finished.emit(generation, result, None)
        self._warm_up_once()  # after the first result: it must not wait for this

    def _warm_up_once(self) -> None:
        if self._warm:
            return
        self._warm = True
        try:
            with source_lines_not_kept():
                warm_up_training()
        except Exception:  # training will report its own trouble, if any
            traceback.print_exc()


class PipelineThread(QObject):
    """The worker and its thread; ``submit`` a request, get ``finished`` for the latest."""

    _request = Signal(int, object)

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        GuiThreadCollector.install()
        self.generation = 0
        self._thread = QThread(self)
        self._thread.setObjectName("pipeline")
        self.worker = PipelineWorker()
        self.worker.moveToThread(self._thread)
        self._request.connect(self.worker.compute)
        self._thread.started.connect(self.worker.load)
        # Dropped without stop() (its controller never shut down), this object takes its
        # thread with it, and Qt aborts the process when a running thread is deleted: end
        # the thread first.  (``destroyed`` comes before the children are deleted.)
        self.destroyed.connect(partial(_end_thread, self._thread, self.worker))

    def start(self) -> None:
        self._thread.start()

    def submit(self, request) -> int:
        """Queue ``request``; every earlier one is cancelled.  Returns its generation."""
        self.generation += 1
        self.worker.latest = self.generation
        self._request.emit(self.generation, request)
        return self.generation

    def cancel(self) -> None:
        self.generation += 1
        self.worker.latest = self.generation

    def stop(self) -> None:
        """Cancel whatever runs and wait for the thread to end (safe to call twice)."""
        self.cancel()
        _end_thread(self._thread, self.worker)


def _end_thread(thread: QThread, worker: PipelineWorker, *_destroyed) -> None:
    worker.latest = -1  # no generation: whatever runs is cancelled at its next check
    thread.quit()
    thread.wait()
