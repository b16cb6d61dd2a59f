"""What the next-word pane shows, read from a result: numbers as the model gave them.

A transformer's result holds, for every position of every sentence, the logits of the next
word and their softmax (``logits`` and ``next_word``, both (B, L, V)).  :func:`predict` picks
one position's ten most likely words, the word that really follows there in the sentence
(``<pad>``, the end, after the last word), and the softmax's arithmetic for each: its logit,
exp(logit) and the sum over the whole vocabulary that divides it.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from model.tokenizer import PAD

SHOWN = 10  # the most likely words shown
LARGE_LOGIT = 50.0  # beyond this, exp overflows its printing: every logit is shifted first


@dataclass(frozen=True)
class Candidate:
    """One possible next word: the model's probability and the softmax's arithmetic."""

    word: str
    rank: int  # 1 for the most likely
    probability: float  # the model's own, from ``next_word``
    logit: float  # from ``logits``
    exp: float  # exp(logit − shift)
    follows: bool  # the word that follows in the sentence

    def share(self, total: float) -> float:
        """exp ÷ Σ: the probability worked out from the logit (equal to the model's)."""
        return self.exp / total


@dataclass(frozen=True)
class Prediction:
    """Position ``position`` of sentence ``sentence``: its guesses at the word after it."""

    sentence: int
    position: int
    words: tuple[str, ...]  # the sentence's words
    candidates: tuple[Candidate, ...]  # the most likely, most likely first
    following: Candidate  # the word that follows (among the candidates, or not)
    total: float  # Σ exp(logit − shift) over the whole vocabulary
    shift: float  # subtracted from every logit before exp (0 unless logits are large)
    vocabulary_size: int

    @property
    def word(self) -> str:
        return self.words[self.position]

    @property
    def context(self) -> tuple[str, ...]:
        """The words this position has read: itself and those before it (the causal mask)."""
        return self.words[: self.position + 1]

    @property
    def ends(self) -> bool:
        """The last word: what follows is ``<pad>``, the end."""
        return self.following.word == PAD

    @property
    def following_shown(self) -> bool:
        return self.following.rank <= len(self.candidates)


def has_next_words(result) -> bool:
    """Whether ``result`` predicts next words (the transformer's head)."""
    return result is not None and "next_word" in result.keys


def position_of(result, cell, sentence_shown: int) -> tuple[int, int]:
    """The (sentence, position) to predict from: the picked cell's sentence and query row,
    else the first position of the sentence shown (the first sentence when all are).  A cell
    of a sentence the heatmap no longer shows does not count: the pane follows the heatmap.
    A view or cell still naming a sentence the result lacks (a session on its way) gives
    way to the result's last sentence."""
    last = result.batch_size - 1
    if cell is not None and sentence_shown in (-1, cell[0]) and cell[0] <= last:
        return cell[0], cell[2]
    return min(max(sentence_shown, 0), last), 0


def predict(result, sentence: int, position: int, shown: int = SHOWN) -> Prediction | None:
    """The prediction at ``position`` of ``sentence``, or None when that position is padding
    (past the sentence's end: there is no word there to read)."""
    words = result.sentences[sentence]
    if not 0 <= position < len(words):
        return None
    probabilities = result.stage("next_word").values[sentence, position].astype(np.float64)
    logits = result.stage("logits").values[sentence, position].astype(np.float64)
    biggest = float(np.max(np.abs(logits)))
    shift = float(np.max(logits)) if biggest > LARGE_LOGIT else 0.0
    exps = np.exp(logits - shift)
    total = float(exps.sum())
    tokens = result.vocabulary.tokens
    order = np.argsort(-probabilities, kind="stable")  # ties keep the vocabulary's order
    ranks = np.empty_like(order)
    ranks[order] = np.arange(1, len(order) + 1)
    following_id = int(result.token_ids[sentence, position + 1]) if position + 1 < len(words) else 0

    def candidate(index: int) -> Candidate:
        return Candidate(
            tokens[index],
            int(ranks[index]),
            float(probabilities[index]),
            float(logits[index]),
            float(exps[index]),
            index == following_id,
        )

    candidates = tuple(candidate(int(i)) for i in order[: min(shown, len(order))])
    return Prediction(
        sentence,
        position,
        tuple(words),
        candidates,
        candidate(following_id),
        total,
        shift,
        len(tokens),
    )
