"""A Jupyter notebook that redoes the app's computation, step by step like the seed notebook.

Its code cells are the very code each stage reports, in the result's order, so running the
notebook top to bottom reproduces the app's tensors.  A transformer's block stages report
their lines inside the loop over blocks: one cell builds the blocks, one runs that loop,
keeping each block's stages, and each stage's own cell then stacks its blocks along a layer
axis (``dim=1``), as the app's tensors have it.  With training, the task's data and the
training loop follow the untrained stages.  A model with heads ends with its head detectors
(:mod:`model.analysis.detector_cells`): the seeded probe, every head's attention on it and the
four scores the app shows.  Written as nbformat 4.5 JSON; no Jupyter is needed.
"""

from __future__ import annotations

import json
import os
import re

from model.explanations import code_comments, stage_text, stage_title
from model.files import write_text
from model.options import notebook_header
from model.stages import PipelineResult

_TEXTS = {
    "en": {
        "title": "# Self-attention study, exported from Attention Study",
        "intro": "The pipeline of the notebook *Estudo de Self-Attention* on these sentences, "
        "with these settings: {settings}. Run the cells from top to bottom: they give exactly "
        "the numbers the app showed.",
        "inputs": "## Generating the inputs\n\nOne sentence per line; tokens split on "
        "whitespace. Each word gets an id by order of first appearance; 0 is `<pad>`, which "
        "fills short sentences up to the longest one.",
        "encoder.rnn": "## Through the recurrent layer",
        "encoder.none": "## Positions instead of a recurrent layer",
        "scores": "## Attention scores",
        "blocks": "## Transformer blocks\n\nThe cell below builds {layers} blocks, a final "
        "norm and the next-word head; the one after it runs every block in turn on the "
        "residual stream `z` and keeps what each stage gives in each block. The cells that "
        "follow stack each stage's blocks along a layer axis (dim=1): (B, layers, …).",
        "stacked": "every block's {key}, stacked: (B, layers, …)",
        "training": "## Training",
    },
    "pt": {
        "title": "# Estudo de Self-Attention, exportado do Attention Study",
        "intro": "O pipeline do notebook *Estudo de Self-Attention* nestas sentenças, com "
        "estas configurações: {settings}. Rode as células de cima para baixo: elas dão "
        "exatamente os números que o app mostrou.",
        "inputs": "## Gerando Inputs\n\nUma sentença por linha; tokens separados por espaços. "
        "Cada palavra recebe um id na ordem em que aparece; 0 é o `<pad>`, que completa as "
        "sentenças curtas até o tamanho da maior.",
        "encoder.rnn": "## Passando inputs pela camada de RNN",
        "encoder.none": "## Posições no lugar da camada recorrente",
        "scores": "## Scores de atenção",
        "blocks": "## Blocos do transformer\n\nA célula abaixo constrói {layers} blocos, o "
        "layer norm final e a cabeça de próxima palavra; a seguinte roda cada bloco, um após "
        "o outro, no fluxo residual `z` e guarda o que cada estágio dá em cada bloco. As "
        "células depois dela empilham os blocos de cada estágio num eixo de camadas (dim=1): "
        "(B, camadas, …).",
        "stacked": "{key} de cada bloco, empilhados: (B, camadas, …)",
        "training": "## Treino",
    },
}


