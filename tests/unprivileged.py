"""Running the program as a user without privileges, for the cases that need a folder or a
file the user cannot write.

Root writes anywhere, so as root these cases run the program as ``nobody`` in a subprocess.
That user must be able to reach the interpreter and the project: ``.ci/run`` makes sure of
it, and sets ``ATTENTION_STUDY_REQUIRE_UNPRIVILEGED=1`` so that CI fails rather than skips
when it cannot.  Run as an ordinary user, the cases simply run as that user.
"""

from __future__ import annotations

import functools
import os
import pwd
import shutil
import subprocess
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
REQUIRED = "ATTENTION_STUDY_REQUIRE_UNPRIVILEGED"
USER = "nobody"


@functools.cache
def _switch() -> tuple[dict, str]:
    """The subprocess arguments that run a child unprivileged, and why not ('' when ok)."""
    if os.geteuid() != 0:
        return {}, ""
    try:
        account = pwd.getpwnam(USER)
    except KeyError:
        return {}, f"there is no user {USER!r} to run as"
    switch = {"user": account.pw_uid, "group": account.pw_gid, "extra_groups": []}
    try:
        probe = subprocess.run(
            [sys.executable, "-c", "import numpy, PySide6, model"],
            cwd="/",
            env={"PATH": os.environ.get("PATH", ""), "PYTHONPATH": str(ROOT)},
            capture_output=True,
            **switch,
        )
        reason = probe.stderr.decode(errors="replace").strip().splitlines()[-1:]
    except OSError as exc:
        probe, reason = None, str(exc)
    if probe is None or probe.returncode != 0:
        return {}, f"{USER} cannot run {sys.executable} on the project: {reason}"
    return switch, ""


@dataclass
class Unprivileged:
    """A folder the unprivileged user owns, and a way to run ``main.py`` as that user."""

    folder: Path
    switch: dict

    def run(self, *args, cwd: Path | None = None, env: dict | None = None, timeout: float = 300):
        """Run ``main.py args…`` as the user, in its folder unless ``cwd`` says otherwise."""
        return self._start([str(ROOT / "main.py"), *map(str, args)], cwd, env, timeout)

    def python(self, code: str, *args, cwd=None, env: dict | None = None, timeout: float = 300):
        """Run ``python -c code args…`` as the user, with the project importable: for the
        cases that drive the model directly."""
        project = {"PYTHONPATH": str(ROOT), **(env or {})}
        return self._start(["-c", code, *map(str, args)], cwd, project, timeout)

    def _start(self, arguments: list, cwd: Path | None, env: dict | None, timeout: float):
        home = self.folder / ".home"
        english = {"LC_ALL": "", "LC_MESSAGES": "", "LANG": "C.UTF-8"}
        full_env = {
            **os.environ,
            **english,
            "HOME": str(home),
            "XDG_CONFIG_HOME": str(home / "config"),
            "XDG_DATA_HOME": str(home / "data"),
            "XDG_CACHE_HOME": str(home / "cache"),
            **(env or {}),
        }
        return subprocess.run(
            [sys.executable, *arguments],
            cwd=cwd or self.folder,
            env=full_env,
            capture_output=True,
            timeout=timeout,
            **self.switch,
        )

    def own(self, path: Path) -> None:
        """Give ``path`` (made by this process) to the unprivileged user."""
        if self.switch:
            os.chown(path, self.switch["user"], self.switch["group"], follow_symlinks=False)


@pytest.fixture
def unprivileged():
    """An :class:`Unprivileged` runner; skips (or fails, in CI) when none can be had."""
    switch, why_not = _switch()
    if why_not:
        if os.environ.get(REQUIRED) == "1":
            pytest.fail(why_not)
        pytest.skip(why_not)
    parent = Path(tempfile.mkdtemp(prefix="attention-study-"))
    parent.chmod(0o755)  # the user reaches its folder, and nothing else of this process's
    folder = parent / "work"
    folder.mkdir()
    runner = Unprivileged(folder, switch)
    runner.own(folder)
    try:
        yield runner
    finally:
        for path in (folder, *folder.rglob("*")):  # read-only folders the test made
            if path.is_dir() and not path.is_symlink():
                path.chmod(0o755)
        shutil.rmtree(parent, ignore_errors=True)
