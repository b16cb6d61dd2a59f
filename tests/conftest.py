import os
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from resources import offscreen_platform  # noqa: E402

# Qt renders offscreen in tests, on a fixed 1920×1200 screen, unless a test starts an X server.
os.environ.setdefault("QT_QPA_PLATFORM", offscreen_platform())

import pytest  # noqa: E402
from hypothesis import settings  # noqa: E402

# torch's first call is slow and the machines are shared: no per-example deadline.
settings.register_profile("default", deadline=None)
settings.load_profile("default")

NOTEBOOK_SENTENCES = "o mikas ta ali\neu gosto de batata frita\nexistem elefantes\n"


@pytest.fixture(autouse=True)
def _private_user_dirs(tmp_path_factory, monkeypatch):
    """Settings and data of every test (and its subprocesses) live in a temporary folder."""
    home = tmp_path_factory.mktemp("home")
    for name in ("XDG_CONFIG_HOME", "XDG_DATA_HOME", "XDG_CACHE_HOME"):
        monkeypatch.setenv(name, str(home / name.lower()))
    if "PySide6.QtCore" in sys.modules:
        from PySide6.QtCore import QSettings

        QSettings.setDefaultFormat(QSettings.Format.IniFormat)
        QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(home))
    return home


def run_cli(*args, stdin: bytes | None = None, cwd=None, env=None):
    """Run ``main.py`` as a user would, in a subprocess; return the CompletedProcess."""
    import subprocess

    full_env = dict(os.environ, **(env or {}))
    return subprocess.run(
        [sys.executable, str(ROOT / "main.py"), *map(str, args)],
        input=stdin,
        capture_output=True,
        cwd=cwd,
        env=full_env,
        timeout=300,
    )
