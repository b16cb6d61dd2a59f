"""A soak: thousands of random GUI actions, and the memory they leave.

Typing, deleting, pasting many lines, control changes, sentence, head and page changes,
undo and redo, mouse moves over the heatmap; sometimes waiting for the result, sometimes
not (the controller folds edits made during a run).  The benchmark reports resident memory
over the second half of the run (``soak_rss_growth_pct``): it should stay near 0.  What the
actions must never break is checked by the state machine in
``tests/gui/test_state_machine.py``.
"""

from __future__ import annotations

import contextlib
import gc
import os
import random
import sys
import time

from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QTextCursor
from PySide6.QtTest import QTest

from model.config import ATTENTIONS, CELLS

WORDS = "o gato dorme eu gosto de batata frita existem elefantes ação rápida 日本語 <pad>".split()


def rss_mib() -> float:
    """Resident memory now, after a collection (garbage waiting to go is not a leak)."""
    gc.collect()
    with open("/proc/self/statm") as stream:
        pages = int(stream.read().split()[1])
    return pages * os.sysconf("SC_PAGE_SIZE") / 2**20


class Soak:
    def __init__(self, window, qtbot, seed: int) -> None:
        self.window, self.qtbot = window, qtbot
        self.controller = window.controller
        self.editor = window.editor
        self.random = random.Random(seed)
        self.counts: dict[str, int] = {}

    # --- the actions ------------------------------------------------------------------------

    def type_words(self) -> None:
        if self._too_long():
            self.paste_lines()
        self.editor.moveCursor(QTextCursor.MoveOperation.End)
        ascii_words = [w for w in WORDS if w.isascii() and w.isalpha()]
        self.qtbot.keyClicks(self.editor, " ".join(self.random.sample(ascii_words, 3)))
        if self.random.random() < 0.3:
            self.qtbot.keyClick(self.editor, Qt.Key.Key_Return)

    def delete(self) -> None:
        key = self.random.choice([Qt.Key.Key_Backspace, Qt.Key.Key_Delete])
        for _ in range(self.random.randint(1, 12)):
            self.qtbot.keyClick(self.editor, key)

    def _too_long(self) -> bool:
        """Past teaching size: memory would follow the input, not a leak."""
        document = self.editor.document()
        return document.blockCount() > 80 or document.characterCount() > 8000

    def paste_lines(self) -> None:
        if self._too_long():
            self.editor.selectAll()  # the paste replaces everything
        lines = []
        for _ in range(self.random.randint(5, 40)):
            words = self.random.choices(WORDS, k=self.random.randint(1, 9))
            if self.random.random() < 0.05:
                words.append("w" * self.random.randint(200, 5000))  # a long word
            lines.append(" ".join(words))
        self.editor.insertPlainText("\n".join(lines) + "\n")

    def undo_redo(self) -> None:
        modifiers = Qt.KeyboardModifier.ControlModifier
        if self.random.random() < 0.4:  # Ctrl+Shift+Z: redo
            modifiers |= Qt.KeyboardModifier.ShiftModifier
        for _ in range(self.random.randint(1, 4)):
            self.qtbot.keyClick(self.editor, Qt.Key.Key_Z, modifiers)

    def change_a_control(self) -> None:
        controls = self.window.controls
        choice = self.random.randrange(8)
        if choice == 0:
            controls.seed.setValue(self.random.randint(0, 10_000))
        elif choice == 1:
            controls.embedding_size.setValue(self.random.randint(1, 24))
        elif choice == 2:
            controls.hidden_size.setValue(self.random.randint(1, 24))
        elif choice == 3:
            controls.cell.setCurrentIndex(self.random.randrange(len(CELLS)))
        elif choice == 4:
            controls.attention.setCurrentIndex(self.random.randrange(len(ATTENTIONS)))
        elif choice == 5 and controls.heads.count():
            controls.heads.setCurrentIndex(self.random.randrange(controls.heads.count()))
        elif choice == 6:
            box = self.random.choice([controls.mask_padding, controls.causal])
            box.setChecked(not box.isChecked())
        else:
            controls.temperature.setValue(self.random.choice([0.1, 0.5, 1.0, 2.0, 10.0]))

    def change_the_view(self) -> None:
        heatmap = self.window.heatmap
        choice = self.random.randrange(3)
        combo = heatmap.sentence_selector if choice == 0 else heatmap.head_selector
        if choice < 2 and combo.isVisible() and combo.isEnabled() and combo.count():
            index = self.random.randrange(combo.count())
            combo.setCurrentIndex(index)
            combo.activated.emit(index)
        else:
            heatmap.turn_page(self.random.choice([-1, 1]))

    def hover(self) -> None:
        viewport = self.window.heatmap.canvas.viewport()
        for _ in range(self.random.randint(1, 6)):
            point = QPoint(
                self.random.randrange(max(1, viewport.width())),
                self.random.randrange(max(1, viewport.height())),
            )
            self.qtbot.mouseMove(viewport, point)

    # --- running ----------------------------------------------------------------------------

    WEIGHTS = {
        "type_words": 30,
        "delete": 15,
        "paste_lines": 5,
        "undo_redo": 8,
        "change_a_control": 12,
        "change_the_view": 12,
        "hover": 18,
    }

    def step(self) -> None:
        name = self.random.choices(list(self.WEIGHTS), weights=list(self.WEIGHTS.values()))[0]
        self.counts[name] = self.counts.get(name, 0) + 1
        with self.qtbot.capture_exceptions() as raised:
            getattr(self, name)()
            if self.random.random() < 0.5:  # a patient user; else the next action at once
                self.qtbot.waitUntil(lambda: not self.controller.is_busy, timeout=60_000)
            else:
                self.qtbot.wait(0)
        assert not raised, raised

    def settle(self) -> None:
        self.qtbot.waitUntil(lambda: not self.controller.is_busy, timeout=60_000)
        self.qtbot.wait(20)


