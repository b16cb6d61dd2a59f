"""What every pane's presenter shares: it renders its view from the controller's state and
result, for the changes it shows, and only while the pane can be seen.

A pane is a widget (``view.py``) that draws what it is given and reports what the user
does, and a presenter (``presenter.py``) that subscribes to the fields it shows, renders
the view, and turns the user's acts into the controller's edits.  Views never call each
other; the window only builds docks and menus.
"""

from __future__ import annotations

import time

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QDockWidget

from gui import state as aspects

RENDER_SECONDS = 0.010  # GUI time for the panes in the turn a result arrives (of a 16 ms frame)


class RenderClock(QObject):
    """When the panes rendering the current change should yield the event loop: set as a
    change is announced (connected before any presenter), used up by the first pane that
    renders in slices (the pipeline), so a large result never holds one frame for long."""

    def __init__(self, controller, parent=None) -> None:
        super().__init__(parent)
        self._deadline = 0.0
        controller.changed.connect(self._on_changed)

    def _on_changed(self, changed) -> None:
        if changed & {aspects.RESULT, aspects.VIEW}:
            self._deadline = time.perf_counter() + RENDER_SECONDS

    def take(self) -> float:
        """The deadline of the change being rendered (0: none, render in one go), once."""
        deadline, self._deadline = self._deadline, 0.0
        return deadline

    def renew(self) -> float:
        """A deadline for a render in a turn of its own."""
        return time.perf_counter() + RENDER_SECONDS


class PanePresenter(QObject):
    """Renders its pane when a change it shows is announced; a pane in a hidden or closed
    dock is rendered when it is shown again (work follows what the user can see).

    Subclasses set :attr:`shows` (the controller's aspects that change the pane) and
    implement :meth:`render`; :meth:`release` lets a big result go.
    """

    shows: frozenset = frozenset({aspects.RESULT})

    def __init__(self, controller, view, dock: QDockWidget | None = None) -> None:
        super().__init__(view)
        self.controller, self.view, self.dock = controller, view, dock
        self._stale = False
        # Bound methods of this QObject: disconnected by Qt when the pane is deleted, so a
        # controller that outlives its window never calls into deleted widgets.
        controller.changed.connect(self._on_changed)
        if dock is not None:
            dock.visibilityChanged.connect(self._on_visibility_changed)

    @property
    def visible(self) -> bool:
        dock = self.dock
        return dock is None or dock.isVisible() and not dock.visibleRegion().isEmpty()

    def _on_changed(self, changed) -> None:
        if not changed & self.shows:
            return
        if self.controller.result is None:
            if aspects.RESULT in changed:  # a big result let go while its successor computes
                self._stale = False
                self.release()
            return
        self.refresh()

    def refresh(self) -> None:
        """Render now if the pane can be seen; else when it is next shown."""
        if self.visible:
            self._stale = False
            self.render()
        else:
            self._stale = True

    def _on_visibility_changed(self, visible: bool) -> None:
        if visible and self._stale and self.controller.result is not None:
            self._stale = False
            self.render()

    def render(self) -> None:
        raise NotImplementedError

    def release(self) -> None:
        """Let go of the result shown (the view stays greyed until the next one)."""

    def flush(self) -> None:
        """Finish now what the pane left for later turns of the event loop."""
