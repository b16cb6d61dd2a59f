"""A hypothesis state machine over the controller, its window and the session codec.

Random edits (odd Unicode, blank text, long words, pasted lines, keys for undo and redo,
bursts typed without waiting), setting changes (valid and not), view changes (selectors,
pages, cells, the mouse over the heatmap), sessions saved and opened through the File menu,
and garbage files.  After every step, once the controller is idle: nothing raised, the
heatmap shows what a fresh run of the current text and settings gives, the controls show
the settings, the undo history is bounded, the window fits the screen, and every session
saved opens again identically (the same Session, the same attention).
"""

from __future__ import annotations

import numpy as np
import pytest
from hypothesis import HealthCheck, Phase, settings
from hypothesis import strategies as st
from hypothesis.stateful import (
    Bundle,
    RuleBasedStateMachine,
    consumes,
    invariant,
    multiple,
    rule,
    run_state_machine_as_test,
)
from machine_inputs import INVALID_SETTINGS, configs, garbage, lines, spoilt, texts
from PySide6.QtCore import QCoreApplication, QPoint, Qt
from PySide6.QtGui import QGuiApplication, QTextCursor
from PySide6.QtWidgets import QFileDialog, QMessageBox

from conftest import NOTEBOOK_SENTENCES, WAIT_MS, fitted
from figures.heatmap import panel_keys
from gui.controller import Controller
from gui.panes.sentences.view import MAX_UNDO_STEPS
from gui.window.main_window import MainWindow
from model.config import ATTENTIONS, CELLS, MAX_TOKEN_CHARS, NONLINEARITIES, ModelConfig
from model.errors import InputError
from model.pipeline import run_pipeline
from model.recovery import UNREADABLE, RecoveryStore
from model.session import Session, ViewSettings, load_session

# --- the machine ------------------------------------------------------------------------


