"""The command line run inside the test process, through ``main.main(argv)``.

Starting Python, torch and Qt for each case cost about a second and a half; most cases only
check what the program says and writes, which the same call gives without a process.  What
only a process shows (signals, crashes, a missing module, import order, the real window)
still runs as one: see ``tests/cli/runs.py`` and the ``subprocess`` marker.

Each run gets its own working folder, environment, standard input and output, and leaves
the test process as it found it: the interface language, the environment, the folder.
"""

from __future__ import annotations

import contextlib
import io
import os
import subprocess
import sys
from collections.abc import Iterator

# Messages follow the locale when --lang is not given: English unless a case says otherwise.
ENGLISH = {"LC_ALL": "", "LC_MESSAGES": "", "LANG": "C.UTF-8"}


def run_main(args, cwd=None, stdin: bytes | None = None, env: dict | None = None):
    """``main.main(args)`` as a user's run would be: returns a CompletedProcess whose
    ``stdout`` and ``stderr`` are bytes, as a subprocess's are."""
    argv = [os.fsdecode(a) if isinstance(a, bytes) else str(a) for a in args]
    out, err = io.StringIO(), io.StringIO()
    with _environment({**ENGLISH, **(env or {})}), _folder(cwd), _qt_kept():
        stdin_before = sys.stdin
        sys.stdin = io.TextIOWrapper(io.BytesIO(stdin or b""), encoding="utf-8")
        try:
            with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
                import main

                try:
                    code = main.main(argv)
                except SystemExit as exit_:  # --help
                    code = exit_.code if isinstance(exit_.code, int) else 0
        finally:
            sys.stdin = stdin_before
    encode = lambda text: text.encode("utf-8", "surrogateescape")  # noqa: E731
    return subprocess.CompletedProcess(argv, code, encode(out.getvalue()), encode(err.getvalue()))


@contextlib.contextmanager
def _environment(changes: dict) -> Iterator[None]:
    saved = dict(os.environ)
    os.environ.update(changes)
    try:
        yield
    finally:
        os.environ.clear()
        os.environ.update(saved)


@contextlib.contextmanager
def _folder(cwd) -> Iterator[None]:
    before = os.getcwd()
    if cwd is not None:
        os.chdir(cwd)
    try:
        yield
    finally:
        os.chdir(before)


@contextlib.contextmanager
def _qt_kept() -> Iterator[None]:
    """The test process's one QApplication serves the run; its language comes back after,
    and Qt's messages keep going to pytest-qt (the run would install its own handler)."""
    from PySide6.QtWidgets import QApplication

    from gui import application, texts

    app = QApplication.instance()
    if app is None:  # the process's first run: on the tests' platform, whatever the case's env
        from resources import offscreen_platform

        os.environ.setdefault("QT_QPA_PLATFORM", offscreen_platform())
        app = QApplication(sys.argv[:1])
    language = texts.language()
    quiet = application.quiet_offscreen_warnings
    application.quiet_offscreen_warnings = lambda: None
    try:
        yield
    finally:
        application.quiet_offscreen_warnings = quiet
        application.install_translation(app, language)
