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
from gui import texts
from gui.widgets import ElidedComboBox
from model.maps import has_layers


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
        self._pages = QHBoxLayout()
        for widget in self.page_widgets():
            self._pages.addWidget(widget)
        self._wide_head: bool | None = None
        self._place_head(False)
        self.layout.setColumnStretch(1, 1)

    def _place_head(self, wide: bool) -> None:
        """The head selector in the sentence selector's column, "Show <pad>" and the pages
        beside it; ``wide`` (a transformer's "Layer 1 · head 0", whole at 1024 px): the
        selector reaches under "Display as", "Show <pad>" beside it, the pages below."""
        if wide == self._wide_head:
            return
        self._wide_head = wide
        grid, pages = self.layout, self._pages
        grid.removeWidget(self.head)
        grid.removeWidget(self.padding)
        pages.removeWidget(self.padding)
        grid.removeItem(pages)
        if wide:
            grid.addWidget(self.head, 1, 1, 1, 2)
            grid.addWidget(self.padding, 1, 3)
            pages.insertStretch(0, 1)
            grid.addLayout(pages, 2, 0, 1, 4)
        else:
            if pages.count() > len(self.page_widgets()):  # the stretch before the pages
                pages.takeAt(0)
            grid.addWidget(self.head, 1, 1)
            pages.insertWidget(0, self.padding)
            grid.addLayout(pages, 1, 2, 1, 2)

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
        names = (texts.map_name(result.config, h, capital=True) for h in range(result.head_count))
        heads = [_tr("All heads"), *names]  # "Head 1", or "Layer 1 · head 0" in a transformer
        if heads != [self.head.itemText(i) for i in range(self.head.count())]:
            self.head.clear()
            self.head.addItems(heads)
        self._place_head(has_layers(result.config))
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
