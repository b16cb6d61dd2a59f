"""The command line, run as a user runs it: its exit code, its output, its files (through
``main.main`` in this process; in a process of its own where only a process shows it)."""

import numpy as np
import pytest

from conftest import NOTEBOOK_SENTENCES, run_cli
from oracle import notebook


def only_error_line(proc):
    lines = proc.stderr.decode().strip().splitlines()
    assert proc.returncode == 2, proc.stderr.decode()
    assert len(lines) == 1 and lines[0].startswith("error: "), lines
    assert "Traceback" not in proc.stderr.decode()
    return lines[0]


def test_default_export_is_the_notebook_example(tmp_path):
    out = tmp_path / "out.npz"
    proc = run_cli("--export-tensors", out)
    assert proc.returncode == 0, proc.stderr.decode()
    expected = notebook(NOTEBOOK_SENTENCES)
    with np.load(out) as data:
        for key in ("token_ids", "embeddings", "inputs", "rnn_output", "scores", "attention"):
            np.testing.assert_allclose(data[key], expected[key], atol=1e-5, err_msg=key)
        assert list(data["vocabulary"]) == expected["vocabulary"]


def test_file_input_and_model_flags_match_the_oracle(tmp_path):
    text = "Um gato preto\npulou o muro alto de novo\ngato\n"
    source = tmp_path / "frases.txt"
    source.write_text(text, encoding="utf-8")
    out = tmp_path / "out.npz"
    proc = run_cli(
        "--sentences",
        source,
        "--seed",
        3,
        "--embedding-size",
        6,
        "--hidden-size",
        5,
        "--cell",
        "gru",
        "--attention",
        "dot",
        "--mask-padding",
        "--temperature",
        0.5,
        "--export-tensors",
        out,
    )
    assert proc.returncode == 0, proc.stderr.decode()
    expected = notebook(
        text,
        seed=3,
        embedding_size=6,
        hidden_size=5,
        cell="gru",
        attention="dot",
        mask_padding=True,
        temperature=0.5,
    )
    with np.load(out) as data:
        np.testing.assert_allclose(data["attention"], expected["attention"], atol=1e-5)
        assert data["inputs"].shape == (3, 6, 6)


def test_stdin_and_repeated_sentence_flags(tmp_path):
    out1, out2 = tmp_path / "a.npz", tmp_path / "b.npz"
    text = "ação rápida\né isso\n"
    assert (
        run_cli("--sentences", "-", "--export-tensors", out1, stdin=text.encode()).returncode == 0
    )
    assert (
        run_cli(
            "--sentence", "ação rápida", "--sentence", "é isso", "--export-tensors", out2
        ).returncode
        == 0
    )
    with np.load(out1) as a, np.load(out2) as b:
        np.testing.assert_array_equal(a["attention"], b["attention"])
        assert list(a["vocabulary"]) == ["<pad>", "ação", "rápida", "é", "isso"]


def test_a_byte_order_mark_is_not_part_of_the_first_word(tmp_path):
    source = tmp_path / "bom.txt"
    source.write_bytes("\ufeffolá mundo\n".encode())
    out = tmp_path / "out.npz"
    assert run_cli("--sentences", source, "--export-tensors", out).returncode == 0
    with np.load(out) as data:
        assert list(data["vocabulary"]) == ["<pad>", "olá", "mundo"]


def bad_inputs(tmp_path):
    blank = tmp_path / "blank.txt"
    blank.write_text("\n   \n\t\n")
    latin1 = tmp_path / "latin1.txt"
    latin1.write_bytes("primeira linha\nação em latin-1\n".encode("latin-1"))
    folder = tmp_path / "folder"
    folder.mkdir()
    return {
        "empty sentence": (["--sentence", ""], "no sentences"),
        "blank file": (["--sentences", blank], "no sentences"),
        "missing file": (["--sentences", tmp_path / "nope.txt"], "no such file"),
        "folder as file": (["--sentences", folder], "folder"),
        "not UTF-8": (["--sentences", latin1], "line 2"),
        "zero size": (["--embedding-size", "0"], "--embedding-size"),
        "negative size": (["--hidden-size", "-3"], "--hidden-size"),
        "size over the limit": (["--hidden-size", "4096"], "1,024"),
        "bad temperature": (["--temperature", "0"], "--temperature"),
        "not a number": (["--seed", "abc"], "--seed"),
        "unknown flag": (["--colour", "red"], "--colour"),
        "both inputs": (["--sentence", "a", "--sentences", blank], "not both"),
        "too many sentences": (["--sentences", "-"], "too many sentences"),
        "heads not dividing d": (
            ["--attention", "multihead", "--hidden-size", "6", "--heads", "4"],
            "4 heads do not divide the encoder's width d = H = 6",
        ),
        "not a cell": (["--cell", "foo"], "--cell must be one of rnn, gru, lstm, none, not 'foo'"),
        "not a task": (
            ["--train", "x"],
            "one of previous, copy, first, alphabetical, induction, next, not 'x'",
        ),
    }


