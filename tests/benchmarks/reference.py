"""A minimal reference of the notebook's math, to see what run_pipeline adds on top of it.

The reference does only what the numbers need (tokenize, look up, RNN, Linear, softmax) with
the same seeding; the two are timed alternately in one process, so load and warm-up touch
both alike.
"""

from __future__ import annotations

import statistics
import time

import numpy as np
import torch


def reference(text: str, seed: int = 0, embedding_size: int = 10, hidden_size: int = 4):
    sentences = [line.split() for line in text.splitlines() if line.strip()]
    vocabulary: dict[str, int] = {}
    for sentence in sentences:
        for token in sentence:
            vocabulary.setdefault(token, len(vocabulary) + 1)
    length = max(map(len, sentences))
    ids = np.zeros((len(sentences), length), dtype=np.int64)
    for row, sentence in enumerate(sentences):
        ids[row, : len(sentence)] = [vocabulary[t] for t in sentence]
    with torch.inference_mode():
        table = np.random.RandomState(seed).random_sample((len(vocabulary) + 1, embedding_size))
        inputs = torch.Tensor(table)[torch.from_numpy(ids)]
        state = torch.random.get_rng_state()
        torch.manual_seed(seed)
        rnn = torch.nn.RNN(embedding_size, hidden_size, batch_first=True)
        linear = torch.nn.Linear(hidden_size, length, bias=False)
        torch.random.set_rng_state(state)
        return torch.softmax(linear(rnn(inputs)[0]), dim=-1).numpy()


def ratio(text: str, config, rounds: int = 7) -> tuple[float, float, float]:
    """(run_pipeline's median seconds, the reference's, their ratio), alternating."""
    from model.pipeline import run_pipeline

    ours, theirs = [], []
    same = run_pipeline(text, config).attention
    expected = reference(text, config.seed, config.embedding_size, config.hidden_size)
    if not np.allclose(same, expected, atol=1e-6):  # a race between different sums is no race
        raise AssertionError("the reference and run_pipeline disagree")
    for _ in range(rounds):
        start = time.perf_counter()
        run_pipeline(text, config)
        ours.append(time.perf_counter() - start)
        start = time.perf_counter()
        reference(text, config.seed, config.embedding_size, config.hidden_size)
        theirs.append(time.perf_counter() - start)
    a, b = statistics.median(ours), statistics.median(theirs)
    return a, b, a / b
