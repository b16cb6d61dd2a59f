"""The File menu: sessions, figures, screenshots, tensors and notebooks, in and out.

Every file is written atomically by the model's helpers, so a failed export leaves nothing
half-written; every failure is shown in a message box and the work on screen stays as it was.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QObject, QSettings
from PySide6.QtGui import QAction, QActionGroup, QGuiApplication, QKeySequence
from PySide6.QtWidgets import QFileDialog, QInputDialog, QMessageBox, QWidget

from gui import texts
from gui.controller import PipelineController
from model.result import STAGE_KEYS
from model.session import SCALES


class FileActions(QObject):
    """Creates the File menu's actions and carries them out for ``window``."""

    def __init__(self, window: QWidget, controller: PipelineController, language: str) -> None:
        super().__init__(window)
        self._window = window
        self._controller = controller
        self._language = language

        def action(text, slot, shortcut=None) -> QAction:
            item = QAction(text, window)
            if shortcut is not None:
                item.setShortcut(QKeySequence(shortcut))
            item.triggered.connect(slot)
            return item

        self.open_session = action(
            self.tr("&Open session…"), self._on_open_session, QKeySequence.StandardKey.Open
        )
        self.save_session = action(
            self.tr("&Save session…"), self._on_save_session, QKeySequence.StandardKey.Save
        )
        self.export_figure = action(self.tr("Export &figure…"), self._on_export_figure, "Ctrl+E")
        self.copy_figure = action(self.tr("&Copy figure"), self._on_copy_figure, "Ctrl+Shift+C")
        self.export_screenshot = action(self.tr("Export &screenshot…"), self._on_export_screenshot)
        self.export_tensors = action(self.tr("Export &tensors…"), self._on_export_tensors)
        self.export_notebook = action(self.tr("Export as &notebook…"), self._on_export_notebook)
        self.scale_actions = QActionGroup(window)
        for scale in SCALES:
            item = QAction(self.tr("{k}× figure size").format(k=scale), window, checkable=True)
            item.setData(scale)
            item.setChecked(scale == controller.figure_scale)
            item.triggered.connect(lambda _checked, k=scale: controller.set_figure_scale(k))
            self.scale_actions.addAction(item)
        controller.state_changed.connect(self._show_scale)

    def fill_menu(self, menu) -> None:
        menu.addAction(self.open_session)
        menu.addAction(self.save_session)
        menu.addSeparator()
        menu.addAction(self.export_figure)
        menu.addAction(self.copy_figure)
        scale_menu = menu.addMenu(self.tr("Figure s&cale (PNG)"))
        scale_menu.addActions(self.scale_actions.actions())
        menu.addAction(self.export_screenshot)
        menu.addAction(self.export_tensors)
        menu.addAction(self.export_notebook)

    # --- sessions ------------------------------------------------------------------------

    def _on_open_session(self) -> None:
        path = self._ask_open(self.tr("Open session"), self.tr("Sessions (*.json)"))
        if not path:
            return
        from model.session import load_session

        try:
            session = load_session(path)
        except ValueError as exc:
            self._fail(self.tr("The session was not opened"), str(exc))
            return
        self._controller.load_session(session)

    def _on_save_session(self) -> None:
        path = self._ask_save(self.tr("Save session"), self.tr("Sessions (*.json)"), ".json")
        if path:
            from model.session import save_session

            self._write(lambda: save_session(self._controller.session(), path))

    # --- figures and screenshots ---------------------------------------------------------

    def _on_export_figure(self) -> None:
        result = self._result()
        if result is None:
            return
        path = self._ask_save(
            self.tr("Export figure"),
            self.tr("PNG image (*.png);;SVG drawing, text kept as text (*.svg)"),
            ".png",
        )
        if path:
            from gui.figure import export_figure

            sentence, scale = self._controller.sentence, self._controller.figure_scale
            self._write(lambda: export_figure(result, path, sentence, scale))

    def _on_copy_figure(self) -> None:
        result = self._result()
        if result is None:
            return
        from gui.figure import HeatmapFigure

        figure = HeatmapFigure(result, self._controller.sentence)
        image = figure.image(self._controller.figure_scale)
        QGuiApplication.clipboard().setImage(image)
        self._window.statusBar().showMessage(self.tr("Figure copied to the clipboard"), 4000)

    def _on_export_screenshot(self) -> None:
        path = self._ask_save(self.tr("Export screenshot"), self.tr("PNG image (*.png)"), ".png")
        if path:
            from gui.figure import save_image

            self._write(lambda: save_image(self._window.grab().toImage(), path))

    # --- tensors and notebooks -----------------------------------------------------------

    def _on_export_tensors(self) -> None:
        result = self._result()
        if result is None:
            return
        npz = self.tr("NumPy archive, every stage (*.npz)")
        csv = self.tr("CSV table, one stage of the selected sentence (*.csv)")
        path = self._ask_save(self.tr("Export tensors"), f"{npz};;{csv}", ".npz")
        if not path:
            return
        if path.lower().endswith(".csv"):
            titles = [texts.stage_title(key, result.config.cell) for key in STAGE_KEYS]
            title, ok = QInputDialog.getItem(
                self._window,
                self.tr("Export a stage as CSV"),
                self.tr("Stage:"),
                titles,
                len(titles) - 1,
                False,
            )
            if not ok:
                return
            key = STAGE_KEYS[titles.index(title)]
            table = result.stage_table(key, max(self._controller.sentence, 0))
            from model.files import write_text

            self._write(lambda: write_text(path, table.to_csv()))
        else:
            from model.export import save_npz

            self._write(lambda: save_npz(result, path))

    def _on_export_notebook(self) -> None:
        result = self._result()
        if result is None:
            return
        path = self._ask_save(
            self.tr("Export as notebook"), self.tr("Jupyter notebook (*.ipynb)"), ".ipynb"
        )
        if path:
            from model.notebook import save_notebook

            self._write(lambda: save_notebook(result, path, self._language))

    # --- helpers -------------------------------------------------------------------------

    def _show_scale(self) -> None:
        for item in self.scale_actions.actions():
            item.setChecked(item.data() == self._controller.figure_scale)

    def _result(self):
        """The result on screen, or None (with a message) while the input is in error."""
        if self._controller.error or self._controller.result is None:
            self._fail(
                self.tr("Nothing to export yet"),
                self._controller.error or self.tr("The model is still loading."),
            )
            return None
        return self._controller.result

    def _write(self, write) -> None:
        try:
            write()
        except (OSError, ValueError) as exc:
            self._fail(self.tr("The file was not written"), str(exc))

    def _fail(self, title: str, message: str) -> None:
        QMessageBox.warning(self._window, title, message)

    def _ask_save(self, title: str, filters: str, default_suffix: str) -> str:
        path, chosen = QFileDialog.getSaveFileName(self._window, title, self._last_dir(), filters)
        if not path:
            return ""
        if not Path(path).suffix:
            suffix = chosen.rsplit("*", 1)[-1].rstrip(")") if "*" in chosen else default_suffix
            path += suffix
        self._remember_dir(path)
        return path

    def _ask_open(self, title: str, filters: str) -> str:
        path, _ = QFileDialog.getOpenFileName(self._window, title, self._last_dir(), filters)
        if path:
            self._remember_dir(path)
        return path

    def _last_dir(self) -> str:
        return str(QSettings().value("paths/last_dir", str(Path.home())))

    def _remember_dir(self, path: str) -> None:
        QSettings().setValue("paths/last_dir", str(Path(path).parent))
