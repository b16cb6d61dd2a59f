"""The one owner of a window's state (:mod:`gui.state`) and of the result computed from it.

Presenters send edits here and render what comes back.  A change is announced field by
field on the state's events, and once, with the aspects that changed, by ``changed``; when
a result arrives with a new selection, both are in place before that announcement.

Pacing: one pipeline run at a time.  An edit starts a run on the next turn of the event
loop when none is under way; edits made meanwhile fold into one run that starts when the
current one ends: the window follows every keystroke, and never queues up stale work.
"""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtCore import QObject, QTimer, Signal, Slot

from gui import disposal
from gui import state as aspects
from gui.comparing import UNTRAINED, Comparing, result_of, source_of
from gui.jobs.course import TrainingCourse
from gui.jobs.pipeline import PipelineThread
from gui.jobs.training import TrainingControl
from gui.pointing import Pointing
from gui.state import AppState, WindowState, clamped, configured
from model.config import MAX_SEED, ModelConfig
from model.errors import Notice
from model.session import Session
from model.training.applied import trained_result
from model.training.settings import TrainSettings

# A result this big is let go before the next run for changed input starts: the window never
# holds two (at the documented limits one takes gigabytes).  The views show "busy" meanwhile.
BIG_RESULT_BYTES = 256 << 20
LONG_RUN_CELLS = 4096  # sentences × positions beyond which a run is cancelled for a newer one


