"""Recovery files: every window's work, saved where nothing else overwrites it.

Rules, so that earlier work is only ever lost by the user's own choice:

- each window writes its own file, and only once the user has changed something: a window
  opened and closed without edits writes nothing and deletes nothing;
- a window that restores the newest file goes on writing that same file, unless another
  running window holds it (a lock that the system releases when a process dies), in which
  case it starts a file of its own;
- a file that cannot be read is never overwritten: it is set aside under a new name, and when
  the folder refuses the rename it is left as it was and reported as skipped;
- the newest files are kept, up to :data:`KEEP`, for File → Recover; older ones go.  Only the
  files this version names (a time, a process id, a random part) are pruned, and never one a
  running window holds: set-aside files and adopted earlier-version files are kept, and do
  not count against :data:`KEEP`.

The folder is the program's own.  It only ever reads, renames or prunes the names it makes
(see :func:`kind`), and it refuses a folder that is a link, or that holds anything else (a
file it did not write, a link, a folder): nothing there is read, written, renamed or locked,
and :meth:`RecoveryStore.problem` says why.
"""

from __future__ import annotations

import contextlib
import os
import re
import secrets
import stat
import time
from dataclasses import dataclass
from pathlib import Path
from typing import NamedTuple

from model.errors import InputError
from model.session import Session, load_session, save_session

try:  # Linux and macOS; elsewhere every window simply writes a file of its own
    import fcntl
except ImportError:  # pragma: no cover
    fcntl = None

KEEP = 50
SUFFIX = ".json"
UNREADABLE = "unreadable-"
EARLIER = "earlier-version"

_STAMP = r"\d{8}-\d{6}-\d+-[0-9a-f]{4,6}"  # earlier versions wrote 4 digits, this one 6 hex
_NAMES = {
    "written": re.compile(rf"{_STAMP}\.json"),
    "adopted": re.compile(rf"{EARLIER}(-{_STAMP})?\.json"),
    "set aside": re.compile(rf"{UNREADABLE}.+\.json"),  # earlier versions set any .json aside
    "lock": re.compile(rf"({_STAMP}|{EARLIER}(-{_STAMP})?)\.lock"),
    "temporary": re.compile(r"\..+\.part"),  # an atomic write's, in progress or cut short
}
_WORK = ("written", "adopted")  # the kinds that hold work to restore or list


def kind(name: str) -> str | None:
    """What the program made a file named ``name`` for, or None if it never makes that name:
    "written" (a window's file), "adopted" (an earlier version's), "set aside" (unreadable),
    "lock" (a running window's claim) or "temporary" (a write in progress, or cut short)."""
    for label, pattern in _NAMES.items():
        if pattern.fullmatch(name):
            return label
    return None


@dataclass(frozen=True)
class Recovered:
    """A readable recovery file: where it is, when it was written, what it holds."""

    path: Path
    modified: float
    session: Session


class SetAside(NamedTuple):
    """A newer file that could not be read: where it is now and why.  ``moved`` is False
    when the folder refused the rename: the file was skipped and left as it was."""

    path: Path
    error: InputError
    moved: bool


