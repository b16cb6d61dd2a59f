"""Figures, screenshots, sessions and notebooks from the command line, with no display."""

import os
import xml.etree.ElementTree as ET

import numpy as np
import pytest
from PySide6.QtGui import QImage

from conftest import run_cli
from gui.render.heatmap_figure import SINGLE_SIZE

# What a machine without a screen looks like: no display, no platform chosen for Qt.
NO_DISPLAY = {"DISPLAY": "", "WAYLAND_DISPLAY": "", "QT_QPA_PLATFORM": ""}


def headless(*args, **kwargs):
    env = {k: v for k, v in os.environ.items() if k not in NO_DISPLAY}
    saved = dict(os.environ)
    os.environ.clear()
    os.environ.update(env)
    try:
        return run_cli(*args, **kwargs)
    finally:
        os.environ.clear()
        os.environ.update(saved)


def ok(proc):
    assert proc.returncode == 0, proc.stderr.decode()
    assert proc.stderr == b"", proc.stderr.decode()  # success is silent
    return proc


def pixels(path):
    image = QImage(str(path))
    return image.width(), image.height()


def test_png_figures_have_the_requested_pixel_size(tmp_path):
    sizes = {}
    for scale in (1, 4):
        for which in ("0", "all"):
            path = tmp_path / f"{which}-{scale}.png"
            ok(headless("--export", path, "--sentence-index", which, "--scale", scale))
            sizes[which, scale] = pixels(path)
    assert sizes["0", 1] == SINGLE_SIZE
    assert sizes["0", 4] == (SINGLE_SIZE[0] * 4, SINGLE_SIZE[1] * 4)
    width, height = sizes["all", 1]
    assert width > 500 and sizes["all", 4] == (width * 4, height * 4)


def test_a_figure_looks_the_same_whatever_the_window(tmp_path):
    # The figure is composed for print: the window's size and settings play no part.
    first, second = tmp_path / "a.png", tmp_path / "b.png"
    ok(headless("--export", first))
    ok(headless("--export", second, "--screenshot", tmp_path / "window.png"))
    assert first.read_bytes() == second.read_bytes()


def test_svg_figures_keep_their_labels_as_text(tmp_path):
    path = tmp_path / "figure.svg"
    ok(headless("--export", path, "--sentence-index", "1", "--attention", "dot"))
    root = ET.parse(path).getroot()
    words = {
        "".join(node.itertext()).strip() for node in root.iter("{http://www.w3.org/2000/svg}text")
    }
    assert {"0 eu", "1 gosto", "4 frita", "attention weight", "key j"} <= words
    assert "Sentence 1: “eu gosto de batata frita”" in words
    assert any(w.startswith("0.") for w in words)  # the cell values


def test_figures_follow_the_interface_language(tmp_path):
    path = tmp_path / "figura.svg"
    ok(headless("--export", path, "--lang", "pt"))
    text = path.read_text(encoding="utf-8")
    assert "key j" in text and "peso de atenção" in text


def test_the_window_screenshot_is_taken_without_a_display(tmp_path):
    path = tmp_path / "window.png"
    ok(headless("--screenshot", path))
    image = QImage(str(path)).convertToFormat(QImage.Format.Format_RGB32)
    assert (image.width(), image.height()) == (1600, 1000)
    pixels = np.frombuffer(image.constBits(), dtype=np.uint32)
    assert pixels.min() != pixels.max()  # something was drawn: not one flat colour


def test_a_saved_session_reproduces_the_tensors(tmp_path):
    session, first, again = tmp_path / "aula.json", tmp_path / "a.npz", tmp_path / "b.npz"
    ok(
        run_cli(
            "--sentence",
            "ação rápida",
            "--sentence",
            "é isso aí",
            "--seed",
            4,
            "--cell",
            "lstm",
            "--mask-padding",
            "--save-session",
            session,
            "--export-tensors",
            first,
        )
    )
    ok(run_cli("--session", session, "--export-tensors", again))
    with np.load(first) as a, np.load(again) as b:
        for key in a.files:
            np.testing.assert_array_equal(a[key], b[key])


