"""What a handout shows, as plain data: the page draws it, and decides nothing about it.

Every number here comes from the result: the weights (float32, as ``--export-tensors``
writes them), each row's sum, largest weight, entropy and the entropy of no preference
(the readout's, :class:`model.stages.PipelineResult`'s own), the walk-throughs
(:mod:`figures.handout.walkthrough`), the stages' values and the training curves.  The page
only formats them, with the interface's decimal mark.

A hidden map keeps its layout in the open (its tokens, which cells are padding or masked)
and everything that would give its weights away in ``answer``: the weights, the readouts,
the walk-throughs and the query × key tables of its stages.  :mod:`figures.handout.page`
encodes the answers before they go into the page.
"""

from __future__ import annotations

import base64

import numpy as np

from figures.colours import lookup_table
from figures.handout.choices import HandoutChoices
from figures.handout.walkthrough import MAX_EXPLAINED_CELLS, compressed, walkthrough_pack
from figures.heatmap import uniform_level
from model import explanations
from model.maps import map_name, map_words
from model.options import notebook_header
from model.stages import PipelineResult
from resources import catalog

# Values of one stage the page keeps, for every sentence (and map); a larger stage shows
# its shape, code and text, and says that --export-tensors has its values.
MAX_STAGE_VALUES = 60_000
# Training curves are drawn from at most this many points (every k-th step, and the last).
MAX_CURVE_POINTS = 400
# Cells of all the maps one handout holds: 1.5 million floats are 8 MB of page.
MAX_HANDOUT_CELLS = 1_500_000


def packed(values: np.ndarray, dtype=np.float32) -> str:
    """An array as base64 of its little-endian bytes, for the page's typed arrays."""
    little = np.dtype(dtype).newbyteorder("<")
    return base64.b64encode(np.ascontiguousarray(values, dtype=little).tobytes()).decode("ascii")


def handout_data(
    result: PipelineResult, language: str, choices: HandoutChoices, colour_map: str = "cividis"
) -> dict:
    """Everything the page shows of ``result``, in ``language``; the maps in ``choices.hidden``
    carry their answers apart (see the module's text)."""
    from model.errors import InputError

    cells = result.batch_size * result.head_count * result.max_length**2
    if cells > MAX_HANDOUT_CELLS:
        raise InputError("handout_too_big", cells=cells, limit=MAX_HANDOUT_CELLS)
    words = catalog("handout", language)
    config = result.config
    training = result.training
    secrets: dict[tuple[int, int], dict] = {}
    stages = _stages(result, language, choices.hidden, secrets)
    return {
        "language": language,
        "words": words,
        "settings": notebook_header(config),
        "attention": config.attention,
        "causal": bool(config.causal),
        "mask_padding": bool(config.mask_padding),
        "keys_are": result.key_axis,
        "sentences": [" ".join(sentence) for sentence in result.sentences],
        "vocabulary": {
            "tokens": list(result.vocabulary.tokens),
            "counts": list(result.vocabulary.counts),
        },
        "ids": result.token_ids.tolist(),
        "lengths": result.lengths.tolist(),
        "layers": config.layer_count,
        "heads": config.heads_per_layer,
        "colours": lookup_table(colour_map).tolist(),
        "teacher": choices.teacher,
        "stages": stages,
        "maps": _maps(result, language, choices.hidden, secrets),
        "training": None if training is None or not training.steps else _training(result, language),
    }


def _maps(result: PipelineResult, language: str, hidden, secrets: dict) -> list[dict]:
    names = map_words(language)
    maps = []
    budget = MAX_EXPLAINED_CELLS
    expected = _expected_keys(result)
    for b in range(result.batch_size):
        states = result.cell_states(b)
        largest, at = result.row_max
        for m in range(result.head_count):
            explained = budget >= result.max_length**2
            if explained:
                budget -= result.max_length**2
            answer = {
                "values": packed(result.attention_maps[b, m]),
                "sums": _exact(result.attention_row_sums[b, m]),
                "max": _exact(largest[b, m]),
                "argmax": at[b, m].astype(int).tolist(),
                "entropy": _exact(result.row_entropy[b, m]),
                "walkthrough": (
                    compressed(walkthrough_pack(result, b, m, language)) if explained else None
                ),
                "expected": None if expected is None else expected[b].astype(int).tolist(),
                "tables": secrets.get((b, m), {}),
            }
            maps.append(
                {
                    "sentence": b,
                    "map": m,
                    "name": map_name(result.config, m, **names) if result.head_count > 1 else "",
                    "labels": result.position_labels(b),
                    "length": int(result.lengths[b]),
                    "states": packed(states, np.uint8),
                    "uniform": uniform_level(result, [(b, m)]),
                    "uniform_entropy": _exact(result.row_uniform_entropy[b]),
                    "hidden": (b, m) in hidden,
                    "answer": answer,
                }
            )
    return maps


