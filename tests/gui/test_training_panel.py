"""Training in the window: Play, Pause, Step, the timeline, and edits that keep or reset it."""

import threading
import time

import numpy as np
import pytest
from PySide6.QtCore import Qt, QTimer

from conftest import WAIT_MS, trained_to, wait_for_result
from model.config import ModelConfig
from model.pipeline import run_pipeline

PRESET = ModelConfig(embedding_size=16, hidden_size=32)


def reopened(qtbot, controller, session):
    """Open another session, then ``session`` again; the attention once it has retrained
    to its step count."""
    from model.session import Session

    wait_for_result(qtbot, controller, lambda: controller.load_session(Session("a b c")))
    controller.load_session(session)
    steps = session.training.steps
    qtbot.waitUntil(
        lambda: (
            controller.result.training is not None and controller.result.training.steps == steps
        ),
        timeout=WAIT_MS,
    )
    return controller.result.attention


def test_step_trains_and_every_view_shows_the_latest_step(qtbot, open_window):
    window = open_window(config=PRESET)
    controller = window.controller
    untrained = controller.result.attention.copy()
    trained_to(qtbot, controller, 3)
    result = controller.result
    assert not np.allclose(result.attention, untrained)
    np.testing.assert_array_equal(window.heatmap.description.panels[0].values, result.attention[0])
    assert "step 3" in window.training.status.text()
    expected = window.heatmap.description.panels[0].expected
    np.testing.assert_array_equal(expected, result.training.expected_keys[0])
    assert expected[0] == -1 and list(expected[1:4]) == [0, 1, 2]  # "previous": key i − 1


def test_play_runs_off_the_gui_thread_and_pause_stops_it(qtbot, open_window, monkeypatch):
    from model.training.loop import Trainer

    window = open_window(config=PRESET)
    controller = window.controller
    controller.training.set_speed(1)  # one step a picture: a second or two of training
    stepped_on = set()
    step = Trainer.step
    monkeypatch.setattr(
        Trainer, "step", lambda self: stepped_on.add(threading.get_ident()) or step(self)
    )
    beats = []
    heartbeat = QTimer(interval=1)
    heartbeat.timeout.connect(lambda: beats.append(time.perf_counter()))
    qtbot.keyClick(window.heatmap.canvas, Qt.Key.Key_Space)  # Play
    heartbeat.start()
    qtbot.waitUntil(lambda: controller.result.training is not None, timeout=WAIT_MS)
    shown = []
    controller.changed.connect(
        lambda _c: controller.result.training and shown.append(controller.result.training.steps)
    )
    qtbot.waitUntil(lambda: controller.training.step >= 20, timeout=WAIT_MS)
    heartbeat.stop()
    qtbot.keyClick(window.heatmap.canvas, Qt.Key.Key_Space)  # Pause
    qtbot.waitUntil(
        lambda: (
            controller.training.settled
            and controller.result.training.steps == controller.training.step
            and not controller.is_busy
        ),
        timeout=WAIT_MS,
    )
    stopped_at = controller.training.step
    # Nothing trains behind a pause: the worker answers this after anything it had queued.
    with qtbot.waitSignal(controller.training.published, timeout=WAIT_MS):
        controller.training.latest_step()
    assert controller.training.status == "paused"
    assert controller.training.step == stopped_at == controller.result.training.steps
    assert len(set(shown)) >= 10 and shown == sorted(shown)  # views followed, step by step
    assert stepped_on and threading.get_ident() not in stepped_on  # trained off the GUI thread
    assert beats  # and the GUI thread went on handling events meanwhile


def test_pause_step_and_resume_give_the_weights_of_an_unbroken_run(qtbot, open_window):
    from model.training.loop import Trainer
    from model.training.settings import TrainSettings

    window = open_window(config=PRESET)
    controller = window.controller
    trained_to(qtbot, controller, 12)
    result = controller.result
    trainer = Trainer(PRESET, result.vocabulary, result.lengths, TrainSettings())
    for _ in range(12):
        trainer.step()
    direct = run_pipeline(controller.text, PRESET, network=trainer.network_copy())
    np.testing.assert_array_equal(result.attention, direct.attention)


def test_the_same_words_in_another_order_are_another_vocabulary(qtbot, open_window):
    # Ids go by first appearance: reordered words get new ids, so the trained rows of the
    # embedding table would belong to other words.  Training starts again, and says so.
    window = open_window("o mikas ta ali\nali ta mikas o", PRESET)
    controller = window.controller
    trained_to(qtbot, controller, 5)
    wait_for_result(
        qtbot, controller, lambda: window.editor.setPlainText("ali o mikas ta\nta ali o mikas")
    )
    qtbot.waitUntil(lambda: not controller.is_busy, timeout=WAIT_MS)
    assert controller.result.vocabulary.tokens == ("<pad>", "ali", "o", "mikas", "ta")
    assert controller.training.step == 0 and controller.result.training is None
    assert "starts again" in window.statusBar().currentMessage()


