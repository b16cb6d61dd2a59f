"""Heavy work stays off the GUI thread, and Qt objects die cleanly: the controller outlives
its window, and what it emits afterwards reaches nothing that was deleted."""

import subprocess
import sys
import threading
import weakref

import numpy as np
import pytest
from PySide6.QtCore import QCoreApplication, QEvent
from PySide6.QtWidgets import QApplication

from conftest import NOTEBOOK_SENTENCES, ROOT, WAIT_MS, result_arrived, wait_for_result
from gui import state as aspects
from gui.panes.attention.view import AttentionView
from gui.window.main_window import MainWindow
from model.config import ModelConfig
from model.errors import Notice

EVERY_ASPECT = frozenset(
    {
        aspects.TEXT,
        aspects.CONFIG,
        aspects.VIEW,
        aspects.TRAINING,
        aspects.RESULT,
        aspects.ERROR,
        aspects.BUSY,
        aspects.LOADED,
    }
)


def _delete(window) -> None:
    window.close()
    window.deleteLater()
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)


def test_a_controller_that_outlives_its_window_reaches_nothing_deleted(qtbot, make_controller):
    controller = make_controller(NOTEBOOK_SENTENCES)
    window = MainWindow(controller)
    window.resize(1200, 800)
    window.show()
    # Deleted in the turn its first result arrives: the views it left for the next turn
    # must not run on the deleted window.
    with qtbot.waitSignal(controller.changed, timeout=WAIT_MS, check_params_cb=result_arrived):
        controller.start()
    _delete(window)
    QApplication.processEvents()

    controller.changed.emit(EVERY_ASPECT)
    controller.notice.emit(Notice("training_reset_vocabulary"))
    # And a real change, with a result that comes back from the worker to no window.
    wait_for_result(qtbot, controller, lambda: controller.set_text("uma frase nova"))
    assert controller.result.sentences == (("uma", "frase", "nova"),)


def test_a_heatmap_view_deleted_before_its_canvas_is_made_makes_none(qtbot):
    view = AttentionView()
    view.resize(400, 300)
    with qtbot.waitExposed(view):
        view.show()
    view.repaint()  # asks for the canvas on the next turn of the event loop
    _delete(view)
    QApplication.processEvents()  # raised "already deleted" when that turn came


DROPPED_JOBS = """
import gc
from PySide6.QtCore import QCoreApplication
from gui.jobs.pipeline import PipelineThread
app = QCoreApplication([])
jobs = PipelineThread()
jobs.worker.loaded.connect(lambda error: app.quit())
jobs.start()
app.exec()  # the worker has loaded the model, and its thread waits for requests
del jobs  # never stopped
gc.collect()
print("still here", flush=True)
"""


