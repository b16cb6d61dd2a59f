"""Multi-head attention, the cell-free encoder and causal masks match their oracles.

At temperature 1 the oracle is ``torch.nn.MultiheadAttention``'s own forward; at other
temperatures it is computed by hand from that module's weights (design notes, part 2).
"""

import itertools

import numpy as np
import pytest

from model.config import ModelConfig
from model.errors import InputError
from model.pipeline import run_pipeline
from oracle import multihead

PADDED = "o mikas ta ali\neu gosto de batata frita\nexistem elefantes\n"
UNPADDED = "the cat sat down\na dog ran off\nwe all go home\n"

CASES = list(
    itertools.product(
        ("rnn", "gru", "lstm", "none"), (1, 2, 4), (False, True), (False, True), (1.0, 0.4)
    )
)


@pytest.mark.parametrize("cell, heads, causal, mask, temperature", CASES)
def test_multihead_matches_torch_multihead_attention(cell, heads, causal, mask, temperature):
    for text, seed, emb, hid in ((PADDED, 3, 8, 4), (UNPADDED, 11, 12, 8)):
        config = ModelConfig(
            seed=seed,
            embedding_size=emb,
            hidden_size=hid,
            cell=cell,
            attention="multihead",
            heads=heads,
            causal=causal,
            mask_padding=mask,
            temperature=temperature,
        )
        result = run_pipeline(text, config)
        left_out = ("attention", "layers", "ablated")
        expected = multihead(
            text, **{k: v for k, v in config.to_dict().items() if k not in left_out}
        )
        stages = ("token_ids", "inputs", "positions", "encoded", "rnn_output", "queries", "keys")
        for key in (*stages, "values", "attention"):
            if key in expected:
                np.testing.assert_allclose(
                    result.stage(key).values, expected[key], atol=1e-5, err_msg=key
                )
        real = ~result.padding_mask  # padding query rows are zeroed only by us
        np.testing.assert_allclose(
            result.stage("output").values[real], expected["output"][real], atol=1e-5
        )
        d = config.width
        assert result.stage("queries").shape == (3, heads, result.max_length, d // heads)
        assert result.stage("context").shape == (3, result.max_length, d)


def test_hand_computed_oracle_agrees_with_torch_at_temperature_one():
    kwargs = dict(cell="none", heads=2, causal=True, mask_padding=True)
    torch_way, by_hand = multihead(PADDED, **kwargs), multihead(PADDED, by_hand=True, **kwargs)
    np.testing.assert_allclose(torch_way["attention"], by_hand["attention"], atol=1e-6)


@pytest.mark.parametrize("attention", ["linear", "dot", "multihead"])
@pytest.mark.parametrize("mask", [False, True])
def test_causal_weights_above_the_diagonal_are_exactly_zero(attention, mask):
    config = ModelConfig(attention=attention, causal=True, mask_padding=mask, heads=4)
    result = run_pipeline(PADDED, config)
    maps = result.attention_maps
    length = result.max_length
    above = np.triu(np.ones((length, length), dtype=bool), 1)
    assert np.all(maps[:, :, above] == 0.0)
    sums = maps.sum(axis=-1)
    real = ~result.padding_mask[:, None, :].repeat(maps.shape[1], axis=1)
    np.testing.assert_allclose(sums[real] if mask else sums, 1.0, atol=1e-6)


def test_notebook_modes_are_unchanged_by_the_new_settings():
    plain = run_pipeline(PADDED)
    with_heads = run_pipeline(PADDED, ModelConfig(heads=4))
    np.testing.assert_array_equal(plain.attention, with_heads.attention)


def test_heads_must_divide_the_encoder_width():
    with pytest.raises(InputError) as caught:
        ModelConfig(attention="multihead", hidden_size=6, heads=4)
    assert caught.value.code == "heads_do_not_divide"
    assert "d = H = 6" in str(caught.value)
    ModelConfig(attention="multihead", cell="none", embedding_size=8, hidden_size=6, heads=4)


def test_cell_none_adds_positions_and_the_stages_follow_the_mode():
    result = run_pipeline(PADDED, ModelConfig(cell="none", attention="multihead"))
    assert result.keys == (
        "token_ids",
        "embeddings",
        "inputs",
        "positions",
        "encoded",
        "queries",
        "keys",
        "values",
        "scores",
        "attention",
        "context",
        "output",
    )
    positions = result.stage("positions").values
    assert positions.shape == (5, 10)
    np.testing.assert_allclose(positions[0, ::2], 0.0)  # sin(0)
    np.testing.assert_allclose(positions[0, 1::2], 1.0)  # cos(0)
    assert result.stage("attention").dims == ("sentence", "head", "query_position", "key_position")
    assert result.attention_maps.shape == (3, 2, 5, 5) and result.key_axis == "token"
    assert run_pipeline(PADDED).key_axis == "position"
