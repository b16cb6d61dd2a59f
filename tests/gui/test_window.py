"""The main window, offscreen: every panel follows the editor and the controls."""

import random

import numpy as np
from PySide6.QtCore import QCoreApplication, QObject, QPoint, Qt, Signal
from PySide6.QtGui import QTextCursor

from conftest import NOTEBOOK_SENTENCES, WAIT_MS, wait_for_result
from gui import state as aspects
from gui.window.main_window import MainWindow
from model.config import ModelConfig
from model.pipeline import run_pipeline
from model.tokenizer import split_sentences


def shapes(window):
    return [panel.shape_text for panel in window.inspector.panels]


def type_at_end(qtbot, window, keys, new_line=False):
    editor = window.editor
    editor.moveCursor(QTextCursor.MoveOperation.End)

    def typing():
        if new_line:
            qtbot.keyClick(editor, Qt.Key.Key_Return)
        qtbot.keyClicks(editor, keys)

    wait_for_result(qtbot, window.controller, typing)
    qtbot.waitUntil(lambda: not window.controller.is_busy, timeout=WAIT_MS)


def shown_values(window):
    return [plot.panel.values for plot in window.heatmap.current_plots()]


def test_window_opens_on_the_notebook_example(window):
    assert "Attention Study" in window.windowTitle()
    assert window.editor.toPlainText() == NOTEBOOK_SENTENCES
    assert window.focusWidget() is window.editor
    assert shapes(window) == [
        "(3, 5)",
        "(12, 10)",
        "(3, 5, 10)",
        "(3, 5, 4)",
        "(3, 5, 5)",
        "(3, 5, 5)",
    ]
    assert window.inspector.panel("inputs").dims.text() == "3 sentences × 5 positions × 10 features"
    np.testing.assert_array_equal(shown_values(window)[0], window.controller.result.attention[0])


def test_a_fourth_sentence_changes_every_shape_and_the_heatmap(qtbot, window):
    before = shapes(window)
    type_at_end(qtbot, window, "um novo exemplo com seis palavras", new_line=True)
    after = shapes(window)
    assert after == ["(4, 6)", "(18, 10)", "(4, 6, 10)", "(4, 6, 4)", "(4, 6, 6)", "(4, 6, 6)"]
    assert all(a != b for a, b in zip(after, before, strict=True))
    assert shown_values(window)[0].shape == (6, 6)
    window.focus_pane(4)  # the vocabulary renders when its panel is shown
    assert window.vocabulary.vocabulary_model.rowCount() == 18
    assert "4 sentences" in window.windowTitle()
    assert "attention (4, 6, 6)" in window.shapes_label.text()


def test_clearing_the_editor_shows_the_message_and_keeps_the_last_views(qtbot, window):
    last = window.controller.result
    with qtbot.waitSignal(window.controller.changed, timeout=WAIT_MS):
        window.editor.selectAll()
        qtbot.keyClick(window.editor, Qt.Key.Key_Delete)
    qtbot.waitUntil(lambda: window.controller.error is not None, timeout=WAIT_MS)
    message = window.heatmap.message
    assert message.isVisible() and "No sentences" in message.text()
    assert not window.inspector.isEnabled() and not window.vocabulary.isEnabled()
    assert window.controller.result is last  # the last good result stays on screen, greyed
    type_at_end(qtbot, window, "de volta")
    assert not message.isVisible() and window.inspector.isEnabled()
    assert window.error_label.text() == ""


def hover(qtbot, window, row, column, panel=0):
    plot = window.heatmap.current_plots()[panel]
    view, pos = window.heatmap.map_to_widget(plot, row, column)
    qtbot.mouseMove(view, QPoint(int(pos.x()), int(pos.y())))


def test_hovering_a_cell_reports_its_exact_value(qtbot, window):
    hover(qtbot, window, 1, 2)
    result = window.controller.result
    readout = window.heatmap.readout.text()
    assert f"{result.attention[0, 1, 2]:.6f}" in readout
    assert "sentence 0 · query 1 “mikas” → output slot 2" in readout  # Linear: a slot
    assert f"row sum {result.attention_row_sums[0, 0, 1]:.6f}" in readout


def test_hovering_a_padding_cell_says_so(qtbot, window):
    window.controller.update_view(sentence=2)  # "existem elefantes": positions 2-4 are padding
    hover(qtbot, window, 0, 3)
    assert "output slot 3" in window.heatmap.readout.text()
    assert "padding" in window.heatmap.readout.text()


def test_all_sentences_share_one_colour_scale(qtbot, window):
    window.controller.update_view(sentence=-1)
    plots = window.heatmap.current_plots()
    assert len(plots) == 3
    result = window.controller.result
    scales = {(p.item.painter.scale.low, p.item.painter.scale.high) for p in plots}
    assert scales == {(0.0, 1.0)}
    for b, plot in enumerate(plots):
        np.testing.assert_array_equal(plot.panel.values, result.attention[b])
    assert window.inspector.panel("attention").slice.text().startswith("Values for sentence 0")


