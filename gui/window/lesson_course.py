"""The lesson drives the window: each step puts on screen what its text speaks of.

A step's scene (``resources/lessons/scenes.json``) names the pane in front, the stage or
control to look at, and settings that add up from the first step to it: the model's
settings, the view, the cell explained, the training task, a run trained to a given step.
Arriving at a step, forwards or back, shows exactly that scene on the sentences the class is
working with; so going back shows what the step before showed.

A step's text may name what the result shows (``{previous}``, ``{induction}``, ``{switched}``,
``{accuracy}``: see :func:`result_words`): the heads named are the ones this run's detectors
label, filled in when the step is shown and again whenever the result changes.  A step may
switch off the heads a detector labels (``"switch_off"``); every other step, and ending the
lesson, switches them on again: the lesson never leaves the model changed behind the class.
A step may be an exercise (``"exercise"``, see :mod:`gui.window.lesson_exercise`): the map
it shows stays hidden until the student has guessed it; leaving the step shows it again.

The teacher's own session is kept while the lesson runs: the autosave writes it rather than
the lesson's, and ending the lesson brings it back.
"""

from __future__ import annotations

from dataclasses import fields, replace

from PySide6.QtCore import QObject, QTimer, Signal
from PySide6.QtWidgets import QWidget

from gui import state as aspects
from gui import texts
from gui.panes.lesson.view import lesson, scenes
from gui.widgets import glow
from gui.window import pane_focus
from gui.window.lesson_exercise import scene_result
from model.analysis.detectors import DETECTORS, THRESHOLD, label
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
        "switch_off": own.get("switch_off"),  # a detector: the heads it labels, switched off
        "exercise": own.get("exercise"),  # the map shown, hidden until the student reveals
    }


PLACEHOLDERS = ("previous", "induction", "switched", "accuracy")


def result_words(result, words: dict, needed: int = 0, switched=None) -> dict[str, str]:
    """What a step's placeholders say of ``result``, in the lesson's ``words``:

    - ``previous``, ``induction``: the heads that detector labels in this run, with their
      scores, or that none scores above the threshold yet;
    - ``switched``: the heads the lesson switched off (``switched``, (layer, head) pairs;
      None: it has not yet), or that it found none to switch off;
    - ``accuracy``: the task's accuracy on its probe, with every head and with the heads
      switched off now.

    While the run is short of the ``needed`` steps the lesson trains to, each says so."""
    trained = result is not None and result.training is not None
    if needed and not (trained and result.training.steps >= needed):
        return dict.fromkeys(PLACEHOLDERS, words["training"].format(steps=needed))
    said = {}
    for detector in ("previous", "induction"):
        column = DETECTORS.index(detector)
        heads = [
            words["score"].format(
                head=_head(words, result.map_of(index)),
                score=texts.fixed(float(result.probe_scores[index, column]), 2),
            )
            for index in labelled(result, detector)
        ]
        said[detector] = _phrase(words, detector, heads)
    said["switched"] = ""
    if switched is not None:
        said["switched"] = _phrase(words, "switched", [_head(words, p) for p in switched])
    said["accuracy"] = ""
    evaluation = result.training.evaluation if trained else None
    if evaluation is not None:
        off = [_head(words, pair) for pair in result.config.ablated]
        said["accuracy"] = _phrase(
            words,
            "accuracy_off" if off else "accuracy",
            off,
            every=texts.fixed(100 * evaluation.every_head.accuracy, 1),
            off=texts.fixed(100 * evaluation.score.accuracy, 1),
        )
    return said


def labelled(result, detector: str) -> list[int]:
    """The attention maps of ``result`` its detectors label ``detector`` (none without
    scores: a mode without heads, or no result)."""
    scores = None if result is None else result.probe_scores
    if scores is None:
        return []
    return [index for index, row in enumerate(scores) if label(row) == detector]


def _head(words: dict, pair: tuple[int, int]) -> str:
    layer, head = pair
    return words["head"].format(layer=layer, head=head)


