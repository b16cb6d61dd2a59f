"""The attention heatmap: one sentence, or all of them as small multiples on one scale.

Rows are query positions, columns key positions.  Every plot item is built once and updated
in place on each edit; only the number of small multiples can grow the pool of plots.
"""

from __future__ import annotations

import math

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QPointF, Qt, Signal
from PySide6.QtGui import QColor, QCursor, QFont, QFontMetrics
from PySide6.QtWidgets import (
    QComboBox,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QSizePolicy,
    QStackedWidget,
    QToolTip,
    QVBoxLayout,
    QWidget,
)

from gui import texts

COLORMAP = "cividis"  # perceptually uniform and readable with every common colour deficiency
MAX_MULTIPLES = 8  # small multiples shown at once in the "all sentences" view
MAX_CELL_TEXT = 20
MIN_VALUE_PIXELS = 9  # smaller printed values are unreadable: hover shows them instead
MIN_MULTIPLE_WIDTH = 230  # pixels a small multiple needs for its axes and a readable matrix
COLORBAR_ROOM = 90  # above this many positions, values are read by hovering instead
# (most positions, characters of the token under a column): narrower columns, shorter words.
# Past these, a column shows its index only; the row with the same index names the token.
COLUMN_LABEL_WIDTHS = ((5, 10), (8, 7))
HATCH = 0.28  # length of the corner strokes that mark a padding cell, in cells
INK = "#202020"


def colormap() -> pg.ColorMap:
    return pg.colormap.get(COLORMAP)


def level(value: float) -> int:
    """The colour-map entry (0–255) of an attention weight."""
    return min(255, max(0, int(float(value) * 255)))


def text_colors(cmap: pg.ColorMap) -> list[QColor]:
    """For 256 levels of the colour map, the text colour that stays readable on it."""
    lut = cmap.getLookupTable(0.0, 1.0, 256, alpha=False).astype(float) / 255
    luminance = lut @ np.array([0.2126, 0.7152, 0.0722])
    return [QColor("black") if y > 0.45 else QColor("white") for y in luminance]


def _font(points: float) -> QFont:
    font = QFont()  # the application's family: an empty family name crashes text layout
    font.setPointSizeF(points)
    return font


def _canvas() -> pg.GraphicsLayoutWidget:
    canvas = pg.GraphicsLayoutWidget()
    canvas.setBackground("w")
    return canvas


def _short(token: str, limit: int = 10) -> str:
    return token if len(token) <= limit else token[: limit - 1] + "…"


def make_colorbar(cmap: pg.ColorMap, images: list) -> pg.ColorBarItem:
    """The fixed 0–1 colour bar, labelled, shared by every image in ``images``."""
    bar = pg.ColorBarItem(
        values=(0.0, 1.0), colorMap=cmap, interactive=False, width=18, colorMapMenu=False
    )
    bar.setImageItem(images)
    axis = bar.getAxis("right")
    axis.setPen(INK)
    axis.setTextPen(INK)
    axis.setTickFont(_font(10))
    axis.setLabel(texts.attention_weight(), color=INK)
    return bar


