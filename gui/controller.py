"""The one owner of the current text, settings and result.

Widgets send edits here and render what comes back; they never talk to each other.  The
pipeline runs on a worker thread, latest wins: a result for text or settings that have since
changed is dropped, never drawn, and a long run is cancelled when a newer request arrives.
"""

from __future__ import annotations

import gc
import traceback
from dataclasses import replace

from PySide6.QtCore import QCoreApplication, QObject, QThread, QTimer, Signal, Slot

from model.config import MAX_SEED, ModelConfig
from model.session import Session, ViewSettings

DEBOUNCE_MS = 60


class _GuiThreadCollector(QObject):
    """Runs Python's cyclic garbage collector on the GUI thread only.

    Left automatic, the collector runs in whichever thread happens to allocate, and the
    worker thread allocates a lot.  Collecting there can destroy Qt objects (plot items of a
    closed view, say) in the wrong thread while the GUI thread paints them, which crashes.
    So automatic collection is turned off and this timer collects on the GUI thread.
    """

    _installed = None
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
        self.destroyed.connect(_GuiThreadCollector._uninstall)

    @staticmethod
    def _uninstall(*_) -> None:
        _GuiThreadCollector._installed = None
        gc.enable()

    def collect(self) -> None:
        """Collect each generation whose count passed its threshold, as gc itself would."""
        thresholds = gc.get_threshold()
        for generation in (2, 1, 0):
            if gc.get_count()[generation] > thresholds[generation]:
                gc.collect(generation)
                return


class _Worker(QObject):
    """Lives on the worker thread: imports the model (torch) once, then runs requests."""

    loaded = Signal(str)  # "" on success, else why the model could not load
    finished = Signal(int, object, str)  # generation, result or None, error message

    def __init__(self) -> None:
        super().__init__()
        self.latest = 0  # written by the GUI thread; an int read is atomic under the GIL
        self._run = None

    @Slot()
    def load(self) -> None:
        try:
            from model.pipeline import Cancelled, run_pipeline
        except Exception as exc:  # a broken torch install must not kill the window
            self.loaded.emit(f"the model could not be loaded: {exc}")
            return
        self._run, self._cancelled = run_pipeline, Cancelled
        self.loaded.emit("")

    @Slot(int, str, object)
    def compute(self, generation: int, text: str, config: ModelConfig) -> None:
        if self._run is None or generation != self.latest:
            return
        try:
            result = self._run(text, config, cancelled=lambda: generation != self.latest)
        except self._cancelled:
            return
        except ValueError as exc:
            self.finished.emit(generation, None, str(exc))
        except MemoryError:
            self.finished.emit(generation, None, "not enough memory for this input")
        except Exception as exc:  # shown to the user, never raised into Qt
            traceback.print_exc()
            self.finished.emit(generation, None, f"unexpected error: {exc}")
        else:
            self.finished.emit(generation, result, "")


