"""The explanation pane's presenter: the arithmetic of the picked cell, in the current result.

A cell the user picks brings the pane forward; an edit recomputes the explanation for the
same cell, or clears it when that cell no longer exists.  While a lesson's exercise hides
the weights, the pane says so instead.
"""

from __future__ import annotations

from gui import state as aspects
from gui.panes.presenter import PanePresenter


class ExplanationPresenter(PanePresenter):
    shows = frozenset({aspects.RESULT, aspects.VIEW})

    def __init__(self, controller, view, dock, exercise=None) -> None:
        super().__init__(controller, view, dock)
        self.exercise = exercise  # a lesson's: while it hides the weights, so does the pane
        controller.cell_picked.connect(self._on_cell_picked)
        if exercise is not None:
            exercise.changed.connect(self._on_exercise_changed)

    def render(self) -> None:
        if self.exercise is not None and self.exercise.hidden:
            self.view.show_hidden()
            return
        self.view.show_cell(self.controller.result, self.controller.state.cell)

    def _on_exercise_changed(self) -> None:
        # (A run under way brings a result with the exercise's state: it renders then.)
        if self.controller.result is not None and not self.controller.is_busy:
            self.refresh()

    def release(self) -> None:
        self.view.show_cell(None, None)

    def _on_cell_picked(self, _cell) -> None:
        self.dock.show()
        self.dock.raise_()
        self.refresh()
