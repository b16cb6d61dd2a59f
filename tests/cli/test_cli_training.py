"""Training from the command line: --train TASK --train-steps N before every output."""

import json
import subprocess
import sys

import numpy as np
import pytest

from conftest import run_cli

PRESET = ("--embedding-size", "16", "--hidden-size", "32")
TEXT = "a menina viu o gato\no gato fugiu\nela correu atrás do gato preto"


def ok(proc):
    assert proc.returncode == 0, proc.stderr.decode()
    return proc


def test_trained_tensors_look_one_word_back(tmp_path):
    source, out = tmp_path / "frases.txt", tmp_path / "out.npz"
    source.write_text(TEXT, encoding="utf-8")
    ok(
        run_cli(
            "--sentences",
            source,
            *PRESET,
            "--train",
            "previous",
            "--train-steps",
            "400",
            "--export-tensors",
            out,
        )
    )
    with np.load(out) as data:
        assert data["train_loss"].shape == data["train_expected_weight"].shape == (400,)
        assert data["train_loss"][-20:].mean() < data["train_loss"][:20].mean() / 5
        attention, ids = data["attention"], data["token_ids"]
    for b, row in enumerate(ids):
        length = int((row > 0).sum())
        for i in range(1, length):
            assert attention[b, i, i - 1] >= 0.9, (b, i)


@pytest.mark.subprocess
def test_a_trained_session_retrains_on_open_and_its_notebook_reproduces_it(tmp_path):
    session, first, notebook = tmp_path / "aula.json", tmp_path / "a.npz", tmp_path / "n.ipynb"
    flags = ("--sentence", "o mikas ta ali", "--sentence", "eu gosto", *PRESET)
    ok(
        run_cli(
            *flags,
            "--train",
            "copy",
            "--train-steps",
            "60",
            "--save-session",
            session,
            "--export-tensors",
            first,
            "--export-notebook",
            notebook,
        )
    )
    saved = json.loads(session.read_text(encoding="utf-8"))
    assert saved["training"] == {"task": "copy", "steps": 60, "learning_rate": 0.01}
    again = tmp_path / "b.npz"
    ok(run_cli("--session", session, "--export-tensors", again))
    with np.load(first) as a, np.load(again) as b:
        np.testing.assert_array_equal(a["attention"], b["attention"])
        trained = a["attention"]
    cells = json.loads(notebook.read_text(encoding="utf-8"))["cells"]
    code = "\n".join(c["source"] for c in cells if c["cell_type"] == "code")
    out = tmp_path / "attention.npy"
    script = code + f"\nnp.save({str(out)!r}, attention.detach().numpy())\n"
    subprocess.run(
        [sys.executable, "-c", script], check=True, timeout=300, cwd=tmp_path, capture_output=True
    )
    np.testing.assert_allclose(np.load(out), trained, atol=1e-4)


def test_training_flags_without_a_task_are_a_usage_error(tmp_path):
    proc = run_cli("--train-steps", "10", "--export-tensors", tmp_path / "x.npz")
    assert proc.returncode == 2
    assert proc.stderr.decode().startswith("error: --train-steps and --learning-rate go with")
