"""Comparing: a result pinned as A, and A, B and B − A against the current result B.

Kept by the controller; the panes read ``controller.comparison`` and draw it.
"""

from __future__ import annotations

from gui import disposal


class Comparing:
    def __init__(self) -> None:
        self.pinned = None  # result A
        self.comparison = None  # model.compare.Comparison of A and the current result
        self.error: Exception | None = None  # why A and the current result do not line up

    def pin(self, result) -> None:
        """Keep ``result`` as A (the previous A is freed)."""
        if result is not self.pinned:
            disposal.release(self.pinned)
        self.pinned = result

    def clear(self) -> None:
        disposal.release(self.comparison)
        self.pinned = self.comparison = self.error = None

    def update(self, current) -> None:
        """Compare A with ``current`` (nothing, without both)."""
        disposal.release(self.comparison)
        self.comparison = self.error = None
        if self.pinned is None or current is None:
            return
        from model.compare import compare

        try:
            self.comparison = compare(self.pinned, current)
        except ValueError as exc:
            self.error = exc

    def let_go(self):
        """Give up the comparison (it holds the current result): returned for freeing."""
        comparison, self.comparison, self.error = self.comparison, None, None
        return comparison


def source_of(result, text: str, config, training):
    """The session a result held as A comes from: its text and settings, and the training
    (``training``'s task and rates) to the result's step: trained again from step 0, seeded
    and replayed, it gives the same weights, so a saved comparison reopens as it was."""
    from dataclasses import replace

    from model.session import Session
    from model.training.settings import TrainSettings

    record = result.training
    if record is not None:
        training = replace(training or TrainSettings(), task=record.task, steps=record.steps)
    else:
        training = None
    return Session(text, config, training=training)


UNTRAINED = "untrained"  # pin the current text and settings, untrained ("Compare with untrained")


def result_of(pin, run, current, same_input: bool, cancelled):
    """The result of session ``pin`` (A), on the pipeline's worker: ``current`` itself when
    A is the current input untrained, else run again, or trained again from step 0 (seeded
    and replayed, so A is the same weights as when it was pinned).  An input error is
    returned, not raised: A failing never keeps B off the screen."""
    from model.errors import InputError

    try:
        if pin.training is None or not pin.training.steps:
            if same_input and current.training is None:
                return current
            return run(pin.text, pin.config, cancelled=cancelled)
        from model.training.loop import train

        return train(pin.text, pin.config, pin.training, cancelled)
    except InputError as error:
        return error