class RecoveryStore:
    """The folder of recovery files (``attention-study/autosave`` in the user's data folder)."""

    def __init__(self, folder: str | os.PathLike) -> None:
        self.folder = Path(folder)

    def problem(self) -> InputError | None:
        """Why the folder must not be used (a link, or something the program did not write in
        it), or None.  A folder that does not exist yet, or cannot be listed, is no problem
        here: it is made when needed, and writing says what is wrong with it."""
        shown = os.fspath(self.folder)
        try:
            if stat.S_ISLNK(os.lstat(self.folder).st_mode):
                return InputError("recovery_folder_link", folder=shown)
            with os.scandir(self.folder) as listing:
                entries = sorted(listing, key=lambda entry: entry.name)
        except OSError:
            return None
        for entry in entries:
            try:
                regular = entry.is_file(follow_symlinks=False)
            except OSError:
                regular = False
            if not regular or kind(entry.name) is None:
                return InputError("recovery_folder_foreign", folder=shown, file=entry.name)
        return None

    def files(self) -> list[Path]:
        """Every file of work (a window's or an earlier version's), newest first; none when
        the folder cannot be read or must not be used."""
        if self.problem() is not None:
            return []
        try:
            paths = [p for p in self.folder.iterdir() if kind(p.name) in _WORK and _regular(p)]
        except OSError:
            return []
        return sorted(paths, key=_modified, reverse=True)

    def recent(self) -> list[Recovered]:
        """The readable files, newest first; unreadable ones are left where they are."""
        found = []
        for path in self.files():
            with contextlib.suppress(InputError):
                found.append(Recovered(path, _modified(path), load_session(path)))
        return found

    def newest(self) -> tuple[Recovered | None, list[SetAside]]:
        """The newest readable file, and every newer one that could not be read.

        Each unreadable file is renamed ``unreadable-…`` (never overwritten, never read
        again at start-up); the list says where each went and why, for the user.
        """
        set_aside = []
        for path in self.files():
            try:
                return Recovered(path, _modified(path), load_session(path)), set_aside
            except InputError as error:
                target = _free(self.folder, UNREADABLE + path.stem)
                try:
                    os.replace(path, target)
                except OSError:
                    set_aside.append(SetAside(path, error, moved=False))
                else:
                    set_aside.append(SetAside(target, error, moved=True))
        return None, set_aside

    def adopt(self, legacy: str | os.PathLike) -> None:
        """Move an earlier version's single autosave file into the folder, under a name of its
        own: restored when it is the newest work, listed in File → Recover otherwise.  A link,
        a folder, or a folder that must not be used: it stays where it is, untouched."""
        legacy = Path(legacy)
        try:
            info = os.lstat(legacy)
        except OSError:
            return
        if not stat.S_ISREG(info.st_mode) or self.problem() is not None:
            return
        with contextlib.suppress(OSError):  # it stays where it was
            self.folder.mkdir(parents=True, exist_ok=True)
            if self.problem() is None:
                target = self.folder / f"{EARLIER}-{_stamp(info.st_mtime)}{SUFFIX}"
                while os.path.lexists(target):
                    target = self.folder / f"{EARLIER}-{_stamp(info.st_mtime)}{SUFFIX}"
                os.replace(legacy, target)

    def slot(self, path: Path | None = None) -> RecoverySlot:
        """Where one window saves: ``path`` if no running window holds it, else a new file."""
        if path is not None:
            slot = RecoverySlot(self, path)
            if slot.claim():
                return slot
        return RecoverySlot(self, self.folder / (_stamp(time.time()) + SUFFIX))

    def prune(self, keep: int = KEEP) -> None:
        """Remove this version's files beyond the newest ``keep`` of them, except those a
        running window holds; set-aside and adopted files stay, and are not counted."""
        written = [path for path in self.files() if kind(path.name) == "written"]
        for path in written[keep:]:
            lock = path.with_suffix(".lock")
            with _unless_held(lock) as free:
                if free:
                    with contextlib.suppress(OSError):
                        path.unlink()
                        lock.unlink(missing_ok=True)


class RecoverySlot:
    """One window's recovery file.  Nothing is written until :meth:`save` is called."""

    def __init__(self, store: RecoveryStore, path: Path) -> None:
        self.store = store
        self.path = path
        self._lock = None
        self._written = False

    def claim(self) -> bool:
        """Hold the file's lock; False when another running window holds it, or when the
        folder must not be used (no lock is made there)."""
        if fcntl is None or self.store.problem() is not None:
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
        """Write the session (atomically).  Raises InputError when the disk refuses, or when
        the folder must not be used (see :meth:`RecoveryStore.problem`)."""
        folder = self.store.folder
        problem = self.store.problem()
        if problem is not None:
            raise problem
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


@contextlib.contextmanager
def _unless_held(lock: Path):
    """True while no running window holds ``lock`` (held here meanwhile), else False."""
    if fcntl is None or not lock.exists():
        yield True
        return
    try:
        handle = open(lock, "rb")  # noqa: SIM115 (closed below)
    except OSError:
        yield False
        return
    try:
        fcntl.flock(handle.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)
    except OSError:
        handle.close()
        yield False
        return
    try:
        yield True
    finally:
        handle.close()


def _stamp(when: float) -> str:
    """A name the program makes: the time, this process, and a random part."""
    written = time.strftime("%Y%m%d-%H%M%S", time.localtime(when))
    return f"{written}-{os.getpid()}-{secrets.token_hex(3)}"


def _free(folder: Path, stem: str) -> Path:
    """``folder/<stem>.json``, or ``<stem>-<random>.json`` when that name is taken."""
    target = folder / (stem + SUFFIX)
    while os.path.lexists(target):
        target = folder / f"{stem}-{secrets.token_hex(3)}{SUFFIX}"
    return target


def _regular(path: Path) -> bool:
    try:
        return stat.S_ISREG(os.lstat(path).st_mode)
    except OSError:
        return False


def _modified(path: Path) -> float:
    try:
        return path.stat().st_mtime
    except OSError:
        return 0.0
