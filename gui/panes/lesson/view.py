"""Help → Lesson: the seed notebook, step by step, in the interface's language.

Each step says what the notebook does there; the steps after the notebook's form chapters
of their own, from attention to a tiny GPT, then an induction head forming (a step's
"chapter" begins one).  What the step
puts on screen (the pane in front, its settings, the cell explained, a training run) is in
``resources/lessons/scenes.json``, one scene per step for both languages; the window's
lesson course applies it when the class arrives at the step.  The words are in
``resources/lessons/<language>.json``.  A text may hold placeholders, ``{previous}`` say,
for what the result shows (which head does what in this run): the lesson course fills them
in with :meth:`LessonPanel.set_words`, in the phrases under the language's ``"words"``.
"""

from __future__ import annotations

import re

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from gui import texts
from gui.panes.lesson.exercise_bar import ExerciseBar
from gui.widgets import ElidedComboBox, scrolling
from resources import catalog


def lesson(language: str) -> dict:
    return catalog("lessons", language)


def scenes() -> list[dict]:
    """What each step shows, in step order (the same for every language)."""
    return catalog("lessons", "scenes")["steps"]


PLACEHOLDER = re.compile(r"\{(\w+)\}")


def fill(text: str, words: dict[str, str]) -> str:
    """``text`` with each ``{name}`` said by ``words[name]`` ("…" while unknown); a phrase
    said once in the text is not said again (one "the lesson is training" is enough)."""
    said: set[str] = set()

    def phrase(match: re.Match) -> str:
        words_for = words.get(match.group(1), "…")
        if words_for in said:
            return ""
        said.add(words_for)
        return words_for

    return re.sub(r"  +", " ", PLACEHOLDER.sub(phrase, text)).strip()


class LessonPanel(QWidget):
    """Shows one step at a time; the lesson course sets the window up for it."""

    step_shown = Signal(int)
    """A step is on screen (its index)."""
    close_requested = Signal()
    """The user ended the lesson."""

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self._steps = lesson(texts.language())["steps"]
        self._words: dict[str, str] = {}  # what the placeholders say now
        self.chapter = QLabel()  # the chapter the step belongs to
        self.chapter.setObjectName("lessonChapter")
        self.steps = ElidedComboBox(12)
        self.steps.addItems([step["title"] for step in self._steps])
        self.steps.setToolTip(self.tr("Start from any step"))
        self.steps.currentIndexChanged.connect(self._show)
        self.text = QLabel()
        self.text.setObjectName("lessonText")
        self.text.setWordWrap(True)
        self.back = QPushButton(self.tr("◀ Back"))
        self.back.clicked.connect(lambda: self.go(-1))
        self.next = QPushButton(self.tr("Ne&xt ▶"))
        self.next.clicked.connect(lambda: self.go(1))
        self.close_button = QPushButton(self.tr("End the lesson"))
        self.close_button.setToolTip(self.tr("Your own sentences and settings come back"))
        self.close_button.clicked.connect(self.close_requested)
        self.exercise = ExerciseBar()  # a step that is an exercise: its rows answered, Reveal
        self.exercise.handoff = self.next
        buttons = QHBoxLayout()
        buttons.addWidget(self.back)
        buttons.addWidget(self.close_button)
        buttons.addStretch(1)
        buttons.addWidget(self.next)
        heading = QHBoxLayout()
        heading.addWidget(self.chapter)
        heading.addWidget(self.steps, 1)
        layout = QVBoxLayout(self)
        layout.addLayout(heading)
        layout.addWidget(scrolling(self.text, sideways=False), 1)  # never a line lost
        layout.addWidget(self.exercise)
        layout.addLayout(buttons)
        self._show(0)

    @property
    def index(self) -> int:
        return self.steps.currentIndex()

    @property
    def step(self) -> dict:
        """The step on screen: its words and its scene."""
        return {**scenes()[self.index], **self._steps[self.index]}

    @property
    def count(self) -> int:
        return len(self._steps)

    def go(self, step: int) -> None:
        index = min(max(self.index + step, 0), len(self._steps) - 1)
        if index == self.index:
            self._show(index)
        self.steps.setCurrentIndex(index)

    def set_words(self, words: dict[str, str]) -> None:
        """Say the step's placeholders with ``words`` (the result's, see the course)."""
        self._words = words
        text = fill(self._steps[self.index]["text"], words)
        if text != self.text.text():
            self.text.setText(text)

    def chapter_of(self, index: int) -> str:
        """The title of the chapter step ``index`` is in: the last one begun at or before it."""
        return next(
            (step["chapter"] for step in reversed(self._steps[: index + 1]) if "chapter" in step),
            "",
        )

    def _show(self, index: int) -> None:
        step = self._steps[index]
        self.chapter.setText(f"<b>{self.chapter_of(index)}</b>")
        self.text.setText(fill(step["text"], self._words))
        self.back.setEnabled(index > 0)
        self.next.setEnabled(index < len(self._steps) - 1)
        self.step_shown.emit(index)
