"""The table of settings is the one declaration: every option reaches the dataclass, the
command line, a saved session and the catalogs, and nothing declares a setting beside it."""

from __future__ import annotations

import dataclasses

import pytest

from cli.flags import FIELD_FLAGS
from cli.parser import build_parser
from model.config import ModelConfig
from model.errors import InputError
from model.options import (
    CONTROLS,
    MODEL_OPTIONS,
    SHOWN,
    all_options,
    notebook_header,
    settings_parts,
    words,
)
from model.session import Session
from model.training.settings import TRAINING_OPTIONS, TrainSettings
from resources import LANGUAGES, catalog


@pytest.mark.parametrize(
    ("options", "settings"), [(MODEL_OPTIONS, ModelConfig), (TRAINING_OPTIONS, TrainSettings)]
)
def test_each_option_is_a_field_with_its_default(options, settings):
    fields = {f.name: f.default for f in dataclasses.fields(settings) if f.name != "rate_changes"}
    assert fields == {option.name: option.default for option in options}


def test_each_option_is_a_flag_and_names_it_in_errors():
    flags = {flag for action in build_parser()._actions for flag in action.option_strings}
    for option in all_options():
        assert option.flag in flags
        assert FIELD_FLAGS[option.name][0] == option.flag


def test_each_option_is_checked_by_its_declaration():
    for option in MODEL_OPTIONS:
        wrong = "not a setting" if option.kind is not str else "nonsense"
        with pytest.raises(InputError) as refused:
            ModelConfig(**{option.name: wrong})
        assert refused.value.values["field"] == option.name


def test_each_option_is_saved_in_a_session_and_named_in_both_languages():
    saved = Session("a b", training=TrainSettings()).to_json()
    for option in all_options():
        assert f'"{option.name}"' in saved
        for language in LANGUAGES:
            assert option.name in catalog("messages", language)["fields"]


def _other(option):
    """A valid value of ``option`` that is not its default."""
    if option.kind is bool:
        return not option.default
    if option.choices:
        return next(choice for choice in option.choices if choice != option.default)
    if option.kind is int:
        return option.default + 2
    if option.kind is tuple:  # heads switched off: head 1 of layer 0
        return ((0, 1),)
    return (option.default + option.high) / 2


def test_each_option_is_declared_with_known_words():
    for option in all_options():
        assert option.group in ("model", "training")
        assert option.control in CONTROLS and option.shown in SHOWN
        assert option.attribute == option.flag[2:].replace("-", "_")
    assert {o.group for o in MODEL_OPTIONS} == {"model"}
    assert {o.group for o in TRAINING_OPTIONS} == {"training"}
    assert all(o.control is None for o in TRAINING_OPTIONS)  # offered by the training pane


@pytest.mark.parametrize("language", LANGUAGES)
def test_each_offered_option_has_a_label_a_tip_and_words_for_its_choices(language):
    for option in MODEL_OPTIONS:
        entry = words(option, language)
        if option.control is not None:
            assert entry["label"].strip() and len(entry["tip"]) > 20, option.name
        if option.control == "choice" and option.kind is str:
            assert set(entry["choices"]) == set(option.choices), option.name
        if isinstance(entry.get("line"), dict):
            assert set(entry["line"]) == set(option.choices), option.name


@pytest.mark.parametrize("language", LANGUAGES)
def test_each_model_option_changes_the_settings_line_and_is_in_the_notebook_header(language):
    base = ModelConfig(attention="transformer")  # so that the heads and layers are said
    line = settings_parts(base, language)
    for option in MODEL_OPTIONS:
        changed = dataclasses.replace(base, **{option.name: _other(option)})
        assert settings_parts(changed, language) != line, option.name
        header = notebook_header(changed)
        assert f"{option.name} = {getattr(changed, option.name)!r}" in header


def test_each_flag_sets_its_setting():
    from cli.flags import session_from
    from cli.parser import parse

    for option in all_options():
        value = _other(option)
        argv = [option.flag] if option.kind is bool else [option.flag, str(value)]
        if option.group == "training" and option.flag != "--train":
            argv += ["--train", "copy"]
        if option.kind is tuple:  # as the flag takes heads, in a mode that has them
            argv = [option.flag, "0.1", "--attention", "transformer"]
        session = session_from(parse(argv))
        settings = session.config if option.group == "model" else session.training
        assert getattr(settings, option.name) == value, option.name
