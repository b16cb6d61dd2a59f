"""The main window: the heatmap in the middle, panels around it that the user can rearrange.

The window wires widgets to the controller and nothing else: edits go to the controller, its
one ``changed`` signal comes back, and every view renders the same result.  Panels are dock
widgets: each can be moved, tabbed, closed and brought back from the View menu, and reached
from the keyboard (Ctrl+1 … Ctrl+7, or F6 to go round them).
"""

from __future__ import annotations

import time

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QAction, QIcon, QKeySequence
from PySide6.QtWidgets import (
    QApplication,
    QDockWidget,
    QLabel,
    QMainWindow,
    QWidget,
)

from gui import state as aspects
from gui import texts
from gui.controller import Controller
from gui.panes.attention.view import HeatmapView
from gui.panes.explanation.view import ExplainPanel
from gui.panes.lesson.view import LessonPanel
from gui.panes.model_settings.view import ControlsPanel
from gui.panes.pipeline.view import ShapeInspector
from gui.panes.sentences.view import SentenceEditor
from gui.panes.training.presenter import TrainingBinding
from gui.panes.training.view import TrainingPanel
from gui.panes.vocabulary.view import VocabularyView
from gui.widgets import ElidedLabel, column, glow, scrolling
from gui.window import appearance, pane_focus
from gui.window import help_menu as help_dialogs
from gui.window import layout as window_layout
from gui.window.file_menu import FileActions
from gui.window.view_menu import ViewMenu
from resources import path

RENDER_SECONDS = 0.010  # GUI time for the views in the turn a result arrives (of a 16 ms frame)
BUSY_DELAY_MS = 300  # only runs that take longer than this show "computing…"


