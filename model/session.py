"""Sessions: the sentences and every model and view setting, as a versioned JSON file.

Loading validates everything and raises :class:`ValueError` with a readable message, so a
broken file never replaces the work on screen.
"""

from __future__ import annotations

import json
import os
from dataclasses import dataclass, field
from pathlib import Path

from model.config import ModelConfig
from model.files import read_bytes, write_text

FORMAT = "attention-study-session"
VERSION = 1
MAX_SESSION_BYTES = 64 * 2**20  # far beyond any input the pipeline accepts
SCALES = (1, 2, 4)


@dataclass(frozen=True)
class ViewSettings:
    """What the window shows: the selected sentence (-1 = all) and the figure scale."""

    sentence: int = 0
    figure_scale: int = 2

    def __post_init__(self) -> None:
        if isinstance(self.sentence, bool) or not isinstance(self.sentence, int):
            raise ValueError(f"view.sentence must be a whole number, not {self.sentence!r}")
        if self.sentence < -1:
            raise ValueError(f"view.sentence must be -1 (all) or more, not {self.sentence}")
        if self.figure_scale not in SCALES or isinstance(self.figure_scale, bool):
            choices, scale = ", ".join(map(str, SCALES)), self.figure_scale
            raise ValueError(f"view.figure_scale must be one of {choices}, not {scale!r}")


@dataclass(frozen=True)
class Session:
    text: str
    config: ModelConfig = field(default_factory=ModelConfig)
    view: ViewSettings = field(default_factory=ViewSettings)

    def to_json(self) -> str:
        data = {
            "format": FORMAT,
            "version": VERSION,
            "sentences": self.text.split("\n"),
            "model": self.config.to_dict(),
            "view": {"sentence": self.view.sentence, "figure_scale": self.view.figure_scale},
        }
        return json.dumps(data, ensure_ascii=False, indent=2) + "\n"

    @classmethod
    def from_json(cls, source: str) -> Session:
        try:
            data = json.loads(source, parse_constant=_no_constant)
        except json.JSONDecodeError as exc:
            raise ValueError(f"not a session file: broken JSON at line {exc.lineno}") from None
        if not isinstance(data, dict) or data.get("format") != FORMAT:
            raise ValueError("not a session file: it has no 'format': 'attention-study-session'")
        version = data.get("version")
        if version != VERSION:
            raise ValueError(
                f"session version {version!r} is not supported (this program reads {VERSION})"
            )
        unknown = sorted(set(data) - {"format", "version", "sentences", "model", "view"})
        if unknown:
            raise ValueError(f"unknown session entry: {', '.join(unknown)}")
        sentences = data.get("sentences")
        if not isinstance(sentences, list) or not all(isinstance(s, str) for s in sentences):
            raise ValueError("session 'sentences' must be a list of strings")
        if any("\n" in s or "\r" in s for s in sentences):
            raise ValueError("each session sentence must be a single line")
        view = data.get("view", {})
        if not isinstance(view, dict):
            raise ValueError("session 'view' must be a mapping")
        unknown_view = sorted(set(view) - {"sentence", "figure_scale"})
        if unknown_view:
            raise ValueError(f"unknown view setting: {', '.join(unknown_view)}")
        config = ModelConfig.from_dict(data.get("model", {}))
        return cls("\n".join(sentences), config, ViewSettings(**view))


def save_session(session: Session, path: str | os.PathLike) -> None:
    write_text(path, session.to_json())


def load_session(path: str | os.PathLike) -> Session:
    """Read and validate a session file; every problem is a :class:`ValueError`."""
    target = Path(path)
    data = read_bytes(path, "session file", MAX_SESSION_BYTES)
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise ValueError(f"{target.name} is not a session file (not UTF-8 text)") from None
    try:
        return Session.from_json(text)
    except ValueError as exc:
        raise ValueError(f"{target.name}: {exc}") from None


def _no_constant(name: str):
    raise ValueError(f"not a session file: {name} is not a number JSON allows")
