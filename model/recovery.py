"""Recovery files: every window's work, saved where nothing else overwrites it.

Rules, so that earlier work is only ever lost by the user's own choice:

- each window writes its own file, and only once the user has changed something: a window
  opened and closed without edits writes nothing and deletes nothing;
- a window that restores the newest file goes on writing that same file, unless another
  running window holds it (a lock that the system releases when a process dies), in which
  case it starts a file of its own;
- a file that cannot be read is never overwritten: it is set aside under a new name;
- the newest files are kept, up to :data:`KEEP`, for File → Recover; older ones go.
"""

from __future__ import annotations

import contextlib
import os
import secrets
import time
from dataclasses import dataclass
from pathlib import Path

from model.errors import InputError
from model.session import Session, load_session, save_session

try:  # Linux and macOS; elsewhere every window simply writes a file of its own
    import fcntl
except ImportError:  # pragma: no cover
    fcntl = None

KEEP = 50
SUFFIX = ".json"
UNREADABLE = "unreadable-"


@dataclass(frozen=True)
class Recovered:
    """A readable recovery file: where it is, when it was written, what it holds."""

    path: Path
    modified: float
    session: Session


class RecoveryStore:
    """The folder of recovery files (``attention-study/autosave`` in the user's data folder)."""

    def __init__(self, folder: str | os.PathLike) -> None:
        self.folder = Path(folder)

    def files(self) -> list[Path]:
        """Every recovery file, newest first (none when the folder cannot be read)."""
        try:
            paths = [p for p in self.folder.iterdir() if p.suffix == SUFFIX and p.is_file()]
        except OSError:
            return []
        return sorted(paths, key=_modified, reverse=True)

    def recent(self) -> list[Recovered]:
        """The readable files, newest first; unreadable ones are left where they are."""
        found = []
        for path in self.files():
            if path.name.startswith(UNREADABLE):
                continue
            with contextlib.suppress(InputError):
                found.append(Recovered(path, _modified(path), load_session(path)))
        return found

    def newest(self) -> tuple[Recovered | None, list[tuple[Path, InputError]]]:
        """The newest readable file, and every newer one that could not be read.

        Each unreadable file is renamed ``unreadable-…`` (never overwritten, never read
        again at start-up); the list says where each went and why, for the user.
        """
        set_aside = []
        for path in self.files():
            if path.name.startswith(UNREADABLE):
                continue
            try:
                return Recovered(path, _modified(path), load_session(path)), set_aside
            except InputError as error:
                target = path.with_name(f"{UNREADABLE}{path.name}")
                with contextlib.suppress(OSError):
                    os.replace(path, target)
                    set_aside.append((target, error))
        return None, set_aside

    def slot(self, path: Path | None = None) -> RecoverySlot:
        """Where one window saves: ``path`` if no running window holds it, else a new file."""
        if path is not None:
            slot = RecoverySlot(self, path)
            if slot.claim():
                return slot
        name = time.strftime("%Y%m%d-%H%M%S") + f"-{os.getpid()}-{secrets.token_hex(3)}"
        return RecoverySlot(self, self.folder / (name + SUFFIX))

    def prune(self, keep: int = KEEP) -> None:
        """Remove the oldest files beyond the newest ``keep`` (set-aside ones included)."""
        for path in self.files()[keep:]:
            with contextlib.suppress(OSError):
                path.unlink()
                path.with_suffix(".lock").unlink(missing_ok=True)


class RecoverySlot:
    """One window's recovery file.  Nothing is written until :meth:`save` is called."""

    def __init__(self, store: RecoveryStore, path: Path) -> None:
        self.store = store
        self.path = path
        self._lock = None
        self._written = False

    def claim(self) -> bool:
        """Hold the file's lock; False when another running window holds it."""
        if fcntl is None:
            return False
        try:
            self.store.folder.mkdir(parents=True, exist_ok=True)
            handle = open(self.path.with_suffix(".lock"), "a+b")  # noqa: SIM115 (held open)
        except OSError:
            return False
        try:
            fcntl.flock(handle.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)
        except OSError:
            handle.close()
            return False
        self._lock = handle
        return True

    def save(self, session: Session) -> None:
        """Write the session (atomically).  Raises InputError when the disk refuses."""
        folder = self.store.folder
        try:
            folder.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise InputError("cannot_write", file=os.fspath(folder), reason=exc) from None
        if self._lock is None:
            self.claim()
        save_session(session, self.path)
        if not self._written:
            self._written = True
            self.store.prune()

    def release(self) -> None:
        if self._lock is not None:
            with contextlib.suppress(OSError):
                if not self.path.exists():  # nothing was saved: leave no trace
                    self.path.with_suffix(".lock").unlink()
                self._lock.close()
            self._lock = None


def _modified(path: Path) -> float:
    try:
        return path.stat().st_mtime
    except OSError:
        return 0.0
