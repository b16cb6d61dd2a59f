"""Reading input text and writing output files without ever leaving half a file behind."""

from __future__ import annotations

import contextlib
import os
import sys
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import BinaryIO


@contextlib.contextmanager
def atomic_write(path: str | os.PathLike) -> Iterator[BinaryIO]:
    """Open a temporary file beside ``path`` for writing; rename it over ``path`` on success.

    If the block raises, or the rename fails, the temporary file is removed and ``path`` is
    left as it was.  Errors surface as :class:`OSError` naming the target.
    """
    target = Path(path)
    try:
        handle, temporary = tempfile.mkstemp(
            prefix=f".{target.name}.", suffix=".part", dir=target.parent
        )
    except OSError as exc:
        raise OSError(f"cannot write {target}: {exc.strerror or exc}") from None
    try:
        with os.fdopen(handle, "wb") as stream:
            yield stream
            stream.flush()
            os.fsync(stream.fileno())
        os.chmod(temporary, 0o666 & ~_UMASK)
        os.replace(temporary, target)
    except OSError as exc:
        with contextlib.suppress(OSError):
            os.unlink(temporary)
        raise OSError(f"cannot write {target}: {exc.strerror or exc}") from None
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(temporary)
        raise


def write_text(path: str | os.PathLike, text: str) -> None:
    """Write UTF-8 text atomically."""
    with atomic_write(path) as stream:
        stream.write(text.encode("utf-8"))


def decode_text(data: bytes, source: str) -> str:
    """Decode UTF-8 (with or without a byte-order mark), naming the first bad line."""
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = data.count(b"\n", 0, exc.start) + 1
        raise ValueError(f"{source}: line {line} is not UTF-8 text") from None


def read_bytes(path: str | os.PathLike, kind: str = "text file", limit: int | None = None):
    """A file's bytes; every problem (missing, a folder, unreadable, too big) a ValueError."""
    target = Path(path)
    try:
        if limit is not None and target.stat().st_size > limit:
            size = target.stat().st_size
            raise ValueError(f"{target.name} is too large to be a {kind} ({size:,} bytes)")
        return target.read_bytes()
    except FileNotFoundError:
        raise ValueError(f"no such file: {path}") from None
    except IsADirectoryError:
        raise ValueError(f"{path} is a folder, not a {kind}") from None
    except OSError as exc:
        raise ValueError(f"cannot read {path}: {exc.strerror or exc}") from None


def read_text(path: str) -> str:
    """Read a UTF-8 text file, or standard input when ``path`` is ``-``."""
    if path == "-":
        return decode_text(sys.stdin.buffer.read(), "standard input")
    return decode_text(read_bytes(path), path)


def _read_umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


_UMASK = _read_umask()  # read once at import: os.umask can only be read by setting it
