"""Plain files the program reads at run time, reached through :func:`path`.

Nothing here imports Qt: the model reads its message and explanation catalogs from here too.
"""

import json
from functools import cache
from pathlib import Path

ROOT = Path(__file__).resolve().parent


def path(*parts: str) -> Path:
    """The path of a file under ``resources/``, e.g. ``path("translations", "pt.qm")``."""
    return ROOT.joinpath(*parts)


@cache
def catalog(name: str, language: str) -> dict:
    """``resources/<name>/<language>.json`` as a dict (messages, explanations, lessons).

    A missing language gives the English catalog; the files ship with the program, so a
    broken one is a packaging error and raises.
    """
    file = path(name, f"{language}.json")
    if not file.exists():
        file = path(name, "en.json")
    with open(file, encoding="utf-8") as stream:
        return json.load(stream)


def offscreen_platform() -> str:
    """Qt's offscreen platform with a 1920×1200 screen at 96 dpi, for renders without a display.

    The same screen everywhere makes exported figures and tests independent of the machine.
    """
    return f"offscreen:configfile={path('offscreen-screen.json')}"


LANGUAGES = ("en", "pt")


def system_language() -> str:
    """The interface language the system asks for: "pt" when the first of LC_ALL,
    LC_MESSAGES and LANG that is set names Portuguese (any country), else "en".

    One rule for the window and the command line (POSIX's own order for messages), with no
    Qt, so that a headless run and the window always agree.
    """
    import os

    for name in ("LC_ALL", "LC_MESSAGES", "LANG"):
        value = os.environ.get(name)
        if value:
            return "pt" if value.lower().startswith("pt") else "en"
    return "en"


CLASS_PRESET = "sala-de-aula"  # twenty sentences of a classroom, a tiny GPT to train on them
INDUCTION_PRESET = "inducao"  # sentences with repeats; 2 layers × 2 heads to train on induction


def example_session_path(name: str = CLASS_PRESET) -> Path:
    """An example session shipped with the program (``resources/examples/<name>.json``)."""
    return path("examples", f"{name}.json")
