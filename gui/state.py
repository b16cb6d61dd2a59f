"""The one state of a window: text, model settings, training, and what the views show.

Plain frozen data, no Qt: the controller keeps the current :class:`AppState`, replaces it
whole on every change, and clamps the view against the current result in one place
(:func:`clamped`), which session loading goes through too.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace

from model.config import ModelConfig
from model.session import Session, ViewSettings
from model.training.settings import TrainSettings

# What changed, as the controller reports it: views redraw only what depends on it.
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


@dataclass(frozen=True)
class AppState:
    """Everything a session holds, plus the heatmap cell the user picked, if any:
    ``(sentence, head, query row, key column)``."""

    text: str = ""
    config: ModelConfig = field(default_factory=ModelConfig)
    view: ViewSettings = field(default_factory=ViewSettings)
    training: TrainSettings | None = None
    cell: tuple[int, int, int, int] | None = None

    @classmethod
    def from_session(cls, session: Session) -> AppState:
        return cls(session.text, session.config, session.view, session.training)

    def session(self) -> Session:
        return Session(self.text, self.config, self.view, self.training)


def clamped(state: AppState, result) -> AppState:
    """``state`` with its sentence, head and cell moved inside what ``result`` holds.

    A session may name sentence 7 of a text that now has 3, or head 3 of a model with 1:
    the view keeps the nearest one that exists.  Without a result nothing is clamped.
    """
    if result is None:
        return state
    view = state.view
    sentence = min(max(view.sentence, -1), result.batch_size - 1)
    heads = result.head_count
    head = -1 if heads == 1 else min(max(view.head, -1), heads - 1)
    if (sentence, head) != (view.sentence, view.head):
        view = replace(view, sentence=sentence, head=head)
    cell = state.cell
    if cell is not None:
        b, h, row, column = cell
        inside = b < result.batch_size and h < heads and max(row, column) < result.max_length
        cell = cell if inside and min(cell) >= 0 else None
    if view is state.view and cell == state.cell:
        return state
    return replace(state, view=view, cell=cell)
