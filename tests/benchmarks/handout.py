"""The handout's figures: its size for the notebook's example (the issue's bound: under
150 KB) and for the induction example trained, and the time to write them from the command
line, launch to exit."""

from __future__ import annotations

import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
INDUCTION = ROOT / "resources" / "examples" / "inducao.json"


def _write(arguments: list[str]) -> tuple[float, int]:
    """(seconds, bytes) of ``python main.py ARGUMENTS --export-handout page.html``."""
    with tempfile.TemporaryDirectory() as folder:
        page = Path(folder) / "page.html"
        start = time.perf_counter()
        subprocess.run(
            [sys.executable, str(ROOT / "main.py"), *arguments, "--export-handout", str(page)],
            check=True,
            capture_output=True,
            timeout=900,
        )
        return time.perf_counter() - start, page.stat().st_size


def handout_figures(rounds: int, steps: int) -> dict:
    """Median seconds over ``rounds`` and the pages' sizes in KB (1000 bytes): the notebook's
    example, and the induction example (2 layers × 2 heads, six sentences of 12 words)
    trained ``steps`` steps."""
    notebook = [_write(["--lang", "pt"]) for _ in range(rounds)]
    induction = [
        _write(["--session", str(INDUCTION), "--train-steps", str(steps)]) for _ in range(rounds)
    ]
    return {
        "handout_notebook_kb": round(notebook[0][1] / 1000, 1),
        "handout_notebook_s": round(statistics.median(s for s, _ in notebook), 3),
        "handout_induction_kb": round(induction[0][1] / 1000, 1),
        "handout_induction_s": round(statistics.median(s for s, _ in induction), 3),
    }
