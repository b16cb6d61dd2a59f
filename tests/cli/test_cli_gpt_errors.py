"""The transformer's flags refused: each one line, ``error: …`` (``erro: …`` with ``--lang
pt``), exit 2, before any work and with no file written, naming the flag and what fits."""

from __future__ import annotations

import json

import pytest

import main

WORDS = ["--sentence", "o gato come peixe", "--sentence", "a vaca come capim"]
GPT = [*WORDS, "--cell", "none", "--embedding-size", "8", "--attention", "transformer"]
OUT = ["--export-tensors", "out.npz"]


@pytest.fixture
def cli(tmp_path, monkeypatch, capsys):
    """``cli(*argv)`` → the one error line of a run that must fail; checks the contract."""
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("LC_ALL", "C.UTF-8")  # English unless --lang says otherwise

    def run(*argv):
        before = sorted(p.name for p in tmp_path.iterdir())
        code = main.main([str(a) for a in argv])
        out, err = capsys.readouterr()
        assert "Traceback" not in err and code == 2, err
        lines = err.strip().splitlines()
        assert len(lines) == 1 and lines[0].split(": ", 1)[0] in ("error", "erro"), lines
        assert sorted(p.name for p in tmp_path.iterdir()) == before and not out
        return lines[0]

    return run


# (argv, the English error, the Portuguese one)
CASES = {
    "heads do not divide d": (
        [*GPT, "--heads", "3", *OUT],
        "3 heads do not divide the encoder's width d = E = 8",
        "3 cabeças não dividem a largura do codificador d = E = 8",
    ),
    "no layers": (
        [*GPT, "--layers", "0", *OUT],
        "--layers must be between 1 and 6, not 0",
        "--layers deve estar entre 1 e 6, não 0",
    ),
    "seven layers": (
        [*GPT, "--layers", "7", *OUT],
        "--layers must be between 1 and 6, not 7",
        "--layers deve estar entre 1 e 6, não 7",
    ),
    "a prompt word outside the vocabulary": (
        [*GPT, "--generate", "o zebra come", *OUT],
        "“zebra” is not in the vocabulary",
        "“zebra” não está no vocabulário",
    ),
    "generate without the transformer": (
        [*WORDS, "--attention", "multihead", "--generate", "o gato", *OUT],
        "only the transformer writes text: choose --attention transformer",
        "só o transformer escreve texto",
    ),
    "next without the transformer": (
        [*WORDS, "--train", "next", *OUT],
        "the “next” task needs a next-word head: choose the transformer",
        "a tarefa “próxima” precisa de uma cabeça de próxima palavra",
    ),
    "a layer without layers": (
        [*WORDS, "--layer", "0", "--explain", "0,1,1", *OUT],
        "--layer picks one of the transformer's layers, and linear attention has a single layer",
        "--layer escolhe uma das camadas do transformer, e a atenção linear tem uma só camada",
    ),
    "a layer past the last": (
        [*GPT, "--layers", "3", "--layer", "3", "--explain", "0,1,1", *OUT],
        "--layer 3: this model has 3 layers (choose 0 to 2, or all)",
        "--layer 3: este modelo tem 3 camadas (escolha de 0 a 2, ou all)",
    ),
    "a head past a layer's": (
        [*GPT, "--layer", "1", "--head", "2", "--explain", "0,1,1", *OUT],
        "--head 2: each layer has 2 heads (choose 0 to 1, or all)",
        "--head 2: cada camada tem 2 cabeças (escolha de 0 a 1, ou all)",
    ),
    "a map past the last": (
        [*GPT, "--head", "4", "--explain", "0,1,1", *OUT],
        "--head 4: this model has 4 heads (choose 0 to 3, or all)",
        "--head 4: este modelo tem 4 cabeças (escolha de 0 a 3, ou all)",
    ),
    "one head of every layer": (
        [*GPT, "--layer", "all", "--head", "1", "--explain", "0,1,1", *OUT],
        "--layer all shows every head of every layer: to see head 1 alone, give --layer N",
        "--layer all mostra todas as cabeças de todas as camadas",
    ),
    "explain every layer": (
        [*GPT, "--layer", "all", "--explain", "0,1,1", *OUT],
        "--explain explains one weight of one head: give --layer N (0 to 1), not all",
        "--explain explica um peso de uma cabeça: dê --layer N (de 0 a 1), não all",
    ),
    "a layer alone": (
        [*GPT, "--layer", "1"],
        "--sentence-index, --head, --layer and --scale go with an output flag or --explain",
        "--sentence-index, --head, --layer e --scale acompanham uma saída ou --explain",
    ),
    "sampling flags alone": (
        [*GPT, "--top-k", "2", *OUT],
        "--words, --sample-temperature, --top-k and --sample-seed go with --generate PROMPT",
        "--words, --sample-temperature, --top-k e --sample-seed acompanham --generate PROMPT",
    ),
    "no words": (
        [*GPT, "--generate", "o", "--words", "0", *OUT],
        "--words must be between 1 and 200, not 0",
        "--words deve estar entre 1 e 200, não 0",
    ),
    "too hot": (
        [*GPT, "--generate", "o", "--sample-temperature", "10.5", *OUT],
        "--sample-temperature must be between 0 and 10, not 10.5",
        "--sample-temperature deve estar entre 0 e 10, não 10,5",
    ),
    "a top-k past the vocabulary": (
        [*GPT, "--generate", "o", "--top-k", "9", *OUT],
        "--top-k must be between 0 and 8, not 9",
        "--top-k deve estar entre 0 e 8, não 9",
    ),
    "a negative seed": (
        [*GPT, "--generate", "o", "--sample-seed", "-1", *OUT],
        "--sample-seed must be between 0 and 2,147,483,647, not -1",
        "--sample-seed deve estar entre 0 e 2.147.483.647, não -1",
    ),
    "an empty prompt": (
        [*GPT, "--generate", " ", *OUT],
        "the prompt is empty",
        "o prompt está vazio",
    ),
    "past the transformer's positions": (
        [*GPT, "--generate", " ".join(["o"] * 60), "--words", "200", *OUT],
        "too long: the prompt (60) and the words to write (200) pass the transformer's 256",
        "longo demais: o prompt (60) e as palavras a escrever (200) passam das 256 posições",
    ),
}


