"""Sentences to token ids, exactly as the notebook numbers its words.

Tokens are case-sensitive and split on whitespace only, as typed.  Ids are handed out
1, 2, 3 … in order of first appearance, sentence by sentence, left to right; id 0 is the
padding token that fills short sentences up to the longest one.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

import numpy as np

PAD = "<pad>"

# The notebook's three sentences ("Sentenças Fictícias"), the program's starting example.
NOTEBOOK_TEXT = "o mikas ta ali\neu gosto de batata frita\nexistem elefantes"


def split_sentences(text: str) -> list[list[str]]:
    """Split ``text`` into sentences (one per line) of whitespace-separated tokens.

    Blank lines are skipped.  Raises :class:`ValueError` when no sentence is left or the
    text holds characters that cannot be written out (unpaired surrogates).
    """
    if not isinstance(text, str):
        raise ValueError(f"text must be a string, not {type(text).__name__}")
    bad = next((i for i, ch in enumerate(text) if "\ud800" <= ch <= "\udfff"), None)
    if bad is not None:
        line = text.count("\n", 0, bad) + 1
        raise ValueError(f"line {line} holds bytes that are not valid UTF-8 text")
    sentences = [line.split() for line in text.splitlines() if line.strip()]
    if not sentences:
        raise ValueError("no sentences: the text is empty or blank (write one sentence per line)")
    return sentences


@dataclass(frozen=True)
class Vocabulary:
    """Token ↔ id table.  ``tokens[i]`` is the token with id ``i``; ``tokens[0]`` is ``<pad>``."""

    tokens: tuple[str, ...]
    counts: tuple[int, ...]  # how often each token occurs; the <pad> count is the padding cells

    @property
    def size(self) -> int:
        """V: distinct tokens + 1 for ``<pad>``."""
        return len(self.tokens)


def encode(sentences: list[list[str]]) -> tuple[Vocabulary, np.ndarray]:
    """Number the tokens and pad every sentence to the longest one.

    Returns the vocabulary and the ``(B, L)`` int64 matrix of ids.
    """
    ids: dict[str, int] = {}
    for sentence in sentences:
        for token in sentence:
            ids.setdefault(token, len(ids) + 1)
    batch, length = len(sentences), max(len(s) for s in sentences)
    token_ids = np.zeros((batch, length), dtype=np.int64)
    for row, sentence in enumerate(sentences):
        token_ids[row, : len(sentence)] = [ids[token] for token in sentence]

    counts = Counter(token for sentence in sentences for token in sentence)
    tokens = (PAD, *ids)
    pad_count = batch * length - sum(len(s) for s in sentences)
    vocabulary = Vocabulary(tokens, (pad_count, *(counts[t] for t in ids)))
    return vocabulary, token_ids
