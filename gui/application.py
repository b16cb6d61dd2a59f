"""The Qt application object, its language and its quiet offscreen mode.

Kept apart from the window: a headless figure export needs this and the figure code only,
not the widgets, the plots or pyqtgraph (a third of a second at start-up).
"""

from __future__ import annotations

import sys

from PySide6.QtCore import QLibraryInfo, QLocale, QTranslator
from PySide6.QtGui import QFont, QGuiApplication

import resources
from gui import texts
from model import desktop_entry
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
    """The system's interface language, by the rule the command line uses too."""
    return resources.system_language()


ROOM_POINTS = 10.5


def application(language: str, widgets: bool = True) -> QGuiApplication:
    """The application, created once, with the interface language installed.

    ``widgets=False`` makes a QGuiApplication, enough to paint figures; windows need the
    QApplication, and the first call decides which one the process has.
    """
    app = QGuiApplication.instance()
    if app is None:
        if widgets:
            from PySide6.QtWidgets import QApplication

            app = QApplication(sys.argv[:1])
        else:
            app = QGuiApplication(sys.argv[:1])
        app.setApplicationName(APP_NAME)
        app.setOrganizationName(APP_NAME)
        app.setDesktopFileName(desktop_entry.NAME)  # the entry's StartupWMClass
        readable_type(app)
        if widgets:
            responsive_threads()
    install_translation(app, language)
    return app


# How long a thread running Python keeps the interpreter while another waits for it.
SWITCH_SECONDS = 0.001


def responsive_threads() -> None:
    """Let the GUI thread have the interpreter back within a millisecond.

    Training and the pipeline run on threads of their own, and a transformer's step is many
    small torch calls with Python between them: with Python's default of 5 ms, the GUI
    thread waited that long, again and again, for its turn within one frame (its longest
    stall while the classroom preset trained went from about 30 ms to about 25)."""
    sys.setswitchinterval(SWITCH_SECONDS)


def readable_type(app: QGuiApplication) -> None:
    """Type readable from the back of a room: the desktop's, at least ``ROOM_POINTS``."""
    font = QFont(app.font())
    font.setPointSizeF(max(font.pointSizeF(), ROOM_POINTS))
    app.setFont(font)


def install_translation(app: QGuiApplication, language: str) -> None:
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