class MainWindow(QMainWindow):
    """``remember``: restore the size and layout of the last run, and keep them on close
    (off for the offscreen renders of the command line, which must look the same anywhere)."""

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
        self.editor.set_text(controller.text)
        self.editor.document().clearUndoRedoStacks()
        self.controls = ControlsPanel()
        self.controls.show_config(controller.config)
        self.vocabulary = VocabularyView()
        self.heatmap = HeatmapView()
        self.inspector = ShapeInspector()
        self.explain = ExplainPanel()
        self.lesson = LessonPanel()
        self.training = TrainingPanel()
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
        }
        left, right = Qt.DockWidgetArea.LeftDockWidgetArea, Qt.DockWidgetArea.RightDockWidgetArea
        self.addDockWidget(left, self.docks["sentences"])
        self.addDockWidget(left, self.docks["model"])
        self.tabifyDockWidget(self.docks["model"], self.docks["training"])
        self.docks["model"].raise_()
        self.addDockWidget(right, self.docks["pipeline"])
        self.tabifyDockWidget(self.docks["pipeline"], self.docks["vocabulary"])
        self.tabifyDockWidget(self.docks["pipeline"], self.docks["explain"])
        self.docks["pipeline"].raise_()
        self.addDockWidget(Qt.DockWidgetArea.BottomDockWidgetArea, self.docks["lesson"])
        self.docks["lesson"].hide()  # Help → Lesson (F1) brings it
        # Where the keyboard lands in each pane (Ctrl+1 … Ctrl+7, F6): the pipeline's first
        # panel is rebuilt with the stages, so targets are looked up when needed.
        self._focus_targets = [
            lambda: self.editor,
            lambda: self.controls.seed,
            lambda: self.heatmap.canvas,
            lambda: self.inspector.first_focus() or self.inspector,
            lambda: self.vocabulary.vocabulary_table,
            lambda: self.explain.text,
            lambda: self.training.play,
        ]

        self.shapes_label = ElidedLabel()
        self.error_label = ElidedLabel()
        self.error_label.setStyleSheet("color: #a01010;")
        self._busy = QLabel(self.tr("computing…"))
        self._busy.hide()
        self.statusBar().addWidget(self.shapes_label, 3)
        self.statusBar().addWidget(self.error_label, 2)
        self.statusBar().addPermanentWidget(self._busy)
        self._busy_timer = QTimer(self)
        self._busy_timer.setSingleShot(True)
        self._busy_timer.setInterval(BUSY_DELAY_MS)
        self._busy_timer.timeout.connect(self._busy.show)

        self.file_actions = FileActions(self, controller)
        self._build_menus()
        self._restore_settings()
        self._dirty: set[str] = set()  # views hidden while the result changed
        self._deadline = 0.0  # when the views of the result being shown should yield
        self._others_pending: frozenset | None = None  # views left for the next turn
        self._kind = "heatmap"

        self.editor.text_edited.connect(controller.set_text)
        self.controls.setting_edited.connect(self._on_setting_edited)
        self.controls.new_weights_requested.connect(controller.new_random_weights)
        self.heatmap.sentence_chosen.connect(lambda b: controller.update_view(sentence=b))
        self.heatmap.head_chosen.connect(lambda h: controller.update_view(head=h))
        self.heatmap.cell_chosen.connect(self._on_cell_chosen)
        self.heatmap.kind_chosen.connect(self._on_kind_chosen)
        self.heatmap.cell_hovered.connect(self._on_cell_hovered)
        self.inspector.row_hovered.connect(self._on_table_row_hovered)
        self.inspector.rebuilt.connect(self._zoom_new_panels)
        self.training_binding = TrainingBinding(controller, self.training, self.heatmap)
        self.lesson.step_shown.connect(self._point_at)
        self.lesson.setup_requested.connect(lambda settings: controller.update_config(**settings))
        controller.changed.connect(self._on_changed)
        controller.notice.connect(self._on_notice)
        for key, dock in self.docks.items():
            dock.visibilityChanged.connect(
                lambda visible, key=key: visible and self._render_dirty(key)
            )
        QApplication.instance().focusChanged.connect(self._on_focus_changed)

        self._show_state()
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
        self.view_menu.fill(self.menuBar().addMenu(self.tr("&View")))
        help_dialogs.fill_menu(self, self.menuBar().addMenu(self.tr("&Help")))

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
        ]
        self.focus_pane((pane_focus.holding_focus(panes) + 1) % len(self._focus_targets))

    def _on_focus_changed(self, _old, new) -> None:
        if new is not None and self.isAncestorOf(new):
            pane_focus.scroll_into_view(new, self)

    # --- reactions to the controller ------------------------------------------------------------

    def _on_cell_chosen(self, cell) -> None:
        """A picked cell is explained: the explanation comes to the front, and the heatmap
        shows the cell's sentence and head if it showed another."""
        view, changes = self.controller.view, {}
        if view.sentence >= 0 and cell[0] != view.sentence:
            changes["sentence"] = cell[0]
        if view.head >= 0 and cell[1] != view.head:
            changes["head"] = cell[1]
        if changes:
            self.controller.update_view(**changes)
        self.controller.select_cell(cell)
        dock = self.docks["explain"]
        dock.show()
        dock.raise_()
        self._render_view("explain")

    def show_lesson(self) -> None:
        dock = self.docks["lesson"]
        dock.show()
        dock.raise_()
        self.lesson.next.setFocus()
        self._point_at(self.lesson.step)

    def _point_at(self, step: dict) -> None:
        """Bring a lesson step's panel (and stage) to the front, and make it glow a moment."""
        if not self.docks["lesson"].isVisible():
            return
        panel = step["panel"]
        target = self.heatmap if panel == "heatmap" else self.docks[panel]
        if panel != "heatmap":
            target.show()
            target.raise_()
        stage, result = step.get("stage"), self.controller.result
        if stage and result is not None and stage in result.keys:
            target = self.inspector.panel(stage)
            # Once the layout has run: a dock just raised has not placed its panels yet.
            QTimer.singleShot(0, target, lambda: self.inspector.ensureWidgetVisible(target, 0, 40))
        glow(target)

    def _zoom_new_panels(self) -> None:
        """New stage panels inherit the zoom shown: note their own sizes at zoom 1."""
        zoom = getattr(self.view_menu, "shown_zoom", 1.0)
        appearance.apply_zoom(self.inspector, zoom, current=zoom)

    def _on_kind_chosen(self, kind: str) -> None:
        self._kind = kind
        if self.controller.result is not None:
            self._render(self.controller.result, frozenset({aspects.VIEW}))

    def _on_cell_hovered(self, cell) -> None:
        """Linked highlighting: the hovered cell's tokens light up in every table."""
        self.inspector.highlight(cell)
        self.vocabulary.highlight(cell)

    def _on_table_row_hovered(self, row) -> None:
        """And the other way round: a table row's query lights up on the heatmap."""
        sentence = max(self.controller.view.sentence, 0)
        self.heatmap.highlight_query(sentence, row)

    def _on_setting_edited(self, name: str, value) -> None:
        self.controller.update_config(**{name: value})

    def _on_changed(self, changed: frozenset) -> None:
        controller = self.controller
        if aspects.TEXT in changed:
            self.editor.set_text(controller.text)
        if aspects.CONFIG in changed:
            self.controls.show_config(controller.config)
        result = controller.result
        if result is not None and changed & {aspects.RESULT, aspects.VIEW}:
            self._render(result, changed)
            if self._needs_dock_sizes:  # the first layout may have ignored them before
                self._needs_dock_sizes = False
                self._default_dock_sizes()
        elif aspects.RESULT in changed:  # a big result let go while its successor computes
            self._others_pending = None
            self.heatmap.release()
            self.inspector.release()
            self.explain.show_cell(None, None)
        if changed & {aspects.ERROR, aspects.LOADED, aspects.RESULT}:
            self._show_state()
        if aspects.BUSY in changed:
            if controller.is_busy:
                self._busy_timer.start()
            else:
                self._busy_timer.stop()
                self._busy.hide()

    def _render(self, result, changed: frozenset) -> None:
        """The heatmap first; then the other views, as much as fits in this turn of the
        event loop (the pipeline's panels finish on the next turns when it is large)."""
        controller = self.controller
        view = controller.view
        self._deadline = time.perf_counter() + RENDER_SECONDS
        self.heatmap.show_result(
            result,
            view.sentence,
            view.head,
            controller.state.cell,
            controller.comparison,
            self._kind,
        )
        if controller.comparison_error is not None:
            self.report(texts.error_text(controller.comparison_error), 8000)
        if not self.inspector.panels and self.heatmap.isVisible():
            # The first result: its pipeline panels are yet to be made.  The heatmap goes on
            # screen now, and the other views follow on the next turn of the event loop.
            self.heatmap.canvas.repaint()
            self._others_pending = changed
            QTimer.singleShot(0, self, self._render_pending_others)
        else:
            self._render_others(changed)

    def _render_pending_others(self) -> None:
        changed, self._others_pending = self._others_pending, None
        if changed is not None and self.controller.result is not None:
            self._deadline = time.perf_counter() + RENDER_SECONDS  # a turn of their own
            self._render_others(changed)

    def _render_others(self, changed: frozenset) -> None:
        result = self.controller.result
        self._render_when_visible("pipeline")
        self._render_when_visible("explain")
        if aspects.RESULT in changed:
            self._render_when_visible("vocabulary")
            self.shapes_label.setText(
                "  ·  ".join(f"{s.key} {texts.shape_text(s.shape)}" for s in result.stages)
            )
            count = f"{result.batch_size} {texts.dimension_name('sentence', result.batch_size)}"
            self.setWindowTitle(f"Attention Study — {count}")

    def finish_rendering(self) -> None:
        """Finish now what the views left for later turns of the event loop (a large
        result's pipeline panels), before a screenshot or a check."""
        self._render_pending_others()
        self.inspector.flush()

    def _render_when_visible(self, key: str) -> None:
        """Views in hidden docks wait until they are shown: work follows what is visible."""
        if self.docks[key].isVisible() and not self.docks[key].visibleRegion().isEmpty():
            self._render_view(key)
        else:
            self._dirty.add(key)

    def _render_dirty(self, key: str) -> None:
        if key in self._dirty and self.controller.result is not None:
            self._render_view(key)

    def _render_view(self, key: str) -> None:
        self._dirty.discard(key)
        result, view = self.controller.result, self.controller.view
        if key == "pipeline":
            deadline, self._deadline = self._deadline, 0.0  # only for the render that set it
            self.inspector.show_result(result, view.sentence, view.head, deadline)
        elif key == "vocabulary":
            self.vocabulary.show_result(result)
        elif key == "explain":
            self.explain.show_cell(result, self.controller.state.cell)

    def _show_state(self) -> None:
        """Loading, an error over greyed views, or the live views."""
        controller = self.controller
        if not controller.is_loaded and controller.error is None:
            message = self.tr("Loading the model (PyTorch)…")
        else:
            message = texts.error_text(controller.error)
        self.heatmap.show_message(message)
        live = not message and controller.result is not None
        for view in (self.vocabulary, self.inspector):
            view.setEnabled(live)
        self.error_label.setText(texts.error_text(controller.error))

    def _on_notice(self, notice) -> None:
        self.statusBar().showMessage(texts.error_text(notice), 8000)

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

    def closeEvent(self, event) -> None:  # noqa: N802 (Qt's name)
        if self._remember:
            window_layout.save(self)
        super().closeEvent(event)
