"""Checks shared by every settings object: each raises :class:`InputError` naming the field.

Values come from users, session files and the command line, so nothing is assumed: a bool
is not a number, ``2.0`` is not a whole number, and a 400-digit number is shown cut short.
"""

from __future__ import annotations

import math

from model.errors import InputError


def shown(value) -> str:
    """A value as the user wrote it, cut short: a 400-digit number must not fill the screen."""
    text = repr(value)
    return text if len(text) <= 24 else text[:20] + "…"


def check_int(name: str, value, low: int, high: int) -> None:
    if isinstance(value, bool) or not isinstance(value, int):
        raise InputError("not_whole_number", field=name, value=shown(value))
    if not low <= value <= high:
        value = value if abs(value) < 10**15 else shown(value)
        raise InputError("out_of_range", field=name, low=low, high=high, value=value)


def check_float(name: str, value, low: float, high: float) -> float:
    """A finite number in [low, high], returned as a float."""
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        raise InputError("not_a_number", field=name, value=shown(value))
    if isinstance(value, int) and abs(value) > 10**15:
        raise InputError("out_of_range", field=name, low=low, high=high, value=shown(value))
    if math.isnan(value):
        raise InputError("not_a_number", field=name, value=shown(value))
    if math.isinf(value):  # a number, only far out of range
        raise InputError("out_of_range", field=name, low=low, high=high, value=value)
    if not low <= value <= high:
        raise InputError("out_of_range", field=name, low=low, high=high, value=float(value))
    return float(value)


def check_bool(name: str, value) -> None:
    if not isinstance(value, bool):
        raise InputError("not_boolean", field=name, value=shown(value))


def check_choice(name: str, value, choices: tuple) -> None:
    if isinstance(value, bool) or value not in choices or type(value) is not type(choices[0]):
        raise InputError("not_a_choice", field=name, choices=choices, value=shown(value))


MAX_HEAD_INDEX = 10**6  # far past any model's heads: the config says which exist
MAX_HEADS_LISTED = 4096  # far past any model's heads too: a longer list is not a list of heads


def check_heads(name: str, value) -> tuple[tuple[int, int], ...]:
    """Heads as ``(layer, head)`` pairs of whole numbers from 0 (a list of lists, from a
    session file, will do), each once; returned sorted, as a tuple of tuples."""
    if not isinstance(value, (list, tuple)) or len(value) > MAX_HEADS_LISTED:
        raise InputError("not_heads", field=name, value=shown(value))
    pairs: dict[tuple[int, int], None] = {}
    for pair in value:
        if not isinstance(pair, (list, tuple)) or len(pair) != 2:
            raise InputError("not_heads", field=name, value=shown(value))
        for number in pair:
            check_int(name, number, 0, MAX_HEAD_INDEX)
        if (pair[0], pair[1]) in pairs:
            raise InputError("heads_twice", field=name, layer=pair[0], head=pair[1])
        pairs[pair[0], pair[1]] = None
    return tuple(sorted(pairs))