@pytest.mark.subprocess
def test_pipeline_jobs_dropped_without_stop_end_their_thread_instead_of_aborting():
    done = subprocess.run(
        [sys.executable, "-c", DROPPED_JOBS],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert (done.returncode, done.stdout.strip()) == (0, "still here"), done.stderr


@pytest.fixture
def pipeline_threads(monkeypatch):
    """The threads that ran a network on the user's sentences, in order."""
    import model.pipeline

    threads: list[int] = []
    run_network = model.pipeline.run_network

    def recorded(*args, **kwargs):
        threads.append(threading.get_ident())
        return run_network(*args, **kwargs)

    monkeypatch.setattr(model.pipeline, "run_network", recorded)
    return threads


def test_compare_with_untrained_runs_on_the_worker_and_pins_when_it_arrives(
    qtbot, open_window, pipeline_threads
):
    window = open_window(config=ModelConfig(embedding_size=16, hidden_size=32))
    controller = window.controller
    untrained = controller.result.attention.copy()
    for _ in range(3):
        controller.step_training()
    qtbot.waitUntil(
        lambda: controller.result.training is not None and controller.result.training.steps == 3,
        timeout=WAIT_MS,
    )
    pipeline_threads.clear()
    window.training.compare_pressed.emit()
    qtbot.waitUntil(lambda: controller.comparison is not None, timeout=WAIT_MS)
    assert pipeline_threads and threading.get_ident() not in pipeline_threads
    np.testing.assert_array_equal(controller.comparison.a.attention, untrained)
    np.testing.assert_array_equal(controller.comparison.b.attention, controller.result.attention)
    assert controller.result.training.steps == 3


def test_a_big_result_is_let_go_before_the_run_for_changed_input(qtbot, open_window, monkeypatch):
    import gui.controller

    window = open_window()
    controller = window.controller
    seen = []

    def record(changed) -> None:  # after the window has handled the change
        if aspects.RESULT in changed:
            seen.append(
                (
                    controller.result is None,
                    controller.is_busy,
                    window.heatmap.description is None,
                    window.inspector.isEnabled(),  # greyed while it has nothing new to show
                )
            )

    controller.changed.connect(record)
    # A small result stays on screen while the next one is computed.
    wait_for_result(qtbot, controller, lambda: controller.set_text("uma frase"))
    assert seen == [(False, False, False, True)]
    seen.clear()
    # Every array of the result on screen: none may outlive it once it is let go.
    arrays = [weakref.ref(stage.values) for stage in controller.result.stages]
    monkeypatch.setattr(gui.controller, "BIG_RESULT_BYTES", 1)  # every result counts as big
    controller.set_text("outra frase")
    qtbot.waitUntil(lambda: len(seen) == 2, timeout=WAIT_MS)
    assert seen == [(True, True, True, False), (False, False, False, True)]
    assert controller.result.sentences == (("outra", "frase"),)
    assert [array() for array in arrays] == [None] * len(arrays)  # the views kept none


def test_the_file_menu_writes_on_another_thread_while_the_window_goes_on(
    qtbot, window, monkeypatch, tmp_path
):
    from PySide6.QtWidgets import QFileDialog, QMessageBox

    from model.files import OutputBatch
    from model.session import load_session

    answer, warnings = {"path": tmp_path / "estagios.npz"}, []
    monkeypatch.setattr(
        QFileDialog, "getSaveFileName", staticmethod(lambda *a, **k: (str(answer["path"]), ""))
    )
    monkeypatch.setattr(QMessageBox, "warning", staticmethod(lambda *a: warnings.append(a)))
    threads, go = [], threading.Event()
    commit = OutputBatch.commit

    def held(batch) -> None:  # every file is renamed into place here
        threads.append(threading.get_ident())
        go.wait(WAIT_MS / 1000)
        commit(batch)

    monkeypatch.setattr(OutputBatch, "commit", held)
    controller, actions = window.controller, window.file_actions
    exported = controller.result.attention.copy()
    actions.export_tensors.trigger()  # returns while the file is being written
    assert actions.writing and "Saving estagios.npz" in window.statusBar().currentMessage()
    wait_for_result(qtbot, controller, lambda: controller.set_text("a janela segue"))
    assert not answer["path"].exists()
    with qtbot.waitSignal(actions.write_finished, timeout=WAIT_MS) as done:
        go.set()
    assert done.args == [str(answer["path"]), True] and not actions.writing
    assert threads and threading.get_ident() not in threads
    assert "Saved estagios.npz" in window.statusBar().currentMessage()
    with np.load(answer["path"]) as data:  # whole, and the result that was on screen
        np.testing.assert_array_equal(data["attention"], exported)

    # Quitting waits for a write under way: the session is whole once the wait returns.
    answer["path"] = tmp_path / "aula.json"
    actions.save_session.trigger()
    actions.wait_for_writes()
    assert load_session(answer["path"]).text == "a janela segue"
    assert warnings == []


def test_source_a_loader_gives_is_read_back_while_torch_loads():
    """Where a module's source comes from its loader and no file (a zip, the offline
    bundle), linecache reads back the entry it just stored: it must be there."""
    import linecache

    from gui.jobs.pipeline import source_lines_not_kept

    class Loader:
        def get_source(self, name):
            return "x = 1\n"

    module = {"__name__": "from_a_loader", "__loader__": Loader()}
    with source_lines_not_kept():
        assert linecache.getlines("/nowhere/from_a_loader.py", module) == ["x = 1\n"]
        assert linecache.getlines(__file__)  # a real file: read, not kept
        assert __file__ not in linecache.cache
    linecache.cache.pop("/nowhere/from_a_loader.py", None)
