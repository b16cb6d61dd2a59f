"""The benchmark runs end to end, quickly, and reports every figure; nothing here is timed.

Speed is not pass or fail on shared machines: ``python -m tests.benchmarks`` prints the real
figures (see the README's Performance section).
"""

import json
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
FIGURES = {
    "keystroke_to_paint_ms",
    "keystroke_to_paint_100x12_ms",
    "gui_block_max_512x256_ms",
    "gui_block_max_training_ms",
    "train_steps_per_s",
    "train_steps_per_s_transformer",
    "gui_block_max_training_transformer_ms",
    "train_steps_per_s_induction",
    "gui_block_max_training_induction_ms",
    "train_fps",
    "window_shown_s",
    "first_heatmap_s",
    "export_png_s",
    "baseline_import_s",
    "peak_rss_mb",
    "baseline_rss_mb",
    "pipeline_512x256_vs_reference",
    "quit_ms",
    "soak_actions_per_s",
    "handout_notebook_kb",
    "handout_notebook_s",
    "handout_induction_kb",
    "handout_induction_s",
}


@pytest.mark.slow
@pytest.mark.subprocess
def test_the_quick_benchmark_reports_every_figure():
    run = subprocess.run(
        [sys.executable, "-m", "tests.benchmarks", "--quick", "--json"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=900,
    )
    assert run.returncode == 0, run.stderr
    figures = json.loads(run.stdout.strip().splitlines()[-1])
    print("\nquick benchmark (not comparable figures):", json.dumps(figures))
    assert FIGURES <= figures.keys()
    for name in FIGURES:
        value = figures[name]
        numbers = value.values() if isinstance(value, dict) else [value]
        assert all(isinstance(n, (int, float)) and n > 0 for n in numbers), (name, value)
    assert figures["platform"] in {"xcb", "offscreen"}
    assert figures["views_painted"], "the benchmark must say which views it waited for"
