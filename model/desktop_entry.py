"""The application's entry in the desktop's menu: ``attention-study.desktop`` and its icons,
written to the user's own data folder (no root), and removed again, file by file.

What is written, under ``$XDG_DATA_HOME`` (``~/.local/share`` without it):

- ``applications/attention-study.desktop``: the name and comment in English and Portuguese,
  an absolute ``Exec`` to the launcher of this installation, and ``StartupWMClass``
  ``attention-study``, the name the window gives the desktop (``gui/application.py``): on
  Wayland that is how the window finds its icon;
- ``icons/hicolor/NxN/apps/attention-study.png`` at the usual sizes, and the SVG under
  ``scalable``: the files of ``resources/icons/``.

Afterwards the desktop's caches are refreshed (``update-desktop-database``,
``gtk-update-icon-cache``) where those programs are installed.  Nothing here runs unless
the user asks (``--install-desktop-entry``, or Help → Add to the applications menu).
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from dataclasses import dataclass, field
from pathlib import Path

from model.errors import InputError
from model.files import atomic_write, check_writable
from resources import path as resource

NAME = "attention-study"  # the entry's file, the icon's name and the window's class
ICON_SIZES = (16, 24, 32, 48, 64, 128, 256, 512)


@dataclass
class Changes:
    """What an install or a removal did: the files, and the caches it refreshed."""

    files: list[Path] = field(default_factory=list)
    refreshed: list[str] = field(default_factory=list)


def data_folder() -> Path:
    """``$XDG_DATA_HOME``, or ``~/.local/share`` when it is unset or not absolute."""
    given = os.environ.get("XDG_DATA_HOME", "")
    return Path(given) if os.path.isabs(given) else Path.home() / ".local" / "share"


def launcher() -> list[str]:
    """The command that starts this installation: a bundle's own executable, the installed
    ``attention-study`` script that is running, or this Python with ``main.py``."""
    if getattr(sys, "frozen", False):
        return [os.path.abspath(sys.executable)]
    script = Path(sys.argv[0]) if sys.argv and sys.argv[0] else None
    if script is not None and script.name == NAME and script.exists():
        return [str(script.resolve())]
    return [os.path.abspath(sys.executable), str(Path(resource()).parent / "main.py")]


def entry_text(command: list[str]) -> str:
    """The ``.desktop`` file that starts ``command``."""
    exec_line = " ".join(_quoted(part) for part in command)
    return "\n".join(
        (
            "[Desktop Entry]",
            "Type=Application",
            "Version=1.4",
            "Name=Attention Study",
            "Name[pt]=Attention Study — estudo de atenção",
            "GenericName=Self-attention, stage by stage",
            "GenericName[pt]=Self-attention, etapa por etapa",
            "Comment=Type sentences and watch every stage of self-attention, offline",
            "Comment[pt]=Digite frases e veja cada etapa da self-attention, sem internet",
            f"Exec={exec_line}",
            f"Icon={NAME}",
            "Terminal=false",
            "Categories=Education;ArtificialIntelligence;",
            "Keywords=attention;transformer;NLP;PyTorch;teaching;atenção;ensino;",
            f"StartupWMClass={NAME}",
            "StartupNotify=true",
            "",
        )
    )


def targets(data: Path | None = None) -> dict[Path, Path | None]:
    """Every file an install writes, with the resource it copies (None: the entry)."""
    data = data or data_folder()
    icons = data / "icons" / "hicolor"
    files: dict[Path, Path | None] = {data / "applications" / f"{NAME}.desktop": None}
    files[icons / "scalable" / "apps" / f"{NAME}.svg"] = resource("icons", f"{NAME}.svg")
    for size in ICON_SIZES:
        folder = f"{size}x{size}"
        files[icons / folder / "apps" / f"{NAME}.png"] = resource(
            "icons", "hicolor", folder, "apps", f"{NAME}.png"
        )
    return files


def install(data: Path | None = None) -> Changes:
    """Write the entry and its icons, each atomically; refuse before writing anything when
    a folder cannot be made or written."""
    data = data or data_folder()
    files = targets(data)
    for target in files:
        _check(target)
    changes = Changes()
    entry = entry_text(launcher())
    for target, source in files.items():
        with atomic_write(target) as stream:
            stream.write(entry.encode("utf-8") if source is None else source.read_bytes())
        changes.files.append(target)
    changes.refreshed = _refresh(data)
    return changes


def uninstall(data: Path | None = None) -> Changes:
    """Remove exactly the files an install writes (those still there), nothing else."""
    data = data or data_folder()
    changes = Changes()
    for target in targets(data):
        if target.is_file() or target.is_symlink():
            target.unlink()
            changes.files.append(target)
    if changes.files:
        changes.refreshed = _refresh(data)
    return changes


def _check(target: Path) -> None:
    """Make ``target``'s folder (and its parents), or say why it cannot be written."""
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
    except OSError as error:
        raise InputError("cannot_write", file=str(target), reason=error) from None
    check_writable(target)


def _refresh(data: Path) -> list[str]:
    """Run the desktop's cache updaters that are installed; a failing one is not an error
    (the menu finds the entry at the next login all the same)."""
    done = []
    for program, argument in (
        ("update-desktop-database", data / "applications"),
        ("gtk-update-icon-cache", data / "icons" / "hicolor"),
    ):
        found = shutil.which(program)
        if found is None:
            continue
        options = ["-f", "-t", "-q"] if program == "gtk-update-icon-cache" else ["-q"]
        try:
            run = subprocess.run(
                [found, *options, str(argument)], capture_output=True, timeout=60, check=False
            )
        except (OSError, subprocess.TimeoutExpired):
            continue
        if run.returncode == 0:
            done.append(program)
    return done


def _quoted(argument: str) -> str:
    """An ``Exec`` argument, quoted as the Desktop Entry specification asks when needed."""
    if argument and not any(ch in argument for ch in " \t\n\"'\\><~|&;$*?#()`"):
        return argument
    escaped = "".join("\\" + ch if ch in '"`$\\' else ch for ch in argument)
    return f'"{escaped}"'.replace("%", "%%")