class AttentionPlot:
    """One attention matrix: image, padding marks, cell values and ticks."""

    def __init__(self, cmap: pg.ColorMap, text_colors: list[QColor], compact: bool) -> None:
        self.compact = compact
        self.plot = pg.PlotItem()
        self.plot.setMenuEnabled(False)
        self.plot.hideButtons()
        self.plot.setMouseEnabled(False, False)
        self.plot.vb.invertY(True)
        self.plot.vb.setDefaultPadding(0.0)
        for name in ("left", "bottom"):
            axis = self.plot.getAxis(name)
            axis.setPen(INK)
            axis.setTextPen(INK)
            axis.setTickFont(_font(8 if compact else 11))
        if compact:  # the same width for every small multiple, whatever its words
            self.plot.getAxis("left").setWidth(74)
        self.image = pg.ImageItem(axisOrder="row-major")
        self.image.setColorMap(cmap)
        self.image.setLevels((0.0, 1.0))
        self.hatch = pg.PlotCurveItem(pen=pg.mkPen("#c8c8c8", width=1.5), connect="pairs")
        self.boundary = pg.PlotCurveItem(
            pen=pg.mkPen("#d02020", width=2, style=Qt.PenStyle.DashLine), connect="pairs"
        )
        for z, item in enumerate((self.image, self.hatch, self.boundary)):
            item.setZValue(z)
            self.plot.addItem(item)
        self.texts: list[pg.TextItem] = []
        self._text_colors = text_colors
        self.values = np.zeros((0, 0), dtype=np.float32)
        self.length = 0
        self._titles = None
        self._tick_lines = self._label_lines = 1
        self._shown_texts = 0
        self.plot.vb.sigResized.connect(lambda _view: self._fit_texts())

    def show_sentence(self, result, b: int, title: str = "", show_values: bool | None = None):
        """Draw sentence ``b`` of ``result``, with the axis titles its attention mode needs."""
        if show_values is None:
            show_values = result.max_length <= (6 if self.compact else MAX_CELL_TEXT)
        linear = result.config.attention == "linear"
        self.show(
            result.attention[b],
            result.position_labels(b),
            len(result.sentences[b]),
            title,
            show_values=show_values,
            key_words=not linear,
        )
        self.set_axis_titles(*texts.heatmap_axis_titles(linear, self.compact))

    def show(
        self,
        values: np.ndarray,
        labels: list[str],
        length: int,
        title: str,
        show_values: bool,
        key_words: bool = True,
    ) -> None:
        """Draw ``values`` (L × L); positions from ``length`` on are padding.

        ``key_words`` puts the tokens under the columns as well as beside the rows; without
        it the columns show positions only (a Linear layer's outputs are slots, not words).
        """
        size = values.shape[0]
        self.values, self.length = values, length
        self.image.setImage(np.ascontiguousarray(values, dtype=np.float32), autoLevels=False)
        self.image.setRect(0, 0, size, size)
        self._mark_padding(size, length)
        self.plot.setTitle(title or None, color=INK, size="9pt" if self.compact else "12pt")
        self._set_ticks(labels, key_words)
        self._set_texts(values if show_values else None)
        self.plot.vb.setRange(xRange=(0, size), yRange=(0, size), padding=0)

    def cell_at(self, scene_pos: QPointF) -> tuple[int, int] | None:
        if not self.plot.vb.sceneBoundingRect().contains(scene_pos):
            return None
        point = self.plot.vb.mapSceneToView(scene_pos)
        row, column = math.floor(point.y()), math.floor(point.x())
        size = self.values.shape[0]
        if 0 <= row < size and 0 <= column < size:
            return row, column
        return None

    def cell_center(self, row: int, column: int) -> QPointF:
        """Scene position of a cell's centre (for tests and tooltips)."""
        return self.plot.vb.mapViewToScene(QPointF(column + 0.5, row + 0.5))

    def _mark_padding(self, size: int, length: int) -> None:
        """Short strokes in two corners of every padding cell, clear of the printed value,
        and a dashed line where the sentence ends.  The cell keeps its true colour."""
        padded = np.zeros((size, size), dtype=bool)
        padded[length:, :] = True
        padded[:, length:] = True
        rows, columns = np.nonzero(padded)
        x0, y0 = columns.astype(float), rows.astype(float)
        x = np.stack([x0, x0 + HATCH, x0 + 1 - HATCH, x0 + 1], axis=1).ravel()
        y = np.stack([y0 + HATCH, y0, y0 + 1, y0 + 1 - HATCH], axis=1).ravel()
        self.hatch.setData(x, y)
        if length < size:
            self.boundary.setData([length, length, 0, size], [0, size, length, length])
        else:
            self.boundary.setData([], [])

    def _set_ticks(self, labels: list[str], key_words: bool) -> None:
        """Index and token under each column, index and token beside each row.

        Column labels stack the token under the index while columns are wide enough; past a
        few dozen positions only every n-th index is labelled.
        """
        size = len(labels)
        if self.compact:  # small multiples: indices under columns, short tokens by rows
            width, row_width = 0, (5 if size <= 8 else 0)
        else:
            width = next((w for limit, w in COLUMN_LABEL_WIDTHS if size <= limit), 0)
            row_width = 12 if size <= 40 else 0
        if not key_words:
            width = 0
        step = max(1, math.ceil(size / (6 if self.compact else 24)))
        columns, rows = [], []
        for i in range(0, size, step):
            token = labels[i]
            columns.append((i + 0.5, f"{i}\n{_short(token, width)}" if width else str(i)))
            rows.append((i + 0.5, f"{i} {_short(token, row_width)}" if row_width else str(i)))
        self.plot.getAxis("bottom").setTicks([columns])
        self.plot.getAxis("left").setTicks([rows])
        self._tick_lines = 2 if width else 1
        self._fit_bottom_axis()

    def set_axis_titles(self, left: str, bottom: str, note: str = "") -> None:
        """Axis titles; ``note`` goes on a second, smaller line under the bottom title."""
        titles = (left, bottom, note)
        if titles == self._titles:
            return
        self._titles = titles
        size = "9pt" if self.compact else "11pt"
        self.plot.setLabel("left", left, color=INK, size=size)
        if note:
            bottom = f"{bottom}<br><span style='font-size: 9pt'>({note})</span>"
        self.plot.setLabel("bottom", bottom, color=INK, size=size)
        self._label_lines = 2 if note else 1
        self._fit_bottom_axis()

    def _fit_bottom_axis(self) -> None:
        # Two-line tick labels and titles need room that the axis does not reserve by itself.
        axis = self.plot.getAxis("bottom")
        ticks = QFontMetrics(axis.style["tickFont"]).lineSpacing() * self._tick_lines
        title = QFontMetrics(_font(11)).lineSpacing() * self._label_lines
        axis.setHeight(ticks + title + 14)

    def _set_texts(self, values: np.ndarray | None) -> None:
        cells = 0 if values is None else values.size
        while len(self.texts) < cells:
            text = pg.TextItem(anchor=(0.5, 0.5))
            text.setZValue(10)  # above the padding marks
            self.plot.addItem(text)
            self.texts.append(text)
        if values is not None:
            for k, (row, column) in enumerate(np.ndindex(values.shape)):
                value = float(values[row, column])
                item = self.texts[k]
                item.setText(f"{value:.2f}")
                item.setColor(self._text_colors[level(value)])
                item.setPos(column + 0.5, row + 0.5)
        self._shown_texts = cells
        for item in self.texts[cells:]:
            item.setVisible(False)
        self._fit_texts()

    def _fit_texts(self) -> None:
        """Size the printed values to the cells on screen; hide them when cells are too small."""
        size = self.values.shape[0]
        if not self._shown_texts or not size:
            return
        rect = self.plot.vb.sceneBoundingRect()
        pixels = min(0.33 * rect.width() / size, 0.5 * rect.height() / size, 17.0)
        readable = pixels >= MIN_VALUE_PIXELS
        if readable:
            font = QFont()
            font.setPixelSize(int(pixels))
        for item in self.texts[: self._shown_texts]:
            if readable:
                item.setFont(font)
            item.setVisible(readable)