def _phrase(words: dict, key: str, heads: list[str], **values) -> str:
    """``words[key]`` with ``heads`` listed ("a, b and c"); its ``_many`` form for more
    than one, its ``_none`` form for none (when it has one)."""
    threshold = texts.fixed(THRESHOLD, 1)
    if not heads and f"{key}_none" in words:
        return words[f"{key}_none"].format(threshold=threshold)
    listed = words["and"].join(heads[-2:])
    if len(heads) > 2:
        listed = ", ".join([*heads[:-2], listed])
    form = f"{key}_many" if len(heads) > 1 and f"{key}_many" in words else key
    return words[form].format(heads=listed, threshold=threshold, **values)


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
        self._example: str | None = None  # the example whose sentences the lesson put there
        self._shown: dict | None = None  # the scene of the step on screen
        self._switching: str | None = None  # a detector whose heads to switch off, once known
        self._switched: tuple | None = None  # the heads this step switched off
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
            self._before_example = self._example = None
            self._teacher = self._controller.session()
            self.keeping.emit(self._teacher)
            self._start_text = NOTEBOOK_TEXT

    def end(self) -> None:
        """Give the teacher's session back, as it was when the lesson began."""
        teacher, self._teacher = self._teacher, None
        self._shown = self._switching = self._switched = None
        self._window.lesson_exercise.leave()
        if teacher is not None:
            self._controller.load_session(teacher)
            self.keeping.emit(None)

    def show(self, index: int) -> None:
        """Set the window up as step ``index`` describes it."""
        if self._teacher is None:
            return
        shown = scene(index)
        controller = self._controller
        self._window.lesson_exercise.leave()  # the step before's, if it was one
        text, self._start_text = self._start_text or controller.text, None
        text = text if text.strip() else NOTEBOOK_TEXT
        if shown["example"]:  # a chapter with sentences of its own (the tiny GPT's …)
            if self._before_example is None:  # arriving in the first of them
                self._before_example = text
            if shown["example"] != self._example:  # arriving in this one
                self._example = shown["example"]
                text = load_session(example_session_path(self._example)).text
        elif self._before_example is not None:  # back from them: the sentences before them
            text, self._before_example, self._example = self._before_example, None, None
        self._shown, self._switched = shown, None
        self._switching = shown["switch_off"]
        self._apply(
            Session(
                text,
                ModelConfig(**shown["settings"]),  # every head on, unless a step says
                replace(controller.view, **{**_LESSON_VIEW, **shown["view"]}),
                self._training(text, shown),
            )
        )
        if shown["train"]:
            controller.set_train_settings(**shown["train"])
        if shown["explain"] is not None:
            controller.select_cell(tuple(shown["explain"]))
        self._bring_forward(shown)
        self._waiting = shown if controller.is_busy else None  # its stage may be coming
        self._switch_off()
        self._fill()
        self._window.lesson_exercise.arrive(shown["exercise"], self._needed())

    def _training(self, text: str, shown: dict) -> TrainSettings | None:
        """The training a step shows: the run its scene names; with ``at_least``, the run
        on screen instead when it is that run trained further (the class's own)."""
        if not shown["trained"]:
            return None
        wanted = dict(shown["trained"])
        at_least = wanted.pop("at_least", False)
        trained = TrainSettings(**wanted)
        current = self._controller.session()
        own = current.training
        if (
            at_least
            and own is not None
            and own.task == trained.task
            and own.steps >= trained.steps
            and current.text == text
            and current.config.with_every_head() == ModelConfig(**shown["settings"])
        ):
            return own
        return trained

    def _apply(self, session: Session) -> None:
        """Show ``session``: when it differs from the one on screen only in its view or in
        the heads switched off, as those changes (a trained run goes on, not trained again)."""
        controller = self._controller
        current = controller.session()
        if session == current:
            return
        config = replace(session.config, ablated=current.config.ablated)
        if replace(session, view=current.view, config=config) != current:
            controller.load_session(session)
            return
        if session.config.ablated != current.config.ablated:
            controller.update_config(ablated=session.config.ablated)
        view = {
            f.name: getattr(session.view, f.name)
            for f in fields(session.view)
            if getattr(session.view, f.name) != getattr(current.view, f.name)
        }
        if view:
            controller.update_view(**view)

    def _on_changed(self, changed) -> None:
        if aspects.RESULT in changed and self._waiting is not None:
            shown, self._waiting = self._waiting, None
            self._bring_forward(shown)
        if aspects.RESULT in changed and self._shown is not None:
            self._switch_off()
            self._fill()

    # --- what the result says -----------------------------------------------------------------

    def _needed(self) -> int:
        """The steps the step's scene trains to (0: none)."""
        trained = self._shown["trained"] if self._shown else None
        return trained["steps"] if trained else 0

    def _switch_off(self) -> None:
        """Switch off the heads the step's detector labels, once the result of its scene is
        in (trained, every head on): the heads this run's detectors name."""
        controller, detector = self._controller, self._switching
        result = scene_result(controller, self._needed())
        if detector is None or result is None or result.config.ablated:
            return
        self._switching = None
        self._switched = tuple(map(result.map_of, labelled(result, detector)))
        if self._switched:
            controller.update_config(ablated=self._switched)

    def _fill(self) -> None:
        """The step's text, its placeholders said of the result on screen."""
        if self._teacher is None or self._shown is None:
            return
        words = lesson(texts.language()).get("words", {})
        if words:
            self._window.lesson.set_words(
                result_words(self._controller.result, words, self._needed(), self._switched)
            )

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
            # Play with the loss curve and the timeline under it, when they fit together.
            shown_with = [window.training.latest] if control is window.training.play else []

            def scroll() -> None:
                for widget in (*shown_with, control):
                    pane_focus.scroll_into_view(widget, window)

            # Once the layouts have run: a dock just raised has not placed its widgets yet.
            QTimer.singleShot(0, control, scroll)
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
            "task": lambda: window.training.task,
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
    "layer": ViewSettings.layer,
}
