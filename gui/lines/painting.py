"""Drawing a :class:`LinesDescription`: the same QPainter code for the window and figures."""

from __future__ import annotations

from PySide6.QtCore import QPointF, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QFont, QFontMetricsF, QPainter, QPen

from gui.figure import MARGIN, Figure, pixel_font
from gui.heatmap import colours
from gui.lines.description import LinesDescription

# Okabe–Ito: distinct for every common colour-vision deficiency, one per head.
HEAD_COLOURS = ("#0072B2", "#D55E00", "#009E73", "#CC79A7", "#E69F00", "#56B4E9", "#000000")
PADDING_INK = "#9a9a9a"
LINE_WIDTH = 4.0  # thick enough to read from the back of a room


def head_colour(head: int) -> QColor:
    return QColor(HEAD_COLOURS[head % len(HEAD_COLOURS)])


def token_rects(description: LinesDescription, rect: QRectF, font: QFont):
    """Where each query (left) and key (right) label sits, and the line anchors."""
    metrics = QFontMetricsF(font)
    count = max(1, len(description.tokens))
    row = rect.height() / count
    names = description.tokens + description.keys
    label = max(metrics.horizontalAdvance(t) for t in names) + 12 if count else 40
    label = min(label, rect.width() * 0.3)
    left = [QRectF(rect.left(), rect.top() + k * row, label, row) for k in range(count)]
    right = [QRectF(rect.right() - label, rect.top() + k * row, label, row) for k in range(count)]
    return left, right


def paint_lines(
    painter: QPainter, rect: QRectF, description: LinesDescription, font: QFont, ink=colours.INK
) -> None:
    painter.save()
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setFont(font)
    left, right = token_rects(description, rect, font)
    heads = len(description.heads)
    for line in description.lines:
        colour = head_colour(line.head)
        colour.setAlphaF(line.opacity)
        painter.setPen(QPen(colour, LINE_WIDTH, Qt.PenStyle.SolidLine, Qt.PenCapStyle.RoundCap))
        # Several heads: each gets its own small vertical offset, so their lines stay apart.
        offset = (description.heads.index(line.head) - (heads - 1) / 2) * 3.0 if heads > 1 else 0
        start = QPointF(left[line.query].right() + 6, left[line.query].center().y() + offset)
        end = QPointF(right[line.key].left() - 6, right[line.key].center().y() + offset)
        painter.drawLine(start, end)
    focus = description.focus
    for side, rects, names, alignment in (
        (
            "query",
            left,
            description.tokens,
            Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter,
        ),
        (
            "key",
            right,
            description.keys,
            Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
        ),
    ):
        for position, token_rect in enumerate(rects):
            padded = description.padding[position]
            bold = focus == (side, position)
            token_font = QFont(font)
            token_font.setBold(bold)
            painter.setFont(token_font)
            painter.setPen(QColor(PADDING_INK if padded else ink))
            painter.drawText(token_rect.adjusted(4, 0, -4, 0), alignment, names[position])
    painter.restore()


class LinesFigure(Figure):
    """A lines description at a fixed size, exported like the heatmap figure."""

    def __init__(self, description: LinesDescription, settings: str, legend: list[str]) -> None:
        self.description = description
        self.title = description.title
        self.settings = settings
        self.legend = legend
        rows = max(4, len(description.tokens))
        self.size = QSize(900, 150 + rows * 40)

    def paint(self, painter: QPainter, vector: bool = False) -> None:
        width, height = self.size.width(), self.size.height()
        painter.setPen(QColor(colours.INK))
        painter.setFont(pixel_font(24))
        painter.drawText(
            QRectF(MARGIN, 14, width - 2 * MARGIN, 34),
            Qt.AlignmentFlag.AlignCenter,
            self.description.title,
        )
        painter.setFont(pixel_font(14))
        painter.setPen(QColor("#505050"))
        painter.drawText(
            QRectF(MARGIN, 50, width - 2 * MARGIN, 22), Qt.AlignmentFlag.AlignCenter, self.settings
        )
        painter.drawText(
            QRectF(MARGIN, 74, width - 2 * MARGIN, 22),
            Qt.AlignmentFlag.AlignCenter,
            "   ".join(self.legend),
        )
        paint_lines(
            painter,
            QRectF(MARGIN, 110, width - 2 * MARGIN, height - 130),
            self.description,
            pixel_font(18),
        )


def lines_figure(
    result, sentence: int, head: int = -1, threshold: float = 0.05, top_k: int | None = None
) -> LinesFigure:
    """The lines of one sentence (the first, when all are asked for) as a figure, with the
    window's threshold and top-k."""
    from gui import texts
    from gui.heatmap.description import elide_words
    from gui.lines.description import describe_lines
    from model.errors import InputError

    if not -1 <= sentence < result.batch_size:
        raise InputError("no_such_sentence", sentence=sentence, last=result.batch_size - 1)
    if not -1 <= head < result.head_count:
        raise InputError("no_such_head", head=head, last=result.head_count - 1)
    shown = max(sentence, 0)
    title = texts.heatmap_words().sentence_title.format(
        n=shown + 1, text=elide_words(result.sentences[shown], 60)
    )
    description = describe_lines(result, shown, head, threshold, top_k, title=title)
    return LinesFigure(
        description,
        texts.settings_line(result.config, result.training),
        texts.lines_legend(description),
    )
