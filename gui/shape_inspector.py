"""One panel per pipeline stage: its shape, the PyTorch code that made it, and its values."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont, QFontDatabase
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFrame,
    QHBoxLayout,
    QLabel,
    QScrollArea,
    QTableView,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from gui import texts
from gui.table_model import ArrayTableModel
from model.result import STAGE_KEYS

MAX_VISIBLE_ROWS = 6


class StagePanel(QFrame):
    """A stage's header (number, title, shape), code, explanation and value table."""

    def __init__(self, number: int, key: str, parent=None) -> None:
        super().__init__(parent)
        self.key = key
        self._number = number
        self.setObjectName("stagePanel")
        self.setFrameShape(QFrame.Shape.StyledPanel)

        self._toggle = QToolButton()
        self._toggle.setCheckable(True)
        self._toggle.setChecked(True)
        self._toggle.setArrowType(Qt.ArrowType.DownArrow)
        self._toggle.setAutoRaise(True)
        self._toggle.toggled.connect(self._on_toggled)
        self._title = QLabel()
        bold = self._title.font()
        bold.setBold(True)
        bold.setPointSizeF(bold.pointSizeF() * 1.1)
        self._title.setFont(bold)
        mono = QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont)
        self._shape = QLabel()
        self._shape.setFont(mono)
        self._shape.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        header = QHBoxLayout()
        header.addWidget(self._toggle)
        header.addWidget(self._title)
        header.addStretch(1)
        header.addWidget(self._shape)

        self._dims = QLabel()
        self._code = QLabel()
        self._code.setFont(mono)
        self._code.setObjectName("stageCode")
        self._code.setStyleSheet(
            "#stageCode { background: #f3f5f8; border-left: 3px solid #4a78b0; padding: 4px; }"
        )
        self._code.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self._code.setWordWrap(True)
        self._explanation = QLabel()
        self._explanation.setWordWrap(True)
        small = QFont(self._explanation.font())
        small.setPointSizeF(small.pointSizeF() * 0.95)
        self._explanation.setFont(small)
        self._slice = QLabel()
        self._slice.setWordWrap(True)

        self.model = ArrayTableModel(self)
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.table.setHorizontalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.table.horizontalHeader().setDefaultSectionSize(64)
        self.table.verticalHeader().setDefaultSectionSize(24)

        self._body = QWidget()
        body = QVBoxLayout(self._body)
        body.setContentsMargins(0, 0, 0, 0)
        for widget in (self._dims, self._code, self._explanation, self._slice, self.table):
            body.addWidget(widget)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 4, 8, 8)
        layout.addLayout(header)
        layout.addWidget(self._body)

    @property
    def shape_text(self) -> str:
        return self._shape.text()

    def show_stage(self, result, sentence: int, language: str) -> None:
        stage = result.stage(self.key)
        cell = result.config.cell
        self._title.setText(f"{self._number}. {texts.stage_title(self.key, cell)}")
        self._shape.setText(texts.shape_text(stage.shape))
        self._dims.setText(texts.shape_description(stage.shape, stage.dims))
        self._code.setText(stage.code)
        self._explanation.setText(texts.explanation(stage.explanation, language))
        b = max(sentence, 0)
        table = result.stage_table(self.key, b)
        per_sentence = stage.values.ndim == 3
        self._slice.setText(texts.values_caption(b, result.sentences[b]) if per_sentence else "")
        self._slice.setVisible(per_sentence)
        rows = table.rows
        if self.key == "token_ids":
            rows = [texts.sentence_label(n) for n in range(result.batch_size)]
        self.model.set_table(table.values, rows, table.columns, table.padding)
        self._fit_table_height(len(rows))

    def _fit_table_height(self, rows: int) -> None:
        """Tall enough for the rows, up to about eight of them; the table scrolls beyond."""
        table = self.table
        height = (
            table.horizontalHeader().height()
            + table.verticalHeader().defaultSectionSize() * min(rows, MAX_VISIBLE_ROWS)
            + table.horizontalScrollBar().sizeHint().height()
            + 2 * table.frameWidth()
        )
        table.setFixedHeight(height)

    def _on_toggled(self, expanded: bool) -> None:
        self._body.setVisible(expanded)
        self._toggle.setArrowType(Qt.ArrowType.DownArrow if expanded else Qt.ArrowType.RightArrow)


class ShapeInspector(QScrollArea):
    """Every stage of the pipeline, in order, each in its own panel."""

    def __init__(self, language: str = "en", parent=None) -> None:
        super().__init__(parent)
        self._language = language
        self.panels = [StagePanel(n + 1, key) for n, key in enumerate(STAGE_KEYS)]
        content = QWidget()
        layout = QVBoxLayout(content)
        layout.setContentsMargins(4, 4, 4, 4)
        for panel in self.panels:
            layout.addWidget(panel)
        layout.addStretch(1)
        self.setWidget(content)
        self.setWidgetResizable(True)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)

    def panel(self, key: str) -> StagePanel:
        return self.panels[STAGE_KEYS.index(key)]

    def show_result(self, result, sentence: int) -> None:
        for panel in self.panels:
            panel.show_stage(result, sentence, self._language)
