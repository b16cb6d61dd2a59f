"""The training thread's protocol, seen from the window: stale news is dropped, retraining can
be called off, quitting keeps the last step completed, and what is saved is what is on screen.

Every wait is for an event (a signal, a step reached), never for a length of time.
"""

import json
import subprocess
import sys

import pytest
from PySide6.QtCore import QObject, Slot

from conftest import NOTEBOOK_SENTENCES, ROOT, WAIT_MS, wait_for_result
from gui import state as aspects
from model.config import ModelConfig
from model.session import Session
from model.training.settings import TrainSettings

PRESET = ModelConfig(embedding_size=16, hidden_size=32)
BIG = TrainSettings(task="previous", steps=100_000, learning_rate=0.01)


def started(qtbot, make_controller, session: Session):
    """A controller on ``session`` (no window), once its first result is in."""
    controller = make_controller(session.text, session.config)
    controller.load_session(session)
    wait_for_result(qtbot, controller, controller.start)
    return controller


def retrained_some(qtbot, controller) -> int:
    """Wait until the session's retraining has said it did some steps; returns how many."""
    qtbot.waitUntil(
        lambda: (
            controller.training.retraining is not None and controller.training.retraining[0] > 0
        ),
        timeout=WAIT_MS,
    )
    return controller.training.retraining[0]


def recorded_steps(controller) -> list[int]:
    """The state's training step count at every announced training change, from now on."""
    steps: list[int] = []

    def on_changed(changed) -> None:
        if aspects.TRAINING in changed and controller.state.training is not None:
            steps.append(controller.state.training.steps)

    controller.changed.connect(on_changed)
    return steps


class NewsOnThisThread(QObject):
    """Receives a worker's signal on the GUI thread, queued behind earlier receivers."""

    def __init__(self) -> None:
        super().__init__()
        self.said = []

    @Slot(int, str)
    def take(self, job_id: int, why: str) -> None:
        self.said.append(why)


# --- finding: stale and out-of-order news --------------------------------------------------


def test_opening_a_session_at_step_50_never_records_a_smaller_step(qtbot, make_controller):
    controller = make_controller(NOTEBOOK_SENTENCES, PRESET)
    steps = recorded_steps(controller)
    wait_for_result(qtbot, controller, controller.start)
    controller.load_session(Session(NOTEBOOK_SENTENCES, PRESET, training=TrainSettings(steps=50)))
    qtbot.waitUntil(
        lambda: (
            controller.result.training is not None
            and controller.result.training.steps == 50
            and not controller.is_busy
        ),
        timeout=WAIT_MS,
    )
    assert steps and set(steps) == {50}  # was 0, then 50
    assert controller.session().training.steps == 50


def test_reset_while_playing_stays_untrained(qtbot, make_controller):
    controller = make_controller(NOTEBOOK_SENTENCES, PRESET)
    wait_for_result(qtbot, controller, controller.start)
    training = controller.training
    training.set_speed(1)
    controller.toggle_training()
    qtbot.waitUntil(lambda: training.step >= 3, timeout=WAIT_MS)
    # The worker tells of the reset job after the reset: wait for that news (received on
    # this thread, after the training control has had it).
    news = NewsOnThisThread()
    training.worker.stopped.connect(news.take)
    controller.reset_training()
    qtbot.waitUntil(lambda: bool(news.said), timeout=WAIT_MS)
    qtbot.waitUntil(lambda: not controller.is_busy, timeout=WAIT_MS)
    assert (training.status, training.latest) == ("untrained", None)  # was "paused"
    assert controller.result.training is None
    assert controller.session().training.steps == 0


# --- finding 5 and quitting: retraining in chunks, called off -------------------------------


def test_quitting_during_a_100000_step_retrain_keeps_the_last_step_completed(
    qtbot, make_controller
):
    controller = started(qtbot, make_controller, Session(NOTEBOOK_SENTENCES, PRESET, training=BIG))
    said = retrained_some(qtbot, controller)  # retraining has started and said so
    controller.shutdown()  # returns once the step in progress is done
    assert not controller.training.running
    completed = controller.training.worker.completed()
    assert said <= completed.steps < 100_000
    assert controller.session().training.steps == completed.steps
    # And the state says exactly what the steps were: opening it replays the same run.
    assert controller.session().training == TrainSettings(steps=completed.steps)


def test_run_app_saves_after_training_stops(qtbot, monkeypatch, qapp):
    """Quitting the app during a long retrain: the autosave holds the last step completed
    (it was closed before training stopped, and so never had it)."""
    from gui.window import autosave
    from gui.window import launch as app_module

    opened = []
    open_window = app_module.open_window

    def recording(session, result=None, remember=True):
        controller, window = open_window(session, result, remember)
        opened.append(controller)

        def close_once_retraining() -> None:
            retraining = controller.training.retraining
            if retraining is not None and retraining[0] > 0:
                controller.training.progress_changed.disconnect(close_once_retraining)
                window.close()

        controller.training.progress_changed.connect(close_once_retraining)
        return controller, window

    monkeypatch.setattr(app_module, "open_window", recording)
    session = Session(NOTEBOOK_SENTENCES, PRESET, training=BIG)
    assert app_module.run_app(session, "en", restore=False) == 0
    completed = opened[0].training.worker.completed().steps
    assert 0 < completed < 100_000
    saved, _set_aside = autosave.store().newest()
    assert saved.session.training.steps == completed


