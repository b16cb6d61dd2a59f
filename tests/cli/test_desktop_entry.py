"""The applications menu's entry: ``--install-desktop-entry`` writes it and its icons under the
user's data folder and says so, ``--uninstall-desktop-entry`` removes exactly those files, and
Help → Add to the applications menu does the same from the window."""

import os
import shutil
import struct
import subprocess

import pytest

from conftest import run_cli
from model import desktop_entry


def entry_keys(path) -> dict[str, str]:
    lines = path.read_text(encoding="utf-8").splitlines()
    assert lines[0] == "[Desktop Entry]"
    return dict(line.split("=", 1) for line in lines[1:] if line)


def png_size(path) -> tuple[int, int]:
    data = path.read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    return struct.unpack(">II", data[16:24])


def test_the_entry_and_its_icons_are_written_and_said(tmp_path, monkeypatch):
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path))
    proc = run_cli("--install-desktop-entry")
    assert proc.returncode == 0, proc.stderr.decode()
    said = proc.stdout.decode()
    entry = tmp_path / "applications" / "attention-study.desktop"
    assert f"wrote {entry}" in said and "is in the applications menu" in said
    keys = entry_keys(entry)
    assert keys["Name"] == "Attention Study" and keys["Name[pt]"] and keys["Comment[pt]"]
    assert keys["StartupWMClass"] == "attention-study" and keys["Icon"] == "attention-study"
    assert "Education" in keys["Categories"].split(";")
    command = keys["Exec"].split(" ")
    assert os.path.isabs(command[0]) and os.access(command[0], os.X_OK)
    for size in desktop_entry.ICON_SIZES:
        icon = tmp_path / "icons" / "hicolor" / f"{size}x{size}" / "apps" / "attention-study.png"
        assert png_size(icon) == (size, size) and f"wrote {icon}" in said
    assert (tmp_path / "icons" / "hicolor" / "scalable" / "apps" / "attention-study.svg").exists()
    validate = shutil.which("desktop-file-validate")
    if validate:  # Debian's desktop-file-utils (CI installs it)
        check = subprocess.run([validate, str(entry)], capture_output=True, text=True)
        assert check.returncode == 0 and not check.stdout.strip(), check.stdout


def test_the_exec_line_starts_the_program(tmp_path, monkeypatch):
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path))
    desktop_entry.install()
    command = entry_keys(tmp_path / "applications" / "attention-study.desktop")["Exec"]
    run = subprocess.run([*command.split(" "), "--help"], capture_output=True, timeout=120)
    assert run.returncode == 0 and b"--install-desktop-entry" in run.stdout


def test_uninstall_removes_exactly_what_install_wrote(tmp_path, monkeypatch):
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path))
    others = [
        tmp_path / "applications" / "other.desktop",
        tmp_path / "icons" / "hicolor" / "48x48" / "apps" / "other.png",
        tmp_path / "attention-study" / "autosave" / "work.json",  # the user's work: kept
    ]
    for other in others:
        other.parent.mkdir(parents=True, exist_ok=True)
        other.write_text("kept")
    assert run_cli("--install-desktop-entry").returncode == 0
    assert run_cli("--install-desktop-entry").returncode == 0  # again: the same files
    proc = run_cli("--uninstall-desktop-entry", "--lang", "pt")
    assert proc.returncode == 0, proc.stderr.decode()
    assert "não está mais no menu de aplicativos" in proc.stdout.decode()
    left = {p for p in tmp_path.rglob("*") if p.is_file() and "cache" not in p.name}
    assert left == set(others)
    again = run_cli("--uninstall-desktop-entry")
    assert again.returncode == 0 and "nothing to remove" in again.stdout.decode()


@pytest.mark.parametrize(
    "args",
    [
        ("--install-desktop-entry", "--uninstall-desktop-entry"),
        ("--install-desktop-entry", "--export-tensors", "t.npz"),
    ],
)
def test_the_entry_flags_go_alone(tmp_path, monkeypatch, args):
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path))
    proc = run_cli(*args, cwd=tmp_path)
    assert proc.returncode == 2 and "go alone" in proc.stderr.decode()
    assert not list(tmp_path.rglob("*.desktop")) and not (tmp_path / "t.npz").exists()


def test_a_data_folder_that_cannot_be_written_is_said_and_nothing_is_written(tmp_path, monkeypatch):
    blocked = tmp_path / "a file"
    blocked.write_text("not a folder")
    monkeypatch.setenv("XDG_DATA_HOME", str(blocked / "share"))
    proc = run_cli("--install-desktop-entry", "--lang", "pt")
    assert proc.returncode == 2
    assert proc.stderr.decode().startswith(f"erro: não foi possível gravar {blocked}")
    assert blocked.read_text() == "not a folder"


def test_help_adds_the_program_to_the_applications_menu(window, monkeypatch, tmp_path):
    from PySide6.QtWidgets import QMessageBox

    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path))
    said = []
    monkeypatch.setattr(QMessageBox, "exec", lambda box: said.append(box.text()))
    action = next(a for a in window.menuBar().actions() if a.text() == "&Help")
    add = next(
        a for a in action.menu().actions() if "applications menu" in a.text().replace("&", "")
    )
    add.trigger()
    entry = tmp_path / "applications" / "attention-study.desktop"
    assert entry.exists() and str(entry) in said[0]
