"""Training at its edges, seen from the window: the last step, the rates a reset forgets, an
error that says which task fits, and news that comes after the window is gone.

Every wait is for an event (a signal, a step reached), never for a length of time.
"""

import numpy as np

from conftest import NOTEBOOK_SENTENCES, WAIT_MS, trained_to, wait_for_result
from model.config import ModelConfig
from model.errors import Notice, describe
from model.training.settings import TrainSettings

PRESET = ModelConfig(embedding_size=16, hidden_size=32)


# --- findings 6, 9 and 10 --------------------------------------------------------------------


def test_stepping_past_the_last_step_is_refused_and_the_window_and_session_agree(
    qtbot, open_window, monkeypatch
):
    from gui.jobs import pipeline as jobs
    from model.training import settings

    monkeypatch.setattr(settings, "MAX_STEPS", 8)  # 100,000 in the app
    monkeypatch.setattr(jobs, "warm_up_training", lambda: None)  # its settings say 500 steps
    window = open_window(config=PRESET)
    controller = window.controller
    trained_to(qtbot, controller, 6)
    notices = []
    controller.notice.connect(notices.append)
    for _ in range(4):
        controller.step_training()
    qtbot.waitUntil(lambda: len(notices) == 2, timeout=WAIT_MS)
    qtbot.waitUntil(lambda: not controller.is_busy, timeout=WAIT_MS)
    assert controller.training.step == controller.result.training.steps == 8
    assert controller.session().training.steps == 8
    assert "step 8" in window.training.status.text()
    assert notices == [Notice("training_step_limit", limit=8)] * 2
    assert "stops at step 8, the last one allowed" in window.statusBar().currentMessage()
    assert "8" in describe(notices[0], "pt") and "{" not in describe(notices[0], "pt")


def test_play_stops_at_the_last_step(qtbot, make_controller, monkeypatch):
    from gui.jobs import pipeline as jobs
    from model.training import settings

    monkeypatch.setattr(settings, "MAX_STEPS", 30)
    monkeypatch.setattr(jobs, "warm_up_training", lambda: None)  # its settings say 500 steps
    controller = make_controller(NOTEBOOK_SENTENCES, PRESET)
    wait_for_result(qtbot, controller, controller.start)
    notices = []
    controller.notice.connect(notices.append)
    controller.toggle_training()
    qtbot.waitUntil(lambda: controller.training.status == "paused", timeout=WAIT_MS)
    qtbot.waitUntil(
        lambda: controller.result.training.steps == 30 and not controller.is_busy, timeout=WAIT_MS
    )
    assert controller.training.step == controller.session().training.steps == 30
    assert notices == [Notice("training_step_limit", limit=30)]


def test_reset_and_a_new_task_forget_the_changes_of_rate(qtbot, make_controller):
    controller = make_controller(NOTEBOOK_SENTENCES, PRESET)
    wait_for_result(qtbot, controller, controller.start)
    controller.set_train_settings(learning_rate=0.01)
    trained_to(qtbot, controller, 1)
    controller.set_train_settings(learning_rate=0.1)
    trained_to(qtbot, controller, 2)
    assert controller.session().training.rate_changes == ((1, 0.1),)
    controller.reset_training()
    controller.set_train_settings(learning_rate=0.001)
    trained_to(qtbot, controller, 5)
    np.testing.assert_array_equal(controller.training.latest.history.learning_rate, [0.001] * 5)
    assert controller.session().training == TrainSettings(steps=5, learning_rate=0.001)
    controller.set_train_settings(learning_rate=0.03)
    trained_to(qtbot, controller, 6)
    assert controller.session().training.rate_changes == ((5, 0.03),)
    controller.set_train_settings(task="copy")
    assert controller.session().training == TrainSettings("copy", steps=0, learning_rate=0.03)
    trained_to(qtbot, controller, 2)
    np.testing.assert_array_equal(controller.training.latest.history.learning_rate, [0.03] * 2)


def test_a_training_error_goes_with_a_task_that_fits(qtbot, open_window):
    window = open_window("hello", PRESET)
    controller = window.controller
    controller.toggle_training()  # "previous" needs 2 words
    qtbot.waitUntil(lambda: controller.error is not None, timeout=WAIT_MS)
    assert "needs a sentence of at least 2 words" in str(controller.error)
    window.training.task_chosen.emit("copy")
    assert controller.error is None
    controller.toggle_training()
    qtbot.waitUntil(
        lambda: controller.result.training is not None and controller.result.training.steps > 0,
        timeout=WAIT_MS,
    )
    controller.toggle_training()
    assert controller.error is None


# --- the binding outlives nothing ------------------------------------------------------------


def test_training_news_after_the_window_is_gone_reaches_nothing_deleted(qtbot, make_controller):
    from PySide6.QtCore import QCoreApplication, QEvent

    from gui.window.main_window import MainWindow

    controller = make_controller(NOTEBOOK_SENTENCES, PRESET)
    window = MainWindow(controller)
    window.show()
    wait_for_result(qtbot, controller, controller.start)
    window.close()
    window.deleteLater()
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    with qtbot.captureExceptions() as exceptions:
        controller.training.status_changed.emit("paused")
        controller.training.progress_changed.emit()
        trained_to(qtbot, controller, 2)
    assert exceptions == []
