"""View → Language: the interface's language, chosen in the window and kept for next time.

Each language is offered in its own name, so that someone who cannot read the current one
still finds theirs.  Choosing one remembers it and asks for the window to be made again in
it (``language_chosen``); the work on screen, its training and the layout stay as they are.
A ``--lang`` on the command line still wins for that run.
"""

from __future__ import annotations

from PySide6.QtCore import QSettings
from PySide6.QtGui import QAction, QActionGroup

from gui import texts
from resources import LANGUAGES

OWN_NAMES = {"en": "English", "pt": "Português"}
KEY = "view/language"


def remembered_language() -> str | None:
    """The language chosen in the window last time, if any."""
    value = QSettings().value(KEY)
    return value if value in LANGUAGES else None


def remember_language(language: str) -> None:
    QSettings().setValue(KEY, language)


def fill(menu, window) -> QActionGroup:
    """One checkable item per language in ``menu``; choosing one emits
    ``window.language_chosen``."""
    group = QActionGroup(window)
    for language in LANGUAGES:
        item = QAction(OWN_NAMES[language], window, checkable=True)
        item.setData(language)
        item.setChecked(language == texts.language())
        item.triggered.connect(lambda _=False, chosen=language: _choose(window, chosen))
        group.addAction(item)
        menu.addAction(item)
    return group


def _choose(window, language: str) -> None:
    remember_language(language)
    if language != texts.language():
        window.language_chosen.emit(language)