class Controller(QObject):
    """Holds the state, runs the pipeline on it, and tells views what changed."""

    changed = Signal(object)
    """A frozenset of aspects (``gui.state.TEXT``, ``CONFIG``, ``VIEW``, ``RESULT`` …)."""
    notice = Signal(object)
    """A passing message for the status bar (a model.errors.Notice the window translates)."""
    cell_picked = Signal(object)
    """The user picked a cell to explain (again, maybe): its explanation comes forward."""

    def __init__(self, session: Session | None = None, result=None, parent=None) -> None:
        """``result``, when the caller already computed it for ``session``, is shown as is."""
        super().__init__(parent)
        self._window_state = WindowState(AppState.from_session(session or Session("")))
        self._result = result
        # The text and settings of the result held (None: none held).
        self._result_for = (self._state.text, self._state.config) if result is not None else None
        self._cells = result.batch_size * result.max_length if result is not None else 0
        self._error: Exception | None = None
        self._busy = True
        self._loaded = False
        self._view_pending = False  # a view change waits for the result it belongs to
        self._comparing = Comparing()
        self.pointing = Pointing(self._window_state, self)
        # What the next run computes as A, to compare with: UNTRAINED (the current text and
        # settings, untrained: "Compare with untrained") or a session's pinned A.
        self._pin_request = session.pinned if session is not None else None
        self._running = False  # a run is under way on the worker
        self._pending = False  # the state changed since that run started
        self._jobs = PipelineThread(self)
        self._jobs.worker.loaded.connect(self._on_loaded)
        self._jobs.worker.finished.connect(self._on_finished)
        self.training = TrainingControl(self)
        self._course = TrainingCourse(self, self.training)
        self._kick = QTimer(self)
        self._kick.setSingleShot(True)
        self._kick.setInterval(0)
        self._kick.timeout.connect(self._run)

    # --- what views read ------------------------------------------------------------------

    @property
    def state(self) -> WindowState:
        """Everything the user can change, with an event per field (see gui.state)."""
        return self._window_state

    @property
    def _state(self) -> AppState:
        return self._window_state.record

    @_state.setter
    def _state(self, record: AppState) -> None:
        self._window_state.replace(record)

    @property
    def text(self) -> str:
        return self._state.text

    @property
    def config(self) -> ModelConfig:
        return self._state.config

    @property
    def view(self):
        return self._state.view

    @property
    def result(self):
        """The last good result (kept, greyed, while the current input is in error), or None."""
        return self._result

    @property
    def error(self) -> Exception | None:
        """Why the current input has no result (an InputError, usually), or None."""
        return self._error

    @property
    def is_busy(self) -> bool:
        return self._busy

    @property
    def is_loaded(self) -> bool:
        return self._loaded

    @property
    def is_live(self) -> bool:
        """Whether the views show the current input's result (not loading, not in error)."""
        return self._loaded and self._error is None and self._result is not None

    def session(self) -> Session:
        return self._state.session()

    # --- life cycle -------------------------------------------------------------------------

    def start(self) -> None:
        """Start the worker thread: it imports the model, then runs the current state."""
        self._jobs.start()

    def shutdown(self) -> None:
        """Stop both threads, training after the step in progress; the state's training is
        then the last step completed (save the session after this)."""
        self._kick.stop()
        self._course.shutdown()
        self._jobs.stop()

    # --- edits ------------------------------------------------------------------------------

    def set_text(self, text: str) -> None:
        """The editor's text (the editor already shows it)."""
        if text != self._state.text:
            self._change(replace(self._state, text=text), {aspects.TEXT}, rerun=True)

    def replace_text(self, text: str) -> None:
        """Text from outside the editor: views and the editor follow."""
        self.set_text(text)

    def update_config(self, **changes) -> None:
        """Change some settings.  An impossible value becomes the shown error, not a crash.

        When a size change leaves a head count that no longer divides the encoder's width,
        the heads come down to the nearest count that does, and a notice says so.
        """
        old = self._state.config
        try:
            config = configured(old, changes)
        except ValueError as exc:
            self.show_error(exc)
            return
        if config.heads != old.heads and "heads" not in changes:
            self.notice.emit(Notice("heads_fitted", heads=config.heads, width=config.width))
        if config != self._state.config:
            self._change(replace(self._state, config=config), {aspects.CONFIG}, rerun=True)
            if self.training.active and config.with_every_head() != old.with_every_head():
                self.reset_training(Notice("training_reset_settings"))  # another network

    def new_random_weights(self) -> None:
        """Draw new embeddings and weights: the next seed (wrapping at the largest)."""
        self.update_config(seed=(self._state.config.seed + 1) % (MAX_SEED + 1))

    def update_view(self, **changes) -> None:
        """Change what the views show and how (any field of ViewSettings), clamped to the
        result.  Another sentence or head starts again at the first page."""
        view = self._state.view
        if "page" not in changes and any(
            name in changes and changes[name] != getattr(view, name)
            for name in ("sentence", "head")
        ):
            changes["page"] = 0
        view = replace(view, **changes)
        if view != self._state.view:
            self._change(replace(self._state, view=view), {aspects.VIEW})

    def select_cell(self, cell: tuple[int, int, int, int] | None) -> None:
        if cell != self._state.cell:
            self._change(replace(self._state, cell=cell), {aspects.VIEW})
        if cell is not None:
            self.cell_picked.emit(cell)

    # --- comparing ------------------------------------------------------------------------

    def pin(self) -> None:
        """Keep the current result as A: views then show A, B, B − A."""
        result = self._result
        if result is None:
            return
        pinned = source_of(result, *self._result_for, self._state.training)
        self._comparing.pin(result)
        self._comparing.update(result)
        self._state = replace(self._state, pinned=pinned)
        self.changed.emit(frozenset({aspects.VIEW}))

    def pin_untrained(self) -> None:
        """Pin the untrained weights' result on the current text and settings as A.

        It is computed on the worker with the next run (latest wins: an edit meanwhile makes
        it the edited text's) and pinned when that run's result arrives.
        """
        if self._result is None and not self._busy:
            return  # nothing on screen, and nothing coming
        self._pin_request = UNTRAINED
        self.rerun()

    def unpin(self) -> None:
        self._comparing.clear()
        self._pin_request = None
        self._state = replace(self._state, pinned=None)
        self.changed.emit(frozenset({aspects.VIEW}))

    @property
    def comparison(self):
        """A, B and B − A when a result is pinned and the current one lines up with it."""
        return self._comparing.comparison

    @property
    def comparison_error(self):
        """Why the pinned result cannot be compared with the current one, or None."""
        return self._comparing.error

    # --- training (see gui.jobs.course) -----------------------------------------------

    def train_settings(self) -> TrainSettings:
        return self._course.settings()

    def set_train_settings(self, **changes) -> None:
        """Change the task or learning rate.  A new task starts again; a new rate never does."""
        self._course.set_settings(**changes)

    def toggle_training(self) -> None:
        """Play or pause (Space)."""
        self._course.toggle()

    def step_training(self) -> None:
        self._course.step()

    def reset_training(self, notice=None) -> None:
        """Back to the untrained weights (step 0)."""
        self._course.reset(notice)

    def put_training(self, settings: TrainSettings, announce: bool = False) -> None:
        """Take ``settings`` as the state's training, announced when changed (or asked)."""
        if announce or settings != self._state.training:
            self._state = replace(self._state, training=settings)
            self.changed.emit(frozenset({aspects.TRAINING}))

    def load_session(self, session: Session) -> None:
        """Show a session: its text, settings, training and view, all in one change."""
        self._course.load(session)
        self._comparing.clear()  # A is the session's own, computed with its result
        self._pin_request = session.pinned
        new = AppState.from_session(session)
        changed = {aspects.TEXT, aspects.CONFIG, aspects.VIEW, aspects.TRAINING}
        self._change(new, changed, rerun=True)

    # --- running ----------------------------------------------------------------------------

    def _change(self, new: AppState, changed: set[str], rerun: bool = False) -> None:
        """Take ``new`` as the state and announce ``changed``.  With ``rerun`` the view is
        clamped against the coming result, and announced with it: nothing renders the old
        result with a view meant for the new one."""
        if rerun:
            self._state = new
            self.rerun()
            if aspects.VIEW in changed:
                self._view_pending = True
                changed = changed - {aspects.VIEW}
        else:
            self._state = clamped(new, self._result)
        if changed:
            self.changed.emit(frozenset(changed))

    def rerun(self) -> None:
        """Run the pipeline again on the current state (the training course asks it too)."""
        if self._running:
            self._pending = True  # folded into one run when the current one ends
            # A run that ends in a millisecond is left to end; a long one (a big input, judged
            # by the last result, held or let go) is cancelled so the newest text starts now.
            if self._cells > LONG_RUN_CELLS:
                self._jobs.cancel()
        elif self._loaded:
            self._kick.start()
        self._set_busy(True)

    def _run(self) -> None:
        state = self._state
        self._running, self._pending = True, False
        let_go = self._let_go_if_big() if self._result_for != (state.text, state.config) else []
        published = self.training.latest if self.training.active else None
        pin = self._pin_request
        if pin is UNTRAINED:
            pin = Session(state.text, state.config)

        def request(run, cancelled):
            """The result on the current weights, and A's when it is to be pinned."""
            let_go.clear()  # freed here, before the new result's memory is taken
            result = trained_result(run, state.text, state.config, published, cancelled)
            pinned = None
            if pin is not None:
                same = (pin.text, pin.config) == (state.text, state.config)
                pinned = result_of(pin, run, result, same, cancelled)
            return result, pinned, pin

        self._jobs.submit(request)

    def _let_go_if_big(self) -> list:
        """Drop a big result, and the comparison that holds it, before the run that replaces
        it; the views let go of it too (they get a RESULT change with no result).

        Returns them, for the worker to free before it computes: freed here, hundreds of
        megabytes would hold the GUI thread for tens of milliseconds, longer still while the
        worker takes new memory at the same time.
        """
        if self._result is None or self._result.nbytes < BIG_RESULT_BYTES:
            return []
        let_go = [self._result, self._comparing.let_go()]
        self._result = None
        self._result_for = None
        self.changed.emit(frozenset({aspects.RESULT}))
        return let_go

    @Slot(object)
    def _on_loaded(self, error) -> None:
        if error is not None:
            self._set_busy(False)
            self.show_error(error)
            return
        self._loaded = True
        if self._result_for == (self._state.text, self._state.config) and self._pin_request is None:
            self._state = clamped(self._state, self._result)
            self._set_busy(False)
            self.changed.emit(frozenset({aspects.LOADED, aspects.RESULT, aspects.VIEW}))
            return
        self._run()
        self.changed.emit(frozenset({aspects.LOADED}))

    @Slot(int, object, object)
    def _on_finished(self, generation: int, outcome, error) -> None:
        result, pinned, pin = outcome if outcome is not None else (None, None, None)
        self._running = False
        if self._pending or generation != self._jobs.generation:
            disposal.release(result)
            disposal.release(None if pinned is result else pinned)
            self._run()  # the state moved on: this result is stale, never drawn
            return
        self._set_busy(False)
        if result is not None or self._pin_request is UNTRAINED:
            self._pin_request = None  # answered (or, untrained, made impossible by an error)
        if result is None:
            self.show_error(error)
            return
        disposal.release(self._result)  # freed later, not while the views draw the new one
        self._result = result
        self._result_for = (self._state.text, self._state.config)
        self._cells = result.batch_size * result.max_length
        self._error = None
        if isinstance(pinned, Exception):  # A cannot be computed: say why, compare nothing
            self.notice.emit(pinned)
            self._comparing.clear()
            pin = pinned = None
            self._state = replace(self._state, pinned=None)
        elif pinned is not None:
            self._comparing.pin(pinned)
            self._state = replace(self._state, pinned=pin)
        self._comparing.update(result)
        self._course.follow(result)  # training follows the result (see TrainingCourse.follow)
        before = self._state
        self._state = clamped(before, result)
        changed = {aspects.RESULT, aspects.ERROR}
        moved = self._state.view != before.view or self._state.cell != before.cell
        if pinned is not None or self._view_pending or moved:
            changed.add(aspects.VIEW)
        self._view_pending = False
        self.changed.emit(frozenset(changed))

    def show_error(self, error: Exception | None) -> None:
        """Why the current input has no result (None: no error)."""
        if error is not self._error:
            self._error = error
            self.changed.emit(frozenset({aspects.ERROR}))

    def _set_busy(self, busy: bool) -> None:
        if busy != self._busy:
            self._busy = busy
            self.changed.emit(frozenset({aspects.BUSY}))
