"""The applications menu's entry on the command line: ``--install-desktop-entry`` and
``--uninstall-desktop-entry`` (see model/desktop_entry.py).  Each says, a line per file,
what it wrote or removed, in the interface's language."""

from __future__ import annotations

import argparse

from model.errors import InputError
from resources import catalog

FLAGS = ("install_desktop_entry", "uninstall_desktop_entry")


def add_flags(parser: argparse.ArgumentParser) -> None:
    group = parser.add_argument_group("the applications menu (Linux)")
    group.add_argument(
        "--install-desktop-entry",
        action="store_true",
        help="add Attention Study to the applications menu, with its icon: writes "
        "attention-study.desktop and the icons under your data folder (no root), and says "
        "what it wrote",
    )
    group.add_argument(
        "--uninstall-desktop-entry",
        action="store_true",
        help="remove exactly what --install-desktop-entry wrote",
    )


def asked(args: argparse.Namespace, others: bool) -> str | None:
    """The flag given ("install_desktop_entry" or the other), or None; refused beside each
    other or beside anything else to do (``others``)."""
    given = [flag for flag in FLAGS if getattr(args, flag)]
    if given and (len(given) > 1 or others):
        raise InputError("desktop_entry_alone")
    return given[0] if given else None


def run(flag: str, language: str) -> str:
    """Install or remove the entry; the lines that say what was done."""
    from model import desktop_entry

    words = catalog("messages", language)["desktop"]
    if flag == "install_desktop_entry":
        changes = desktop_entry.install()
        lines = [words["wrote"].format(path=path) for path in changes.files]
        lines.append(words["installed"])
    else:
        changes = desktop_entry.uninstall()
        lines = [words["removed"].format(path=path) for path in changes.files]
        lines.append(words["uninstalled"] if changes.files else words["nothing"])
    if changes.refreshed:
        lines.append(words["refreshed"].format(programs=", ".join(changes.refreshed)))
    return "\n".join(lines)
