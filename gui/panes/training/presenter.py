"""The training pane's presenter: the user's wishes go one way, the state the other.

The panel asks, the controller (and its training control) decides, and the panel shows what
they say: the settings, the status and the curves of the weights on screen.
"""

from __future__ import annotations

from PySide6.QtCore import QObject

from gui import state as aspects
from gui import texts
from gui.panes.training.view import TrainedView
from model.errors import Notice
from model.training.tasks import INDUCTION, LANGUAGE_MODELLING


class TrainingPresenter(QObject):
    def __init__(self, controller, panel) -> None:
        super().__init__(panel)
        self.controller, self.panel = controller, panel
        panel.task_chosen.connect(self._on_task_chosen)
        panel.rate_chosen.connect(lambda rate: controller.set_train_settings(learning_rate=rate))
        panel.speed_chosen.connect(controller.training.set_speed)
        panel.play_pressed.connect(controller.toggle_training)
        panel.step_pressed.connect(controller.step_training)
        panel.reset_pressed.connect(lambda: controller.reset_training())
        panel.step_viewed.connect(self._on_step_viewed)
        panel.preset_chosen.connect(self._on_preset)
        panel.compare_pressed.connect(self._compare_with_untrained)
        # The controller outlives the window: these connections go with this object (a
        # bound method of a QObject is disconnected when it is deleted), never a lambda.
        controller.training.status_changed.connect(self._on_status)
        controller.training.progress_changed.connect(self.show)
        controller.changed.connect(self._on_changed)
        self._causal_turned_on = False  # the task "next" turned the causal mask on: say so
        panel.show_settings(controller.train_settings(), controller.config.causal)
        self.show()

    def _on_task_chosen(self, task: str) -> None:
        """A new task.  The tasks "next" and "induction" need the causal mask (a word must
        not see the word it is to predict): without it, it is turned on, and said so."""
        controller = self.controller
        controller.set_train_settings(task=task)
        config = controller.config
        turn_on = task == INDUCTION or (
            task == LANGUAGE_MODELLING and config.attention == "transformer"
        )
        self._causal_turned_on = turn_on and not config.causal
        if self._causal_turned_on:
            controller.update_config(causal=True)  # in the state: a session saves it on
            controller.notice.emit(Notice(f"{task}_turns_causal_on"))
        self.show()

    def _on_status(self, _status: str) -> None:
        self.show()

    def _on_changed(self, changed) -> None:
        if changed & {aspects.TRAINING, aspects.CONFIG}:  # the task's words follow the mask
            controller = self.controller
            self.panel.show_settings(controller.train_settings(), controller.config.causal)
        if changed & {aspects.TRAINING, aspects.RESULT, aspects.CONFIG}:
            self.show()

    def show(self) -> None:
        training = self.controller.training
        self.panel.show_state(training.status, self._shown(), self._note(), training.retraining)

    def _shown(self) -> TrainedView | None:
        """The trained weights on screen: the worker's latest, or those the result was
        computed with (a screenshot of a trained session, before any worker has run)."""
        training, result = self.controller.training, self.controller.result
        published = training.latest if training.active else None
        if published is not None:
            task = published.job.settings.task
            history, saved, viewing = published.history, published.saved, published.viewing
            return TrainedView(published.step, task, history, saved, viewing)
        if result is not None and result.training is not None:
            record = result.training
            return TrainedView(record.steps, record.task, record)
        return None

    def _note(self) -> str:
        """Why attention may stay blurred: the task solved another way, a mode that cannot
        learn it fully, or a mode with another route to the answer."""
        from model.training import tasks
        from model.training.rules import WINDOW, solved_without_attention

        controller = self.controller
        published = controller.training.latest if controller.training.active else None
        if published is not None and solved_without_attention(published.history):
            history = published.history
            solved = Notice(
                "solved_without_sharp_attention",
                accuracy=f"{history.accuracy[-WINDOW:].mean():.0%}",
                weight=texts.fixed(float(history.expected_weight[-WINDOW:].mean()), 2),
            )
            return texts.error_text(solved)
        task, config = controller.train_settings().task, controller.config
        if task == LANGUAGE_MODELLING:
            return self._next_note(config)
        if task == INDUCTION and not config.causal:
            return texts.error_text(Notice("induction_needs_causal"))
        if task == INDUCTION and self._causal_turned_on and not controller.training.active:
            return texts.error_text(Notice("induction_turns_causal_on"))
        code = tasks.obstacle(task, config) or tasks.shortcut(task, config)
        return texts.error_text(Notice(code)) if code else ""

    def _next_note(self, config) -> str:
        """Why the task "next" cannot train here, or that the causal mask was turned on."""
        if config.attention != "transformer":
            return self.tr(
                "The task “{task}” needs a next-word head, which only the transformer has: "
                "choose the transformer blocks under Attention in the Model pane."
            ).format(task=texts.task_name(LANGUAGE_MODELLING))
        if not config.causal:
            return texts.error_text(Notice("next_needs_causal"))
        if self._causal_turned_on and not self.controller.training.active:  # until it trains
            return texts.error_text(Notice("next_turns_causal_on"))
        return ""

    def _on_step_viewed(self, step: int) -> None:
        training = self.controller.training
        if step < 0:
            training.latest_step()
        else:
            training.view_step(step)

    def _on_preset(self) -> None:
        controller = self.controller
        controller.update_config(embedding_size=16, hidden_size=32, cell="rnn", attention="linear")
        controller.set_train_settings(task="previous", learning_rate=0.01)

    def _compare_with_untrained(self) -> None:
        """Pin the untrained weights' result as A: A, B (trained) and B − A side by side."""
        controller = self.controller
        if controller.result is None:
            return
        controller.pin_untrained()  # computed on the pipeline's worker, pinned when it is in
