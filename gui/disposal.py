"""Big results are freed a piece at a time, each piece in a turn of the event loop of its own.

Freeing an array of a hundred megabytes takes milliseconds (the system unmaps its memory),
and a result at the largest sizes holds several.  Dropped where a view happens to let go
of its last reference, in the middle of drawing the next result, those milliseconds add up
to a frozen window.  So whatever lets go of a possibly big object hands it here instead:
the object is kept a little longer, then dropped, at most one big array per turn.
"""

from __future__ import annotations

from collections import deque

import shiboken6
from PySide6.QtCore import QCoreApplication, QObject, QTimer

BIG_BYTES = 1 << 20  # smaller arrays are freed together, in one turn


class _Disposal(QObject):
    def __init__(self, parent: QObject) -> None:
        super().__init__(parent)
        self._items: deque = deque()
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(0)
        self._timer.timeout.connect(self._drop_some)

    def add(self, thing) -> None:
        # The container first: dropping it frees nothing big while its arrays wait behind it.
        self._items.append(thing)
        stages = getattr(thing, "stages", None)
        if stages is not None:  # a pipeline result: each stage's array on a turn of its own
            self._items.extend(stage.values for stage in stages)
            self._items.extend(thing.parameters.values())
        self._timer.start()

    def _drop_some(self) -> None:
        """Drop items up to and including the next big array."""
        while self._items:
            item = self._items.popleft()
            big = getattr(item, "nbytes", 0) >= BIG_BYTES
            del item
            if big:
                break
        if self._items:
            self._timer.start()

    def __len__(self) -> int:
        return len(self._items)


_disposal: _Disposal | None = None


def release(thing) -> None:
    """Let go of ``thing`` on a later turn of the GUI thread's event loop (None: nothing).

    Call from the GUI thread, in place of dropping the last reference to something that may
    be big; without an application (a script, a test of the model) it is dropped at once.
    """
    global _disposal
    if thing is None:
        return
    app = QCoreApplication.instance()
    if app is None:
        return
    if _disposal is None or not shiboken6.isValid(_disposal) or _disposal.parent() is not app:
        _disposal = _Disposal(app)
    _disposal.add(thing)


def pending() -> int:
    """How many objects wait to be dropped (for tests)."""
    return len(_disposal) if _disposal is not None else 0
