"""Arbitrary text gives either a sound result or a ValueError, never another exception."""

import numpy as np
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from model.config import ModelConfig
from model.pipeline import run_pipeline

words = st.text(min_size=0, max_size=12)
texts = st.one_of(
    st.text(max_size=200),
    st.lists(st.lists(words, max_size=6).map(" ".join), max_size=8).map("\n".join),
)
configs = st.builds(
    ModelConfig,
    seed=st.integers(0, 2**31 - 1),
    embedding_size=st.integers(1, 12),
    hidden_size=st.integers(1, 6),
    cell=st.sampled_from(["rnn", "gru", "lstm"]),
    attention=st.sampled_from(["linear", "dot"]),
    mask_padding=st.booleans(),
    temperature=st.floats(0.001, 1000),
)


@settings(max_examples=150, suppress_health_check=[HealthCheck.too_slow])
@given(text=texts, config=configs)
def test_any_text_gives_a_sound_result_or_a_value_error(text, config):
    try:
        result = run_pipeline(text, config)
    except ValueError as exc:
        assert str(exc)
        return
    b, length = result.token_ids.shape
    assert b == len(result.sentences) >= 1 and length == max(map(len, result.sentences)) >= 1
    vocab = result.vocabulary
    assert vocab.tokens[0] == "<pad>" and len(set(vocab.tokens[1:])) == vocab.size - 1
    assert all(token and not any(c.isspace() for c in token) for token in vocab.tokens[1:])
    assert result.token_ids.min() >= 0 and result.token_ids.max() < vocab.size
    assert result.stage("inputs").shape == (b, length, config.embedding_size)
    assert result.stage("rnn_output").shape == (b, length, config.hidden_size)
    attention = result.attention
    assert attention.shape == (b, length, length)
    assert np.isfinite(attention).all() and attention.min() >= 0
    sums = attention.sum(axis=-1)
    if config.mask_padding:
        pad = result.padding_mask
        np.testing.assert_allclose(sums[~pad], 1.0, atol=1e-5)
        assert np.all(sums[pad] == 0)
    else:
        np.testing.assert_allclose(sums, 1.0, atol=1e-5)
