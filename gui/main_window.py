"""The main window: editor and settings on the left, heatmap in the middle, stages on the right.

The window wires widgets to the controller and nothing else: edits go to the controller,
results come back from it, and every view renders the same result.
"""

from __future__ import annotations

from PySide6.QtCore import QSettings, Qt, QTimer
from PySide6.QtGui import QAction, QIcon, QKeySequence
from PySide6.QtWidgets import (
    QGroupBox,
    QLabel,
    QMainWindow,
    QMessageBox,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from gui import texts
from gui.controller import PipelineController
from gui.controls import ControlsPanel
from gui.file_actions import FileActions
from gui.heatmap_view import HeatmapView
from gui.sentence_editor import SentenceEditor
from gui.shape_inspector import ShapeInspector
from gui.vocabulary_view import VocabularyView
from resources import path

BUSY_DELAY_MS = 300  # only runs that take longer than this show "computing…"


def _group(title: str, widget: QWidget) -> QGroupBox:
    box = QGroupBox(title)
    layout = QVBoxLayout(box)
    layout.setContentsMargins(6, 6, 6, 6)
    layout.addWidget(widget)
    return box


class MainWindow(QMainWindow):
    def __init__(self, controller: PipelineController, language: str = "en", parent=None):
        super().__init__(parent)
        self.controller = controller
        self.setWindowTitle("Attention Study")
        self.setWindowIcon(QIcon(str(path("icons", "attention-study.svg"))))

        self.editor = SentenceEditor()
        self.editor.set_text(controller.text)
        self.controls = ControlsPanel()
        self.controls.show_config(controller.config)
        self.vocabulary = VocabularyView()
        self.heatmap = HeatmapView()
        self.inspector = ShapeInspector(language)

        left = QSplitter(Qt.Orientation.Vertical)
        left.addWidget(_group(self.tr("Sentences (one per line)"), self.editor))
        left.addWidget(_group(self.tr("Model"), self.controls))
        left.addWidget(_group(self.tr("Vocabulary and ids"), self.vocabulary))
        left.setStretchFactor(0, 2)
        left.setStretchFactor(2, 3)
        self._splitter = QSplitter(Qt.Orientation.Horizontal)
        self._splitter.addWidget(left)
        self._splitter.addWidget(_group(self.tr("Attention"), self.heatmap))
        self._splitter.addWidget(_group(self.tr("Pipeline, stage by stage"), self.inspector))
        self._splitter.setStretchFactor(0, 3)
        self._splitter.setStretchFactor(1, 5)
        self._splitter.setStretchFactor(2, 4)
        self._splitter.setSizes([420, 640, 540])
        self._left_splitter = left
        self.setCentralWidget(self._splitter)

        self._shapes = QLabel()
        self._error = QLabel()
        self._error.setStyleSheet("color: #a01010;")
        self._busy = QLabel(self.tr("computing…"))
        self._busy.hide()
        self.statusBar().addWidget(self._shapes, 1)
        self.statusBar().addPermanentWidget(self._error)
        self.statusBar().addPermanentWidget(self._busy)
        self._busy_timer = QTimer(self)
        self._busy_timer.setSingleShot(True)
        self._busy_timer.setInterval(BUSY_DELAY_MS)
        self._busy_timer.timeout.connect(self._busy.show)

        self.file_actions = FileActions(self, controller, language)
        self._build_menus()
        self._restore_settings()

        self.editor.text_edited.connect(controller.set_text)
        self.controls.setting_edited.connect(self._on_setting_edited)
        self.controls.new_weights_requested.connect(controller.new_random_weights)
        self.heatmap.sentence_selected.connect(controller.select_sentence)
        controller.result_changed.connect(self._on_result_changed)
        controller.sentence_changed.connect(self._on_sentence_changed)
        controller.error_changed.connect(self._on_error_changed)
        controller.config_changed.connect(self.controls.show_config)
        controller.text_changed.connect(self.editor.set_text)
        controller.busy_changed.connect(self._on_busy_changed)
        controller.model_loaded.connect(self._show_state)

        self._show_state()
        self.editor.setFocus()

    # --- menus ---------------------------------------------------------------------------

    def _build_menus(self) -> None:
        file_menu = self.menuBar().addMenu(self.tr("&File"))
        self.file_actions.fill_menu(file_menu)
        file_menu.addSeparator()
        quit_action = QAction(self.tr("&Quit"), self)
        quit_action.setShortcut(QKeySequence(Qt.Modifier.CTRL | Qt.Key.Key_Q))
        quit_action.setShortcutContext(Qt.ShortcutContext.ApplicationShortcut)
        quit_action.triggered.connect(self.close)
        file_menu.addAction(quit_action)
        help_menu = self.menuBar().addMenu(self.tr("&Help"))
        about = QAction(self.tr("&About Attention Study"), self)
        about.triggered.connect(self._on_about)
        help_menu.addAction(about)

    def _on_about(self) -> None:
        QMessageBox.about(
            self,
            self.tr("About Attention Study"),
            self.tr(
                "<p><b>Attention Study</b> turns the notebook <i>Estudo de Self-Attention</i> "
                "into a live instrument: type sentences and watch every stage of the "
                "pipeline, from token ids to attention weights.</p>"
            ),
        )

    # --- reactions to the controller -----------------------------------------------------

    def _on_setting_edited(self, name: str, value) -> None:
        self.controller.update_config(**{name: value})

    def _on_result_changed(self, result) -> None:
        sentence = self.controller.sentence
        self.heatmap.show_result(result, sentence)
        self.inspector.show_result(result, sentence)
        self.vocabulary.show_result(result)
        self._shapes.setText(
            "  ·  ".join(f"{s.key} {texts.shape_text(s.shape)}" for s in result.stages)
        )
        sentences = texts.dimension_name("sentence", result.batch_size)
        self.setWindowTitle(f"Attention Study — {result.batch_size} {sentences}")
        self._show_state()

    def _on_sentence_changed(self, sentence: int) -> None:
        result = self.controller.result
        if result is not None:
            self.heatmap.show_sentence(sentence)
            self.inspector.show_result(result, sentence)

    def _on_error_changed(self, error: str) -> None:
        self._show_state()

    def _on_busy_changed(self, busy: bool) -> None:
        if busy:
            self._busy_timer.start()
        else:
            self._busy_timer.stop()
            self._busy.hide()

    def _show_state(self) -> None:
        """Loading, an error over greyed views, or the live views."""
        controller = self.controller
        if not controller.is_loaded and not controller.error:
            message = self.tr("Loading the model (PyTorch)…")
        else:
            message = controller.error[:1].upper() + controller.error[1:]
        self.heatmap.show_message(message)
        live = not message and controller.result is not None
        for view in (self.vocabulary, self.inspector):
            view.setEnabled(live)
        self._error.setText(controller.error)

    def report_autosave_failure(self, reason: str) -> None:
        message = self.tr("Your work is not being autosaved: {reason}")
        self.statusBar().showMessage(message.format(reason=reason), 15_000)

    def report_restore_failure(self, reason: str) -> None:
        message = self.tr(
            "The autosaved session could not be read ({reason}); "
            "starting from the notebook's example."
        )
        self.statusBar().showMessage(message.format(reason=reason), 15_000)

    # --- settings ------------------------------------------------------------------------

    def _restore_settings(self) -> None:
        settings = QSettings()
        settings.beginGroup("MainWindow")
        geometry = settings.value("geometry")
        if geometry is not None:
            self.restoreGeometry(geometry)
        else:
            self.resize(1600, 1000)
        for key, splitter in (("splitter", self._splitter), ("left", self._left_splitter)):
            state = settings.value(key)
            if state is not None:
                splitter.restoreState(state)
        settings.endGroup()

    def closeEvent(self, event) -> None:  # noqa: N802 (Qt's name)
        settings = QSettings()
        settings.beginGroup("MainWindow")
        settings.setValue("geometry", self.saveGeometry())
        settings.setValue("splitter", self._splitter.saveState())
        settings.setValue("left", self._left_splitter.saveState())
        settings.endGroup()
        super().closeEvent(event)
