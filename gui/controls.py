"""The model's settings: seed, sizes, cell, attention mode, masking and temperature."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDoubleSpinBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSpinBox,
    QWidget,
)

from model.config import (
    ATTENTIONS,
    CELLS,
    MAX_SEED,
    MAX_SIZE,
    MAX_TEMPERATURE,
    MIN_TEMPERATURE,
    NONLINEARITIES,
    ModelConfig,
)


class ControlsPanel(QWidget):
    """Widgets for every setting.  They report edits and show the config they are given."""

    setting_edited = Signal(str, object)
    """A setting the user changed: its ModelConfig field name and new value."""
    new_weights_requested = Signal()
    """The user asked for new random weights (the next seed)."""

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.seed = QSpinBox()
        self.seed.setRange(0, MAX_SEED)
        self.new_weights = QPushButton(self.tr("New random &weights"))
        self.new_weights.setToolTip(self.tr("Draw new embeddings and layer weights (next seed)"))
        self.embedding_size = QSpinBox()
        self.embedding_size.setRange(1, MAX_SIZE)
        self.hidden_size = QSpinBox()
        self.hidden_size.setRange(1, MAX_SIZE)
        self.cell = QComboBox()
        self.cell.addItems([c.upper() for c in CELLS])
        self.nonlinearity = QComboBox()
        self.nonlinearity.addItems(list(NONLINEARITIES))
        self.attention = QComboBox()
        self.attention.addItem(self.tr("Linear layer (the notebook)"), "linear")
        self.attention.addItem(self.tr("Scaled dot product"), "dot")
        self.mask_padding = QCheckBox(self.tr("&Mask <pad> positions"))
        self.temperature = QDoubleSpinBox()
        self.temperature.setRange(MIN_TEMPERATURE, MAX_TEMPERATURE)
        self.temperature.setDecimals(3)
        self.temperature.setSingleStep(0.1)
        self.temperature.setStepType(QDoubleSpinBox.StepType.AdaptiveDecimalStepType)

        seed_row = QHBoxLayout()
        seed_row.addWidget(self.seed, 1)
        seed_row.addWidget(self.new_weights)
        form = QFormLayout(self)
        form.setContentsMargins(0, 0, 0, 0)
        seed_label = QLabel(self.tr("&Seed:"))
        seed_label.setBuddy(self.seed)
        form.addRow(seed_label, seed_row)
        form.addRow(self.tr("&Embedding size E:"), self.embedding_size)
        form.addRow(self.tr("&Hidden size H:"), self.hidden_size)
        form.addRow(self.tr("&Cell:"), self.cell)
        form.addRow(self.tr("&Nonlinearity:"), self.nonlinearity)
        form.addRow(self.tr("Sc&ores:"), self.attention)
        form.addRow(self.tr("&Temperature:"), self.temperature)
        form.addRow("", self.mask_padding)

        self.show_config(ModelConfig())
        self.seed.valueChanged.connect(lambda v: self.setting_edited.emit("seed", v))
        self.embedding_size.valueChanged.connect(
            lambda v: self.setting_edited.emit("embedding_size", v)
        )
        self.hidden_size.valueChanged.connect(lambda v: self.setting_edited.emit("hidden_size", v))
        self.cell.currentIndexChanged.connect(lambda i: self.setting_edited.emit("cell", CELLS[i]))
        self.nonlinearity.currentIndexChanged.connect(
            lambda i: self.setting_edited.emit("nonlinearity", NONLINEARITIES[i])
        )
        self.attention.currentIndexChanged.connect(
            lambda i: self.setting_edited.emit("attention", ATTENTIONS[i])
        )
        self.mask_padding.toggled.connect(lambda v: self.setting_edited.emit("mask_padding", v))
        self.temperature.valueChanged.connect(lambda v: self.setting_edited.emit("temperature", v))
        self.new_weights.clicked.connect(self.new_weights_requested)

    def show_config(self, config: ModelConfig) -> None:
        """Show ``config`` without reporting it back as an edit."""
        widgets = (
            self.seed,
            self.embedding_size,
            self.hidden_size,
            self.cell,
            self.nonlinearity,
            self.attention,
            self.mask_padding,
            self.temperature,
        )
        blocked = [w.blockSignals(True) for w in widgets]
        try:
            self.seed.setValue(config.seed)
            self.embedding_size.setValue(config.embedding_size)
            self.hidden_size.setValue(config.hidden_size)
            self.cell.setCurrentIndex(CELLS.index(config.cell))
            self.nonlinearity.setCurrentIndex(NONLINEARITIES.index(config.nonlinearity))
            self.nonlinearity.setEnabled(config.cell == "rnn")
            self.attention.setCurrentIndex(ATTENTIONS.index(config.attention))
            self.mask_padding.setChecked(config.mask_padding)
            self.temperature.setValue(config.temperature)
        finally:
            for widget, was in zip(widgets, blocked, strict=True):
                widget.blockSignals(was)