class HeatmapView(QWidget):
    """The attention weights of the selected sentence, or of all sentences."""

    sentence_selected = Signal(int)
    """The user picked a sentence in the selector (-1 = all sentences)."""

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self._cmap = colormap()
        self._text_colors = text_colors(self._cmap)
        self._result = None
        self._sentence = 0

        self._selector = QComboBox()
        self._selector.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
        )
        self._selector.setMinimumContentsLength(20)
        self._selector.activated.connect(self._on_selector_activated)
        bar = QHBoxLayout()
        label = QLabel(self.tr("&Sentence:"))
        label.setBuddy(self._selector)
        bar.addWidget(label)
        bar.addWidget(self._selector, 1)

        self._single = _canvas()
        self._plot = AttentionPlot(self._cmap, self._text_colors, compact=False)
        self._single.addItem(self._plot.plot, 0, 0)
        self._single_bar = make_colorbar(self._cmap, [self._plot.image])
        self._single.addItem(self._single_bar, 0, 1)

        self._multiples = _canvas()
        self._grid = pg.GraphicsLayout()
        self._multiples.addItem(self._grid, 0, 0)
        self._small: list[AttentionPlot] = []
        self._grid_shape = (0, 0)
        self._multiples_bar = make_colorbar(self._cmap, [])
        self._multiples.addItem(self._multiples_bar, 0, 1)

        self._stack = QStackedWidget()
        self._stack.addWidget(self._single)
        self._stack.addWidget(self._multiples)
        self._stack.hide()  # no empty axes while the model loads
        self._fade = QWidget()  # a white veil over the last good heatmap while in error
        self._fade.setObjectName("heatmapFade")
        self._fade.setStyleSheet("#heatmapFade { background: rgba(255, 255, 255, 190); }")
        self._fade.hide()

        self._message = QLabel()
        self._message.setWordWrap(True)
        self._message.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self._message.setObjectName("heatmapMessage")
        self._message.setStyleSheet(
            "#heatmapMessage { background: rgba(255, 250, 230, 235); color: #5a3a00;"
            " border: 1px solid #d9b44a; border-radius: 6px; padding: 14px; font-size: 13pt; }"
        )
        self._message.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Maximum)
        self._message.hide()
        overlay = QGridLayout()
        overlay.addWidget(self._stack, 0, 0)
        overlay.addWidget(self._fade, 0, 0)
        overlay.addWidget(self._message, 0, 0, Qt.AlignmentFlag.AlignCenter)

        self._title = QLabel()
        self._title.setWordWrap(True)
        self._title.setAlignment(Qt.AlignmentFlag.AlignCenter)
        title_font = self._title.font()
        title_font.setPointSizeF(title_font.pointSizeF() * 1.2)
        self._title.setFont(title_font)

        self._readout = QLabel(self.tr("Hover over a cell to read its exact value."))
        self._readout.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self._readout.setWordWrap(True)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(bar)
        layout.addWidget(self._title)
        layout.addLayout(overlay, 1)
        layout.addWidget(self._readout)

        self._single.scene().sigMouseMoved.connect(self._on_mouse_moved)
        self._multiples.scene().sigMouseMoved.connect(self._on_mouse_moved)

    # --- what the window calls -----------------------------------------------------------

    def show_result(self, result, sentence: int) -> None:
        self._result, self._sentence = result, sentence
        self._fill_selector()
        self._render()
        self._stack.show()

    def show_sentence(self, sentence: int) -> None:
        self._sentence = sentence
        self._selector.setCurrentIndex(self._selector_index(sentence))
        self._render()

    def show_message(self, text: str) -> None:
        """Show ``text`` over the heatmap and fade the last good one; "" clears it."""
        self._message.setText(text)
        self._message.setVisible(bool(text))
        self._fade.setVisible(bool(text))
        self._selector.setEnabled(not text)

    @property
    def readout(self) -> str:
        return self._readout.text()

    def current_plots(self) -> list[AttentionPlot]:
        """The plots on screen now: one, or the small multiples."""
        if self._stack.currentWidget() is self._single:
            return [self._plot]
        return self._small[: self._multiple_count()]

    def map_to_widget(self, plot: AttentionPlot, row: int, column: int):
        """Widget coordinates (of the view under the cell) of a cell's centre."""
        view = self._stack.currentWidget()
        return view, view.mapFromScene(plot.cell_center(row, column))

    # --- drawing -------------------------------------------------------------------------

    def _fill_selector(self) -> None:
        result = self._result
        items = [
            self.tr("{n}: {text}").format(n=b + 1, text=" ".join(result.sentences[b]))
            for b in range(result.batch_size)
        ]
        items.append(self.tr("All sentences ({n})").format(n=result.batch_size))
        current = [self._selector.itemText(i) for i in range(self._selector.count())]
        if current != items:
            self._selector.clear()
            self._selector.addItems(items)
        self._selector.setCurrentIndex(self._selector_index(self._sentence))

    def _selector_index(self, sentence: int) -> int:
        return self._selector.count() - 1 if sentence < 0 else sentence

    def _on_selector_activated(self, index: int) -> None:
        last = self._selector.count() - 1
        self.sentence_selected.emit(-1 if index == last else index)

    def _render(self) -> None:
        result = self._result
        if result is None:
            return
        if self._sentence >= 0:
            self._stack.setCurrentWidget(self._single)
            self._render_single(result, self._sentence)
        else:
            self._stack.setCurrentWidget(self._multiples)
            self._title.setText(texts.all_sentences_title())
            self._render_multiples(result)

    def _render_single(self, result, b: int) -> None:
        self._title.setText(texts.sentence_title(b, result.sentences[b]))
        self._plot.show_sentence(result, b)

    def _multiple_count(self) -> int:
        return 0 if self._result is None else min(self._result.batch_size, MAX_MULTIPLES)

    def _columns_for(self, count: int) -> int:
        """A square-ish grid, but no narrower per plot than a readable small multiple."""
        fits = max(1, (self._multiples.width() - COLORBAR_ROOM) // MIN_MULTIPLE_WIDTH)
        return max(1, min(math.ceil(math.sqrt(count)), fits))

    def resizeEvent(self, event) -> None:  # noqa: N802 (Qt's name)
        super().resizeEvent(event)
        if self._result is not None and self._sentence < 0:
            if self._grid_shape != (self._multiple_count(), self._columns_for(self._grid_shape[0])):
                self._render_multiples(self._result)

    def _render_multiples(self, result) -> None:
        count = self._multiple_count()
        while len(self._small) < count:
            self._small.append(AttentionPlot(self._cmap, self._text_colors, compact=True))
        columns = self._columns_for(count)
        if self._grid_shape != (count, columns):
            self._grid.clear()
            for k in range(count):
                self._grid.addItem(self._small[k].plot, k // columns, k % columns)
            for c in range(columns):
                self._grid.layout.setColumnStretchFactor(c, 1)
            for r in range(math.ceil(count / columns)):
                self._grid.layout.setRowStretchFactor(r, 1)
            self._grid_shape = (count, columns)
            self._multiples_bar.setImageItem([p.image for p in self._small[:count]])
        show_values = result.max_length <= 6 and count <= 4
        for b in range(count):
            text = " ".join(result.sentences[b])
            title = f"{b + 1}: {_short(text, 16)}"
            self._small[b].show_sentence(result, b, title, show_values)
        shown = self.tr("showing the first {shown} of {total} sentences").format(
            shown=count, total=result.batch_size
        )
        if count < result.batch_size:
            self._readout.setText(shown)

    # --- hover ---------------------------------------------------------------------------

    def _on_mouse_moved(self, scene_pos: QPointF) -> None:
        result = self._result
        if result is None or self._message.isVisible():
            return
        plots = self.current_plots()
        for k, plot in enumerate(plots):
            cell = plot.cell_at(scene_pos)
            if cell is None:
                continue
            b = self._sentence if self._sentence >= 0 else k
            row, column = cell
            labels = result.position_labels(b)
            value = result.attention[b, row, column]
            total = result.attention_row_sums[b, row]
            text = self.tr(
                "sentence {b} · query {i} “{qi}” → key {j} “{kj}”: {value} · row sum {total}"
            ).format(
                b=b + 1,
                i=row,
                qi=labels[row],
                j=column,
                kj=labels[column],
                value=f"{value:.6f}",
                total=f"{total:.6f}",
            )
            if max(row, column) >= len(result.sentences[b]):
                text += self.tr("  (padding)")
            self._readout.setText(text)
            QToolTip.showText(QCursor.pos(), text, self)
            return
