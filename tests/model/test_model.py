"""Tokenizer, configuration, limits and the stage metadata the GUI shows."""

import numpy as np
import pytest

from model.config import MAX_SIZE, ModelConfig, check_input_size
from model.errors import InputError, describe
from model.export import save_npz
from model.pipeline import Cancelled, run_pipeline
from model.tokenizer import encode, split_sentences


def test_tokens_split_on_whitespace_only_and_keep_case():
    assert split_sentences("Olá, mundo!\n\n  eu  GOSTO\tde\n") == [
        ["Olá,", "mundo!"],
        ["eu", "GOSTO", "de"],
    ]


@pytest.mark.parametrize("text", ["", "\n\n", "   \t \n \u3000\n"])
def test_blank_text_is_refused_with_a_message(text):
    with pytest.raises(ValueError, match="no sentences"):
        split_sentences(text)


def test_unpaired_surrogate_is_refused_naming_the_line():
    with pytest.raises(ValueError, match="line 2"):
        split_sentences("ok\nbad \udcff here\n")


def test_ids_by_first_appearance_with_counts():
    vocabulary, ids = encode([["b", "a", "b"], ["c"]])
    assert vocabulary.tokens == ("<pad>", "b", "a", "c")
    assert vocabulary.counts == (2, 2, 1, 1)  # two padding cells in the second row
    np.testing.assert_array_equal(ids, [[1, 2, 1], [3, 0, 0]])
    assert ids.dtype == np.int64


@pytest.mark.parametrize(
    "field, value",
    [
        ("seed", -1),
        ("seed", 2**31),
        ("seed", 1.5),
        ("embedding_size", 0),
        ("embedding_size", MAX_SIZE + 1),
        ("hidden_size", True),
        ("hidden_size", "4"),
        ("cell", "transformer"),
        ("heads", 0),
        ("causal", 1),
        ("nonlinearity", "sigmoid"),
        ("attention", "additive"),
        ("mask_padding", "yes"),
        ("temperature", 0.0),
        ("temperature", float("inf")),
        ("temperature", float("nan")),
        ("temperature", 1e6),
    ],
)
def test_invalid_settings_raise_an_input_error_naming_the_field(field, value):
    with pytest.raises(InputError) as caught:
        ModelConfig(**{field: value})
    assert caught.value.values["field"] == field
    english, portuguese = describe(caught.value, "en"), describe(caught.value, "pt")
    assert english != portuguese and len(english.splitlines()) == 1


def test_config_round_trips_through_a_dict_and_rejects_unknown_keys():
    config = ModelConfig(seed=3, cell="gru", temperature=2.0)
    assert ModelConfig.from_dict(config.to_dict()) == config
    with pytest.raises(InputError, match="colour"):
        ModelConfig.from_dict({"seed": 1, "colour": "red"})


def test_largest_documented_input_is_accepted_and_beyond_it_refused():
    big = ModelConfig(embedding_size=1024, hidden_size=1024)
    check_input_size(512, 256, big)  # must work
    with pytest.raises(ValueError, match="input too large"):
        check_input_size(513, 256, big)
    with pytest.raises(ValueError, match="too many sentences"):
        check_input_size(100_000, 1, ModelConfig())
    with pytest.raises(ValueError, match="sentence too long"):
        check_input_size(1, 5000, ModelConfig())


def test_oversized_text_gets_a_message_not_a_crash():
    text = "\n".join(["palavra"] * 5000)
    with pytest.raises(ValueError, match="too many sentences"):
        run_pipeline(text)


def test_each_stage_names_its_dimensions_and_code():
    result = run_pipeline("o mikas\neu", ModelConfig(seed=7, embedding_size=6, hidden_size=3))
    dims = {stage.key: stage.dims for stage in result.stages}
    assert dims["inputs"] == ("sentence", "position", "feature")
    assert dims["rnn_output"] == ("sentence", "position", "hidden_unit")
    assert dims["attention"] == ("sentence", "query_position", "key_position")
    code = {stage.key: stage.code for stage in result.stages}
    assert "RandomState(7)" in code["embeddings"]
    assert "random_sample((4, 6))" in code["embeddings"]
    assert "torch.nn.RNN(input_size=6, hidden_size=3, batch_first=True)" in code["rnn_output"]
    assert "torch.nn.Linear(3, 2, bias=False)" in code["scores"]
    for stage in result.stages:
        assert len(stage.dims) == stage.values.ndim
        assert not stage.values.flags.writeable


def test_code_follows_the_modes():
    config = ModelConfig(cell="lstm", attention="dot", mask_padding=True, temperature=0.5)
    result = run_pipeline("a b\nc", config)
    assert "torch.nn.LSTM(" in result.stage("rnn_output").code
    assert "transpose(1, 2) / math.sqrt(4)" in result.stage("scores").code
    assert "scores / 0.5" in result.stage("attention").code
    assert "masked_fill" in result.stage("attention").code
    assert result.stage("scores").explanation == "scores.dot"
    assert result.stage("attention").explanation == "attention.masked"


def test_stage_code_runs_and_reproduces_the_numbers():
    # The code shown beside each stage is real: run in order, it gives the same tensors.
    for config in (
        ModelConfig(),
        ModelConfig(cell="gru", attention="dot", mask_padding=True, temperature=0.7, seed=11),
    ):
        result = run_pipeline("o mikas ta ali\neu gosto de batata frita\nexistem elefantes", config)
        import math

        import torch

        namespace = {"torch": torch, "np": np, "math": math, "ids": result.token_ids.tolist()}
        for stage in result.stages:
            exec(stage.code, namespace)
            produced = namespace[stage.key]
            np.testing.assert_allclose(produced.detach().numpy(), stage.values, atol=1e-6)


def test_position_labels_pad_short_sentences():
    result = run_pipeline("o mikas ta\nexistem")
    assert result.position_labels(1) == ["existem", "<pad>", "<pad>"]
    np.testing.assert_array_equal(result.padding_mask, [[False] * 3, [False, True, True]])


def test_a_cancelled_run_stops():
    with pytest.raises(Cancelled):
        run_pipeline("a b c", cancelled=lambda: True)


def test_npz_holds_every_stage_with_the_documented_keys_and_types(tmp_path):
    result = run_pipeline("o mikas ta ali\nexistem elefantes")
    path = tmp_path / "out.npz"
    save_npz(result, path)
    with np.load(path) as data:
        assert sorted(data.files) == sorted(
            ["token_ids", "vocabulary", "embeddings", "inputs", "rnn_output", "scores", "attention"]
        )
        assert data["token_ids"].dtype == np.int64
        assert data["embeddings"].dtype == np.float32
        assert list(data["vocabulary"]) == [
            "<pad>",
            "o",
            "mikas",
            "ta",
            "ali",
            "existem",
            "elefantes",
        ]
        np.testing.assert_array_equal(data["attention"], result.attention)
    assert [p.name for p in tmp_path.iterdir()] == ["out.npz"]
