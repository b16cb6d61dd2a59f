"""Layouts for a room: presentation mode and the class layout, both borrowed, never kept.

Presentation mode (F11) keeps the heatmap and the explanation, full screen, at a larger
zoom.  The class layout (View → Class layout, Ctrl+L; on by itself while the lesson runs on
a small screen such as a 1024×768 projector) keeps the heatmap large, the lesson's text at
the bottom and the one pane the lesson's step needs, at a text size for the back of the room.

Either one takes the window's layout aside when it begins and gives it back exactly when it
ends; closing the window meanwhile saves the layout that was taken aside, so neither ever
changes what the next start shows.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QByteArray, QObject, QSize, Qt, QTimer, Signal
from PySide6.QtWidgets import QTabBar

PRESENTATION_ZOOM = 1.5
CLASS_ZOOM = 1.25
# The step's pane beside the heatmap, as a share of the window's width: at 1024 px, two
# heads still sit side by side (see HeatmapCanvas.per_page), and the pane wraps its text.
PANE_SHARE = 0.3
SMALL_SCREEN = (1366, 768)  # at most this, the lesson opens in the class layout


@dataclass(frozen=True)
class Stash:
    """A window's layout taken aside: its docks, its geometry, how it was shown."""

    state: QByteArray
    geometry: QByteArray
    full_screen: bool
    maximised: bool
    size: QSize


class Staging(QObject):
    """Presentation mode and the class layout of ``window``, and the layout they borrow."""

    changed = Signal()
    """A layout began or ended (its zoom and actions follow)."""

    def __init__(self, window) -> None:
        super().__init__(window)
        self._window = window
        self._stash: Stash | None = None
        self.mode: str | None = None  # "presentation", "class" or None

    @property
    def stash(self) -> Stash | None:
        """The user's own layout while another is shown, else None."""
        return self._stash

    @property
    def zoom(self) -> float:
        """The least zoom the layout shown asks for (1 for the user's own)."""
        return {"presentation": PRESENTATION_ZOOM, "class": CLASS_ZOOM}.get(self.mode, 1.0)

    def small_screen(self) -> bool:
        room = self._window.screen().availableGeometry()
        return room.width() <= SMALL_SCREEN[0] and room.height() <= SMALL_SCREEN[1]

    # --- the two layouts -----------------------------------------------------------------------

    def present(self) -> None:
        """Presentation mode: the heatmap and the explanation, full screen."""
        window = self._window
        self._take_aside()
        self.mode = "presentation"
        explain = window.docks["explain"]
        # On its own, not a tab among hidden ones (their tab bar would linger, cut to "Vo…").
        window.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, explain)
        for key, dock in window.docks.items():
            if key != "explain":
                window.removeDockWidget(dock)  # out of the layout: no tab of it lingers
        explain.show()
        window.statusBar().hide()
        window.showFullScreen()
        self._hide_stray_tab_bars()
        window.resizeDocks([explain], [int(window.width() * 0.34)], Qt.Orientation.Horizontal)
        self.changed.emit()
        window.heatmap.canvas.setFocus()

    def teach(self, pane: str | None = None) -> None:
        """The class layout: the heatmap, the lesson's text, and ``pane`` (the step's)."""
        window = self._window
        if self.mode != "class":
            self._take_aside()
            self.mode = "class"
            window.statusBar().show()
            window.addDockWidget(Qt.DockWidgetArea.BottomDockWidgetArea, window.docks["lesson"])
            window.docks["lesson"].show()
            self.changed.emit()
        self.show_pane(pane)

    def show_pane(self, pane: str | None) -> None:
        """In the class layout, the one pane beside the heatmap (None: the heatmap alone)."""
        if self.mode != "class":
            return
        window = self._window
        for key, dock in window.docks.items():
            if key not in ("lesson", pane):
                window.removeDockWidget(dock)  # out of the layout: no tab of it lingers
        if pane in window.docks and pane != "lesson":
            dock = window.docks[pane]
            # On its own at the right, never a tab among hidden panes.
            window.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, dock)
            dock.show()
            dock.raise_()
            width = int(window.width() * PANE_SHARE)
            window.resizeDocks([dock], [width], Qt.Orientation.Horizontal)
        lesson = window.docks["lesson"]
        window.resizeDocks([lesson], [int(window.height() * 0.24)], Qt.Orientation.Vertical)
        self._hide_stray_tab_bars()

    def leave(self) -> None:
        """Give the user's own layout back, exactly as it was."""
        stash, self._stash = self._stash, None
        self.mode = None
        if stash is None:
            return
        window = self._window
        self.changed.emit()  # the user's own type size first: the docks' sizes depend on it
        window.statusBar().show()
        if stash.full_screen:
            window.showFullScreen()
        elif stash.maximised:
            window.showMaximized()
        else:
            window.showNormal()
            window.restoreGeometry(stash.geometry)
            window.resize(stash.size)  # some platforms keep the full screen's size until then
        window.restoreState(stash.state)
        # Again once the window has its size and its fonts have been laid out: the docks'
        # sizes are shares of the window, and a dock laid out in larger type asks for more.
        QTimer.singleShot(0, window, lambda: window.restoreState(stash.state))

    def _hide_stray_tab_bars(self) -> None:
        """Hide the dock tab bars whose panes are all out of the layout: Qt leaves a bar of
        panes once tabbed together on screen, cut to a stray "Vo…"."""
        window = self._window
        shown = {dock.windowTitle() for dock in window.docks.values() if dock.isVisible()}
        for bar in window.findChildren(QTabBar):
            titles = {bar.tabText(k) for k in range(bar.count())}
            if bar.parent() is window and not titles & shown:
                bar.hide()

    def _take_aside(self) -> None:
        window = self._window
        if self._stash is None:  # one layout to give back, the user's own
            self._stash = Stash(
                window.saveState(),
                window.saveGeometry(),
                window.isFullScreen(),
                window.isMaximized(),
                window.size(),
            )
