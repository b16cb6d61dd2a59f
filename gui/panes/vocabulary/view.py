"""How words became numbers: the vocabulary (id → token, count) and the padded id matrix."""

from __future__ import annotations

from PySide6.QtWidgets import QVBoxLayout, QWidget

from gui import texts
from gui.panes.pipeline.table_model import CELL_CHARS, IdsModel, VocabularyModel
from gui.panes.pipeline.view import ValueTable, wrapping_label


class VocabularyView(QWidget):
    """Two tables: the vocabulary with counts (``<pad>`` = 0 marked) and the padded ids."""

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.vocabulary_model = VocabularyModel(
            [self.tr("id"), self.tr("token"), self.tr("count")], self
        )
        self.ids_model = IdsModel(self)
        self._vocabulary_title = wrapping_label()
        self._ids_title = wrapping_label()
        self.vocabulary_table = ValueTable(self.vocabulary_model)
        self.vocabulary_table.verticalHeader().hide()
        self.vocabulary_table.horizontalHeader().setStretchLastSection(True)
        self.ids_table = ValueTable(self.ids_model, sample="00  batata")
        self._tokens = None
        self._ids = None

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self._vocabulary_title)
        layout.addWidget(self.vocabulary_table, 3)
        layout.addWidget(self._ids_title)
        layout.addWidget(self.ids_table, 2)

    def show_result(self, result) -> None:
        vocabulary = result.vocabulary
        self._vocabulary_title.setText(
            self.tr("<b>Vocabulary</b>: V = {v} ({n} distinct tokens + &lt;pad&gt;)").format(
                v=vocabulary.size, n=vocabulary.size - 1
            )
        )
        self.vocabulary_model.set_vocabulary(vocabulary)
        ids = result.token_ids
        self._ids_title.setText(
            self.tr("<b>Padded ids</b>: {shape}, 0 = &lt;pad&gt;").format(
                shape=texts.shape_description(ids.shape, ("sentence", "position"))
            )
        )
        rows = [texts.sentence_label(b) for b in range(ids.shape[0])]
        self.ids_model.set_ids(ids, vocabulary.tokens, rows, result.padding_mask)
        self._ids = ids
        if vocabulary.tokens is not self._tokens:  # column width: once per vocabulary
            self._tokens = vocabulary.tokens
            longest = max(vocabulary.tokens, key=len)[:CELL_CHARS]
            self.ids_table.set_sample(f"{vocabulary.size}  {longest}")

    def highlight(self, cell) -> None:
        """Mark the hovered cell's two tokens in the vocabulary and their places in the ids."""
        if cell is None or self._ids is None:
            self.vocabulary_model.set_highlight()
            self.ids_model.set_highlight()
            return
        b, _, query, key = cell
        self.vocabulary_model.set_highlight({int(self._ids[b, query]), int(self._ids[b, key])})
        self.ids_model.set_highlight({b}, {query, key})