CASES = [
    "empty sentence",
    "blank file",
    "missing file",
    "folder as file",
    "not UTF-8",
    "zero size",
    "negative size",
    "size over the limit",
    "bad temperature",
    "not a number",
    "unknown flag",
    "both inputs",
    "too many sentences",
    "heads not dividing d",
    "not a cell",
    "not a task",
]


@pytest.mark.parametrize("case", CASES)
def test_bad_input_exits_2_with_one_line_and_no_file(tmp_path, case):
    args, message = bad_inputs(tmp_path)[case]
    out = tmp_path / "out.npz"
    stdin = ("x\n" * 5000).encode() if case == "too many sentences" else None
    proc = run_cli(*args, "--export-tensors", out, stdin=stdin)
    assert message in only_error_line(proc)
    assert not out.exists()


@pytest.mark.parametrize("where", ["missing folder", "parent is a file", "is a folder"])
def test_unwritable_output_exits_2_and_leaves_nothing(tmp_path, where):
    blocker = tmp_path / "file.txt"
    blocker.write_text("keep me")
    target = {
        "missing folder": tmp_path / "no" / "such" / "out.npz",
        "parent is a file": blocker / "out.npz",
        "is a folder": tmp_path / "taken.npz",
    }[where]
    if where == "is a folder":
        target.mkdir()
    before = sorted(p.name for p in tmp_path.iterdir())
    line = only_error_line(run_cli("--export-tensors", target))
    assert "cannot write" in line
    assert sorted(p.name for p in tmp_path.iterdir()) == before
    assert blocker.read_text() == "keep me"


def test_export_needs_an_npz_name(tmp_path):
    line = only_error_line(run_cli("--export-tensors", tmp_path / "out.txt"))
    assert ".npz" in line
    assert not (tmp_path / "out.txt").exists()


def test_existing_output_is_replaced_whole(tmp_path):
    out = tmp_path / "out.npz"
    out.write_bytes(b"old")
    assert run_cli("--sentence", "nova frase", "--export-tensors", out).returncode == 0
    with np.load(out) as data:
        assert list(data["vocabulary"]) == ["<pad>", "nova", "frase"]


def test_help_exits_0():
    proc = run_cli("--help")
    assert proc.returncode == 0
    assert "--export-tensors" in proc.stdout.decode()


def test_without_lang_messages_follow_the_systems_language(tmp_path):
    proc = run_cli(
        "--seed", "x", "--export-tensors", tmp_path / "o.npz", env={"LANG": "pt_BR.UTF-8"}
    )
    assert proc.returncode == 2
    assert proc.stderr.decode().startswith("erro: --seed recebe um número inteiro")


@pytest.mark.subprocess
@pytest.mark.parametrize(
    "language, start",
    [("en", "error: the module torch is not installed"), ("pt", "erro: o módulo torch não")],
)
def test_a_python_without_torch_is_told_how_to_install_it(tmp_path, language, start):
    hidden = tmp_path / "torch"  # stands in front of the real torch: importing it fails
    hidden.mkdir()
    (hidden / "__init__.py").write_text(
        "raise ModuleNotFoundError(\"No module named 'torch'\", name='torch')\n"
    )
    output = tmp_path / "out" / "tensors.npz"
    output.parent.mkdir()
    done = run_cli(
        "--export-tensors",
        output,
        "--lang",
        language,
        env={"PYTHONPATH": str(tmp_path)},
        process=True,  # a missing module: only a fresh interpreter shows it
    )
    err = done.stderr.decode()
    assert done.returncode == 3 and err.startswith(start), err
    assert "Traceback" not in err and "pip install torch==2.13.0 -e ." in err
    assert not any(output.parent.iterdir())


def test_a_run_in_this_process_leaves_it_as_it_found_it(tmp_path, monkeypatch):
    """A Portuguese screenshot shares this process's Qt: the next test still gets English,
    and the signal handlers, the environment and the folder are as they were."""
    import os
    import signal

    from PySide6.QtCore import QCoreApplication

    monkeypatch.chdir(tmp_path)
    before = (
        signal.getsignal(signal.SIGINT),
        signal.getsignal(signal.SIGTERM),
        dict(os.environ),
        os.getcwd(),
    )
    done = run_cli("--lang", "pt", "--screenshot", "janela.png", env={"LANG": "pt_BR.UTF-8"})
    assert done.returncode == 0, done.stderr.decode()
    assert (tmp_path / "janela.png").stat().st_size > 0
    label = QCoreApplication.translate("FileActions", "&Save session…")
    assert label == "&Save session…"  # not "&Salvar sessão…"
    after = (
        signal.getsignal(signal.SIGINT),
        signal.getsignal(signal.SIGTERM),
        dict(os.environ),
        os.getcwd(),
    )
    assert after == before
