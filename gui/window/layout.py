"""The main window's size and dock layout: remembered between runs, kept on the screen.

The layout is the user's preference (QSettings), never part of a session: a session a teacher
shares does not move a student's panels.
"""

from __future__ import annotations

from PySide6.QtCore import QSettings, Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QDockWidget, QMainWindow, QWidget

DEFAULT_SIZE = (1600, 1000)
MIN_SIZE = (640, 480)
GROUP = "MainWindow"


def restore(window: QMainWindow, remember: bool) -> bool:
    """Give ``window`` the size and layout of the last run (``remember``) or the defaults;
    returns whether the docks still need their default sizes."""
    if not remember:
        window.resize(*DEFAULT_SIZE)
        return True
    settings = QSettings()
    settings.beginGroup(GROUP)
    geometry = settings.value("geometry")
    state = settings.value("state")
    settings.endGroup()
    restored = geometry is not None and window.restoreGeometry(geometry)
    if not restored:
        window.resize(*DEFAULT_SIZE)
    fit_to_screen(window)
    return state is None or not window.restoreState(state)


def save(window: QMainWindow, stash=None) -> None:
    """Remember the size and layout for the next run: the window's, or the user's own
    ``stash`` (a :class:`gui.window.staging.Stash`) while a layout for a room is shown."""
    settings = QSettings()
    settings.beginGroup(GROUP)
    settings.setValue("geometry", window.saveGeometry() if stash is None else stash.geometry)
    settings.setValue("state", window.saveState() if stash is None else stash.state)
    settings.endGroup()


def fit_to_screen(window: QMainWindow) -> None:
    """Keep ``window`` on its screen and no larger than it (screens change between runs)."""
    screen = window.screen() or QGuiApplication.primaryScreen()
    if screen is None:
        return
    available = screen.availableGeometry()
    width = min(max(window.width(), MIN_SIZE[0]), available.width())
    height = min(max(window.height(), MIN_SIZE[1]), available.height())
    window.resize(width, height)
    frame = window.frameGeometry()
    x = min(max(frame.x(), available.left()), available.right() - frame.width() + 1)
    y = min(max(frame.y(), available.top()), available.bottom() - frame.height() + 1)
    window.move(max(x, available.left()), max(y, available.top()))


def default_dock_sizes(window: QMainWindow) -> None:
    """The panels' first sizes: the heatmap in the middle keeps most of the width."""
    window.layout().activate()  # apply pending layout first, or it would undo these sizes
    width, height = window.width(), window.height()
    left = min(max(int(width * 0.22), 275), 380)
    right = min(max(int(width * 0.27), 265), 520)
    docks = window.docks
    window.resizeDocks(
        [docks["sentences"], docks["pipeline"]], [left, right], Qt.Orientation.Horizontal
    )
    window.resizeDocks(
        [docks["sentences"], docks["model"]],
        [int(height * 0.3), int(height * 0.6)],
        Qt.Orientation.Vertical,
    )


def dock(window: QMainWindow, name: str, title: str, widget: QWidget) -> QDockWidget:
    """A pane of ``window``: it can be moved, tabbed, floated and closed, and its place is
    remembered under ``name``."""
    pane = QDockWidget(title, window)
    pane.setObjectName(f"dock-{name}")
    pane.setWidget(widget)
    pane.setFeatures(
        QDockWidget.DockWidgetFeature.DockWidgetMovable
        | QDockWidget.DockWidgetFeature.DockWidgetClosable
        | QDockWidget.DockWidgetFeature.DockWidgetFloatable
    )
    return pane
