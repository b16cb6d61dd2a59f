"""The controller's training: the state's training settings follow the weights on screen.

The state's ``training`` (task, step count, learning rates) is what a session, the
autosave, Ctrl+S and the exported notebook take.  So it follows every trained result the
window shows, playing or not, and at quit it takes the last step the worker completed: what
is saved is always what was on screen (or just trained), never an older count.

A session opened at step N retrains to N on the worker, in chunks it can be called off
between; meanwhile the state keeps N.  An edit that changes the vocabulary or the longest
sentence, a new task, new settings or Reset start again from step 0, learning-rate changes
included.  A training error is shown until a new task, Play, Step or Reset: never stuck.

An edit or a setting that started training again can be taken back: when the sentences and
settings are again those of the last trained result (Ctrl+Z in the editor, a box ticked
again), that run is trained again to its step (training is deterministic, so the weights
are the same) and a notice says so.  Reset and a new task forget it: they were the user's
choice.
"""

from __future__ import annotations

from dataclasses import replace

import numpy as np
from PySide6.QtCore import QObject

from gui.jobs.training import PLAYING, TrainingControl, fits
from gui.jobs.training_worker import TrainJob
from model.errors import Notice
from model.training import settings as limits
from model.training.settings import TrainSettings


class TrainingCourse(QObject):
    """Drives :class:`TrainingControl` for a controller and keeps its state's training."""

    def __init__(self, controller, control: TrainingControl) -> None:
        super().__init__(controller)
        self._controller = controller
        self.control = control
        control.published.connect(self._on_published)
        control.stopped.connect(self._on_stopped)
        control.failed.connect(self._on_failed)
        training = controller.state.training
        # A session opened at step N trains to N once its first result is in.
        self._retrain = training if training is not None and training.steps else None
        self._failure: Exception | None = None  # the training error shown, if any
        # The last trained result's (sentences, settings) and its training: what an edit
        # taken back brings back.
        self._trained_before: tuple[tuple, TrainSettings] | None = None

    def settings(self) -> TrainSettings:
        return self._controller.state.training or TrainSettings(steps=0)

    def set_settings(self, **changes) -> None:
        """A new task starts again from step 0; a new rate applies from the next step."""
        old = self.settings()
        settings = replace(old, **changes)
        if "task" in changes and settings.task != old.task:
            self._retrain = self._trained_before = None
            rate = changes.get("learning_rate", old.current_rate)
            settings = replace(settings, steps=0, learning_rate=rate, rate_changes=())
            if self.control.job is not None:
                self.control.reset()
                self._controller.rerun()
            self._clear_failure()
        elif "learning_rate" in changes:
            settings = _rate_from(old, settings.learning_rate)
            self.control.set_learning_rate(settings.current_rate)
        self._controller.put_training(settings, announce=True)

    def toggle(self) -> None:
        """Play or pause; Play while retraining plays on once retrained."""
        if self.control.status == PLAYING:
            self.control.pause()
        elif self._ensure():
            self.control.play()

    def step(self) -> None:
        """One step; while retraining, one past the step it retrains to."""
        if self._ensure():
            self.control.step_once()

    def reset(self, notice: Notice | None = None) -> None:
        """Back to the untrained weights (step 0), with no change of rate to replay.  With
        no ``notice`` it is the user's Reset, which nothing brings back."""
        self._retrain = None
        if notice is None:
            self._trained_before = None
        self.control.reset()
        self._clear_failure()
        settings = replace(self.settings(), steps=0, rate_changes=())
        settings = replace(settings, learning_rate=self.settings().current_rate)
        self._controller.put_training(settings, announce=True)
        if notice is not None and self._controller.state.pinned is not None:
            # B − A now shows the training undone as well as the change: say so.
            notice = Notice(f"{notice.code}_compared", **notice.values)
        if notice is not None:
            self._controller.notice.emit(notice)
        self._controller.rerun()

    def load(self, session) -> None:
        """Before the controller shows ``session``: retrain to its step count once its
        first result is in."""
        self.control.reset()
        self._clear_failure()
        training = session.training
        self._retrain = training if training is not None and training.steps else None

    def follow(self, result) -> None:
        """After a result: retrain an opened session, reset training the text outgrew, let
        the worker publish its next weights, and take the step shown into the state."""
        control, config = self.control, self._controller.config
        if self._retrain is not None:
            target, self._retrain = self._retrain.steps, None
            self._ensure(target)
        elif control.active and not fits(
            control.job, config, result.vocabulary, result.max_length, result.token_ids
        ):
            self.reset(Notice("training_reset_vocabulary"))
        elif self._taken_back(result):
            _key, settings = self._trained_before
            self._controller.put_training(settings, announce=True)
            self._ensure(settings.steps)
            self._controller.notice.emit(Notice("training_restored", step=settings.steps))
        control.taken()
        if result.training is not None:
            self._note(result.training.steps)
            if result.training.steps:
                self._trained_before = ((result.sentences, result.config), self.settings())

    def _taken_back(self, result) -> bool:
        """Whether ``result``, untrained, has the sentences and settings of the last
        trained result: the edit that started training again was taken back."""
        if self._trained_before is None or self.control.active:
            return False
        if result.training is not None and result.training.steps:
            return False
        return self._trained_before[0] == (result.sentences, result.config)

    def shutdown(self) -> None:
        """Call training off (waiting at most for the step in progress) and keep the last
        step it completed, unless a step from the timeline is on screen."""
        completed = self.control.stop()
        latest = self.control.latest
        if completed is None or (latest is not None and latest.viewing is not None):
            return
        self._put(completed.steps, completed.learning_rates)

    # --- the worker's news -----------------------------------------------------------------

    def _on_published(self, _published) -> None:
        self._controller.rerun()  # run the user's sentences on them (latest wins)

    def _on_stopped(self, why: str) -> None:
        if why == "converged":
            self._controller.notice.emit(Notice("training_converged", step=self.control.step))
        elif why == "limit":
            self._controller.notice.emit(Notice("training_step_limit", limit=limits.MAX_STEPS))

    def _on_failed(self, error) -> None:
        """The worker dropped the job: the error is shown, and the state is at step 0."""
        self._failure = error
        self._controller.show_error(error)
        settings = replace(self.settings(), steps=0, rate_changes=())
        self._controller.put_training(settings)
        self._controller.rerun()

    # --- helpers ---------------------------------------------------------------------------

    def _ensure(self, target: int = 0) -> bool:
        """Start training on the current result unless the running training fits it."""
        controller = self._controller
        result = controller.result
        if result is None or controller.error not in (None, self._failure):
            return False
        self._clear_failure()
        config = controller.config
        if fits(self.control.job, config, result.vocabulary, result.max_length, result.token_ids):
            return True
        settings = self.settings()
        if not target:  # a new run: nothing of an earlier one to replay
            settings = replace(settings, learning_rate=settings.current_rate, rate_changes=())
        self.control.start(
            TrainJob(
                config, settings, result.vocabulary, result.lengths, target, ids=result.token_ids
            )
        )
        return True

    def _note(self, steps: int) -> None:
        """The step shown, and the rates its steps took, go into the state."""
        published = self.control.latest
        if published is None or published.step != steps:
            return
        self._put(steps, tuple(published.history.learning_rate[:steps]))

    def _put(self, steps: int, rates) -> None:
        """The state at ``steps`` steps taken at ``rates``; a rate chosen for the next step
        (a change at ``steps``, not yet in ``rates``) is kept."""
        old = self.settings()
        settings = replace(old, steps=steps)
        if len(rates):
            rates = np.asarray(rates, dtype=np.float64)
            changed = np.flatnonzero(rates[1:] != rates[:-1]) + 1  # (once a frame: no loop)
            changes = tuple((int(k), float(rates[k])) for k in changed)
            settings = replace(settings, learning_rate=float(rates[0]), rate_changes=changes)
            for change in old.rate_changes:
                if change[0] == steps and change[1] != rates[-1]:
                    settings = replace(settings, rate_changes=(*changes, change))
        self._controller.put_training(settings)

    def _clear_failure(self) -> None:
        if self._failure is not None and self._controller.error is self._failure:
            self._controller.show_error(None)
        self._failure = None


def _rate_from(settings: TrainSettings, rate: float) -> TrainSettings:
    """``settings`` going on at ``rate`` from its next step: a change at its step count, or,
    untrained, the rate it starts with."""
    if not settings.steps:
        return replace(settings, learning_rate=rate, rate_changes=())
    kept = tuple(change for change in settings.rate_changes if change[0] < settings.steps)
    if (kept[-1][1] if kept else settings.learning_rate) == rate:
        return replace(settings, rate_changes=kept)
    return replace(settings, rate_changes=(*kept, (settings.steps, rate)))
