"""The lesson drives the window: every step, in both languages, shows what its text names.

The walk checks what a class would see arriving at each step: the pane the step speaks of
in front, the settings it needs applied, its stage and control visible, every name it puts
in quotation marks (a control, a button, a task, a sentence) on screen, and the heads it
speaks of side by side.  Going back shows the step before again; ending the lesson gives
the teacher's own session back, and the autosave keeps that session while the lesson runs.

The walk also photographs every step at 1024×768 in both languages (into
``$ATTENTION_STUDY_SHOTS`` when set, to look at; else a temporary folder).
"""

from __future__ import annotations

import os
import re
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QImage
from PySide6.QtWidgets import (
    QAbstractButton,
    QComboBox,
    QDockWidget,
    QGroupBox,
    QLabel,
    QPlainTextEdit,
)

from conftest import WAIT_MS
from gui.application import install_translation
from gui.window.lesson_course import scene
from model.config import ModelConfig
from model.session import Session


@pytest.fixture(params=["en", "pt"])
def language(request, qapp):
    install_translation(qapp, request.param)
    yield request.param
    install_translation(qapp, "en")


def settle(qtbot, window, trained: dict | None = None) -> None:
    """Wait until the step's result (and the training run it asks for) is on screen."""
    controller = window.controller
    qtbot.waitUntil(lambda: not controller.is_busy, timeout=WAIT_MS)
    if trained:
        qtbot.waitUntil(
            lambda: (
                controller.result.training is not None
                and controller.result.training.steps == trained["steps"]
            ),
            timeout=WAIT_MS,
        )
    QCoreApplication.processEvents()
    qtbot.waitUntil(lambda: not controller.is_busy, timeout=WAIT_MS)
    window.finish_rendering()
    QCoreApplication.processEvents()


def plain(text: str) -> str:
    """A widget's text as read: no mnemonic ampersands, no trailing colon."""
    return text.replace("&&", "\0").replace("&", "").replace("\0", "&").strip().rstrip(":")


def on_screen(window) -> set[str]:
    """Every piece of text a class can read in ``window`` now."""
    found = set()
    for widget in window.findChildren(QLabel) + window.findChildren(QAbstractButton):
        if widget.isVisible():
            found.add(plain(widget.text()))
    for combo in window.findChildren(QComboBox):
        if combo.isVisible():
            found.add(plain(combo.currentText()))
    for box in window.findChildren(QGroupBox):
        if box.isVisible():
            found.add(plain(box.title()))
    for dock in window.findChildren(QDockWidget):
        if dock.isVisible():
            found.add(plain(dock.windowTitle()))
    for editor in window.findChildren(QPlainTextEdit):
        if editor.isVisible():
            found.update(line.strip() for line in editor.toPlainText().splitlines())
    return found


def clipped(window) -> list[str]:
    """Visible one-line labels whose text is wider than the room they were given (a label
    that elides by design, or wraps, is never clipped)."""
    from gui.widgets import ElidedLabel

    cut = []
    for label in window.findChildren(QLabel):
        if not label.isVisible() or label.wordWrap() or isinstance(label, ElidedLabel):
            continue
        text = label.text().replace("&&", "\0").replace("&", "").replace("\0", "&")
        if not text or "<" in text or "\n" in text:  # rich text and several lines aside
            continue
        if label.fontMetrics().horizontalAdvance(text) > label.contentsRect().width() + 1:
            cut.append(text)
    return cut


def in_front(window, panel: str) -> bool:
    if panel == "heatmap":
        return window.heatmap.isVisible()
    dock = window.docks[panel]
    return dock.isVisible() and dock.widget().isVisible()  # not a tab behind another


