"""Starting the application: the QApplication, translations, the window, offscreen renders."""

from __future__ import annotations

import sys

from PySide6.QtCore import QLibraryInfo, QLocale, QTranslator
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QApplication

from gui.controller import PipelineController
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


def run_app(session: Session, language: str | None = None, restore: bool = True) -> int:
    """Show the window and run until it closes; returns the exit code.

    With ``restore``, the autosaved session (the work of the last run) replaces ``session``
    when there is one.  Every change is autosaved again within a second.
    """
    from gui import autosave

    language = language or system_language()
    app = application(language)
    problem = ""
    if restore:
        saved, problem = autosave.restore()
        session = saved or session
    controller, window = _open(session, language)
    saver = autosave.Autosaver(controller, window)
    saver.failed.connect(window.report_autosave_failure)
    window.show()
    if problem:
        window.report_restore_failure(problem)
    controller.start()  # the window is up; torch imports in the background
    try:
        return app.exec()
    finally:
        saver.save_now()
        controller.shutdown()
        dispose(app, window)


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


def render_window(session: Session, language: str, size: tuple[int, int] = (1600, 1000)):
    """Build the window offscreen at ``size``, wait for its first result, return a QPixmap.

    Raises :class:`ValueError` with the model's message if the text cannot be shown.
    """
    from PySide6.QtCore import QEventLoop, QTimer

    app = application(language)
    controller, window = _open(session, language)
    window.resize(*size)
    loop = QEventLoop()
    controller.result_changed.connect(loop.quit)
    controller.error_changed.connect(loop.quit)
    window.show()
    controller.start()
    QTimer.singleShot(120_000, loop.quit)
    loop.exec()
    try:
        if controller.result is None:
            raise ValueError(controller.error or "the pipeline did not finish")
        settle(app)
        return window.grab()
    finally:
        controller.shutdown()
        dispose(app, window)


def _open(session: Session, language: str) -> tuple[PipelineController, MainWindow]:
    """A controller holding ``session`` and the window that shows it (not yet started)."""
    controller = PipelineController()
    controller.load_session(session)
    return controller, MainWindow(controller, language)
