"""Two results side by side: A (pinned), B (current) and B − A, on the same sentences.

Any two results over the same sentences compare, whatever else differs: seed against seed,
masked against unmasked, linear against dot, untrained against trained.  Different
sentences, or different heads (or layers of them), cannot be subtracted and say so.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from model.errors import InputError
from model.stages import PipelineResult


@dataclass(frozen=True)
class Comparison:
    a: PipelineResult
    b: PipelineResult
    difference: np.ndarray  # (B, heads, L, L): b's attention minus a's, in float32


def compare(a: PipelineResult, b: PipelineResult) -> Comparison:
    """B − A, cell by cell; raises InputError when the two cannot be lined up."""
    if a.sentences != b.sentences:
        raise InputError("compare_sentences")
    if a.head_count != b.head_count:
        raise InputError("compare_heads", a=a.head_count, b=b.head_count)
    if a.layer_count != b.layer_count:  # as many maps, laid out otherwise (2 × 2, 1 × 4)
        raise InputError("compare_layers", a=a.layer_count, b=b.layer_count)
    difference = (b.attention_maps - a.attention_maps).astype(np.float32)
    difference.flags.writeable = False
    return Comparison(a, b, difference)
