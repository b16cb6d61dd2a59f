import os
import sys
from pathlib import Path

import pytest
from hypothesis import settings

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

# torch's first call is slow and the machines are shared: no per-example deadline.
settings.register_profile("default", deadline=None)
settings.load_profile("default")

NOTEBOOK_SENTENCES = "o mikas ta ali\neu gosto de batata frita\nexistem elefantes\n"


@pytest.fixture
def notebook_text() -> str:
    return NOTEBOOK_SENTENCES


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
