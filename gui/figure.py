"""Heatmap figures for slides and handouts, composed for print.

A figure never depends on the window: it is laid out at a fixed size in its own coordinates
and drawn with plain QPainter shapes (rectangles, lines, text).  The same drawing goes to a
PNG at 1×, 2× or 4× (sharp at every scale) and to an SVG whose text stays text.  Fonts are
sized in pixels, so both devices lay out alike.
"""

from __future__ import annotations

import math
import os
from dataclasses import dataclass

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QPointF, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QFont, QFontMetricsF, QImage, QLinearGradient, QPainter, QPen
from PySide6.QtSvg import QSvgGenerator

from gui import texts
from gui.heatmap_view import INK, colormap, level, text_colors
from model.files import atomic_write

SINGLE_SIZE = (960, 860)  # a one-sentence figure at 1×, in pixels
MULTIPLE_SIZE = 360  # each small multiple of an all-sentences figure
MAX_FIGURE_MULTIPLES = 16
MAX_SCALE = 8
MARGIN = 24
PAD_LINE = QColor("#d02020")
HATCH = QColor(255, 255, 255, 150)


def _font(pixels: float, bold: bool = False) -> QFont:
    font = QFont()
    font.setPixelSize(max(1, round(pixels)))
    font.setBold(bold)
    return font


@dataclass
class _Panel:
    """Where one attention matrix goes and how it is labelled."""

    sentence: int
    rect: QRectF  # the whole panel: title, labels and cells
    title: str
    compact: bool


