"""From one layer to a tiny GPT on the command line: --generate and its sampling flags,
--layer for figures and --explain, --train next and the causal mask, the transformer's
tensors and sessions."""

import json

import numpy as np
import pytest

from conftest import run_cli
from model.session import load_session
from model.tokenizer import split_sentences
from resources import example_session_path

PRESET = str(example_session_path())
TINY = ("--sentence", "o gato come peixe", "--sentence", "a vaca come capim")
GPT = (*TINY, "--cell", "none", "--embedding-size", "8", "--attention", "transformer")
BLOCK_STAGES = ("normed", "queries", "keys", "values", "scores", "attention", "context")
BLOCK_STAGES += ("residual", "ff_hidden", "block_output")


def ok(proc) -> tuple[str, str]:
    assert proc.returncode == 0, proc.stderr.decode()
    return proc.stdout.decode(), proc.stderr.decode()


@pytest.mark.slow
@pytest.mark.parametrize("sentence", [0, 9, 19])
def test_the_trained_preset_writes_each_sentence_from_its_first_two_words(sentence):
    words = split_sentences(load_session(PRESET).text)[sentence]
    prompt = " ".join(words[:2])
    out, err = ok(
        run_cli("--session", PRESET, "--train", "next", "--train-steps", "600",
                "--generate", prompt, "--words", "6", "--sample-temperature", "0")
    )  # fmt: skip
    assert out == " ".join(words) + "\n"
    assert err == ""  # trained, and causal already: nothing to say


def test_generating_from_random_weights_says_so_in_the_interface_language():
    out, err = ok(run_cli(*GPT, "--generate", "o gato", "--words", "3"))
    words = out.split()
    assert out.count("\n") == 1 and words[:2] == ["o", "gato"] and 2 < len(words) <= 5
    assert err.startswith("note: no training was asked for") and err.count("\n") == 1
    _, err = ok(run_cli(*GPT, "--generate", "o gato", "--words", "3", "--lang", "pt"))
    assert err.startswith("nota: nenhum treino foi pedido")


def test_sampling_is_the_same_for_a_seed_and_writes_beside_other_outputs(tmp_path):
    flags = (*GPT, "--generate", "a", "--words", "12", "--sample-temperature", "2.5")
    once = ok(run_cli(*flags, "--sample-seed", "4", "--export-tensors", tmp_path / "t.npz"))[0]
    again = ok(run_cli(*flags, "--sample-seed", "4"))[0]
    assert once == again and (tmp_path / "t.npz").exists()
    others = {ok(run_cli(*flags, "--sample-seed", str(seed)))[0] for seed in range(6)}
    assert len(others) > 1  # the seed matters at a high temperature
    greedy = ok(run_cli(*GPT, "--generate", "a", "--words", "12"))[0]
    assert ok(run_cli(*flags, "--top-k", "1", "--sample-seed", "3"))[0] == greedy


def test_train_next_turns_the_causal_mask_on_says_why_and_saves_it(tmp_path):
    session = tmp_path / "s.json"
    _, err = ok(run_cli(*GPT, "--train", "next", "--train-steps", "5", "--save-session", session))
    assert err == (
        "note: the causal mask is now on, and saved so: in the “next” task a word must not "
        "see the word it is to predict\n"
    )
    saved = json.loads(session.read_text(encoding="utf-8"))
    assert saved["model"]["causal"] is True and saved["model"]["layers"] == 2
    assert saved["model"]["attention"] == "transformer" and saved["training"]["task"] == "next"
    assert load_session(session).config.layers == 2  # and it opens again
    _, err = ok(run_cli("--session", session, "--export-tensors", tmp_path / "t.npz"))
    assert err == ""


