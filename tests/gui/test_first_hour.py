"""What a teacher meets in the first hour: readouts that never go stale, every pane reachable
from the keyboard, nothing clipped on a projector, long sentences and many of them."""

import os
import re
import subprocess
import sys

import pytest
from PySide6.QtCore import QRect, QSettings, Qt
from PySide6.QtGui import QTextCursor
from PySide6.QtWidgets import QAbstractButton, QApplication, QComboBox, QLabel, QTableView

from conftest import ROOT, WAIT_MS, wait_for_result
from figures.heatmap import TITLE_CHARS, describe_heatmap
from gui.application import install_translation
from gui.panes.attention.canvas import MIN_PANEL
from gui.window.launch import settle
from model.config import ModelConfig
from model.pipeline import run_pipeline
from model.stages import CAUSAL, MASKED
from test_window import hover

LONG = " ".join(f"palavra{k}" for k in range(36))
MANY = "\n".join(f"frase número {k} com algumas palavras" for k in range(22))


@pytest.mark.subprocess
def test_an_exported_offscreen_platform_still_gets_the_fixed_test_screen():
    code = "import conftest, os; print(os.environ['QT_QPA_PLATFORM'])"
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    out = subprocess.run(
        [sys.executable, "-c", code],
        cwd=ROOT / "tests",
        env=env,
        capture_output=True,
        text=True,
        check=True,
    )
    assert out.stdout.strip().startswith("offscreen:configfile=")


def test_the_readout_follows_the_result_under_the_cursor(qtbot, window):
    hover(qtbot, window, 1, 1)
    assert "“mikas”" in window.heatmap.readout.text()
    editor = window.editor
    editor.moveCursor(QTextCursor.MoveOperation.Start)
    wait_for_result(qtbot, window.controller, lambda: qtbot.keyClicks(editor, "uma "))
    qtbot.waitUntil(lambda: window.controller.text.startswith("uma o"), timeout=WAIT_MS)
    qtbot.waitUntil(lambda: not window.controller.is_busy, timeout=WAIT_MS)
    result = window.controller.result
    readout = window.heatmap.readout.text()
    assert "query 1 “o” → output slot 1" in readout  # the cell under the cursor, now
    assert f"{result.attention[0, 1, 1]:.6f}" in readout


def test_the_readout_is_cleared_when_its_cell_is_gone(qtbot, window):
    hover(qtbot, window, 4, 4)
    assert "“<pad>”" in window.heatmap.readout.text()
    wait_for_result(qtbot, window.controller, lambda: window.editor.setPlainText("só duas"))
    assert "Hover over a cell" in window.heatmap.readout.text()


def test_all_sentences_page_through_every_sentence_at_a_readable_size(qtbot, open_window):
    window = open_window(MANY, size=(1280, 800))
    window.controller.update_view(sentence=-1)
    heatmap = window.heatmap
    description = heatmap.description
    assert description.total == 22 and description.pages > 1
    seen = []
    for _ in range(description.pages):
        seen += [panel.sentence for panel in heatmap.description.panels]
        for plot in heatmap.current_plots():
            assert plot.plot.vb.width() >= 0.5 * MIN_PANEL
        heatmap.turn_page(1)
    assert seen == list(range(22))
    assert heatmap.page_label.isVisible()
    wait_for_result(qtbot, window.controller, lambda: window.editor.setPlainText("uma\nduas"))
    assert heatmap.description.total == 2 and not heatmap.page_label.isVisible()


def test_long_sentences_thin_their_ticks_and_say_so():
    result = run_pipeline(LONG + "\n" + "x" * 500, ModelConfig(attention="dot"))
    description = describe_heatmap(result, 0)
    assert len(description.title) <= TITLE_CHARS + 20
    panel = description.panels[0]
    assert all(len(label) <= 20 for label in panel.rows)
    from figures.heatmap import tick_step

    assert tick_step(36, 9.0, 14.0) == 2 and tick_step(36, 30.0, 14.0) == 1
    assert tick_step(256, 1.5, 14.0) == 10


def test_the_axis_says_when_it_labels_only_every_nth_position(qtbot, open_window):
    window = open_window(LONG, ModelConfig(attention="dot"), size=(1024, 768))
    plot = window.heatmap.current_plots()[0]
    left = plot.plot.getAxis("left").labelText
    bottom = plot.plot.getAxis("bottom").labelText
    assert "labels every" in left or "labels every" in bottom


def test_masked_cells_are_marked_and_read_as_masked(qtbot, open_window):
    config = ModelConfig(mask_padding=True, causal=True)
    window = open_window(config=config)
    window.controller.update_view(sentence=2)  # "existem elefantes"
    panel = window.heatmap.description.panels[0]
    assert panel.states[0, 3] == MASKED and panel.states[0, 1] == CAUSAL
    from gui.render.matrix import printed_cells

    printed = printed_cells(panel)
    assert (0, 3) not in printed and (0, 1) not in printed and (0, 0) in printed
    hover(qtbot, window, 0, 3)
    assert "masked: padding" in window.heatmap.readout.text()
    hover(qtbot, window, 0, 1)
    assert "masked: a later key (causal)" in window.heatmap.readout.text()


def focus_chain(qtbot, window, presses=60):
    seen = []
    for _ in range(presses):
        widget = QApplication.focusWidget()
        seen.append(widget)
        qtbot.keyClick(widget, Qt.Key.Key_Tab)
    return seen