def test_controls_rerun_at_once_and_new_weights_change_the_numbers(qtbot, window):
    controls, controller = window.controls, window.controller
    wait_for_result(qtbot, controller, lambda: controls.embedding_size.setValue(7))
    assert shapes(window)[1] == "(12, 7)"
    before = controller.result.attention.copy()
    wait_for_result(
        qtbot, controller, lambda: qtbot.mouseClick(controls.new_weights, Qt.MouseButton.LeftButton)
    )
    assert controls.seed.value() == 1 and controller.config.seed == 1
    assert not np.allclose(before, controller.result.attention)
    wait_for_result(qtbot, controller, lambda: controls.mask_padding.setChecked(True))
    assert np.all(controller.result.attention[2][:, 2:] == 0)
    wait_for_result(qtbot, controller, lambda: controls.cell.setCurrentIndex(2))
    assert controller.config.cell == "lstm"
    assert not controls.nonlinearity.isEnabled()
    assert "torch.nn.LSTM(" in window.inspector.panel("rnn_output").code.text()


def test_multihead_mode_rebuilds_the_pipeline_panels_from_the_stages(qtbot, window):
    controls, controller = window.controls, window.controller
    wait_for_result(qtbot, controller, lambda: controls.attention.setCurrentIndex(2))
    assert [p.key for p in window.inspector.panels] == list(controller.result.keys)
    assert window.inspector.panel("queries").shape_text == "(3, 2, 5, 2)"
    assert len(window.heatmap.current_plots()) == 2  # both heads, side by side
    assert window.heatmap.head_selector.isVisible()
    wait_for_result(qtbot, controller, lambda: controls.attention.setCurrentIndex(0))
    assert [p.key for p in window.inspector.panels][-2:] == ["scores", "attention"]
    assert not window.heatmap.head_selector.isVisible()


def test_a_table_still_showing_a_larger_result_ignores_a_cell_it_does_not_hold(qtbot):
    """The heatmap may point at a cell of a new result while a table still waits for its
    slice: pointing at a sentence or position the table's result lacks lights nothing."""
    from gui.panes.pipeline.table_model import HIGHLIGHT_BACKGROUND
    from gui.panes.pipeline.view import PipelineView

    view = PipelineView()
    qtbot.addWidget(view)
    view.show_result(run_pipeline("o gato\nvocê já"), 0, 0)
    view.flush()
    model = view.panel("attention").model

    def lit():
        return {
            (row, column)
            for row in range(model.rowCount())
            for column in range(model.columnCount())
            if model.data(model.index(row, column), Qt.ItemDataRole.BackgroundRole)
            == HIGHLIGHT_BACKGROUND
        }

    view.highlight((3, 0, 1, 1))  # a fourth sentence: not in this result
    view.highlight((0, 0, 7, 1))  # a position past the end
    assert lit() == set()
    view.highlight((0, 0, 1, 0))  # query 1, key 0 of the first sentence
    assert (1, 1) in lit() and (0, 0) in lit()


def test_a_size_that_heads_cannot_divide_brings_the_heads_down(qtbot, window):
    controller = window.controller
    wait_for_result(
        qtbot, controller, lambda: controller.update_config(attention="multihead", heads=4)
    )
    notices = []
    controller.notice.connect(notices.append)
    wait_for_result(qtbot, controller, lambda: window.controls.hidden_size.setValue(6))
    assert controller.config.heads == 3 and controller.error is None
    assert notices and "3 heads" in window.statusBar().currentMessage()


def test_rapid_edits_and_control_changes_leave_a_consistent_window(qtbot, window):
    rng = random.Random(7)
    editor, controls = window.editor, window.controls
    words = ["o", "gato", "ação", "日本", "mikas", "!", "batata", " ", "\n"]
    for step in range(2000):
        action = rng.random()
        if action < 0.7:
            editor.moveCursor(QTextCursor.MoveOperation.End)
            editor.insertPlainText(rng.choice(words) + rng.choice(["", " "]))
        elif action < 0.85:
            cursor = editor.textCursor()
            cursor.deletePreviousChar()
            editor.setTextCursor(cursor)
        elif action < 0.9:
            controls.seed.setValue(rng.randrange(0, 50))
        elif action < 0.95:
            controls.hidden_size.setValue(rng.randrange(1, 9))
        else:
            window.controller.update_view(sentence=rng.randrange(-1, 3))
        if step % 50 == 0:
            QCoreApplication.processEvents()  # some runs start; most edits land during one
    text = editor.toPlainText()
    if not text.strip():
        text = "fim"
        editor.setPlainText(text)
    controller = window.controller
    qtbot.waitUntil(
        lambda: (
            controller.result is not None
            and not controller.is_busy
            and [list(s) for s in controller.result.sentences] == split_sentences(text)
        ),
        timeout=WAIT_MS,
    )
    window.finish_rendering()  # the pipeline's panels out of view fill in on the next turns
    result = controller.result
    assert result.config == controller.config
    assert controls.seed.value() == result.config.seed
    assert controls.hidden_size.value() == result.config.hidden_size
    assert shapes(window) == [f"{s.shape}".replace(",)", ")") for s in result.stages]
    sentence = controller.view.sentence
    values = shown_values(window)
    if sentence >= 0:
        np.testing.assert_array_equal(values[0], result.attention[sentence])
    else:
        for b, shown in enumerate(values):
            np.testing.assert_array_equal(shown, result.attention[b])


