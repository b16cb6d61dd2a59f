"""The attention heatmap in the window: one sentence or all of them, one head or all heads.

Small multiples come in pages of as many panels as fit at a readable size; PgUp and PgDn
turn them.  The keyboard moves a cursor over the cells (arrows, Home, End) and Enter picks
a cell; the mouse does the same by hovering and clicking.  What the readout says is always
about the current result: after an edit it is recomputed for the cell under the cursor, or
cleared when that cell no longer exists.
"""

from __future__ import annotations

import math

import pyqtgraph as pg
from PySide6.QtCore import QPointF, QStringListModel, Qt, Signal
from PySide6.QtGui import QCursor
from PySide6.QtWidgets import (
    QComboBox,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QSizePolicy,
    QToolButton,
    QToolTip,
    QVBoxLayout,
    QWidget,
)

from gui import texts
from gui.heatmap import colours
from gui.heatmap.description import HeatmapDescription, describe_heatmap, elide
from gui.heatmap.painting import Highlight
from gui.heatmap.plot import MatrixPlot
from gui.widgets import ElidedLabel
from model.stages import CAUSAL, MASKED, PADDING

MIN_PANEL = 290  # pixels a small multiple needs, axes included, to stay readable
MIN_SINGLE = 200
READOUT_TOKEN_CHARS = 40


class _Canvas(pg.GraphicsLayoutWidget):
    """The plots' canvas; takes keyboard focus and shows it with a coloured frame."""

    key_pressed = Signal(object)
    resized = Signal()

    def __init__(self) -> None:
        super().__init__()
        self.setBackground("w")
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setObjectName("heatmapCanvas")
        self.setStyleSheet(
            "#heatmapCanvas { border: 3px solid transparent; }"
            "#heatmapCanvas:focus { border: 3px solid #2f6fdf; }"
        )

    def keyPressEvent(self, event) -> None:  # noqa: N802 (Qt's name)
        self.key_pressed.emit(event)
        if not event.isAccepted():
            super().keyPressEvent(event)

    def resizeEvent(self, event) -> None:  # noqa: N802
        super().resizeEvent(event)
        self.resized.emit()