class HeatmapFigure:
    """One sentence (``sentence`` ≥ 0) or all of them (-1), at a fixed size."""

    def __init__(self, result, sentence: int) -> None:
        if not -1 <= sentence < result.batch_size:
            last = result.batch_size - 1
            raise ValueError(f"there is no sentence {sentence}: choose 0 to {last}, or all")
        self.result = result
        self._cmap = colormap()
        self._lut = self._cmap.getLookupTable(0.0, 1.0, 256, alpha=False)
        self._text_colors = text_colors(self._cmap)
        self._linear = result.config.attention == "linear"
        header = 96
        if sentence >= 0:
            width, height = SINGLE_SIZE
            self.title = texts.sentence_title(sentence, result.sentences[sentence])
            body = QRectF(MARGIN, header, width - 2 * MARGIN - 110, height - header - MARGIN)
            self._panels = [_Panel(sentence, body, "", compact=False)]
        else:
            count = min(result.batch_size, MAX_FIGURE_MULTIPLES)
            columns = math.ceil(math.sqrt(count))
            rows = math.ceil(count / columns)
            width = columns * MULTIPLE_SIZE + 2 * MARGIN + 110
            height = rows * MULTIPLE_SIZE + header + MARGIN
            self.title = texts.all_sentences_title()
            if count < result.batch_size:
                self.title += f" (1–{count} / {result.batch_size})"
            self._panels = []
            for b in range(count):
                x = MARGIN + (b % columns) * MULTIPLE_SIZE
                y = header + (b // columns) * MULTIPLE_SIZE
                words = " ".join(result.sentences[b])
                self._panels.append(
                    _Panel(
                        b,
                        QRectF(x, y, MULTIPLE_SIZE - 12, MULTIPLE_SIZE - 12),
                        f"{b + 1}: {_elide(words, 34)}",
                        compact=True,
                    )
                )
        self.size = QSize(width, height)
        self._bar = QRectF(width - MARGIN - 78, header + 8, 18, height - header - MARGIN - 16)

    # --- output --------------------------------------------------------------------------

    def image(self, scale: int = 1) -> QImage:
        """The figure as an image of exactly ``scale`` × its size, drawn at that resolution."""
        if isinstance(scale, bool) or not isinstance(scale, int) or not 1 <= scale <= MAX_SCALE:
            raise ValueError(f"scale must be a whole number from 1 to {MAX_SCALE}, not {scale!r}")
        image = QImage(self.size * scale, QImage.Format.Format_ARGB32)
        image.fill(QColor("white"))
        painter = QPainter(image)
        painter.scale(scale, scale)
        self.paint(painter)
        painter.end()
        return image

    def png_bytes(self, scale: int = 1) -> bytes:
        return _encode(self.image(scale))

    def svg_bytes(self) -> bytes:
        data = QByteArray()
        buffer = QBuffer(data)
        buffer.open(QIODevice.OpenModeFlag.WriteOnly)
        generator = QSvgGenerator()
        generator.setOutputDevice(buffer)
        generator.setSize(self.size)
        generator.setViewBox(QRectF(0, 0, self.size.width(), self.size.height()))
        generator.setResolution(96)
        generator.setTitle(self.title)
        generator.setDescription("Attention Study")
        painter = QPainter(generator)
        painter.fillRect(QRectF(0, 0, self.size.width(), self.size.height()), QColor("white"))
        self.paint(painter)
        painter.end()
        buffer.close()
        return bytes(data)

    # --- drawing -------------------------------------------------------------------------

    def paint(self, painter: QPainter) -> None:
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setRenderHint(QPainter.RenderHint.TextAntialiasing)
        width = self.size.width()
        painter.setPen(QColor(INK))
        painter.setFont(_font(24))
        painter.drawText(
            QRectF(MARGIN, 14, width - 2 * MARGIN, 34),
            Qt.AlignmentFlag.AlignCenter,
            _elide(self.title, 80),
        )
        painter.setPen(QColor("#505050"))
        painter.setFont(_font(14))
        painter.drawText(
            QRectF(MARGIN, 50, width - 2 * MARGIN, 22),
            Qt.AlignmentFlag.AlignCenter,
            settings_line(self.result),
        )
        for panel in self._panels:
            self._paint_panel(painter, panel)
        self._paint_colorbar(painter)

    def _paint_panel(self, painter: QPainter, panel: _Panel) -> None:
        result, b = self.result, panel.sentence
        values = result.attention[b]
        size = values.shape[0]
        length = len(result.sentences[b])
        labels = result.position_labels(b)
        compact = panel.compact
        tick_font = _font(11 if compact else 16)
        title_font = _font(13 if compact else 17)
        rows = [f"{i} {_elide(t, 6 if compact else 14)}" for i, t in enumerate(labels)]
        if size > (12 if compact else 40):
            rows = [str(i) for i in range(size)]
        row_width = max(QFontMetricsF(tick_font).horizontalAdvance(r) for r in rows)
        key_words = not self._linear and size <= (6 if compact else 10)
        left_title, bottom_title, note = texts.heatmap_axis_titles(self._linear, compact)

        top = panel.rect.top() + (22 if panel.title else 0)
        left = panel.rect.left() + title_font.pixelSize() * 1.4 + 14 + row_width
        bottom_room = (2 if key_words else 1) * tick_font.pixelSize() * 1.3 + 12
        bottom_room += title_font.pixelSize() * (2.6 if note else 1.4)
        side = min(panel.rect.right() - left - 4, panel.rect.bottom() - top - bottom_room)
        side = max(side, 10.0)
        cell = side / size
        grid = QRectF(left, top, cell * size, cell * size)

        if panel.title:
            painter.setPen(QColor(INK))
            painter.setFont(title_font)
            painter.drawText(
                QRectF(panel.rect.left(), panel.rect.top(), panel.rect.width(), 20),
                Qt.AlignmentFlag.AlignCenter,
                panel.title,
            )

        # the cells, in their true colours (no antialiasing: no seams between cells)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, False)
        painter.setPen(Qt.PenStyle.NoPen)
        for i in range(size):
            for j in range(size):
                painter.setBrush(self._color(values[i, j]))
                painter.drawRect(QRectF(left + j * cell, top + i * cell, cell, cell))
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)

        # padding: strokes in two corners of each padded cell, a dashed line where it starts
        stroke = min(cell * 0.28, 18.0)
        painter.setPen(QPen(HATCH, 1.5))
        for i in range(size):
            for j in range(size):
                if max(i, j) >= length:
                    x, y = left + j * cell, top + i * cell
                    painter.drawLine(QPointF(x, y + stroke), QPointF(x + stroke, y))
                    painter.drawLine(
                        QPointF(x + cell - stroke, y + cell), QPointF(x + cell, y + cell - stroke)
                    )
        if length < size:
            painter.setPen(QPen(PAD_LINE, 2, Qt.PenStyle.DashLine))
            edge = length * cell
            painter.drawLine(QPointF(left + edge, top), QPointF(left + edge, grid.bottom()))
            painter.drawLine(QPointF(left, top + edge), QPointF(grid.right(), top + edge))

        # the values
        value_px = min(cell * 0.3, 22.0)
        if value_px >= 9:
            painter.setFont(_font(value_px))
            for i in range(size):
                for j in range(size):
                    value = float(values[i, j])
                    painter.setPen(self._text_colors[level(value)])
                    painter.drawText(
                        QRectF(left + j * cell, top + i * cell, cell, cell),
                        Qt.AlignmentFlag.AlignCenter,
                        f"{value:.2f}",
                    )

        painter.setPen(QPen(QColor(INK), 1))
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.drawRect(grid)

        # ticks: rows beside the cells, columns under them
        step = max(1, math.ceil(size / (8 if compact else 24)))
        painter.setFont(tick_font)
        line = tick_font.pixelSize() * 1.3
        for i in range(0, size, step):
            y = top + (i + 0.5) * cell
            painter.drawText(
                QRectF(left - row_width - 8, y - line / 2, row_width, line),
                Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter,
                rows[i],
            )
            x = left + (i + 0.5) * cell
            text = f"{i}\n{_elide(labels[i], 7)}" if key_words else str(i)
            painter.drawText(
                QRectF(x - cell / 2 - 30, grid.bottom() + 4, cell + 60, 2 * line),
                Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop,
                text,
            )

        # axis titles
        painter.setFont(title_font)
        title_top = grid.bottom() + 8 + (2 if key_words else 1) * line
        painter.drawText(
            QRectF(left, title_top, grid.width(), title_font.pixelSize() * 1.4),
            Qt.AlignmentFlag.AlignCenter,
            bottom_title,
        )
        if note:
            painter.setFont(_font(title_font.pixelSize() * 0.8))
            painter.drawText(
                QRectF(
                    left - 60,
                    title_top + title_font.pixelSize() * 1.4,
                    grid.width() + 120,
                    title_font.pixelSize() * 1.2,
                ),
                Qt.AlignmentFlag.AlignCenter,
                f"({note})",
            )
        painter.save()
        painter.setFont(title_font)
        painter.translate(panel.rect.left() + 2, top + grid.height() / 2)
        painter.rotate(-90)
        painter.drawText(
            QRectF(-grid.height() / 2 - 80, 0, grid.height() + 160, title_font.pixelSize() * 1.4),
            Qt.AlignmentFlag.AlignCenter,
            left_title,
        )
        painter.restore()

    def _paint_colorbar(self, painter: QPainter) -> None:
        bar = self._bar
        gradient = QLinearGradient(bar.bottomLeft(), bar.topLeft())
        for k in range(0, 256, 15):
            gradient.setColorAt(k / 255, self._color(k / 255))
        gradient.setColorAt(1.0, self._color(1.0))
        painter.setPen(QPen(QColor(INK), 1))
        painter.setBrush(gradient)
        painter.drawRect(bar)
        painter.setFont(_font(13))
        for k in range(6):
            value = k / 5
            y = bar.bottom() - value * bar.height()
            painter.drawLine(QPointF(bar.right(), y), QPointF(bar.right() + 5, y))
            painter.drawText(
                QRectF(bar.right() + 8, y - 9, 40, 18),
                Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
                f"{value:.1f}",
            )
        painter.save()
        painter.setFont(_font(15))
        painter.translate(bar.right() + 52, bar.center().y())
        painter.rotate(-90)
        painter.drawText(
            QRectF(-bar.height() / 2, 0, bar.height(), 22),
            Qt.AlignmentFlag.AlignCenter,
            texts.attention_weight(),
        )
        painter.restore()

    def _color(self, value: float) -> QColor:
        r, g, b = self._lut[level(value)]
        return QColor(int(r), int(g), int(b))