class ControllerMachine(RuleBasedStateMachine):
    """One window per example; ``qtbot`` and ``folder`` come from the test."""

    qtbot = None
    folder = None
    current = None  # the machine of the running example, which answers the dialogs

    saved = Bundle("saved")

    def __init__(self) -> None:
        super().__init__()
        self.controller = Controller(Session(NOTEBOOK_SENTENCES))
        self.window = MainWindow(self.controller, remember=False)
        self.window.resize(*fitted(self.window, (1600, 1000)))
        self.window.show()
        self.failures: list[str] = []  # the File menu's warnings, by their message
        self.count = 0
        self.dialog_path = ""  # what the file dialogs answer
        ControllerMachine.current = self
        self._do(self.controller.start)

    def teardown(self) -> None:
        self.controller.shutdown()
        self.window.close()
        self.window.deleteLater()

    # --- how every step runs --------------------------------------------------------------

    def _do(self, action) -> None:
        """Run ``action`` and wait until the controller is idle; nothing may raise in Qt."""
        with self.qtbot.capture_exceptions() as raised:
            action()
            self.qtbot.waitUntil(lambda: not self.controller.is_busy, timeout=WAIT_MS)
            QCoreApplication.processEvents()  # let queued signals land
        assert not raised, raised

    # --- edits ----------------------------------------------------------------------------

    @rule(text=texts)
    def replace_text(self, text):
        self._do(lambda: self.window.editor.setPlainText(text))

    @rule(typed=st.text(st.sampled_from("abc xyz"), min_size=1, max_size=6))  # QTest types ASCII
    def type_at_the_end(self, typed):
        editor = self.window.editor

        def type_() -> None:
            editor.moveCursor(QTextCursor.MoveOperation.End)
            self.qtbot.keyClicks(editor, typed)
            self.qtbot.keyClick(editor, Qt.Key.Key_Return)

        self._do(type_)

    @rule(count=st.integers(1, 8))
    def backspace(self, count):
        def delete() -> None:
            for _ in range(count):
                self.qtbot.keyClick(self.window.editor, Qt.Key.Key_Backspace)

        self._do(delete)

    @rule()
    def undo(self):
        self._do(self.window.editor.undo)

    @rule(presses=st.lists(st.booleans(), min_size=1, max_size=4))
    def undo_and_redo_with_the_keys(self, presses):
        """Ctrl+Z (False) and Ctrl+Shift+Z (True), as a user presses them."""

        def press() -> None:
            for redo in presses:
                modifiers = Qt.KeyboardModifier.ControlModifier
                if redo:
                    modifiers |= Qt.KeyboardModifier.ShiftModifier
                self.qtbot.keyClick(self.window.editor, Qt.Key.Key_Z, modifiers)

        self._do(press)

    @rule(pasted=st.lists(lines, min_size=5, max_size=40), everything=st.booleans())
    def paste_many_lines(self, pasted, everything):
        editor = self.window.editor

        def paste() -> None:
            if everything:
                editor.selectAll()  # the paste replaces the text
            editor.insertPlainText("\n".join(pasted) + "\n")

        self._do(paste)

    @rule(edits=st.lists(st.sampled_from(["x", "y z", None]), min_size=2, max_size=8))
    def type_without_waiting(self, edits):
        """An impatient user: every edit lands while the runs of the earlier ones are under
        way (the controller folds them); only then is the result waited for."""
        editor = self.window.editor

        def burst() -> None:
            editor.moveCursor(QTextCursor.MoveOperation.End)
            for edit in edits:
                if edit is None:
                    self.qtbot.keyClick(editor, Qt.Key.Key_Delete)
                else:
                    self.qtbot.keyClicks(editor, edit)
                QCoreApplication.processEvents()  # the run starts; the next key comes at once

        self._do(burst)

    # --- settings -------------------------------------------------------------------------

    @rule(config=configs)
    def set_settings_in_the_controls(self, config):
        controls = self.window.controls

        def set_() -> None:
            controls.seed.setValue(config["seed"])
            controls.embedding_size.setValue(config["embedding_size"])
            controls.hidden_size.setValue(config["hidden_size"])
            controls.cell.setCurrentIndex(CELLS.index(config["cell"]))
            controls.nonlinearity.setCurrentIndex(NONLINEARITIES.index(config["nonlinearity"]))
            controls.attention.setCurrentIndex(ATTENTIONS.index(config["attention"]))
            index = controls.heads.findData(config["heads"])
            if index >= 0:
                controls.heads.setCurrentIndex(index)
            controls.mask_padding.setChecked(config["mask_padding"])
            controls.causal.setChecked(config["causal"])
            controls.temperature.setValue(config["temperature"])

        self._do(set_)

    @rule(changes=st.sampled_from(INVALID_SETTINGS))
    def set_an_impossible_setting(self, changes):
        before = self.controller.config
        self._do(lambda: self.controller.update_config(**changes))
        if self.controller.config != before:  # only a head count may be fitted for the user
            assert set(changes) <= {"attention", "heads", "hidden_size"}

    @rule()
    def new_random_weights(self):
        self._do(self.window.controls.new_weights.click)

    # --- view -----------------------------------------------------------------------------

    @rule(sentence=st.integers(-1, 8), head=st.integers(-1, 6))
    def choose_what_is_shown(self, sentence, head):
        self._do(lambda: self.controller.update_view(sentence=sentence, head=head))

    @rule(shown=st.booleans())
    def show_or_hide_padding(self, shown):
        self._do(lambda: self.controller.update_view(padding=shown))

    @rule(step=st.sampled_from([-1, 1]))
    def turn_the_page(self, step):
        self._do(lambda: self.window.heatmap.turn_page(step))

    @rule(cell=st.tuples(*[st.integers(-1, 8)] * 4))
    def pick_a_cell(self, cell):
        self._do(lambda: self.controller.select_cell(cell))

    @rule(which=st.sampled_from(["sentence", "head"]), index=st.integers(0, 8))
    def choose_in_a_selector(self, which, index):
        heatmap = self.window.heatmap
        combo = heatmap.sentence_selector if which == "sentence" else heatmap.head_selector
        if combo.isVisible() and combo.isEnabled() and combo.count():
            index = index % combo.count()

            def choose() -> None:
                combo.setCurrentIndex(index)
                combo.activated.emit(index)

            self._do(choose)

    @rule(points=st.lists(st.tuples(st.floats(0, 1), st.floats(0, 1)), min_size=1, max_size=6))
    def hover_over_the_heatmap(self, points):
        viewport = self.window.heatmap.canvas.viewport()

        def move() -> None:
            for x, y in points:
                at = QPoint(int(x * (viewport.width() - 1)), int(y * (viewport.height() - 1)))
                self.qtbot.mouseMove(viewport, at)

        self._do(move)

    # --- sessions -------------------------------------------------------------------------

    @rule(target=saved)
    def save_through_the_file_menu(self):
        self.count += 1
        self.dialog_path = str(self.folder / f"session-{self.count}.json")
        session = self.controller.session()
        attention = None
        if self.controller.error is None and self.controller.result is not None:
            attention = self.controller.result.attention_maps.copy()
        target = self.folder / f"session-{self.count}.json"  # an earlier example's, maybe
        before = target.read_bytes() if target.exists() else None
        self._do(self.window.file_actions.save_session.trigger)
        # Files are written on another thread: wait for this one (or its failure).
        self.qtbot.waitUntil(lambda: not self.window.file_actions.writing, timeout=WAIT_MS)
        if any(len(word) > MAX_TOKEN_CHARS for word in session.text.split()):
            # A session that could not be opened again is refused, and the user told why.
            assert len(self.failures) == 1 and f"{MAX_TOKEN_CHARS:,}" in self.failures[0]
            assert (target.read_bytes() if target.exists() else None) == before
            self.failures.clear()
            return multiple()
        assert not self.failures, self.failures
        assert load_session(self.dialog_path) == session  # the codec, at once
        return self.dialog_path, session, attention

    @rule(item=saved)
    def open_a_saved_session(self, item):
        path, session, attention = item
        assert load_session(path) == session
        self.dialog_path = path
        with _answer(QMessageBox.StandardButton.Yes):
            self._do(self.window.file_actions.open_session.trigger)
        assert not self.failures, self.failures
        assert self.controller.session() == session
        if attention is not None:
            assert self.controller.error is None
            np.testing.assert_array_equal(self.controller.result.attention_maps, attention)

    @rule(text=texts, config=configs, sentence=st.integers(-1, 9), head=st.integers(-1, 7))
    def open_an_odd_but_valid_session(self, text, config, sentence, head):
        session = Session(text, ModelConfig(**config), ViewSettings(sentence, head, 2))
        self._do(lambda: self.controller.load_session(session))
        assert self.controller.text == session.text

    @rule(item=consumes(saved), spoil=garbage)
    def open_garbage(self, item, spoil):
        """A saved session spoilt (or random bytes): refused with a message, work kept;
        as an autosave, it is set aside, never read as work and never lost."""
        path, session, _ = item
        data = spoilt(*spoil, session.to_json())
        with open(path, "wb") as stream:
            stream.write(data)
        before = self.controller.session()
        self.dialog_path = path
        self._do(self.window.file_actions.open_session.trigger)
        assert len(self.failures) == 1, self.failures
        self.failures.clear()
        assert self.controller.session() == before
        with pytest.raises(InputError):
            load_session(path)

        store = RecoveryStore(self.folder / f"autosave-{self.count}")
        store.folder.mkdir(exist_ok=True)
        broken = "20260101-101010-1-abcdef.json"  # a name the program gives its files
        (store.folder / broken).write_bytes(data)
        recovered, [(kept, _, moved)] = store.newest()  # set aside, never over an earlier one
        assert recovered is None and moved and kept.name.startswith(UNREADABLE)
        assert kept.read_bytes() == data

    # --- invariants -----------------------------------------------------------------------

    @invariant()
    def the_views_show_a_fresh_run_of_the_current_input(self):
        controller = self.controller
        if controller.is_busy:
            return
        error = controller.error
        assert error is None or isinstance(error, (InputError, MemoryError)), repr(error)
        if error is not None or controller.result is None:
            return
        fresh = run_pipeline(controller.text, controller.config)
        description = self.window.heatmap.description
        view = controller.view
        keys = panel_keys(fresh, view.sentence, view.head)
        assert description.total == len(keys)
        for panel in description.panels:
            assert (panel.sentence, panel.head) in keys
            own = view.sentence >= 0 and not view.padding  # a sentence alone, at its length
            size = int(fresh.lengths[panel.sentence]) if own else fresh.max_length
            shown = fresh.attention_maps[panel.sentence, panel.head, :size, :size]
            np.testing.assert_allclose(panel.values, shown, atol=1e-6)

    @invariant()
    def the_controls_show_the_settings(self):
        controls, config = self.window.controls, self.controller.config
        assert controls.seed.value() == config.seed
        assert controls.embedding_size.value() == config.embedding_size
        assert controls.hidden_size.value() == config.hidden_size
        assert CELLS[controls.cell.currentIndex()] == config.cell
        assert NONLINEARITIES[controls.nonlinearity.currentIndex()] == config.nonlinearity
        assert ATTENTIONS[controls.attention.currentIndex()] == config.attention
        assert controls.heads.currentData() == config.heads
        assert controls.mask_padding.isChecked() == config.mask_padding
        assert controls.causal.isChecked() == config.causal
        assert abs(controls.temperature.value() - config.temperature) <= 5e-4 + 1e-9

    @invariant()
    def the_undo_history_stays_bounded_and_the_window_on_the_screen(self):
        assert self.window.editor.document().availableUndoSteps() <= MAX_UNDO_STEPS
        screen = QGuiApplication.primaryScreen().availableGeometry()
        assert self.window.width() <= screen.width()
        assert self.window.height() <= screen.height()

    @invariant()
    def the_editor_shows_the_text(self):
        # Qt's own liberties: toPlainText() gives a no-break space as a space (both split
        # words), and a document drops a byte-order mark at its very start.
        expected = self.controller.text.replace("\u00a0", " ").removeprefix("\ufeff")
        assert self.window.editor.toPlainText() == expected


