"""Keeps the user's work safe: each window's session is written within a second of a change.

The files and their rules live in :mod:`model.recovery`; this module times the writes.  A
change starts a short wait (so a burst of typing is one write), but never more than
:data:`MAX_DELAY_MS` passes between a change and its write, however fast the user types.
A failure to write is reported once, never raised: quitting always finishes.  A recovery
folder the program must not use (a link, or one holding files it did not write) is reported
as the window opens, and nothing in it is touched.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, QObject, QStandardPaths, QTimer, Signal

from gui import state as aspects
from gui import texts
from gui.controller import Controller
from model.errors import InputError
from model.recovery import Recovered, RecoveryStore, SetAside
from model.session import Session

DEBOUNCE_MS = 300
MAX_DELAY_MS = 1000
NOTICE_MS = 60_000  # how long the status bar shows what became of the user's autosaved work
SAVED_ASPECTS = {aspects.TEXT, aspects.CONFIG, aspects.VIEW, aspects.TRAINING}

translate = QCoreApplication.translate


def data_folder() -> Path:
    base = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.GenericDataLocation)
    return Path(base) / "attention-study"


def store() -> RecoveryStore:
    return RecoveryStore(data_folder() / "autosave")


def adopt_legacy(recovery: RecoveryStore) -> None:
    """Move the single ``autosave.json`` of earlier versions into the recovery folder, under
    a name of its own each time an earlier version has written one."""
    recovery.adopt(data_folder() / "autosave.json")


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
        self._held: Session | None = None  # kept instead of the window's (a lesson runs)
        self.window_reports = None  # the window's way of saying a failure (see attach)
        self._debounce = QTimer(self, singleShot=True, interval=DEBOUNCE_MS)
        self._debounce.timeout.connect(self.save_now)
        self._deadline = QTimer(self, singleShot=True, interval=MAX_DELAY_MS)
        self._deadline.timeout.connect(self.save_now)
        controller.changed.connect(self._on_changed)

    def check(self) -> None:
        """Say now when the recovery folder must not be used (a link, or files the program
        did not write): the user learns it before typing, and is not told again."""
        problem = self.slot.store.problem()
        if problem is not None and not self._failing:
            self._failing = True
            self.failed.emit(problem)

    def _on_changed(self, changed) -> None:
        if changed & SAVED_ASPECTS:
            self._dirty = True
            self._debounce.start()
            if not self._deadline.isActive():
                self._deadline.start()

    def hold(self, session: Session | None) -> None:
        """Keep writing ``session`` rather than the window's, until given None: while a
        lesson shows its own steps, the user's work is what stays safe."""
        self._held = session
        self._dirty = True
        self.save_now()

    def save_now(self) -> None:
        """Write now if anything changed since the last write.  Never raises."""
        self._debounce.stop()
        self._deadline.stop()
        if not self._dirty:
            return
        try:
            self.slot.save(self._held or self._controller.session())
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


def watch(
    window, recovery: RecoveryStore, recovered: Recovered | None = None, set_aside=()
) -> Autosaver:
    """Autosave for ``window``, which shows ``recovered`` (if any); File → Recover lists
    ``recovery``.  The status bar says what became of each newer file that could not be read
    (``set_aside``), and, at once and only once, when the folder cannot be used.  The saver
    belongs to the window's controller, so that a window made again (in another language)
    keeps it."""
    controller = window.controller
    saver = Autosaver(controller, recovery.slot(recovered and recovered.path), controller)
    attach(saver, window, recovery)
    if set_aside:
        window.report(" ".join(set_aside_text(item) for item in set_aside), NOTICE_MS)
    saver.check()
    return saver


def attach(saver: Autosaver, window, recovery: RecoveryStore) -> None:
    """Let ``window`` report the saver's failures, list ``recovery`` and hold the teacher's
    session while its lesson runs (a window made anew takes over from the last one)."""
    if saver.window_reports is not None:
        saver.failed.disconnect(saver.window_reports)
    saver.window_reports = lambda error: window.report(failure_text(error), NOTICE_MS)
    saver.failed.connect(saver.window_reports)
    window.file_actions.set_recovery(recovery)
    window.lesson_course.keeping.connect(saver.hold)


def failure_text(error) -> str:
    return translate("autosave", "Your work is not being saved automatically: {reason}").format(
        reason=texts.error_text(error)
    )


def set_aside_text(item: SetAside) -> str:
    if not item.moved:
        text = translate(
            "autosave",
            "The autosaved work in {path} could not be read ({reason}) and could not be set "
            "aside, so it was skipped and left as it was; File → Recover lists the work that "
            "can be opened.",
        )
    else:
        text = translate(
            "autosave",
            "The autosaved work could not be read ({reason}). It was kept as {path}; "
            "File → Recover lists the work that can be opened.",
        )
    return text.format(reason=texts.error_text(item.error), path=str(item.path))