class PipelineController(QObject):
    """Holds text, config, selected sentence and the latest result; tells views of changes."""

    result_changed = Signal(object)
    """A new :class:`~model.result.PipelineResult` for the current text and config."""
    error_changed = Signal(str)
    """The current input's problem, or "" when the last run succeeded."""
    busy_changed = Signal(bool)
    """True while a run (or the first model import) is under way."""
    config_changed = Signal(object)
    """The :class:`ModelConfig` now in force."""
    text_changed = Signal(str)
    """The text now in force, when it was set from outside the editor."""
    sentence_changed = Signal(int)
    """The sentence shown by the heatmap and the value tables (-1 = all sentences)."""
    model_loaded = Signal()
    """The model layer finished importing."""
    state_changed = Signal()
    """Text, settings or view changed: what a session holds (for autosave)."""

    _request = Signal(int, str, object)

    def __init__(self, text: str = "", config: ModelConfig | None = None, parent=None) -> None:
        super().__init__(parent)
        self._text = text
        self._config = config or ModelConfig()
        self._sentence = 0
        self._figure_scale = ViewSettings().figure_scale
        self._result = None
        self._error = ""
        self._generation = 0
        self._loaded = False
        self._busy = True

        _GuiThreadCollector.install()
        self._thread = QThread()
        self._thread.setObjectName("pipeline")
        self._worker = _Worker()
        self._worker.moveToThread(self._thread)
        self._request.connect(self._worker.compute)
        self._worker.finished.connect(self._on_finished)
        self._worker.loaded.connect(self._on_loaded)
        self._thread.started.connect(self._worker.load)

        self._debounce = QTimer(self)
        self._debounce.setSingleShot(True)
        self._debounce.setInterval(DEBOUNCE_MS)
        self._debounce.timeout.connect(self._submit)

    # --- state -------------------------------------------------------------------------

    @property
    def text(self) -> str:
        return self._text

    @property
    def config(self) -> ModelConfig:
        return self._config

    @property
    def result(self):
        """The last good result (kept while the current input is in error), or None."""
        return self._result

    @property
    def error(self) -> str:
        return self._error

    @property
    def sentence(self) -> int:
        return self._sentence

    @property
    def figure_scale(self) -> int:
        return self._figure_scale

    def session(self) -> Session:
        """Everything needed to come back to this state: text, settings, view."""
        return Session(self._text, self._config, ViewSettings(self._sentence, self._figure_scale))

    def load_session(self, session: Session) -> None:
        """Show a session: its text, its settings, its sentence and figure scale."""
        self._figure_scale = session.view.figure_scale
        self._sentence = session.view.sentence
        self.sentence_changed.emit(self._sentence)
        self._config = session.config
        self.config_changed.emit(session.config)
        self.replace_text(session.text)

    @property
    def is_loaded(self) -> bool:
        return self._loaded

    @property
    def is_busy(self) -> bool:
        return self._busy

    # --- life cycle ----------------------------------------------------------------------

    def start(self) -> None:
        """Start the worker thread; it imports the model, then runs the first request."""
        self._thread.start()

    def shutdown(self) -> None:
        self._debounce.stop()
        self._generation += 1
        self._worker.latest = self._generation  # cancels a run under way
        self._thread.quit()
        self._thread.wait()

    # --- edits ---------------------------------------------------------------------------

    def set_text(self, text: str) -> None:
        """The editor's text; reruns the pipeline after a short pause in typing."""
        if text != self._text:
            self._text = text
            self._debounce.start()
            self.state_changed.emit()

    def replace_text(self, text: str) -> None:
        """Text from outside the editor (a file, a session): editors follow, reruns at once."""
        self._text = text
        self.text_changed.emit(text)
        self.state_changed.emit()
        self._submit()

    def set_config(self, config: ModelConfig) -> None:
        if config != self._config:
            self._config = config
            self.config_changed.emit(config)
            self.state_changed.emit()
            self._submit()

    def update_config(self, **changes) -> None:
        """Change some settings; invalid values become the shown error, not an exception."""
        try:
            config = replace(self._config, **changes)
        except ValueError as exc:
            self._set_error(str(exc))
            return
        self.set_config(config)

    def new_random_weights(self) -> None:
        """Draw new embeddings and weights: the next seed (wrapping at the largest)."""
        self.update_config(seed=(self._config.seed + 1) % (MAX_SEED + 1))

    def select_sentence(self, index: int) -> None:
        if self._result is not None:
            index = max(-1, min(index, self._result.batch_size - 1))
        if index != self._sentence:
            self._sentence = index
            self.sentence_changed.emit(index)
            self.state_changed.emit()

    def set_figure_scale(self, scale: int) -> None:
        if scale != self._figure_scale:
            ViewSettings(figure_scale=scale)  # validates
            self._figure_scale = scale
            self.state_changed.emit()

    # --- running -------------------------------------------------------------------------

    def _submit(self) -> None:
        self._debounce.stop()
        self._generation += 1
        self._worker.latest = self._generation
        self._set_busy(True)
        if self._loaded:  # before that, _on_loaded submits the latest text
            self._request.emit(self._generation, self._text, self._config)

    @Slot(str)
    def _on_loaded(self, error: str) -> None:
        if error:
            self._set_busy(False)
            self._set_error(error)
            return
        self._loaded = True
        self.model_loaded.emit()
        self._submit()

    @Slot(int, object, str)
    def _on_finished(self, generation: int, result, error: str) -> None:
        if generation != self._generation:
            return  # stale: the text or settings changed while it ran
        self._set_busy(False)
        if result is None:
            self._set_error(error)
            return
        self._result = result
        if self._sentence >= result.batch_size:
            self._sentence = result.batch_size - 1
            self.sentence_changed.emit(self._sentence)
        self._set_error("")
        self.result_changed.emit(result)

    def _set_error(self, error: str) -> None:
        if error != self._error:
            self._error = error
            self.error_changed.emit(error)

    def _set_busy(self, busy: bool) -> None:
        if busy != self._busy:
            self._busy = busy
            self.busy_changed.emit(busy)
