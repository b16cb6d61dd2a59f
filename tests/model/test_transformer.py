"""The transformer's stages match ``torch.nn.TransformerEncoderLayer``'s own forward.

The oracle (tests/oracle.py) builds the blocks from the design's part 3 and runs each as a
whole; the app computes every stage of a block one at a time.  They must agree to float32
rounding for every encoder, both masks, 1 to 3 layers and 1, 2 or 4 heads.
"""

import itertools
from dataclasses import replace

import numpy as np
import pytest

from model.config import ModelConfig
from model.errors import InputError
from model.pipeline import run_pipeline
from oracle import transformer

PADDED = "o mikas ta ali\neu gosto de batata frita\nexistem elefantes\n"
UNPADDED = "the cat sat down\na dog ran off\nwe all go home\n"

CASES = list(itertools.product(("rnn", "gru", "lstm", "none"), (1, 2, 3), (1, 2, 4), (False, True)))


@pytest.mark.parametrize("cell, layers, heads, causal", CASES)
def test_every_stage_matches_the_blocks_own_forward(cell, layers, heads, causal):
    for mask, (text, seed) in itertools.product((False, True), ((PADDED, 3), (UNPADDED, 11))):
        config = ModelConfig(
            seed=seed,
            embedding_size=8,
            hidden_size=8,
            cell=cell,
            attention="transformer",
            heads=heads,
            layers=layers,
            causal=causal,
            mask_padding=mask,
        )
        result = run_pipeline(text, config)
        settings = config.to_dict()
        del settings["attention"], settings["temperature"]
        expected = transformer(text, **settings)
        for key, want in expected.items():
            np.testing.assert_allclose(
                result.stage(key).values, want, atol=2e-5, err_msg=f"{key} {config}"
            )
        # Every head but the last of layer 0 switched off, and the last of the last layer:
        # the same weights, read as the oracle reads them with those heads' outputs cut.
        off = (*((0, h) for h in range(heads - 1)), (layers - 1, heads - 1))
        result = run_pipeline(text, replace(config, ablated=tuple(sorted(set(off)))))
        expected = transformer(text, **{**settings, "ablated": off})
        for key, want in expected.items():
            np.testing.assert_allclose(
                result.stage(key).values, want, atol=2e-5, err_msg=f"{key} {config}"
            )
        batch, length = result.token_ids.shape
        shapes = {
            "queries": (batch, layers, heads, length, 8 // heads),
            "attention": (batch, layers, heads, length, length),
            "ff_hidden": (batch, layers, length, 32),
            "next_word": (batch, length, result.vocabulary.size),
        }
        for key, shape in shapes.items():
            assert result.stage(key).shape == shape
        np.testing.assert_allclose(result.stage("next_word").values.sum(-1), 1.0, atol=1e-5)


def test_the_residual_stream_is_the_sum_of_what_each_part_adds():
    config = ModelConfig(cell="none", embedding_size=8, attention="transformer", layers=2)
    result = run_pipeline(PADDED, config)
    residual = result.stage("residual").values
    after = result.stage("block_output").values
    before = np.concatenate([result.stage("encoded").values[:, None], after[:, :-1]], axis=1)
    # what attention added, then what the feed-forward layer added: both are sums
    assert not np.allclose(residual, before)
    assert not np.allclose(after, residual)
    assert result.attention_maps.shape == (3, 4, 5, 5)
    np.testing.assert_array_equal(
        result.attention_maps[:, 3], result.stage("attention").values[:, 1, 1]
    )
    assert result.map_of(3) == (1, 1) and result.map_index(1, 1) == 3


def test_a_stage_table_follows_the_map_to_its_layer_and_head():
    config = ModelConfig(cell="none", embedding_size=8, attention="transformer", layers=2, heads=2)
    result = run_pipeline(PADDED, config)
    table = result.stage_table("queries", sentence=1, head=3)
    np.testing.assert_array_equal(table.values, result.stage("queries").values[1, 1, 1])
    table = result.stage_table("normed", sentence=1, head=2)
    np.testing.assert_array_equal(table.values, result.stage("normed").values[1, 1])
    logits = result.stage_table("logits", sentence=0)
    assert list(logits.columns)[:2] == ["0 <pad>", "1 o"]


@pytest.mark.parametrize(
    "settings, code",
    [
        ({"heads": 3}, "heads_do_not_divide"),
        ({"layers": 7}, "out_of_range"),
        ({"layers": 0}, "out_of_range"),
        ({"embedding_size": 512}, "transformer_too_wide"),
        ({"heads": 32, "embedding_size": 64}, "transformer_too_many_heads"),
    ],
)
def test_settings_beyond_the_limits_are_refused_clearly(settings, code):
    with pytest.raises(InputError) as raised:
        ModelConfig(**{"cell": "none", "embedding_size": 8, "attention": "transformer", **settings})
    assert raised.value.code == code


def test_input_beyond_the_transformers_limits_is_refused_clearly():
    config = ModelConfig(cell="none", embedding_size=8, attention="transformer")
    with pytest.raises(InputError) as raised:
        run_pipeline(" ".join(["a"] * 257), config)
    assert raised.value.code == "transformer_sentence_too_long"
    with pytest.raises(InputError) as raised:
        run_pipeline("\n".join([" ".join(["a"] * 100)] * 200), config)
    assert raised.value.code == "transformer_too_many_tokens"


def test_maps_laid_out_in_other_layers_are_not_subtracted():
    from model.compare import compare

    two_by_two = ModelConfig(cell="none", embedding_size=8, attention="transformer", layers=2)
    one_by_four = ModelConfig(
        cell="none", embedding_size=8, attention="transformer", layers=1, heads=4
    )
    a, b = run_pipeline(PADDED, two_by_two), run_pipeline(PADDED, one_by_four)
    assert a.head_count == b.head_count == 4
    with pytest.raises(InputError) as raised:
        compare(a, b)
    assert raised.value.code == "compare_layers"
    assert "2" in str(raised.value) and "1" in str(raised.value)


def test_a_vocabulary_too_large_for_the_next_word_stages_is_refused_clearly():
    config = ModelConfig(cell="none", embedding_size=8, attention="transformer", layers=1)
    words = iter(range(10**6))
    text = "\n".join(" ".join(f"w{next(words)}" for _ in range(256)) for _ in range(64))
    with pytest.raises(InputError) as raised:  # 16,384 tokens, each a word of its own
        run_pipeline(text, config)
    assert raised.value.code == "transformer_vocabulary_too_large"
