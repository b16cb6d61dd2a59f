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
