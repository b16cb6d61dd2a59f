"""The pipeline, stage by stage: each stage's shape, the PyTorch code that made it, and its values.

The panels follow the result's own list of stages: a new attention mode brings new stages
and the inspector rebuilds its panels; an edit that keeps the same stages only refreshes
them.  Every panel can be reached and folded with the keyboard.
"""

from __future__ import annotations

import time

import numpy as np
from PySide6.QtCore import QEvent, Qt, QTimer, Signal
from PySide6.QtGui import QFont, QFontDatabase
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFrame,
    QHBoxLayout,
    QLabel,
    QScrollArea,
    QSizePolicy,
    QTableView,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from gui import texts
from gui.panes.pipeline.table_model import ArrayTableModel
from gui.widgets import ElidedLabel

MAX_VISIBLE_ROWS = 6
SLICE_SECONDS = 0.008  # GUI time for panels in one turn of the event loop: half a frame


class ValueTable(QTableView):
    """A read-only table that Tab leaves (arrows move inside it).  Its columns are as wide as
    ``sample`` and its rows as tall as a line, in its own type: zoomed, or on a system with
    large type, "0,7917" stays whole instead of "0,7…"."""

    def __init__(self, model, sample: str = "−0,0000") -> None:
        super().__init__()
        self.setModel(model)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setTabKeyNavigation(False)
        self.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.setHorizontalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.verticalHeader().setMaximumWidth(220)
        self._sample = sample
        self._fit_sections()

    def set_sample(self, sample: str) -> None:
        """Make the columns as wide as ``sample`` (the widest thing they usually hold)."""
        self._sample = sample
        self._fit_sections()

    def _fit_sections(self) -> None:
        metrics = self.fontMetrics()
        width = metrics.horizontalAdvance(self._sample) + 2 * metrics.averageCharWidth() + 4
        self.horizontalHeader().setDefaultSectionSize(min(12 * metrics.height(), width))
        self.verticalHeader().setDefaultSectionSize(metrics.height() + 8)

    def changeEvent(self, event) -> None:  # noqa: N802 (Qt's name)
        super().changeEvent(event)
        if event.type() == QEvent.Type.FontChange:
            self._fit_sections()


def wrapping_label(font: QFont | None = None) -> QLabel:
    label = QLabel()
    label.setWordWrap(True)
    label.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
    if font is not None:
        label.setFont(font)
    return label


