"""Arbitrary text gives either a sound result or a documented InputError, never anything else."""

import numpy as np
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from model.config import ModelConfig
from model.errors import InputError, describe
from model.pipeline import run_pipeline
from resources import catalog

# What arbitrary text may fairly be refused for; every other error is a bug.
TEXT_ERRORS = {"no_sentences", "bad_text_line", "too_many_sentences", "sentence_too_long"}

words = st.text(min_size=0, max_size=12)
texts = st.one_of(
    st.text(max_size=200),
    st.lists(st.lists(words, max_size=6).map(" ".join), max_size=8).map("\n".join),
)
configs = st.builds(
    ModelConfig,
    seed=st.integers(0, 2**31 - 1),
    embedding_size=st.sampled_from([1, 2, 4, 6, 8, 12]),
    hidden_size=st.sampled_from([1, 2, 4, 6]),
    cell=st.sampled_from(["rnn", "gru", "lstm", "none"]),
    attention=st.sampled_from(["linear", "dot", "multihead"]),
    heads=st.just(1),
    mask_padding=st.booleans(),
    causal=st.booleans(),
    temperature=st.floats(0.001, 1000),
)


@settings(max_examples=150, suppress_health_check=[HealthCheck.too_slow])
@given(text=texts, config=configs)
def test_any_text_gives_a_sound_result_or_a_documented_error(text, config):
    try:
        result = run_pipeline(text, config)
    except InputError as exc:
        assert exc.code in TEXT_ERRORS, exc.code
        for language in ("en", "pt"):
            assert exc.code in catalog("messages", language)
            assert describe(exc, language).strip()
        return
    b, length = result.token_ids.shape
    assert b == len(result.sentences) >= 1 and length == max(map(len, result.sentences)) >= 1
    vocab = result.vocabulary
    assert vocab.tokens[0] == "<pad>" and len(set(vocab.tokens[1:])) == vocab.size - 1
    assert all(token and not any(c.isspace() for c in token) for token in vocab.tokens[1:])
    assert result.token_ids.min() >= 0 and result.token_ids.max() < vocab.size
    assert result.stage("inputs").shape == (b, length, config.embedding_size)
    assert result.with_role("encoder").shape == (b, length, config.width)
    maps = result.attention_maps
    assert maps.shape == (b, config.head_count, length, length)
    assert np.isfinite(maps).all() and maps.min() >= 0
    sums = maps.sum(axis=-1)
    pad = np.broadcast_to(result.padding_mask[:, None, :], sums.shape)
    if config.mask_padding:
        np.testing.assert_allclose(sums[~pad], 1.0, atol=1e-5)
        assert np.all(sums[pad] == 0)
    else:
        np.testing.assert_allclose(sums, 1.0, atol=1e-5)
    if config.causal:
        assert np.all(maps[..., np.triu(np.ones((length, length), dtype=bool), 1)] == 0)
