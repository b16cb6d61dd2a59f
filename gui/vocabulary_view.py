"""How words became numbers: the vocabulary (id → token, count) and the padded id matrix."""

from __future__ import annotations

import numpy as np
from PySide6.QtWidgets import QAbstractItemView, QLabel, QTableView, QVBoxLayout, QWidget

from gui import texts
from gui.table_model import ArrayTableModel


def _table(model: ArrayTableModel) -> QTableView:
    view = QTableView()
    view.setModel(model)
    view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    view.verticalHeader().setDefaultSectionSize(24)
    view.horizontalHeader().setStretchLastSection(True)
    return view


class VocabularyView(QWidget):
    """Two tables: the vocabulary with counts (``<pad>`` = 0 marked) and the padded ids."""

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.vocabulary_model = ArrayTableModel(self)
        self.ids_model = ArrayTableModel(self)
        self._vocabulary_title = QLabel()
        self._ids_title = QLabel()
        self.vocabulary_table = _table(self.vocabulary_model)
        self.vocabulary_table.verticalHeader().hide()
        self.ids_table = _table(self.ids_model)
        self.ids_table.horizontalHeader().setStretchLastSection(False)
        self.ids_table.horizontalHeader().setDefaultSectionSize(88)

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
        table = np.empty((vocabulary.size, 3), dtype=object)
        table[:, 0] = np.arange(vocabulary.size)
        table[:, 1] = vocabulary.tokens
        table[:, 2] = vocabulary.counts
        muted = np.zeros(table.shape, dtype=bool)
        muted[0, :] = True
        rows = [str(i) for i in range(vocabulary.size)]
        columns = [self.tr("id"), self.tr("token"), self.tr("count")]
        self.vocabulary_model.set_table(table, rows, columns, muted)

        ids = result.token_ids
        batch, length = ids.shape
        self._ids_title.setText(
            self.tr("<b>Padded ids</b>: {shape}, 0 = &lt;pad&gt;").format(
                shape=texts.shape_description(ids.shape, ("sentence", "position"))
            )
        )
        tokens = np.array(vocabulary.tokens, dtype=object)
        cells = ids.astype(str).astype(object) + "  " + tokens[ids]
        rows = [texts.sentence_label(b) for b in range(batch)]
        self.ids_model.set_table(cells, rows, [str(i) for i in range(length)], result.padding_mask)
        longest = max(vocabulary.tokens, key=len)
        width = self.ids_table.fontMetrics().horizontalAdvance(f"{vocabulary.size}  {longest}")
        self.ids_table.horizontalHeader().setDefaultSectionSize(min(180, max(56, width + 16)))
