"""How well trained weights do their task, on the task's seeded probe, with heads switched
off and with every head: the numbers ``--evaluate`` prints and the window shows beside a
head that was switched off.

The probe is the task's batch at its ``PROBE`` step (:func:`model.training.tasks.batch`), of
the head detectors' probe's size: random sequences that no training step draws, the same for
every run with the same seed (for ``next``, the user's own sentences, up to that many).
Loss and accuracy are measured as training measures them (:func:`model.training.loop.predict`).
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import torch

from model.training import tasks


@dataclass(frozen=True)
class Score:
    loss: float
    accuracy: float


@dataclass(frozen=True)
class Evaluation:
    """The task's ``score`` with the switched-off heads off, and ``every_head``'s."""

    task: str
    score: Score
    every_head: Score


def evaluate(network, readout, task: str, vocabulary, lengths, ids, ablated=()) -> Evaluation:
    """``network`` (and its ``readout``) on ``task``'s probe, with ``ablated`` heads off and
    with none; ``lengths`` and ``ids`` are the user's sentences'."""
    from model.analysis.probe import probe_size
    from model.training.loop import loss_and_accuracy, predict

    config = network.config
    lengths = np.asarray(lengths)
    size = probe_size(int(lengths.max()))  # the head detectors' probe's size
    drawn, drawn_lengths = tasks.batch(
        task, config.seed, tasks.PROBE, vocabulary.size, lengths, ids, size
    )
    ranks = tasks.alphabetical_ranks(vocabulary.tokens)
    keys = tasks.expected_keys(task, drawn, drawn_lengths, ranks, config.causal)
    target = torch.from_numpy(tasks.batch_targets(task, drawn, drawn_lengths, keys))
    token_ids = torch.from_numpy(drawn)

    def score(off) -> Score:
        with torch.inference_mode():
            _, log_prediction = predict(network, readout, token_ids, off)
            return Score(*loss_and_accuracy(log_prediction, target))

    with_off = score(tuple(ablated))
    return Evaluation(task, with_off, score(()) if ablated else with_off)