def test_the_transformers_tensors_have_a_layer_axis_and_no_expected_weight_for_next(tmp_path):
    out = tmp_path / "t.npz"
    ok(run_cli(*GPT, "--layers", "3", "--heads", "2", "--train", "next", "--train-steps", "4",
               "--export-tensors", out))  # fmt: skip
    with np.load(out) as data:
        keys = set(data.files)
        batch, length = data["token_ids"].shape
        vocab = len(data["vocabulary"])
        assert data["attention"].shape == (batch, 3, 2, length, length)
        assert data["block_output"].shape == (batch, 3, length, 8)
        assert data["queries"].shape == (batch, 3, 2, length, 4)
        assert data["ff_hidden"].shape == (batch, 3, length, 32)
        assert data["final_norm"].shape == (batch, length, 8)
        assert data["logits"].shape == data["next_word"].shape == (batch, length, vocab)
        assert data["train_loss"].shape == data["train_accuracy"].shape == (4,)
    assert set(BLOCK_STAGES) <= keys and {"positions", "encoded"} <= keys
    assert "train_expected_weight" not in keys and "rnn_output" not in keys


def test_layer_and_head_pick_one_map_for_the_figure_and_the_explanation(tmp_path):
    flags = (*GPT, "--layers", "3", "--heads", "2", "--causal")
    tensors, session = tmp_path / "t.npz", tmp_path / "s.json"
    out, _ = ok(run_cli(*flags, "--layer", "2", "--head", "1", "--explain", "1,2,1",
                        "--export", tmp_path / "f.svg", "--save-session", session,
                        "--export-tensors", tensors))  # fmt: skip
    weight = f"{np.load(tensors)['attention'][1, 2, 1, 2, 1]:.6f}".rstrip("0")
    assert f"the heatmap shows {weight}" in out  # layer 2's head 1: map 2 × 2 + 1
    assert json.loads(session.read_text(encoding="utf-8"))["view"]["head"] == 5
    same, _ = ok(run_cli(*flags, "--head", "5", "--explain", "1,2,1"))  # the map's own number
    assert same == out
    first, _ = ok(run_cli(*flags, "--layer", "1", "--explain", "1,2,1"))  # head 0 of layer 1
    weight = f"{np.load(tensors)['attention'][1, 1, 0, 2, 1]:.6f}".rstrip("0")
    assert f"the heatmap shows {weight}" in first
    ok(run_cli(*flags, "--layer", "all", "--export", tmp_path / "all.png"))
    assert (tmp_path / "all.png").stat().st_size > 0


def test_layer_alone_draws_that_layers_heads_in_a_row(tmp_path):
    flags = (*GPT, "--layers", "3", "--heads", "2", "--causal", "--sentence-index", "0")
    session = tmp_path / "s.json"
    ok(run_cli(*flags, "--layer", "1", "--export", tmp_path / "f.svg", "--save-session", session))
    drawing = (tmp_path / "f.svg").read_text(encoding="utf-8")
    assert "layer 1 · head 0" in drawing and "layer 1 · head 1" in drawing
    assert "layer 0 · head" not in drawing and "layer 2 · head" not in drawing
    view = json.loads(session.read_text(encoding="utf-8"))["view"]
    assert (view["head"], view["layer"]) == (-1, 1)  # the session opens on the same maps


def test_a_stage_of_a_layer_is_exported_as_csv_for_the_map_on_view():
    from model.config import ModelConfig
    from model.outputs import stage_csv
    from model.pipeline import run_pipeline
    from model.session import Session, ViewSettings

    config = ModelConfig(cell="none", embedding_size=8, attention="transformer", layers=2)
    session = Session("o gato come\na vaca", config, ViewSettings(sentence=1, head=3))
    result = run_pipeline(session.text, config)
    rows = [line.split(",") for line in stage_csv(result, "queries", session).splitlines()]
    assert rows[0][1:] == ["0", "1", "2", "3"]  # a head's features
    assert rows[1][0] == "0 a" and rows[3][0] == "2 <pad>"
    values = np.array([[float(v) for v in row[1:]] for row in rows[1:]])
    np.testing.assert_array_equal(values, result.stage("queries").values[1, 1, 1])
    normed = stage_csv(result, "normed", session).splitlines()
    assert len(normed[0].split(",")) == 9  # layer 1's normalised stream: d = 8 features
    logits = stage_csv(result, "logits", session).splitlines()
    assert logits[0].startswith(",0 <pad>,1 o,2 gato")


def test_help_documents_every_new_flag():
    out, _ = ok(run_cli("--help"))
    for flag in ("--layers", "--layer", "--generate", "--words", "--sample-temperature",
                 "--top-k", "--sample-seed", "next"):  # fmt: skip
        assert flag in out, flag
    assert "transformer" in out
