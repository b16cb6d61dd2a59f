"""The GUI thread's side of training: commands to the worker, its latest weights, its status.

The pipeline shows trained weights through :func:`model.training.applied.trained_result`:
when the text still fits the training, the user's sentences run on the latest published
copy; when it no longer fits, the result is untrained and the controller resets training
with a notice.
"""

from __future__ import annotations

from dataclasses import replace
from functools import partial

from PySide6.QtCore import QObject, Qt, QThread, Signal

from gui import disposal
from gui.jobs.training_worker import Completed, Published, TrainingWorker, TrainJob
from model.training.applied import fits  # noqa: F401 (the course asks it too)

PLAYING, PAUSED, UNTRAINED = "playing", "paused", "untrained"


class TrainingControl(QObject):
    """Starts, plays, pauses and steps training on its worker thread.

    The thread starts with the first job and is owned by this object; :meth:`stop` (or this
    object's end) calls the job off and ends the thread, waiting at most for the step in
    progress.  What the worker says about a job other than the current one is dropped.
    """

    published = Signal(object)
    """New weights to show (a :class:`Published`)."""
    status_changed = Signal(str)
    """``untrained``, ``playing`` or ``paused``."""
    stopped = Signal(str)
    """Playing ended by itself: ``converged``, ``target`` or ``limit``."""
    failed = Signal(object)
    progress_changed = Signal()
    """Retraining went on (see :attr:`retraining`), began or ended."""

    # Commands, queued to the worker's thread (they run between its ticks).
    _configure = Signal(object)
    _forget = Signal()
    _play = Signal()
    _pause = Signal()
    _step = Signal()
    _rate = Signal(float)
    _speed = Signal(int)
    _view = Signal(int)
    _republish = Signal()

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.latest: Published | None = None
        self._job: TrainJob | None = None
        self._jobs = 0  # jobs started so far: the next one's id
        self.status = UNTRAINED
        self.settled = True  # the worker has stopped and published where it stopped
        self.retraining: tuple[int, int] | None = None
        """While a session retrains: (steps done, steps to reach); else None."""
        self._thread = QThread(self)
        self._thread.setObjectName("training")
        self.worker = TrainingWorker()
        self.worker.moveToThread(self._thread)
        worker = self.worker
        worker.published.connect(self._on_published)
        worker.stopped.connect(self._on_stopped)
        worker.failed.connect(self._on_failed)
        worker.progress.connect(self._on_progress)
        # The timer goes with the thread, on the thread (called there, just before it ends).
        self._thread.finished.connect(worker.shutdown, Qt.ConnectionType.DirectConnection)
        for command, slot in (
            (self._configure, worker.configure),
            (self._forget, worker.forget),
            (self._play, worker.play),
            (self._pause, worker.pause),
            (self._step, worker.step_once),
            (self._rate, worker.set_learning_rate),
            (self._speed, worker.set_speed),
            (self._view, worker.view_step),
            (self._republish, worker.republish),
        ):
            command.connect(slot)
        # Dropped without stop() (its controller never shut down), this object takes its
        # thread with it, and Qt aborts the process when a running thread is deleted: end
        # the thread first.  (``destroyed`` comes before the children are deleted.)
        self.destroyed.connect(partial(_end, self._thread, worker))

    @property
    def job(self) -> TrainJob | None:
        """The job started last (its first weights may not have arrived yet)."""
        return self._job

    @property
    def step(self) -> int:
        return self.latest.step if self.latest is not None else 0

    @property
    def active(self) -> bool:
        """Weights that differ from the untrained ones are (or are being) made: shown,
        playing, or a session retraining."""
        if self.retraining is not None:
            return True
        return self.latest is not None and (self.step > 0 or self.status == PLAYING)

    @property
    def running(self) -> bool:
        """The worker's thread is running (from the first job until :meth:`stop`)."""
        return self._thread.isRunning()

    def start(self, job: TrainJob) -> TrainJob:
        """Training on ``job`` from step 0 (to ``job.target`` at once, if set); returns
        the job as started, with its id."""
        self._call_off()
        self._jobs += 1
        job = replace(job, id=self._jobs)
        self.latest, self._job = None, job
        if not self._thread.isRunning():
            self._thread.start()  # the first job starts the thread
        self._set_retraining((0, job.target) if job.target else None)
        self._configure.emit(job)
        return job

    def play(self) -> None:
        if self._job is None:
            return
        self.settled = False
        self._set_status(PLAYING)
        self._play.emit()

    def pause(self) -> None:
        self._pause.emit()
        self._set_status(PAUSED if self.latest is not None else UNTRAINED)

    def step_once(self) -> None:
        if self._job is None:
            return
        self._set_status(PAUSED if self.latest is not None else UNTRAINED)
        self._step.emit()

    def reset(self) -> None:
        """Back to no training: the job is called off and nothing it says is taken."""
        self._call_off()
        self._forget.emit()
        self.latest = self._job = None
        self.settled = True
        self._set_retraining(None)
        self._set_status(UNTRAINED)

    def set_learning_rate(self, rate: float) -> None:
        self._rate.emit(float(rate))

    def set_speed(self, steps: int) -> None:
        self._speed.emit(int(steps))

    def view_step(self, step: int) -> None:
        if self.retraining is not None:
            return
        self._set_status(PAUSED)
        self._view.emit(int(step))

    def latest_step(self) -> None:
        self._republish.emit()

    def taken(self) -> None:
        """The GUI has shown the last weights: the worker may publish the next ones."""
        self.worker.taken = True

    def stop(self) -> Completed | None:
        """Call the job off, end the thread (waiting at most for the step in progress), and
        return where the current job's trainer stopped, or None (no job, or none built).
        Safe to call twice."""
        _end(self._thread, self.worker)
        completed = self.worker.completed()
        if completed is None or self._job is None or completed.job.id != self._job.id:
            return None
        return completed

    def _call_off(self) -> None:
        if self._job is not None:
            self._job.cancel.set()

    def _current(self, job_id: int) -> bool:
        return self._job is not None and job_id == self._job.id

    def _on_published(self, published: Published) -> None:
        if not self._current(published.job.id):
            return  # from a job since replaced or reset: never shown
        # The weights before go on a later turn (freeing a network took a millisecond of
        # the frame that shows the next one).
        disposal.release(self.latest)
        self.latest = published
        if self.retraining is not None and published.viewing is None:
            self._set_retraining(None)  # retrained: these are the weights at its step
        self.published.emit(published)

    def _on_stopped(self, job_id: int, why: str) -> None:
        if not self._current(job_id):
            return
        self.settled = True
        self._set_status(PAUSED if self.latest is not None else UNTRAINED)
        self.stopped.emit(why)

    def _on_failed(self, job_id: int, error) -> None:
        if not self._current(job_id):
            return
        self.latest = self._job = None  # the worker dropped the job's trainer
        self.settled = True
        self._set_retraining(None)
        self._set_status(UNTRAINED)
        self.failed.emit(error)

    def _on_progress(self, job_id: int, done: int, target: int) -> None:
        if self._current(job_id) and self.retraining is not None:
            self._set_retraining((done, target))

    def _set_retraining(self, retraining: tuple[int, int] | None) -> None:
        if retraining != self.retraining:
            self.retraining = retraining
            self.progress_changed.emit()

    def _set_status(self, status: str) -> None:
        if status != self.status:
            self.status = status
            self.status_changed.emit(status)


def _end(thread: QThread, worker: TrainingWorker, *_destroyed) -> None:
    """End the thread: the worker stops after the step in progress."""
    worker.ending.set()
    thread.quit()
    thread.wait()