class StagePanel(QFrame):
    """A stage's header (number, title, shape), dimensions, code, explanation and values."""

    def __init__(self, number: int, key: str, parent=None) -> None:
        super().__init__(parent)
        self.key = key
        self._number = number
        self.setObjectName("stagePanel")
        self.setFrameShape(QFrame.Shape.StyledPanel)

        self.toggle = QToolButton()
        self.toggle.setCheckable(True)
        self.toggle.setChecked(True)
        self.toggle.setArrowType(Qt.ArrowType.DownArrow)
        self.toggle.setAutoRaise(True)
        self.toggle.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.toggle.toggled.connect(self._on_toggled)
        self.title = ElidedLabel()
        bold = self.title.font()
        bold.setBold(True)
        bold.setPointSizeF(bold.pointSizeF() * 1.1)
        self.title.setFont(bold)
        # Fixed width for code and shapes, at the panel's size (which follows the zoom).
        mono = QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont)
        mono.setPointSizeF(self.font().pointSizeF())
        header = QHBoxLayout()
        header.addWidget(self.toggle)
        header.addWidget(self.title, 1)

        # The shape on a line of its own, wrapping before it is ever cut: "(512, 256, 1024)".
        self.shape = QLabel()
        self.shape.setFont(mono)
        self.shape.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.dims = wrapping_label()
        shape_line = QHBoxLayout()
        shape_line.addWidget(self.shape)
        shape_line.addWidget(self.dims, 1)
        self.code = wrapping_label(mono)
        self.code.setObjectName("stageCode")
        self.code.setStyleSheet(
            "#stageCode { background: rgba(74, 120, 176, 28); border-left: 3px solid #4a78b0;"
            " padding: 4px; }"
        )
        self.code.setTextFormat(Qt.TextFormat.PlainText)
        self.code.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.explanation = wrapping_label()
        small = QFont(self.explanation.font())
        small.setPointSizeF(small.pointSizeF() * 0.95)
        self.explanation.setFont(small)
        self.slice = ElidedLabel()

        self.model = ArrayTableModel(self)
        self.table = ValueTable(self.model)
        self.table.setMouseTracking(True)
        self._dims: tuple[str, str] = ("", "")
        self._rows_fitted = -1
        self._slice = (0, 0)
        self._token_ids = None  # the ids of the result this table shows

        self._body = QWidget()
        body = QVBoxLayout(self._body)
        body.setContentsMargins(0, 0, 0, 0)
        for widget in (self.code, self.explanation, self.slice, self.table):
            body.addWidget(widget)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 4, 8, 8)
        layout.addLayout(header)
        layout.addLayout(shape_line)
        layout.addWidget(self._body)

    @property
    def shape_text(self) -> str:
        return self.shape.text()

    def show_header(self, result) -> None:
        """The stage's title, shape, code and explanation (made again only when they change)."""
        stage = result.stage(self.key)
        title = f"{self._number}. {texts.stage_title(stage)}"
        self.title.setText(title)
        self.toggle.setToolTip(title)
        self.shape.setText(texts.shape_text(stage.shape))
        self.dims.setText(texts.shape_description(stage.shape, stage.dims))
        code = texts.stage_code(stage)
        if result.training is not None and stage.role != "ids":  # not the seed's numbers now
            code += "\n" + texts.trained_code_note(result.training)
        self.code.setText(code)
        self.explanation.setText(texts.stage_explanation(stage, result.training))

    def show_values(self, result, sentence: int, head: int, hidden: bool = False) -> None:
        """The stage's table for one sentence and head: the costly part of a panel.
        ``hidden``: a query × key table (scores, weights) shows "?" for every value."""
        stage = result.stage(self.key)
        b, h = max(sentence, 0), max(head, 0)
        table = result.stage_table(self.key, b, h)
        values = table.values
        if hidden and {"query_position", "key_position"} <= set(table.dims):
            values = np.full(values.shape, "?", dtype=object)  # a lesson's exercise
        sliced = stage.per_sentence or stage.per_head
        if sliced:  # the sentence, and the layer and head when the stage has several
            part = texts.slice_caption_part(result.config, stage, h)
            self.slice.setText(texts.values_caption(b, result.sentences[b], part))
        self.slice.setVisible(sliced)
        rows = table.rows
        if table.dims[0] == "sentence":
            rows = [texts.sentence_label(n) for n in range(len(rows))]
        self.model.set_table(values, rows, table.columns, table.padding)
        if len(rows) != self._rows_fitted:  # a layout pass only when the height changes
            self._rows_fitted = len(rows)
            self._fit_table_height(len(rows))
        self._dims, self._slice = table.dims, (b, h)
        self._token_ids = result.token_ids

    def highlight(self, cell) -> None:
        """Mark the hovered cell's query and key in this table, where they appear."""
        rows, columns = set(), set()
        if cell is not None and self._holds(cell):
            b, h, query, key = cell
            for dim, found in zip(self._dims, (rows, columns), strict=True):
                if dim == "query_position":
                    found.add(query)
                elif dim == "key_position":
                    found.add(key)
                elif dim == "position":
                    found.update((query, key))
                elif dim == "token_id":
                    found.update(int(self._token_ids[b, p]) for p in (query, key))
                elif dim == "sentence":
                    found.add(b)
            same_slice = self._dims[0] in ("sentence", "token_id") or (b, h) == self._slice
            if not same_slice:
                rows, columns = set(), set()
        self.model.set_highlight(rows, columns)

    def _holds(self, cell) -> bool:
        """Whether ``cell`` is a cell of the result this table shows.  A table still waiting
        for its slice of a newer result holds the older one, which may be smaller."""
        if self._token_ids is None:
            return False
        b, _h, query, key = cell
        batch, length = self._token_ids.shape
        return 0 <= b < batch and 0 <= query < length and 0 <= key < length

    def query_row(self, index) -> int | None:
        """The query position a table row stands for, if its rows are positions."""
        return index.row() if self._dims[0] in ("position", "query_position") else None

    def _fit_table_height(self, rows: int) -> None:
        """Tall enough for the rows, up to a few of them; the table scrolls beyond."""
        table = self.table
        height = (
            table.horizontalHeader().sizeHint().height()
            + table.verticalHeader().defaultSectionSize() * min(rows, MAX_VISIBLE_ROWS)
            + table.horizontalScrollBar().sizeHint().height()
            + 2 * table.frameWidth()
        )
        table.setFixedHeight(height)

    def _on_toggled(self, expanded: bool) -> None:
        self._body.setVisible(expanded)
        self.toggle.setArrowType(Qt.ArrowType.DownArrow if expanded else Qt.ArrowType.RightArrow)


