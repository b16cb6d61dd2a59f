"""The vocabulary pane's presenter: the result's vocabulary and padded ids, and the tokens of
the cell under the cursor."""

from __future__ import annotations

from gui import state as aspects
from gui.panes.presenter import PanePresenter


class VocabularyPresenter(PanePresenter):
    shows = frozenset({aspects.RESULT})

    def __init__(self, controller, view, dock) -> None:
        super().__init__(controller, view, dock)
        controller.pointing.cell_pointed.connect(view.highlight)
        controller.changed.connect(self._on_status_changed)

    def render(self) -> None:
        self.view.show_result(self.controller.result)

    def _on_status_changed(self, changed) -> None:
        if changed & {aspects.ERROR, aspects.LOADED, aspects.RESULT}:
            self.view.setEnabled(self.controller.is_live)
