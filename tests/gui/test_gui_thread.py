"""Heavy work stays off the GUI thread, and Qt objects die cleanly: the controller outlives
its window, and what it emits afterwards reaches nothing that was deleted."""

import subprocess
import sys

import pytest
from PySide6.QtCore import QCoreApplication, QEvent
from PySide6.QtWidgets import QApplication

from conftest import NOTEBOOK_SENTENCES, ROOT, WAIT_MS, result_arrived, wait_for_result
from gui import state as aspects
from gui.heatmap.view import HeatmapView
from gui.main_window import MainWindow
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
    view = HeatmapView()
    view.resize(400, 300)
    with qtbot.waitExposed(view):
        view.show()
    view.repaint()  # asks for the canvas on the next turn of the event loop
    _delete(view)
    QApplication.processEvents()  # raised "already deleted" when that turn came


DROPPED_JOBS = """
import gc
from PySide6.QtCore import QCoreApplication
from gui.jobs import PipelineThread
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
