"""The explanation pane's presenter: the arithmetic of the picked cell, in the current result.

A cell the user picks brings the pane forward; an edit recomputes the explanation for the
same cell, or clears it when that cell no longer exists.
"""

from __future__ import annotations

from gui import state as aspects
from gui.panes.presenter import PanePresenter


class ExplanationPresenter(PanePresenter):
    shows = frozenset({aspects.RESULT, aspects.VIEW})

    def __init__(self, controller, view, dock) -> None:
        super().__init__(controller, view, dock)
        controller.cell_picked.connect(self._on_cell_picked)

    def render(self) -> None:
        self.view.show_cell(self.controller.result, self.controller.state.cell)

    def release(self) -> None:
        self.view.show_cell(None, None)

    def _on_cell_picked(self, _cell) -> None:
        self.dock.show()
        self.dock.raise_()
        self.refresh()