def test_the_window_shows_loading_until_the_model_is_ready(qtbot, make_controller):
    controller = make_controller()
    window = MainWindow(controller)
    qtbot.addWidget(window)
    window.show()
    assert "Loading the model" in window.heatmap.message.text()
    wait_for_result(qtbot, controller, controller.start)
    assert not window.heatmap.message.isVisible()


def test_only_the_latest_text_is_drawn(qtbot, make_controller):
    controller = make_controller("primeiro texto")
    drawn = []
    controller.changed.connect(
        lambda changed: aspects.RESULT in changed and drawn.append(controller.result)
    )
    wait_for_result(qtbot, controller, controller.start)
    drawn.clear()
    for k in range(30):
        controller.replace_text(" ".join(["palavra"] * (k + 1)))
    qtbot.waitUntil(lambda: not controller.is_busy, timeout=WAIT_MS)
    assert drawn, "the last text was never drawn"
    assert len(drawn[-1].sentences[0]) == 30
    assert all(r.sentences[0] == tuple(controller.text.split()) for r in drawn[-1:])


def test_an_invalid_setting_becomes_a_message_not_an_exception(qtbot, make_controller):
    controller = make_controller("a b")
    wait_for_result(qtbot, controller, controller.start)
    controller.update_config(hidden_size=0)
    assert controller.error is not None and controller.error.values["field"] == "hidden_size"
    assert controller.config.hidden_size == 4


class _Pinger(QObject):
    ping = Signal(bool)


def test_thousands_of_signals_do_not_abort_the_process():
    # PySide6-Essentials 6.12 on CPython 3.11 aborts after a few hundred emits of a bool.
    pinger, seen = _Pinger(), []
    pinger.ping.connect(seen.append)
    for k in range(20_000):
        pinger.ping.emit(k % 2 == 0)
    assert len(seen) == 20_000 and seen[:2] == [True, False]


def test_garbage_is_collected_on_the_gui_thread_only(qtbot, make_controller):
    # Collected in the worker thread, a dead view's Qt objects would be destroyed there
    # while the GUI thread paints: a crash.  The controller keeps collection on the GUI.
    import gc
    import threading

    make_controller()
    assert not gc.isenabled()
    collected_in = []

    class Cycle:
        def __init__(self):
            self.me = self

        def __del__(self):
            collected_in.append(threading.current_thread())

    def make_garbage():  # in another thread, as the pipeline worker does
        for _ in range(3 * gc.get_threshold()[0]):
            Cycle()

    worker = threading.Thread(target=make_garbage)
    worker.start()
    worker.join()
    qtbot.waitUntil(lambda: bool(collected_in), timeout=5000)
    assert set(collected_in) == {threading.main_thread()}


def test_a_result_and_its_clamped_selection_arrive_in_one_change(qtbot, make_controller):
    from model.session import Session, ViewSettings

    controller = make_controller()
    wait_for_result(qtbot, controller, controller.start)
    seen = []
    controller.changed.connect(lambda changed: seen.append((changed, controller.view.sentence)))
    session = Session("um\ndois", ModelConfig(), ViewSettings(sentence=7))
    wait_for_result(qtbot, controller, lambda: controller.load_session(session))
    results = [(c, s) for c, s in seen if aspects.RESULT in c]
    assert len(results) == 1
    changed, sentence = results[0]
    assert sentence == 1 and aspects.VIEW in changed


def test_the_readout_never_describes_a_cell_no_longer_on_screen(qtbot, open_window):
    window = open_window(config=ModelConfig(attention="multihead", heads=2))
    controller = window.controller
    controller.update_view(sentence=1, head=0)
    hover(qtbot, window, 3, 1)
    assert "sentence 1 · head 0 · query 3" in window.heatmap.readout.text()
    controller.update_view(head=1)  # another head shown: the old one is not described
    assert "head 0" not in window.heatmap.readout.text()
    hover(qtbot, window, 3, 1)
    controller.update_view(sentence=0)  # as after Ctrl+N: the first sentence is shown
    assert "sentence 1" not in window.heatmap.readout.text()
