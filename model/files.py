"""Reading input and writing output without ever leaving half a file, or a stray one, behind.

Reading is bounded: at most ``limit`` bytes are read, whatever the file claims to be (a
device such as ``/dev/zero`` reports size 0 and never ends).  Writing goes to a temporary
file beside the target, renamed over it only when everything is written; a batch of outputs
is renamed together at the end, so a failure leaves every earlier file as it was.  A symlink
is written through, not replaced; an existing file keeps its permissions.

Ctrl+C and SIGTERM may come at any moment: where being cut short would leave a stray file
or half a batch, they are held until the step is done (:func:`interrupts_deferred`).
"""

from __future__ import annotations

import contextlib
import os
import signal
import stat
import sys
import tempfile
import threading
from collections.abc import Iterator
from pathlib import Path
from typing import BinaryIO

from model.errors import InputError

MAX_TEXT_BYTES = 16 * 2**20  # sentences: far beyond 4,096 sentences of 1,024 tokens
_CHUNK = 1 << 20
_TEMPORARY_PREFIX, _TEMPORARY_SUFFIX = ".as-", ".part"
_INTERRUPTS = (signal.SIGINT, signal.SIGTERM)


def decode_text(data: bytes, source: str) -> str:
    """Decode UTF-8 (with or without a byte-order mark), naming the first bad line."""
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = data.count(b"\n", 0, exc.start) + 1
        raise InputError("not_utf8", file=source, line=line) from None


