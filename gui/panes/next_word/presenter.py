"""The Next word pane's presenter: the picked cell's position, predicted from the result.

The position is the picked cell's sentence and query row (the heatmap's row that made the
guess), else the first word of the sentence shown.  ◀ and ▶ pick the cell of the previous or
next word in the same map, so the heatmap, the explanation and this pane stay on one row.
"""

from __future__ import annotations

from gui import state as aspects
from gui import texts
from gui.panes.presenter import PanePresenter
from model.prediction import has_next_words, position_of, predict
from model.training.tasks import LANGUAGE_MODELLING


class NextWordPresenter(PanePresenter):
    shows = frozenset({aspects.RESULT, aspects.VIEW})

    def __init__(self, controller, view, dock) -> None:
        super().__init__(controller, view, dock)
        view.step_requested.connect(self._on_step)
        controller.changed.connect(self._on_status_changed)
        self.position: tuple[int, int] | None = None  # (sentence, position) shown
        self._on_status_changed(frozenset({aspects.LOADED}))

    def render(self) -> None:
        controller, view = self.controller, self.view
        result = controller.result
        self.position = None
        if not has_next_words(result):
            view.show_message(
                self.tr(
                    "Only the transformer predicts next words: choose the transformer blocks "
                    "under Attention in the Model pane."
                )
            )
            return
        sentence, position = position_of(result, controller.state.cell, controller.view.sentence)
        prediction = predict(result, sentence, position)
        if prediction is None:
            view.show_message(
                self.tr(
                    "Position {i} of sentence {b} is padding (<pad>), past the sentence's end: "
                    "there is no word there to predict from. Pick a row of a word."
                ).format(i=position, b=sentence)
            )
            return
        self.position = (sentence, position)
        view.show_prediction(prediction, self._weights_note(result), result.config.causal)

    def release(self) -> None:
        self.position = None
        self.view.show_message("")

    def _weights_note(self, result) -> str:
        """What the guesses are worth: random weights, another task's, or learned."""
        training = result.training
        if training is None or not training.steps:
            return self.tr(
                "Untrained: random weights, so these guesses are noise. Train the task "
                "“{task}” (Training pane) and watch them sharpen."
            ).format(task=texts.task_name(LANGUAGE_MODELLING))
        if training.task != LANGUAGE_MODELLING:
            return self.tr(
                "Trained on the task “{task}”, not “{next}”: this head learned what that task "
                "asks for, not the next word."
            ).format(task=texts.task_name(training.task), next=texts.task_name(LANGUAGE_MODELLING))
        return self.tr("Trained: step {n} of the task “{task}”.").format(
            n=training.steps, task=texts.task_name(LANGUAGE_MODELLING)
        )

    def _on_step(self, step: int) -> None:
        """The previous or next word of the same sentence: its cell in the same map."""
        controller = self.controller
        result = controller.result
        if self.position is None or result is None:
            return
        sentence, position = self.position
        row = min(max(position + step, 0), len(result.sentences[sentence]) - 1)
        if row == position:
            return
        cell = controller.state.cell
        head = cell[1] if cell is not None else max(controller.view.head, 0)
        controller.select_cell((sentence, head, row, row))

    def _on_status_changed(self, changed) -> None:
        if changed & {aspects.ERROR, aspects.LOADED, aspects.RESULT}:
            self.view.setEnabled(self.controller.is_live)
