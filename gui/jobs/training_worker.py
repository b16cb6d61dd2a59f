"""Training on a thread of its own: the GUI thread never waits on it.

The worker owns the :class:`~model.training.loop.Trainer`.  While playing, a timer on the
worker's thread takes a few steps at a time (the speed), then publishes a copy of the
weights with the history so far; commands (pause, step, learning rate …) arrive between
those ticks as queued calls.  Publishing waits until the GUI has taken the previous copy, so
a slow screen never makes training queue up work.  The weights at saved steps are kept for
the timeline.

A session opened at step N retrains to N the same way, in chunks between which commands
arrive, and says how far it got (``progress``).  Every job carries a cancel flag
(:attr:`TrainJob.cancel`, a :class:`threading.Event` the GUI thread sets) that the worker
reads between steps: a job replaced, reset or ended at quit stops after the step in
progress, never later.  Every signal names its job, so the GUI drops what a replaced job
still says.
"""

from __future__ import annotations

import threading
import time
from dataclasses import dataclass, field

from PySide6.QtCore import QObject, QTimer, Signal, Slot

from model.training import settings as limits

# A tick trains for at most this long; weights are published at most this often (20
# pictures a second: smooth to the eye, and the screen's work, a few milliseconds a
# picture at the preset's size, leaves training its core).
TICK_SECONDS = 0.045
FRAME_SECONDS = 0.05
WAIT_MS = 4
RETRAIN_CHUNK_SECONDS = 0.1  # retraining says how far it got this often


def saved_steps(step: int) -> bool:
    """Whether the timeline keeps step ``step``: every 10 up to 200, every 50 to 1,000, then
    every 250 (a long run keeps its early, fast-changing steps in detail)."""
    return (step <= 200 and step % 10 == 0) or (step <= 1000 and step % 50 == 0) or step % 250 == 0


@dataclass(frozen=True)
class TrainJob:
    """What to train: the settings, the vocabulary and lengths of the user's sentences (and
    their ids, which the ``next`` task trains on)."""

    config: object
    settings: object
    vocabulary: object
    lengths: object
    target: int = 0  # steps to reach at once (a session opened at step N), 0 = none
    id: int = 0  # given by the training control; every signal about the job carries it
    ids: object = field(default=None, compare=False, repr=False)  # (B, L) for ``next``
    cancel: threading.Event = field(default_factory=threading.Event, compare=False, repr=False)
    """Set by the GUI thread: the worker stops this job after the step in progress."""


@dataclass(frozen=True)
class Published:
    """A copy of the weights at ``step``, for the pipeline to run the user's sentences on."""

    job: TrainJob
    step: int
    network: object
    history: object
    saved: tuple[int, ...]  # the steps the timeline can show
    viewing: int | None  # a saved step shown from the timeline, or None for the latest


@dataclass(frozen=True)
class Completed:
    """Where a job's trainer stands: its steps done and the rate each step was taken at."""

    job: TrainJob
    steps: int
    learning_rates: tuple[float, ...]


