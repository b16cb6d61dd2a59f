"""Titles and explanations of stages, in the interface's language, filled with the run's facts.

The texts live in ``resources/explanations/<language>.json``, keyed by a stage's
``explanation``; the window, the exported notebook and the lesson all read them here.
"""

from __future__ import annotations

from model.numbers import format_number
from model.stages import Stage
from resources import catalog


def entry(key: str, language: str = "en") -> dict:
    """An entry of the catalog by key: its ``title`` and ``text`` (tasks, training)."""
    return _entry(key, language)


def code_comments(code: str, language: str = "en") -> str:
    """A stage's PyTorch line with its comments in ``language``: the model writes them in
    English, and the catalog's "code_comments" maps each to its translation."""
    for english, translated in catalog("explanations", language).get("code_comments", {}).items():
        code = code.replace(f"# {english}", f"# {translated}")
    return code


def _entry(key: str, language: str) -> dict:
    return catalog("explanations", language).get(key) or catalog("explanations", "en")[key]


def _facts(stage: Stage, language: str) -> dict:
    return {
        name: format_number(value, language) if isinstance(value, (int, float)) else value
        for name, value in stage.facts.items()
    }


def stage_title(stage: Stage, language: str = "en") -> str:
    return _entry(stage.explanation, language)["title"].format(**_facts(stage, language))


def stage_text(stage: Stage, language: str = "en", trained: bool = False) -> str:
    """What ``stage`` is; ``trained``: said of trained weights, where that changes the story
    (an entry's ``trained`` text; the embeddings, say, are no longer the seed's numbers)."""
    entry = _entry(stage.explanation, language)
    text = entry.get("trained", entry["text"]) if trained else entry["text"]
    return text.format(**_facts(stage, language))
