"""Old results are freed after the new one is drawn, a big array per turn, never kept."""

import weakref
from types import SimpleNamespace

import numpy as np
from PySide6.QtCore import QCoreApplication

from conftest import wait_for_result
from gui import disposal


def test_a_released_result_is_freed_a_big_array_per_turn(qapp, qtbot):
    class Result:  # what the disposal sees of a PipelineResult: stages and parameters
        def __init__(self, arrays):
            self.stages = [SimpleNamespace(values=a) for a in arrays]
            self.parameters = {}

    big = [np.ones(2**19) for _ in range(3)]  # 4 MB each
    alive = [weakref.ref(a) for a in big]
    disposal.release(Result(big))
    del big
    assert all(ref() is not None for ref in alive)  # nothing is freed in the caller's turn
    freed_per_turn = []
    while disposal.pending():
        QCoreApplication.processEvents()  # one turn of the event loop
        freed_per_turn.append(sum(ref() is None for ref in alive))
    assert freed_per_turn[-1] == 3
    assert all(b - a <= 1 for a, b in zip([0, *freed_per_turn], freed_per_turn, strict=False))


def test_the_window_lets_go_of_every_earlier_result(qtbot, window):
    controller = window.controller
    first = weakref.ref(controller.result.stage("attention").values)
    for text in ("o gato dorme", "eu gosto de batata frita", "existem elefantes"):
        wait_for_result(qtbot, controller, lambda text=text: window.editor.setPlainText(text))
    window.finish_rendering()
    qtbot.waitUntil(lambda: disposal.pending() == 0, timeout=5000)
    assert first() is None
