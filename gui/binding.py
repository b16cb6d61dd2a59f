"""Binding a field of the window's state (a psygnal signal) to a Qt object.

The state knows nothing of Qt, and a psygnal connection does not end with the Qt object on
the other side: :func:`bind` ends it when that object is destroyed, so a state that
outlives a window never calls into its deleted widgets.
"""

from __future__ import annotations

from PySide6.QtCore import QObject


def bind(signal, owner: QObject, slot) -> None:
    """Call ``slot`` with each new value of ``signal`` while ``owner`` lives."""
    signal.connect(slot)
    owner.destroyed.connect(lambda *_: signal.disconnect(slot, missing_ok=True))