def test_same_words_same_order_keep_training_and_a_new_word_resets_it(qtbot, open_window):
    window = open_window("o mikas ta ali\neu gosto", PRESET)
    controller = window.controller
    trained_to(qtbot, controller, 5)
    wait_for_result(
        qtbot, controller, lambda: window.editor.setPlainText("o mikas ta ali\neu gosto o")
    )
    qtbot.waitUntil(lambda: not controller.is_busy, timeout=WAIT_MS)
    assert controller.training.step == 5 and controller.result.training.steps == 5
    wait_for_result(
        qtbot, controller, lambda: window.editor.setPlainText("o mikas ta ali\neu gosto muito")
    )
    qtbot.waitUntil(lambda: not controller.is_busy, timeout=WAIT_MS)
    assert controller.training.step == 0 and controller.result.training is None
    assert "starts again" in window.statusBar().currentMessage()


def test_a_new_learning_rate_never_resets(qtbot, open_window):
    window = open_window(config=PRESET)
    controller = window.controller
    trained_to(qtbot, controller, 4)
    window.training.rate_chosen.emit(0.03)
    trained_to(qtbot, controller, 5)
    history = controller.training.latest.history
    assert list(history.learning_rate[-2:]) == [0.01, 0.03]


def test_the_timeline_shows_a_saved_step_and_back(qtbot, open_window):
    window = open_window(config=PRESET)
    controller = window.controller
    trained_to(qtbot, controller, 12)
    latest = controller.result.attention.copy()
    window.training.step_viewed.emit(10)
    qtbot.waitUntil(lambda: controller.result.training.steps == 10, timeout=WAIT_MS)
    assert "step 10" in window.training.status.text()
    assert not np.array_equal(controller.result.attention, latest)
    window.training.step_viewed.emit(-1)
    qtbot.waitUntil(lambda: controller.result.training.steps == 12, timeout=WAIT_MS)
    np.testing.assert_array_equal(controller.result.attention, latest)


def test_compare_with_untrained_pins_step_0(qtbot, open_window):
    window = open_window(config=PRESET)
    controller = window.controller
    untrained = controller.result.attention.copy()
    trained_to(qtbot, controller, 6)
    window.training.compare_pressed.emit()  # computed on the worker, pinned when it is in
    qtbot.waitUntil(lambda: controller.comparison is not None, timeout=WAIT_MS)
    comparison = controller.comparison
    np.testing.assert_array_equal(comparison.a.attention, untrained)
    assert [p.title for p in window.heatmap.description.panels][0] == "A (pinned)"


def test_a_session_at_step_n_retrains_to_n_on_open(qtbot, open_window):
    from model.training.settings import TrainSettings

    window = open_window(config=PRESET)
    controller = window.controller
    trained_to(qtbot, controller, 7)
    session = controller.session()
    assert session.training == TrainSettings(task="previous", steps=7, learning_rate=0.01)
    expected = controller.result.attention.copy()
    np.testing.assert_array_equal(reopened(qtbot, controller, session), expected)


def test_a_rate_changed_mid_run_is_replayed_when_the_session_opens(qtbot, open_window):
    from model.session import Session

    window = open_window(config=PRESET)
    controller = window.controller
    trained_to(qtbot, controller, 4)
    window.training.rate_chosen.emit(0.03)
    trained_to(qtbot, controller, 9)
    session = controller.session()
    assert session.training.rate_changes == ((4, 0.03),)
    expected = controller.result.attention.copy()
    saved = Session.from_json(session.to_json())
    np.testing.assert_array_equal(reopened(qtbot, controller, saved), expected)


def test_the_pipeline_says_its_numbers_are_trained(qtbot, open_window):
    window = open_window(config=PRESET)
    controller = window.controller
    embeddings = window.inspector.panel("embeddings").explanation
    assert "Trained weights" not in embeddings.text()
    assert "random but fixed by the seed" in embeddings.text()
    trained_to(qtbot, controller, 3)
    window.finish_rendering()
    assert embeddings.text().startswith("Trained weights (task previous)")
    assert "random but fixed by the seed" not in embeddings.text()  # no longer true
    code = window.inspector.panel("embeddings").code.text()
    assert code.startswith("rng = np.random.RandomState(0)")  # how they started
    assert code.endswith("# then trained with Adam on the task previous")
    assert "trained" not in window.inspector.panel("token_ids").code.text()
    assert "Trained" not in window.inspector.panel("token_ids").explanation.text()


def test_a_window_opened_on_a_trained_result_says_so_in_the_training_panel(qtbot):
    """The screenshot of a trained session: the panel describes the weights on screen."""
    from cli.outputs import compute
    from gui.window.launch import open_window
    from model.session import Session
    from model.training.settings import TrainSettings

    session = Session("o gato dorme", PRESET, training=TrainSettings(steps=20))
    result = compute(session)
    controller, window = open_window(session, result, remember=False)
    qtbot.addWidget(window)
    window.docks["training"].raise_()
    window.show()
    panel = window.training
    assert panel.status.text() == "Trained: step 20, task previous"
    steps, loss = panel.chart.loss.getData()
    np.testing.assert_array_equal(loss, result.training.loss)
    controller.shutdown()


@pytest.mark.parametrize("size", [(1600, 1000), (1920, 1080)])
def test_the_training_chart_is_whole_on_screen_without_scrolling(qtbot, open_window, size):
    window = open_window(size=size)
    window.docks["training"].raise_()
    panel = window.training
    qtbot.waitUntil(lambda: panel.chart is not None and panel.chart.isVisible())
    viewport = window.docks["training"].widget().viewport()
    top = panel.chart.mapTo(viewport, panel.chart.rect().topLeft()).y()
    assert 0 <= top and top + panel.chart.height() <= viewport.height()  # its step axis too
