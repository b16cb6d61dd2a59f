"""Attention Study: the notebook "Estudo de Self-Attention" as a live instrument.

Run with no output flag to open the window; any output flag runs headless, with no window
and no display needed.  This module only parses the command line: the exports live in
``cli/outputs.py`` and the window in ``gui/entry.py``.  See ``python main.py --help``.
"""

from __future__ import annotations

import signal
import sys

from cli import flags
from cli.parser import parse
from model.errors import InputError, describe
from model.session import Session

EXIT_USAGE, EXIT_MISSING, EXIT_INTERRUPTED, EXIT_TERMINATED = 2, 3, 130, 143
DEPENDENCIES = {"torch", "numpy", "PySide6", "shiboken6", "pyqtgraph"}


class Terminated(BaseException):
    """SIGTERM, raised like Ctrl+C so that every temporary file is cleaned up on the way out."""


def main(argv: list[str] | None = None) -> int:
    """Run the command line (``argv``, or the program's own) and return the exit code.

    Run as the program, once the exit code is known a late Ctrl+C or SIGTERM (while Qt and
    torch tear down) is ignored: the outputs are complete and the code stands, rather than
    the process being killed on its way out.
    """
    program = argv is None
    argv = sys.argv[1:] if argv is None else list(argv)
    language = _language_of(argv)
    args = None
    previous_term = signal.signal(signal.SIGTERM, _terminate)
    try:
        args = parse(argv)
        session = flags.session_from(args)
        outputs = {name: getattr(args, name) for name in flags.OUTPUTS if getattr(args, name)}
        if "export" not in outputs and any(
            getattr(args, f) is not None for f in flags.EXPORT_FLAGS
        ):
            raise InputError("export_flags_alone")
        if not outputs and args.explain is None:
            if any(getattr(args, flag) is not None for flag in flags.FIGURE_FLAGS):
                raise InputError("figure_flags_alone")
            explicit = args.session or args.sentences is not None or args.sentence is not None
            given = any(getattr(args, name) is not None for name in flags.MODEL_FLAGS)
            return _run_window(session, args.lang, restore=not (explicit or given or args.train))
        from cli import outputs as headless

        headless.run(
            session,
            outputs,
            language=args.lang or language,
            figure_options=flags.figure_options(args, session),
            explain=args.explain,
        )
        return 0
    except (InputError, OSError, MemoryError) as exc:
        # A setting is named by its flag when the user gave it; not inside a session file.
        names = None if getattr(exc, "code", None) == "in_file" else flags.flag_names(args)
        _print_error(describe(exc, language, names), language)
        return EXIT_USAGE
    except ModuleNotFoundError as exc:  # run outside the project's environment
        if (exc.name or "").partition(".")[0] not in DEPENDENCIES:
            raise
        _print_error(describe(exc, language), language)
        return EXIT_MISSING
    except KeyboardInterrupt:
        return EXIT_INTERRUPTED
    except Terminated:
        return EXIT_TERMINATED
    finally:
        if program:
            signal.signal(signal.SIGINT, signal.SIG_IGN)
            signal.signal(signal.SIGTERM, signal.SIG_IGN)
        else:
            signal.signal(signal.SIGTERM, previous_term)


def _print_error(message: str, language: str) -> None:
    """One line on standard error: ``error: …`` (``erro: …`` in Portuguese)."""
    prefix = "erro" if language == "pt" else "error"
    print(f"{prefix}: {_one_line(message)}", file=sys.stderr)


def _terminate(signum, frame) -> None:
    raise Terminated


def _run_window(session: Session, language: str | None, restore: bool) -> int:
    """The window until it closes.  SIGINT and SIGTERM close it as Ctrl+Q does (the work is
    saved on the way out) and give 130 or 143.

    Raised as exceptions they would be lost: Python runs a handler when Python code next
    runs, inside some slot Qt called, and Qt only prints what a slot raises.  (The window's
    timers run Python code at least every half second, so the handler is never late.)
    """
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication

    from gui.entry import run_app

    stopped: list[int] = []

    def stop(signum, frame) -> None:
        app = QApplication.instance()
        if app is None:  # no window yet: nothing to save, end as any run does
            raise KeyboardInterrupt if signum == signal.SIGINT else Terminated
        stopped.append(signum)
        QTimer.singleShot(0, app, app.quit)  # also when the event loop has yet to start

    previous = {
        number: signal.signal(number, stop)
        for number in (signal.SIGINT, signal.SIGTERM)
        if signal.getsignal(number) is not signal.SIG_IGN  # e.g. started in the background
    }
    try:
        code = run_app(session, language, restore=restore)
    finally:
        for number, handler in previous.items():
            signal.signal(number, handler)
    if stopped:
        return EXIT_INTERRUPTED if stopped[0] == signal.SIGINT else EXIT_TERMINATED
    return code


def _language_of(argv: list[str]) -> str:
    """The --lang value, found before parsing so that parse errors speak it too; without
    one, the system's language, as the window does."""
    for k, item in enumerate(argv):
        if item.startswith("--lang="):
            return item.split("=", 1)[1] if item.split("=", 1)[1] in ("en", "pt") else "en"
        if item == "--lang" and k + 1 < len(argv) and argv[k + 1] in ("en", "pt"):
            return argv[k + 1]
    return _system_language()


def _system_language() -> str:
    """ "pt" when the locale's language is Portuguese (LC_ALL, LC_MESSAGES, LANG), else "en"."""
    import os

    for name in ("LC_ALL", "LC_MESSAGES", "LANG"):
        value = os.environ.get(name)
        if value:
            return "pt" if value.lower().startswith("pt") else "en"
    return "en"


def _one_line(message: str) -> str:
    """Control characters (a newline in a file name, say) written as escapes: one line."""
    return "".join(ch if ch.isprintable() or ch == " " else repr(ch)[1:-1] for ch in message)


if __name__ == "__main__":
    sys.exit(main())
