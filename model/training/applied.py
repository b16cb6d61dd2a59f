"""Trained weights applied to the user's sentences: the result the window shows while a
model trains.

The worker thread publishes a copy of its weights with the job that made them (its model
settings, training settings, vocabulary and sentence lengths) and the history so far; the
pipeline's thread runs the user's sentences on that copy when they still fit it.
"""

from __future__ import annotations

import numpy as np


def fits(job, config, vocabulary, length: int, ids=None) -> bool:
    """Whether a training job's weights apply to sentences with this vocabulary and length.

    The ``next`` task trains on the sentences themselves: its weights apply to those ``ids``
    only (an edit is new training data, and training starts again)."""
    if job is None:
        return False
    same = (
        job.config.with_every_head() == config.with_every_head()  # heads off: same weights
        and job.vocabulary.tokens == vocabulary.tokens
        and int(np.max(job.lengths)) == length
    )
    if same and job.settings.task == "next":
        return job.ids is not None and ids is not None and np.array_equal(job.ids, ids)
    return same


def trained_result(run_pipeline, text: str, config, published, cancelled):
    """The user's sentences on the ``published`` weights (a copy with its ``job``, ``step``,
    ``network`` and ``history``) when they fit, else untrained (``run_pipeline``'s)."""
    import torch

    from model.config import check_input_size
    from model.pipeline import run_network
    from model.tokenizer import encode, split_sentences
    from model.training import tasks
    from model.training.evaluation import evaluate
    from model.training.loop import training_record

    sentences = split_sentences(text)
    check_input_size(len(sentences), max(map(len, sentences)), config)
    vocabulary, ids = encode(sentences)
    job = published.job if published is not None else None
    if not fits(job, config, vocabulary, ids.shape[1], ids):
        return run_pipeline(text, config, cancelled=cancelled)
    history = published.history
    lengths = np.fromiter(map(len, sentences), dtype=np.int64, count=len(sentences))
    ranks = tasks.alphabetical_ranks(vocabulary.tokens)
    keys = tasks.expected_keys(job.settings.task, ids, lengths, ranks, config.causal)
    rates = history.learning_rate
    rate = float(rates[-1]) if len(rates) else job.settings.learning_rate
    evaluation = None
    if config.attention == "transformer":  # its own next-word head reads out
        evaluation = evaluate(published.network, torch.nn.Identity(), job.settings.task,
                              vocabulary, lengths, ids, config.ablated)  # fmt: skip
    record = training_record(job.settings, published.step, rate, history, keys, evaluation)
    return run_network(
        published.network, sentences, vocabulary, ids, cancelled, record, config.ablated
    )
