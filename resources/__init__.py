"""Plain files the program reads at run time, reached through :func:`path`."""

from pathlib import Path

ROOT = Path(__file__).resolve().parent


def path(*parts: str) -> Path:
    """The path of a file under ``resources/``, e.g. ``path("translations", "pt.qm")``."""
    return ROOT.joinpath(*parts)


def offscreen_platform() -> str:
    """Qt's offscreen platform with a 1920×1200 screen at 96 dpi, for renders without a display.

    The same screen everywhere makes exported figures and tests independent of the machine.
    """
    return f"offscreen:configfile={path('offscreen-screen.json')}"
