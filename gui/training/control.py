"""The GUI thread's side of training: commands to the worker, its latest weights, its status.

The pipeline shows trained weights through :func:`trained_result`: when the text still fits
the training (same settings, vocabulary and longest sentence), the user's sentences run on
the latest published copy; when it no longer fits, the result is untrained and the
controller resets training with a notice.
"""

from __future__ import annotations

import numpy as np
from PySide6.QtCore import QMetaObject, QObject, Qt, QThread, Signal

from gui.training.worker import Published, TrainingWorker, TrainJob

PLAYING, PAUSED, UNTRAINED = "playing", "paused", "untrained"


def fits(job: TrainJob | None, config, vocabulary, length: int) -> bool:
    """Whether a training job's weights apply to sentences with this vocabulary and length."""
    if job is None:
        return False
    return (
        job.config == config
        and job.vocabulary.tokens == vocabulary.tokens
        and int(np.max(job.lengths)) == length
    )


def trained_result(run_pipeline, text: str, config, published: Published | None, cancelled):
    """The user's sentences on the published weights when they fit, else untrained."""
    from model.config import check_input_size
    from model.pipeline import run_network
    from model.stages import TrainingRecord
    from model.tokenizer import encode, split_sentences
    from model.training import tasks

    sentences = split_sentences(text)
    check_input_size(len(sentences), max(map(len, sentences)), config)
    vocabulary, ids = encode(sentences)
    job = published.job if published is not None else None
    if not fits(job, config, vocabulary, ids.shape[1]):
        return run_pipeline(text, config, cancelled=cancelled)
    history = published.history
    lengths = np.fromiter(map(len, sentences), dtype=np.int64, count=len(sentences))
    ranks = tasks.alphabetical_ranks(vocabulary.tokens)
    keys = tasks.expected_keys(job.settings.task, ids, lengths, ranks, config.causal)
    record = TrainingRecord(
        job.settings.task,
        published.step,
        float(history.learning_rate[-1])
        if len(history.learning_rate)
        else job.settings.learning_rate,
        history.loss,
        history.accuracy,
        history.expected_weight,
        keys,
    )
    return run_network(published.network, sentences, vocabulary, ids, cancelled, record)


class TrainingControl(QObject):
    """Starts, plays, pauses and steps training on its worker thread."""

    published = Signal(object)
    """New weights to show (a :class:`Published`)."""
    status_changed = Signal(str)
    """``untrained``, ``playing`` or ``paused``."""
    stopped = Signal(str)
    """Playing ended by itself: ``converged`` or ``target``."""
    failed = Signal(object)

    # Commands, queued to the worker's thread (they run between its ticks).
    _configure = Signal(object)
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
        self.status = UNTRAINED
        self.settled = True  # the worker has stopped and published where it stopped
        self._thread = QThread()
        self._thread.setObjectName("training")
        self._worker = TrainingWorker()
        self._worker.moveToThread(self._thread)
        self._worker.published.connect(self._on_published)
        self._worker.stopped.connect(self._on_stopped)
        self._worker.failed.connect(self._on_failed)
        worker = self._worker
        for command, slot in (
            (self._configure, worker.configure),
            (self._play, worker.play),
            (self._pause, worker.pause),
            (self._step, worker.step_once),
            (self._rate, worker.set_learning_rate),
            (self._speed, worker.set_speed),
            (self._view, worker.view_step),
            (self._republish, worker.republish),
        ):
            command.connect(slot)
        self._thread.start()

    @property
    def job(self) -> TrainJob | None:
        """The job started last (its first weights may not have arrived yet)."""
        return self._job

    @property
    def step(self) -> int:
        return self.latest.step if self.latest is not None else 0

    @property
    def active(self) -> bool:
        """Weights that differ from the untrained ones are (or were being) shown."""
        return self.latest is not None and (self.step > 0 or self.status == PLAYING)

    def start(self, job: TrainJob) -> None:
        """Training on ``job`` from step 0 (to ``job.target`` at once, if set)."""
        self.latest, self._job = None, job
        self._configure.emit(job)

    def play(self) -> None:
        self.settled = False
        self._set_status(PLAYING)
        self._play.emit()

    def pause(self) -> None:
        self._pause.emit()
        self._set_status(PAUSED if self.latest is not None else UNTRAINED)

    def step_once(self) -> None:
        self._set_status(PAUSED)
        self._step.emit()

    def reset(self) -> None:
        self._pause.emit()
        self.latest = self._job = None
        self._set_status(UNTRAINED)

    def set_learning_rate(self, rate: float) -> None:
        self._rate.emit(float(rate))

    def set_speed(self, steps: int) -> None:
        self._speed.emit(int(steps))

    def view_step(self, step: int) -> None:
        self._set_status(PAUSED)
        self._view.emit(int(step))

    def latest_step(self) -> None:
        self._republish.emit()

    def taken(self) -> None:
        """The GUI has shown the last weights: the worker may publish the next ones."""
        self._worker.taken = True

    def stop(self) -> None:
        if not self._thread.isRunning():
            return  # stopped already: a blocking call would wait forever
        QMetaObject.invokeMethod(
            self._worker, "shutdown", Qt.ConnectionType.BlockingQueuedConnection
        )
        self._thread.quit()
        self._thread.wait()

    def _on_published(self, published: Published) -> None:
        if published.job is not self._job:
            return  # from a job since replaced or reset: never shown
        self.latest = published
        self.published.emit(published)

    def _on_stopped(self, why: str) -> None:
        self.settled = True
        self._set_status(PAUSED)
        self.stopped.emit(why)

    def _on_failed(self, error) -> None:
        self._set_status(PAUSED if self.latest is not None else UNTRAINED)
        self.failed.emit(error)

    def _set_status(self, status: str) -> None:
        if status != self.status:
            self.status = status
            self.status_changed.emit(status)
