"""Starting the window: the session it opens, autosave, recovery, and a clean exit."""

from __future__ import annotations

from PySide6.QtWidgets import QApplication

from gui.application import application, install_translation, system_language
from gui.controller import Controller
from gui.window.language_menu import remembered_language
from gui.window.main_window import MainWindow
from model.session import Session

SCREENSHOT_SIZE = (1600, 1000)  # the command line's image of the window
FREEZE_DELAY_MS = 200  # after the first result: its heatmap paints first


def open_window(
    session: Session, result=None, remember: bool = True
) -> tuple[Controller, MainWindow]:
    """A controller holding ``session`` (and its ``result``, if known) and its window."""
    controller = Controller(session, result=result)
    return controller, MainWindow(controller, remember=remember)


def run_app(session: Session, language: str | None = None, restore: bool = True) -> int:
    """Show the window and run until it closes; returns the exit code.

    With ``restore``, the newest autosaved work replaces ``session`` when there is some.
    The window saves its own work within a second of every change (see ``gui.window.autosave``).
    """
    from gui.window import autosave

    app = application(language or system_language())
    if language is None and remembered_language() is not None:  # View → Language, last time
        install_translation(app, remembered_language())
    store = autosave.store()
    autosave.adopt_legacy(store)
    recovered, set_aside = store.newest() if restore else (None, [])
    if recovered is not None:
        session = recovered.session
    controller, window = open_window(session)
    window.show()
    saver = autosave.watch(window, store, recovered, set_aside)
    shown = Shown(app, window, saver, store)
    controller.start()  # the window is up; torch imports in the background
    controller.changed.connect(freeze_after_first_result(controller))
    try:
        return app.exec()
    finally:
        try:
            controller.shutdown()  # training stops after its step in progress, and says where
        finally:
            try:
                saver.close()  # so the last save has the last step completed
            finally:
                dispose(app, shown.window)


class Shown:
    """The window on screen, which View → Language makes anew: the same controller, work,
    training, autosave and layout, in the other language."""

    def __init__(self, app, window, saver, store) -> None:
        self._app, self._saver, self._store = app, saver, store
        self.window = window
        window.language_chosen.connect(self.again_in)

    def again_in(self, language: str) -> None:
        from gui.window import autosave

        old = self.window
        old.end_lesson()  # the teacher's own work, not the lesson's
        old.save_layout()  # for the new one to take
        install_translation(self._app, language)
        new = MainWindow(old.controller)
        new.language_chosen.connect(self.again_in)
        autosave.attach(self._saver, new, self._store)
        new.show()  # before the old one closes, or the application would end with it
        new.show_current()
        self.window = new
        old.close()
        old.deleteLater()


def freeze_after_first_result(controller: Controller):
    """Once the window has painted its first result, move everything alive out of the
    collector's way: later collections only walk what edits create (a full one took 50 ms
    before).  Freezing walks everything once; it waits until the heatmap is on screen."""
    from PySide6.QtCore import QTimer

    from gui import state as aspects
    from gui.jobs.pipeline import GuiThreadCollector

    def on_changed(changed) -> None:
        if aspects.RESULT in changed:
            controller.changed.disconnect(on_changed)
            QTimer.singleShot(FREEZE_DELAY_MS, GuiThreadCollector.freeze)

    return on_changed


def dispose(app: QApplication, window) -> None:
    """Delete the window now, before Python tears down the interpreter.

    Left to the interpreter's shutdown, the window and its plot items die in an arbitrary
    order against the QApplication, which crashes the process on exit now and then.
    """
    from PySide6.QtCore import QEvent

    window.close()
    window.deleteLater()
    app.sendPostedEvents(None, QEvent.Type.DeferredDelete)


def settle(app: QApplication, rounds: int = 5) -> None:
    """Let layouts and deferred repaints finish before grabbing pixels."""
    from PySide6.QtCore import QThread

    for _ in range(rounds):
        app.processEvents()
        QThread.msleep(10)


def render_window(session, result, size: tuple[int, int] = SCREENSHOT_SIZE):
    """The main window at ``size`` showing ``result`` (computed once, not again), as a QImage."""
    from PySide6.QtCore import QEventLoop, QTimer
    from PySide6.QtWidgets import QApplication

    from gui import state as aspects

    qt_app = QApplication.instance()
    controller, window = open_window(session, result, remember=False)
    window.resize(*size)
    if result.training is not None:  # a trained model: show how it learned
        window.docks["training"].raise_()
    loop = QEventLoop()
    controller.changed.connect(lambda changed: aspects.LOADED in changed and loop.quit())
    window.show()
    controller.start()
    QTimer.singleShot(120_000, loop.quit)
    try:
        loop.exec()
        window.finish_rendering()
        settle(qt_app)
        return window.grab().toImage()
    finally:
        controller.shutdown()
        dispose(qt_app, window)
