"""The attention view in the middle of the window: a heatmap or lines, and what they mean.

It holds the sentence and head selectors, the choice between the heatmap and the lines, a
message over both while the input is in error, and under them a note on what the columns
are, a legend of the marks, and a readout of the cell under the cursor.  The readout always
describes the current result: after an edit it is recomputed for the same cell, or cleared
when that cell no longer exists.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QCursor
from PySide6.QtWidgets import (
    QGridLayout,
    QLabel,
    QSizePolicy,
    QStackedWidget,
    QToolTip,
    QVBoxLayout,
    QWidget,
)

from figures.exercise import hide
from figures.heatmap import HeatmapDescription, describe_comparison, describe_heatmap, elide_words
from gui import texts
from gui.panes.attention import readout
from gui.panes.attention.lines import LinesView
from gui.panes.attention.selectors import Selectors
from gui.widgets import ElidedLabel
from model.session import KINDS, ViewSettings


def _wrapping(text: str = "") -> QLabel:
    label = QLabel(text)
    label.setWordWrap(True)
    label.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
    return label


class AttentionView(QWidget):
    """Renders the current result as a heatmap or as lines; reports the user's picks."""

    sentence_chosen = Signal(int)
    """The user picked a sentence in the selector (-1 = all sentences)."""
    head_chosen = Signal(int)
    """The user picked a head (-1 = all heads)."""
    cell_chosen = Signal(object)
    """The user clicked a cell or pressed Enter on it: (sentence, head, row, column)."""
    cell_hovered = Signal(object)
    """The cell under the mouse or the keyboard cursor changed: (sentence, head, row,
    column), or None; other views highlight its tokens."""
    kind_chosen = Signal(str)
    """The user chose to see "heatmap" or "lines"."""
    page_chosen = Signal(int)
    """The user turned to a page of the all-sentences view (from 0)."""
    padding_chosen = Signal(bool)
    """The user chose to show a sentence's <pad> positions, or only its own words."""
    lines_options_chosen = Signal(float, int)
    """The user changed the lines' threshold or top-k (0 = every line)."""
    play_pressed = Signal()
    """Space on the heatmap: play or pause training."""

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self._result = None
        self._comparison = None
        self._description: HeatmapDescription | None = None
        self._settings = ViewSettings()  # what the view was asked to show, and how
        self._page = 0  # the page shown: the one asked for, within the pages there are
        self._last_per_page = 0
        self._hover: tuple[int, int, int, int] | None = None  # sentence, head, row, column
        self._selected: tuple[int, int, int, int] | None = None
        self._hiding = None  # what a lesson's exercise hides

        self._selectors = bar = Selectors(self)
        self.sentence_selector, self.head_selector = bar.sentence, bar.head
        self.kind_selector, self.page_label = bar.kind, bar.page_label
        self.sentence_selector.activated.connect(self._on_sentence_activated)
        self.head_selector.activated.connect(lambda index: self.head_chosen.emit(index - 1))
        self.kind_selector.activated.connect(lambda index: self.kind_chosen.emit(KINDS[index]))
        bar.padding.clicked.connect(self.padding_chosen)
        bar.previous.clicked.connect(lambda: self.turn_page(-1))
        bar.next.clicked.connect(lambda: self.turn_page(1))

        self.title = ElidedLabel()
        self.title.setAlignment(Qt.AlignmentFlag.AlignCenter)
        font = self.title.font()
        font.setPointSizeF(font.pointSizeF() * 1.2)
        self.title.setFont(font)

        # The canvas is made just after the window first appears (see paintEvent): making
        # it imports pyqtgraph, and the window need not wait for that.
        self._canvas = None
        self._canvas_style: dict = {}  # theme and zoom set before the canvas was made
        self.lines = LinesView()
        self.lines.options_chosen.connect(self.lines_options_chosen)
        self._stack = QStackedWidget()
        self._stack.addWidget(QWidget())  # the canvas's place
        self._stack.addWidget(self.lines)
        self._stack.hide()  # no empty axes while the model loads

        self._fade = QWidget()  # a veil over the last good view while the input is in error
        self._fade.setObjectName("heatmapFade")
        self._fade.setStyleSheet("#heatmapFade { background: rgba(255, 255, 255, 190); }")
        self._fade.hide()
        self.message = _wrapping()
        self.message.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.message.setObjectName("heatmapMessage")
        self.message.setStyleSheet(
            "#heatmapMessage { background: rgba(255, 250, 230, 235); color: #5a3a00;"
            " border: 1px solid #d9b44a; border-radius: 6px; padding: 14px; font-size: 13pt; }"
        )
        self.message.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Maximum)
        self.message.hide()
        overlay = QGridLayout()
        overlay.addWidget(self._stack, 0, 0)
        overlay.addWidget(self._fade, 0, 0)
        overlay.addWidget(self.message, 0, 0, Qt.AlignmentFlag.AlignCenter)

        self.readout = _wrapping(self._no_readout())
        self.readout.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self._note = _wrapping()  # what a column is: below the plot, where it can wrap
        self._legend = _wrapping()

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(bar.layout)
        layout.addWidget(self.title)
        layout.addLayout(overlay, 1)
        layout.addWidget(self._note)
        layout.addWidget(self._legend)
        layout.addWidget(self.readout)

    @property
    def canvas(self):
        """The heatmap's :class:`~gui.panes.attention.canvas.HeatmapCanvas`, made on first use."""
        if self._canvas is None:
            from gui.panes.attention.canvas import HeatmapCanvas

            canvas = HeatmapCanvas()
            canvas.uniform_text = self.tr("dashed: uniform, 1/{n}")
            canvas.cell_hovered.connect(self._on_canvas_hovered)
            canvas.cell_stepped.connect(self._on_canvas_stepped)
            canvas.cell_chosen.connect(self._on_canvas_chosen)
            canvas.page_turned.connect(self.turn_page)
            canvas.resized.connect(self._on_canvas_resized)
            canvas.play_pressed.connect(self.play_pressed)
            if "theme" in self._canvas_style:
                canvas.set_theme(*self._canvas_style["theme"])
            if "font_scale" in self._canvas_style:
                canvas.set_font_scale(self._canvas_style["font_scale"])
            current = self._stack.currentIndex()
            place = self._stack.widget(0)
            self._stack.removeWidget(place)
            place.deleteLater()
            self._stack.insertWidget(0, canvas)
            self._stack.setCurrentIndex(current)
            self._canvas = canvas
        return self._canvas

    def paintEvent(self, event) -> None:  # noqa: N802 (Qt's name)
        super().paintEvent(event)
        if self._canvas is None:  # the window is on screen: time to make the canvas
            QTimer.singleShot(0, self, lambda: self.canvas)  # not if the view is gone by then

    # --- what the window calls ----------------------------------------------------------------

    def show_result(
        self, result, settings: ViewSettings, selected=None, comparison=None, hiding=None
    ) -> None:
        """Show ``result`` as ``settings`` say: its sentence (-1 = all) and head (-1 = all), as a
        heatmap or lines; with a ``comparison`` (model.compare), A, B and B − A of one sentence
        and head.  ``selected`` is the picked cell, outlined; ``hiding``, what an exercise hides."""
        if result is not self._result:
            self._selectors.fill(result)
        self._result, self._settings, self._selected = result, settings, selected
        self._hiding, self._page = hiding, settings.page
        self._comparison = comparison
        last = self._selectors.all_sentences_index
        self.sentence_selector.setCurrentIndex(last if settings.sentence < 0 else settings.sentence)
        self.head_selector.setCurrentIndex(settings.head + 1)
        self.kind_selector.setCurrentIndex(KINDS.index(settings.kind))
        shown = settings.sentence
        padded = shown >= 0 and int(result.lengths[shown]) < result.max_length
        self._selectors.padding.setChecked(settings.padding)
        self._selectors.padding.setVisible(padded and settings.kind == "heatmap")
        self._stack.setCurrentIndex(KINDS.index(settings.kind))
        self._stack.show()
        self._render()

    @property
    def kind(self) -> str:
        return KINDS[self._stack.currentIndex()]

    def set_font_scale(self, scale: float) -> None:
        self._canvas_style["font_scale"] = scale
        if self._canvas is not None:
            self._canvas.set_font_scale(scale)
        self.lines.set_font_scale(scale)
        if self._result is not None:
            self._render()

    def set_theme(self, background: str, ink: str) -> None:
        self._canvas_style["theme"] = (background, ink)
        if self._canvas is not None:
            self._canvas.set_theme(background, ink)
        self.lines.set_theme(background, ink)

    def release(self) -> None:
        """Let go of the result (a big one is freed before the next is computed): the view
        stays greyed, with no readout, until the next result comes."""
        self._result = self._comparison = self._description = None
        self._hover = self._selected = None
        self.lines.release()
        self.readout.setText("")
        self._fade.show()

    def show_message(self, text: str) -> None:
        """Show ``text`` over the view and fade the last good one; "" clears it (a view
        that let its result go stays faded)."""
        self.message.setText(text)
        self.message.setVisible(bool(text))
        self._fade.setVisible(bool(text) or self._result is None and self._stack.isVisible())
        for widget in (self.sentence_selector, self.head_selector, *self._selectors.page_widgets()):
            widget.setEnabled(not text)

    @property
    def legend(self) -> str:
        """The line under the view saying what its marks mean."""
        return self._legend.text()

    @property
    def description(self) -> HeatmapDescription | None:
        """What the heatmap draws now (the figure draws the same kind of description)."""
        return self._description

    @property
    def grid_shown(self) -> bool:
        """Whether the heatmap shows a transformer's grid of layers × heads."""
        shown = self._description
        return self.kind == "heatmap" and shown is not None and shown.grid is not None

    def current_plots(self):
        return list(self.canvas.plots)

    def map_to_widget(self, plot, row: int, column: int):
        """The canvas viewport and the widget position of a cell's centre (for tests)."""
        return self.canvas.viewport(), self.canvas.mapFromScene(plot.cell_center(row, column))

    def turn_page(self, step: int) -> None:
        """Ask for the page ``step`` pages on from the one shown (within those there are)."""
        if self._description is not None and self._description.pages > 1:
            page = min(max(self._page + step, 0), self._description.pages - 1)
            if page != self._page:
                self.page_chosen.emit(page)

    def highlight_query(self, sentence: int, row: int | None) -> None:
        """Highlight query ``row`` of ``sentence`` (None: none), as a table row points at it."""
        self._hover = None if row is None else (sentence, max(self._settings.head, 0), row, row)
        self._refresh_highlights()
        self._refresh_readout()

    # --- drawing ------------------------------------------------------------------------------

    def _render(self) -> None:
        result, settings = self._result, self._settings
        sentence, head = settings.sentence, settings.head
        options = {
            "colour_map": settings.colour_map,
            "colour_scale": settings.colour_scale,
            "padding": settings.padding,
        }
        comparing = self._comparison is not None
        self._last_per_page = self.canvas.per_page(comparing)
        words = texts.heatmap_words()
        if comparing:
            description = describe_comparison(self._comparison, sentence, head, words, **options)
        else:
            description = describe_heatmap(
                result,
                sentence,
                head,
                words,
                page=self._page,
                per_page=self._last_per_page,
                layer=settings.layer,
                **options,
            )
        description = hide(description, self._hiding)
        self._description, self._page = description, description.page
        if self.kind == "lines":
            shown = max(sentence, 0)
            title = words.sentence_title.format(
                n=shown, text=elide_words(result.sentences[shown], 60)
            )
            if head >= 0 and result.head_count > 1:  # one map of several: which
                title += " · " + texts.map_name(result.config, head)
            self.lines.show_result(
                result, shown, head, title, settings.line_threshold, settings.line_top_k
            )
            self.title.setText(title)
        else:
            self.canvas.draw(description, compact_title=comparing)
            self.title.setText(description.title)
        self._note.setText(self.tr("Columns (keys): {note}.").format(note=description.column_note))
        paged = description.pages > 1 and self.kind == "heatmap"
        self._selectors.show_pages(description, self._last_per_page, paged)
        self._show_legend(result)
        self._refresh_highlights()
        self._refresh_readout()

    def _show_legend(self, result) -> None:
        text = readout.legend(result, self.kind, self._settings.sentence, self._settings.padding)
        self._legend.setText(text)
        self._legend.setVisible(bool(text))

    def _on_canvas_resized(self) -> None:
        """Another size fits another number of panels: lay them out again."""
        if self._result is None or self._description is None or self.kind != "heatmap":
            return
        comparing = self._comparison is not None
        paged = self._description.grid is None  # a grid is one page, whatever the size
        if (
            paged and self._last_per_page != self.canvas.per_page(comparing)
        ) or self.canvas.needs_arranging(self._description):
            self._render()

    # --- pointing -----------------------------------------------------------------------------

    def _key_of(self, found) -> tuple[int, int, int, int]:
        index, row, column = found
        panel = self._description.panels[index]
        return panel.sentence, panel.head, row, column

    def _on_canvas_hovered(self, found) -> None:
        text = self._point_at(found)
        if text and self.canvas.underMouse():
            QToolTip.showText(QCursor.pos(), text, self)

    def _on_canvas_stepped(self, found) -> None:
        """The keyboard moved the cursor: the readout, and a tip beside that cell."""
        text = self._point_at(found)
        if text:
            QToolTip.showText(self.canvas.global_position(found), text, self)

    def _point_at(self, found) -> str:
        """Outline and describe cell ``found`` (or nothing); return the readout's text."""
        if self._result is None or self.message.isVisible():
            return ""
        self._set_hover(None if found is None else self._key_of(found))
        self._refresh_highlights()
        text = self._refresh_readout()
        return text if found is not None else ""

    def _on_canvas_chosen(self, found) -> None:
        self.cell_chosen.emit(self._key_of(found))

    def _set_hover(self, cell) -> None:
        if cell != self._hover:
            self._hover = cell
            self.cell_hovered.emit(cell)

    def _refresh_highlights(self) -> None:
        self.canvas.set_highlights(self._hover, self._selected)

    def _refresh_readout(self) -> str:
        """Describe the hovered cell in the current result, or clear the readout."""
        result, hover = self._result, self._hover
        if hover is not None and not self._on_screen(hover):
            hover = None  # another sentence, head or page is shown now: never describe it
            self._set_hover(None)
        if result is None or hover is None:
            self.readout.setText(self._no_readout())
            return ""
        text = readout.cell_text(result, *hover, comparison=self._comparison, hiding=self._hiding)
        self.readout.setText(text)
        return text

    def _on_screen(self, cell) -> bool:
        """Whether ``cell`` (sentence, head, row, column) is a cell shown now."""
        result, description = self._result, self._description
        b, h, row, column = cell
        if result is None or b >= result.batch_size or h >= result.head_count:
            return False
        if self.kind == "lines":  # one sentence, its every head
            return b == max(self._settings.sentence, 0) and max(row, column) < result.max_length
        return description is not None and any(
            (panel.sentence, panel.head) == (b, h) and max(row, column) < len(panel.rows)
            for panel in description.panels
        )

    def _no_readout(self) -> str:
        if self._stack.currentIndex() == KINDS.index("lines"):
            return ""  # the legend says what hovering a token does
        return self.tr("Hover over a cell, or press the arrow keys, to read it.")

    def _on_sentence_activated(self, index: int) -> None:
        last = self._selectors.all_sentences_index
        self.sentence_chosen.emit(-1 if index == last else index)
