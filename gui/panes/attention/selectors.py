"""The two rows above the attention view: which sentence and head it shows, heatmap or lines,
and the pages of small multiples.  The view wires them; this only builds and fills them.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QObject, QStringListModel
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QToolButton,
)

from figures.heatmap import HeatmapDescription, elide_words
from gui.widgets import ElidedComboBox


def _tr(text: str) -> str:
    return QCoreApplication.translate("AttentionView", text)


def _combo(tip: str, characters: int) -> QComboBox:
    combo = ElidedComboBox(characters)
    combo.setToolTip(tip)
    return combo


class Selectors:
    """The selectors and page buttons, laid out in :attr:`layout`."""

    def __init__(self, parent: QObject) -> None:
        self.sentences = QStringListModel(parent)
        self._sentence_items: list[str] = []
        self._sentences_listed: tuple = ()
        self.sentence = _combo(_tr("Which sentence the heatmap shows"), 8)
        self.sentence.setModel(self.sentences)
        self.head = _combo(_tr("One attention head, or all side by side"), 9)
        self.kind = _combo(_tr("See the weights as a heatmap, or as lines"), 7)
        self.kind.addItems([_tr("Heatmap"), _tr("Lines")])
        sentence_label = QLabel(_tr("Sentence sh&own:"))
        sentence_label.setBuddy(self.sentence)
        self.head_label = QLabel(_tr("Head sho&wn:"))
        self.head_label.setBuddy(self.head)
        kind_label = QLabel(_tr("Dis&play as:"))
        kind_label.setBuddy(self.kind)
        self.previous = QToolButton(text="◀")
        self.previous.setToolTip(_tr("Previous page (Page Up)"))
        self.next = QToolButton(text="▶")
        self.next.setToolTip(_tr("Next page (Page Down)"))
        self.page_label = QLabel()
        self.padding = QCheckBox(_tr("Show <pad>"))
        self.padding.setToolTip(
            _tr("Show the sentence's <pad> positions too, or only its own words")
        )
        self.padding.hide()  # shown for a sentence that has padding
        for widget in (self.head, self.head_label, *self.page_widgets()):
            widget.hide()  # shown when a result has several heads, or several pages
        # Two short rows rather than one long one: on a narrow screen the heatmap keeps its room.
        self.layout = QGridLayout()
        self.layout.addWidget(sentence_label, 0, 0)
        self.layout.addWidget(self.sentence, 0, 1)
        self.layout.addWidget(kind_label, 0, 2)
        self.layout.addWidget(self.kind, 0, 3)
        self.layout.addWidget(self.head_label, 1, 0)
        self.layout.addWidget(self.head, 1, 1)
        pages = QHBoxLayout()
        pages.addWidget(self.padding)
        for widget in self.page_widgets():
            pages.addWidget(widget)
        self.layout.addLayout(pages, 1, 2, 1, 2)
        self.layout.setColumnStretch(1, 1)

    def page_widgets(self) -> tuple:
        return (self.previous, self.page_label, self.next)

    @property
    def all_sentences_index(self) -> int:
        """The index of "All sentences", the last item."""
        return self.sentences.rowCount() - 1

    def fill(self, result) -> None:
        """One item per sentence of ``result`` and "All sentences"; its heads, if several."""
        if result.sentences == self._sentences_listed:  # most edits change numbers only
            items = self._sentence_items
        else:
            self._sentences_listed = result.sentences
            template = _tr("{n}: {text}")
            items = [
                template.format(n=b, text=elide_words(words, 60))
                for b, words in enumerate(result.sentences)
            ]
            items.append(_tr("All sentences ({n})").format(n=result.batch_size))
        if items != self._sentence_items:
            self._sentence_items = items
            self.sentences.setStringList(items)
        head = _tr("Head {n}")
        heads = [_tr("All heads")] + [head.format(n=h) for h in range(result.head_count)]
        if heads != [self.head.itemText(i) for i in range(self.head.count())]:
            self.head.clear()
            self.head.addItems(heads)
        several = result.head_count > 1
        self.head.setVisible(several)
        self.head_label.setVisible(several)

    def show_pages(self, description: HeatmapDescription, per_page: int, paged: bool) -> None:
        """The page buttons and "first–last of total", when the panels fill several pages."""
        for widget in self.page_widgets():
            widget.setVisible(paged)
        if paged:
            first = description.page * per_page
            self.page_label.setText(
                _tr("{first}–{last} ({total} in all)").format(
                    first=first, last=first + len(description.panels) - 1, total=description.total
                )
            )
            self.previous.setEnabled(description.page > 0)
            self.next.setEnabled(description.page < description.pages - 1)
