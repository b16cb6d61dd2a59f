"""The main window: the attention view in the middle, panes around it the user can rearrange.

The window builds the panes, their docks and the menus, and nothing else: each pane's
presenter (``gui/panes/<pane>/presenter.py``) renders it from the controller's state and
result and sends the user's edits back.  Docks can be moved, tabbed, closed and brought back
from the View menu, and reached from the keyboard (Ctrl+1 … Ctrl+9, or F6 to go round them).
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QIcon, QKeySequence
from PySide6.QtWidgets import (
    QApplication,
    QDockWidget,
    QLabel,
    QMainWindow,
    QWidget,
)

from gui import state as aspects
from gui.controller import Controller
from gui.panes.attention.exercise import Exercise
from gui.panes.attention.presenter import AttentionPresenter
from gui.panes.attention.view import AttentionView
from gui.panes.explanation.presenter import ExplanationPresenter
from gui.panes.explanation.view import ExplainPanel
from gui.panes.generation.presenter import GenerationPresenter
from gui.panes.generation.view import GenerationPanel
from gui.panes.heads.presenter import HeadsPresenter
from gui.panes.heads.view import HeadsPanel
from gui.panes.lesson.view import LessonPanel
from gui.panes.model_settings.presenter import ModelSettingsPresenter
from gui.panes.model_settings.view import ControlsPanel
from gui.panes.next_word.presenter import NextWordPresenter
from gui.panes.next_word.view import NextWordPanel
from gui.panes.pipeline.presenter import PipelinePresenter
from gui.panes.pipeline.view import PipelineView
from gui.panes.presenter import PanePresenter, RenderClock
from gui.panes.sentences.presenter import SentencesPresenter
from gui.panes.sentences.view import SentenceEditor
from gui.panes.training.presenter import TrainingPresenter
from gui.panes.training.view import TrainingPanel
from gui.panes.vocabulary.presenter import VocabularyPresenter
from gui.panes.vocabulary.view import VocabularyView
from gui.widgets import column, scrolling
from gui.window import appearance, language_menu, pane_focus
from gui.window import help_menu as help_dialogs
from gui.window import layout as window_layout
from gui.window.file_menu import FileActions
from gui.window.lesson_course import LessonCourse
from gui.window.lesson_exercise import LessonExercise
from gui.window.staging import Staging
from gui.window.status import StatusPresenter
from gui.window.transformer_panes import TransformerPanes
from gui.window.view_menu import ViewMenu
from resources import path


class MainWindow(QMainWindow):
    """``remember``: restore the size and layout of the last run, and keep them on close
    (off for the offscreen renders of the command line, which must look the same anywhere)."""

    language_chosen = Signal(str)
    """View → Language: the window should be made again in this language."""

    def __init__(self, controller: Controller, parent=None, remember: bool = True) -> None:
        super().__init__(parent)
        self.controller = controller
        self._remember = remember
        self.setWindowTitle("Attention Study")
        self.setWindowIcon(QIcon(str(path("icons", "attention-study.svg"))))
        self.setDockOptions(
            QMainWindow.DockOption.AnimatedDocks
            | QMainWindow.DockOption.AllowTabbedDocks
            | QMainWindow.DockOption.AllowNestedDocks
        )

        self.editor = SentenceEditor()
        self.controls = ControlsPanel()
        self.vocabulary = VocabularyView()
        self.heatmap = AttentionView()
        self.inspector = PipelineView()
        self.explain = ExplainPanel()
        self.lesson = LessonPanel()
        self.training = TrainingPanel()
        self.next_word = NextWordPanel()
        self.generation = GenerationPanel()
        self.heads = HeadsPanel()
        self.setCentralWidget(self.heatmap)

        editor_label = QLabel(self.tr("One sentence per &line:"))
        editor_label.setBuddy(self.editor)
        sentences = QWidget()
        sentences.setLayout(column(editor_label, self.editor))
        self.docks = {
            "sentences": self._dock("sentences", self.tr("Sentences"), sentences),
            "model": self._dock("model", self.tr("Model"), scrolling(self.controls)),
            "pipeline": self._dock("pipeline", self.tr("Pipeline"), self.inspector),
            "vocabulary": self._dock("vocabulary", self.tr("Vocabulary"), self.vocabulary),
            "explain": self._dock("explain", self.tr("Explanation"), self.explain),
            "lesson": self._dock("lesson", self.tr("Lesson"), self.lesson),
            "training": self._dock(
                "training", self.tr("Training"), scrolling(self.training, sideways=False)
            ),
            "next_word": self._dock(
                "next_word", self.tr("Next word"), scrolling(self.next_word, sideways=False)
            ),
            "generation": self._dock(
                "generation", self.tr("Generate"), scrolling(self.generation, sideways=False)
            ),
            "heads": self._dock("heads", self.tr("Heads"), self.heads),
        }
        left, right = Qt.DockWidgetArea.LeftDockWidgetArea, Qt.DockWidgetArea.RightDockWidgetArea
        self.addDockWidget(left, self.docks["sentences"])
        self.addDockWidget(left, self.docks["model"])
        self.tabifyDockWidget(self.docks["model"], self.docks["training"])
        self.docks["model"].raise_()
        self.addDockWidget(right, self.docks["pipeline"])
        # The transformer's panes under the pipeline's: beside the heatmap, never a tab
        # behind the explanation (a picked cell brings that forward).  Split before the
        # pipeline has tabs: a tabbed pane is split by adding a tab.
        self.splitDockWidget(
            self.docks["pipeline"], self.docks["next_word"], Qt.Orientation.Vertical
        )
        self.tabifyDockWidget(self.docks["pipeline"], self.docks["vocabulary"])
        self.tabifyDockWidget(self.docks["pipeline"], self.docks["explain"])
        self.docks["pipeline"].raise_()
        self.tabifyDockWidget(self.docks["next_word"], self.docks["generation"])
        self.tabifyDockWidget(self.docks["next_word"], self.docks["heads"])
        self.docks["next_word"].raise_()
        self.addDockWidget(Qt.DockWidgetArea.BottomDockWidgetArea, self.docks["lesson"])
        self.docks["lesson"].hide()  # Help → Lesson (F1) brings it
        # Where the keyboard lands in each pane (Ctrl+1 … Ctrl+9, F6): the pipeline's first
        # panel is rebuilt with the stages, so targets are looked up when needed.
        self._focus_targets = [
            lambda: self.editor,
            lambda: self.controls.seed,
            lambda: self.heatmap.canvas,
            lambda: self.inspector.first_focus() or self.inspector,
            lambda: self.vocabulary.vocabulary_table,
            lambda: self.explain.text,
            lambda: self.training.play,
            lambda: self.next_word.focus_target() or self.docks["next_word"].widget(),
            lambda: self.generation.prompt,
            lambda: self.heads.focus_target(),
        ]

        self.status = StatusPresenter(controller, self)
        self.error_label, self.shapes_label = self.status.error_label, self.status.shapes_label
        self.file_actions = FileActions(self, controller)
        self.staging = Staging(self)
        self._class_for_lesson = False  # the lesson turned the class layout on
        self._build_menus()
        self._restore_settings()

        # The clock first: it times each change, for the panes that render in slices.
        clock = RenderClock(controller, self)
        docks = self.docks
        self.exercise = exercise = Exercise(controller, self)  # a lesson step's, when open
        self.presenters = {
            "attention": AttentionPresenter(controller, self.heatmap, exercise),
            "sentences": SentencesPresenter(controller, self.editor),
            "model": ModelSettingsPresenter(controller, self.controls),
            "pipeline": PipelinePresenter(
                controller, self.inspector, docks["pipeline"], clock, exercise
            ),
            "vocabulary": VocabularyPresenter(controller, self.vocabulary, docks["vocabulary"]),
            "explain": ExplanationPresenter(controller, self.explain, docks["explain"], exercise),
            "training": TrainingPresenter(controller, self.training),
            "next_word": NextWordPresenter(controller, self.next_word, docks["next_word"]),
            "generation": GenerationPresenter(controller, self.generation, docks["generation"]),
            "heads": HeadsPresenter(controller, self.heads, docks["heads"]),
        }
        self.inspector.rebuilt.connect(self._zoom_new_panels)
        self.transformer_panes = TransformerPanes(self)  # Next word and Generate
        self.transformer_panes.follow()
        self.lesson_exercise = LessonExercise(self, exercise)
        self.lesson_course = LessonCourse(self)
        self.lesson.step_shown.connect(self.lesson_course.show)
        self.lesson.close_requested.connect(self.end_lesson)
        self.docks["lesson"].installEventFilter(self)  # its close button ends the lesson
        controller.changed.connect(self._on_changed)
        QApplication.instance().focusChanged.connect(self._on_focus_changed)

        self.view_menu.apply()
        self.editor.setFocus()

    def _dock(self, name: str, title: str, widget: QWidget) -> QDockWidget:
        return window_layout.dock(self, name, title, widget)

    # --- menus ------------------------------------------------------------------------------

    def _build_menus(self) -> None:
        file_menu = self.menuBar().addMenu(self.tr("&File"))
        self.file_actions.fill_menu(file_menu)
        file_menu.addSeparator()
        quit_action = QAction(self.tr("&Quit"), self)
        quit_action.setShortcut(QKeySequence(Qt.Modifier.CTRL | Qt.Key.Key_Q))
        quit_action.setShortcutContext(Qt.ShortcutContext.ApplicationShortcut)
        quit_action.triggered.connect(self.close)
        file_menu.addAction(quit_action)

        self.view_menu = ViewMenu(self)
        view = self.menuBar().addMenu(self.tr("&View"))
        self.view_menu.fill(view)
        self._add_focus_actions(view)
        view.addSeparator()
        # In both languages: whoever cannot read the one shown still finds it.
        self.language_group = language_menu.fill(view.addMenu("Language · Idioma"), self)
        help_dialogs.fill_menu(self, self.menuBar().addMenu(self.tr("&Help")))

    def _add_focus_actions(self, view) -> None:
        """Ctrl+8, Ctrl+9 and Ctrl+H, for the panes of the transformer and of heads, after
        the View menu's Ctrl+7."""
        before = next((a for a in view.actions() if a.shortcut() == QKeySequence("F6")), None)
        for index, title, keys in (
            (7, self.tr("Go to the next word"), "Ctrl+8"),
            (8, self.tr("Go to generate"), "Ctrl+9"),
            (9, self.tr("Go to the heads"), "Ctrl+H"),
        ):
            action = QAction(title, self)
            action.setShortcut(QKeySequence(keys))
            action.triggered.connect(lambda _=False, k=index: self.focus_pane(k))
            view.insertAction(before, action)

    def focus_pane(self, index: int) -> None:
        """Show the pane (its dock, if tabbed away or closed) and put the keyboard in it."""
        pane_focus.focus(self.docks.values(), self._focus_targets[index]())

    def focus_next_pane(self) -> None:
        panes = [  # in the order of the focus targets (Ctrl+1 … Ctrl+7)
            self.editor,
            self.docks["model"],
            self.heatmap.canvas,
            self.inspector,
            self.vocabulary,
            self.docks["explain"],
            self.docks["training"],
        ]  # (the next word and generation are Ctrl+8 and Ctrl+9, and Tab)
        self.focus_pane((pane_focus.holding_focus(panes) + 1) % len(panes))

    def _on_focus_changed(self, _old, new) -> None:
        if new is not None and self.isAncestorOf(new):
            pane_focus.scroll_into_view(new, self)

    # --- reactions to the controller ------------------------------------------------------------

    def show_lesson(self) -> None:
        """Help → Lesson (F1): keep the user's session and show the lesson's current step."""
        running = self.lesson_course.running
        if not running and self.staging.mode is None and self.staging.small_screen():
            self._class_for_lesson = True  # the layout taken aside is the one without it
            self.staging.teach()
        dock = self.docks["lesson"]
        dock.show()
        dock.raise_()
        self.lesson.next.setFocus()
        if not running:
            self.lesson_course.begin()
            self.lesson_course.show(self.lesson.index)

    def lesson_pane(self) -> str | None:
        """The pane the lesson's step needs beside the heatmap (None: the heatmap alone, or
        no lesson)."""
        if not self.lesson_course.running and not self.docks["lesson"].isVisible():
            return None
        panel = self.lesson.step["panel"]
        return None if panel == "heatmap" else panel

    def end_lesson(self) -> None:
        """Close the lesson and give the user's own sentences and settings back."""
        self._leave_lesson()
        self.docks["lesson"].hide()

    def _leave_lesson(self) -> None:
        self.lesson_course.end()
        if self._class_for_lesson and self.staging.mode == "class":
            self.staging.leave()
        self._class_for_lesson = False

    def eventFilter(self, watched, event) -> bool:  # noqa: N802 (Qt's name)
        if watched is self.docks["lesson"] and event.type() == QEvent.Type.Close:
            self._leave_lesson()
        return super().eventFilter(watched, event)

    def _zoom_new_panels(self) -> None:
        """New stage panels inherit the zoom shown: note their own sizes at zoom 1."""
        zoom = getattr(self.view_menu, "shown_zoom", 1.0)
        appearance.apply_zoom(self.inspector, zoom, current=zoom)

    def finish_rendering(self) -> None:
        """Finish now what the panes left for later turns of the event loop (a large
        result's pipeline panels), before a screenshot or a check."""
        for presenter in self.presenters.values():
            if isinstance(presenter, PanePresenter):
                presenter.flush()

    def _on_changed(self, changed) -> None:
        if aspects.RESULT in changed and self._needs_dock_sizes and self.controller.result:
            self._needs_dock_sizes = False  # the first layout may have ignored them before
            self._default_dock_sizes()

    def show_current(self) -> None:
        """Draw the work already there in every pane: a window made anew on the same
        controller (after View → Language) has had no change of it to draw on."""
        if self.controller.result is None:
            return  # the result on its way will be announced
        self.status._on_changed(frozenset({aspects.RESULT, aspects.LOADED}))
        for presenter in self.presenters.values():
            if isinstance(presenter, PanePresenter):  # the others draw as they are made
                presenter.refresh()

    def report(self, message: str, timeout_ms: int = 15_000) -> None:
        self.statusBar().showMessage(message, timeout_ms)

    # --- settings ---------------------------------------------------------------------------

    def _restore_settings(self) -> None:
        self._needs_dock_sizes = window_layout.restore(self, self._remember)

    def fit_to_screen(self) -> None:
        """Keep the window on the screen and no larger than it (screens change between runs)."""
        window_layout.fit_to_screen(self)

    def showEvent(self, event) -> None:  # noqa: N802 (Qt's name)
        super().showEvent(event)
        if self._needs_dock_sizes:
            self._needs_dock_sizes = False
            QTimer.singleShot(0, self, self._default_dock_sizes)

    def _default_dock_sizes(self) -> None:
        window_layout.default_dock_sizes(self)
        # The next word's ten rows and the generation's attention want the larger share.
        docks = [self.docks["pipeline"], self.docks["next_word"]]
        height = self.height()
        self.resizeDocks(docks, [height * 2 // 5, height * 3 // 5], Qt.Orientation.Vertical)

    def save_layout(self) -> None:
        """Keep the user's own layout for the next window (never one borrowed for a room)."""
        if self._remember:
            window_layout.save(self, self.staging.stash)

    def closeEvent(self, event) -> None:  # noqa: N802 (Qt's name)
        self.save_layout()
        super().closeEvent(event)
