"""The table of settings is the one declaration: every option reaches the dataclass, the
command line, a saved session and the catalogs, and nothing declares a setting beside it."""

from __future__ import annotations

import dataclasses

import pytest

from cli.flags import FIELD_FLAGS
from cli.parser import build_parser
from model.config import ModelConfig
from model.errors import InputError
from model.options import MODEL_OPTIONS, all_options
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
