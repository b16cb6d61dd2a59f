"""The Train panel: a task, Play and Pause, a chart of how training goes, and a timeline.

Untrained, attention is near-uniform noise; press Play and the heatmap sharpens into the
pattern the task needs, on the user's own sentences.  The chart shows the loss (right axis)
and the accuracy and the weight on the expected keys (left axis, 0 to 1) at every step.
"""

from __future__ import annotations

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSizePolicy,
    QSlider,
    QVBoxLayout,
    QWidget,
)

from gui import texts
from gui.training.control import PLAYING, UNTRAINED
from model.training.settings import LEARNING_RATES, TASKS

SPEEDS = (1, 5, 20, 50)  # optimizer steps per frame
COLOURS = {"loss": "#D55E00", "accuracy": "#0072B2", "expected_weight": "#009E73"}


class TrainingChart(pg.PlotWidget):
    """Loss on its own axis (right), accuracy and expected weight on 0–1 (left)."""

    def __init__(self) -> None:
        super().__init__(background="w")
        self.setMinimumHeight(150)
        plot = self.getPlotItem()
        plot.setMenuEnabled(False)
        plot.hideButtons()
        plot.setMouseEnabled(False, False)
        plot.showGrid(y=True, alpha=0.25)
        plot.setYRange(0, 1, padding=0.02)
        plot.addLegend(offset=(8, 8), labelTextColor="#202020")
        self.accuracy = plot.plot(pen=pg.mkPen(COLOURS["accuracy"], width=2))
        self.weight = plot.plot(pen=pg.mkPen(COLOURS["expected_weight"], width=2))
        self._loss_box = pg.ViewBox()
        plot.showAxis("right")
        plot.scene().addItem(self._loss_box)
        plot.getAxis("right").linkToView(self._loss_box)
        self._loss_box.setXLink(plot)
        self.loss = pg.PlotCurveItem(pen=pg.mkPen(COLOURS["loss"], width=2))
        self._loss_box.addItem(self.loss)
        plot.vb.sigResized.connect(self._fit_loss_box)
        self.cursor = pg.InfiniteLine(angle=90, pen=pg.mkPen("#808080", style=Qt.PenStyle.DashLine))
        plot.addItem(self.cursor)
        self.cursor.hide()

    def set_names(self, loss: str, accuracy: str, weight: str, step: str) -> None:
        plot = self.getPlotItem()
        plot.legend.clear()
        plot.legend.addItem(self.accuracy, accuracy)
        plot.legend.addItem(self.weight, weight)
        plot.legend.addItem(self.loss, loss)
        plot.setLabel("bottom", step)
        plot.setLabel("right", loss, color=COLOURS["loss"])

    def _fit_loss_box(self) -> None:
        self._loss_box.setGeometry(self.getPlotItem().vb.sceneBoundingRect())

    def show_history(self, history, viewing: int | None) -> None:
        steps = np.arange(1, len(history.loss) + 1)
        self.accuracy.setData(steps, history.accuracy)
        self.weight.setData(steps, history.expected_weight)
        self.loss.setData(steps, history.loss)
        if len(history.loss):
            self._loss_box.setYRange(0, float(np.max(history.loss)) * 1.05, padding=0)
        self.cursor.setVisible(viewing is not None)
        if viewing is not None:
            self.cursor.setValue(viewing)

    def clear_history(self) -> None:
        # (not "clear": PlotWidget puts PlotItem.clear, which removes every item, on the
        # instance under that name)
        for curve in (self.accuracy, self.weight, self.loss):
            curve.setData([], [])
        self.cursor.hide()


