"""A Jupyter notebook that redoes the app's computation, step by step like the seed notebook.

Its code cells are the very code each stage reports, so running the notebook top to bottom
reproduces the app's tensors.  Written as nbformat 4.5 JSON; no Jupyter is needed here.
"""

from __future__ import annotations

import json
import os

from model.files import write_text
from model.result import PipelineResult

_TEXTS = {
    "en": {
        "title": "# Self-attention study, exported from Attention Study",
        "intro": "The pipeline of the notebook *Estudo de Self-Attention* on these sentences, "
        "with seed {seed}, embeddings of size {emb}, a {cell} of {hid} hidden units, "
        "{attention} scores{mask} and softmax temperature {temperature}. Run the cells "
        "from top to bottom: they give exactly the numbers the app showed.",
        "mask": ", masked padding",
        "linear": "Linear-layer",
        "dot": "scaled dot-product",
        "inputs": "## Generating the inputs\n\nOne sentence per line; tokens split on whitespace.",
        "ids": "Each word gets an id by order of first appearance; 0 is `<pad>`, which fills "
        "short sentences up to the longest one.",
        "embeddings": "Random embeddings, one row per vocabulary entry (seeded).",
        "lookup": "Replace each id by its embedding row.",
        "rnn": "## Through the recurrent layer",
        "scores": "## Attention scores",
        "attention": "## Softmax: the attention weights",
    },
    "pt": {
        "title": "# Estudo de Self-Attention, exportado do Attention Study",
        "intro": "O pipeline do notebook *Estudo de Self-Attention* nestas sentenças, com "
        "semente {seed}, embeddings de tamanho {emb}, uma {cell} de {hid} unidades ocultas, "
        "scores por {attention}{mask} e temperatura do softmax {temperature}. Rode as "
        "células de cima para baixo: elas dão exatamente os números que o app mostrou.",
        "mask": ", padding mascarado",
        "linear": "camada Linear",
        "dot": "produto escalar escalonado",
        "inputs": "## Gerando Inputs\n\nUma sentença por linha; tokens separados por espaços.",
        "ids": "Cada palavra recebe um id na ordem em que aparece; 0 é o `<pad>`, que completa "
        "as sentenças curtas até o tamanho da maior.",
        "embeddings": "Embeddings aleatórios, uma linha por entrada do vocabulário (com semente).",
        "lookup": "Trocamos cada id pela sua linha de embedding.",
        "rnn": "## Passando inputs pela camada de RNN",
        "scores": "## Scores de atenção",
        "attention": "## Softmax: os pesos de atenção",
    },
}


def notebook_json(result: PipelineResult, language: str = "en") -> str:
    """The notebook as JSON text."""
    words = _TEXTS.get(language, _TEXTS["en"])
    config = result.config
    code = {stage.key: stage.code for stage in result.stages}
    intro = words["intro"].format(
        seed=config.seed,
        emb=config.embedding_size,
        hid=config.hidden_size,
        cell=config.cell.upper(),
        attention=words[config.attention],
        mask=words["mask"] if config.mask_padding else "",
        temperature=config.temperature,
    )
    text = "\n".join(" ".join(sentence) for sentence in result.sentences)
    cells = [
        _markdown(words["title"] + "\n\n" + intro),
        _code("import math\n\nimport numpy as np\nimport torch"),
        _markdown(words["inputs"]),
        _code(
            f"text = {text!r}\n"
            "sentences = [line.split() for line in text.splitlines() if line.strip()]\n"
            "sentences"
        ),
        _markdown(words["ids"]),
        _code(
            "vocabulary = {}\n"
            "for sentence in sentences:\n"
            "    for token in sentence:\n"
            "        vocabulary.setdefault(token, len(vocabulary) + 1)\n"
            "longest = max(len(sentence) for sentence in sentences)\n"
            "ids = [[vocabulary[t] for t in s] + [0] * (longest - len(s)) for s in sentences]\n"
            + code["token_ids"]
            + "\ntoken_ids"
        ),
        _markdown(words["embeddings"]),
        _code(code["embeddings"] + "\nembeddings.shape"),
        _markdown(words["lookup"]),
        _code(code["inputs"] + "\ninputs.shape"),
        _markdown(words["rnn"]),
        _code(code["rnn_output"] + "\nrnn_output.shape"),
        _markdown(words["scores"]),
        _code(code["scores"] + "\nscores"),
        _markdown(words["attention"]),
        _code(code["attention"] + "\nattention"),
    ]
    for number, cell in enumerate(cells):
        cell["id"] = f"cell-{number}"
    notebook = {
        "cells": cells,
        "metadata": {
            "kernelspec": {"display_name": "Python 3", "language": "python", "name": "python3"},
            "language_info": {"name": "python"},
        },
        "nbformat": 4,
        "nbformat_minor": 5,
    }
    return json.dumps(notebook, ensure_ascii=False, indent=1) + "\n"


def save_notebook(result: PipelineResult, path: str | os.PathLike, language: str = "en") -> None:
    write_text(path, notebook_json(result, language))


def _markdown(text: str) -> dict:
    return {"cell_type": "markdown", "metadata": {}, "source": text}


def _code(text: str) -> dict:
    return {
        "cell_type": "code",
        "execution_count": None,
        "metadata": {},
        "outputs": [],
        "source": text,
    }
