"""The model panel is built from the table of settings: each offered option is a control
with its label, tooltip, range and choices in either language, and editing it reports it."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QCheckBox, QComboBox, QLabel

from gui import texts
from gui.panes.model_settings.view import ControlsPanel
from model.config import ModelConfig
from model.options import MODEL_OPTIONS, words
from model.training.settings import TRAINING_OPTIONS


@pytest.fixture(params=["en", "pt"])
def panel(request, qtbot):
    texts.set_language(request.param)
    try:
        panel = ControlsPanel()
        qtbot.addWidget(panel)
        yield panel, request.param
    finally:
        texts.set_language("en")


def test_each_offered_option_is_a_control_with_its_words(panel):
    panel, language = panel
    labels = {label.text(): label for label in panel.findChildren(QLabel)}
    for option in MODEL_OPTIONS:
        entry = words(option, language)
        widget = panel.widgets.get(option.name)
        assert (widget is not None) == (option.control is not None), option.name
        if widget is None:
            continue
        assert getattr(panel, option.name) is widget
        assert widget.toolTip() == entry["tip"]
        if isinstance(widget, QCheckBox):
            assert widget.text() == entry["label"]
        else:
            assert labels[entry["label"]].buddy() is widget
            assert labels[entry["label"]].toolTip() == entry["tip"]
        if isinstance(widget, QComboBox) and option.kind is str:
            shown = [widget.itemText(i) for i in range(widget.count())]
            assert shown == [entry["choices"][value] for value in option.choices]
        elif not isinstance(widget, (QCheckBox, QComboBox)):
            assert (widget.minimum(), widget.maximum()) == (option.low, option.high)
    for option in TRAINING_OPTIONS:  # the training pane offers these
        assert option.name not in panel.widgets


def test_editing_each_control_reports_its_setting(panel, qtbot):
    panel, _ = panel
    panel.show_config(ModelConfig(attention="multihead", hidden_size=4))
    for option in MODEL_OPTIONS:
        widget = panel.widgets.get(option.name)
        if widget is None:
            continue
        with qtbot.waitSignal(panel.setting_edited) as edited:
            if isinstance(widget, QCheckBox):
                widget.setChecked(not widget.isChecked())
            elif isinstance(widget, QComboBox):
                widget.setCurrentIndex((widget.currentIndex() + 1) % widget.count())
            else:
                widget.setValue(widget.value() + 1)
        name, value = edited.args
        assert name == option.name
        assert option.check(value) == value  # a value its option accepts


def test_the_heads_are_the_divisors_of_the_width(panel):
    panel, _ = panel
    panel.show_config(ModelConfig(attention="multihead", hidden_size=6, heads=3))
    assert [panel.heads.itemData(i) for i in range(panel.heads.count())] == [1, 2, 3, 6]
    assert panel.heads.currentData() == 3 and panel.heads.isEnabled()
    panel.show_config(ModelConfig(cell="gru"))
    assert not panel.nonlinearity.isEnabled() and not panel.heads.isEnabled()


def test_the_settings_line_reads_as_before_in_both_languages():
    config = ModelConfig(
        cell="none", attention="multihead", temperature=0.5, mask_padding=True, causal=True
    )
    expected = {
        "en": "seed 0 · E = 10 · H = 4 · no recurrence (positions) · multi-head attention, "
        "2 heads · T = 0.5 · <pad> masked · causal",
        "pt": "semente 0 · E = 10 · H = 4 · sem recorrência (posições) · atenção multi-cabeça, "
        "2 cabeças · T = 0,5 · <pad> mascarado · causal",  # the decimal comma
    }
    try:
        for language, line in expected.items():
            texts.set_language(language)
            assert texts.settings_line(config) == line
        texts.set_language("en")
        assert texts.settings_line(ModelConfig()) == (
            "seed 0 · E = 10 · H = 4 · RNN (tanh) · Linear-layer scores"
        )
    finally:
        texts.set_language("en")
