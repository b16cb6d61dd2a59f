"""The README's quick start is what CI runs, so it stays true."""

import re

from conftest import ROOT


def quick_start_commands() -> list[str]:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    blocks = re.findall(r"```(?:sh|bash|console)\n(.*?)```", readme, flags=re.S)
    return [line for block in blocks for line in block.splitlines() if "python3 -m venv" in line]


def test_readme_has_a_run_command_and_a_test_command():
    commands = quick_start_commands()
    assert any(c.endswith("python main.py") for c in commands), commands
    assert any(c.endswith("python -m pytest") for c in commands), commands
    for command in commands:
        assert "torch==2.13.0" in command  # otherwise pip fetches a multi-gigabyte CUDA torch


def test_ci_runs_the_readme_test_command_verbatim():
    test_command = next(c for c in quick_start_commands() if c.endswith("python -m pytest"))
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8").splitlines()
    assert test_command in ci
