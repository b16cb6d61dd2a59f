"""The command line: parse, merge the flags into a session, then the window or the outputs.

Any output flag means headless: no window, no display needed.  Exit 0 on success; 2 on a
usage or input error, said in one line (``error: …``, ``erro: …`` in Portuguese) with no
traceback; 3 when a dependency is missing; 130 on Ctrl+C; 143 on SIGTERM.
"""

from __future__ import annotations

import sys
from dataclasses import replace

from cli import desktop, flags, gpt, handout, heads
from cli.parser import parse
from cli.signals import EXIT_INTERRUPTED, EXIT_TERMINATED, Terminated, run_window, terminate_raises
from model.errors import InputError, Notice, describe
from resources import LANGUAGES, system_language

EXIT_USAGE, EXIT_MISSING = 2, 3
DEPENDENCIES = {"torch", "numpy", "PySide6", "shiboken6", "pyqtgraph", "psygnal"}


def main(argv: list[str] | None = None) -> int:
    """Run the command line (``argv``, or the program's own) and return the exit code."""
    program = argv is None
    argv = sys.argv[1:] if argv is None else list(argv)
    language = language_of(argv)
    args = None
    with terminate_raises(program):
        try:
            args = parse(argv)
            others = [a for a in argv if a.startswith("--") and a.split("=")[0] != "--lang"]
            entry = desktop.asked(args, others=len(others) > 1)
            if entry is not None:
                print(desktop.run(entry, args.lang or language), flush=True)
                return 0
            notices: list[Notice] = []
            session = flags.session_from(args, notices)
            outputs = {name: getattr(args, name) for name in flags.OUTPUTS if getattr(args, name)}
            if "export" not in outputs and any(
                getattr(args, f) is not None for f in flags.EXPORT_FLAGS
            ):
                raise InputError("export_flags_alone")
            wanted = gpt.request(args, session, figure="export" in outputs)
            head_scores, evaluate = heads.check(args, session)
            wanted = replace(
                wanted,
                head_scores=head_scores,
                evaluate=evaluate,
                handout=handout.choices(args, session),
            )
            if not outputs and not wanted.printed:
                if any(getattr(args, flag) is not None for flag in flags.FIGURE_FLAGS):
                    raise InputError("figure_flags_alone")
                explicit = args.session or args.sentences is not None or args.sentence is not None
                given = any(getattr(args, name) is not None for name in flags.MODEL_FLAGS)
                restore = not (explicit or given or args.train)
                print_notices(notices, language)
                return run_window(session, args.lang, restore=restore)
            from cli import outputs as headless

            if "export" in outputs:
                session = flags.figure_options(args, session)
            headless.check_outputs(outputs)  # before anything is said or computed
            print_notices(notices + gpt.untrained_notice(session, wanted), language)
            headless.run(session, outputs, language=args.lang or language, request=wanted)
            return 0
        except (InputError, OSError, MemoryError) as exc:
            # A setting is named by its flag when the user gave it; not inside a session file.
            in_file = getattr(exc, "code", None) in ("in_file", "session_from_newer")
            names = None if in_file else flags.flag_names(args)
            print_error(describe(exc, language, names), language)
            return EXIT_USAGE
        except ModuleNotFoundError as exc:  # run outside the project's environment
            if (exc.name or "").partition(".")[0] not in DEPENDENCIES:
                raise
            print_error(describe(exc, language), language)
            return EXIT_MISSING
        except KeyboardInterrupt:
            return EXIT_INTERRUPTED
        except Terminated:
            return EXIT_TERMINATED


def print_error(message: str, language: str) -> None:
    """One line on standard error: ``error: …`` (``erro: …`` in Portuguese)."""
    prefix = "erro" if language == "pt" else "error"
    print(f"{prefix}: {_one_line(message)}", file=sys.stderr)


def print_notices(notices: list[Notice], language: str) -> None:
    """What the flags changed or the run should know, a line each on standard error:
    ``note: …`` (``nota: …`` in Portuguese)."""
    prefix = "nota" if language == "pt" else "note"
    for notice in notices:
        print(f"{prefix}: {_one_line(describe(notice, language))}", file=sys.stderr)


def language_of(argv: list[str]) -> str:
    """The --lang value, found before parsing so that parse errors speak it too; without
    one, the system's language, as the window takes it."""
    for k, item in enumerate(argv):
        if item.startswith("--lang="):
            value = item.split("=", 1)[1]
            return value if value in LANGUAGES else "en"
        if item == "--lang" and k + 1 < len(argv) and argv[k + 1] in LANGUAGES:
            return argv[k + 1]
    return system_language()


def _one_line(message: str) -> str:
    """Control characters (a newline in a file name, say) written as escapes: one line."""
    return "".join(ch if ch.isprintable() or ch == " " else repr(ch)[1:-1] for ch in message)
