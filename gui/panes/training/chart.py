"""The training chart: loss, accuracy and the weight on the expected key, step by step (the
task "next" has no expected key, and no such curve)."""

from __future__ import annotations

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QSize, Qt

from gui import texts

COLOURS = {"loss": "#D55E00", "accuracy": "#0072B2", "expected_weight": "#009E73"}


class LanguageAxis(pg.AxisItem):
    """Tick labels in the interface language's decimal mark (0,5 in Portuguese)."""

    def tickStrings(self, values, scale, spacing):  # noqa: N802 (pyqtgraph's name)
        return [texts.marks(text) for text in super().tickStrings(values, scale, spacing)]


class TrainingChart(pg.PlotWidget):
    """Loss on its own axis (right), accuracy and expected weight on 0–1 (left).

    A picture of the run, not a place to explore: the mouse neither pans nor zooms it (a
    wheel turned over it once left "step −5000 … 5000"), and its ranges follow the data.
    """

    def __init__(self) -> None:
        axes = {side: LanguageAxis(side) for side in ("left", "bottom", "right")}
        super().__init__(background="w", axisItems=axes)
        self.setMinimumHeight(150)
        plot = self.getPlotItem()
        plot.setMenuEnabled(False)
        plot.hideButtons()
        plot.setMouseEnabled(False, False)
        plot.showGrid(y=True, alpha=0.25)
        plot.setYRange(0, 1, padding=0.02)
        self.accuracy = plot.plot(pen=pg.mkPen(COLOURS["accuracy"], width=2))
        self.weight = plot.plot(pen=pg.mkPen(COLOURS["expected_weight"], width=2))
        self._loss_box = pg.ViewBox(enableMouse=False, enableMenu=False)
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

    def sizeHint(self) -> QSize:  # noqa: N802 (Qt's name)
        """Modest: the panel scrolls by its preferred height, and the chart takes whatever
        room is left (a view's default of 480 pixels pushed its axis out of sight)."""
        return QSize(300, 200)

    def set_names(self, loss: str, step: str) -> None:
        """Axis titles (the legend is a label above the chart: it never covers a curve)."""
        plot = self.getPlotItem()
        plot.setLabel("bottom", step)
        plot.setLabel("right", loss, color=COLOURS["loss"])

    def _fit_loss_box(self) -> None:
        self._loss_box.setGeometry(self.getPlotItem().vb.sceneBoundingRect())

    def show_history(self, history, viewing: int | None, expected: bool = True) -> None:
        """``expected``: the task expects keys, and the weight on them is drawn (the task
        "next" expects none: its weights are NaN, and no curve is drawn)."""
        steps = np.arange(1, len(history.loss) + 1)
        self.accuracy.setData(steps, history.accuracy)
        if expected:
            self.weight.setData(steps, history.expected_weight)
        else:
            self.weight.setData([], [])
        self.loss.setData(steps, history.loss)
        self._fit_ranges(len(steps), float(np.max(history.loss)) if len(steps) else 1.0)
        self.cursor.setVisible(viewing is not None)
        if viewing is not None:
            self.cursor.setValue(viewing)

    def clear_history(self) -> None:
        # (not "clear": PlotWidget puts PlotItem.clear, which removes every item, on the
        # instance under that name)
        for curve in (self.accuracy, self.weight, self.loss):
            curve.setData([], [])
        self.cursor.hide()
        self._fit_ranges(0, 1.0)

    def _fit_ranges(self, steps: int, top_loss: float) -> None:
        """Steps 1 … the last (at least 1 … 2), 0–1 on the left and 0 … the highest loss on
        the right: set each time, so nothing the view was given before can stay."""
        plot = self.getPlotItem()
        plot.setXRange(1, max(steps, 2), padding=0.02)
        plot.setYRange(0, 1, padding=0.02)
        self._loss_box.setYRange(0, max(top_loss, 1e-6) * 1.05, padding=0)


def legend_html(names: dict[str, str]) -> str:
    """A line of coloured marks and names for the chart's curves, ``names`` by curve key."""
    return " \u00a0 ".join(  # (no-break spaces as characters: "&" means a shortcut in labels)
        f'<span style="color:{COLOURS[key]}">■</span>\u00a0{name}' for key, name in names.items()
    )
