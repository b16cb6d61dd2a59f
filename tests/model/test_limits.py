"""The documented limits: what may be trained, how long a word and a session's text may be,
and messages that say what went wrong in words that fit (numbers out of range, plurals)."""

import json
import re

import pytest

from conftest import ROOT
from model.config import MAX_TOKEN_CHARS, ModelConfig
from model.errors import InputError, describe
from model.files import MAX_TEXT_BYTES
from model.pipeline import run_pipeline
from model.session import Session, load_session, save_session
from model.tokenizer import encode, split_sentences
from model.training import limits
from model.training.loop import BATCH_SIZE, Trainer, train
from model.training.settings import TrainSettings
from model.validate import check_float


def words(count: int, prefix: str = "w") -> str:
    return " ".join(f"{prefix}{k}" for k in range(count))


def build(text: str, config: ModelConfig, task: str = "copy") -> Trainer:
    """A trainer for ``text``, built but never stepped: refusals come before any work."""
    sentences = split_sentences(text)
    vocabulary, _ = encode(sentences)
    return Trainer(config, vocabulary, [len(s) for s in sentences], TrainSettings(task=task))


def refusal(text: str, config: ModelConfig) -> InputError:
    with pytest.raises(InputError) as error:
        build(text, config)
    return error.value


# --- what may be trained -------------------------------------------------------------------


def test_the_limits_describe_the_trainers_own_batch():
    assert limits.BATCH_SIZE == BATCH_SIZE


def test_a_1024_word_sentence_is_refused_before_a_step_that_would_take_a_minute():
    error = refusal(words(1024), ModelConfig())
    assert error.code == "train_sentence_too_long"
    english, portuguese = describe(error, "en"), describe(error, "pt")
    assert "1,024" in english and f"{limits.MAX_TRAIN_LENGTH}" in english
    assert "1.024" in portuguese and "treinar" in portuguese
    # The command line's path refuses it too, before the pipeline or any step runs.
    with pytest.raises(InputError) as error:
        train(words(1024), ModelConfig(), TrainSettings(task="copy", steps=1))
    assert error.value.code == "train_sentence_too_long"


@pytest.mark.parametrize(
    ("config", "field"),
    [
        (ModelConfig(embedding_size=limits.MAX_TRAIN_SIZE + 1), "embedding_size"),
        (ModelConfig(hidden_size=1024, cell="gru"), "hidden_size"),
        (ModelConfig(hidden_size=256, attention="multihead", heads=4), "hidden_size"),
    ],
)
def test_sizes_beyond_the_training_limit_are_refused_naming_the_size(config, field):
    error = refusal("o gato dorme\neu gosto de batata", config)
    assert error.code == "train_size_too_large" and error.values["field"] == field
    assert f"{limits.MAX_TRAIN_SIZE}" in describe(error, "en")
    assert "tamanho" in describe(error, "pt")


def test_the_hidden_size_does_not_count_without_a_recurrent_cell():
    # With cell "none", H is not used at all: a large H must not block training.
    config = ModelConfig(embedding_size=16, hidden_size=1024, cell="none", attention="dot")
    assert build("o gato dorme", config).steps_done == 0


