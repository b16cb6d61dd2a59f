"""The handout as one HTML file: the page's markup, style and script from
``resources/handout/``, and the data of :mod:`figures.handout.content` inside it.

The data goes in as JSON in a ``<script type="application/json">`` element, with every
``<``, ``>`` and ``&`` written as a ``\\u`` escape: no text a user typed can close the
element or become markup, and the script shows every text with ``textContent``, never as
HTML.  A hidden map's answer is JSON too, encoded (:func:`encode`): not readable in the
page's source; the script decodes it when the student presses Reveal.
"""

from __future__ import annotations

import html
import json
import re

import numpy as np

from figures.handout.choices import HandoutChoices
from figures.handout.content import handout_data
from model.stages import PipelineResult
from resources import path

# The page's script, in this order: helpers, the head and stages, the maps, the exercises,
# the training curves, then the start that draws the page.  One strict-mode scope holds them.
SCRIPTS = ("util.js", "header.js", "heatmap.js", "maps.js", "exercise.js", "training.js")
START = "handout.js"

_MARKS = re.compile(r"/\*(?:STYLE|SCRIPT|DATA)\*/|<!--(?:LANG|TITLE)-->")
_ESCAPES = str.maketrans({"<": "\\u003c", ">": "\\u003e", "&": "\\u0026"})
_ESCAPES.update({0x2028: "\\u2028", 0x2029: "\\u2029"})


def handout_html(
    result: PipelineResult,
    language: str,
    choices: HandoutChoices | None = None,
    colour_map: str = "cividis",
) -> str:
    """The whole page of ``result`` in ``language``, hiding ``choices.hidden``."""
    choices = choices or HandoutChoices()
    data = handout_data(result, language, choices, colour_map)
    for number, entry in enumerate(data["maps"]):
        answer = json.dumps(entry.pop("answer"), ensure_ascii=False, separators=(",", ":"))
        if entry["hidden"] and not choices.teacher:
            entry["sealed"] = encode(answer.encode("utf-8"), number)
        else:
            entry["answer"] = json.loads(answer)
    folder = path("handout")
    words = data["words"]
    title = words["title"].format(first=data["sentences"][0] if data["sentences"] else "")
    if choices.teacher:
        title = words["teacher_title"].format(title=title)
    parts = {
        "/*STYLE*/": (folder / "handout.css").read_text(encoding="utf-8"),
        "/*SCRIPT*/": script(folder),
        "<!--LANG-->": language,
        "<!--TITLE-->": html.escape(title),
        "/*DATA*/": script_json(data),
    }
    # One pass over the template: a sentence that reads "/*DATA*/" is never taken for a mark.
    template = (folder / "page.html").read_text(encoding="utf-8")
    return _MARKS.sub(lambda found: parts[found[0]], template)


def script(folder) -> str:
    """The page's script: its parts in their order, inside one function in strict mode."""
    parts = [(folder / name).read_text(encoding="utf-8") for name in (*SCRIPTS, START)]
    return '(function () {\n"use strict";\n' + "\n".join(parts) + "})();\n"


def script_json(data) -> str:
    """``data`` as JSON that is safe inside a ``<script>`` element."""
    return json.dumps(data, ensure_ascii=False, separators=(",", ":")).translate(_ESCAPES)


def encode(raw: bytes, number: int) -> str:
    """``raw`` mixed with a keystream of map ``number``, as base64: the page's
    ``decode`` undoes it.  It keeps answers out of sight, not out of reach."""
    import base64

    data = np.frombuffer(raw, dtype=np.uint8)
    return base64.b64encode((data ^ keystream(len(data), number)).tobytes()).decode("ascii")


def keystream(size: int, number: int) -> np.ndarray:
    """Byte i of map ``number``'s keystream: (i·73 + (i >> 7)·151 + number·29 + 11) mod 256
    (the page computes the same)."""
    i = np.arange(size, dtype=np.int64)
    return ((i * 73 + (i >> 7) * 151 + number * 29 + 11) & 255).astype(np.uint8)


def write_handout(
    stream, result: PipelineResult, language: str, choices=None, colour_map="cividis"
):
    """Write the page to a binary ``stream``, UTF-8."""
    stream.write(handout_html(result, language, choices, colour_map).encode("utf-8"))
