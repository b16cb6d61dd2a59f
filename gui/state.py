"""The one state of a window: everything a user can change, evented.

:class:`AppState` is the plain frozen record (text, model settings, training settings, the
view settings, the picked cell); :func:`clamped` moves its selection inside a result, the
one place that does.  :class:`WindowState` holds the current record and tells, field by
field, what changed (psygnal signals, no Qt): a widget binds to the fields it shows and the
exporters read the record, never a widget.  The controller is the only writer.

The user's preferences (language, theme, zoom, dock layout) are not here: they live in
QSettings, so that a session a teacher shares never changes a student's language.
"""

from __future__ import annotations

from dataclasses import dataclass, field, fields, replace

from psygnal import Signal, SignalGroup

from model.config import MAX_TRANSFORMER_HEADS, ModelConfig, fitting_heads
from model.session import Session, ViewSettings
from model.training.settings import TrainSettings

# What changed, as the controller announces it: the panes redraw only what depends on it.
TEXT, CONFIG, VIEW, TRAINING, RESULT, ERROR, BUSY, LOADED = (
    "text",
    "config",
    "view",
    "training",
    "result",
    "error",
    "busy",
    "loaded",
)

VIEW_FIELDS = tuple(f.name for f in fields(ViewSettings))
FIELDS = ("text", "config", "training", *VIEW_FIELDS, "cell", "pinned")


@dataclass(frozen=True)
class AppState:
    """Everything a session holds (the session pinned as A included), plus the heatmap cell
    the user picked, if any: ``(sentence, head, query row, key column)``."""

    text: str = ""
    config: ModelConfig = field(default_factory=ModelConfig)
    view: ViewSettings = field(default_factory=ViewSettings)
    training: TrainSettings | None = None
    cell: tuple[int, int, int, int] | None = None
    pinned: Session | None = None

    @classmethod
    def from_session(cls, session: Session) -> AppState:
        return cls(
            session.text, session.config, session.view, session.training, pinned=session.pinned
        )

    def session(self) -> Session:
        return Session(self.text, self.config, self.view, self.training, self.pinned)

    def value(self, name: str):
        """A field by its name in :data:`FIELDS` (the view's fields flattened)."""
        return getattr(self.view, name) if name in VIEW_FIELDS else getattr(self, name)


def clamped(state: AppState, result) -> AppState:
    """``state`` with its sentence, head and cell moved inside what ``result`` holds.

    A session may name sentence 7 of a text that now has 3, or head 3 of a model with 1
    (or layer 4 of a model with 2): the view keeps the nearest one that exists.  Without a
    result nothing is clamped.
    """
    if result is None:
        return state
    view = state.view
    sentence = min(max(view.sentence, -1), result.batch_size - 1)
    heads = result.head_count
    head = -1 if heads == 1 else min(max(view.head, -1), heads - 1)
    layer = view.layer if view.layer < result.layer_count and result.layer_count > 1 else -1
    if (sentence, head, layer) != (view.sentence, view.head, view.layer):
        view = replace(view, sentence=sentence, head=head, layer=layer)
    cell = state.cell
    if cell is not None:
        b, h, row, column = cell
        inside = b < result.batch_size and h < heads and max(row, column) < result.max_length
        cell = cell if inside and min(cell) >= 0 else None
    if view is state.view and cell == state.cell:
        return state
    return replace(state, view=view, cell=cell)


def configured(old: ModelConfig, changes: dict) -> ModelConfig:
    """``old`` with ``changes``, validated (a ValueError says what is wrong).  When a size
    change leaves a head count that no longer divides the encoder's width, the heads come
    down to the nearest count that does (in multi-head attention and the transformer alike,
    whose blocks take at most :data:`~model.config.MAX_TRANSFORMER_HEADS`).  Another layout
    of heads (mode, heads or layers) switches every head back on."""
    settings = {**old.to_dict(), **changes}
    if "heads" not in changes and settings["attention"] in ("multihead", "transformer"):
        width = settings["embedding_size" if settings["cell"] == "none" else "hidden_size"]
        heads = old.heads
        if settings["attention"] == "transformer":  # a block takes fewer heads
            heads = min(heads, MAX_TRANSFORMER_HEADS)
        if isinstance(width, int) and width > 0:
            settings["heads"] = fitting_heads(width, heads)
    layout = ("attention", "heads", "layers")
    if "ablated" not in changes and any(settings[k] != getattr(old, k) for k in layout):
        settings["ablated"] = ()  # other heads: the ones switched off are gone
    return ModelConfig(**settings)


class StateEvents(SignalGroup):
    """One signal per field, with its new value, emitted only when the value changed; then
    ``changed`` once, with the names of every field that did."""

    text = Signal(str)
    config = Signal(object)
    training = Signal(object)
    sentence = Signal(int)
    head = Signal(int)
    figure_scale = Signal(int)
    kind = Signal(str)
    colour_map = Signal(str)
    colour_scale = Signal(str)
    line_threshold = Signal(float)
    line_top_k = Signal(int)
    page = Signal(int)
    padding = Signal(bool)
    layer = Signal(int)
    cell = Signal(object)
    pinned = Signal(object)
    changed = Signal(object)


class WindowState:
    """The current :class:`AppState` and its events.  Read it as ``state.text``,
    ``state.sentence``, ``state.colour_map`` …, or whole as ``state.record``."""

    def __init__(self, record: AppState) -> None:
        self._record = record
        self.events = StateEvents()

    @property
    def record(self) -> AppState:
        return self._record

    @property
    def view(self) -> ViewSettings:
        return self._record.view

    def __getattr__(self, name: str):
        if name in FIELDS:
            return self._record.value(name)
        raise AttributeError(name)

    def session(self) -> Session:
        return self._record.session()

    def replace(self, record: AppState) -> frozenset[str]:
        """Take ``record`` and announce the fields whose values changed; returns their names."""
        old, self._record = self._record, record
        if record is old:
            return frozenset()
        names = [name for name in FIELDS if old.value(name) != record.value(name)]
        for name in names:
            getattr(self.events, name).emit(record.value(name))
        if names:
            self.events.changed.emit(frozenset(names))
        return frozenset(names)