class _answer:
    """Answer every "Replace the sentences?" question with ``button``."""

    def __init__(self, button) -> None:
        self.button = button

    def __enter__(self):
        self._saved = QMessageBox.question
        QMessageBox.question = staticmethod(lambda *args, **kwargs: self.button)

    def __exit__(self, *exc) -> None:
        QMessageBox.question = self._saved


def _answer_the_file_dialogs(monkeypatch) -> None:
    """The File menu's dialogs, as Qt's own functions: a file dialog answers the path the
    running machine chose, and a warning is kept as a failure instead of waiting for OK."""

    def path(*args, **kwargs):
        return ControllerMachine.current.dialog_path, ""

    def warn(parent, title, message, *args, **kwargs):
        ControllerMachine.current.failures.append(message)
        return QMessageBox.StandardButton.Ok

    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(path))
    monkeypatch.setattr(QFileDialog, "getOpenFileName", staticmethod(path))
    monkeypatch.setattr(QMessageBox, "warning", staticmethod(warn))


def test_the_controller_and_the_session_codec_hold_their_invariants(qtbot, tmp_path, monkeypatch):
    ControllerMachine.qtbot, ControllerMachine.folder = qtbot, tmp_path
    _answer_the_file_dialogs(monkeypatch)
    run_state_machine_as_test(
        ControllerMachine,
        settings=settings(
            max_examples=10,
            stateful_step_count=25,
            deadline=None,
            # Shrinking a GUI run takes minutes: the 25 steps of a failure are shown as found.
            phases=[Phase.explicit, Phase.reuse, Phase.generate],
            suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
        ),
    )
