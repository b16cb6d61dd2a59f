"""Sessions: the sentences and every model, training and view setting, as versioned JSON.

Loading validates everything and raises :class:`~model.errors.InputError`, so a broken file
never replaces the work on screen.  Version 1 files (before multi-head attention and
training) still open: their missing settings take their defaults.
"""

from __future__ import annotations

import json
import os
from dataclasses import dataclass, field, fields, replace
from pathlib import Path

from model.config import (
    MAX_HEADS,
    MAX_LAYERS,
    MAX_SENTENCES,
    MAX_TRANSFORMER_HEADS,
    ModelConfig,
    check_tokens,
)
from model.errors import InputError
from model.files import MAX_TEXT_BYTES, read_bytes, write_text
from model.tokenizer import normalize_lines
from model.training.settings import TrainSettings
from model.validate import check_bool, check_choice, check_float, check_int, shown

FORMAT = "attention-study-session"
VERSION = 5  # 4: the transformer (attention "transformer", "layers"); 5: "ablated", "induction"
READABLE_VERSIONS = (1, 2, 3, 4, 5)
MAX_SESSION_BYTES = 64 * 2**20  # JSON escapes can make its text six times its size
MAX_NUMBER_DIGITS = 32  # no setting needs more; a 5,000-digit number is not a setting
SCALES = (1, 2, 4)
ENTRIES = ("format", "version", "sentences", "model", "training", "view", "pinned")
PINNED_ENTRIES = ("sentences", "model", "training")  # A: what its result is computed from


# How the attention view draws: its kinds, colour maps and colour scales.
KINDS = ("heatmap", "lines")
COLOUR_MAPS = ("cividis", "viridis", "magma", "greys")
COLOUR_SCALES = ("fixed", "data")  # 0 to 1, or the weights' own range
MAX_TOP_K = 64
MAX_MAPS = max(MAX_HEADS, MAX_LAYERS * MAX_TRANSFORMER_HEADS)  # attention maps of a model
MAX_PAGE = MAX_SENTENCES  # pages of the all-sentences view: never more than sentences


@dataclass(frozen=True)
class ViewSettings:
    """What the window shows and how: the sentence (-1 = all), the head (-1 = all), the page of
    the all-sentences view, the figure scale; the heatmap or the lines, the heatmap's colour map
    and colour scale, and the lines' threshold and top-k (0 = every line); whether a sentence shown
    alone keeps its <pad> positions (by default it shows its own length).

    A session keeps them, so a shared session opens on the same picture; a figure exported
    from the window or the command line is drawn from them alone.
    """

    sentence: int = 0
    head: int = -1  # the attention map: with layers, layer × heads + head
    figure_scale: int = 2
    kind: str = "heatmap"
    colour_map: str = "cividis"
    colour_scale: str = "fixed"
    line_threshold: float = 0.05
    line_top_k: int = 0
    page: int = 0
    padding: bool = False  # a sentence shown alone keeps its <pad> positions
    layer: int = -1  # with every head shown (head -1): one layer's heads, or -1 every layer

    def __post_init__(self) -> None:
        check_int("view.sentence", self.sentence, -1, MAX_SENTENCES - 1)
        check_int("view.head", self.head, -1, MAX_MAPS - 1)
        check_choice("view.figure_scale", self.figure_scale, SCALES)
        check_choice("view.kind", self.kind, KINDS)
        check_choice("view.colour_map", self.colour_map, COLOUR_MAPS)
        check_choice("view.colour_scale", self.colour_scale, COLOUR_SCALES)
        threshold = check_float("view.line_threshold", self.line_threshold, 0.0, 1.0)
        object.__setattr__(self, "line_threshold", threshold)
        check_int("view.line_top_k", self.line_top_k, 0, MAX_TOP_K)
        check_int("view.page", self.page, 0, MAX_PAGE)
        check_bool("view.padding", self.padding)
        check_int("view.layer", self.layer, -1, MAX_LAYERS - 1)

    def to_dict(self) -> dict:
        return {f.name: getattr(self, f.name) for f in fields(self)}

    @classmethod
    def from_dict(cls, data: dict) -> ViewSettings:
        """Build from a session's "view" entry, naming any key that is not a view setting."""
        known = {f.name for f in fields(cls)}
        unknown = sorted(set(data) - known, key=str)
        if unknown:
            raise InputError("unknown_view_setting", names=", ".join(map(str, unknown)))
        return cls(**data)


