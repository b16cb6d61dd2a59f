"""Starting the application: the QApplication, translations, the window, offscreen renders."""

from __future__ import annotations

import sys

from PySide6.QtCore import QLibraryInfo, QLocale, QTranslator
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QApplication

from gui import texts
from gui.controller import Controller
from gui.main_window import MainWindow
from model.session import Session
from resources import path

APP_NAME = "Attention Study"


def quiet_offscreen_warnings() -> None:
    """Drop the offscreen platform's notice about size hints, which every window triggers.

    Headless exports print nothing on success; every other Qt message still goes to stderr.
    """
    from PySide6.QtCore import qInstallMessageHandler

    def handler(mode, context, message: str) -> None:
        if "does not support propagateSizeHints" not in message:
            sys.stderr.write(message + "\n")

    qInstallMessageHandler(handler)


def system_language() -> str:
    return "pt" if QLocale.system().language() == QLocale.Language.Portuguese else "en"


def application(language: str) -> QApplication:
    """The QApplication, created once, with the interface language installed."""
    app = QApplication.instance()
    if app is None:
        app = QApplication(sys.argv[:1])
        app.setApplicationName(APP_NAME)
        app.setOrganizationName(APP_NAME)
        app.setDesktopFileName("attention-study")
        font = QFont(app.font())
        font.setPointSizeF(max(font.pointSizeF(), 10.5))  # readable from the back of a room
        app.setFont(font)
    install_translation(app, language)
    return app


def install_translation(app: QApplication, language: str) -> None:
    for translator in getattr(app, "_attention_study_translators", []):
        app.removeTranslator(translator)
    installed = []
    if language != "en":
        ours = QTranslator(app)
        if ours.load(str(path("translations", f"attention_study_{language}.qm"))):
            installed.append(ours)
        qt = QTranslator(app)
        if qt.load(
            QLocale(language),
            "qtbase",
            "_",
            QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath),
        ):
            installed.append(qt)
    for translator in installed:
        app.installTranslator(translator)
    app._attention_study_translators = installed
    texts.set_language(language)


def open_window(
    session: Session, result=None, remember: bool = True
) -> tuple[Controller, MainWindow]:
    """A controller holding ``session`` (and its ``result``, if known) and its window."""
    controller = Controller(session, result=result)
    return controller, MainWindow(controller, remember=remember)


def run_app(session: Session, language: str | None = None, restore: bool = True) -> int:
    """Show the window and run until it closes; returns the exit code.

    With ``restore``, the newest autosaved work replaces ``session`` when there is some.
    The window saves its own work within a second of every change (see ``gui.autosave``).
    """
    from gui import autosave

    language = language or system_language()
    app = application(language)
    store = autosave.store()
    autosave.adopt_legacy(store)
    recovered, set_aside = store.newest() if restore else (None, [])
    if recovered is not None:
        session = recovered.session
    controller, window = open_window(session)
    saver = autosave.Autosaver(controller, store.slot(recovered and recovered.path), window)
    saver.failed.connect(lambda error: window.report(autosave.failure_text(error)))
    window.file_actions.set_recovery(store)
    window.show()
    for kept, error in set_aside:
        window.report(autosave.set_aside_text(kept, error), 60_000)
    controller.start()  # the window is up; torch imports in the background
    controller.changed.connect(_freeze_after_first_result(controller))
    try:
        return app.exec()
    finally:
        try:
            saver.close()
        finally:
            controller.shutdown()
            dispose(app, window)


def _freeze_after_first_result(controller: Controller):
    """Once the window has its first result, move everything alive out of the collector's
    way: later collections only walk what edits create (a full one took 50 ms before)."""
    from gui import state as aspects
    from gui.jobs import GuiThreadCollector

    def on_changed(changed) -> None:
        if aspects.RESULT in changed:
            controller.changed.disconnect(on_changed)
            GuiThreadCollector.freeze()

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