def _stages(result: PipelineResult, language: str, hidden, secrets: dict) -> list[dict]:
    """Every stage: its title, text, code, shape and named dims, and its values where they
    are not too many; a hidden map's query × key tables go to ``secrets[(sentence, map)]``."""
    trained = result.training is not None and bool(result.training.steps)
    words = catalog("handout", language)
    stages = []
    for stage in result.stages:
        entry = {
            "key": stage.key,
            "title": explanations.stage_title(stage, language),
            "text": explanations.stage_text(stage, language, trained=trained),
            "code": explanations.code_comments(stage.code, language),
            "shape": list(stage.shape),
            "dims": list(stage.dims),
            "tables": None,
        }
        if stage.values.size <= MAX_STAGE_VALUES:
            entry["tables"] = _tables(result, stage, hidden, secrets, words)
        stages.append(entry)
    return stages


def _tables(result: PipelineResult, stage, hidden, secrets: dict, words: dict) -> list[dict]:
    """The stage as the pipeline pane shows it, one labelled table per sentence (and map);
    the values of a hidden map's query × key tables go with its answer (``"secret"``)."""
    sentences = range(result.batch_size) if stage.per_sentence else [0]
    maps = range(result.head_count) if (stage.per_head or stage.per_layer) else [0]
    square = "query_position" in stage.dims and "key_position" in stage.dims
    tables = []
    for b in sentences:
        for m in maps:
            table = result.stage_table(stage.key, b, m)
            entry = {
                "sentence": b if stage.per_sentence else None,
                "map": m if len(maps) > 1 else None,
                "rows": _row_labels(table, words),
                "columns": [str(label) for label in table.columns],
                "integers": bool(np.issubdtype(table.values.dtype, np.integer)),
                "muted": packed(table.padding, np.uint8),
            }
            values = packed(np.asarray(table.values, dtype=np.float32))
            shown = [m] if len(maps) > 1 else range(result.head_count)  # the maps it tells of
            secret = square and stage.per_sentence and any((b, k) in hidden for k in shown)
            entry["secret"] = secret
            if secret:
                for k in shown:
                    secrets.setdefault((b, k), {})[stage.key] = values
            else:
                entry["values"] = values
            tables.append(entry)
    return tables


def _training(result: PipelineResult, language: str) -> dict:
    record = result.training
    steps = int(record.steps)
    every = max(1, -(-steps // MAX_CURVE_POINTS))
    picked = np.arange(0, steps, every)
    if picked[-1] != steps - 1:
        picked = np.append(picked, steps - 1)
    task = explanations.entry(f"task.{record.task}", language)
    return {
        "task": record.task,
        "title": task["title"],
        "text": task["text"],
        "steps": steps,
        "learning_rate": record.learning_rate,
        "step": (picked + 1).tolist(),
        "loss": _rounded(np.asarray(record.loss)[picked], 6),
        "accuracy": _rounded(np.asarray(record.accuracy)[picked], 6),
        "expected_weight": (
            None
            if _expected_keys(result) is None  # "next": no expected key, and no such curve
            else _rounded(np.asarray(record.expected_weight)[picked], 6)
        ),
    }


def _row_labels(table, words: dict) -> list[str]:
    """A table's row labels; the rows of the id matrix are named in the page's language."""
    if table.dims[0] == "sentence":
        return [words["sentence_n"].format(n=b) for b in range(len(table.rows))]
    return [str(label) for label in table.rows]


def _exact(values) -> list:
    """Numbers for JSON as the readout formats them: every digit kept, so that the page's
    rounding to 6, 3 or 2 decimals is the window's (NaN, for "none", as None)."""
    return [None if not np.isfinite(v) else float(v) for v in np.ravel(values)]


def _expected_keys(result: PipelineResult):
    """``(B, L)`` the key each query of a trained run should attend to (-1: none), or None
    when there is no training or its task expects no key (``next``)."""
    record = result.training
    if record is None or not record.steps or not (np.asarray(record.expected_keys) >= 0).any():
        return None
    return record.expected_keys


def _rounded(values, places: int) -> list:
    """Numbers for JSON, rounded to ``places`` decimals (NaN, for "none", as None)."""
    return [None if not np.isfinite(v) else round(float(v), places) for v in np.ravel(values)]
