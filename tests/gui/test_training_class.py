"""The training pane as a class sees it: in Portuguese on a narrow column of a small
projector, with a mouse wheel turned over its chart, and in the dark theme."""

import pytest
from PySide6.QtCore import QPoint, QPointF, Qt
from PySide6.QtGui import QColor, QWheelEvent
from PySide6.QtWidgets import (
    QAbstractButton,
    QApplication,
    QCheckBox,
    QLabel,
    QStyle,
    QStyleOptionButton,
    QWidget,
)

from conftest import WAIT_MS, trained_to
from gui.application import install_translation
from gui.window.launch import settle
from model.config import ModelConfig

PRESET = ModelConfig(embedding_size=16, hidden_size=32)
NARROW = 150  # the training column squeezed: narrower than any of its long Portuguese words


@pytest.fixture
def portuguese(qapp):
    install_translation(qapp, "pt")
    yield
    install_translation(qapp, "en")


def trained_pane(qtbot, open_window, steps=5):
    window = open_window(config=PRESET, size=(1024, 768))
    window.docks["training"].show()
    window.docks["training"].raise_()
    trained_to(qtbot, window.controller, steps)
    panel = window.training
    qtbot.waitUntil(lambda: panel.chart is not None and panel.chart.isVisible(), timeout=WAIT_MS)
    return window, panel


def plain(text: str) -> str:
    return text.replace("&", "")


def test_the_training_pane_wraps_or_elides_in_portuguese_at_a_narrow_width(
    qtbot, qapp, open_window, portuguese
):
    window, panel = trained_pane(qtbot, open_window)
    assert panel.task.toolTip() != "What the model is trained to do with your words"  # pt
    dock = window.docks["training"]
    window.resizeDocks([dock], [NARROW], Qt.Orientation.Horizontal)
    settle(qapp)
    area = dock.widget()
    viewport = area.viewport()
    assert viewport.width() < 200  # (the column did narrow)
    for widget in panel.findChildren(QWidget):
        if not widget.isVisibleTo(panel) or widget.width() == 0:
            continue
        right = widget.mapTo(panel, QPoint(widget.width(), 0)).x()
        # Nothing reaches past the right edge, where no scroll bar would show it.
        assert right <= viewport.width(), (type(widget).__name__, right, viewport.width())
        if isinstance(widget, QLabel) and not widget.wordWrap():
            text = plain(widget.text())
            fits = widget.fontMetrics().horizontalAdvance(text) <= widget.width()
            assert fits or text in widget.toolTip(), text
        if isinstance(widget, QAbstractButton):
            text = plain(widget.text())
            option = QStyleOptionButton()
            widget.initStyleOption(option)
            contents = widget.style().subElementRect(
                QStyle.SubElement.SE_PushButtonContents, option, widget
            )
            fits = widget.fontMetrics().horizontalAdvance(text) <= contents.width()
            assert fits or text in widget.toolTip(), text  # "Recome…": the tooltip says it
    # It scrolls up and down instead: the last button can be brought into view.
    assert area.verticalScrollBarPolicy() != Qt.ScrollBarPolicy.ScrollBarAlwaysOff
    assert area.verticalScrollBar().maximum() > 0
    area.ensureWidgetVisible(panel.compare)
    settle(qapp)
    assert not panel.compare.visibleRegion().isEmpty()


def test_the_training_pane_speaks_portuguese_numbers(qtbot, open_window, portuguese):
    window, panel = trained_pane(qtbot, open_window)
    assert panel.rate.currentText() == "0,01"
    for side in ("left", "right"):
        ticks = panel.chart.getPlotItem().getAxis(side).tickStrings([0.2, 0.4], 1, 0.2)
        assert ticks == ["0,2", "0,4"], side


def turn_wheel(chart, notches: int) -> None:
    viewport = chart.viewport()
    centre = QPointF(viewport.width() / 2, viewport.height() / 2)
    for _ in range(abs(notches)):
        event = QWheelEvent(
            centre,
            QPointF(viewport.mapToGlobal(centre.toPoint())),
            QPoint(0, 0),
            QPoint(0, -120 if notches < 0 else 120),
            Qt.MouseButton.NoButton,
            Qt.KeyboardModifier.NoModifier,
            Qt.ScrollPhase.NoScrollPhase,
            False,
        )
        QApplication.sendEvent(viewport, event)


def test_a_mouse_wheel_over_the_training_chart_leaves_it_showing_the_run(qtbot, qapp, open_window):
    window, panel = trained_pane(qtbot, open_window, steps=6)
    chart = panel.chart
    turn_wheel(chart, -15)  # out, far
    turn_wheel(chart, 4)
    settle(qapp)
    (first, last), (low, high) = chart.getPlotItem().viewRange()
    assert 0 <= first <= 1 and 6 <= last < 12  # steps 1 … 6, and no negative step
    assert low <= 0 and 1 <= high < 1.5  # accuracy and weight: 0 … 1
    loss = chart.loss.getData()[1]
    bottom, top = chart._loss_box.viewRange()[1]
    assert bottom >= 0 and 0 <= bottom <= loss.min() and loss.max() <= top < 2 * loss.max()
    trained_to(qtbot, window.controller, 8)  # and it follows the run
    first, last = chart.getPlotItem().viewRange()[0]
    assert 0 <= first <= 1 and 8 <= last < 12


def indicator_contrast(box: QCheckBox) -> float:
    """How far the unticked box's lightest or darkest pixel stands from the window behind."""
    option = QStyleOptionButton()
    box.initStyleOption(option)
    rect = box.style().subElementRect(QStyle.SubElement.SE_CheckBoxIndicator, option, box)
    image = box.grab().toImage()
    ratio = image.devicePixelRatio()
    window = box.palette().color(box.backgroundRole()).lightnessF()
    pixels = [
        QColor(image.pixel(int(x * ratio), int(y * ratio))).lightnessF()
        for x in range(rect.left(), rect.right() + 1)
        for y in range(rect.top(), rect.bottom() + 1)
    ]
    return max(abs(p - window) for p in pixels)


def test_an_unticked_checkbox_stands_out_in_the_dark_theme_as_in_the_light(qtbot, qapp):
    from gui.window import appearance

    contrast = {}
    try:
        for theme in ("light", "dark"):
            appearance.apply_theme(qapp, theme)
            box = QCheckBox("Mostrar <pad>")
            qtbot.addWidget(box)
            box.show()
            qtbot.waitExposed(box)
            contrast[theme] = indicator_contrast(box)
    finally:
        appearance.apply_theme(qapp, "light")
    assert contrast["light"] > 0.1  # (the measure sees Fusion's own outline)
    assert contrast["dark"] >= contrast["light"], contrast