def test_tab_reaches_every_pane_and_leaves_the_tables(qtbot, window):
    window.activateWindow()
    window.editor.setFocus()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is window.editor)
    chain = focus_chain(qtbot, window)
    assert window.controls.seed in chain or any(window.controls.isAncestorOf(w) for w in chain)
    assert window.heatmap.sentence_selector in chain and window.heatmap.canvas in chain
    assert any(window.inspector.isAncestorOf(w) for w in chain)
    tables = [w for w in chain if isinstance(w, QTableView)]
    assert tables and all(t.tabKeyNavigation() is False for t in tables)
    window.focus_pane(4)  # the vocabulary, tabbed behind the pipeline
    table = window.vocabulary.vocabulary_table
    assert QApplication.focusWidget() is table
    qtbot.keyClick(table, Qt.Key.Key_Tab)
    assert QApplication.focusWidget() is not table


def test_every_pane_has_a_shortcut_and_f6_goes_round(qtbot, window):
    targets = []
    for index in range(7):
        window.focus_pane(index)
        targets.append(QApplication.focusWidget())
    assert targets[0] is window.editor and targets[2] is window.heatmap.canvas
    assert targets[5] is window.explain.text and targets[6] is window.training.play
    assert len(set(map(id, targets))) == 7
    window.focus_pane(0)
    for target in targets[1:]:  # F6 goes round every pane, in order
        window.focus_next_pane()
        assert QApplication.focusWidget() is target
    window.focus_next_pane()  # from the last pane back to the first
    assert QApplication.focusWidget() is window.editor


def mnemonics(window) -> list[str]:
    letters = []
    for menu_action in window.menuBar().actions():
        letters += re.findall(r"&(\w)", menu_action.text())
    for widget in window.findChildren(QLabel) + window.findChildren(QAbstractButton):
        if widget.isVisibleTo(window):
            letters += [c.lower() for c in re.findall(r"&([^&\s])", widget.text())]
    return [letter.lower() for letter in letters]


@pytest.mark.parametrize("language", ["en", "pt"])
def test_mnemonics_are_unique_in_both_languages(qtbot, qapp, open_window, language):
    install_translation(qapp, language)
    try:
        window = open_window(config=ModelConfig(attention="multihead"))
        letters = mnemonics(window)
        assert len(letters) >= 14
        assert len(letters) == len(set(letters)), sorted(letters)
    finally:
        install_translation(qapp, "en")


def test_every_model_control_says_what_it_changes(window):
    controls = window.controls
    for widget in (
        controls.seed,
        controls.new_weights,
        controls.embedding_size,
        controls.hidden_size,
        controls.cell,
        controls.nonlinearity,
        controls.attention,
        controls.heads,
        controls.mask_padding,
        controls.causal,
        controls.temperature,
    ):
        assert len(widget.toolTip()) > 20, widget
    titles = [a.text() for a in window.menuBar().actions()[-1].menu().actions()]
    assert "&Keyboard shortcuts" in titles and "&What am I looking at?" in titles


@pytest.mark.parametrize("language", ["en", "pt"])
@pytest.mark.parametrize("size", [(1024, 768), (1280, 800), (1920, 1080)])
def test_nothing_is_clipped_at_projector_sizes(qtbot, qapp, open_window, size, language):
    install_translation(qapp, language)
    try:
        window = open_window(
            config=ModelConfig(embedding_size=1024, hidden_size=1024, attention="multihead"),
            size=size,
        )
        settle(qapp)  # the docks' first sizes come with the first result, a turn later
        settle(qapp)  # the layout passes after the panels got their text
        canvas = window.heatmap.canvas
        assert canvas.width() >= 0.4 * size[0] and canvas.height() >= 0.5 * size[1]
        for panel in window.inspector.panels:
            shape = panel.shape
            assert shape.width() >= shape.sizeHint().width(), panel.key  # "(12, 1024)" whole
        inspector = window.inspector
        scrollable = inspector.verticalScrollBar().maximum() > 0
        content = inspector.widget()
        assert scrollable or content.height() <= inspector.viewport().height()
        for combo in window.findChildren(QComboBox):  # "Multi-cabeça (queries, keys, val"
            if combo.isVisible():
                shown = combo.shown_text()  # what it draws: the whole choice, or one with "…"
                assert shown == combo.currentText() or shown.endswith("…"), shown
                assert combo.fontMetrics().horizontalAdvance(shown) <= combo.width(), shown
    finally:
        install_translation(qapp, "en")


def test_restored_geometry_is_kept_on_the_screen(qtbot, open_window):
    first = open_window()
    first.setGeometry(QRect(3000, 2500, 2600, 1900))
    first.close()
    assert QSettings().value("MainWindow/geometry") is not None
    second = open_window(size=None)  # the size it restored, as the app starts
    available = second.screen().availableGeometry()
    frame = second.frameGeometry()
    assert available.contains(frame.topLeft()) and frame.width() <= available.width()
    assert frame.height() <= available.height()


def test_the_heatmap_gets_focus_that_shows(window):
    style = window.heatmap.canvas.styleSheet()
    assert ":focus" in style and window.heatmap.canvas.focusPolicy() == Qt.FocusPolicy.StrongFocus


def test_no_view_keeps_its_own_list_of_stages():
    # Views follow the result's stages: none lists stage keys or asks for one by name.
    names = "token_ids embeddings inputs rnn_output positions encoded queries keys values"
    key = '"(' + "|".join(names.split() + ["scores", "attention", "context", "output"]) + ')"'
    listed = re.compile(key + r",\s*" + key)
    by_name = re.compile(r"\.stage\(" + key)
    for path in [*(ROOT / "gui").rglob("*.py"), ROOT / "main.py"]:
        source = path.read_text(encoding="utf-8")
        assert not listed.search(source) and not by_name.search(source), path
