"""Writing with the transformer: a prompt, then one word at a time from the next-word head.

At each step the whole text so far goes through the network; the last position's logits,
divided by the sampling temperature and cut to the ``top_k`` most likely words, give the
next word (the most likely one at temperature 0).  ``<pad>`` ends the text, as the ``next``
task trains the last word of a sentence to predict it.  Draws come from a generator seeded
with ``seed`` alone: the same prompt, weights and settings always write the same words, and
the caller's global RNG is never touched.

Each generated word keeps what produced it: the attention of the position that predicted it,
over the words before, in every head of every layer, and its ten most likely candidates.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

import numpy as np
import torch

from model.architectures import Cancelled
from model.config import MAX_TRANSFORMER_LENGTH
from model.errors import InputError
from model.tokenizer import PAD, Vocabulary
from model.validate import check_float, check_int

MAX_WORDS = 200  # words generated at once
MAX_SAMPLE_TEMPERATURE = 10.0  # far past where sampling is uniform noise
MAX_SAMPLE_SEED = 2**31 - 1
CANDIDATES = 10  # the most likely words kept for each step


@dataclass(frozen=True, eq=False)
class Step:
    """One generated word: its id, its probability, what the model looked at and weighed."""

    word: str
    probability: float  # the model's own for the word drawn (softmax of the logits, as
    # the candidates' are), whatever temperature and top-k made the draw
    attention: np.ndarray  # (maps, T): the predicting position's weights over the T words
    candidates: tuple[tuple[str, float], ...]  # the most likely words and their probability


@dataclass(frozen=True, eq=False)
class Generation:
    """A prompt and its continuation; ``ended`` when the model wrote ``<pad>``."""

    prompt: tuple[str, ...]
    steps: tuple[Step, ...]
    ended: bool
    temperature: float
    top_k: int
    seed: int

    @property
    def words(self) -> tuple[str, ...]:
        return tuple(step.word for step in self.steps)

    @property
    def text(self) -> str:
        """The prompt and its continuation, one line."""
        return " ".join((*self.prompt, *self.words))

    def context(self, index: int) -> tuple[str, ...]:
        """The words the model had read when it wrote word ``index`` of the continuation."""
        return (*self.prompt, *self.words[:index])


def prompt_ids(prompt: str, vocabulary: Vocabulary) -> list[int]:
    """The prompt's ids; a word outside the vocabulary is an :class:`InputError` naming it."""
    words = prompt.split()
    if not words:
        raise InputError("empty_prompt")
    index = {token: i for i, token in enumerate(vocabulary.tokens)}
    for word in words:
        if word not in index or word == PAD:
            raise InputError("unknown_prompt_word", word=word)
    return [index[word] for word in words]


def generate(
    network,
    vocabulary: Vocabulary,
    prompt: str,
    words: int,
    temperature: float = 0.0,
    top_k: int = 0,
    seed: int = 0,
    cancelled: Callable[[], bool] | None = None,
) -> Generation:
    """Continue ``prompt`` by up to ``words`` words with ``network`` (a transformer).

    ``temperature`` 0 is greedy; ``top_k`` 0 keeps every word.  Raises
    :class:`InputError` for an empty prompt, a word outside the vocabulary, or settings out
    of range, and :class:`Cancelled` when ``cancelled()`` turns true between words.
    """
    if network.config.attention != "transformer":
        raise InputError("generate_needs_transformer")
    check_int("words", words, 1, MAX_WORDS)
    temperature = check_float("sample_temperature", temperature, 0.0, MAX_SAMPLE_TEMPERATURE)
    check_int("top_k", top_k, 0, vocabulary.size)
    check_int("sample_seed", seed, 0, MAX_SAMPLE_SEED)
    ids = prompt_ids(prompt, vocabulary)
    if len(ids) + words > MAX_TRANSFORMER_LENGTH:
        raise InputError(
            "generation_too_long", prompt=len(ids), words=words, limit=MAX_TRANSFORMER_LENGTH
        )
    generator = torch.Generator().manual_seed(seed)
    steps, ended = [], False
    with torch.inference_mode():
        for _ in range(words):
            if cancelled is not None and cancelled():
                raise Cancelled
            stages = network(torch.tensor([ids]))
            logits = stages["logits"][0, -1].double()
            choice = _choose(logits, temperature, top_k, generator)
            if choice == 0:
                ended = True
                break
            probabilities = torch.softmax(logits, -1)
            top = torch.topk(probabilities, min(CANDIDATES, len(logits)))
            attention = stages["attention"][0, :, :, -1, :]  # (layers, h, T)
            steps.append(
                Step(
                    vocabulary.tokens[choice],
                    float(probabilities[choice]),
                    attention.reshape(-1, attention.shape[-1]).numpy().copy(),
                    tuple(
                        (vocabulary.tokens[i], float(p))
                        for p, i in zip(top.values.tolist(), top.indices.tolist(), strict=True)
                    ),
                )
            )
            ids.append(choice)
    return Generation(tuple(prompt.split()), tuple(steps), ended, temperature, top_k, seed)


def _choose(logits, temperature, top_k, generator) -> int:
    """The next id: the likeliest at temperature 0, else drawn from the softmax of the
    logits divided by the temperature, among the ``top_k`` likeliest (0: all)."""
    if temperature == 0.0:
        return int(torch.argmax(logits))
    scaled = logits / temperature
    if 0 < top_k < len(scaled):
        cut = torch.topk(scaled, top_k).values[-1]
        scaled = scaled.masked_fill(scaled < cut, float("-inf"))
    return int(torch.multinomial(torch.softmax(scaled, -1), 1, generator=generator))