class TrainingPanel(QWidget):
    """Controls and state of training; it sends the user's wishes to the controller."""

    task_chosen = Signal(str)
    rate_chosen = Signal(float)
    speed_chosen = Signal(int)
    play_pressed = Signal()
    step_pressed = Signal()
    reset_pressed = Signal()
    step_viewed = Signal(int)
    """A saved step chosen on the timeline (-1: back to the latest)."""
    preset_chosen = Signal()
    compare_pressed = Signal()

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.task = QComboBox()
        for task in TASKS:
            self.task.addItem(texts.task_name(task), task)
        self.task.setToolTip(self.tr("What the model is trained to do with your words"))
        self.rate = QComboBox()
        for rate in LEARNING_RATES:
            self.rate.addItem(f"{rate:g}", rate)
        self.rate.setToolTip(self.tr("How big each step is; changing it never restarts"))
        self.speed = QComboBox()
        for speed in SPEEDS:
            self.speed.addItem(self.tr("{n} per frame").format(n=speed), speed)
        self.speed.setCurrentIndex(1)
        self.speed.setToolTip(self.tr("Optimizer steps between two pictures"))
        self.play = QPushButton(self.tr("▶ Play"))
        self.play.setToolTip(self.tr("Train, and watch the heatmap change (Space on the heatmap)"))
        self.step = QPushButton(self.tr("Step"))
        self.step.setToolTip(self.tr("One optimizer step"))
        self.reset = QPushButton(self.tr("Reset"))
        self.reset.setToolTip(self.tr("Back to the untrained weights, step 0"))
        self.preset = QPushButton(self.tr("Preset: previous, E = 16, H = 32"))
        self.preset.setToolTip(self.tr("Settings that learn the previous word within seconds"))
        self.compare = QPushButton(self.tr("Compare with untrained"))
        self.compare.setToolTip(self.tr("Show untrained (A), trained (B) and B − A side by side"))
        self.status = QLabel()
        self.status.setWordWrap(True)
        font = self.status.font()
        font.setBold(True)
        self.status.setFont(font)
        self.note = QLabel()
        self.note.setWordWrap(True)
        self.note.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self.about = QLabel()
        self.about.setWordWrap(True)
        self.about.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self.chart = TrainingChart()
        self.chart.set_names(
            self.tr("loss"),
            self.tr("accuracy"),
            self.tr("weight on the expected key"),
            self.tr("step"),
        )
        self.timeline = QSlider(Qt.Orientation.Horizontal)
        self.timeline.setToolTip(self.tr("Go back through the saved steps (0, 10, 20 …)"))
        self.timeline.setEnabled(False)
        self.timeline_label = QLabel()
        self.latest = QPushButton(self.tr("Latest"))
        self.latest.setToolTip(self.tr("Back to the latest step"))

        form = QFormLayout()
        form.setContentsMargins(0, 0, 0, 0)
        for text, widget in (
            (self.tr("Tas&k:"), self.task),
            (self.tr("Learnin&g rate:"), self.rate),
            (self.tr("Speed:"), self.speed),
        ):
            label = QLabel(text)
            label.setBuddy(widget)
            form.addRow(label, widget)
        buttons = QHBoxLayout()
        for button in (self.play, self.step, self.reset):
            buttons.addWidget(button)
        timeline = QHBoxLayout()
        timeline.addWidget(self.timeline, 1)
        timeline.addWidget(self.timeline_label)
        timeline.addWidget(self.latest)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.about)
        layout.addLayout(buttons)
        layout.addWidget(self.status)
        layout.addWidget(self.note)
        layout.addWidget(self.chart, 1)
        layout.addLayout(timeline)
        layout.addWidget(self.preset)
        layout.addWidget(self.compare)

        self._saved: tuple[int, ...] = ()
        self.task.activated.connect(lambda i: self.task_chosen.emit(self.task.itemData(i)))
        self.rate.activated.connect(lambda i: self.rate_chosen.emit(float(self.rate.itemData(i))))
        self.speed.activated.connect(lambda i: self.speed_chosen.emit(int(self.speed.itemData(i))))
        self.play.clicked.connect(self.play_pressed)
        self.step.clicked.connect(self.step_pressed)
        self.reset.clicked.connect(self.reset_pressed)
        self.preset.clicked.connect(self.preset_chosen)
        self.compare.clicked.connect(self.compare_pressed)
        self.timeline.sliderMoved.connect(self._on_timeline)
        self.latest.clicked.connect(lambda: self.step_viewed.emit(-1))

    def show_settings(self, settings) -> None:
        self.task.setCurrentIndex(TASKS.index(settings.task))
        rates = [self.rate.itemData(i) for i in range(self.rate.count())]
        if settings.learning_rate not in rates:
            self.rate.addItem(f"{settings.learning_rate:g}", settings.learning_rate)
            rates.append(settings.learning_rate)
        self.rate.setCurrentIndex(rates.index(settings.learning_rate))
        self.about.setText(texts.task_text(settings.task))

    def show_state(self, status: str, published, note: str) -> None:
        """``status`` from the training control; ``published`` the weights shown (or None)."""
        self.play.setText(self.tr("⏸ Pause") if status == PLAYING else self.tr("▶ Play"))
        if status == UNTRAINED or published is None:
            self.status.setText(self.tr("Untrained: random weights, as in the notebook"))
            self.chart.clear_history()
            self._saved = ()
            self.timeline.setEnabled(False)
            self.timeline_label.setText("")
        else:
            shown = published.viewing if published.viewing is not None else published.step
            task = texts.task_name(published.job.settings.task)
            self.status.setText(
                self.tr("Trained: step {n}, task {task}").format(n=shown, task=task)
            )
            self.chart.show_history(published.history, published.viewing)
            self._saved = published.saved
            self.timeline.setEnabled(len(self._saved) > 1)
            self.timeline.setRange(0, max(len(self._saved) - 1, 0))
            position = self._saved.index(shown) if shown in self._saved else len(self._saved) - 1
            self.timeline.blockSignals(True)
            self.timeline.setValue(position)
            self.timeline.blockSignals(False)
            self.timeline_label.setText(self.tr("step {n}").format(n=shown))
        self.note.setText(note)
        self.note.setVisible(bool(note))

    def _on_timeline(self, position: int) -> None:
        if 0 <= position < len(self._saved):
            self.timeline_label.setText(self.tr("step {n}").format(n=self._saved[position]))
            self.step_viewed.emit(self._saved[position])
