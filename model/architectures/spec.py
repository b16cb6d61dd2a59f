"""How an architecture describes a stage before it has values: key, dims, role, text, code."""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True)
class StageSpec:
    """Everything about a stage but its values (see :class:`model.stages.Stage`).

    Its code comes in two parts: ``build`` makes layers and constants once (with the
    seeding), ``compute`` is the forward step that produces the stage from earlier ones.
    A training loop reruns the ``compute`` parts alone, on weights it changes.
    """

    key: str
    dims: tuple[str, ...]
    build: str
    compute: str
    explanation: str
    role: str = ""
    facts: dict = field(default_factory=dict)

    @property
    def code(self) -> str:
        return "\n".join(part for part in (self.build, self.compute) if part)


@dataclass(frozen=True)
class Sizes:
    """The sizes of one run: B sentences, L positions, V vocabulary entries."""

    batch: int
    length: int
    vocab: int


def number(value: float) -> str:
    """A float as Python code that reads back to the same value (``0.5``, ``1e-3``)."""
    return repr(float(value))
