"""The head detectors' seeded probe: random sequences with a repeated segment over the
user's vocabulary, read by the network as it is now.

The probe is the ``induction`` task's own draw (:func:`model.training.tasks.batch` at its
``PROBE`` step): the same sequences for every run with the same seed, vocabulary size and
length, so two runs' scores compare, and a head's labels change only when its weights do.
"""

from __future__ import annotations

import numpy as np

from model.analysis.detectors import head_scores
from model.training import tasks

# At most this many tokens: run with every picture that training publishes, a probe must cost
# less than a keystroke's run (a probe of 64 sequences held the window's frames 8 ms longer).
PROBE_TOKENS = 2048
MAX_PROBE_SEQUENCES = 32


def probe_size(length: int) -> int:
    return max(1, min(MAX_PROBE_SEQUENCES, PROBE_TOKENS // length))


def probe(seed: int, vocab_size: int, length: int) -> tuple[np.ndarray, np.ndarray] | None:
    """The probe's ids and lengths, or None when sentences of ``length`` words are too short
    for a repeat (fewer than 4: two copies of two words)."""
    if length < tasks.MIN_LENGTH[tasks.INDUCTION] or vocab_size < 2:
        return None
    return tasks.batch(
        tasks.INDUCTION, seed, tasks.PROBE, vocab_size, [length], size=probe_size(length)
    )


def probe_scores(network, vocab_size: int, length: int, ablated=()) -> np.ndarray | None:
    """``(maps, 4)``: every head's detector scores on the probe, with the ``ablated`` heads
    switched off (a head after them sees what they no longer write), or None (see
    :func:`probe`)."""
    drawn = probe(network.config.seed, vocab_size, length)
    if drawn is None:
        return None
    import torch  # here: the window asks for the probe's size before torch has loaded

    ids, lengths = drawn
    with torch.inference_mode():
        attention = network(torch.from_numpy(ids), None, ablated)["attention"]
    maps = attention.reshape(len(ids), -1, length, length).numpy()
    return head_scores(maps, ids, lengths)
