"""The lesson drives the window: each step puts on screen what its text speaks of.

A step's scene (``resources/lessons/scenes.json``) names the pane in front, the stage or
control to look at, and settings that add up from the first step to it: the model's
settings, the view, the cell explained, the training task, a run trained to a given step.
Arriving at a step, forwards or back, shows exactly that scene on the sentences the class is
working with; so going back shows what the step before showed.

The teacher's own session is kept while the lesson runs: the autosave writes it rather than
the lesson's, and ending the lesson brings it back.
"""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtCore import QObject, QTimer, Signal
from PySide6.QtWidgets import QWidget

from gui import state as aspects
from gui.panes.lesson.view import scenes
from gui.widgets import glow
from gui.window import pane_focus
from model.config import ModelConfig
from model.session import Session, ViewSettings, load_session
from model.tokenizer import NOTEBOOK_TEXT
from model.training.settings import TrainSettings
from resources import example_session_path


def scene(index: int) -> dict:
    """What step ``index`` shows: its own pane, stage and control, and every setting of the
    steps up to it, later ones overriding earlier ones."""
    steps = scenes()
    shown = {
        "settings": {},
        "view": {},
        "explain": None,
        "train": {},
        "trained": None,
        "example": None,
    }
    for step in steps[: index + 1]:
        shown["settings"].update(step.get("settings", {}))
        shown["view"].update(step.get("view", {}))
        shown["train"].update(step.get("train", {}))
        for name in ("explain", "trained", "example"):  # null in a scene takes it back
            shown[name] = step.get(name, shown[name])
    own = steps[index]
    return {
        **shown,
        "panel": own["panel"],
        "stage": own.get("stage"),
        "control": own.get("control"),
    }


class LessonCourse(QObject):
    """Runs the lesson in ``window``: begin, show a step, end."""

    keeping = Signal(object)
    """The session to keep safe while the lesson runs (the teacher's), or None after it."""

    def __init__(self, window) -> None:
        super().__init__(window)
        self._window = window
        self._controller = window.controller
        self._teacher: Session | None = None
        self._start_text: str | None = None  # the text the first step shows
        self._waiting: dict | None = None  # a scene to bring forward once its result is in
        self._before_example: str | None = None  # the text before a chapter's own sentences
        self._controller.changed.connect(self._on_changed)

    @property
    def running(self) -> bool:
        return self._teacher is not None

    @property
    def teacher_session(self) -> Session | None:
        """The teacher's own session, kept while the lesson runs."""
        return self._teacher

    def begin(self) -> None:
        """Keep the teacher's session and start on the notebook's sentences."""
        if self._teacher is None:
            self._before_example = None
            self._teacher = self._controller.session()
            self.keeping.emit(self._teacher)
            self._start_text = NOTEBOOK_TEXT

    def end(self) -> None:
        """Give the teacher's session back, as it was when the lesson began."""
        teacher, self._teacher = self._teacher, None
        if teacher is not None:
            self._controller.load_session(teacher)
            self.keeping.emit(None)

    def show(self, index: int) -> None:
        """Set the window up as step ``index`` describes it."""
        if self._teacher is None:
            return
        shown = scene(index)
        controller = self._controller
        text, self._start_text = self._start_text or controller.text, None
        text = text if text.strip() else NOTEBOOK_TEXT
        if shown["example"]:  # a chapter with sentences of its own (the tiny GPT's)
            if self._before_example is None:  # arriving in it
                self._before_example = text
                text = load_session(example_session_path(shown["example"])).text
        elif self._before_example is not None:  # back from it: the sentences before it
            text, self._before_example = self._before_example, None
        trained = shown["trained"]
        session = Session(
            text,
            ModelConfig(**shown["settings"]),
            replace(controller.view, **{**_LESSON_VIEW, **shown["view"]}),
            TrainSettings(**trained) if trained else None,
        )
        if session != controller.session():
            controller.load_session(session)
        if shown["train"]:
            controller.set_train_settings(**shown["train"])
        if shown["explain"] is not None:
            controller.select_cell(tuple(shown["explain"]))
        self._bring_forward(shown)
        self._waiting = shown if controller.is_busy else None  # its stage may be coming

    def _on_changed(self, changed) -> None:
        if aspects.RESULT in changed and self._waiting is not None:
            shown, self._waiting = self._waiting, None
            self._bring_forward(shown)

    # --- what is in front ---------------------------------------------------------------------

    def _bring_forward(self, shown: dict) -> None:
        window = self._window
        panel = shown["panel"]
        window.staging.show_pane(None if panel == "heatmap" else panel)
        target: QWidget = window.heatmap
        if panel != "heatmap":
            target = window.docks[panel]
            target.show()
            target.raise_()
        control = self.control(shown["control"])
        if control is not None:
            target = control
            # Once the layouts have run: a dock just raised has not placed its widgets yet.
            QTimer.singleShot(0, control, lambda: pane_focus.scroll_into_view(control, window))
        stage = shown["stage"]
        result = window.controller.result
        if stage:
            window.inspector.bring_into_view(stage)
            if result is not None and stage in result.keys and stage in window.inspector.keys:
                target = window.inspector.panel(stage)
        glow(target)

    def control(self, name: str | None) -> QWidget | None:
        """The widget a step points at, by the name its scene gives."""
        window = self._window
        controls = {
            "play": lambda: window.training.play,
            "head": lambda: window.heatmap.head_selector,
            "sample_temperature": lambda: window.generation.sample_temperature,
        }
        if name in controls:
            return controls[name]()
        return window.controls.widgets.get(name) if name else None


# The view a lesson step starts from: the heatmap, the first sentence, every head.
_LESSON_VIEW = {
    "sentence": ViewSettings.sentence,
    "head": ViewSettings.head,
    "kind": ViewSettings.kind,
    "page": 0,
}