class _Hands:
    """What the soak asks of pytest-qt's ``qtbot``, outside pytest: keys, the mouse,
    waiting, and any exception a slot raised (Qt only prints those)."""

    keyClick = staticmethod(QTest.keyClick)  # noqa: N815 (qtbot's names)
    keyClicks = staticmethod(QTest.keyClicks)  # noqa: N815
    mouseMove = staticmethod(QTest.mouseMove)  # noqa: N815

    @staticmethod
    def waitUntil(condition, timeout: int) -> None:  # noqa: N802
        from tests.benchmarks.window import wait_until

        wait_until(condition, timeout / 1000)

    @staticmethod
    def wait(ms: int) -> None:
        from tests.benchmarks.window import wait

        wait(ms)

    @staticmethod
    @contextlib.contextmanager
    def capture_exceptions():
        raised: list = []
        previous, sys.excepthook = sys.excepthook, lambda *info: raised.append(info)
        try:
            yield raised
        finally:
            sys.excepthook = previous


def soak_figures(actions: int, seed: int = 8) -> dict:
    """Resident memory over ``actions`` random actions after a warm-up, and its growth over
    the second half (%): memory that stops growing is memory that does not leak."""
    from model.tokenizer import NOTEBOOK_TEXT
    from tests.benchmarks.window import close, open_window

    controller, window = open_window(NOTEBOOK_TEXT)
    try:
        soak = Soak(window, _Hands(), seed)
        for _ in range(max(20, actions // 20)):  # caches, fonts and plot items come early
            soak.step()
        soak.settle()
        start, started = rss_mib(), time.monotonic()
        half = start
        for k in range(actions):
            soak.step()
            if k == actions // 2 - 1:
                soak.settle()
                half = rss_mib()
        soak.settle()
        end = rss_mib()
        return {
            "soak_actions_per_s": round(actions / (time.monotonic() - started), 1),
            "soak_rss_mb": {"start": round(start, 1), "half": round(half, 1), "end": round(end, 1)},
            "soak_rss_growth_pct": round(100 * (end - half) / half, 2),
        }
    finally:
        close(controller, window)