def settings_line(result) -> str:
    """The settings a figure was made with, in one line under its title."""
    config = result.config
    parts = [
        f"seed {config.seed}",
        f"E = {config.embedding_size}",
        f"H = {config.hidden_size}",
        config.cell.upper() + (f" ({config.nonlinearity})" if config.cell == "rnn" else ""),
        texts.scores_name(config.attention),
    ]
    if config.temperature != 1.0:
        parts.append(f"T = {config.temperature:g}")
    if config.mask_padding:
        parts.append(texts.masked_padding())
    return " · ".join(parts)


def export_figure(result, path: str | os.PathLike, sentence: int = 0, scale: int = 1) -> None:
    """Write the figure to ``path``: PNG at ``scale`` or SVG by extension, atomically."""
    suffix = os.fspath(path).lower().rsplit(".", 1)[-1]
    if suffix not in ("png", "svg"):
        raise ValueError(f"figures are .png or .svg files, not {os.path.basename(path)}")
    figure = HeatmapFigure(result, sentence)
    data = figure.svg_bytes() if suffix == "svg" else figure.png_bytes(scale)
    with atomic_write(path) as stream:
        stream.write(data)


def save_image(image: QImage, path: str | os.PathLike) -> None:
    """Write a QImage as PNG, atomically (the window screenshot)."""
    with atomic_write(path) as stream:
        stream.write(_encode(image))


def _encode(image: QImage) -> bytes:
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    if not image.save(buffer, "PNG"):
        raise OSError("could not encode the image as PNG")
    buffer.close()
    return bytes(data)


def _elide(text: str, limit: int) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"
