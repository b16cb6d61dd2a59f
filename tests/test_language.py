"""One rule for the system's language, for the window and the command line alike."""

from __future__ import annotations

import pytest

from resources import system_language


@pytest.mark.parametrize(
    ("environment", "expected"),
    [
        ({"LANG": "pt_BR.UTF-8"}, "pt"),
        ({"LANG": "pt_PT.UTF-8"}, "pt"),
        ({"LANG": "en_US.UTF-8"}, "en"),
        ({"LANG": "de_DE.UTF-8"}, "en"),  # a language we do not have: English
        ({"LC_ALL": "pt_BR.UTF-8", "LANG": "en_US.UTF-8"}, "pt"),  # LC_ALL first
        ({"LC_MESSAGES": "en_GB.UTF-8", "LANG": "pt_BR.UTF-8"}, "en"),  # then LC_MESSAGES
        ({}, "en"),
    ],
)
def test_the_first_locale_variable_set_decides(monkeypatch, environment, expected):
    for name in ("LC_ALL", "LC_MESSAGES", "LANG"):
        monkeypatch.delenv(name, raising=False)
    for name, value in environment.items():
        monkeypatch.setenv(name, value)
    assert system_language() == expected


def test_the_window_takes_the_same_language(monkeypatch):
    from gui.application import system_language as windows

    for name in ("LC_ALL", "LC_MESSAGES"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("LANG", "pt_BR.UTF-8")
    assert windows() == "pt"
    monkeypatch.setenv("LANG", "C.UTF-8")
    assert windows() == "en"
