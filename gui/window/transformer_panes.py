"""The transformer's own panes (Next word, Generate) come and go with the transformer, and
the Heads pane with a mode that has heads (multi-head attention, the transformer).

Only the transformer predicts next words and writes text; in the notebook's modes those
panes could only say so, and would take half of the pipeline's column.  So choosing the
transformer shows them, and choosing another attention hides them again.  A layout the
window has borrowed (the class layout, presentation mode) is left as it is: it decides
which panes a room sees.
"""

from __future__ import annotations

from PySide6.QtCore import QObject

from gui import state as aspects

PANES = ("next_word", "generation")  # their docks, in the window's order
HEADS = "heads"  # the Heads pane: multi-head attention's too


class TransformerPanes(QObject):
    """Shows the transformer's docks in ``window`` while its model is a transformer."""

    def __init__(self, window) -> None:
        super().__init__(window)
        self._window = window
        self._transformer: tuple | None = None  # (transformer, heads) at the last look
        window.controller.changed.connect(self._on_changed)

    def follow(self) -> None:
        """Show or hide the docks when the model has become, or stopped being, a transformer.
        The first look only hides them (a saved layout may have closed them on purpose)."""
        window = self._window
        attention = window.controller.config.attention
        transformer = attention == "transformer"
        heads = attention in ("multihead", "transformer")
        if (transformer, heads) == self._transformer:
            return
        first, self._transformer = self._transformer is None, (transformer, heads)
        if window.staging.mode is not None:
            return
        shown = {**dict.fromkeys(PANES, transformer), HEADS: heads}
        for name, visible in shown.items():
            if not (first and visible):  # the first look only hides
                window.docks[name].setVisible(visible)
        if heads and not first:
            window.docks[PANES[0] if transformer else HEADS].raise_()

    def _on_changed(self, changed) -> None:
        if aspects.CONFIG in changed:
            self.follow()
