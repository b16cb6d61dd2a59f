"""Which heatmaps a handout hides as exercises, from ``--hide`` or the export dialog.

``S`` hides every map of sentence S; ``S:H`` one map (with layers, H counts maps as
``--head`` does: head H mod h of layer H div h); ``S:L.H`` head H of layer L.  Sentences,
layers and heads count from 0, as every view counts them.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from model.errors import InputError

# A sentence, then a map or a layer.head: "2", "2:1", "2:1.0" (ASCII digits: "١" is refused).
_SPEC = re.compile(r"\s*([0-9]{1,18})\s*(?::\s*([0-9]{1,18})(?:\.([0-9]{1,18}))?\s*)?")


@dataclass(frozen=True)
class HandoutChoices:
    """What a handout hides, and whether it is the teacher's copy (answers shown, marked)."""

    hidden: frozenset[tuple[int, int]] = field(default_factory=frozenset)  # (sentence, map)
    teacher: bool = False


def parse_hidden(specs, sentences: int, config) -> frozenset[tuple[int, int]]:
    """The ``(sentence, map)`` pairs that ``specs`` (``--hide`` values) name, refused with
    a message that says why when one names no map of ``sentences`` sentences and the maps
    of ``config`` (a ModelConfig: its layers and heads per layer, 1 and 1 without heads)."""
    layers, heads_per_layer = config.layer_count, config.heads_per_layer
    maps = heads_per_layer * layers
    hidden: set[tuple[int, int]] = set()
    for spec in specs:
        found = _SPEC.fullmatch(spec)
        if found is None:
            raise InputError("hide_malformed", value=spec[:40])
        sentence = int(found[1])
        if sentence >= sentences:
            raise InputError("hide_no_sentence", value=spec, last=sentences - 1)
        if found[2] is None:
            hidden.update((sentence, m) for m in range(maps))
            continue
        if found[3] is None:
            index = int(found[2])
            if index >= maps:
                raise InputError("hide_no_map", value=spec, last=maps - 1)
        else:
            layer, head = int(found[2]), int(found[3])
            if layer >= layers or head >= heads_per_layer:
                raise InputError(
                    "hide_no_head", value=spec, layers=layers - 1, heads=heads_per_layer - 1
                )
            index = layer * heads_per_layer + head
        hidden.add((sentence, index))
    return frozenset(hidden)