def test_flags_beside_a_session_override_it(tmp_path):
    session = tmp_path / "aula.json"
    ok(run_cli("--seed", 4, "--hidden-size", 6, "--save-session", session))
    out = tmp_path / "out.npz"
    ok(run_cli("--session", session, "--hidden-size", 3, "--export-tensors", out))
    with np.load(out) as data:
        assert data["rnn_output"].shape[-1] == 3
    ok(run_cli("--session", session, "--save-session", session))  # rewriting it in place works


@pytest.mark.subprocess
def test_the_exported_notebook_reproduces_the_command_lines_tensors(tmp_path):
    import json
    import subprocess
    import sys

    notebook, tensors = tmp_path / "estudo.ipynb", tmp_path / "t.npz"
    flags = ("--sentence", "ação é café", "--sentence", "日本 語", "--cell", "gru", "--causal")
    ok(run_cli(*flags, "--export-notebook", notebook, "--export-tensors", tensors, "--lang", "pt"))
    cells = json.loads(notebook.read_text(encoding="utf-8"))["cells"]
    assert any("Passando inputs pela camada de RNN" in c["source"] for c in cells)
    code = "\n".join(c["source"] for c in cells if c["cell_type"] == "code")
    out = tmp_path / "attention.npy"
    script = code + f"\nnp.save({str(out)!r}, attention.detach().numpy())\n"
    subprocess.run([sys.executable, "-c", script], check=True, timeout=300, cwd=tmp_path)
    with np.load(tensors) as data:
        np.testing.assert_allclose(np.load(out), data["attention"], atol=1e-6)


def only_error(proc):
    assert proc.returncode == 2
    lines = proc.stderr.decode().strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("error: "), lines
    return lines[0]


@pytest.mark.parametrize(
    "args, message",
    [
        (["--export", "figure.jpg"], ".png / .svg"),
        (["--export", "f.png", "--sentence-index", "7"], "only 3 sentences (choose 0 to 2"),
        (["--export", "f.png", "--sentence-index", "first"], "a number from 0, or all"),
        (["--export", "f.png", "--scale", "3"], "--scale"),
        (["--screenshot", "window.svg"], ".png"),
        (["--save-session", "s.txt"], ".json"),
        (["--export-notebook", "n.py"], ".ipynb"),
        (["--session", "missing.json", "--export", "f.png"], "no such file"),
        (["--scale", "2"], "go with an output flag or --explain"),
        (["--view", "lines", "--save-session", "s.json"], "go with --export"),
        (["--export", "f.png", "--view", "lines", "--compare", "s.json"], "not go with --view"),
        (["--explain", "1,2"], "three numbers from 0"),
        (["--explain", "0,9,0"], "--explain 0,9,0: the sentences have 5 positions"),
        (["--explain", "0,0,0", "--head", "1"], "--head 1: this model has 1 head"),
    ],
)
def test_output_mistakes_exit_2_and_write_nothing(tmp_path, args, message):
    assert message in only_error(headless(*args, cwd=tmp_path))
    assert list(tmp_path.iterdir()) == []


def test_a_failed_output_takes_the_others_with_it(tmp_path):
    (tmp_path / "taken.npz").mkdir()  # a folder where the tensors should go
    proc = run_cli(
        "--save-session",
        "s.json",
        "--export-notebook",
        "n.ipynb",
        "--export-tensors",
        "taken.npz",
        cwd=tmp_path,
    )
    assert "cannot write" in only_error(proc)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["taken.npz"]


def test_a_bad_session_file_exits_2(tmp_path):
    broken = tmp_path / "broken.json"
    broken.write_text('{"format": "attention-study-session", "version": 1, "model": {"seed": 1}')
    assert "broken JSON" in only_error(run_cli("--session", broken, "--export", tmp_path / "f.png"))
    negative = tmp_path / "negative.json"
    negative.write_text(
        '{"format": "attention-study-session", "version": 1, "sentences": ["a"],'
        ' "model": {"seed": -1}}'
    )
    line = only_error(run_cli("--session", negative, "--export", tmp_path / "f.png"))
    assert "negative.json: seed must be between 0 and 2,147,483,647, not -1" in line
    assert not (tmp_path / "f.png").exists()
