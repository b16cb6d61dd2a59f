"""Every output the program writes, once: the kinds, and the writers of those that need no
drawing (tensors, a stage as CSV, the notebook, the session).

The window's File menu and the command line both write through here (figures and
screenshots are drawn by ``gui/outputs.py``, which calls these for everything else).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import BinaryIO

from model.session import Session
from model.stages import PipelineResult


@dataclass(frozen=True)
class OutputKind:
    name: str  # the command line's flag, as an attribute: "export_tensors" is --export-tensors
    suffixes: tuple[str, ...]
    drawn: bool  # made by Qt (a figure, the window), not by the model

    @property
    def flag(self) -> str:
        return "--" + self.name.replace("_", "-")


KINDS = {
    kind.name: kind
    for kind in (
        OutputKind("export", (".png", ".svg"), drawn=True),  # the attention figure
        OutputKind("screenshot", (".png",), drawn=True),  # the whole window
        OutputKind("export_tensors", (".npz",), drawn=False),  # every stage
        OutputKind("save_session", (".json",), drawn=False),
        OutputKind("export_notebook", (".ipynb",), drawn=False),
        # one offline page of the session, for students (figures/handout)
        OutputKind("export_handout", (".html", ".htm"), drawn=False),
    )
}


def training_code(session: Session, result: PipelineResult, language: str) -> str:
    """The notebook's training cell, when the result on show was trained (steps > 0) by the
    session's training settings; "" otherwise.  The one rule, for the window and the
    command line alike."""
    record, settings = result.training, session.training
    if record is None or not record.steps or settings is None:
        return ""
    from model.training.export import training_code as code

    return code(result, settings, language)


def write(kind: str, stream: BinaryIO, session: Session, result: PipelineResult, language: str):
    """Write output ``kind`` (not a drawn one) of ``session`` and its ``result`` to ``stream``."""
    if kind == "export_tensors":
        import numpy as np

        from model.export import tensor_arrays

        np.savez(stream, **tensor_arrays(result))  # streamed: no second copy in memory
    elif kind == "save_session":
        stream.write(session.to_json().encode("utf-8"))
    elif kind == "export_notebook":
        from model.notebook import notebook_json

        code = training_code(session, result, language)
        stream.write(notebook_json(result, language, code).encode("utf-8"))
    else:
        raise ValueError(f"{kind!r} is drawn, written by figures (the handout), or not an output")


def stage_csv(result: PipelineResult, key: str, session: Session) -> str:
    """One stage of the sentence and head the view shows, as CSV."""
    view = session.view
    return result.stage_table(key, max(view.sentence, 0), max(view.head, 0)).to_csv()
