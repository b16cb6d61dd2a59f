"""The pipeline pane's presenter: every stage of the result, for the sentence and head shown.

A large result fills its tables over several turns of the event loop (the view's slices),
starting within the frame's budget left by the heatmap; the very first result's panels are
made on the turn after the heatmap is on screen.  While a lesson's exercise hides the
weights, the tables of scores and weights (query × key) show none of their values.
"""

from __future__ import annotations

from PySide6.QtCore import QTimer

from gui import state as aspects
from gui.jobs.training import PLAYING
from gui.panes.presenter import PanePresenter


class PipelinePresenter(PanePresenter):
    shows = frozenset({aspects.RESULT, aspects.VIEW})

    def __init__(self, controller, view, dock, clock, exercise=None) -> None:
        super().__init__(controller, view, dock)
        self._clock = clock
        self.exercise = exercise  # a lesson's: while it hides the weights, the tables do
        self._hidden = False  # whether the tables shown hide them
        if exercise is not None:
            exercise.changed.connect(self._on_exercise_changed)
        self._waiting = False  # the first render waits for the next turn
        view.row_hovered.connect(controller.pointing.at_query)
        controller.pointing.cell_pointed.connect(view.highlight)
        controller.changed.connect(self._on_status_changed)

    def render(self) -> None:
        if not self.view.panels:  # no panels yet: the heatmap paints first, these next turn
            if not self._waiting:
                self._waiting = True
                self._clock.take()
                QTimer.singleShot(0, self, self._render_waiting)
            return
        self._show(self._clock.take())

    def _render_waiting(self) -> None:
        if self._waiting:
            self._waiting = False
            if self.controller.result is not None:
                self._show(self._clock.renew())

    def _show(self, deadline: float) -> None:
        controller = self.controller
        view, playing = controller.view, controller.training.status == PLAYING
        self._hidden = self.exercise is not None and self.exercise.hidden
        self.view.show_result(
            controller.result, view.sentence, view.head, deadline, playing, self._hidden
        )

    def _on_exercise_changed(self) -> None:
        """Hide the query × key tables, or show them again (a pick changes neither)."""
        hidden = self.exercise.hidden
        controller = self.controller
        if hidden != self._hidden and controller.result is not None and not controller.is_busy:
            self._hidden = hidden
            self.refresh()

    def release(self) -> None:
        self._waiting = False
        self.view.release()

    def flush(self) -> None:
        self._render_waiting()
        self.view.flush()

    def _on_status_changed(self, changed) -> None:
        if changed & {aspects.ERROR, aspects.LOADED, aspects.RESULT}:
            self.view.setEnabled(self.controller.is_live)