class HeatmapView(QWidget):
    """Renders :class:`HeatmapDescription` s of the current result; reports the user's picks."""

    sentence_chosen = Signal(int)
    """The user picked a sentence in the selector (-1 = all sentences)."""
    head_chosen = Signal(int)
    """The user picked a head (-1 = all heads)."""
    cell_chosen = Signal(object)
    """The user clicked a cell or pressed Enter on it: (sentence, head, row, column)."""

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self._result = None
        self._description: HeatmapDescription | None = None
        self._request = (0, -1)  # sentence, head the view was asked for
        self._page = 0
        self._options = {"colour_map": "cividis", "colour_scale": "fixed"}
        self._font_scale = 1.0
        self._hover: tuple[int, int, int, int] | None = None  # sentence, head, row, column
        self._cursor: tuple[int, int, int] | None = None  # panel index, row, column
        self._selected: tuple[int, int, int, int] | None = None

        self._sentences = QStringListModel(self)
        self.sentence_selector = QComboBox()
        self.sentence_selector.setModel(self._sentences)
        self.sentence_selector.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
        )
        self.sentence_selector.setMinimumContentsLength(8)
        self.sentence_selector.setToolTip(self.tr("Which sentence the heatmap shows"))
        self.sentence_selector.activated.connect(self._on_sentence_activated)
        self.head_selector = QComboBox()
        self.head_selector.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
        )
        self.head_selector.setMinimumContentsLength(9)
        self.head_selector.setToolTip(self.tr("One attention head, or all side by side"))
        self.head_selector.activated.connect(self._on_head_activated)
        sentence_label = QLabel(self.tr("Sentence sh&own:"))
        sentence_label.setBuddy(self.sentence_selector)
        self._head_label = QLabel(self.tr("Head sho&wn:"))
        self._head_label.setBuddy(self.head_selector)
        self._previous = QToolButton(text="◀")
        self._previous.setToolTip(self.tr("Previous page (Page Up)"))
        self._previous.clicked.connect(lambda: self.turn_page(-1))
        self._next = QToolButton(text="▶")
        self._next.setToolTip(self.tr("Next page (Page Down)"))
        self._next.clicked.connect(lambda: self.turn_page(1))
        self._page_label = QLabel()
        self._last_per_page = 0
        for widget in (
            self.head_selector,
            self._head_label,
            self._previous,
            self._next,
            self._page_label,
        ):
            widget.hide()  # shown when a result has several heads, or several pages
        # Two short rows rather than one long one: on a narrow screen the heatmap keeps its room.
        bar = QGridLayout()
        bar.addWidget(sentence_label, 0, 0)
        bar.addWidget(self.sentence_selector, 0, 1)
        bar.addWidget(self._head_label, 1, 0)
        bar.addWidget(self.head_selector, 1, 1)
        pages = QHBoxLayout()
        pages.addWidget(self._previous)
        pages.addWidget(self._page_label)
        pages.addWidget(self._next)
        bar.addLayout(pages, 0, 2, 2, 1)
        bar.setColumnStretch(1, 1)

        self.title = ElidedLabel()
        self.title.setAlignment(Qt.AlignmentFlag.AlignCenter)
        font = self.title.font()
        font.setPointSizeF(font.pointSizeF() * 1.2)
        self.title.setFont(font)

        self.canvas = _Canvas()
        self.canvas.setMinimumSize(MIN_SINGLE, MIN_SINGLE)
        self.canvas.key_pressed.connect(self._on_key)
        self.canvas.resized.connect(self._on_canvas_resized)
        self._grid = pg.GraphicsLayout()
        self.canvas.addItem(self._grid, 0, 0)
        self._single: MatrixPlot | None = None
        self._small: list[MatrixPlot] = []
        self._shown_plots: list[MatrixPlot] = []
        self._grid_shape = (0, 0, False)
        self._bar = pg.ColorBarItem(
            values=(0.0, 1.0),
            colorMap=colours.colour_map("cividis"),
            interactive=False,
            width=18,
            colorMapMenu=False,
        )
        bar_axis = self._bar.getAxis("right")
        bar_axis.setPen(colours.INK)
        bar_axis.setTextPen(colours.INK)
        self._uniform = pg.InfiniteLine(
            angle=0, pen=pg.mkPen(colours.INK, width=2, style=Qt.PenStyle.DashLine)
        )
        self._uniform_label = pg.InfLineLabel(self._uniform, "1/n", position=0.5, color=colours.INK)
        self._bar.addItem(self._uniform)
        self.canvas.addItem(self._bar, 0, 1)
        self.canvas.scene().sigMouseMoved.connect(self._on_mouse_moved)
        self.canvas.scene().sigMouseClicked.connect(self._on_mouse_clicked)
        self.canvas.hide()  # no empty axes while the model loads

        self._fade = QWidget()  # a veil over the last good heatmap while the input is in error
        self._fade.setObjectName("heatmapFade")
        self._fade.setStyleSheet("#heatmapFade { background: rgba(255, 255, 255, 190); }")
        self._fade.hide()
        self.message = QLabel()
        self.message.setWordWrap(True)
        self.message.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.message.setObjectName("heatmapMessage")
        self.message.setStyleSheet(
            "#heatmapMessage { background: rgba(255, 250, 230, 235); color: #5a3a00;"
            " border: 1px solid #d9b44a; border-radius: 6px; padding: 14px; font-size: 13pt; }"
        )
        self.message.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Maximum)
        self.message.hide()
        overlay = QGridLayout()
        overlay.addWidget(self.canvas, 0, 0)
        overlay.addWidget(self._fade, 0, 0)
        overlay.addWidget(self.message, 0, 0, Qt.AlignmentFlag.AlignCenter)

        self.readout = QLabel(self.tr("Hover over a cell, or press the arrow keys, to read it."))
        self.readout.setWordWrap(True)
        self.readout.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self.readout.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self._note = QLabel()  # what a column is: below the plot, where it can wrap
        self._note.setWordWrap(True)
        self._note.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self._legend = QLabel()
        self._legend.setWordWrap(True)
        self._legend.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(bar)
        layout.addWidget(self.title)
        layout.addLayout(overlay, 1)
        layout.addWidget(self._note)
        layout.addWidget(self._legend)
        layout.addWidget(self.readout)

    # --- what the window calls ----------------------------------------------------------------

    def show_result(self, result, sentence: int, head: int, selected=None) -> None:
        """Show ``sentence`` (-1 = all) and ``head`` (-1 = all) of ``result``."""
        if result is not self._result:
            self._fill_selectors(result)
        if (sentence, head) != self._request:
            self._page = 0
        self._result, self._request, self._selected = result, (sentence, head), selected
        self.sentence_selector.setCurrentIndex(
            self._sentences.rowCount() - 1 if sentence < 0 else sentence
        )
        self.head_selector.setCurrentIndex(head + 1)
        self.canvas.show()
        self._render()

    def set_options(self, colour_map: str | None = None, colour_scale: str | None = None) -> None:
        if colour_map:
            self._options["colour_map"] = colour_map
        if colour_scale:
            self._options["colour_scale"] = colour_scale
        if self._result is not None:
            self._render()

    def set_font_scale(self, scale: float) -> None:
        self._font_scale = scale
        for plot in [self._single, *self._small]:
            if plot is not None:
                plot.set_font_scale(scale)

    def show_message(self, text: str) -> None:
        """Show ``text`` over the heatmap and fade the last good one; "" clears it."""
        self.message.setText(text)
        self.message.setVisible(bool(text))
        self._fade.setVisible(bool(text))
        for widget in (self.sentence_selector, self.head_selector, self._previous, self._next):
            widget.setEnabled(not text)

    @property
    def description(self) -> HeatmapDescription | None:
        """What is drawn now (the figure draws the same kind of description)."""
        return self._description

    def current_plots(self) -> list[MatrixPlot]:
        return list(self._shown_plots)

    def map_to_widget(self, plot: MatrixPlot, row: int, column: int):
        """The canvas viewport and the widget position of a cell's centre (for tests)."""
        return self.canvas.viewport(), self.canvas.mapFromScene(plot.cell_center(row, column))

    def turn_page(self, step: int) -> None:
        if self._description is not None and self._description.pages > 1:
            self._page = min(max(self._page + step, 0), self._description.pages - 1)
            self._render()

    # --- drawing ------------------------------------------------------------------------------

    def _fill_selectors(self, result) -> None:
        items = [
            self.tr("{n}: {text}").format(n=b + 1, text=elide(" ".join(words), 60))
            for b, words in enumerate(result.sentences)
        ]
        items.append(self.tr("All sentences ({n})").format(n=result.batch_size))
        if items != self._sentences.stringList():
            self._sentences.setStringList(items)
        heads = [self.tr("All heads")] + [
            self.tr("Head {n}").format(n=h + 1) for h in range(result.head_count)
        ]
        if heads != [self.head_selector.itemText(i) for i in range(self.head_selector.count())]:
            self.head_selector.clear()
            self.head_selector.addItems(heads)
        several = result.head_count > 1
        self.head_selector.setVisible(several)
        self._head_label.setVisible(several)

    def _per_page(self) -> int:
        width = max(1, self.canvas.width() - 90)
        height = max(1, self.canvas.height())
        return max(1, width // MIN_PANEL) * max(1, height // MIN_PANEL)

    def _render(self) -> None:
        result = self._result
        sentence, head = self._request
        self._last_per_page = self._per_page()  # recorded: a resize that changes it re-renders
        description = describe_heatmap(
            result,
            sentence,
            head,
            texts.heatmap_words(),
            page=self._page,
            per_page=self._last_per_page,
            **self._options,
        )
        self._description, self._page = description, description.page
        count = len(description.panels)
        compact = count > 1
        if compact:
            while len(self._small) < count:
                self._small.append(MatrixPlot(compact=True, font_scale=self._font_scale))
            plots = self._arrange(self._small[:count])
        else:
            if self._single is None:
                self._single = MatrixPlot(compact=False, font_scale=self._font_scale)
            plots = self._arrange([self._single])
        row_title = description.row_short if compact else description.row_title
        titles = (row_title, description.column_title)
        for plot, panel in zip(plots, description.panels, strict=True):
            plot.show(panel, description.scale, titles, description.every)
        self._note.setText(self.tr("Columns (keys): {note}.").format(note=description.column_note))
        self.title.setText(description.title)
        self._show_scale(description)
        self._show_pages(description)
        self._show_legend(result)
        self._refresh_highlights()
        self._refresh_readout()

    def _arrange(self, plots: list[MatrixPlot]) -> list[MatrixPlot]:
        """Put ``plots`` in a grid that fits the canvas; only when the grid's shape changes."""
        count = len(plots)
        columns = self._columns(count)
        shape = (count, columns, plots[0].compact)
        if shape != self._grid_shape:
            self._grid.clear()
            for k, plot in enumerate(plots):
                self._grid.addItem(plot.plot, k // columns, k % columns)
            self._grid_shape = shape
        self._shown_plots = plots
        return plots

    def _columns(self, count: int) -> int:
        """Columns of the grid: as square as the canvas allows, each panel readable."""
        width = max(1, self.canvas.width() - 90)
        height = max(1, self.canvas.height())
        fit = max(1, width // MIN_PANEL)
        rows_fit = max(1, height // MIN_PANEL)
        return max(1, min(count, fit, max(math.ceil(count / rows_fit), 1)))

    def _show_scale(self, description: HeatmapDescription) -> None:
        scale = description.scale
        self._bar.setColorMap(colours.colour_map(scale.colour_map))
        self._bar.setLevels((scale.low, scale.high))
        self._bar.getAxis("right").setLabel(scale.label, color=colours.INK)
        uniform = scale.uniform
        visible = uniform is not None and scale.low <= uniform <= scale.high
        self._uniform.setVisible(visible)
        if visible:
            self._uniform.setValue(uniform)
            self._uniform_label.setFormat(self.tr("uniform 1/{n}").format(n=round(1 / uniform)))

    def _show_pages(self, description: HeatmapDescription) -> None:
        paged = description.pages > 1
        for widget in (self._previous, self._next, self._page_label):
            widget.setVisible(paged)
        if paged:
            first = description.page * self._last_per_page + 1
            self._page_label.setText(
                self.tr("{first}–{last} of {total}").format(
                    first=first, last=first + len(description.panels) - 1, total=description.total
                )
            )
            self._previous.setEnabled(description.page > 0)
            self._next.setEnabled(description.page < description.pages - 1)

    def _show_legend(self, result) -> None:
        padded = bool(result.padding_mask.any())
        masked = result.config.mask_padding
        parts = []
        if padded and not masked:
            parts.append(self.tr("▨ striped: padding, which still takes part (as in the notebook)"))
        if padded and masked:
            parts.append(self.tr("▨ grey: padding, masked (weight exactly 0)"))
        if result.config.causal and result.max_length > 1:
            parts.append(self.tr("▧ light grey: a later key, hidden by the causal mask"))
        self._legend.setText("   ".join(parts))
        self._legend.setVisible(bool(parts))

    # --- hover, keyboard, clicks --------------------------------------------------------------

    def _panel_at(self, scene_pos: QPointF):
        for index, plot in enumerate(self._shown_plots):
            cell = plot.cell_at(scene_pos)
            if cell is not None:
                return index, cell
        return None

    def _key_of(self, index: int, row: int, column: int) -> tuple[int, int, int, int]:
        panel = self._description.panels[index]
        return panel.sentence, panel.head, row, column

    def _on_mouse_moved(self, scene_pos: QPointF) -> None:
        if self._result is None or self.message.isVisible():
            return
        found = self._panel_at(scene_pos)
        self._hover = None if found is None else self._key_of(found[0], *found[1])
        if found is not None:
            self._cursor = (found[0], *found[1])
        self._refresh_highlights()
        text = self._refresh_readout()
        if found is not None and text:
            QToolTip.showText(QCursor.pos(), text, self)

    def _on_mouse_clicked(self, event) -> None:
        found = self._panel_at(event.scenePos())
        if found is not None:
            self.cell_chosen.emit(self._key_of(found[0], *found[1]))

    def _on_key(self, event) -> None:
        if self._description is None or not self._description.panels:
            event.ignore()
            return
        key = event.key()
        if key in (Qt.Key.Key_PageDown, Qt.Key.Key_PageUp):
            self.turn_page(1 if key == Qt.Key.Key_PageDown else -1)
            return
        index, row, column = self._cursor or (0, 0, 0)
        index = min(index, len(self._description.panels) - 1)
        size = self._description.panels[index].values.shape[0]
        moves = {
            Qt.Key.Key_Left: (0, -1),
            Qt.Key.Key_Right: (0, 1),
            Qt.Key.Key_Up: (-1, 0),
            Qt.Key.Key_Down: (1, 0),
        }
        if key in moves:
            dr, dc = moves[key]
            row, column = min(max(row + dr, 0), size - 1), min(max(column + dc, 0), size - 1)
        elif key == Qt.Key.Key_Home:
            row = column = 0
        elif key == Qt.Key.Key_End:
            row = column = size - 1
        elif key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self.cell_chosen.emit(self._key_of(index, row, column))
            return
        else:
            event.ignore()
            return
        self._cursor = (index, row, column)
        self._hover = self._key_of(index, row, column)
        self._refresh_highlights()
        self._refresh_readout()

    def _refresh_highlights(self) -> None:
        for index, plot in enumerate(self._shown_plots):
            panel = self._description.panels[index]
            hover = selected = None
            if self._hover is not None and self._hover[:2] == (panel.sentence, panel.head):
                hover = self._hover[2:]
            if self._selected is not None and self._selected[:2] == (panel.sentence, panel.head):
                selected = self._selected[2:]
            plot.item.set_highlight(Highlight(hover, selected))

    def _refresh_readout(self) -> str:
        """Describe the hovered cell in the current result, or clear the readout."""
        result, hover = self._result, self._hover
        if result is not None and hover is not None:
            b, h, row, column = hover
            if (
                b >= result.batch_size
                or h >= result.head_count
                or max(row, column) >= result.max_length
            ):
                hover = self._hover = None
        if hover is None:
            self.readout.setText(self.tr("Hover over a cell, or press the arrow keys, to read it."))
            return ""
        text = self._cell_text(result, *hover)
        self.readout.setText(text)
        return text

    def _cell_text(self, result, b: int, h: int, row: int, column: int) -> str:
        labels = result.position_labels(b)
        state = int(result.cell_states(b)[row, column])
        value = float(result.attention_maps[b, h, row, column])
        where = self.tr("sentence {b}").format(b=b + 1)
        if result.head_count > 1:
            where += " · " + self.tr("head {h}").format(h=h + 1)
        pair = self.tr("query {i} “{qi}” → key {j} “{kj}”").format(
            i=row,
            qi=elide(labels[row], READOUT_TOKEN_CHARS),
            j=column,
            kj=elide(labels[column], READOUT_TOKEN_CHARS),
        )
        if state == MASKED:
            weight = self.tr("masked: padding, weight exactly 0")
        elif state == CAUSAL:
            weight = self.tr("masked: a later key (causal), weight exactly 0")
        else:
            weight = f"{value:.6f}"
            if state == PADDING:
                weight += self.tr(" (padding)")
        total = float(result.attention_row_sums[b, h, row])
        row_sum = self.tr("row sum {total}").format(total=f"{total:.6f}")
        return f"{where} · {pair}: {weight} · {row_sum}"

    def _on_sentence_activated(self, index: int) -> None:
        last = self._sentences.rowCount() - 1
        self.sentence_chosen.emit(-1 if index == last else index)

    def _on_head_activated(self, index: int) -> None:
        self.head_chosen.emit(index - 1)

    def _on_canvas_resized(self) -> None:
        """Another size fits another number of panels: lay them out again."""
        if self._result is not None and self._description is not None:
            if self._last_per_page != self._per_page() or self._grid_shape[1] != self._columns(
                len(self._description.panels)
            ):
                self._render()
