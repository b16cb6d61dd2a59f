"""The walk-through of one weight ends at the heatmap's value, and its terms add up."""

import itertools
import random

import numpy as np
import pytest

from model.compare import compare
from model.config import ModelConfig
from model.errors import InputError
from model.explain import explain, explanation_lines
from model.pipeline import run_pipeline

TEXT = "o mikas ta ali\neu gosto de batata frita\nexistem elefantes"
MODES = list(
    itertools.product(
        ("linear", "dot", "multihead"), ("rnn", "none"), (False, True), (False, True), (1.0, 0.3)
    )
)


@pytest.mark.parametrize("attention, cell, mask, causal, temperature", MODES)
def test_the_explained_weight_is_the_heatmaps_and_its_terms_sum_to_the_score(
    attention, cell, mask, causal, temperature
):
    config = ModelConfig(
        attention=attention,
        cell=cell,
        mask_padding=mask,
        causal=causal,
        temperature=temperature,
        embedding_size=8,
        heads=2,
    )
    result = run_pipeline(TEXT, config)
    rng = random.Random(hash((attention, cell, mask, causal, temperature)) % 1000)
    for _ in range(6):
        b, i, j = rng.randrange(3), rng.randrange(5), rng.randrange(5)
        h = rng.randrange(result.head_count)
        e = explain(result, b, i, j, h)
        assert e.weight == pytest.approx(float(result.attention_maps[b, h, i, j]), abs=2e-6)
        assert e.shown == float(result.attention_maps[b, h, i, j])
        assert float(np.sum(e.left * e.right)) == pytest.approx(e.dot, abs=1e-9)
        scores = result.with_role("scores").values
        score = scores[b, h, i, j] if scores.ndim == 4 else scores[b, i, j]
        assert e.row[j].score == pytest.approx(float(score), abs=2e-5)
        live = [entry for entry in e.row if entry.logit is not None]
        if live and not e.query_row_zeroed:
            assert sum(entry.weight for entry in live) == pytest.approx(1.0, abs=1e-9)


def test_multihead_explains_the_context_row_from_the_values():
    result = run_pipeline(TEXT, ModelConfig(attention="multihead", heads=2))
    e = explain(result, 1, 2, 3, head=1)
    context = result.stage("context").values[1, 2]
    dh = result.stage("values").shape[-1]
    np.testing.assert_allclose(e.context, context[dh : 2 * dh], atol=1e-6)


def test_the_walk_through_prints_every_score_of_the_row_in_either_language():
    result = run_pipeline(TEXT, ModelConfig(attention="dot", temperature=0.5))
    e = explain(result, 1, 2, 3)
    english, portuguese = explanation_lines(e, "en"), explanation_lines(e, "pt")
    assert sum(line.lstrip(" →").startswith("j=") for line in english) == 5
    assert any("Softmax" in line for line in english)
    assert any("Dividido pela temperatura" in line for line in portuguese)
    assert english != portuguese and f"{e.weight:.6f}".rstrip("0") in "\n".join(english)


def test_a_cell_outside_the_result_is_a_clear_error():
    result = run_pipeline(TEXT)
    with pytest.raises(InputError, match="no query 7"):
        explain(result, 0, 7, 0)
    with pytest.raises(InputError, match="no sentence 5"):
        explain(result, 5, 0, 0)


def test_b_minus_a_is_the_difference_of_the_two_results():
    a = run_pipeline(TEXT)
    b = run_pipeline(TEXT, ModelConfig(mask_padding=True))
    comparison = compare(a, b)
    np.testing.assert_array_equal(comparison.difference, b.attention_maps - a.attention_maps)
    with pytest.raises(InputError, match="other sentences"):
        compare(a, run_pipeline("outras frases aqui"))
    with pytest.raises(InputError, match="heads"):
        compare(a, run_pipeline(TEXT, ModelConfig(attention="multihead")))


@pytest.mark.parametrize(
    "mask, causal", [(False, False), (True, False), (False, True), (True, True)]
)
def test_a_transformer_weight_is_explained_for_any_layer_and_head(mask, causal):
    config = ModelConfig(
        attention="transformer",
        cell="none",
        embedding_size=8,
        heads=2,
        layers=3,
        mask_padding=mask,
        causal=causal,
        temperature=0.7,
    )
    result = run_pipeline(TEXT, config)
    rng = random.Random(7)
    for m in range(result.head_count):  # every (layer, head) map
        for _ in range(4):
            b, i, j = rng.randrange(3), rng.randrange(5), rng.randrange(5)
            e = explain(result, b, i, j, m)
            layer, head = result.map_of(m)
            assert e.layer == layer
            assert e.weight == pytest.approx(float(result.attention_maps[b, m, i, j]), abs=2e-6)
            score = result.stage("scores").values[b, layer, head, i, j]
            assert e.row[j].score == pytest.approx(float(score), abs=2e-5)  # q · k / √(d/h)
            queries = result.stage("queries").values[b, layer, head]
            np.testing.assert_allclose(e.left, queries[i], atol=2e-5)  # from normed and W_q
            dh = queries.shape[-1]
            context = result.stage("context").values[b, layer, i, head * dh : (head + 1) * dh]
            np.testing.assert_allclose(e.context, context, atol=2e-5)


def test_the_walk_through_names_the_layer_and_head_in_either_language():
    config = ModelConfig(attention="transformer", cell="none", embedding_size=8, layers=2)
    result = run_pipeline(TEXT, config)
    e = explain(result, 0, 2, 1, head=result.map_index(1, 0))
    english, portuguese = explanation_lines(e, "en"), explanation_lines(e, "pt")
    assert english[0].endswith("· layer 1 · head 0")
    assert portuguese[0].endswith("· camada 1 · cabeça 0")
    assert any(line.startswith("1. Layer 1's query and key for head 0") for line in english)
    assert any("Context of layer 1 · head 0" in line for line in english)
    assert any("Contexto da camada 1 · cabeça 0" in line for line in portuguese)
    multihead = explain(run_pipeline(TEXT, ModelConfig(attention="multihead")), 0, 2, 1, 1)
    assert explanation_lines(multihead, "en")[0].endswith("· head 1")  # as it always read
    assert explanation_lines(multihead, "pt")[0].endswith("· cabeça 1")
