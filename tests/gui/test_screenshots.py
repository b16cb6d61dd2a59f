"""Every view, rendered at the smallest and a large projector size, in both languages.

Each case renders the window as a teacher would see it and saves the picture (into
``$ATTENTION_STUDY_SHOTS`` when set, to look at; else a temporary folder).  The checks are
about layout and content, never pixels or font metrics: the view is on screen, inside the
window and big enough to use; its words are in the interface's language; its numbers are
the model's.
"""

import os
from pathlib import Path

import numpy as np
import pytest
from PySide6.QtCore import QRect
from PySide6.QtWidgets import QWidget

from conftest import WAIT_MS, wait_for_result
from gui.application import install_translation
from gui.window.launch import settle
from model.config import ModelConfig

SIZES = [(1024, 768), (1920, 1080)]
VIEWS = ["heatmap", "lines", "explain", "compare", "training", "lesson", "presentation"]
# A word each language shows in every view's surroundings (the menu bar), and never the other.
MENU_WORD = {"en": "&File", "pt": "&Arquivo"}


@pytest.fixture
def shots(tmp_path) -> Path:
    folder = Path(os.environ.get("ATTENTION_STUDY_SHOTS") or tmp_path)
    folder.mkdir(parents=True, exist_ok=True)
    return folder


def inside(widget: QWidget, window) -> bool:
    """The widget's whole rectangle lies within the window's."""
    top_left = widget.mapTo(window, widget.rect().topLeft())
    return window.rect().contains(QRect(top_left, widget.size()))


def prepare(qtbot, window, view: str):
    """Bring ``view`` on screen; return the widget that shows it."""
    controller = window.controller
    if view == "heatmap":
        return window.heatmap.canvas
    if view == "lines":
        window.heatmap.kind_selector.setCurrentIndex(1)
        window.heatmap.kind_selector.activated.emit(1)
        return window.heatmap.lines
    if view == "explain":
        window.heatmap.cell_chosen.emit((1, 0, 2, 1))
        return window.explain.text
    if view == "compare":
        controller.pin()
        wait_for_result(qtbot, controller, lambda: controller.update_config(mask_padding=True))
        return window.heatmap.canvas
    if view == "training":
        window.docks["training"].show()
        window.docks["training"].raise_()
        for _ in range(30):
            controller.step_training()
        qtbot.waitUntil(
            lambda: (
                controller.result.training is not None and controller.result.training.steps == 30
            ),
            timeout=WAIT_MS,
        )
        return window.docks["training"]  # (the panel scrolls inside it)
    if view == "lesson":
        window.show_lesson()
        window.lesson.go(4)  # forward four steps, to the fifth
        return window.lesson
    if view == "presentation":
        window.view_menu.set_theme("dark")
        window.view_menu.toggle_presentation()
        return window.heatmap.canvas
    raise AssertionError(view)


def check(window, view: str, shown: QWidget, language: str) -> None:
    controller = window.controller
    assert shown.isVisible() and inside(shown, window), view
    assert shown.width() >= 200 and shown.height() >= 120, (view, shown.size())
    menus = [action.text() for action in window.menuBar().actions()]
    assert MENU_WORD[language] in menus
    if view == "lines":
        assert not window.heatmap.canvas.isVisible()
    if view == "explain":
        value = f"{controller.result.attention_maps[1, 0, 2, 1]:.6f}"
        if language == "pt":
            value = value.replace(".", ",")  # Portuguese writes a decimal comma
        assert value in shown.toPlainText()
    if view == "compare":
        comparison = controller.comparison
        assert len(window.heatmap.current_plots()) == 3
        np.testing.assert_allclose(
            comparison.difference, comparison.b.attention_maps - comparison.a.attention_maps
        )
    if view == "training":
        assert window.training.chart is not None and window.training.chart.isVisible()
    if view == "lesson":
        step = window.lesson.step
        assert window.lesson.isVisible() and step["panel"] == "pipeline"
        assert not window.inspector.panel(step["stage"]).visibleRegion().isEmpty()  # scrolled to
    if view == "presentation":
        assert window.view_menu.presenting
        assert [k for k, dock in window.docks.items() if dock.isVisible()] == ["explain"]
        assert window.heatmap.canvas.backgroundBrush().color().lightness() < 60


@pytest.mark.parametrize("language", ["en", "pt"])
@pytest.mark.parametrize("size", SIZES, ids=lambda size: f"{size[0]}x{size[1]}")
@pytest.mark.parametrize("view", VIEWS)
def test_every_view_fits_and_speaks_the_language(
    qtbot, qapp, open_window, shots, view, size, language
):
    install_translation(qapp, language)
    window = None
    try:
        config = ModelConfig(attention="multihead") if view == "explain" else ModelConfig()
        window = open_window(config=config, size=size)
        shown = prepare(qtbot, window, view)
        window.finish_rendering()
        settle(qapp)  # the layout passes that follow a resize
        image = window.grab().toImage()
        assert (image.width(), image.height()) == (window.width(), window.height())
        image.save(str(shots / f"{view}-{size[0]}x{size[1]}-{language}.png"))
        check(window, view, shown, language)
    finally:
        if window is not None and window.view_menu.presenting:
            window.view_menu.toggle_presentation()
        if window is not None:
            window.view_menu.set_theme("light")
        install_translation(qapp, "en")
