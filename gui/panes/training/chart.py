"""The training chart: loss, accuracy and the weight on the expected key, step by step."""

from __future__ import annotations

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QSize, Qt

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


def legend_html(names: dict[str, str]) -> str:
    """A line of coloured marks and names for the chart's curves, ``names`` by curve key."""
    return " \u00a0 ".join(  # (no-break spaces as characters: "&" means a shortcut in labels)
        f'<span style="color:{COLOURS[key]}">■</span>\u00a0{name}' for key, name in names.items()
    )
