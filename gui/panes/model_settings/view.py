"""The model's settings: seed, sizes, encoder, attention, heads, masks and temperature.

Every control says in its tooltip what it changes.  The panel reports edits and shows the
config it is given; it keeps no state of its own.
"""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDoubleSpinBox,
    QFormLayout,
    QLabel,
    QPushButton,
    QSpinBox,
    QWidget,
)

from gui import texts
from gui.texts import HAND_MADE
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
from model.options import MODEL_OPTIONS


def divisors(number: int, limit: int = 64) -> list[int]:
    return [k for k in range(1, min(number, limit) + 1) if number % k == 0]


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
        self.seed.setToolTip(
            self.tr("Fixes every random number: the embeddings and the layers' weights")
        )
        self.new_weights = QPushButton(self.tr("New &random weights"))
        self.new_weights.setToolTip(self.tr("Draw new embeddings and layer weights (next seed)"))
        self.embedding_size = QSpinBox()
        self.embedding_size.setRange(1, MAX_SIZE)
        self.embedding_size.setToolTip(
            self.tr("E: how many numbers represent each token (a row of the embedding table)")
        )
        self.hidden_size = QSpinBox()
        self.hidden_size.setRange(1, MAX_SIZE)
        self.hidden_size.setToolTip(
            self.tr("H: how many numbers the recurrent layer outputs at each position")
        )
        self.cell = QComboBox()
        self.cell.addItems(["RNN", "GRU", "LSTM", self.tr("none: positions only")])
        self.cell.setToolTip(
            self.tr(
                "What attention reads: a recurrent layer's outputs, or (none) the embeddings "
                "plus sinusoidal positions, as in a Transformer"
            )
        )
        self.nonlinearity = QComboBox()
        self.nonlinearity.addItems(list(NONLINEARITIES))
        self.nonlinearity.setToolTip(
            self.tr("The plain RNN's activation (GRU and LSTM fix their own)")
        )
        self.attention = QComboBox()
        self.attention.addItem(self.tr("Linear layer (the notebook)"), "linear")
        self.attention.addItem(self.tr("Scaled dot product"), "dot")
        self.attention.addItem(self.tr("Multi-head (queries, keys, values)"), "multihead")
        self.attention.setToolTip(
            self.tr(
                "How scores are made: a Linear layer scoring positions (the notebook), dot "
                "products of the encoder's outputs, or multi-head attention with Q, K and V"
            )
        )
        self.heads = QComboBox()
        self.heads.setToolTip(
            self.tr("Multi-head only: how many heads split the d features (a divisor of d)")
        )
        self.mask_padding = QCheckBox(self.tr("&Mask <pad> positions"))
        self.mask_padding.setToolTip(
            self.tr("Give <pad> keys exactly no weight, and <pad> queries none at all")
        )
        self.causal = QCheckBox(self.tr("Ca&usal mask"))
        self.causal.setToolTip(
            self.tr(
                "Each word may attend to itself and earlier words only, as when generating text"
            )
        )
        self.temperature = ShortNumberSpinBox()
        self.temperature.setRange(MIN_TEMPERATURE, MAX_TEMPERATURE)
        self.temperature.setDecimals(3)
        self.temperature.setSingleStep(0.1)
        self.temperature.setStepType(QDoubleSpinBox.StepType.AdaptiveDecimalStepType)
        self.temperature.setToolTip(
            self.tr(
                "Scores are divided by T before the softmax: below 1 sharpens, above 1 flattens"
            )
        )

        for combo in (self.cell, self.nonlinearity, self.attention, self.heads):
            # Narrow panels: a combo box shows what fits and its list shows everything.
            combo.setSizeAdjustPolicy(
                QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
            )
            combo.setMinimumContentsLength(6)
        form = QFormLayout(self)
        form.setContentsMargins(4, 4, 4, 4)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self._form = form
        self._add_row(form, self.tr("&Seed:"), self.seed)
        form.addRow("", self.new_weights)
        self._add_row(form, self.tr("&Embedding size E:"), self.embedding_size)
        self._add_row(form, self.tr("H&idden size H:"), self.hidden_size)
        self._add_row(form, self.tr("&Cell:"), self.cell)
        self._add_row(form, self.tr("&Nonlinearity:"), self.nonlinearity)
        self._add_row(form, self.tr("&Attention:"), self.attention)
        self._add_row(form, self.tr("Hea&ds:"), self.heads)
        self._add_row(form, self.tr("&Temperature:"), self.temperature)
        form.addRow("", self.mask_padding)
        form.addRow("", self.causal)
        # Settings with no hand-made row: each gets one from its option and the catalogs.
        self.more = {o.name: option_widget(o) for o in MODEL_OPTIONS if o.name not in HAND_MADE}
        for name, widget in self.more.items():
            widget.setToolTip(texts.option_tip(name))
            self._add_row(form, texts.option_label(name) + ":", widget)

        self._config = ModelConfig()
        self.show_config(self._config)
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
        self.heads.currentIndexChanged.connect(self._on_heads_changed)
        self.mask_padding.toggled.connect(lambda v: self.setting_edited.emit("mask_padding", v))
        self.causal.toggled.connect(lambda v: self.setting_edited.emit("causal", v))
        self.temperature.valueChanged.connect(lambda v: self.setting_edited.emit("temperature", v))
        self.new_weights.clicked.connect(self.new_weights_requested)
        for name, widget in self.more.items():
            edited = widget.toggled if isinstance(widget, QCheckBox) else widget.valueChanged
            edited.connect(lambda value, name=name: self.setting_edited.emit(name, value))

    def _add_row(self, form: QFormLayout, text: str, widget: QWidget) -> None:
        label = QLabel(text)
        label.setBuddy(widget)
        label.setToolTip(widget.toolTip())
        form.addRow(label, widget)

    def fit_to(self, width: int) -> None:
        """Labels beside their fields when ``width`` has room, above them when it is narrow."""
        form = self._form
        labels, fields = [], []
        for row in range(form.rowCount()):
            for role, found in (
                (QFormLayout.ItemRole.LabelRole, labels),
                (QFormLayout.ItemRole.FieldRole, fields),
            ):
                item = form.itemAt(row, role)
                if item is not None and item.widget() is not None:
                    found.append(item.widget().minimumSizeHint().width())
        margins = form.contentsMargins()
        needed = max(labels) + form.horizontalSpacing() + max(fields)
        needed += margins.left() + margins.right()
        policy = QFormLayout.RowWrapPolicy
        wanted = policy.WrapAllRows if width < needed else policy.DontWrapRows
        if form.rowWrapPolicy() != wanted:
            form.setRowWrapPolicy(wanted)

    def _on_heads_changed(self, index: int) -> None:
        if index >= 0:
            self.setting_edited.emit("heads", int(self.heads.itemData(index)))

    def show_config(self, config: ModelConfig) -> None:
        """Show ``config`` without reporting it back as an edit."""
        self._config = config
        widgets = (
            self.seed,
            self.embedding_size,
            self.hidden_size,
            self.cell,
            self.nonlinearity,
            self.attention,
            self.heads,
            self.mask_padding,
            self.causal,
            self.temperature,
            *self.more.values(),
        )
        blocked = [w.blockSignals(True) for w in widgets]
        try:
            self.seed.setValue(config.seed)
            self.embedding_size.setValue(config.embedding_size)
            self.hidden_size.setValue(config.hidden_size)
            self.cell.setCurrentIndex(CELLS.index(config.cell))
            self.nonlinearity.setCurrentIndex(NONLINEARITIES.index(config.nonlinearity))
            self.nonlinearity.setEnabled(config.cell == "rnn")
            self.hidden_size.setEnabled(config.cell != "none")
            self.attention.setCurrentIndex(ATTENTIONS.index(config.attention))
            choices = divisors(config.width)
            if config.heads not in choices:
                choices = sorted({*choices, config.heads})
            if [self.heads.itemData(i) for i in range(self.heads.count())] != choices:
                self.heads.clear()
                for k in choices:
                    self.heads.addItem(str(k), k)
            self.heads.setCurrentIndex(choices.index(config.heads))
            self.heads.setEnabled(config.attention == "multihead")
            self.mask_padding.setChecked(config.mask_padding)
            self.causal.setChecked(config.causal)
            self.temperature.setValue(config.temperature)
            for name, widget in self.more.items():
                value = getattr(config, name)
                widget.setChecked(value) if isinstance(widget, QCheckBox) else widget.setValue(
                    value
                )
        finally:
            for widget, was in zip(widgets, blocked, strict=True):
                widget.blockSignals(was)


def option_widget(option):
    """The control of a setting from its option: a check box, or a spin box in its range."""
    if option.kind is bool:
        return QCheckBox()
    if option.kind is int:
        box = QSpinBox()
    else:
        box = ShortNumberSpinBox()
        box.setDecimals(option.decimals)
        box.setSingleStep(0.1)
    box.setRange(option.low, option.high)
    return box


class ShortNumberSpinBox(QDoubleSpinBox):
    """Shows 1 and 0.5 rather than 1.000 and 0.500: in Portuguese "1.000" reads as a thousand."""

    def textFromValue(self, value: float) -> str:  # noqa: N802 (Qt's name)
        text = super().textFromValue(value)
        point = self.locale().decimalPoint()
        if point in text:
            text = text.rstrip("0").rstrip(point)
        return text
