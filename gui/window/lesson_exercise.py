"""A lesson step that is an exercise: the student predicts the map, then the window reveals.

A step's scene asks for one with ``"exercise"``: ``true`` for the map the step shows (the
view's sentence and head), or a detector's name (``"previous"``, ``"induction"``) for the
head of this run that scores highest at it, found once the result of the step's training is
in (the view then shows that head).  Arriving at such a step opens the exercise
(``gui.panes.attention.exercise``); leaving it, forwards, back or out of the lesson, closes
it, and everything shows again.  The lesson pane's exercise line says how many rows are
answered, offers Reveal, then gives the score.
"""

from __future__ import annotations

from PySide6.QtCore import QObject

from gui import state as aspects
from gui.panes.attention.exercise import CLOSED, ENDED, OPEN, REVEALED
from model.analysis.detectors import DETECTORS


def scene_result(controller, steps: int):
    """The result of the step's scene with its heads' scores, once it is in: its settings'
    result (not one still on its way), trained to ``steps`` when the scene trains; else None."""
    result = controller.result
    if result is None or result.probe_scores is None or result.config != controller.config:
        return None
    if steps and (result.training is None or result.training.steps < steps):
        return None
    return result


class LessonExercise(QObject):
    """Opens and closes the step's exercise, and shows it in the lesson pane."""

    def __init__(self, window, exercise) -> None:
        super().__init__(window)
        self._controller = window.controller
        self._exercise = exercise
        self._bar = window.lesson.exercise
        self._detector: str | None = None  # whose best head the exercise is on, once known
        self._needed = 0  # the training steps the step's result has when the label counts
        self._bar.reveal_requested.connect(exercise.reveal)
        exercise.changed.connect(self._show)
        self._controller.changed.connect(self._on_changed)

    def arrive(self, wanted, needed: int = 0) -> None:
        """The step's scene is applied: open its exercise (``wanted``), or close any."""
        if not wanted:
            self.leave()
            return
        view = self._controller.view
        self._detector = wanted if isinstance(wanted, str) else None
        self._needed = needed
        self._exercise.open(view.sentence, view.head, needed)
        self._find_head()

    def leave(self) -> None:
        self._detector = None
        self._exercise.close()

    def _on_changed(self, changed) -> None:
        if changed & {aspects.RESULT, aspects.BUSY} and self._exercise.status != CLOSED:
            self._find_head()
            self._show()  # the rows to answer come with the result

    def _find_head(self) -> None:
        """The head the step's detector labels in this run, once its trained result is in:
        the exercise moves there, and the view shows it."""
        controller, detector = self._controller, self._detector
        result = scene_result(controller, self._needed)
        if detector is None or result is None:
            return
        self._detector = None
        head = int(result.probe_scores[:, DETECTORS.index(detector)].argmax())  # the best at it
        if head != controller.view.head:
            controller.update_view(head=head, layer=-1)
        self._exercise.move_to(head)

    def _show(self) -> None:
        exercise, bar = self._exercise, self._bar
        if exercise.status == OPEN:
            bar.show_progress(exercise.answered, exercise.rows, exercise.ready)
        elif exercise.status == REVEALED:
            bar.show_score(exercise.score)
        elif exercise.status == ENDED:
            bar.show_ended()
        else:
            bar.clear()
