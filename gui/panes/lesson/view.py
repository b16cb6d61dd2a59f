"""Help → Lesson: the seed notebook, step by step, in the interface's language.

Each step says what the notebook does there and points at the panel (and stage) to look
at; a step may offer to set the model up for it (multi-head attention, masks …), which the
user does with a button, never behind their back.  Back and Next, or any step from the list.
The steps live in ``resources/lessons/<language>.json``.
"""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from gui import texts
from resources import catalog


def lesson(language: str) -> dict:
    return catalog("lessons", language)


class LessonPanel(QWidget):
    """Shows one step at a time and asks the window to point at its panel."""

    step_shown = Signal(dict)
    """A step is on screen: the window brings its panel (and stage) to the front."""
    setup_requested = Signal(dict)
    """The user asked for the step's settings (ModelConfig fields and values)."""

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self._steps = lesson(texts.language())["steps"]
        self.steps = QComboBox()
        self.steps.addItems([step["title"] for step in self._steps])
        self.steps.setToolTip(self.tr("Start from any step"))
        self.steps.currentIndexChanged.connect(self._show)
        self.text = QLabel()
        self.text.setWordWrap(True)
        self.back = QPushButton(self.tr("◀ Back"))
        self.back.clicked.connect(lambda: self.go(-1))
        self.next = QPushButton(self.tr("Ne&xt ▶"))
        self.next.clicked.connect(lambda: self.go(1))
        self.setup = QPushButton(self.tr("Set this up"))
        self.setup.setToolTip(self.tr("Change the model's settings as this step needs"))
        self.setup.clicked.connect(self._on_setup)
        buttons = QHBoxLayout()
        buttons.addWidget(self.back)
        buttons.addWidget(self.setup)
        buttons.addStretch(1)
        buttons.addWidget(self.next)
        layout = QVBoxLayout(self)
        layout.addWidget(self.steps)
        layout.addWidget(self.text, 1)
        layout.addLayout(buttons)
        self._show(0)

    @property
    def step(self) -> dict:
        return self._steps[self.steps.currentIndex()]

    def go(self, step: int) -> None:
        index = min(max(self.steps.currentIndex() + step, 0), len(self._steps) - 1)
        if index == self.steps.currentIndex():
            self._show(index)
        self.steps.setCurrentIndex(index)

    def _show(self, index: int) -> None:
        step = self._steps[index]
        self.text.setText(step["text"])
        self.back.setEnabled(index > 0)
        self.next.setEnabled(index < len(self._steps) - 1)
        self.setup.setVisible(bool(step.get("settings")))
        self.step_shown.emit(step)

    def _on_setup(self) -> None:
        settings = self.step.get("settings")
        if settings:
            self.setup_requested.emit(dict(settings))
