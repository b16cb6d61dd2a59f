"""The heads on the command line: ``--head-scores``, ``--evaluate`` and ``--ablate``, as a
user runs them (through ``main.main`` in this process)."""

import json
import re

import numpy as np
import pytest

from conftest import run_cli
from model.config import ModelConfig
from model.pipeline import run_pipeline
from model.session import load_session
from model.training.loop import train_network
from model.training.settings import TrainSettings
from resources import example_session_path

PRESET = str(example_session_path("inducao"))
SENTENCES = ("o gato preto subiu no muro", "um dois três um dois três")
# Three layers of two heads: a table numbered head-major would put its rows elsewhere.
SMALL = dict(embedding_size=8, cell="none", attention="transformer", heads=2, layers=3)
SMALL_FLAGS = (
    *("--sentence", SENTENCES[0], "--sentence", SENTENCES[1]),
    *("--attention", "transformer", "--layers", "3", "--heads", "2"),
    *("--embedding-size", "8", "--cell", "none", "--causal"),
)
HEADER = "layer\thead\tprevious\tfirst\tduplicate\tinduction"
NUMBER = r"(?:[01]\.[0-9]{4}|nan)"
EVALUATION = re.compile(r"loss [0-9]+\.[0-9]{4} accuracy [01]\.[0-9]{4}")


def ok(proc) -> str:
    assert proc.returncode == 0, proc.stderr.decode()
    return proc.stdout.decode()


def table(text: str) -> list[list[str]]:
    lines = text.splitlines()
    assert lines[0] == HEADER
    rows = [line.split("\t") for line in lines[1:]]
    for line in lines[1:]:
        assert re.fullmatch(rf"[0-9]+\t[0-9]+(\t{NUMBER}){{4}}", line), line
    return rows


def evaluation(text: str) -> str:
    line = text.strip().splitlines()[-1]
    assert EVALUATION.fullmatch(line), line
    return line


def score_line(score) -> str:
    return f"loss {score.loss:.4f} accuracy {score.accuracy:.4f}"


def test_head_scores_are_a_tab_separated_line_per_head_numbered_as_head_counts_maps(tmp_path):
    saved = tmp_path / "s.json"
    out = ok(run_cli(*SMALL_FLAGS, "--head-scores", "--layer", "2", "--head", "1",
                     "--save-session", saved))  # fmt: skip
    rows = table(out)
    assert len(rows) == 3 * 2 and len(out.splitlines()) == 1 + 6  # nothing else said
    expected = run_pipeline("\n".join(SENTENCES), ModelConfig(causal=True, **SMALL)).probe_scores
    for m, row in enumerate(rows):  # map m is head m % h of layer m // h
        assert (int(row[0]), int(row[1])) == divmod(m, 2)
        assert row[2:] == [f"{value:.4f}" for value in expected[m]]
    # --layer 2 --head 1 is map 5, the table's "2 1" line, as a plain --head 5 is
    assert json.loads(saved.read_text(encoding="utf-8"))["view"]["head"] == 5
    again = tmp_path / "again.json"
    ok(run_cli(*SMALL_FLAGS, "--head", "5", "--save-session", again))
    assert json.loads(again.read_text(encoding="utf-8"))["view"]["head"] == 5
    # switching head 1.0 off leaves the maps of layers 0 and 1 alone and changes layer 2's
    off = table(ok(run_cli(*SMALL_FLAGS, "--ablate", "1.0", "--head-scores")))
    assert off[:4] == rows[:4]
    assert off[4][2:] != rows[4][2:] and off[5][2:] != rows[5][2:]


def test_evaluate_prints_loss_and_accuracy_and_without_steps_the_untrained_figure():
    line = evaluation(
        ok(run_cli("--session", PRESET, "--train", "induction", "--train-steps", "0", "--evaluate"))
    )
    assert line == evaluation(
        ok(run_cli("--session", PRESET, "--train-steps", "0", "--ablate", "none", "--evaluate"))
    )
    session = load_session(PRESET)
    untrained = TrainSettings("induction", 0, session.training.learning_rate)
    _, result = train_network(session.text, session.config, untrained)
    assert line == score_line(result.training.evaluation.score)
    accuracy = float(line.split()[-1])
    assert accuracy < 0.2  # an untrained model guesses among the preset's words
    # --train induction on other sentences: the task, with the causal mask it needs
    proc = run_cli(*SMALL_FLAGS[:4], "--attention", "transformer", "--cell", "none",
                   "--train", "induction", "--train-steps", "0", "--evaluate")  # fmt: skip
    assert len(ok(proc).splitlines()) == 1
    evaluation(proc.stdout.decode())
    assert "causal mask is now on" in proc.stderr.decode()