def test_the_panel_tells_of_the_retraining_and_a_new_word_ends_it(qtbot, open_window):
    window = open_window(config=PRESET)
    controller = window.controller
    controller.load_session(Session(NOTEBOOK_SENTENCES, PRESET, training=BIG))
    retrained_some(qtbot, controller)
    qtbot.waitUntil(lambda: "Retraining to step 100000" in window.training.status.text())
    assert "Untrained" not in window.training.status.text()
    wait_for_result(
        qtbot, controller, lambda: window.editor.setPlainText(NOTEBOOK_SENTENCES + " cenouras")
    )
    qtbot.waitUntil(lambda: controller.training.retraining is None, timeout=WAIT_MS)
    assert controller.session().training.steps == 0  # was 100000: the next launch hung
    assert controller.training.status == "untrained" and controller.training.job is None
    assert "starts again" in window.statusBar().currentMessage()
    assert window.training.status.text().startswith("Untrained")


def test_play_while_retraining_plays_on_from_the_session_step(qtbot, make_controller):
    settings = TrainSettings(steps=3000)
    controller = started(
        qtbot, make_controller, Session(NOTEBOOK_SENTENCES, PRESET, training=settings)
    )
    retrained_some(qtbot, controller)
    controller.toggle_training()
    assert controller.training.status == "playing"
    qtbot.waitUntil(
        lambda: controller.result.training is not None and controller.result.training.steps > 3000,
        timeout=WAIT_MS,
    )
    assert controller.training.retraining is None
    controller.toggle_training()
    qtbot.waitUntil(lambda: controller.training.settled, timeout=WAIT_MS)


DROPPED = """
import gc
from PySide6.QtCore import QCoreApplication
from gui.controller import Controller
from gui import state as aspects
from model.config import ModelConfig
from model.session import Session
from model.training.settings import TrainSettings

app = QCoreApplication([])
config = ModelConfig(embedding_size=16, hidden_size=32)
playing = Controller(Session("o gato dorme\\nele come", config))
def on_changed(changed):
    if aspects.RESULT in changed and playing.training.step == 0:
        playing.toggle_training()
    elif aspects.RESULT in changed and playing.training.step >= 3:
        app.quit()
playing.changed.connect(on_changed)
playing.start()
app.exec()  # training plays on its thread
del playing  # never shut down
gc.collect()
print("dropped while playing", flush=True)
retraining = Controller(Session("o gato dorme", config, training=TrainSettings(steps=100000)))
retraining.training.progress_changed.connect(app.quit)
retraining.start()
app.exec()  # retraining has started
del retraining
gc.collect()
print("dropped while retraining", flush=True)
"""


@pytest.mark.subprocess
def test_a_controller_dropped_without_shutdown_ends_its_threads_instead_of_aborting():
    done = subprocess.run(
        [sys.executable, "-c", DROPPED], cwd=ROOT, capture_output=True, text=True, timeout=300
    )
    said = done.stdout.split("\n")
    assert done.returncode == 0, done.stderr
    assert said[:2] == ["dropped while playing", "dropped while retraining"], done.stderr


# --- finding 1: what is saved is what is on screen ------------------------------------------


def test_while_playing_the_session_and_the_notebook_have_the_steps_on_screen(
    qtbot, open_window, tmp_path, monkeypatch
):
    from PySide6.QtWidgets import QFileDialog

    window = open_window(config=PRESET)
    controller = window.controller
    controller.training.set_speed(1)
    steps = recorded_steps(controller)
    controller.toggle_training()
    qtbot.waitUntil(lambda: len(steps) >= 5, timeout=WAIT_MS)
    assert controller.training.status == "playing"  # followed while playing, not at a pause
    assert steps == sorted(steps) and steps[-1] > 0
    path = tmp_path / "aula.ipynb"
    monkeypatch.setattr(
        QFileDialog, "getSaveFileName", staticmethod(lambda *a, **k: (str(path), ""))
    )
    with qtbot.waitSignal(controller.changed, timeout=WAIT_MS, check_params_cb=_a_result):
        pass
    shown = controller.result.training.steps
    assert controller.session().training.steps == shown  # Ctrl+S saves this
    window.file_actions.export_notebook.trigger()
    qtbot.waitUntil(path.exists, timeout=WAIT_MS)
    code = "".join(
        "".join(cell["source"]) for cell in json.loads(path.read_text(encoding="utf-8"))["cells"]
    )
    assert f"seed, steps, learning_rate, batch_size = 0, {shown}, " in code  # was 0


def test_while_playing_the_autosave_follows_and_quitting_keeps_the_last_step(
    qtbot, open_window, tmp_path
):
    """A kill -9 while playing loses at most the autosave's delay (the file had step 0
    until a pause); quitting keeps the step the worker completed last."""
    from gui.window.autosave import Autosaver
    from model.recovery import RecoveryStore

    window = open_window(config=PRESET)
    controller = window.controller
    store = RecoveryStore(tmp_path / "autosave")
    saver = Autosaver(controller, store.slot(), window)
    controller.training.set_speed(1)
    controller.toggle_training()

    def saved_steps() -> int:
        found, _set_aside = store.newest()
        return found.session.training.steps if found is not None else 0

    qtbot.waitUntil(lambda: saved_steps() >= 5, timeout=WAIT_MS)
    assert controller.training.status == "playing"
    shown = controller.result.training.steps
    controller.shutdown()
    saver.close()
    completed = controller.training.worker.completed().steps
    assert completed >= shown and saved_steps() == completed


def _a_result(changed) -> bool:
    return aspects.RESULT in changed
