"""Moving the keyboard between the window's panes (Ctrl+1 … Ctrl+7, F6), and keeping the
widget it lands on in view."""

from __future__ import annotations

from collections.abc import Iterable

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QDockWidget, QScrollArea, QWidget


def focus(docks: Iterable[QDockWidget], target: QWidget) -> None:
    """Bring forward the dock that holds ``target`` (tabbed away or closed) and focus it."""
    for dock in docks:
        if dock.isAncestorOf(target):
            dock.show()
            dock.raise_()
    target.setFocus(Qt.FocusReason.ShortcutFocusReason)


def holding_focus(panes: list[QWidget]) -> int:
    """The index of the pane the keyboard is in, or -1."""
    focused = QApplication.focusWidget()
    return next(
        (k for k, pane in enumerate(panes) if focused is pane or pane.isAncestorOf(focused)),
        -1,
    )


def scroll_into_view(widget: QWidget, top: QWidget) -> None:
    """Scroll every scrolling panel between ``widget`` and ``top`` so that it shows."""
    parent = widget.parentWidget()
    while parent is not None and parent is not top:
        if isinstance(parent, QScrollArea):
            parent.ensureWidgetVisible(widget, 16, 16)
        parent = parent.parentWidget()
