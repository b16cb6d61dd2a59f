"""The model reproduces the notebook's numbers (the parity contract) to 1e-5."""

import itertools

import numpy as np
import pytest
import torch

from model.config import ModelConfig
from model.pipeline import run_pipeline
from oracle import notebook

NOTEBOOK = "o mikas ta ali\neu gosto de batata frita\nexistem elefantes\n"

TEXTS = {
    "notebook": NOTEBOOK,
    "equal lengths, no padding": "the cat sat\na dog ran\nwe all go\n",
    "repeated words": "a a a b\nb a\na\n",
    "accents and non-Latin": "ação é café\n日本語 テキスト\nπ ≈ 3.14 Ωμέγα\nпривет мир\n",
    "punctuation attached": 'Olá, mundo!\n(eu) gosto... de batata-frita.\n"sim" não?\n',
    "one word": "palavra\n",
    "case-sensitive": "Casa casa CASA\ncasa\n",
    "blank lines and odd spacing": "\n\n  o   mikas\t ta \n\n\n existem\u00a0elefantes  \n\n",
    "crlf line ends": "eu gosto\r\nde batata frita\r\n",
    "100 sentences": "\n".join(
        " ".join(f"w{(i * 7 + j * 3) % 37}" for j in range(1 + i % 9)) for i in range(100)
    ),
}


def assert_matches_oracle(text, config):
    result = run_pipeline(text, config)
    settings = config.to_dict()
    assert not settings.pop("causal") and settings.pop("attention") in ("linear", "dot")
    settings.pop("heads")
    settings.pop("layers")
    assert settings.pop("ablated") == ()
    expected = notebook(text, attention=config.attention, **settings)
    assert list(result.vocabulary.tokens) == expected["vocabulary"]
    for stage in result.stages:
        want = expected[stage.key]
        assert stage.values.shape == want.shape, stage.key
        assert stage.values.dtype == want.dtype, stage.key
        np.testing.assert_allclose(stage.values, want, rtol=0, atol=1e-5, err_msg=stage.key)


@pytest.mark.parametrize("text", TEXTS.values(), ids=TEXTS.keys())
def test_notebook_settings_match_oracle(text):
    assert_matches_oracle(text, ModelConfig())


@pytest.mark.parametrize(
    "seed, embedding_size, hidden_size",
    [(1, 10, 4), (42, 3, 7), (2**31 - 1, 16, 2), (7, 1, 1), (123, 64, 32)],
)
def test_other_seeds_and_sizes_match_oracle(seed, embedding_size, hidden_size):
    config = ModelConfig(seed=seed, embedding_size=embedding_size, hidden_size=hidden_size)
    assert_matches_oracle(NOTEBOOK, config)
    assert_matches_oracle(TEXTS["accents and non-Latin"], config)


MODES = list(
    itertools.product(("rnn", "gru", "lstm"), ("linear", "dot"), (False, True), (0.25, 1.0, 3.0))
)


@pytest.mark.parametrize("cell, attention, mask, temperature", MODES)
def test_every_mode_matches_oracle(cell, attention, mask, temperature):
    config = ModelConfig(
        seed=5, cell=cell, attention=attention, mask_padding=mask, temperature=temperature
    )
    assert_matches_oracle(NOTEBOOK, config)
    assert_matches_oracle(TEXTS["repeated words"], config)


def test_relu_rnn_matches_oracle():
    assert_matches_oracle(NOTEBOOK, ModelConfig(nonlinearity="relu", seed=3))


def test_notebook_shapes():
    result = run_pipeline(NOTEBOOK)
    shapes = [stage.shape for stage in result.stages]
    assert shapes == [(3, 5), (12, 10), (3, 5, 10), (3, 5, 4), (3, 5, 5), (3, 5, 5)]
    np.testing.assert_allclose(result.attention.sum(axis=-1), 1.0, atol=1e-6)


def test_notebook_ids_are_the_notebooks_matrix():
    result = run_pipeline(NOTEBOOK)
    np.testing.assert_array_equal(
        result.token_ids, [[1, 2, 3, 4, 0], [5, 6, 7, 8, 9], [10, 11, 0, 0, 0]]
    )
    assert result.vocabulary.size == 12


def test_vocabulary_counts_pad_even_when_nothing_is_padded():
    # The notebook's len(unique(matrix)) would give 9 here and index out of range.
    result = run_pipeline(TEXTS["equal lengths, no padding"])
    assert not result.padding_mask.any()
    assert result.vocabulary.size == 10
    assert result.stage("embeddings").shape == (10, 10)


def test_masking_zeroes_padding_and_keeps_real_rows_normalised():
    result = run_pipeline(NOTEBOOK, ModelConfig(mask_padding=True))
    attention, pad = result.attention, result.padding_mask
    for b in range(result.batch_size):
        assert np.all(attention[b][:, pad[b]] == 0.0)
        assert np.all(attention[b][pad[b], :] == 0.0)
        np.testing.assert_allclose(attention[b][~pad[b]].sum(axis=-1), 1.0, atol=1e-6)


def test_without_masking_padding_receives_weight():
    # The notebook's teaching point: unmasked, padding positions get attention too.
    result = run_pipeline(NOTEBOOK)
    assert result.attention[2][:, 2:].min() > 0.01


def test_pipeline_leaves_global_rng_untouched():
    torch.manual_seed(999)
    np.random.seed(999)
    torch_before = torch.random.get_rng_state()
    numpy_before = np.random.get_state()[1].copy()
    for config in (ModelConfig(), ModelConfig(seed=4, cell="lstm", attention="dot")):
        run_pipeline(NOTEBOOK, config)
    assert torch.equal(torch.random.get_rng_state(), torch_before)
    np.testing.assert_array_equal(np.random.get_state()[1], numpy_before)


def test_same_input_gives_same_numbers_and_seed_changes_them():
    first, again = run_pipeline(NOTEBOOK), run_pipeline(NOTEBOOK)
    np.testing.assert_array_equal(first.attention, again.attention)
    other = run_pipeline(NOTEBOOK, ModelConfig(seed=1))
    assert not np.allclose(first.attention, other.attention)
