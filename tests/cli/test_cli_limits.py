"""The command line at and beyond the documented limits, and errors that name what the user
typed: run in process through ``main.main(argv)``, with the contract of ``runs.py`` (exit 0,
or exit 2 with one line ``error: …`` on stderr, no traceback, no file left behind)."""

from __future__ import annotations

import io
import json
import sys
from pathlib import Path

import pytest

import main
from model.config import MAX_TOKEN_CHARS
from model.files import MAX_TEXT_BYTES
from runs import png_size

THREE = ["--sentence", "o gato dorme", "--sentence", "eu gosto de batata", "--sentence", "sim"]


def words(count: int) -> str:
    return " ".join(f"w{k}" for k in range(count))


@pytest.fixture
def cli(tmp_path, monkeypatch, capsys):
    """``cli(*argv)`` → (exit code, the error line or stdout); checks the contract."""
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("LC_ALL", "C.UTF-8")  # English unless --lang says otherwise

    def run(*argv, outputs=()):
        before = sorted(p.name for p in tmp_path.iterdir())
        code = main.main([str(a) for a in argv])
        out, err = capsys.readouterr()
        assert "Traceback" not in err
        after = sorted(p.name for p in tmp_path.iterdir())
        if code == 0:
            assert not err, err
            assert set(after) - set(before) <= set(outputs)
            return code, out
        assert code == 2, err
        lines = err.strip().splitlines()
        assert len(lines) == 1 and lines[0].split(": ", 1)[0] in ("error", "erro"), lines
        assert after == before  # nothing left behind
        return code, lines[0]

    return run


@pytest.fixture
def english_figures(qapp):
    """Figures drawn in process: a QApplication first, and English again afterwards."""
    from gui.application import install_translation

    yield
    install_translation(qapp, "en")


# --- training limits ----------------------------------------------------------------------


def test_training_a_sentence_longer_than_the_limit_is_refused_before_any_step(cli):
    code, line = cli("--sentence", words(300), "--train", "copy", "--train-steps", "1",
                     "--export-tensors", "o.npz")  # fmt: skip
    assert code == 2 and "too long to train" in line and "300" in line and "256" in line


@pytest.mark.parametrize(
    ("flags", "expected"),
    [
        (
            ["--embedding-size", "1024"],
            "--embedding-size is 1,024 (training takes sizes up to 128)",
        ),
        (["--hidden-size", "256", "--cell", "lstm"], "--hidden-size is 256"),
        (["--attention", "multihead", "--heads", "8", "--hidden-size", "64"], "8,388,608"),
    ],
)
def test_training_beyond_the_limits_names_the_flag_and_the_limit(cli, flags, expected):
    code, line = cli("--sentence", words(128), *flags, "--train", "copy",
                     "--export-tensors", "o.npz")  # fmt: skip
    assert code == 2 and expected in line, line


def test_training_refusals_speak_portuguese(cli):
    code, line = cli("--sentence", words(300), "--train", "copy", "--lang", "pt",
                     "--export-tensors", "o.npz")  # fmt: skip
    assert line.startswith("erro: longa demais para treinar") and "256" in line


def test_training_at_the_limits_runs(cli):
    text = words(255) + " w0"  # L = 256, V = 256: the stage budget exactly
    code, _ = cli("--sentence", text, "--embedding-size", "128", "--hidden-size", "128",
                  "--train", "copy", "--train-steps", "1", "--export-tensors", "o.npz",
                  outputs=("o.npz",))  # fmt: skip
    assert code == 0


# --- one word, one text: the same limits on every path ---------------------------------------


def long_word_input(path, tmp_path, monkeypatch, word):
    text = f"o gato {word} dorme\neu gosto\n"
    if path == "file":
        (tmp_path / "in.txt").write_text(text, encoding="utf-8")
        return ["--sentences", "in.txt"]
    if path == "stdin":
        monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(text.encode())))
        return ["--sentences", "-"]
    if path == "session":
        session = {"format": "attention-study-session", "version": 2,
                   "sentences": text.splitlines()}  # fmt: skip
        (tmp_path / "s.json").write_text(json.dumps(session), encoding="utf-8")
        return ["--session", "s.json"]
    return ["--sentence", f"o gato {word} dorme", "--sentence", "eu gosto"]


