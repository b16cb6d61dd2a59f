"""When to stop, and what to tell: pure functions of a training history (numpy only).

The window asks these on the GUI thread, so they must not import torch.
"""

from __future__ import annotations

# The auto-pause rule (see converged): compare the mean loss of the last WINDOW steps with
# the WINDOW before them.
WINDOW = 50
SOLVED_LOSS = 0.01  # mean −log(prediction of the target): about 99 % on the right token
PLATEAU = 0.02  # relative improvement below which the loss has stopped falling
SHARP = 0.9  # the expected weight that counts as attention doing the work (the design's bar)
PHASE_CHANGE_TASKS = ("induction",)  # a plateau comes before the drop (see converged)
AFTER_THE_DROP = 0.5  # of the first window's loss


def converged(history, window: int = WINDOW, task: str | None = None) -> bool:
    """True when training has nothing left to show: the loss over the last ``window`` steps
    is near zero, or has fallen by less than ``PLATEAU`` (relative) since the window before.

    ``induction`` learns after a long plateau (the phase change: hundreds of steps with the
    loss near where it started, then a sudden drop): there a plateau ends training only once
    the loss has fallen below half of where it started.
    """
    loss = history.loss
    if len(loss) < 2 * window:
        return False
    recent, before = loss[-window:].mean(), loss[-2 * window : -window].mean()
    if recent < SOLVED_LOSS:
        return True
    stalled = before - recent < PLATEAU * before
    if task in PHASE_CHANGE_TASKS:
        return stalled and recent < AFTER_THE_DROP * loss[:window].mean()
    return stalled


def solved_without_attention(history, window: int = WINDOW) -> bool:
    """True when the task is solved (accuracy ≥ 95 % over the last ``window`` steps) while
    the attention on the expected keys stays below ``SHARP``: something besides sharp
    attention carried the answer (see :func:`tasks.shortcut`), or the readout decodes a
    blurred mix (multi-head mode), or other keys hold the same token (tiny vocabularies)."""
    if len(history.loss) < window:
        return False
    solved = history.accuracy[-window:].mean() >= 0.95
    return bool(solved and history.expected_weight[-window:].mean() < SHARP)