def notebook_json(result: PipelineResult, language: str = "en", training_code: str = "") -> str:
    """The notebook as JSON text.  ``training_code`` (from the training module) comes last:
    it trains the layers the stage cells built, then recomputes the trained stages."""
    words = _TEXTS.get(language, _TEXTS["en"])
    settings = notebook_header(result.config)
    text = "\n".join(" ".join(sentence) for sentence in result.sentences)
    cells = [
        _markdown(words["title"] + "\n\n" + words["intro"].format(settings=settings)),
        _code("import math\n\nimport numpy as np\nimport torch"),
        _markdown(words["inputs"]),
        _code(
            f"text = {text!r}\n"
            "sentences = [line.split() for line in text.splitlines() if line.strip()]\n"
            "vocabulary = {}\n"
            "for sentence in sentences:\n"
            "    for token in sentence:\n"
            "        vocabulary.setdefault(token, len(vocabulary) + 1)\n"
            "longest = max(len(sentence) for sentence in sentences)\n"
            "ids = [[vocabulary[t] for t in s] + [0] * (longest - len(s)) for s in sentences]"
        ),
    ]
    blocks = [stage for stage in result.stages if stage.per_layer]
    for stage in result.stages:
        if blocks and stage is blocks[0]:
            cells += [
                _markdown(words["blocks"].format(layers=result.layer_count)),
                _code(code_comments(block_build(blocks), language)),
                _code(code_comments(block_loop(blocks, collect=BLOCKS), language)),
            ]
        if stage.role == "encoder":
            kind = "none" if result.config.cell == "none" else "rnn"
            cells.append(_markdown(words[f"encoder.{kind}"]))
        elif stage.role == "scores":
            cells.append(_markdown(words["scores"]))
        title, explanation = stage_title(stage, language), stage_text(stage, language)
        cells.append(_markdown(f"### {title}\n\n{explanation}"))
        show = stage.key if stage.role == "attention" else f"{stage.key}.shape"
        code = stage.code
        if stage.per_layer:
            code = f"# {words['stacked'].format(key=stage.key)}\n{stacked(stage.key)}"
        cells.append(_code(f"{code_comments(code, language)}\n{show}"))
    if training_code:
        cells += [_markdown(words["training"]), _code(code_comments(training_code, language))]
    if result.probe_scores is not None:
        # The head detectors (that module imports this one's loop over blocks).
        from model.analysis.detector_cells import INDUCTION_BATCH, probe_code, probe_text

        defined = INDUCTION_BATCH in training_code  # the induction task's cell drew it
        cells += [
            _markdown(probe_text(result, language)),
            _code(probe_code(result, language, defined)),
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


# The loop over a transformer's blocks: its header in the build code of the first block stage
# (it counts the blocks, ``n``, when heads are switched off: block n's are ``keep[n]``).
LOOP = "for b in blocks:"
LOOPS = (LOOP, "for n, b in enumerate(blocks):")
BLOCKS = "per_block"  # the notebook's lists of each block stage, one entry per block


def block_build(blocks) -> str:
    """The build code of a transformer (``blocks`` are its per-layer stages, in order): the
    first block stage's, without the loop's header, which :func:`block_loop` writes."""
    first = blocks[0]
    build = first.code[: len(first.code) - len(first.compute)].rstrip("\n")
    lines = build.splitlines()
    return "\n".join(line for line in lines if not line.startswith(LOOPS))


def block_loop(blocks, collect: str | None = None, keep: str = "") -> str:
    """The loop over blocks running every block stage's ``compute`` lines; ``collect``
    names a dict that gets each stage's value in each block, ``keep`` is a line run at the
    end of each block (with ``collect``, after it)."""
    header = next((line for line in blocks[0].code.splitlines() if line.startswith(LOOPS)), LOOP)
    body = "\n".join(stage.compute for stage in blocks).splitlines()
    keys = ", ".join(stage.key for stage in blocks)
    lines = []
    if collect:
        names = ", ".join(f'"{stage.key}"' for stage in blocks)
        lines.append(f"{collect} = {{key: [] for key in ({names})}}")
    lines.append(header)
    lines += ["    " + line if line else line for line in body]
    if collect:
        lines += [
            f"    for key, value in zip({collect}, ({keys})):",
            f"        {collect}[key].append(value)",
        ]
    if keep:
        lines.append("    " + keep)
    return "\n".join(lines)


def stacked(key: str, collect: str = BLOCKS) -> str:
    """The line that stacks a block stage's values along the layer axis, after the batch."""
    return f'{key} = torch.stack({collect}["{key}"], dim=1)'


def any_batch(code: str, batch: int) -> str:
    """The stages' code for batches of any size: multi-head attention splits and joins its
    heads with ``.view(B, …)`` and ``.reshape(B, …)``, written for the B sentences shown."""
    return re.sub(rf"\.(view|reshape)\({batch}, ", r".\1(-1, ", code)


def save_notebook(
    result: PipelineResult, path: str | os.PathLike, language: str = "en", training_code=""
) -> None:
    write_text(path, notebook_json(result, language, training_code))


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