@pytest.mark.parametrize("path", ["file", "stdin", "session", "argument"])
def test_a_word_over_the_limit_is_refused_on_every_path(cli, tmp_path, monkeypatch, path):
    argv = long_word_input(path, tmp_path, monkeypatch, "w" * (MAX_TOKEN_CHARS + 1))
    code, line = cli(*argv, "--export-tensors", "o.npz")
    assert code == 2 and "1,025 characters" in line and "limit of 1,024" in line, line


@pytest.mark.parametrize("path", ["file", "stdin", "session", "argument"])
def test_a_word_at_the_limit_is_accepted_on_every_path(cli, tmp_path, monkeypatch, path):
    argv = long_word_input(path, tmp_path, monkeypatch, "w" * MAX_TOKEN_CHARS)
    code, _ = cli(*argv, "--export-tensors", "o.npz", outputs=("o.npz",))
    assert code == 0


def test_a_session_with_more_text_than_a_sentences_file_is_refused(cli, tmp_path):
    line = words(1000)
    sentences = [line] * (MAX_TEXT_BYTES // len(line) + 2)
    session = {"format": "attention-study-session", "version": 2, "sentences": sentences}
    (tmp_path / "big.json").write_text(json.dumps(session), encoding="utf-8")
    code, message = cli("--session", "big.json", "--export-tensors", "o.npz")
    assert code == 2 and "big.json" in message and "more than 16 MiB" in message


# --- errors that name what the user typed -------------------------------------------------------


@pytest.mark.parametrize(
    ("argv", "expected"),
    [
        (["--explain", "-1,0,0"], "--explain takes three numbers from 0"),
        (["--sentence-index", "-2", "--export-tensors", "o.npz"], "--sentence-index takes a"),
        (["--head", "999999999", "--attention", "multihead", "--export-tensors", "o.npz"],
         "--head 999999999: this model has 2 heads (choose 0 to 1, or all)"),
        (["--head", "1", "--export-tensors", "o.npz"],
         "--head 1: this model has 1 head (choose 0, or all)"),
        (["--sentence-index", "5000", "--export-tensors", "o.npz"],
         "--sentence-index 5000: there are only 3 sentences (choose 0 to 2, or all)"),
        (["--explain", "3,0,0"], "--explain 3,0,0: there are only 3 sentences (S from 0 to 2)"),
        (["--explain", "0,4,0"],
         "--explain 0,4,0: the sentences have 4 positions (I and J from 0 to 3)"),
        (["--learning-rate", "-0.01", "--train", "copy", "--export-tensors", "o.npz"],
         "--learning-rate must be between 1e-05 and 1, not -0.01"),
        (["--train-steps", "100001", "--train", "copy", "--export-tensors", "o.npz"],
         "--train-steps must be between 0 and 100,000"),
        (["--temperature", "1e999", "--export-tensors", "o.npz"],
         "--temperature must be between 0.001 and 1,000, not 1e999"),
        (["--head", "all", "--attention", "multihead", "--explain", "0,1,1"],
         "--explain explains one weight of one head: give --head N (0 to 1), not all"),
    ],
)  # fmt: skip
def test_errors_name_the_flag_and_what_fits(cli, argv, expected):
    code, line = cli(*THREE, *argv)
    assert code == 2 and expected in line, line


def test_errors_that_name_a_flag_speak_portuguese(cli):
    _, line = cli(*THREE, "--sentence-index", "5000", "--export-tensors", "o.npz", "--lang", "pt")
    assert "--sentence-index 5000: só há 3 sentenças (escolha de 0 a 2, ou all)" in line
    _, line = cli(*THREE, "--temperature", "1e999", "--export-tensors", "o.npz", "--lang", "pt")
    assert "--temperature deve estar entre 0,001 e 1.000, não 1e999" in line
    _, line = cli("--sentence", "só", "--sentence-index", "1", "--export-tensors", "o.npz",
                  "--lang", "pt")  # fmt: skip
    assert "--sentence-index 1: só há 1 sentença (escolha 0, ou all)" in line


def test_one_head_explained_is_fine(cli):
    code, text = cli(*THREE, "--attention", "multihead", "--head", "1", "--explain", "0,1,1")
    assert code == 0 and text.splitlines()[0].endswith("· head 1")


@pytest.mark.parametrize("language", ["en", "pt"])
def test_a_compare_mismatch_says_what_to_do_on_the_command_line(cli, language):
    code, _ = cli("--sentence", "a b", "--save-session", "other.json", outputs=("other.json",))
    assert code == 0
    _, line = cli(*THREE, "--compare", "other.json", "--export", "f.png", "--lang", language)
    if language == "en":
        assert "--compare other.json holds other sentences" in line and "pin" not in line
        assert "--session other.json" in line
    else:
        assert "--compare other.json tem outras sentenças" in line and "fixe" not in line
    _, line = cli(*THREE, "--save-session", "one.json", outputs=("one.json",))
    _, line = cli(*THREE, "--attention", "multihead", "--compare", "one.json",
                  "--export", "f.png", "--lang", language)  # fmt: skip
    if language == "en":
        assert "--compare one.json has 1 head and these flags give 2" in line
    else:
        assert "--compare one.json tem 1 cabeça e estas opções dão 2" in line


# --- the lines figure: a bounded size, and lines that show ---------------------------------


def test_the_lines_figure_of_a_1024_word_sentence_is_no_larger_than_at_its_limit(
    cli, english_figures
):
    from gui.render.lines import MAX_FIGURE_WORDS, SMALL_ROW

    code, _ = cli("--sentence", words(MAX_FIGURE_WORDS), "--view", "lines", "--scale", "4",
                  "--export", "limit.png", outputs=("limit.png",))  # fmt: skip
    assert code == 0
    code, _ = cli("--sentence", words(1024), "--view", "lines", "--scale", "4",
                  "--export", "long.png", outputs=("long.png",))  # fmt: skip
    assert code == 0
    (width, high), (_, at_limit) = png_size(Path("long.png")), png_size(Path("limit.png"))
    # The same rows; only the header's line or two about the words left out are added.
    assert width == 3600 and at_limit < high <= at_limit + 4 * 2 * SMALL_ROW


def test_the_lines_figure_says_which_words_it_draws_and_draws_each_querys_strongest(qapp):
    from gui.render.lines import MAX_FIGURE_WORDS, lines_figure
    from model.pipeline import run_pipeline

    figure = lines_figure(run_pipeline(words(1024)), 0)
    description = figure.description
    assert len(description.tokens) == MAX_FIGURE_WORDS and description.total == 1024
    # Every weight of an untrained 1,024-word row is about 1/1,024, far under the 0.05
    # threshold: each query still shows its strongest line.
    assert {line.query for line in description.lines} == set(range(MAX_FIGURE_WORDS))
    header = " ".join(figure.header())
    assert f"first {MAX_FIGURE_WORDS} of 1,024 words" in header and "heatmap" in header


@pytest.mark.parametrize("count", [30, 1024])
def test_a_long_title_fits_the_lines_figure_with_both_ends_of_the_sentence(qapp, count):
    from PySide6.QtGui import QFontMetricsF

    from gui.render.lines import TITLE_PIXELS, lines_figure
    from model.pipeline import run_pipeline

    text = " ".join(f"palavra{k}" for k in range(count))
    figure = lines_figure(run_pipeline(text), 0)
    title = figure.header()[0]
    assert title.startswith("Sentence 0: “palavra0 ") and title.endswith(f"palavra{count - 1}”")
    assert "…" in title
    metrics = QFontMetricsF(figure.header_font(TITLE_PIXELS))
    assert metrics.horizontalAdvance(title) <= figure.text_width()
