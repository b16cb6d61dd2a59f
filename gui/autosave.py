"""Keeps the user's work safe: each window's session is written within a second of a change.

The files and their rules live in :mod:`model.recovery`; this module times the writes.  A
change starts a short wait (so a burst of typing is one write), but never more than
:data:`MAX_DELAY_MS` passes between a change and its write, however fast the user types.
A failure to write is reported once, never raised: quitting always finishes.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, QObject, QStandardPaths, QTimer, Signal

from gui import state as aspects
from gui import texts
from gui.controller import Controller
from model.errors import InputError
from model.recovery import RecoveryStore

DEBOUNCE_MS = 300
MAX_DELAY_MS = 1000
SAVED_ASPECTS = {aspects.TEXT, aspects.CONFIG, aspects.VIEW, aspects.TRAINING}

translate = QCoreApplication.translate


def data_folder() -> Path:
    base = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.GenericDataLocation)
    return Path(base) / "attention-study"


def store() -> RecoveryStore:
    return RecoveryStore(data_folder() / "autosave")


def adopt_legacy(recovery: RecoveryStore) -> None:
    """Move the single ``autosave.json`` of earlier versions into the recovery folder."""
    legacy = data_folder() / "autosave.json"
    if legacy.is_file():
        try:
            recovery.folder.mkdir(parents=True, exist_ok=True)
            target = recovery.folder / "earlier-version.json"
            if not target.exists():
                legacy.replace(target)
        except OSError:
            pass  # it stays where it was, untouched


class Autosaver(QObject):
    """Writes the controller's session to its recovery slot shortly after every change."""

    failed = Signal(object)
    """Writing failed (the error); said once until a write succeeds again."""

    def __init__(self, controller: Controller, slot, parent=None) -> None:
        super().__init__(parent)
        self._controller = controller
        self.slot = slot
        self._dirty = False
        self._failing = False
        self._debounce = QTimer(self, singleShot=True, interval=DEBOUNCE_MS)
        self._debounce.timeout.connect(self.save_now)
        self._deadline = QTimer(self, singleShot=True, interval=MAX_DELAY_MS)
        self._deadline.timeout.connect(self.save_now)
        controller.changed.connect(self._on_changed)

    def _on_changed(self, changed) -> None:
        if changed & SAVED_ASPECTS:
            self._dirty = True
            self._debounce.start()
            if not self._deadline.isActive():
                self._deadline.start()

    def save_now(self) -> None:
        """Write now if anything changed since the last write.  Never raises."""
        self._debounce.stop()
        self._deadline.stop()
        if not self._dirty:
            return
        try:
            self.slot.save(self._controller.session())
        except (InputError, OSError, ValueError, MemoryError) as exc:
            if not self._failing:
                self.failed.emit(exc)
            self._failing = True
        else:
            self._dirty = self._failing = False

    def close(self) -> None:
        """Save what is left and let other windows have the file."""
        try:
            self.save_now()
        finally:
            self.slot.release()


def failure_text(error) -> str:
    return translate("autosave", "Your work is not being saved automatically: {reason}").format(
        reason=texts.error_text(error)
    )


def set_aside_text(path: Path, error) -> str:
    return translate(
        "autosave",
        "The autosaved work could not be read ({reason}). It was kept as {path}; "
        "File → Recover lists the work that can be opened.",
    ).format(reason=texts.error_text(error), path=str(path))