def photograph(window, folder: Path, name: str) -> None:
    """Keep the window as the class sees it, and check that its heatmap was drawn (a canvas
    of one colour is a heatmap that never painted)."""
    assert window.grab().save(str(folder / f"{name}.png")), name
    canvas = window.heatmap.canvas.grab().toImage().convertToFormat(QImage.Format.Format_RGB32)
    width, height = canvas.width(), canvas.height()
    samples = {
        canvas.pixel(x * (width - 1) // 24, y * (height - 1) // 24)
        for x in range(25)
        for y in range(25)
    }
    assert len(samples) > 3, f"{name}: the heatmap is blank"


# The projector, and the projector less a window frame and a desktop's panel.
@pytest.mark.parametrize("size", [(1024, 768), (1000, 740)])
def test_every_step_shows_what_its_text_names(qtbot, open_window, language, size, tmp_path):
    shots = Path(os.environ.get("ATTENTION_STUDY_SHOTS") or tmp_path)
    shots.mkdir(parents=True, exist_ok=True)
    window = open_window(size=size)
    window.show_lesson()
    if window.staging.mode != "class":  # on by itself on a small screen
        window.view_menu.class_layout.trigger()  # as on a 1024×768 projector
    assert window.staging.mode == "class"
    lesson, controller = window.lesson, window.controller
    for index in range(lesson.count):
        lesson.steps.setCurrentIndex(index)
        shown, step = scene(index), lesson.step
        settle(qtbot, window, shown["trained"])
        where = f"step {index} ({language}): {step['title']}"
        assert in_front(window, shown["panel"]), where
        for name, value in shown["settings"].items():
            assert getattr(controller.config, name) == value, where
        result = controller.result
        if shown["stage"]:
            assert shown["stage"] in result.keys, where
            assert window.inspector.panel(shown["stage"]).isVisible(), where
        if shown["control"]:
            control = window.lesson_course.control(shown["control"])
            assert control.isVisible() and control.isEnabled(), where
        if shown["explain"]:
            assert controller.state.cell == tuple(shown["explain"]), where
            assert window.explain.text.toPlainText().strip(), where
        if shown["trained"]:
            assert result.training is not None, where
            assert result.training.steps == shown["trained"]["steps"], where
        if controller.config.attention == "multihead" and controller.view.head == -1:
            assert len(window.heatmap.current_plots()) == controller.config.heads, where
        assert not clipped(window), f"{where}: {clipped(window)}"
        readable = on_screen(window)
        for name in re.findall(r"“([^”]+)”", step["text"]):
            assert any(name in text for text in readable), f"{where}: “{name}” is not on screen"
        photograph(window, shots, f"lesson-{language}-{size[0]}-{index:02d}")


def test_going_back_shows_the_step_before_and_ending_gives_the_teachers_work_back(
    qtbot, open_window
):
    teacher = Session("a minha frase\noutra frase", ModelConfig(seed=7, hidden_size=6))
    window = open_window(teacher.text, teacher.config)
    controller = window.controller
    window.show_lesson()
    settle(qtbot, window)
    assert controller.text != teacher.text  # the lesson works on the notebook's sentences
    lesson = window.lesson
    before = None
    for index in range(lesson.count):
        lesson.steps.setCurrentIndex(index)
        settle(qtbot, window)
        if scene(index)["settings"].get("attention") == "multihead":
            lesson.go(-1)
            settle(qtbot, window)
            assert controller.config == before  # the step before, as it was
            break
        before = controller.config
    lesson.close_button.click()
    settle(qtbot, window)
    assert not window.docks["lesson"].isVisible()
    assert controller.session().source() == teacher.source()


def test_the_autosave_keeps_the_teachers_session_while_the_lesson_runs(qtbot, open_window):
    from gui.window.autosave import Autosaver

    written = []

    class Slot:
        def save(self, session):
            written.append(session)

        def release(self):
            pass

    teacher = Session("a minha frase", ModelConfig(seed=5))
    window = open_window(teacher.text, teacher.config)
    saver = Autosaver(window.controller, Slot(), window)
    window.lesson_course.keeping.connect(saver.hold)
    window.show_lesson()
    settle(qtbot, window)
    window.lesson.steps.setCurrentIndex(12)  # multi-head attention
    settle(qtbot, window)
    saver.save_now()
    assert written and all(s.source() == teacher.source() for s in written)
    window.end_lesson()
    settle(qtbot, window)
    written.clear()
    window.controller.update_config(seed=9)
    settle(qtbot, window)
    saver.save_now()
    assert written[-1].config.seed == 9  # the window's own again


def test_the_lesson_runs_from_the_first_step_to_the_last_with_the_keyboard(qtbot, open_window):
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QApplication

    window = open_window(size=(1024, 768))  # the active window, as a desktop opens it
    qtbot.keyClick(window.editor, Qt.Key.Key_F1)  # Help → Lesson
    qtbot.waitUntil(lambda: window.docks["lesson"].isVisible(), timeout=WAIT_MS)
    lesson = window.lesson
    for index in range(1, lesson.count):
        focused = QApplication.focusWidget()
        assert focused is lesson.next, focused  # the keyboard stays on Next
        qtbot.keyClick(focused, Qt.Key.Key_Space)
        settle(qtbot, window, scene(index)["trained"])
        assert lesson.index == index
    assert not lesson.next.isEnabled()


def test_axis_and_colour_bar_titles_elide_to_their_sides_in_the_class_layout(
    qtbot, qapp, open_window
):
    from PySide6.QtGui import QFont, QFontMetricsF

    install_translation(qapp, "pt")
    try:
        window = open_window(size=(1024, 768))
        window.show_lesson()
        if window.staging.mode != "class":
            window.view_menu.class_layout.trigger()
        settle(qtbot, window)
        plot = window.heatmap.current_plots()[0]
        metrics = QFontMetricsF(plot._title_font())
        left = plot.plot.getAxis("left").labelText
        qtbot.waitUntil(
            lambda: (
                metrics.horizontalAdvance(plot.plot.getAxis("left").labelText)
                <= plot.plot.vb.rect().height() + 1
            ),
            timeout=2000,
        )
        canvas = window.heatmap.canvas
        font = QFont(canvas.font())
        font.setPointSizeF(10 * canvas.font_scale)
        bar = canvas._bar
        qtbot.waitUntil(
            lambda: (
                QFontMetricsF(font).horizontalAdvance(bar.getAxis("right").labelText)
                <= bar.height() + 1
            ),
            timeout=2000,
        )
        assert left
    finally:
        install_translation(qapp, "en")
