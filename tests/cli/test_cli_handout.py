"""The handout on the command line: ``--export-handout``, ``--hide`` and ``--teacher``, as a
user runs them.  (The page itself, opened in a real browser: tests/handout.)"""

import json
import re

import numpy as np
import pytest

from conftest import run_cli
from model.exercises import map_score, one_hot, row_scores

MULTIHEAD = ("--attention", "multihead", "--heads", "2")
TRANSFORMER = ("--attention", "transformer", "--layers", "2", "--heads", "2", "--cell", "none")


def page_data(path) -> dict:
    """The data the page draws, read back from the file as the page's script reads it."""
    text = path.read_text(encoding="utf-8")
    found = re.search(
        r'<script type="application/json" id="handout-data">(.*?)</script>', text, re.S
    )
    return json.loads(found[1])


def test_the_handout_is_one_page_in_the_interface_language(tmp_path):
    page = tmp_path / "aula.html"
    proc = run_cli("--export-handout", page, "--lang", "pt")
    assert proc.returncode == 0, proc.stderr.decode()
    data = page_data(page)
    assert data["language"] == "pt"
    assert data["sentences"] == ["o mikas ta ali", "eu gosto de batata frita", "existem elefantes"]
    assert '<html lang="pt">' in page.read_text(encoding="utf-8")
    assert not [m for m in data["maps"] if m["hidden"]]


def test_hide_takes_sentences_maps_and_layer_heads(tmp_path):
    page = tmp_path / "h.html"
    hides = ("--hide", "0", "--hide", "1:3", "--hide", "2:0.1")
    proc = run_cli(*TRANSFORMER, "--export-handout", page, *hides)
    assert proc.returncode == 0, proc.stderr.decode()
    hidden = {(m["sentence"], m["map"]) for m in page_data(page)["maps"] if m["hidden"]}
    assert hidden == {(0, 0), (0, 1), (0, 2), (0, 3), (1, 3), (2, 1)}


def test_a_hidden_maps_answer_is_sealed_and_the_teachers_copy_shows_it(tmp_path):
    student, teacher, tensors = tmp_path / "s.html", tmp_path / "t.html", tmp_path / "t.npz"
    assert run_cli(*MULTIHEAD, "--export-handout", student, "--hide", "1:1").returncode == 0
    proc = run_cli(*MULTIHEAD, "--export-handout", teacher, "--hide", "1:1", "--teacher",
                   "--export-tensors", tensors)  # fmt: skip
    assert proc.returncode == 0, proc.stderr.decode()
    sealed = next(m for m in page_data(student)["maps"] if m["hidden"])
    assert "answer" not in sealed and sealed["sealed"]
    shown = next(m for m in page_data(teacher)["maps"] if m["hidden"])
    weights = np.load(tensors)["attention"][1, 1]
    assert shown["answer"]["argmax"] == weights.argmax(axis=1).tolist()
    # The weights as the readout writes them appear nowhere in the student's page.
    text = student.read_text(encoding="utf-8")
    assert not [w for w in weights[: shown["length"]].ravel() if f"{w:.6f}" in text]


@pytest.mark.parametrize(
    "args, message",
    [
        (("--hide", "0"), "--hide and --teacher go with --export-handout"),
        (("--teacher",), "--hide and --teacher go with --export-handout"),
        (("--hide", "3"), "no such sentence; the sentences are 0 to 2"),
        (("--hide", "0:2", *MULTIHEAD), "no such map; the maps are 0 to 1"),
        (("--hide", "0:2.0", *TRANSFORMER), "the layers are 0 to 1 and the heads 0 to 1"),
        (("--hide", "0:1"), "no such map; the maps are 0 to 0"),
        (("--hide", "one"), "--hide takes a sentence S, S:H"),
        (("--hide", "-1"), "--hide takes a sentence S, S:H"),
        (("--hide", "١"), "--hide takes a sentence S, S:H"),  # an Arabic-Indic one
        (("--hide", "99999999"), "no such sentence; the sentences are 0 to 2"),
        (("--teacher",), "say which maps start hidden with --hide"),
    ],
)
def test_hide_mistakes_exit_2_and_write_nothing(tmp_path, args, message):
    page = tmp_path / "h.html"
    alone = "go with" in message  # the flags without --export-handout
    proc = run_cli(*args) if alone else run_cli(*args, "--export-handout", page)
    assert proc.returncode == 2
    assert message in proc.stderr.decode()
    assert not page.exists()


def test_the_handout_takes_only_web_pages(tmp_path):
    proc = run_cli("--export-handout", tmp_path / "h.pdf")
    assert proc.returncode == 2
    assert "--export-handout writes .html / .htm files" in proc.stderr.decode()


def test_a_guess_scores_the_rows_it_answers_with_partial_credit_for_a_spread():
    truth = np.array([[0.7, 0.3, 0.0], [0.2, 0.2, 0.6], [0.5, 0.5, 0.0]])
    # Row 0 right, row 1 unanswered (0), row 2 all on a key the model gives nothing.
    assert row_scores(one_hot([0, None, 2], 3), truth).tolist() == pytest.approx([0.7, 0, 0])
    # Half on each of the first two keys: 1 − ½(0.2 + 0.2 + 0) = 0.8, partial credit.
    assert row_scores(np.array([[1.0, 1.0, 0.0]]), truth[:1]).tolist() == pytest.approx([0.8])
    # The mean over the real rows only: a padding row (the third) is not asked.
    assert map_score(one_hot([0, 2, 1], 3), truth, length=2) == pytest.approx((0.7 + 0.6) / 2)
    assert map_score(truth, truth, length=3) == pytest.approx(1.0)


def test_a_session_too_big_for_a_page_is_refused_before_any_work(tmp_path):
    page, words = tmp_path / "h.html", " ".join(f"w{i}" for i in range(800))
    proc = run_cli("--sentence", words, "--sentence", words, "--sentence", words,
                   *MULTIHEAD, "--train", "previous", "--export-handout", page)  # fmt: skip
    assert proc.returncode == 2
    assert "too big for a handout: 3,840,000 heatmap cells" in proc.stderr.decode()
    assert not page.exists()
