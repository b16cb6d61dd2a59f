"""From one layer to a tiny GPT: the ``next`` task, training the blocks, and generation."""

import numpy as np
import pytest

from model.config import ModelConfig
from model.errors import InputError
from model.generation import generate
from model.pipeline import build_network
from model.session import load_session
from model.tokenizer import encode, split_sentences
from model.training import tasks
from model.training.loop import train, train_network
from model.training.settings import TrainSettings
from resources import example_session_path

GPT = ModelConfig(
    embedding_size=16, cell="none", attention="transformer", heads=2, layers=2, causal=True
)


def test_each_word_predicts_the_next_and_the_last_predicts_pad():
    ids = np.array([[1, 2, 3], [4, 5, 0]])
    np.testing.assert_array_equal(
        tasks.next_targets(ids, np.array([3, 2])), [[2, 3, 0], [5, 0, -1]]
    )


@pytest.mark.parametrize(
    "config, code",
    [
        (ModelConfig(attention="multihead"), "next_needs_transformer"),
        (ModelConfig(embedding_size=16, cell="none", attention="transformer"), "next_needs_causal"),
    ],
)
def test_the_next_task_needs_the_transformer_and_the_causal_mask(config, code):
    with pytest.raises(InputError) as raised:
        train("a b c", config, TrainSettings(task="next", steps=1))
    assert raised.value.code == code


def test_after_training_on_next_greedy_generation_writes_each_sentence_of_the_preset():
    session = load_session(example_session_path())
    assert session.training.task == "next" and session.config.attention == "transformer"
    sentences = split_sentences(session.text)
    assert len(sentences) >= 18
    assert len({tuple(s[:2]) for s in sentences}) == len(sentences)  # each its own start
    network, result = train_network(session.text, session.config, replace_steps(session, 600))
    assert result.training.accuracy[-1] > 0.8
    for sentence in sentences:
        written = generate(network, result.vocabulary, " ".join(sentence[:2]), 6)
        assert written.text == " ".join(sentence)
        assert written.ended or len(sentence) == 8  # it stopped by writing <pad>


def replace_steps(session, steps):
    return TrainSettings(session.training.task, steps, session.training.learning_rate)


def test_sampling_is_deterministic_for_a_seed_and_top_k_one_is_greedy():
    text = "o gato come peixe\no cão come osso\na vaca come capim"
    network, result = train_network(text, GPT, TrainSettings(task="next", steps=50))
    once = generate(network, result.vocabulary, "o", 5, temperature=1.5, seed=7)
    again = generate(network, result.vocabulary, "o", 5, temperature=1.5, seed=7)
    assert once.text == again.text
    for a, b in zip(once.steps, again.steps, strict=True):
        np.testing.assert_array_equal(a.attention, b.attention)
    draws = {generate(network, result.vocabulary, "o", 5, 1.5, 0, seed).text for seed in range(8)}
    assert len(draws) > 1  # the seed matters at a high temperature
    greedy = generate(network, result.vocabulary, "o", 5)
    assert generate(network, result.vocabulary, "o", 5, 2.0, 1, 3).text == greedy.text


def test_each_generated_word_keeps_the_attention_that_produced_it():
    vocabulary, ids = encode(split_sentences("a b c d"))
    network = build_network(GPT, vocabulary.size, ids.shape[1])
    written = generate(network, vocabulary, "a b", 4, temperature=1.0, seed=1)
    for index, step in enumerate(written.steps):
        context = written.context(index)
        assert step.attention.shape == (GPT.head_count, len(context))
        np.testing.assert_allclose(step.attention.sum(-1), 1.0, atol=1e-5)
        assert len(step.candidates) == min(10, vocabulary.size)
        assert [p for _, p in step.candidates] == sorted(
            (p for _, p in step.candidates), reverse=True
        )
        shown = dict(step.candidates)
        if step.word in shown:  # the model's probability, as its bar's, at any temperature
            assert step.probability == pytest.approx(shown[step.word])


@pytest.mark.parametrize(
    "prompt, code",
    [("a zebra", "unknown_prompt_word"), ("   ", "empty_prompt"), ("<pad>", "unknown_prompt_word")],
)
def test_a_prompt_outside_the_vocabulary_is_refused_naming_the_word(prompt, code):
    vocabulary, ids = encode(split_sentences("a b c"))
    network = build_network(GPT, vocabulary.size, ids.shape[1])
    with pytest.raises(InputError) as raised:
        generate(network, vocabulary, prompt, 3)
    assert raised.value.code == code
    if code == "unknown_prompt_word":
        assert prompt.split()[-1] in str(raised.value)


@pytest.mark.parametrize("task", ["previous", "copy", "first", "alphabetical"])
def test_the_other_tasks_train_the_blocks_too(task):
    text = "o gato come peixe fresco\no cão come osso\na vaca come capim verde"
    config = ModelConfig(embedding_size=16, cell="none", attention="transformer", heads=2, layers=2)
    result = train(text, config, TrainSettings(task=task, steps=120, learning_rate=0.01))
    loss = result.training.loss
    assert loss[-10:].mean() < loss[:10].mean()
    assert np.isfinite(result.training.expected_weight).all()
    again = train(text, config, TrainSettings(task=task, steps=120, learning_rate=0.01))
    np.testing.assert_array_equal(again.attention, result.attention)


def test_the_next_task_has_no_expected_key():
    result = train("a b c\nb c a", GPT, TrainSettings(task="next", steps=3))
    assert (result.training.expected_keys == -1).all()
    assert np.isnan(result.training.expected_weight).all()
    assert result.training.accuracy.shape == (3,)


def test_a_generation_asked_to_stop_stops_between_words():
    from model.architectures import Cancelled

    vocabulary, ids = encode(split_sentences("a b c d"))
    network = build_network(GPT, vocabulary.size, ids.shape[1])
    calls = []

    def cancelled():
        calls.append(1)
        return len(calls) > 2

    with pytest.raises(Cancelled):
        generate(network, vocabulary, "a", 50, temperature=1.0, cancelled=cancelled)
    assert len(calls) == 3  # two words written, then it stopped


def test_the_next_word_follows_a_sentence_the_result_has():
    from model.pipeline import run_pipeline
    from model.prediction import position_of, predict

    result = run_pipeline("a b c\nb c a", GPT)
    assert position_of(result, None, 4) == (1, 0)  # a view still naming a later sentence
    assert position_of(result, (7, 0, 2, 1), -1) == (0, 0)  # all shown: the first
    assert position_of(result, (1, 0, 2, 1), -1) == (1, 2)
    assert predict(result, *position_of(result, None, 4)).word == "b"