def test_ablate_changes_the_evaluation_and_is_saved_and_read_back(tmp_path):
    base = ("--session", PRESET, "--train-steps", "0", "--evaluate")
    every_head = evaluation(ok(run_cli(*base)))
    saved = tmp_path / "off.json"
    off = evaluation(ok(run_cli(*base, "--ablate", "1.1,1.0", "--save-session", saved)))
    assert off != every_head
    assert json.loads(saved.read_text(encoding="utf-8"))["model"]["ablated"] == [[1, 0], [1, 1]]
    assert evaluation(ok(run_cli("--session", saved, "--evaluate"))) == off
    assert evaluation(ok(run_cli("--session", saved, "--ablate", "none", "--evaluate"))) == (
        every_head
    )
    one = evaluation(ok(run_cli("--session", saved, "--ablate", "0.0", "--evaluate")))
    assert one not in (off, every_head)


SHORT = ("--sentence", "um dois três", "--attention", "transformer", "--cell", "none")
FOUR = ("--sentence", "um dois três quatro")
ON_PRESET = ("--session", PRESET, "--train-steps", "0", "--evaluate")

BAD = {
    "no such layer": (
        (*ON_PRESET, "--ablate", "5.0"),
        "there is no head 5.0: layers go from 0 to 1",
        "não existe a cabeça 5.0: as camadas vão de 0 a 1",
    ),
    "no such head": (
        (*ON_PRESET, "--ablate", "0.9"),
        "there is no head 0.9",
        "não existe a cabeça 0.9",
    ),
    "a head twice": (
        (*ON_PRESET, "--ablate", "1.0,1.0"),
        "--ablate: head 1.0 is given twice",
        "--ablate: a cabeça 1.0 aparece duas vezes",
    ),
    "not layer.head": (
        (*ON_PRESET, "--ablate", "1-0"),
        "--ablate takes heads as layer.head",
        "--ablate recebe cabeças como camada.cabeça",
    ),
    "ablate without heads": (
        (*FOUR, "--attention", "linear", "--ablate", "0.0"),
        "linear attention has a single map",
        "a atenção linear tem um único mapa",
    ),
    "scores without heads": (
        (*FOUR, "--attention", "linear", "--head-scores"),
        "--head-scores scores each head, and linear attention has none",
        "--head-scores pontua cada cabeça, e a atenção linear não tem cabeças",
    ),
    "scores on short sentences": (
        (*SHORT, "--head-scores"),
        "at least 4 words",
        "pelo menos 4 palavras",
    ),
    "evaluate without a task": (
        (*FOUR, "--attention", "transformer", "--evaluate"),
        "--evaluate measures a training task",
        "--evaluate mede uma tarefa de treino",
    ),
}


@pytest.mark.parametrize("language", ["en", "pt"])
@pytest.mark.parametrize("case", list(BAD))
def test_bad_heads_input_exits_2_with_one_line_and_writes_nothing(tmp_path, case, language):
    args, english, portuguese = BAD[case]
    out = tmp_path / "out.json"
    proc = run_cli(*args, "--lang", language, "--save-session", out)
    lines = proc.stderr.decode().strip().splitlines()
    assert proc.returncode == 2, proc.stderr.decode()
    assert len(lines) == 1 and "Traceback" not in proc.stderr.decode()
    prefix, message = ("error: ", english) if language == "en" else ("erro: ", portuguese)
    assert lines[0].startswith(prefix) and message in lines[0], lines[0]
    assert proc.stdout == b""
    assert not out.exists() and list(tmp_path.iterdir()) == []


def test_head_scores_of_multihead_attention_are_its_one_layers_heads():
    proc = run_cli(*FOUR, "--attention", "multihead", "--heads", "4", "--hidden-size", "8",
                   "--head-scores")  # fmt: skip
    rows = table(ok(proc))
    assert [(int(r[0]), int(r[1])) for r in rows] == [(0, 0), (0, 1), (0, 2), (0, 3)]
    assert all(np.isfinite(float(v)) for r in rows for v in r[2:])  # the probe repeats words
