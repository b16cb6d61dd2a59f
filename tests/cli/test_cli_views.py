"""The teaching views from the command line: --explain, --view lines, --compare and
--colour-scale."""

import re
import xml.etree.ElementTree as ET

import numpy as np

from conftest import run_cli

SVG = "{http://www.w3.org/2000/svg}"


def ok(proc):
    assert proc.returncode == 0, proc.stderr.decode()
    return proc.stdout.decode()


def svg_texts(path) -> list[str]:
    return [t.text for t in ET.parse(path).iter(f"{SVG}text") if t.text]


def numbers(line: str) -> list[float]:
    return [float(x) for x in re.findall(r"-?\d+\.\d+(?:e-?\d+)?", line.replace(",", "."))]


def test_explain_prints_every_score_of_the_row_and_the_weight_the_tensors_hold(tmp_path):
    walk = ok(run_cli("--explain", "1,2,3", "--export-tensors", tmp_path / "t.npz"))
    tensors = np.load(tmp_path / "t.npz")
    lines = walk.splitlines()
    assert lines[0].startswith("How sentence 1, query 2 “de” → output slot 3")
    row = [line for line in lines if line.strip().lstrip("→ ").startswith("j=")]
    scores = [numbers(line)[0] for line in row]  # s = …, exp(s) = …
    np.testing.assert_allclose(scores, tensors["scores"][1, 2], atol=1e-6)
    shown = numbers(next(line for line in lines if "the heatmap shows" in line))[0]
    assert shown == round(float(tensors["attention"][1, 2, 3]), 6)


def test_explain_in_multihead_mode_takes_a_head_and_speaks_portuguese(tmp_path):
    args = ("--attention", "multihead", "--heads", "2", "--explain", "0,1,2", "--head", "1")
    english = ok(run_cli(*args, "--export-tensors", tmp_path / "t.npz"))
    portuguese = ok(run_cli(*args, "--lang", "pt"))
    attention = np.load(tmp_path / "t.npz")["attention"]
    assert english.splitlines()[0].endswith("· head 1")  # --head 1 is head 1: from 0
    assert portuguese.splitlines()[0].startswith("Como a sentença 0, query 1")
    assert portuguese.splitlines()[0].endswith("· cabeça 1")
    weight = f"{attention[0, 1, 1, 2]:.6f}".rstrip("0")
    assert f"the heatmap shows {weight}" in english
    assert f"o heatmap mostra {weight.replace('.', ',')}" in portuguese
    assert "Context of head 1" in english  # how the context row is formed from the values


def test_view_lines_exports_the_lines_of_a_sentence(tmp_path):
    ok(run_cli("--export", tmp_path / "l.svg", "--view", "lines", "--sentence-index", "1"))
    texts = svg_texts(tmp_path / "l.svg")
    assert "Sentence 1: “eu gosto de batata frita”" in texts
    assert {"eu", "gosto", "de", "batata", "frita"} <= set(texts)  # the queries, on the left
    assert "A line's opacity is its weight." in " ".join(texts)


def test_compare_draws_a_b_and_their_difference_against_the_other_flags(tmp_path):
    ok(run_cli("--save-session", tmp_path / "a.json"))
    ok(run_cli("--export", tmp_path / "c.svg", "--compare", tmp_path / "a.json", "--mask-padding"))
    texts = svg_texts(tmp_path / "c.svg")
    assert {"A (pinned)", "B (now)", "B − A"} <= set(texts)
    a = " ".join(t for t in texts if t.startswith("A: "))  # each on lines of its own
    b = " ".join(t for t in texts if t.startswith("B: "))
    assert "<pad> masked" in b and "<pad> masked" not in a


def test_compare_needs_the_same_sentences(tmp_path):
    ok(run_cli("--save-session", tmp_path / "a.json", "--sentence", "outra frase"))
    proc = run_cli("--export", tmp_path / "c.png", "--compare", tmp_path / "a.json")
    assert proc.returncode == 2 and not (tmp_path / "c.png").exists()


def test_colour_scale_data_is_said_on_the_bar(tmp_path):
    ok(run_cli("--export", tmp_path / "d.svg", "--colour-scale", "data"))
    ok(run_cli("--export", tmp_path / "f.svg"))
    assert "attention weight, on this data's range" in svg_texts(tmp_path / "d.svg")
    assert "attention weight" in svg_texts(tmp_path / "f.svg")


def test_a_session_saved_while_comparing_exports_the_comparison(tmp_path):
    """The window's state is the figure: a session with a pinned A, and with its colour map
    and lines' options, exports as the window shows it."""
    from model.config import ModelConfig
    from model.session import Session, ViewSettings, load_session, save_session

    ok(run_cli("--save-session", tmp_path / "a.json"))
    a = load_session(tmp_path / "a.json")
    masked = Session(a.text, ModelConfig(mask_padding=True), pinned=a)
    save_session(masked, tmp_path / "b.json")
    ok(run_cli("--session", tmp_path / "b.json", "--export", tmp_path / "c.svg"))
    assert {"A (pinned)", "B (now)", "B − A"} <= set(svg_texts(tmp_path / "c.svg"))
    lines = Session(a.text, view=ViewSettings(kind="lines", line_top_k=1, sentence=1))
    save_session(lines, tmp_path / "l.json")
    ok(run_cli("--session", tmp_path / "l.json", "--export", tmp_path / "l.svg"))
    assert "Sentence 1: “eu gosto de batata frita”" in svg_texts(tmp_path / "l.svg")


def test_a_sentence_drawn_alone_stops_at_its_last_word_unless_padding_is_shown(tmp_path):
    ok(run_cli("--sentence-index", "2", "--export", tmp_path / "own.svg"))
    ok(run_cli("--sentence-index", "2", "--padding", "shown", "--export", tmp_path / "pad.svg"))
    own, padded = svg_texts(tmp_path / "own.svg"), svg_texts(tmp_path / "pad.svg")
    assert "1 elefantes" in own and not any("<pad>" in text for text in own)
    assert any("<pad>" in text for text in padded)
