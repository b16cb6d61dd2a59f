"""Ctrl+C and SIGTERM: while the command line works, and while the window is open.

Headless, SIGTERM is raised like Ctrl+C, so that every temporary file is cleaned up on the
way out.  With the window, both close it as Ctrl+Q does (the work is saved on the way out).
"""

from __future__ import annotations

import signal
from contextlib import contextmanager

EXIT_INTERRUPTED, EXIT_TERMINATED = 130, 143


class Terminated(BaseException):
    """SIGTERM, raised like Ctrl+C (KeyboardInterrupt)."""


def _terminate(signum, frame) -> None:
    raise Terminated


@contextmanager
def terminate_raises(program: bool):
    """SIGTERM raises :class:`Terminated` inside.  Run as the program, once the work is done
    a late Ctrl+C or SIGTERM (while Qt and torch tear down) is ignored: the outputs are
    complete and the exit code stands, rather than the process being killed on its way out.
    """
    previous = signal.signal(signal.SIGTERM, _terminate)
    try:
        yield
    finally:
        if program:
            signal.signal(signal.SIGINT, signal.SIG_IGN)
            signal.signal(signal.SIGTERM, signal.SIG_IGN)
        else:
            signal.signal(signal.SIGTERM, previous)


def run_window(session, language: str | None, restore: bool) -> int:
    """The window until it closes; SIGINT and SIGTERM close it as Ctrl+Q does and give 130
    or 143.

    Raised as exceptions they would be lost: Python runs a handler when Python code next
    runs, inside some slot Qt called, and Qt only prints what a slot raises.  So the handler
    asks the window to quit instead.  (The window's timers run Python code at least every
    half second, so the handler is never late.)
    """
    from gui import entry

    stopped: list[int] = []

    def stop(signum, frame) -> None:
        if not entry.quit_soon():  # no window yet: nothing to save, end as any run does
            raise KeyboardInterrupt if signum == signal.SIGINT else Terminated
        stopped.append(signum)

    previous = {
        number: signal.signal(number, stop)
        for number in (signal.SIGINT, signal.SIGTERM)
        if signal.getsignal(number) is not signal.SIG_IGN  # e.g. started in the background
    }
    try:
        code = entry.run_app(session, language, restore=restore)
    finally:
        for number, handler in previous.items():
            signal.signal(number, handler)
    if stopped:
        return EXIT_INTERRUPTED if stopped[0] == signal.SIGINT else EXIT_TERMINATED
    return code
