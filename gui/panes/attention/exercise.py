"""An exercise on one attention map: the student predicts, then the window reveals.

The lesson opens one on a step whose scene asks for it (``"exercise"`` in
``resources/lessons/scenes.json``) and closes it when the class leaves the step.  While it
is open and not yet revealed, every view that would give the answer away draws without the
weights: the heatmap (its layout only), its readout, the explanation, the pipeline's tables
of scores and weights, the lines.  The student picks, for each real query row of the map,
the key they expect to get the most weight; Reveal shows the weights again, with the picks
still marked, and scores them with :func:`model.exercises.map_score`.

An edit of the sentences or the settings while an exercise is open ends it: its picks were
about a map that is no longer on screen, and nothing stays hidden.  This is the one owner
of the exercise's state; the views are told what to hide by their presenters.
"""

from __future__ import annotations

import numpy as np
from PySide6.QtCore import QObject, Signal

from figures.exercise import Hiding
from gui import state as aspects
from model.exercises import map_score, one_hot
from model.stages import CAUSAL, MASKED

OPEN, REVEALED, ENDED, CLOSED = "open", "revealed", "ended", "closed"


class Exercise(QObject):
    """The exercise's state: which map, the picks, hidden or revealed, and the score."""

    changed = Signal()
    """The exercise opened, took a pick, was revealed, ended or closed."""

    def __init__(self, controller, parent=None) -> None:
        super().__init__(parent)
        self._controller = controller
        self._status = CLOSED
        self._map = (0, 0)  # (sentence, map)
        self._picks: dict[int, int] = {}  # query row → key
        self._score: float | None = None
        self._needed = 0  # the training steps the map's run must have before it is revealed
        controller.changed.connect(self._on_changed)

    # --- what the views read ------------------------------------------------------------------

    @property
    def status(self) -> str:
        """OPEN (hidden), REVEALED, ENDED (by an edit) or CLOSED (no exercise)."""
        return self._status

    @property
    def hidden(self) -> bool:
        """Whether the weights are hidden now."""
        return self._status == OPEN

    @property
    def map(self) -> tuple[int, int]:
        """(sentence, map) the student answers on."""
        return self._map

    @property
    def rows(self) -> int:
        """The real query rows of the map (its sentence's length in the result shown)."""
        result = self._controller.result
        sentence = self._map[0]
        if result is None or sentence >= result.batch_size:
            return 0
        return int(result.lengths[sentence])

    @property
    def guesses(self) -> tuple[int | None, ...]:
        """The key picked for each real query row, None where none is yet."""
        return tuple(self._picks.get(row) for row in range(self.rows))

    @property
    def answered(self) -> int:
        return sum(key is not None for key in self.guesses)

    @property
    def ready(self) -> bool:
        """Whether the map to reveal is on screen: a result, trained as far as needed."""
        result = self._controller.result
        if result is None or self._controller.is_busy and not self._needed:
            return False
        return not self._needed or (
            result.training is not None and result.training.steps >= self._needed
        )

    @property
    def score(self) -> float | None:
        """The picks' score once revealed (model.exercises.map_score), else None."""
        return self._score

    def hiding(self) -> Hiding | None:
        """What the heatmap shows of the exercise (None: no exercise)."""
        if self._status not in (OPEN, REVEALED):
            return None
        return Hiding(self.hidden, self._map, self.guesses)

    # --- what the lesson and the student do ---------------------------------------------------

    def open(self, sentence: int, head: int, needed: int = 0) -> None:
        """Hide the weights; the student answers on ``head`` (a map index) of ``sentence``,
        of a run trained to ``needed`` steps (0: as it is)."""
        self._status, self._map = OPEN, (max(sentence, 0), max(head, 0))
        self._needed = needed
        self._picks, self._score = {}, None
        self.changed.emit()

    def move_to(self, head: int) -> None:
        """Answer on map ``head`` of the same sentence instead, keeping the picks (the
        lesson learns which head the step speaks of once the result names it)."""
        if self._status in (OPEN, REVEALED) and head != self._map[1]:
            self._map = (self._map[0], head)
            self.changed.emit()

    def close(self) -> None:
        """No exercise any more (the class left the step): everything shows."""
        if self._status != CLOSED:
            self._status, self._picks, self._score = CLOSED, {}, None
            self.changed.emit()

    def pick(self, cell) -> bool:
        """Take ``cell`` = (sentence, head, row, key) as the row's pick, when it is a cell of
        the exercise's map the student can pick (a real query row, a key not masked); a
        second pick in a row moves it.  Returns whether the exercise took the cell."""
        sentence, head, row, key = cell
        result = self._controller.result
        if not self.hidden or (sentence, head) != self._map or result is None:
            return False
        if row >= self.rows or key >= result.max_length:
            return False
        if int(result.cell_states(sentence)[row, key]) in (MASKED, CAUSAL):
            return False  # exactly 0 by design, and the map shows it
        if self._picks.get(row) != key:
            self._picks[row] = key
            self.changed.emit()
        return True

    def reveal(self) -> None:
        """Show the weights again and score the picks against them."""
        result = self._controller.result
        if not self.hidden or not self.ready:
            return
        sentence, head = self._map
        truth = np.asarray(result.attention_maps[sentence, head], dtype=np.float64)
        guess = one_hot(self.guesses, truth.shape[1])
        self._score = map_score(guess, truth, self.rows)
        self._status = REVEALED
        self.changed.emit()

    def _on_changed(self, changed) -> None:
        if self._status in (OPEN, REVEALED) and changed & {aspects.TEXT, aspects.CONFIG}:
            self._status, self._picks, self._score = ENDED, {}, None  # about another map now
            self.changed.emit()
