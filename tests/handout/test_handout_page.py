"""The handout's HTML as Python writes it, without a browser: user text never closes the
data's <script> element, and a hidden map's weights are not in the page's text."""

from __future__ import annotations

import base64
import json

import numpy as np
import pytest
from handout_pages import page_data

from figures.handout.choices import HandoutChoices
from figures.handout.page import handout_html, keystream
from model.config import ModelConfig
from model.pipeline import run_pipeline
from model.tokenizer import NOTEBOOK_TEXT

HOSTILE = "</script><b>x</b> <!-- &amp; ola\n<script>alert(1)</script> fim"


@pytest.fixture(scope="module")
def hostile():
    return run_pipeline(HOSTILE, ModelConfig(attention="multihead", heads=2))


def test_text_never_closes_the_data_element(hostile):
    page = handout_html(hostile, "en")
    data_start = page.index('id="handout-data">')
    data_text = page[data_start : page.index("</script>", data_start)]
    assert "<" not in data_text.split(">", 1)[1] and "&" not in data_text
    assert page.count("</script>") == 2  # the data's element and the script's own
    assert "<b>" not in page
    data = page_data(page)
    assert data["sentences"] == [
        "</script><b>x</b> <!-- &amp; ola",
        "<script>alert(1)</script> fim",
    ]


def test_the_title_is_escaped(hostile):
    page = handout_html(hostile, "pt")
    title = page[page.index("<title>") : page.index("</title>")]
    assert "&lt;/script&gt;&lt;b&gt;x&lt;/b&gt;" in title


def test_a_hidden_maps_answer_is_sealed():
    result = run_pipeline(NOTEBOOK_TEXT, ModelConfig(attention="dot"))
    page = handout_html(result, "en", HandoutChoices(hidden=frozenset({(1, 0)})))
    data = page_data(page)
    sealed = data["maps"][1]
    assert sealed["hidden"] and "answer" not in sealed
    weights = result.attention_maps[1, 0]
    written = {f"{w:.6f}" for w in weights[: sealed["length"]].ravel()}
    assert not [w for w in written if w in page]
    raw = np.frombuffer(base64.b64decode(sealed["sealed"]), dtype=np.uint8)
    answer = json.loads((raw ^ keystream(len(raw), 1)).tobytes().decode("utf-8"))
    values = np.frombuffer(base64.b64decode(answer["values"]), dtype="<f4").reshape(weights.shape)
    np.testing.assert_array_equal(values, weights)
    assert answer["tables"]  # the hidden sentence's query × key tables went with it
    shown = {
        t["sentence"]: t for s in data["stages"] if s["key"] == "attention" for t in s["tables"]
    }
    assert shown[1]["secret"] and "values" not in shown[1] and not shown[0]["secret"]


def test_the_teachers_copy_shows_the_answer():
    result = run_pipeline(NOTEBOOK_TEXT, ModelConfig())
    data = page_data(handout_html(result, "en", HandoutChoices(frozenset({(0, 0)}), True)))
    assert data["teacher"] and data["maps"][0]["hidden"] and data["maps"][0]["answer"]
    page = handout_html(result, "en", HandoutChoices(frozenset({(0, 0)}), True))
    assert "<title>Teacher&#x27;s copy — " in page  # said before the page is even open


def test_a_sentence_that_reads_like_the_pages_marks_stays_a_sentence():
    text = "/*DATA*/ <!--TITLE--> /*SCRIPT*/\n/*STYLE*/ <!--LANG--> fim"
    page = handout_html(run_pipeline(text, ModelConfig()), "en")
    assert page_data(page)["sentences"] == text.split("\n")
    assert page.count('<html lang="en">') == 1 and "/*SCRIPT*/" not in page.split("<script>")[1]


def test_a_task_without_an_expected_key_draws_no_expected_weight():
    from model.training.loop import train_network
    from model.training.settings import TrainSettings

    config = ModelConfig(attention="transformer", cell="none", causal=True, layers=1)
    _, result = train_network(NOTEBOOK_TEXT, config, TrainSettings(task="next", steps=3))
    data = page_data(handout_html(result, "en"))
    assert data["training"]["loss"] and data["training"]["expected_weight"] is None
    assert all(m["answer"]["expected"] is None for m in data["maps"])
