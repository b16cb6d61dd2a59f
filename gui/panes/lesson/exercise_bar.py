"""The lesson's line for an exercise: how many rows the student answered, Reveal, the score.

It shows what it is told (see ``gui/window/lesson_exercise.py``) and reports Reveal; it is
hidden on the steps without an exercise.
"""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QSizePolicy, QWidget

from gui import texts


class ExerciseBar(QWidget):
    reveal_requested = Signal()
    """The student asked to see the weights and the score."""

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.handoff: QWidget | None = None  # where the keyboard goes when Reveal is gone
        self.status = QLabel()
        self.status.setObjectName("lessonExercise")
        self.status.setWordWrap(True)
        self.status.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        bold = self.status.font()
        bold.setBold(True)
        self.status.setFont(bold)
        self.reveal = QPushButton(self.tr("Reve&al"))
        self.reveal.setToolTip(self.tr("Show the weights and score your guess (R on the heatmap)"))
        self.reveal.clicked.connect(self.reveal_requested)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.status, 1)
        layout.addWidget(self.reveal)
        self.hide()

    def show_progress(self, answered: int, rows: int, ready: bool = True) -> None:
        """The exercise is open: rows answered so far, and Reveal (once the map to reveal
        is ``ready``: the lesson may still be training it)."""
        text = self.tr("Rows answered: {answered} of {rows}")
        self._show(text.format(answered=answered, rows=rows), revealing=True)
        self.reveal.setEnabled(ready)

    def show_score(self, score: float) -> None:
        """Revealed: the guess's score (0 to 1) and as a percentage."""
        text = self.tr("Your guess scores {score} ({percent}%)")
        self._show(text.format(score=texts.fixed(score, 2), percent=round(100 * score)))

    def show_ended(self) -> None:
        """An edit ended the exercise: the weights show again."""
        self._show(self.tr("The sentences or settings changed: the exercise is over."))

    def clear(self) -> None:
        self._hand_off()
        self.hide()

    def _show(self, text: str, revealing: bool = False) -> None:
        if not revealing:
            self._hand_off()
        self.status.setText(text)
        self.reveal.setVisible(revealing)
        self.show()

    def _hand_off(self) -> None:
        """Keep the keyboard in the lesson when Reveal, which has it, goes."""
        if self.reveal.hasFocus() and self.handoff is not None:
            self.handoff.setFocus()