def read_stream(stream: BinaryIO, source: str, kind: str, limit: int) -> bytes:
    """At most ``limit`` bytes of ``stream``; more than that is an :class:`InputError`."""
    chunks, total = [], 0
    while True:
        chunk = stream.read(min(_CHUNK, limit + 1 - total))
        if not chunk:
            return b"".join(chunks)
        chunks.append(chunk)
        total += len(chunk)
        if total > limit:
            raise InputError("file_too_large", file=source, kind=kind, limit=limit // 2**20)


def read_bytes(path: str | os.PathLike, kind: str = "text", limit: int = MAX_TEXT_BYTES) -> bytes:
    """A file's bytes; every problem (missing, a folder, unreadable, too big) an InputError."""
    shown = os.fspath(path)
    try:
        with open(path, "rb") as stream:
            return read_stream(stream, shown, kind, limit)
    except FileNotFoundError:
        raise InputError("no_such_file", file=shown) from None
    except IsADirectoryError:
        raise InputError("is_a_folder", file=shown, kind=kind) from None
    except OSError as exc:
        raise InputError("cannot_read", file=shown, reason=exc) from None


def read_text(path: str, limit: int = MAX_TEXT_BYTES) -> str:
    """Read a UTF-8 text file, or standard input when ``path`` is ``-``."""
    if path == "-":
        if sys.stdin is None:
            raise InputError("no_stdin")
        try:
            data = read_stream(sys.stdin.buffer, "-", "text", limit)
        except OSError:
            raise InputError("no_stdin") from None
        return decode_text(data, "-")
    return decode_text(read_bytes(path, "text", limit), path)


def write_target(path: str | os.PathLike) -> Path:
    """Where writing ``path`` really goes: through a symlink to the file it names."""
    return Path(os.path.realpath(path))


def check_writable(path: str | os.PathLike) -> None:
    """Refuse an output that cannot be written (before any work is done).

    Permissions alone do not tell (root passes them, and a read-only disk or ``/proc``
    refuses whatever they say): a temporary file is made beside the target and removed.
    """
    shown = os.fspath(path)
    with _reporting(shown):  # a name too long for the system, say: one clear line
        target = write_target(path)
        if target.is_dir():
            raise InputError("output_is_folder", file=shown)
        folder = target.parent
        if not folder.is_dir():
            raise InputError("no_folder", file=shown, folder=os.fspath(Path(shown).parent))
        if target.exists() and not _is_regular(target):
            return  # a device or pipe (e.g. /dev/null) is written directly
        if target.exists() and not os.access(target, os.W_OK):
            raise InputError("cannot_write", file=shown, reason=PermissionError(13, "denied"))
        with interrupts_deferred():  # never leave the probe behind
            handle, name = _temporary_beside(target)
            os.close(handle)
            os.unlink(name)


class OutputBatch:
    """Several outputs written to temporary files and renamed over their targets together.

    Use :meth:`open` for each output, then :meth:`commit`; leaving the ``with`` block
    without committing (an error, Ctrl+C, a signal) removes every temporary file and
    leaves every target as it was.
    """

    def __init__(self) -> None:
        self._pending: list[tuple[Path, Path, str]] = []  # temporary, target, as given

    def __enter__(self) -> OutputBatch:
        return self

    def __exit__(self, *exc_info) -> None:
        self.discard()

    @contextlib.contextmanager
    def open(self, path: str | os.PathLike) -> Iterator[BinaryIO]:
        """A stream whose bytes become ``path`` when the batch is committed."""
        shown, target = os.fspath(path), write_target(path)
        if target.exists() and not _is_regular(target):
            with _reporting(shown), open(target, "wb") as stream:  # /dev/null, a pipe
                yield stream
            return
        with _reporting(shown), interrupts_deferred():  # made and recorded, or neither
            handle, name = _temporary_beside(target)
            temporary = Path(name)
            self._pending.append((temporary, target, shown))
        with _reporting(shown), os.fdopen(handle, "wb") as stream:
            yield stream
            stream.flush()
            os.fsync(stream.fileno())
        with _reporting(shown):
            os.chmod(temporary, _mode_for(target))

    def commit(self) -> None:
        """Rename every temporary file over its target (Ctrl+C waits until all are)."""
        with interrupts_deferred():
            while self._pending:
                temporary, target, shown = self._pending[0]
                with _reporting(shown):
                    os.replace(temporary, target)
                self._pending.pop(0)

    def discard(self) -> None:
        for temporary, _, _ in self._pending:
            with contextlib.suppress(OSError):
                os.unlink(temporary)
        self._pending.clear()


@contextlib.contextmanager
def atomic_write(path: str | os.PathLike) -> Iterator[BinaryIO]:
    """Open ``path`` for writing; it is replaced whole on success, untouched on failure."""
    with OutputBatch() as batch:
        with batch.open(path) as stream:
            yield stream
        batch.commit()


def write_text(path: str | os.PathLike, text: str) -> None:
    """Write UTF-8 text atomically."""
    with atomic_write(path) as stream:
        stream.write(text.encode("utf-8"))


@contextlib.contextmanager
def interrupts_deferred() -> Iterator[None]:
    """Hold SIGINT and SIGTERM until the block ends, then deliver the first one that came.

    For steps that must not be cut in the middle: a batch of renames, a temporary file made
    but not yet recorded, and Qt's work (Qt swallows, or worse, an exception raised while it
    calls back into Python).  The signal then goes to the handler it would have gone to
    (Ctrl+C raises KeyboardInterrupt as the block ends).  Only the main thread receives
    signals; elsewhere this does nothing.
    """
    if threading.current_thread() is not threading.main_thread():
        yield
        return
    caught: list[int] = []
    previous = {number: signal.getsignal(number) for number in _INTERRUPTS}
    for number in _INTERRUPTS:
        signal.signal(number, lambda n, _: caught.append(n))
    try:
        yield
    finally:
        for number, handler in previous.items():  # None: set outside Python, i.e. the default
            signal.signal(number, signal.SIG_DFL if handler is None else handler)
        if caught:
            signal.raise_signal(caught[0])


@contextlib.contextmanager
def _reporting(shown: str) -> Iterator[None]:
    try:
        yield
    except InputError:
        raise
    except OSError as exc:
        raise InputError("cannot_write", file=shown, reason=exc) from None


def _temporary_beside(target: Path) -> tuple[int, str]:
    return tempfile.mkstemp(prefix=_TEMPORARY_PREFIX, suffix=_TEMPORARY_SUFFIX, dir=target.parent)


def _is_regular(path: Path) -> bool:
    try:
        return stat.S_ISREG(path.stat().st_mode)
    except OSError:
        return True


def _mode_for(target: Path) -> int:
    """An existing file's permissions, else what a new file gets under the umask."""
    try:
        return stat.S_IMODE(target.stat().st_mode)
    except OSError:
        return 0o666 & ~_UMASK


def _read_umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


_UMASK = _read_umask()  # read once at import: os.umask can only be read by setting it