@dataclass(frozen=True)
class Session:
    """Text, model settings, training (None = untrained), view settings, and the session
    pinned as A to compare with (its text, settings and training; None = not comparing).

    The text is kept as the file keeps it: every line break (CR, CRLF, U+2028 …) written
    ``\\n``, as the tokenizer splits lines, and none at the end.  So a saved session opens
    again identically, and its sentences are the ones that were on screen.
    """

    text: str
    config: ModelConfig = field(default_factory=ModelConfig)
    view: ViewSettings = field(default_factory=ViewSettings)
    training: TrainSettings | None = None
    pinned: Session | None = None

    def __post_init__(self) -> None:
        if isinstance(self.text, str):
            object.__setattr__(self, "text", normalize_lines(self.text).rstrip("\n"))
        if self.pinned is not None:  # A is only what its result is computed from
            object.__setattr__(self, "pinned", Session(*self.pinned.source()))

    def source(self) -> tuple[str, ModelConfig, ViewSettings, TrainSettings | None]:
        """What the result is computed from (the view aside): text, settings, training."""
        return self.text, self.config, ViewSettings(), self.training

    def to_json(self) -> str:
        data = {"format": FORMAT, "version": VERSION, **_entries(self)}
        data["view"] = self.view.to_dict()
        if self.pinned is not None:
            data["pinned"] = _entries(self.pinned)
        text = json.dumps(data, ensure_ascii=False, indent=2) + "\n"
        try:
            text.encode("utf-8")
        except UnicodeEncodeError:
            # Bytes that were not UTF-8 (from a command line, say) become lone surrogates;
            # JSON escapes keep them, so the work is saved and reopens exactly as it was.
            text = json.dumps(data, ensure_ascii=True, indent=2) + "\n"
        return text

    def with_text(self, text: str) -> Session:
        return replace(self, text=text)

    @classmethod
    def from_json(cls, source: str) -> Session:
        data = _parse(source)
        if not isinstance(data, dict) or data.get("format") != FORMAT:
            raise InputError("not_a_session")
        version = data.get("version")
        if type(version) is not int or version not in READABLE_VERSIONS:
            raise InputError("session_version", version=shown(version), supported=VERSION)
        _check_entries(data, ENTRIES)
        view = ViewSettings.from_dict(_mapping(data.get("view", {}), "view"))
        pinned = data.get("pinned")
        if pinned is not None:
            pinned = _mapping(pinned, "pinned")
            _check_entries(pinned, PINNED_ENTRIES)
            text, config, training = _source(pinned)
            pinned = cls(text, config, training=training)
        text, config, training = _source(data)
        return cls(text, config, view, training, pinned)


def _entries(session: Session) -> dict:
    """What a result is computed from, as a session file writes it."""
    data = {"sentences": session.text.splitlines(), "model": session.config.to_dict()}
    if session.training is not None:
        data["training"] = session.training.to_dict()
    return data


def _check_entries(data: dict, known: tuple[str, ...]) -> None:
    unknown = sorted(set(data) - set(known), key=str)
    if unknown:
        raise InputError("unknown_entry", names=", ".join(map(str, unknown)))


def _source(data: dict) -> tuple[str, ModelConfig, TrainSettings | None]:
    """The text, model settings and training of a session file's entries, validated."""
    sentences = data.get("sentences")
    if not isinstance(sentences, list) or not all(isinstance(s, str) for s in sentences):
        raise InputError("sentences_not_strings")
    config = ModelConfig.from_dict(_mapping(data.get("model", {}), "model"))
    training = data.get("training")
    if training is not None:
        training = _mapping(training, "training")
        known = {"task", "steps", "learning_rate", "rate_changes"}
        unknown_training = sorted(set(training) - known, key=str)
        if unknown_training:
            raise InputError("unknown_training_setting", names=", ".join(unknown_training))
        training = TrainSettings(**training)
    # Sentences hold no line breaks once written by us, but a file edited by hand may:
    # they split sentences exactly as they would in the editor.
    text = normalize_lines("\n".join(sentences))
    _check_text(text)
    return text, config, training


def save_session(session: Session, path: str | os.PathLike) -> None:
    """Write ``session``; refused (InputError) when its text is beyond what loading accepts,
    so the program never writes a session it would then refuse to open."""
    for part in (session, session.pinned):
        if part is not None:
            _check_text(part.text)
    write_text(path, session.to_json())


def load_session(path: str | os.PathLike) -> Session:
    """Read and validate a session file; every problem is an :class:`InputError`."""
    name = Path(path).name
    data = read_bytes(path, "session", MAX_SESSION_BYTES)
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise InputError("in_file", file=name, detail=InputError("session_not_text")) from None
    try:
        return Session.from_json(text)
    except InputError as exc:
        if from_newer(exc):
            raise InputError("session_from_newer", file=name, detail=exc) from None
        raise InputError("in_file", file=name, detail=exc) from None


def from_newer(error: InputError) -> bool:
    """Whether a session's ``error`` names a setting or a choice that a newer version may
    have added (a new attention family, say): the window and the command line say so."""
    if error.code == "not_a_choice":
        return error.values.get("field") in ("cell", "nonlinearity", "attention", "task")
    return error.code in ("unknown_setting", "unknown_training_setting", "unknown_view_setting")


def _parse(source: str):
    def whole(text: str) -> int:
        if len(text.lstrip("-")) > MAX_NUMBER_DIGITS:
            raise InputError("number_too_long", digits=len(text.lstrip("-")))
        return int(text)

    def constant(name: str):
        raise InputError("not_json_number", name=name)

    try:
        return json.loads(source, parse_int=whole, parse_constant=constant)
    except json.JSONDecodeError as exc:
        raise InputError("broken_json", line=exc.lineno) from None
    except RecursionError:
        raise InputError("broken_json_nesting") from None


def _check_text(text: str) -> None:
    """A session's sentences keep to the limits of a sentences file: its size in UTF-8 and
    the length of one word (the pipeline would refuse that word, but only after the window
    had shown it everywhere).  Checked when a session is saved and when it is loaded."""
    if len(text.encode("utf-8", "surrogatepass")) > MAX_TEXT_BYTES:
        raise InputError("text_too_large", limit=MAX_TEXT_BYTES // 2**20)
    check_tokens([line.split() for line in text.splitlines()])


def _mapping(value, what: str) -> dict:
    if not isinstance(value, dict):
        raise InputError("not_a_mapping", kind=what)
    return value