def test_a_vocabulary_beyond_the_limit_is_refused():
    text = "\n".join(words(20, f"s{k}_") for k in range(limits.MAX_TRAIN_VOCABULARY // 20 + 1))
    error = refusal(text, ModelConfig())
    assert error.code == "train_vocabulary_too_large"
    assert f"{limits.MAX_TRAIN_VOCABULARY:,}" in describe(error, "en")


def test_heads_times_positions_beyond_the_step_budget_are_refused():
    config = ModelConfig(embedding_size=64, cell="none", attention="multihead", heads=8)
    error = refusal(words(128), config)  # 64 × 128 × (8 × 128) values in one stage
    assert error.code == "training_too_large"
    assert error.values["elements"] == 64 * 128 * 8 * 128 > limits.MAX_TRAIN_STAGE
    assert "8,388,608" in describe(error, "en") and "8.388.608" in describe(error, "pt")


@pytest.mark.parametrize(
    "config",
    [
        ModelConfig(embedding_size=128, hidden_size=128, cell="lstm"),
        ModelConfig(embedding_size=128, hidden_size=128, attention="multihead", heads=1),
    ],
)
def test_the_largest_model_the_limits_allow_is_accepted(config):
    # 256 words, 255 of them distinct: V = 256, and 64 × 256 × 256 values: the budget exactly.
    text = words(limits.MAX_TRAIN_LENGTH - 1) + " w0"
    trainer = build(text, config)
    assert trainer.length == limits.MAX_TRAIN_LENGTH and trainer.vocab_size == 256
    assert BATCH_SIZE * 256 * 256 == limits.MAX_TRAIN_STAGE


def test_the_readme_states_every_training_limit():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    section = readme.split("## Limits", 1)[1].split("\n## ", 1)[0]
    for number in (
        limits.MAX_TRAIN_LENGTH,
        limits.MAX_TRAIN_SIZE,
        limits.MAX_TRAIN_VOCABULARY,
        limits.MAX_TRAIN_STAGE,
        MAX_TOKEN_CHARS,
    ):
        assert f"{number:,}" in section, number
    assert re.search(r"time and memory per\s+step", section, re.I)


# --- words and texts ---------------------------------------------------------------------


def test_a_word_longer_than_the_limit_is_refused_by_the_pipeline():
    assert run_pipeline("o " + "w" * MAX_TOKEN_CHARS + " dorme").max_length == 3
    with pytest.raises(InputError) as error:
        run_pipeline("o " + "w" * (MAX_TOKEN_CHARS + 1) + " dorme\neu gosto")
    assert error.value.code == "token_too_long"
    english = describe(error.value, "en")
    assert "1,025" in english and "1,024" in english and len(english) < 200
    assert "1.025" in describe(error.value, "pt")


def session_json(sentences: list[str]) -> str:
    return json.dumps({"format": "attention-study-session", "version": 2, "sentences": sentences})


def test_a_session_cannot_hold_more_text_than_a_sentences_file(tmp_path):
    line = words(1000)
    count = MAX_TEXT_BYTES // len(line.encode()) + 2  # just over the limit, in short words
    path = tmp_path / "big.json"
    path.write_text(session_json([line] * count), encoding="utf-8")
    with pytest.raises(InputError) as error:
        load_session(path)
    assert error.value.code == "in_file"
    assert error.value.values["detail"].code == "text_too_large"
    assert "16 MiB" in describe(error.value, "en") and "big.json" in describe(error.value, "en")


def test_a_session_cannot_hold_a_word_longer_than_the_limit(tmp_path):
    path = tmp_path / "word.json"
    path.write_text(session_json(["o gato", "w" * 60_000]), encoding="utf-8")
    with pytest.raises(InputError) as error:
        load_session(path)
    assert error.value.values["detail"].code == "token_too_long"
    path.write_text(session_json(["o gato", "w" * MAX_TOKEN_CHARS]), encoding="utf-8")
    assert load_session(path).text == "o gato\n" + "w" * MAX_TOKEN_CHARS


def test_a_session_it_could_not_open_again_is_never_written(tmp_path):
    """The editor accepts any text, and the autosave writes the editor's session: a word
    beyond the limit is refused on saving too, and the earlier file stays as it was (else
    the next launch would set the user's work aside as unreadable)."""
    path = tmp_path / "work.json"
    save_session(Session("o gato dorme"), path)
    before = path.read_bytes()
    with pytest.raises(InputError) as error:
        save_session(Session("o gato\n" + "w" * (MAX_TOKEN_CHARS + 1)), path)
    assert error.value.code == "token_too_long"
    assert path.read_bytes() == before
    assert load_session(path).text == "o gato dorme"


# --- messages that fit -------------------------------------------------------------------


def test_an_infinite_number_is_out_of_range_with_the_range():
    with pytest.raises(InputError) as error:
        check_float("temperature", float("inf"), 1e-3, 1e3)
    assert error.value.code == "out_of_range"
    assert describe(error.value, "en") == "temperature must be between 0.001 and 1,000, not inf"
    with pytest.raises(InputError) as error:
        check_float("temperature", float("nan"), 1e-3, 1e3)
    assert error.value.code == "not_a_number"


@pytest.mark.parametrize(
    ("a", "english", "portuguese"),
    [
        (1, "A has 1 head and B has 2", "A tem 1 cabeça e B tem 2"),
        (2, "A has 2 heads and B has 1", "A tem 2 cabeças e B tem 1"),
    ],
)
def test_a_count_of_one_is_singular(a, english, portuguese):
    error = InputError("compare_heads", a=a, b=3 - a)
    assert describe(error, "en").startswith(english)
    assert describe(error, "pt").startswith(portuguese)
