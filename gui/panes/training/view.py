"""The Train panel: a task, Play and Pause, a chart of how training goes, and a timeline.

Untrained, attention is near-uniform noise; press Play and the heatmap sharpens into the
pattern the task needs, on the user's own sentences.  The chart shows the loss (right axis)
and the accuracy and the weight on the expected keys (left axis, 0 to 1) at every step.
"""

from __future__ import annotations

from typing import NamedTuple

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtWidgets import (
    QBoxLayout,
    QFormLayout,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QSizePolicy,
    QSlider,
    QVBoxLayout,
    QWidget,
)

from gui import texts
from gui.jobs.training import PLAYING
from gui.panes.training.narrow import ElidingButton, WrappingLabel
from gui.widgets import ElidedComboBox
from model.training.settings import LEARNING_RATES, TASKS

SPEEDS = (1, 5, 20, 50)  # optimizer steps per frame


class TrainedView(NamedTuple):
    """What the panel says about trained weights on screen."""

    step: int  # the latest step
    task: str
    history: object  # loss, accuracy and expected_weight, one value per step
    saved: tuple[int, ...] = ()  # the steps the timeline can go back to
    viewing: int | None = None  # a saved step shown from the timeline, or None: the latest


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
        self.task = ElidedComboBox(5)  # the pane stays narrow; each list shows all
        for task in TASKS:
            self.task.addItem(texts.task_name(task), task)
        self.task.setToolTip(self.tr("What the model is trained to do with your words"))
        self.rate = ElidedComboBox(5)
        for rate in LEARNING_RATES:
            self.rate.addItem(texts.number(rate), rate)
        self.rate.setToolTip(self.tr("How big each step is; changing it never restarts"))
        self.speed = ElidedComboBox(5)
        for speed in SPEEDS:
            self.speed.addItem(self.tr("{n} per frame").format(n=speed), speed)
        self.speed.setCurrentIndex(1)
        self.speed.setToolTip(self.tr("Optimizer steps between two pictures"))
        self.play = ElidingButton(self.tr("▶ Play"))
        self.play.setToolTip(self.tr("Train, and watch the heatmap change (Space on the heatmap)"))
        self.step = ElidingButton(self.tr("Step"))
        self.step.setToolTip(self.tr("One optimizer step"))
        self.reset = ElidingButton(self.tr("Reset"))
        self.reset.setToolTip(self.tr("Back to the untrained weights, step 0"))
        self.preset = ElidingButton(self.tr("Preset: previous, E = 16, H = 32"))
        self.preset.setToolTip(self.tr("Settings that learn the previous word within seconds"))
        self.compare = ElidingButton(self.tr("Compare with untrained"))
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
        # The chart is made when the panel is first on screen and drawn only while it is:
        # a plot costs start-up time, and redrawing a hidden one costs every frame.
        self.chart = None  # a gui.panes.training.chart.TrainingChart once shown
        self._chart_place = QWidget()
        self._chart_place.setMinimumHeight(150)
        QVBoxLayout(self._chart_place).setContentsMargins(0, 0, 0, 0)
        self._chart_data = None  # (history, viewing) to draw, or None for none
        self._drawn = None  # (chart data, task) last drawn (see _draw_chart)
        self._legend = None  # the chart's legend, made with it
        self._task = TASKS[0]  # the task the chart's curves are named for
        self.timeline = QSlider(Qt.Orientation.Horizontal)
        self.timeline.setToolTip(self.tr("Go back through the saved steps (0, 10, 20 …)"))
        self.timeline.setEnabled(False)
        self.timeline_label = WrappingLabel()
        self.latest = ElidingButton(self.tr("Latest"))
        self.latest.setToolTip(self.tr("Back to the latest step"))

        form = QFormLayout()
        form.setContentsMargins(0, 0, 0, 0)
        for text, widget in (
            (self.tr("Tas&k:"), self.task),
            (self.tr("Learnin&g rate:"), self.rate),
            (self.tr("Speed:"), self.speed),
        ):
            label = WrappingLabel(text)  # "Taxa de aprendizado:" over two lines when narrow
            label.setBuddy(widget)
            form.addRow(label, widget)
        # Play across the panel, Step and Reset under it: the panel stays narrow enough for
        # the left column of a 1024-pixel screen, in either language.
        buttons = QGridLayout()
        buttons.addWidget(self.play, 0, 0, 1, 2)
        buttons.addWidget(self.step, 1, 0)
        buttons.addWidget(self.reset, 1, 1)
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
        # The slider beside "step 30" and Latest, or above them in a narrow column (fit_to).
        timeline = self._timeline_row = QBoxLayout(QBoxLayout.Direction.LeftToRight)
        timeline.addWidget(self.timeline, 1)
        where = QHBoxLayout()
        where.addWidget(self.timeline_label, 1)
        where.addWidget(self.latest)
        timeline.addLayout(where)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.about)
        layout.addLayout(buttons)
        layout.addWidget(self.status)
        layout.addWidget(self.note)
        layout.addWidget(self._chart_place, 1)
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

    def fit_to(self, width: int) -> None:
        """The timeline's slider on a line of its own when ``width`` leaves it too short to
        drag (the scroll area calls this with its width)."""
        step = self.tr("step {n}").format(n=1000)
        label = self.timeline_label.fontMetrics().horizontalAdvance(step)
        latest = self.latest.sizeHint().width()
        row = self._timeline_row
        beside = latest + label + latest + 2 * row.spacing()  # (a slider as long as Latest)
        margins = self.layout().contentsMargins()
        direction = QBoxLayout.Direction
        wide = width - margins.left() - margins.right() >= beside
        row.setDirection(direction.LeftToRight if wide else direction.TopToBottom)

    def changeEvent(self, event) -> None:  # noqa: N802 (Qt's name)
        super().changeEvent(event)
        if event.type() == QEvent.Type.FontChange:  # zoomed: the same width holds less
            self.fit_to(self.width())

    def show_settings(self, settings, causal: bool = False) -> None:
        """The task, and the rate the next step takes (after any change of rate)."""
        self.task.setCurrentIndex(TASKS.index(settings.task))
        rate = settings.current_rate
        rates = [self.rate.itemData(i) for i in range(self.rate.count())]
        if rate not in rates:
            self.rate.addItem(texts.number(rate), rate)
            rates.append(rate)
        self.rate.setCurrentIndex(rates.index(rate))
        self.about.setText(texts.task_text(settings.task, causal))
        if settings.task != self._task:
            self._task = settings.task
            self._draw_chart()

    def show_state(
        self,
        status: str,
        shown: TrainedView | None,
        note: str,
        retraining: tuple[int, int] | None = None,
    ) -> None:
        """``status`` from the training control; ``shown`` the trained weights on screen;
        ``retraining`` (steps done, steps to reach) while an opened session retrains."""
        self.play.setText(self.tr("❚❚ Pause") if status == PLAYING else self.tr("▶ Play"))
        if retraining is not None:
            done, target = retraining
            self.status.setText(
                self.tr("Retraining to step {n}: {k} done…").format(n=target, k=done)
            )
        if shown is None:
            if retraining is None:
                self.status.setText(self.tr("Untrained: random weights, as in the notebook"))
            self._chart_data = None
            self._saved = ()
            self.timeline.setEnabled(False)
            self.timeline_label.setText("")
        else:
            step = shown.viewing if shown.viewing is not None else shown.step
            task = texts.task_name(shown.task)
            self._task = shown.task
            if retraining is None:
                trained = self.tr("Trained: step {n}, task {task}")
                self.status.setText(trained.format(n=step, task=task))
            self._chart_data = (shown.history, shown.viewing)
            self._saved = shown.saved
            self.timeline.setEnabled(len(self._saved) > 1)
            self.timeline.setRange(0, max(len(self._saved) - 1, 0))
            position = self._saved.index(step) if step in self._saved else len(self._saved) - 1
            self.timeline.blockSignals(True)
            self.timeline.setValue(max(position, 0))
            self.timeline.blockSignals(False)
            self.timeline_label.setText(self.tr("step {n}").format(n=step))
        self.note.setText(note)
        self.note.setVisible(bool(note))
        self._draw_chart()

    def showEvent(self, event) -> None:  # noqa: N802 (Qt's name)
        super().showEvent(event)
        self._draw_chart()

    def _draw_chart(self) -> None:
        if not self.isVisible():
            return  # drawn when shown
        from gui.panes.training.chart import TrainingChart, legend_html

        if self.chart is None:
            self.chart = TrainingChart()
            self.chart.set_names(self.tr("loss"), self.tr("step"))
            self._legend = QLabel()
            self._legend.setWordWrap(True)
            self._chart_place.layout().addWidget(self._legend)
            self._chart_place.layout().addWidget(self.chart, 1)
        # A picture of training reaches the pane twice (the weights, then their result):
        # the chart is drawn again only for another history, step viewed or task.
        drawn = (self._chart_data, self._task)
        if self._drawn is not None and _same(self._drawn, drawn):
            return
        self._drawn = drawn
        self._legend.setText(legend_html(self._curve_names()))
        if self._chart_data is None:
            self.chart.clear_history()
        else:
            self.chart.show_history(*self._chart_data, expected=self._task != "next")

    def _curve_names(self) -> dict[str, str]:
        """The curves the task has: "next" expects no key, and its accuracy is the share
        of next words guessed right."""
        if self._task == "next":
            return {
                "accuracy": self.tr("next-word accuracy"),
                "loss": self.tr("loss (right axis)"),
            }
        return {
            "accuracy": self.tr("accuracy"),
            "expected_weight": self.tr("weight on the expected key"),
            "loss": self.tr("loss (right axis)"),
        }

    def _on_timeline(self, position: int) -> None:
        if 0 <= position < len(self._saved):
            self.timeline_label.setText(self.tr("step {n}").format(n=self._saved[position]))
            self.step_viewed.emit(self._saved[position])


def _same(drawn, shown) -> bool:
    """Whether two (chart data, task) are one picture: the very same history (a new one is
    made for every step published), the same step viewed and task."""
    (data, task), (other, other_task) = drawn, shown
    if data is None or other is None:
        return data is other and task == other_task
    return data[0] is other[0] and data[1] == other[1] and task == other_task
