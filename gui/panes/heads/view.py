"""The Heads pane: what kind of head each one is, and a switch to turn each off.

One row per head (every head of every layer, named as ``--ablate`` names it, "1.0"): a
check box that keeps it on (unchecked: its context is replaced by zeros, and everything
after it is computed again), then its four detector scores, previous, first, duplicate and
induction, each from 0 to 1, the one the grid labels it with marked in amber.  Above the table,
where the scores come from and the threshold a label needs; a choice between the seeded
probe and the user's own sentences; under it, the training task's loss and accuracy with
the switched-off heads off and with every head.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QSize, Qt, Signal
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QLabel,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from gui.panes.next_word.view import wrapping
from gui.widgets import ElidedComboBox

PROBE, SENTENCES = "probe", "sentences"  # where the scores come from
RIGHT = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
LABELLED = QColor("#ffe08a")  # the score that labels a head in the grid (light amber)


class HeadsPanel(QWidget):
    head_switched = Signal(int, bool)
    """(map index, on): the user switched a head on or off."""
    source_chosen = Signal(str)
    """:data:`PROBE` or :data:`SENTENCES`."""

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.message = wrapping()
        self.source = ElidedComboBox(5)  # (its list shows each choice whole)
        self.source.addItem(self.tr("On a seeded probe (random words, a repeated stretch)"), PROBE)
        self.source.addItem(self.tr("On your sentences"), SENTENCES)
        self.source.setToolTip(self.tr("Where the heads' scores are measured"))
        self.about = wrapping()
        self.table = QTableWidget(0, 6)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Stretch)  # the pane's width, shared
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)  # "head" whole
        header.setMinimumSectionSize(8)
        self.table.setToolTip(
            self.tr("Space or a click on the box switches a head off or on again")
        )
        self.evaluation = wrapping()
        label = QLabel(self.tr("Scores:"))  # (Ctrl+H comes to the table; Tab to the box)
        label.setBuddy(self.source)
        layout = QVBoxLayout(self)
        for widget in (self.message, label, self.source, self.about, self.table, self.evaluation):
            layout.addWidget(widget)
        layout.setStretch(layout.indexOf(self.table), 1)
        self._filling = False
        self.table.itemChanged.connect(self._on_item_changed)
        self.table.installEventFilter(self)
        self.source.activated.connect(lambda i: self.source_chosen.emit(self.source.itemData(i)))

    def sizeHint(self) -> QSize:  # noqa: N802 (Qt's name)
        """As narrow as the pipeline beside it asks: the table's columns share the width, so
        the pane never widens the window's right column (and narrows the heatmap)."""
        hint = super().sizeHint()
        return QSize(min(hint.width(), self.minimumSizeHint().width()), hint.height())

    def focus_target(self) -> QWidget:
        return self.table

    def show_message(self, text: str) -> None:
        """Only ``text``: the mode has no heads, or nothing is computed yet."""
        self.message.setText(text)
        self.message.setVisible(bool(text))
        for widget in (self.source, self.about, self.table, self.evaluation):
            widget.setVisible(not text)

    def show_heads(self, headers, rows, about: tuple[str, str], evaluation: str, source: str):
        """``headers``: (short text, tooltip) per column; ``rows``: (short name, full name,
        on, four score texts, the index of the labelling score or None) per head, in map
        order; ``about``: a line, and its longer explanation (the tooltip)."""
        self.show_message("")
        self.source.setCurrentIndex(self.source.findData(source))
        self.about.setText(about[0])
        self.about.setToolTip(about[1])
        self.evaluation.setText(evaluation)
        self.evaluation.setVisible(bool(evaluation))
        self._filling = True
        try:
            self.table.setColumnCount(len(headers))
            for column, (text, tip) in enumerate(headers):
                header = QTableWidgetItem(text)
                header.setToolTip(tip)
                self.table.setHorizontalHeaderItem(column, header)
            self.table.setRowCount(len(rows))
            for row, (short, name, on, scores, strongest) in enumerate(rows):
                switch = QTableWidgetItem(short)
                switch.setToolTip(name)
                switch.setFlags(
                    Qt.ItemFlag.ItemIsUserCheckable
                    | Qt.ItemFlag.ItemIsEnabled
                    | Qt.ItemFlag.ItemIsSelectable
                )
                switch.setCheckState(Qt.CheckState.Checked if on else Qt.CheckState.Unchecked)
                self.table.setItem(row, 0, switch)
                for column, text in enumerate(scores, start=1):
                    item = QTableWidgetItem(text)
                    item.setTextAlignment(
                        Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
                    )
                    if column - 1 == strongest:  # the grid's label for this head, marked
                        item.setBackground(LABELLED)  # (bold would not fit a narrow pane)
                        item.setForeground(QColor("black"))
                    if not on:
                        item.setForeground(QColor("#777777"))
                    self.table.setItem(row, column, item)
        finally:
            self._filling = False

    def _on_item_changed(self, item: QTableWidgetItem) -> None:
        if self._filling or item.column() != 0:
            return
        self.head_switched.emit(item.row(), item.checkState() == Qt.CheckState.Checked)

    def eventFilter(self, watched, event) -> bool:  # noqa: N802 (Qt's name)
        """Space on a row of the table switches its head, wherever in the row the cursor is."""
        if (
            watched is self.table
            and event.type() == QEvent.Type.KeyPress
            and event.key() == Qt.Key.Key_Space
            and self.table.currentRow() >= 0
        ):
            item = self.table.item(self.table.currentRow(), 0)
            on = item.checkState() == Qt.CheckState.Checked
            item.setCheckState(Qt.CheckState.Unchecked if on else Qt.CheckState.Checked)
            return True
        return super().eventFilter(watched, event)
