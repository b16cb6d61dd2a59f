"""Running ``main.py`` as a user would, and checking how it ended: helpers of the hostile
and the signal tests."""

from __future__ import annotations

import hashlib
import os
import struct
import subprocess
import sys
from pathlib import Path

from conftest import ROOT

MAIN = ROOT / "main.py"
CRASHES = (134, 139)
SCREENSHOT = (1600, 1000)


def command(*args) -> list:
    """``python main.py`` with ``args``; bytes stay bytes (argv that is not UTF-8)."""
    return [sys.executable, str(MAIN), *(a if isinstance(a, bytes) else str(a) for a in args)]


# Sets SIGINT and SIGTERM to their defaults, then becomes the command (dispositions survive
# exec).  A shell starts background jobs with SIGINT ignored and children inherit that: a
# test that sends a signal must not depend on how the test run itself was started.
_DEFAULT_SIGNALS = (
    "import os, signal, sys\n"
    "for number in (signal.SIGINT, signal.SIGTERM):\n"
    "    signal.signal(number, signal.SIG_DFL)\n"
    "os.execvp(sys.argv[1], sys.argv[1:])\n"
)


def with_default_signals(argv: list) -> list:
    """``argv`` run with SIGINT and SIGTERM at their default dispositions, whatever this
    process's are (``python -m pytest &`` ignores SIGINT)."""
    return [sys.executable, "-c", _DEFAULT_SIGNALS, *argv]


def run(
    argv: list,
    cwd: Path,
    stdin: bytes | None = None,
    env: dict | None = None,
    process: bool = False,
):
    """Run ``argv``: ``main.py``'s own runs in this process (``tests/inprocess.py``) unless
    ``process`` asks for a real one; any other command in a subprocess."""
    if not process and argv[:2] == command():
        from inprocess import run_main

        return run_main(argv[2:], cwd=cwd, stdin=stdin, env=env)
    return subprocess.run(
        argv,
        input=stdin,
        capture_output=True,
        cwd=cwd,
        env=dict(os.environ, **(env or {})),
        timeout=300,
    )


def snapshot(folder: Path) -> dict[str, str]:
    """Every entry under ``folder`` (hidden ones too): a symlink by its target, a file by
    its content's hash."""
    found = {}
    for path in sorted(folder.rglob("*")):
        name = os.fspath(path.relative_to(folder))
        if path.is_symlink():
            found[name] = "-> " + os.readlink(path)
        elif path.is_file():
            found[name] = hashlib.sha256(path.read_bytes()).hexdigest()
        else:
            found[name] = "folder"
    return found


def temporaries(folder: Path) -> list[str]:
    return [p.name for p in folder.rglob(".as-*.part")]


def assert_well_ended(proc, expected: int) -> str:
    """The common contract; returns the error line ('' on success)."""
    err = proc.stderr.decode(errors="replace")
    assert proc.returncode >= 0 and proc.returncode not in CRASHES, f"crash {proc.returncode}"
    assert "Traceback" not in err, err
    assert proc.returncode == expected, err
    if expected == 0:
        return ""
    lines = err.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("error: "), lines
    return lines[0]


def png_size(path: Path) -> tuple[int, int]:
    data = path.read_bytes()[:24]
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    return struct.unpack(">II", data[16:24])
