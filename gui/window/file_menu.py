"""The File menu: new, open and save sessions; figures, screenshots, tensors, notebooks and
handouts (the dialog: gui.window.handout_dialog).

Every file is encoded and written on the writer's thread (``gui.jobs.files``), never on the GUI
thread: the window stays responsive, the status bar says "Saving…" and then "Saved …", and
quitting waits for a write under way.  Files are written atomically by the model's helpers,
so a failed export leaves nothing half-written; every failure is shown in a message box in
the interface's language, and the work on screen stays as it was.  Replacing sentences that
were never saved asks first, and can be undone in the editor.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QDateTime, QObject, QSettings, Signal
from PySide6.QtGui import QAction, QActionGroup, QGuiApplication, QKeySequence
from PySide6.QtWidgets import QApplication, QFileDialog, QInputDialog, QMessageBox, QWidget

from figures.heatmap import elide
from gui import texts
from gui.controller import Controller
from gui.jobs.files import file_writer
from gui.window.handout_dialog import HandoutExport
from model.errors import InputError
from model.session import SCALES, Session
from model.tokenizer import NOTEBOOK_TEXT

RECOVER_ITEMS = 12
SAVED_MESSAGE_MS = 6000


class FileActions(QObject):
    """Creates the File menu's actions and carries them out for ``window``."""

    write_finished = Signal(str, bool)
    """A file this window asked for: its path, and whether it was written."""

    def __init__(self, window: QWidget, controller: Controller) -> None:
        super().__init__(window)
        self._window = window
        self._controller = controller
        self._saved = controller.session()  # what the last open/save/new put on screen
        self._writes: dict[int, tuple[str, Session | None]] = {}  # ticket: path, session
        self._writer = file_writer()
        self._writer.finished.connect(self._on_written)

        def action(text, slot, shortcut=None) -> QAction:
            item = QAction(text, window)
            if shortcut is not None:
                item.setShortcut(QKeySequence(shortcut))
            item.triggered.connect(slot)
            return item

        self.new_session = action(
            self.tr("&New: the notebook's example"), self._on_new, QKeySequence.StandardKey.New
        )
        self.open_session = action(
            self.tr("&Open session…"), self._on_open_session, QKeySequence.StandardKey.Open
        )
        self.open_example = action(self.tr("Open the classroom &example"), self._on_open_example)
        self.open_induction = action(
            self.tr("Open the &induction example"), self._on_open_induction
        )
        self.open_example.setStatusTip(
            self.tr("Twenty sentences, and a tiny GPT that learns to write them")
        )
        self.open_induction.setStatusTip(
            self.tr("Sentences whose words come back, and a transformer that learns to copy "
                    "what followed them")
        )  # fmt: skip
        self.save_session = action(
            self.tr("&Save session…"), self._on_save_session, QKeySequence.StandardKey.Save
        )
        self.export_figure = action(self.tr("Export &figure…"), self._on_export_figure, "Ctrl+E")
        self.copy_figure = action(self.tr("&Copy figure"), self._on_copy_figure, "Ctrl+Shift+C")
        self.export_screenshot = action(self.tr("Export scree&nshot…"), self._on_export_screenshot)
        self.export_tensors = action(self.tr("Export &tensors…"), self._on_export_tensors)
        self.export_notebook = action(self.tr("Export as note&book…"), self._on_export_notebook)
        self.handout = HandoutExport(self)
        self.export_handout = action(self.tr("Export &handout…"), self.handout.open)
        self.scale_actions = QActionGroup(window)
        for scale in SCALES:
            item = QAction(self.tr("{k}× figure size").format(k=scale), window, checkable=True)
            item.setData(scale)
            item.triggered.connect(lambda _checked, k=scale: controller.update_view(figure_scale=k))
            self.scale_actions.addAction(item)
        controller.changed.connect(self._show_scale)
        self._show_scale()

    def fill_menu(self, menu) -> None:
        menu.addAction(self.new_session)
        menu.addAction(self.open_session)
        menu.addAction(self.open_example)
        menu.addAction(self.open_induction)
        menu.addAction(self.save_session)
        self.recover_menu = menu.addMenu(self.tr("&Recover autosaved work"))
        self.recover_menu.aboutToShow.connect(self._fill_recover_menu)
        menu.addSeparator()
        menu.addAction(self.export_figure)
        menu.addAction(self.copy_figure)
        scale_menu = menu.addMenu(self.tr("Figure s&cale (PNG)"))
        scale_menu.addActions(self.scale_actions.actions())
        menu.addAction(self.export_screenshot)
        menu.addAction(self.export_tensors)
        menu.addAction(self.export_notebook)
        menu.addAction(self.export_handout)

    def set_recovery(self, store) -> None:
        """Where File → Recover looks for autosaved work (the window's own included)."""
        self._recovery = store

    def _fill_recover_menu(self) -> None:
        menu = self.recover_menu
        menu.clear()
        store = getattr(self, "_recovery", None)
        found = store.recent()[:RECOVER_ITEMS] if store is not None else []
        for item in found:
            when = QDateTime.fromSecsSinceEpoch(int(item.modified)).toString("yyyy-MM-dd hh:mm")
            lines = [line for line in item.session.text.splitlines() if line.strip()]
            first = elide(lines[0], 40) if lines else ""
            label = self.tr("{when} · {n} sentences · {first}").format(
                when=when, n=len(lines), first=first
            )
            action = menu.addAction(label.replace("&", "&&"))
            action.triggered.connect(lambda _checked=False, s=item.session: self._recover(s))
        if not found:
            menu.addAction(self.tr("No autosaved work")).setEnabled(False)

    def _recover(self, session: Session) -> None:
        if self._may_replace():
            self._show(session)

    @property
    def unsaved(self) -> bool:
        """Whether the sentences or settings differ from what was last opened or saved."""
        return self._controller.session() != self._saved

    # --- sessions ---------------------------------------------------------------------------

    def _on_new(self) -> None:
        if self._may_replace():
            self._show(Session(NOTEBOOK_TEXT))

    def _on_open_session(self) -> None:
        path = self._ask_open(self.tr("Open session"), self.tr("Sessions (*.json)"))
        if path:
            self.open_path(path)

    def _on_open_example(self) -> None:
        """The classroom example, opened as any session is (unsaved work is asked about)."""
        from resources import example_session_path

        self.open_path(str(example_session_path()))

    def _on_open_induction(self) -> None:
        """The induction example: sentences whose words come back, a transformer of 2
        layers × 2 heads and the induction task, ready to train."""
        from resources import INDUCTION_PRESET, example_session_path

        self.open_path(str(example_session_path(INDUCTION_PRESET)))

    def open_path(self, path: str) -> None:
        """Open the session at ``path``, asking first before unsaved work is replaced."""
        from model.session import load_session

        try:
            session = load_session(path)
        except InputError as exc:
            self._fail(self.tr("The session was not opened"), texts.error_text(exc))
            return
        if self._may_replace():
            self._show(session)

    def _show(self, session: Session) -> None:
        self._controller.load_session(session)
        self._saved = self._controller.session()

    def _may_replace(self) -> bool:
        """Ask before unsaved sentences are replaced (the editor can still undo it)."""
        if not self.unsaved or not self._controller.text.strip():
            return True
        answer = QMessageBox.question(
            self._window,
            self.tr("Replace the sentences?"),
            self.tr(
                "The sentences and settings on screen are not saved in a session. Replace "
                "them? (Edit → Undo in the sentences brings the text back.)"
            ),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel,
            QMessageBox.StandardButton.Cancel,
        )
        return answer == QMessageBox.StandardButton.Yes

    def _on_save_session(self) -> None:
        path = self._ask_save(self.tr("Save session"), self.tr("Sessions (*.json)"), ".json")
        if path:
            from model.session import save_session

            session = self._controller.session()
            self._write(path, lambda: save_session(session, path), session)

    # --- figures and screenshots ------------------------------------------------------------

    def figure(self, result):
        """The figure of what the view shows, as it shows it (see gui.outputs.figure_of)."""
        from gui.outputs import figure_of

        return figure_of(result, self._controller.view, self._controller.comparison)

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
            self._write_output("export", path, result)

    def _on_copy_figure(self) -> None:
        result = self._result()
        if result is None:
            return
        image = self.figure(result).image(self._controller.view.figure_scale)
        QGuiApplication.clipboard().setImage(image)
        self._window.report(self.tr("Figure copied to the clipboard"), 4000)

    def _on_export_screenshot(self) -> None:
        path = self._ask_save(self.tr("Export screenshot"), self.tr("PNG image (*.png)"), ".png")
        if path:
            from gui.render.drawing import save_image

            self._window.finish_rendering()
            image = self._window.grab().toImage()  # on the GUI thread; encoded on the writer's
            self._write(path, lambda: save_image(image, path))

    # --- tensors and notebooks --------------------------------------------------------------

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
            titles = [f"{n + 1}. {texts.stage_title(s)}" for n, s in enumerate(result.stages)]
            current = next(n for n, s in enumerate(result.stages) if s.role == "attention")
            title, ok = QInputDialog.getItem(
                self._window,
                self.tr("Export a stage as CSV"),
                self.tr("Stage:"),
                titles,
                current,
                False,
            )
            if not ok:
                return
            key = result.stages[titles.index(title)].key
            from model.files import write_text
            from model.outputs import stage_csv

            csv = stage_csv(result, key, self._controller.session())
            self._write(path, lambda: write_text(path, csv))
        else:
            self._write_output("export_tensors", path, result)

    def _on_export_notebook(self) -> None:
        result = self._result()
        if result is None:
            return
        path = self._ask_save(
            self.tr("Export as notebook"), self.tr("Jupyter notebook (*.ipynb)"), ".ipynb"
        )
        if path:
            self._write_output("export_notebook", path, result)

    # --- helpers ----------------------------------------------------------------------------

    def _write_output(self, kind: str, path: str, result, handout=None) -> None:
        """Write output ``kind`` of ``result`` as the window shows it now (the session, its
        view and the comparison on screen), by the path every output takes
        (gui.outputs.write_output), on the writer's thread; a handout hides what ``handout``
        (HandoutChoices) says."""
        from gui.outputs import write_file

        session, comparison = self._controller.session(), self._controller.comparison
        language = texts.language()
        self._write(
            path,
            lambda: write_file(kind, path, session, result, comparison, language, handout),
        )

    def _show_scale(self, _changed=None) -> None:
        scale = self._controller.view.figure_scale
        for item in self.scale_actions.actions():
            item.setChecked(item.data() == scale)

    def _result(self):
        """The result on screen, or None (with a message) while the input is in error."""
        controller = self._controller
        if controller.error is not None or controller.result is None:
            reason = texts.error_text(controller.error)
            if not reason and controller.is_loaded:  # a big result let go for the next one
                reason = self.tr("The new result is still being computed.")
            reason = reason or self.tr("The model is still loading.")
            self._fail(self.tr("Nothing to export yet"), reason)
            return None
        return controller.result

    @property
    def writing(self) -> bool:
        """Whether a file this window asked for is still being written."""
        return bool(self._writes)

    def wait_for_writes(self) -> None:
        """Block until the files asked for so far are written (quitting does the same)."""
        self._writer.wait()

    def _write(self, path: str, write, session: Session | None = None) -> None:
        """Run ``write`` on the writer's thread; the status bar says so, then that ``path``
        was written (and ``session``, if given, is the one saved), or a message box why not."""
        ticket = self._writer.write(write)
        self._writes[ticket] = (path, session)
        message = self.tr("Saving {file}…").format(file=Path(path).name)
        self._window.statusBar().showMessage(message)

    def _on_written(self, ticket: int, error) -> None:
        if ticket not in self._writes:
            return  # another window's file
        path, session = self._writes.pop(ticket)
        if error is not None:
            self._window.statusBar().clearMessage()
            self._fail(self.tr("The file was not written"), texts.error_text(error))
        else:
            if session is not None:
                self._saved = session
            message = self.tr("Saved {file}").format(file=Path(path).name)
            self._window.statusBar().showMessage(message, SAVED_MESSAGE_MS)
        self.write_finished.emit(path, error is None)

    def _fail(self, title: str, message: str) -> None:
        QMessageBox.warning(self._parent(), title, message)

    def _parent(self) -> QWidget:
        """The window, or the dialog open over it (File → Export handout)."""
        return QApplication.activeModalWidget() or self._window

    def _ask_save(self, title: str, filters: str, default_suffix: str) -> str:
        path, chosen = QFileDialog.getSaveFileName(self._parent(), title, self._last_dir(), filters)
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