class TrainingWorker(QObject):
    published = Signal(object)
    """A :class:`Published` copy of the weights (latest, or a timeline step); it names its
    job (``published.job.id``)."""
    stopped = Signal(int, str)
    """Job id, and why playing or retraining ended: "converged", "target" (a session's step
    count reached), "limit" (the last step allowed) or "paused" (asked for), the weights
    where it stopped published just before; or "reset": the job was dropped."""
    failed = Signal(int, object)
    """Job id, and why its trainer could not be built or stepped (an InputError, usually)."""
    progress = Signal(int, int, int)
    """Job id, steps done and steps to reach, while a session retrains."""

    def __init__(self) -> None:
        super().__init__()
        self.taken = True  # the GUI took the last copy; written by the GUI thread
        self.ending = threading.Event()  # set by the GUI thread at quit: stop every job
        self._trainer = None
        self._job: TrainJob | None = None
        self._saved: dict[int, dict] = {}
        self._playing = False
        self._target = 0  # retraining to this step (0: not retraining)
        self._rate_after_target: float | None = None  # a rate chosen while retraining
        self._speed = 5
        self._timer: QTimer | None = None
        self._published_at = 0.0
        self._since_picture = 0  # steps trained since the last picture

    def completed(self) -> Completed | None:
        """The job's trainer as it stands; read it only while the worker's thread is not
        running (after it ended), or from that thread."""
        if self._trainer is None or self._job is None:
            return None
        rates = tuple(float(rate) for rate in self._trainer.history.learning_rate)
        return Completed(self._job, self._trainer.steps_done, rates)

    @Slot(object)
    def configure(self, job: TrainJob) -> None:
        """Start over on ``job`` (step 0), then train to its target if it has one."""
        self._halt_timer()
        self._playing, self._target, self._rate_after_target = False, 0, None
        self._job, self._trainer, self._saved = job, None, {}
        if self._called_off():
            return  # replaced before it began
        from model.training.loop import Trainer

        try:
            self._trainer = Trainer(job.config, job.vocabulary, job.lengths, job.settings, job.ids)
        except (ValueError, MemoryError) as exc:
            self.failed.emit(job.id, exc)
            return
        self._saved = {0: self._trainer.weights()}
        if job.target:
            self._target = job.target
            self.progress.emit(job.id, 0, job.target)
            self._start_timer()
        else:
            self._publish(force=True)

    @Slot()
    def forget(self) -> None:
        """Drop the trainer (training was reset): nothing trains, nothing is held.  The job
        it had ends with ``stopped(id, "reset")``."""
        self._halt_timer()
        job = self._job
        self._playing, self._target = False, 0
        self._trainer, self._job, self._saved = None, None, {}
        if job is not None:
            self.stopped.emit(job.id, "reset")

    @Slot()
    def play(self) -> None:
        """Train and publish as it goes; while retraining, play on once it is done."""
        if self._trainer is None:
            return
        self._playing = True
        self._start_timer()

    @Slot()
    def shutdown(self) -> None:
        """Stop for good; the timer goes now, on the thread that made it (Qt requires it)."""
        self._playing = False
        if self._timer is not None:
            self._timer.stop()
            self._timer = None

    @Slot()
    def pause(self) -> None:
        """Stop after the current step, and show where it stopped.  Retraining goes on
        (only playing on after it is called off)."""
        playing, self._playing = self._playing, False
        if self._target:
            return
        self._halt_timer()
        if playing and self._trainer is not None:
            self._publish(force=True)
            self.stopped.emit(self._job.id, "paused")

    @Slot()
    def step_once(self) -> None:
        """One step more: now, or, while retraining, one past the step it retrains to."""
        if self._trainer is None:
            return
        if self._target:
            self._playing = False
            self._target = min(self._target + 1, limits.MAX_STEPS)
            return
        self.pause()
        if self._trainer.steps_done >= limits.MAX_STEPS:
            self.stopped.emit(self._job.id, "limit")
            return
        self._train(1, deadline=None)
        self._publish(force=True)

    @Slot(float)
    def set_learning_rate(self, rate: float) -> None:
        """Take the next steps at ``rate``; while retraining, the steps after its target."""
        if self._target:
            self._rate_after_target = rate
        elif self._trainer is not None:
            self._trainer.set_learning_rate(rate)

    @Slot(int)
    def set_speed(self, steps: int) -> None:
        self._speed = max(1, steps)

    @Slot(int)
    def view_step(self, step: int) -> None:
        """Publish the weights of a saved step (the timeline); training stays where it was."""
        if self._trainer is None or self._target or step not in self._saved:
            return
        self.pause()
        network = self._trainer.network_copy()
        network.load_state_dict(self._saved[step])
        history = self._trainer.history.until(step)
        self.taken = False
        self.published.emit(Published(self._job, step, network, history, self._saved_steps(), step))

    @Slot()
    def republish(self) -> None:
        """Publish the latest weights again (the GUI went back from the timeline)."""
        if not self._target:
            self._publish(force=True)

    def _tick(self) -> None:
        """Retrain a chunk, or train up to ``speed`` steps and then wait for the next
        picture before training more: the speed is steps per picture, whatever the screen's
        pace."""
        if self._trainer is None or self._called_off():
            self._halt_timer()
            return
        if self._target:
            self._retrain_chunk()
        elif self._playing:
            self._play_tick()
        else:
            self._halt_timer()

    def _retrain_chunk(self) -> None:
        trainer, job = self._trainer, self._job
        self._train(self._target - trainer.steps_done, time.perf_counter() + RETRAIN_CHUNK_SECONDS)
        if self._trainer is None or self._called_off():
            return  # failed, or called off: the next tick stops the timer
        if trainer.steps_done < self._target:
            self.progress.emit(job.id, trainer.steps_done, self._target)
            return
        self._target = 0
        if self._rate_after_target is not None:
            trainer.set_learning_rate(self._rate_after_target)
            self._rate_after_target = None
        self._publish(force=True)
        if not self._playing:
            self._halt_timer()
            self.stopped.emit(job.id, "target")

    def _play_tick(self) -> None:
        from model.training.rules import converged

        trainer = self._trainer
        if self._since_picture < self._speed:
            done = trainer.steps_done
            steps = min(self._speed - self._since_picture, limits.MAX_STEPS - done)
            self._train(steps, time.perf_counter() + TICK_SECONDS)
            if self._trainer is None or self._called_off():
                return
            self._since_picture += trainer.steps_done - done
            if converged(trainer.history, task=trainer.settings.task):
                self._halt("converged")
                return
        if trainer.steps_done >= limits.MAX_STEPS:
            self._halt("limit")
            return
        if self._ready():
            self._publish(force=True)
        # Waiting for the screen: look again in a few milliseconds rather than spin.
        self._timer.setInterval(0 if self._since_picture < self._speed else WAIT_MS)

    def _halt(self, why: str) -> None:
        """Stop playing, publish where it stopped, then say why."""
        self._playing = False
        self._halt_timer()
        self._publish(force=True)
        self.stopped.emit(self._job.id, why)

    def _train(self, steps: int, deadline: float | None) -> None:
        trainer = self._trainer
        try:
            for _ in range(steps):
                if self._called_off():
                    break
                trainer.step()
                if saved_steps(trainer.steps_done):
                    self._saved[trainer.steps_done] = trainer.weights()
                if deadline is not None and time.perf_counter() > deadline:
                    break
        except (ValueError, RuntimeError, MemoryError) as exc:
            # A step that failed half-way leaves weights no replay gives: training ends.
            job = self._job
            self.forget()
            self.failed.emit(job.id, exc)

    def _called_off(self) -> bool:
        return self._job.cancel.is_set() or self.ending.is_set()

    def _start_timer(self) -> None:
        if self._timer is None:  # made here, on the worker's own thread
            self._timer = QTimer()
            self._timer.setInterval(0)
            self._timer.timeout.connect(self._tick)
        self._timer.setInterval(0)
        self._timer.start()

    def _halt_timer(self) -> None:
        if self._timer is not None:
            self._timer.stop()

    def _ready(self) -> bool:
        """The screen took the last picture, and a frame's time has passed since."""
        return self.taken and time.perf_counter() - self._published_at >= FRAME_SECONDS

    def _publish(self, force: bool) -> None:
        if self._trainer is None or not (force or self._ready()):
            return
        self._published_at = time.perf_counter()
        self._since_picture = 0
        self.taken = False
        trainer = self._trainer
        self.published.emit(
            Published(
                self._job,
                trainer.steps_done,
                trainer.network_copy(),
                trainer.history,
                self._saved_steps(),
                None,
            )
        )

    def _saved_steps(self) -> tuple[int, ...]:
        return tuple(sorted(self._saved))
