"""The model's settings: one control for each option of the table the window offers.

Each row (label, tooltip, range, choices) comes from its option (:mod:`model.options`) and
its words in the catalogs; what stays by hand are the rules between settings: the heads
combo offers the divisors of the width, and a control that does nothing for the chosen cell
or attention is disabled.  The panel reports edits and shows the config it is given; it
keeps no state of its own.
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
from gui.widgets import ElidedComboBox
from model.config import MAX_TRANSFORMER_HEADS, ModelConfig
from model.options import MODEL_OPTIONS, Option

OFFERED = tuple(o for o in MODEL_OPTIONS if o.control is not None)


def divisors(number: int, limit: int = 64) -> list[int]:
    return [k for k in range(1, min(number, limit) + 1) if number % k == 0]


class ControlsPanel(QWidget):
    """A control for every offered setting, each also an attribute by the setting's name
    (``panel.seed``, ``panel.heads`` …).  They report edits and show the config given."""

    setting_edited = Signal(str, object)
    """A setting the user changed: its ModelConfig field name and new value."""
    new_weights_requested = Signal()
    """The user asked for new random weights (the next seed)."""

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.widgets = {option.name: option_control(option) for option in OFFERED}
        for name, widget in self.widgets.items():
            setattr(self, name, widget)
        self.new_weights = QPushButton(self.tr("New &random weights"))
        self.new_weights.setToolTip(self.tr("Draw new embeddings and layer weights (next seed)"))

        form = QFormLayout(self)
        form.setContentsMargins(4, 4, 4, 4)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self._form = form
        # Labelled rows in the table's order, the check boxes (their own labels) below them.
        for option in sorted(OFFERED, key=lambda o: o.control == "check"):
            widget = self.widgets[option.name]
            if option.control == "check":
                form.addRow("", widget)
            else:
                self._add_row(form, texts.option_words(option)["label"], widget)
            if option.name == "seed":
                form.addRow("", self.new_weights)

        self._config = ModelConfig()
        self.show_config(self._config)
        for name, widget in self.widgets.items():
            self._report(name, widget)
        self.new_weights.clicked.connect(self.new_weights_requested)

    def _report(self, name: str, widget: QWidget) -> None:
        """Emit ``setting_edited`` with the setting's new value when the user edits it."""
        if isinstance(widget, QCheckBox):
            widget.toggled.connect(lambda value: self.setting_edited.emit(name, value))
        elif isinstance(widget, QComboBox):

            def chosen(index: int) -> None:
                if index >= 0:  # -1 while the heads are offered anew
                    self.setting_edited.emit(name, widget.itemData(index))

            widget.currentIndexChanged.connect(chosen)
        else:
            widget.valueChanged.connect(lambda value: self.setting_edited.emit(name, value))

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

    def show_config(self, config: ModelConfig) -> None:
        """Show ``config`` without reporting it back as an edit."""
        self._config = config
        widgets = list(self.widgets.values())
        blocked = [w.blockSignals(True) for w in widgets]
        try:
            self._offer_heads(config)
            for option in OFFERED:
                widget, value = self.widgets[option.name], getattr(config, option.name)
                if isinstance(widget, QCheckBox):
                    widget.setChecked(value)
                elif isinstance(widget, QComboBox):
                    widget.setCurrentIndex(widget.findData(value))
                else:
                    widget.setValue(value)
            self.nonlinearity.setEnabled(config.cell == "rnn")
            self.hidden_size.setEnabled(config.cell != "none")
            self.heads.setEnabled(config.attention in ("multihead", "transformer"))
            self.layers.setEnabled(config.attention == "transformer")
        finally:
            for widget, was in zip(widgets, blocked, strict=True):
                widget.blockSignals(was)

    def _offer_heads(self, config: ModelConfig) -> None:
        """The heads that divide the width, and the config's own if it does not."""
        limit = MAX_TRANSFORMER_HEADS if config.attention == "transformer" else 64
        choices = divisors(config.width, limit)
        if config.heads not in choices:
            choices = sorted({*choices, config.heads})
        if [self.heads.itemData(i) for i in range(self.heads.count())] != choices:
            self.heads.clear()
            for k in choices:
                self.heads.addItem(str(k), k)


def option_control(option: Option) -> QWidget:
    """A setting's control from its option: a check box, a combo box of its choices (an int's
    are offered by the panel), or a spin box in its range; its words from the catalogs."""
    words = texts.option_words(option)
    if option.control == "check":
        widget = QCheckBox(words["label"])
    elif option.control == "choice":
        widget = ElidedComboBox(6)  # narrow panels: what fits, and its list shows everything
        for value in option.choices:
            widget.addItem(words["choices"][value], value)
    elif option.control == "spin":
        widget = QSpinBox()
        widget.setRange(option.low, option.high)
    else:
        widget = ShortNumberSpinBox()
        widget.setDecimals(option.decimals)
        widget.setRange(option.low, option.high)
        widget.setSingleStep(0.1)
        widget.setStepType(QDoubleSpinBox.StepType.AdaptiveDecimalStepType)
    widget.setToolTip(words["tip"])
    return widget


class ShortNumberSpinBox(QDoubleSpinBox):
    """Shows 1 and 0.5 rather than 1.000 and 0.500: in Portuguese "1.000" reads as a thousand."""

    def textFromValue(self, value: float) -> str:  # noqa: N802 (Qt's name)
        text = super().textFromValue(value)
        point = self.locale().decimalPoint()
        if point in text:
            text = text.rstrip("0").rstrip(point)
        return text
