"""The attention view's presenter: the heatmap or the lines, from the state and the result.

It renders on a new result or view, shows the loading or error message over the view, and
turns the user's picks (sentence, head, kind, page, the lines' options, a cell) into the
controller's edits.  A cell under the cursor is pointed at through the controller, and the
tables' pointing comes back the same way: the panes never call each other.
"""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QMenu

from gui import state as aspects
from gui import texts
from gui.jobs.training import PLAYING
from gui.panes.presenter import PanePresenter


class AttentionPresenter(PanePresenter):
    shows = frozenset({aspects.RESULT, aspects.VIEW})

    def __init__(self, controller, view, exercise=None) -> None:
        super().__init__(controller, view)
        self._painted_once = False
        self.exercise = exercise  # a lesson's (gui.panes.attention.exercise), if any
        if exercise is not None:
            exercise.changed.connect(self._on_exercise_changed)
            # R on the heatmap reveals an exercise's weights (so does the lesson's button).
            reveal = QShortcut(QKeySequence(Qt.Key.Key_R), view.canvas)
            reveal.setContext(Qt.ShortcutContext.WidgetShortcut)
            reveal.activated.connect(exercise.reveal)
        view.sentence_chosen.connect(self._on_sentence_chosen)
        view.head_chosen.connect(self._on_head_chosen)
        view.kind_chosen.connect(self._on_kind_chosen)
        view.page_chosen.connect(self._on_page_chosen)
        view.padding_chosen.connect(lambda shown: controller.update_view(padding=shown))
        view.lines_options_chosen.connect(self._on_lines_options_chosen)
        view.cell_chosen.connect(self._on_cell_chosen)
        view.cell_hovered.connect(controller.pointing.at_cell)
        view.play_pressed.connect(controller.toggle_training)
        view.canvas.head_switch_requested.connect(self._on_head_switch)
        controller.pointing.query_pointed.connect(self._on_query_pointed)
        controller.changed.connect(self._on_status_changed)
        controller.training.status_changed.connect(self._show_values)
        self.show_status()

    def render(self) -> None:
        controller, exercise = self.controller, self.exercise
        self._show_values()
        hiding = exercise.hiding() if exercise is not None else None
        view = controller.view
        if hiding is not None and hiding.hidden:  # the lines would give the weights away
            view = replace(view, kind="heatmap")
        self.view.kind_selector.setEnabled(hiding is None or not hiding.hidden)
        self.view.show_result(
            controller.result, view, controller.state.cell, controller.comparison, hiding
        )
        if not self._painted_once:
            # The first result: the heatmap goes on screen before the other panes render.
            self._painted_once = True
            if self.view.isVisible() and self.view.kind == "heatmap":
                self.view.canvas.repaint()

    def _on_exercise_changed(self) -> None:
        # (A run under way brings a result with the exercise's state: it renders then.)
        if self.controller.result is not None and not self.controller.is_busy:
            self.refresh()

    def _show_values(self, _status=None) -> None:
        """The cells' numbers, except while training plays (they come back on pause)."""
        self.view.canvas.show_values(self.controller.training.status != PLAYING)

    def release(self) -> None:
        self.view.release()

    def _on_status_changed(self, changed) -> None:
        if changed & {aspects.ERROR, aspects.LOADED, aspects.RESULT}:
            self.show_status()

    def show_status(self) -> None:
        """Loading, an error over the greyed view, or the live view."""
        controller = self.controller
        if not controller.is_loaded and controller.error is None:
            message = self.tr("Loading the model (PyTorch)…")
        else:
            message = texts.error_text(controller.error)
        self.view.show_message(message)

    # --- the user's picks ---------------------------------------------------------------------

    def _on_sentence_chosen(self, sentence: int) -> None:
        self.controller.update_view(sentence=sentence)

    def _on_head_chosen(self, head: int) -> None:
        self.controller.update_view(head=head, layer=-1)  # a map, or every layer's

    def _on_kind_chosen(self, kind: str) -> None:
        self.controller.update_view(kind=kind)

    def _on_page_chosen(self, page: int) -> None:
        self.controller.update_view(page=page)

    def _on_lines_options_chosen(self, threshold: float, top_k: int) -> None:
        self.controller.update_view(line_threshold=threshold, line_top_k=top_k)

    def _on_cell_chosen(self, cell) -> None:
        """A picked cell is explained; the view moves to the cell's sentence and head if it
        showed another one (the explanation pane comes forward by itself).  A click on a
        panel of a transformer's grid opens that map: the heatmap, the lines and the
        explanation follow it.  While an exercise hides the weights, a cell of its map is
        the student's pick instead (and nothing is explained)."""
        if self.exercise is not None and self.exercise.hidden:
            self.exercise.pick(cell)
            return
        view, changes = self.controller.view, {}
        if view.sentence >= 0 and cell[0] != view.sentence:
            changes["sentence"] = cell[0]
        if (view.head >= 0 or self.view.grid_shown) and cell[1] != view.head:
            changes["head"] = cell[1]
        if changes:
            self.controller.update_view(**changes)
        self.controller.select_cell(cell)

    def _on_query_pointed(self, sentence: int, row) -> None:
        """A table row points at a query (None: at none): light it up here."""
        self.view.highlight_query(sentence, row)

    def _on_head_switch(self, index: int, where) -> None:
        """Switch the head of panel ``index`` off, or on again: at once from the keyboard
        (X), through a one-item menu from the mouse (the right button)."""
        controller = self.controller
        description = self.view.canvas.description
        result = controller.result
        if result is None or description is None or result.probe_scores is None:
            return
        pair = result.map_of(description.panels[index].head)
        ablated = set(controller.config.ablated)
        off = pair not in ablated
        if where is not None:
            name = texts.map_name(result.config, result.map_index(*pair))
            text = self.tr("Switch {head} off") if off else self.tr("Switch {head} on again")
            menu = QMenu(self.view)
            chosen = menu.addAction(text.format(head=name))
            if menu.exec(where) is not chosen:
                return
        ablated = ablated | {pair} if off else ablated - {pair}
        controller.update_config(ablated=tuple(sorted(ablated)))
