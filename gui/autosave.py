"""Keeps the user's work safe: the session is written to disk within a second of any change.

On the next launch the window opens where the user left off, even after a crash or a power
cut.  The file lives in the user's data folder; a failure to write is reported, never raised.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QObject, QStandardPaths, QTimer, Signal

from gui.controller import PipelineController
from model.session import Session, load_session, save_session

AUTOSAVE_DELAY_MS = 500


def autosave_path() -> Path:
    base = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.GenericDataLocation)
    return Path(base) / "attention-study" / "autosave.json"


def restore() -> tuple[Session | None, str]:
    """The autosaved session, if there is one; else None and why not ("" when none exists)."""
    path = autosave_path()
    if not path.exists():
        return None, ""
    try:
        return load_session(path), ""
    except ValueError as exc:
        return None, str(exc)


class Autosaver(QObject):
    """Writes the controller's session shortly after every change."""

    failed = Signal(str)
    """Writing the autosave failed; the message says why."""

    def __init__(self, controller: PipelineController, parent=None) -> None:
        super().__init__(parent)
        self._controller = controller
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(AUTOSAVE_DELAY_MS)
        self._timer.timeout.connect(self.save_now)
        self._failing = False
        controller.state_changed.connect(self._timer.start)

    def save_now(self) -> None:
        self._timer.stop()
        path = autosave_path()
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            save_session(self._controller.session(), path)
        except OSError as exc:
            if not self._failing:  # say it once, not on every keystroke
                self.failed.emit(str(exc))
            self._failing = True
        else:
            self._failing = False