class PipelineView(QScrollArea):
    """Every stage of the current result, in order, each in its own panel."""

    row_hovered = Signal(object)
    """The mouse is over a table row that stands for a query position (or None)."""
    rebuilt = Signal()
    """The panels were made anew (the result's stages changed)."""

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.panels: list[StagePanel] = []
        self._keys: tuple[str, ...] = ()
        self._pending: list[tuple] = []  # (panel, result, sentence, head, hidden) to show
        self._stale_headings: set = set()  # panels whose heading is an older result's
        self._wanted: str | None = None  # a stage to scroll to once its panel is there
        self._headings: tuple | None = None  # what the panels' headings were made from
        self._next_slice = QTimer(self)
        self._next_slice.setSingleShot(True)
        self._next_slice.setInterval(0)
        self._next_slice.timeout.connect(self._continue)
        self._content = QWidget()
        self._layout = QVBoxLayout(self._content)
        self._layout.setContentsMargins(4, 4, 4, 4)
        self._layout.addStretch(1)
        self.setWidget(self._content)
        self.setWidgetResizable(True)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)

    @property
    def keys(self) -> tuple[str, ...]:
        """The stages it has panels for."""
        return self._keys

    def panel(self, key: str) -> StagePanel:
        return next(panel for panel in self.panels if panel.key == key)

    def bring_into_view(self, key: str) -> None:
        """Scroll to stage ``key``'s panel, now or, when the stages are still another
        model's (the pane renders once it is shown), as soon as its panel is laid out."""
        self._wanted = key
        QTimer.singleShot(0, self, self._scroll_to_wanted)

    def _scroll_to_wanted(self) -> None:
        key = self._wanted
        if key is None or key not in self._keys or self._pending:
            return  # kept until a result with that stage is shown, its tables and all
        self._wanted = None
        self._content.layout().activate()  # new panels have no place before their layout
        self.ensureWidgetVisible(self.panel(key), 0, 40)

    def highlight(self, cell) -> None:
        for panel in self.panels:
            panel.highlight(cell)

    def show_result(
        self,
        result,
        sentence: int,
        head: int,
        deadline: float = 0.0,
        playing: bool = False,
        hidden: bool = False,
    ) -> None:
        """Show ``result``: the panels in view first, then the others, heading and table,
        as many as fit before ``deadline`` (a ``perf_counter`` time); the rest on the next
        turns of the event loop, a few milliseconds each, so that a large result never
        freezes the window.  Small results fit at once.  ``hidden``: a lesson's exercise
        hides the weights (the query × key tables show none)."""
        if result.keys != self._keys:
            self._rebuild(result.keys)
        headings = _headings(result)
        if headings != self._headings:  # a training step changes values, never headings
            self._headings = headings
            self._stale_headings = set(self.panels)
        in_view = [not panel.visibleRegion().isEmpty() for panel in self.panels]
        order = [p for p, seen in zip(self.panels, in_view, strict=True) if seen] + [
            p for p, seen in zip(self.panels, in_view, strict=True) if not seen
        ]
        self._pending = [(panel, result, sentence, head, hidden) for panel in order]
        # While training plays (twenty results a second), the panels in view now and those out
        # of view on the next turns: the frame that shows a result does not wait for them.
        most = (sum(in_view) or None) if playing else None
        self._continue(deadline or time.perf_counter() + SLICE_SECONDS, most)

    def release(self) -> None:
        """Let go of the result (a big one is freed before the next is computed): no panels
        still to fill, and the tables, greyed with the window, keep the values they show
        from copies of their own (a sentence's slice, not the whole result)."""
        self._pending = []
        for panel in self.panels:
            panel.model.detach()

    def flush(self) -> None:
        """Finish showing the current result now (before a screenshot, say)."""
        while self._pending:
            self._show(*self._pending.pop(0))
        if self._wanted is not None:  # once the layout passes these tables ask for have run
            QTimer.singleShot(0, self, self._scroll_to_wanted)

    def _continue(self, deadline: float = 0.0, most: int | None = None) -> None:
        """Show pending panels until ``deadline`` (and at most ``most`` of them)."""
        deadline = deadline or time.perf_counter() + SLICE_SECONDS
        shown = 0
        while self._pending and time.perf_counter() < deadline and shown != most:
            self._show(*self._pending.pop(0))
            shown += 1
        if self._pending:
            self._next_slice.start()
        elif self._wanted is not None:  # every table has its height: the stage has its place
            QTimer.singleShot(0, self, self._scroll_to_wanted)

    def _show(self, panel: StagePanel, result, sentence: int, head: int, hidden: bool) -> None:
        """One panel's part of a result: its heading when that changed, then its table."""
        if panel in self._stale_headings:
            self._stale_headings.discard(panel)
            panel.show_header(result)
        panel.show_values(result, sentence, head, hidden)

    def _rebuild(self, keys: tuple[str, ...]) -> None:
        for panel in self.panels:
            self._layout.removeWidget(panel)
            panel.deleteLater()
        # Made inside the content widget, so they inherit its fonts (and the zoom) at once.
        self.panels = [StagePanel(n + 1, key, self._content) for n, key in enumerate(keys)]
        for index, panel in enumerate(self.panels):
            self._layout.insertWidget(index, panel)
            panel.table.entered.connect(
                lambda model_index, panel=panel: self.row_hovered.emit(panel.query_row(model_index))
            )
        self._keys = keys
        self._headings = None
        self.rebuilt.emit()

    def first_focus(self):
        """Where the keyboard enters the pipeline: the first stage's fold button."""
        return self.panels[0].toggle if self.panels else None


def _headings(result) -> tuple:
    """What every panel's heading (title, shape, code, explanation) is made from: the
    stages' shapes and the settings, and whether and on what the weights were trained."""
    training = result.training
    return (
        tuple(stage.shape for stage in result.stages),
        result.config,
        None if training is None else training.task,
        texts.language(),
    )
