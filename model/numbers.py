"""Numbers as people read them, in the interface's language.

Prose, cells, readouts and charts use the language's decimal mark (a comma in Portuguese);
code, CSV, notebooks and the command line's tables always use a point, and never come here.
"""

from __future__ import annotations

import math

_PORTUGUESE = str.maketrans({",": ".", ".": ","})


def format_number(value: float, language: str = "en") -> str:
    """``1024`` → "1,024" in English and "1.024" in Portuguese; floats as short as exact."""
    if isinstance(value, int):
        text = f"{value:,}"
    elif math.isfinite(value):
        text = f"{value:,.6g}" if abs(value) < 1e6 else f"{value:.6g}"
    else:
        text = repr(value)
    return _marks(text, language)


def fixed(value: float, places: int, language: str = "en") -> str:
    """``value`` with ``places`` decimals and no grouping: "0.69" in English, "0,69" in
    Portuguese."""
    return _marks(f"{value:.{places}f}", language)


def in_language(text: str, language: str) -> str:
    """A number already written with a point (and commas grouping) in ``language``'s marks."""
    return _marks(text, language)


def _marks(text: str, language: str) -> str:
    return text.translate(_PORTUGUESE) if language == "pt" else text