@pytest.mark.parametrize("case", CASES)
@pytest.mark.parametrize("language", ["en", "pt"])
def test_each_refusal_is_one_line_in_the_interface_language(cli, case, language):
    argv, english, portuguese = CASES[case]
    line = cli(*argv, "--lang", language)
    expected = english if language == "en" else portuguese
    assert expected in line, line
    assert line.startswith("error: " if language == "en" else "erro: ")


def session(folder, attention: str, **more) -> str:
    data = {
        "format": "attention-study-session",
        "version": 4,
        "sentences": ["o gato come", "a vaca"],
        "model": {"attention": attention, "layers": 2, **more},
    }
    (folder / "newer.json").write_text(json.dumps(data), encoding="utf-8")
    return "newer.json"


@pytest.mark.parametrize(
    ("language", "newer"),
    [
        ("en", "the file may come from a newer version of Attention Study"),
        ("pt", "o arquivo pode vir de uma versão mais nova do Attention Study"),
    ],
)
def test_a_session_from_a_newer_version_says_so(cli, tmp_path, language, newer):
    line = cli("--session", session(tmp_path, "mixture-of-experts"), *OUT, "--lang", language)
    assert line.startswith("error: newer.json: " if language == "en" else "erro: newer.json: ")
    assert "mixture-of-experts" in line and line.endswith(newer)
    # named as the file names it, even beside the flag that sets it
    line = cli("--session", "newer.json", "--attention", "dot", *OUT, "--lang", language)
    assert "--attention" not in line and line.endswith(newer)
    line = cli("--session", session(tmp_path, "transformer", experts=4), *OUT, "--lang", language)
    assert "experts" in line and line.endswith(newer)


def test_compare_with_maps_in_other_layers_names_the_layers(cli, tmp_path):
    two_by_two = session(tmp_path, "transformer", cell="none", embedding_size=8, heads=2)
    same_words = ["--sentence", "o gato come", "--sentence", "a vaca"]
    one_by_four = [*same_words, *GPT[4:], "--layers", "1", "--heads", "4", "--compare", two_by_two]
    line = cli(*one_by_four, "--sentence-index", "0", "--export", "f.png")
    assert "--layers" in line and "2 layers" in line, line
