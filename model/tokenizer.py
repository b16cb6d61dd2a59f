"""Sentences to token ids, exactly as the notebook numbers its words.

Tokens are case-sensitive and split on whitespace only, as typed.  Ids are handed out
1, 2, 3 … in order of first appearance, sentence by sentence, left to right; id 0 is the
padding token that fills short sentences up to the longest one.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from model.config import check_tokens
from model.errors import InputError

PAD = "<pad>"

# The notebook's three sentences ("Sentenças Fictícias"), the program's starting example.
NOTEBOOK_TEXT = "o mikas ta ali\neu gosto de batata frita\nexistem elefantes"


def split_sentences(text: str) -> list[list[str]]:
    """Split ``text`` into sentences (one per line) of whitespace-separated tokens.

    Blank lines are skipped.  Raises :class:`InputError` when no sentence is left or the
    text holds characters that cannot be written out (unpaired surrogates).
    """
    if not isinstance(text, str):
        raise InputError("not_text", kind=type(text).__name__)
    try:
        text.encode("utf-8")
    except UnicodeEncodeError as exc:
        raise InputError("bad_text_line", line=text.count("\n", 0, exc.start) + 1) from None
    sentences = [line.split() for line in text.splitlines() if line.strip()]
    if not sentences:
        raise InputError("no_sentences")
    check_tokens(sentences)  # one limit on a word's length, whatever path the text came by
    return sentences


def normalize_lines(text: str) -> str:
    """The text with every line break (CR, CRLF, U+2028 …) written as ``\\n``.

    The tokenizer splits lines as Python does; writing them back with ``\\n`` keeps the same
    sentences, so a session saved from CRLF text opens again to the same numbers.
    """
    return "\n".join(text.splitlines())


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
    counts: list[int] = [0]
    flat: list[int] = []
    lengths = np.fromiter((len(s) for s in sentences), dtype=np.int64, count=len(sentences))
    for sentence in sentences:
        for token in sentence:
            number = ids.get(token)
            if number is None:
                number = ids[token] = len(ids) + 1
                counts.append(0)
            counts[number] += 1
            flat.append(number)
    batch, length = len(sentences), int(lengths.max())
    token_ids = np.zeros((batch, length), dtype=np.int64)
    token_ids[np.arange(length)[None, :] < lengths[:, None]] = flat
    counts[0] = batch * length - len(flat)
    return Vocabulary((PAD, *ids), tuple(counts)), token_ids
