"""``pip install .`` gives the whole program: every package and every resource is in the wheel,
and the installed ``attention-study`` runs from a fresh environment outside the clone.

The wheel is built from a copy of the clone's files (a build inside the clone would leave
``build/`` behind, and an old ``build/`` can carry files the clone no longer has).  The fresh
environment reaches torch, numpy, PySide6 and pyqtgraph through a ``.pth`` file naming this
environment's site-packages, written after the install so that pip sees none of them.
"""

from __future__ import annotations

import os
import shutil
import struct
import subprocess
import sys
import sysconfig
import zipfile
from pathlib import Path

import numpy as np
import pytest

from conftest import ROOT

pytestmark = [pytest.mark.slow, pytest.mark.subprocess]

# Pictures for the README; the program never reads them, so the wheel leaves them out.
README_ONLY = ("resources/screenshots/",)


def git_files(*args: str) -> list[str]:
    if shutil.which("git") is None or not (ROOT / ".git").exists():
        pytest.skip("needs a git clone: the test compares the wheel with the files git tracks")
    listing = subprocess.run(
        ["git", "ls-files", "-z", *args], cwd=ROOT, capture_output=True, check=True
    )
    names = listing.stdout.decode().split("\0")
    return sorted(name for name in names if name and (ROOT / name).is_file())


def run(*args, **kwargs) -> subprocess.CompletedProcess:
    done = subprocess.run(list(map(str, args)), capture_output=True, timeout=600, **kwargs)
    assert done.returncode == 0, done.stderr.decode(errors="replace")[-3000:]
    return done


@pytest.fixture(scope="module")
def wheel(tmp_path_factory) -> Path:
    source = tmp_path_factory.mktemp("source")
    for name in git_files("--cached", "--others", "--exclude-standard"):
        (source / name).parent.mkdir(parents=True, exist_ok=True)
        shutil.copy2(ROOT / name, source / name)
    built = tmp_path_factory.mktemp("wheel")
    pip = [sys.executable, "-m", "pip", "--disable-pip-version-check"]
    run(*pip, "wheel", "--no-deps", "--no-build-isolation", "--no-index", "-w", built, source)
    [found] = built.glob("attention_study-*.whl")
    return found


@pytest.fixture(scope="module")
def installed(wheel, tmp_path_factory) -> Path:
    """A fresh environment, outside the clone, with the wheel installed: its folder."""
    venv = tmp_path_factory.mktemp("venv")
    run(sys.executable, "-m", "venv", "--clear", "--without-pip", venv)
    python = venv / "bin" / "python"
    pip = [sys.executable, "-m", "pip", "--disable-pip-version-check", "--python", python]
    run(*pip, "install", "--no-deps", "--no-index", wheel)
    here = {sysconfig.get_path("purelib"), sysconfig.get_path("platlib")}
    there = run(python, "-c", "import sysconfig; print(sysconfig.get_path('purelib'))")
    (Path(there.stdout.decode().strip()) / "dependencies.pth").write_text("\n".join(here) + "\n")
    return venv


def outside_env() -> dict:
    env = {key: value for key, value in os.environ.items() if key != "PYTHONPATH"}
    return {**env, "LC_ALL": "", "LC_MESSAGES": "", "LANG": "C.UTF-8"}


def test_every_package_and_resource_is_in_the_wheel(wheel):
    names = set(zipfile.ZipFile(wheel).namelist())
    packages = {name for name in git_files("*__init__.py") if not name.startswith("tests/")}
    assert packages - names == set(), "packages left out of the wheel"
    modules = {name for name in git_files("*.py") if not name.startswith("tests/")}
    assert modules - names == set(), "modules left out of the wheel"
    resources = {name for name in git_files("resources") if not name.startswith(README_ONLY)}
    assert resources - names == set(), "resources left out of the wheel"
    assert not any(name.startswith(README_ONLY) or "__pycache__" in name for name in names)


def test_the_installed_program_runs_from_outside_the_clone(installed, tmp_path):
    work = tmp_path / "elsewhere"
    work.mkdir()
    env = outside_env()
    python = installed / "bin" / "python"
    where = run(
        python,
        "-c",
        "import gui.panes.attention, figures, model.training; print(model.__file__)",
        cwd=work,
        env=env,
    )
    assert Path(where.stdout.decode().strip()).is_relative_to(installed)

    program = installed / "bin" / "attention-study"
    sentences = ("--sentence", "o gato dorme", "--sentence", "eu gosto de batata")
    run(program, *sentences, "--export-tensors", "tensors.npz", cwd=work, env=env)
    with np.load(work / "tensors.npz") as tensors:
        assert tensors["attention"].shape == (2, 4, 4)
        assert list(tensors["vocabulary"][:2]) == ["<pad>", "o"]

    run(program, *sentences, "--lang", "pt", "--screenshot", "window.png", cwd=work, env=env)
    png = (work / "window.png").read_bytes()
    assert png[:8] == b"\x89PNG\r\n\x1a\n"
    width, height = struct.unpack(">II", png[16:24])
    assert width > 400 and height > 300

    # The applications menu's entry starts this installation's own program, by its full path.
    data = tmp_path / "data"
    run(program, "--install-desktop-entry", cwd=work, env={**env, "XDG_DATA_HOME": str(data)})
    entry = (data / "applications" / "attention-study.desktop").read_text(encoding="utf-8")
    assert f"\nExec={program.resolve()}\n" in entry
    assert (data / "icons" / "hicolor" / "256x256" / "apps" / "attention-study.png").is_file()
