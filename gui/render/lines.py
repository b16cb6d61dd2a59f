"""Drawing a :class:`LinesDescription`: the same QPainter code for the window and figures."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QPointF, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QFont, QFontMetricsF, QPainter, QPen

from figures.lines import LinesDescription
from gui import texts
from gui.render import colours
from gui.render.drawing import MARGIN, Figure, pixel_font
from model.numbers import format_number

# Okabe–Ito: distinct for every common colour-vision deficiency, one per head.
HEAD_COLOURS = ("#0072B2", "#D55E00", "#009E73", "#CC79A7", "#E69F00", "#56B4E9", "#000000")
PADDING_INK = "#9a9a9a"
LINE_WIDTH = 4.0  # thick enough to read from the back of a room
MAX_FIGURE_WORDS = 64  # words a figure draws: 40 px each, 2,734 px tall at most (1×)
FIGURE_WIDTH = 900
TITLE_PIXELS, SMALL_PIXELS, SMALL_ROW = 24, 14, 24


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
    """A lines description at a fixed size, exported like the heatmap figure.

    Its size is bounded: a row of 40 px per word, for at most :data:`MAX_FIGURE_WORDS` words
    (a longer sentence shows its first words, and the header says so).  Every header line is
    fitted to the width: the title is elided in the middle, so the sentence's first and last
    words both show; the legend wraps.
    """

    def __init__(self, description: LinesDescription, settings: str, legend: list[str]) -> None:
        self.description = description
        self.title = description.title
        self.settings = settings
        self.legend = list(legend)
        shown, total = len(description.tokens), description.total
        if shown < total:
            self.legend.append(
                QCoreApplication.translate(
                    "LinesFigure",
                    "The first {shown} of {total} words: lines to later words are not drawn. "
                    "The heatmap shows them all.",
                ).format(
                    shown=format_number(shown, texts.language()),
                    total=format_number(total, texts.language()),
                )
            )
        rows = max(4, shown)
        self._lines = self._fitted_header()
        self._top = 50 + SMALL_ROW * (len(self._lines) - 1) + 14  # under the header's last line
        self.size = QSize(FIGURE_WIDTH, self._top + rows * 40 + 20)

    def text_width(self) -> float:
        return FIGURE_WIDTH - 2 * MARGIN

    def header_font(self, pixels: int) -> QFont:
        return pixel_font(pixels)

    def header(self) -> list[str]:
        """The header's lines as drawn: the title, the settings, the legend."""
        return list(self._lines)

    def _fitted_header(self) -> list[str]:
        width, middle = self.text_width(), Qt.TextElideMode.ElideMiddle
        title = QFontMetricsF(self.header_font(TITLE_PIXELS)).elidedText(self.title, middle, width)
        small = QFontMetricsF(self.header_font(SMALL_PIXELS))
        lines, current = [self.settings], ""
        for part in self.legend:  # greedy: as many parts a line as fit
            joined = f"{current}   {part}" if current else part
            if current and small.horizontalAdvance(joined) > width:
                lines.append(current)
                joined = part
            current = joined
        if current:
            lines.append(current)
        return [title] + [small.elidedText(line, middle, width) for line in lines]

    def paint(self, painter: QPainter, vector: bool = False) -> None:
        width, height = self.size.width(), self.size.height()
        painter.setPen(QColor(colours.INK))
        painter.setFont(self.header_font(TITLE_PIXELS))
        centre = Qt.AlignmentFlag.AlignCenter
        painter.drawText(QRectF(MARGIN, 14, self.text_width(), 34), centre, self._lines[0])
        painter.setPen(QColor("#505050"))
        painter.setFont(self.header_font(SMALL_PIXELS))
        for k, text in enumerate(self._lines[1:]):
            top = 50 + k * SMALL_ROW
            painter.drawText(QRectF(MARGIN, top, self.text_width(), 22), centre, text)
        paint_lines(
            painter,
            QRectF(MARGIN, self._top, width - 2 * MARGIN, height - self._top - 20),
            self.description,
            pixel_font(18),
        )


def lines_figure(
    result, sentence: int, head: int = -1, threshold: float = 0.05, top_k: int | None = None
) -> LinesFigure:
    """The lines of one sentence (the first, when all are asked for) as a figure, with the
    window's threshold and top-k: at most :data:`MAX_FIGURE_WORDS` words of it."""
    from figures.lines import describe_lines
    from model.errors import InputError

    if not -1 <= sentence < result.batch_size:
        raise InputError("no_such_sentence", sentence=sentence, last=result.batch_size - 1)
    if not -1 <= head < result.head_count:
        raise InputError("no_such_head", head=head, last=result.head_count - 1)
    shown = max(sentence, 0)
    title = texts.heatmap_words().sentence_title.format(
        n=shown, text=_both_ends(result.sentences[shown])
    )
    if head >= 0 and result.head_count > 1:  # one map of several: which
        title += " · " + texts.map_name(result.config, head)
    description = describe_lines(
        result, shown, head, threshold, top_k, title=title, limit=MAX_FIGURE_WORDS
    )
    return LinesFigure(
        description,
        texts.settings_line(result.config, result.training),
        texts.lines_legend(description),
    )


def _both_ends(words, keep: int = 200) -> str:
    """The sentence whole, or its first and last words, ``keep`` characters' worth of each:
    enough for any title, which the figure then fits to its width (a 1,024-word sentence
    joined whole could be a million characters)."""
    if sum(map(len, words)) + len(words) <= 2 * keep:
        return " ".join(words)
    first, size = 0, 0
    while size <= keep:
        size += len(words[first])
        first += 1
    last, size = len(words), 0
    while size <= keep and last > first:
        last -= 1
        size += len(words[last])
    return " ".join(words[:first]) + " … " + " ".join(words[last:])
