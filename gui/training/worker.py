"""Training on a thread of its own: the GUI thread never waits on it.

The worker owns the :class:`~model.training.loop.Trainer`.  While playing, a timer on the
worker's thread takes a few steps at a time (the speed), then publishes a copy of the
weights with the history so far; commands (pause, step, learning rate …) arrive between
those ticks as queued calls.  Publishing waits until the GUI has taken the previous copy, so
a slow screen never makes training queue up work.  The weights at saved steps are kept for
the timeline.
"""

from __future__ import annotations

import time
from dataclasses import dataclass

from PySide6.QtCore import QObject, QTimer, Signal, Slot

# A tick trains for at most this long; weights are published at most this often (20
# pictures a second: smooth to the eye, and the screen's work, a few milliseconds a
# picture at the preset's size, leaves training its core).
TICK_SECONDS = 0.045
FRAME_SECONDS = 0.05
WAIT_MS = 4


def saved_steps(step: int) -> bool:
    """Whether the timeline keeps step ``step``: every 10 up to 200, every 50 to 1,000, then
    every 250 (a long run keeps its early, fast-changing steps in detail)."""
    return (step <= 200 and step % 10 == 0) or (step <= 1000 and step % 50 == 0) or step % 250 == 0


@dataclass(frozen=True)
class TrainJob:
    """What to train: the settings, the vocabulary and lengths of the user's sentences."""

    config: object
    settings: object
    vocabulary: object
    lengths: object
    target: int = 0  # steps to reach at once (a session opened at step N), 0 = none


@dataclass(frozen=True)
class Published:
    """A copy of the weights at ``step``, for the pipeline to run the user's sentences on."""

    job: TrainJob
    step: int
    network: object
    history: object
    saved: tuple[int, ...]  # the steps the timeline can show
    viewing: int | None  # a saved step shown from the timeline, or None for the latest


class TrainingWorker(QObject):
    published = Signal(object)
    """A :class:`Published` copy of the weights (latest, or a timeline step)."""
    stopped = Signal(str)
    """Playing ended: "converged", "target" (a session's step count reached) or "paused"
    (asked for; the weights where it stopped were published just before)."""
    failed = Signal(object)
    """The trainer could not be built or stepped (an InputError, usually)."""

    def __init__(self) -> None:
        super().__init__()
        self.taken = True  # the GUI took the last copy; written by the GUI thread
        self._trainer = None
        self._job: TrainJob | None = None
        self._saved: dict[int, dict] = {}
        self._playing = False
        self._speed = 5
        self._timer: QTimer | None = None
        self._published_at = 0.0
        self._since_picture = 0  # steps trained since the last picture

    @Slot(object)
    def configure(self, job: TrainJob) -> None:
        """Start over on ``job`` (step 0), then train to its target if it has one."""
        from model.training.loop import Trainer

        self._playing = False
        self._job = job
        try:
            self._trainer = Trainer(job.config, job.vocabulary, job.lengths, job.settings)
        except ValueError as exc:
            self._trainer = None
            self.failed.emit(exc)
            return
        self._saved = {0: self._trainer.network_copy().state_dict()}
        if job.target:
            self._train(job.target, deadline=None)
            self.stopped.emit("target")
        self._publish(force=True)

    @Slot()
    def play(self) -> None:
        if self._trainer is None:
            return
        self._playing = True
        if self._timer is None:  # made here, on the worker's own thread
            self._timer = QTimer()
            self._timer.setInterval(0)
            self._timer.timeout.connect(self._tick)
        self._timer.start()

    @Slot()
    def shutdown(self) -> None:
        """Stop for good; the timer goes now, on the thread that made it (Qt requires it)."""
        self._playing = False
        if self._timer is not None:
            self._timer.stop()
            self._timer = None

    @Slot()
    def pause(self) -> None:
        """Stop after the current step, and show where it stopped."""
        playing, self._playing = self._playing, False
        if self._timer is not None:
            self._timer.stop()
        if playing:
            self._publish(force=True)
            self.stopped.emit("paused")

    @Slot()
    def step_once(self) -> None:
        if self._trainer is not None:
            self.pause()
            self._train(1, deadline=None)
            self._publish(force=True)

    @Slot(float)
    def set_learning_rate(self, rate: float) -> None:
        if self._trainer is not None:
            self._trainer.set_learning_rate(rate)

    @Slot(int)
    def set_speed(self, steps: int) -> None:
        self._speed = max(1, steps)

    @Slot(int)
    def view_step(self, step: int) -> None:
        """Publish the weights of a saved step (the timeline); training stays where it was."""
        if self._trainer is None or step not in self._saved:
            return
        self.pause()
        network = self._trainer.network_copy()
        network.load_state_dict(self._saved[step])
        history = self._trainer.history
        self.taken = False
        self.published.emit(
            Published(self._job, step, network, _cut(history, step), self._saved_steps(), step)
        )

    @Slot()
    def republish(self) -> None:
        """Publish the latest weights again (the GUI went back from the timeline)."""
        self._publish(force=True)

    def _tick(self) -> None:
        """Train up to ``speed`` steps, then wait for the next picture before training more:
        the speed is steps per picture, whatever the screen's pace."""
        if not self._playing or self._trainer is None:
            return
        from model.training.rules import converged

        if self._since_picture < self._speed:
            done = self._trainer.steps_done
            self._train(self._speed - self._since_picture, time.perf_counter() + TICK_SECONDS)
            self._since_picture += self._trainer.steps_done - done
            if converged(self._trainer.history):
                self.pause()
                self.stopped.emit("converged")
                return
        if self._ready():
            self._publish(force=True)
        # Waiting for the screen: look again in a few milliseconds rather than spin.
        self._timer.setInterval(0 if self._since_picture < self._speed else WAIT_MS)

    def _train(self, steps: int, deadline: float | None) -> None:
        trainer = self._trainer
        try:
            for _ in range(steps):
                trainer.step()
                if saved_steps(trainer.steps_done):
                    self._saved[trainer.steps_done] = _state(trainer.network)
                if deadline is not None and time.perf_counter() > deadline:
                    break
        except (ValueError, RuntimeError, MemoryError) as exc:
            self.pause()
            self.failed.emit(exc)

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


def _state(network) -> dict:
    return {name: value.detach().clone() for name, value in network.state_dict().items()}


def _cut(history, step: int):
    """The history up to ``step``."""
    from dataclasses import fields, replace

    return replace(history, **{f.name: getattr(history, f.name)[:step] for f in fields(history)})
