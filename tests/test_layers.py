"""The layers of the program hold: the import-linter contracts in pyproject.toml, the one rule
import-linter cannot say, and the size of a file a reader takes in."""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
PACKAGES = ("model", "figures", "gui", "cli", "resources")
MAX_LINES = 400


def python_files(*folders: str):
    for folder in folders:
        yield from sorted((ROOT / folder).rglob("*.py"))


@pytest.mark.subprocess
def test_the_import_contracts_are_kept():
    lint = Path(sys.executable).with_name("lint-imports")
    done = subprocess.run(
        [str(lint), "--config", str(ROOT / "pyproject.toml")],
        cwd=ROOT,
        capture_output=True,
        text=True,
    )
    assert done.returncode == 0, done.stdout[-3000:] + done.stderr[-2000:]
    assert "BROKEN" not in done.stdout and " KEPT" in done.stdout


def imported_modules(file: Path) -> set[str]:
    tree = ast.parse(file.read_text(encoding="utf-8"))
    names = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module:
            names.add(node.module)
            names.update(f"{node.module}.{alias.name}" for alias in node.names)
    return names


def test_renderers_use_no_widgets():
    """What gui/render draws goes into PNG and SVG files with no window: QtGui only."""
    for file in python_files("gui/render"):
        widgets = {name for name in imported_modules(file) if name.startswith("PySide6.QtWidgets")}
        assert not widgets, f"{file.relative_to(ROOT)} imports {sorted(widgets)}"


def test_the_rule_of_renderers_can_fail(tmp_path):
    file = tmp_path / "bad.py"
    file.write_text("from PySide6.QtWidgets import QWidget\n")
    assert "PySide6.QtWidgets" in imported_modules(file)


def test_no_file_is_longer_than_a_reader_takes_in():
    long = {
        str(file.relative_to(ROOT)): lines
        for file in [ROOT / "main.py", *python_files(*PACKAGES, "tests")]
        if (lines := len(file.read_text(encoding="utf-8").splitlines())) > MAX_LINES
    }
    assert not long, f"over {MAX_LINES} lines: {long}"


def test_main_only_calls_the_command_line():
    lines = (ROOT / "main.py").read_text(encoding="utf-8").splitlines()
    assert len(lines) < 40
    assert imported_modules(ROOT / "main.py") <= {"sys", "cli.run", "cli.run.main"}


@pytest.mark.subprocess
def test_the_window_and_the_figures_load_without_torch():
    """The window shows, and says it is loading, before torch has loaded (on the pipeline's
    thread): a pane that imported torch to ask the size of a probe once made the window wait
    for it, as long as the import itself."""
    code = (
        "import sys; import gui.window.main_window, figures.heatmap, gui.outputs; "
        "print('torch' in sys.modules)"
    )
    done = subprocess.run(
        [sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, check=True
    )
    assert done.stdout.strip() == "False", done.stderr
