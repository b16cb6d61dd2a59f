"""Errors the user can fix, raised with a code and values, and rendered in either language.

The model never builds a sentence for the user itself: it raises :class:`InputError` with a
message code and the values that fill it.  :func:`describe` renders an error in English or
Portuguese from ``resources/messages``, so the window and the command line speak the
interface's language while the model stays free of any user interface.

A message whose words follow a number is a mapping ``{"count": name, "one": …, "other": …}``:
the ``one`` form when the value ``name`` is 1 ("A has 1 head"), else ``other`` ("2 heads").

``str(error)`` is the English message, so a plain ``except ValueError`` still reads well.
"""

from __future__ import annotations

import errno
import re
import sys
from collections.abc import Callable

from model.numbers import format_number
from resources import catalog

LANGUAGES = ("en", "pt")

FieldName = Callable[[str], "str | None"]


class InputError(ValueError):
    """A problem with the user's input, settings or files, which they can put right.

    ``code`` names the message in the catalog; ``values`` fill its ``{placeholders}``.  A
    value may itself be an :class:`InputError` (a cause), rendered in the same language.
    """

    def __init__(self, code: str, /, **values) -> None:
        self.code = code
        self.values = values
        super().__init__(describe(self, "en"))

    def __reduce__(self):  # survives pickling with its code and values
        return _rebuild, (self.code, self.values)


def _rebuild(code: str, values: dict) -> InputError:
    return InputError(code, **values)


class Notice:
    """Something the user should know that is not an error (e.g. a setting adjusted for them),
    rendered from the same catalog as errors."""

    def __init__(self, code: str, /, **values) -> None:
        self.code = code
        self.values = values

    def __eq__(self, other) -> bool:
        return isinstance(other, Notice) and (self.code, self.values) == (other.code, other.values)

    def __repr__(self) -> str:
        return f"Notice({self.code!r}, **{self.values!r})"


def describe(
    error: BaseException | Notice, language: str = "en", field_name: FieldName | None = None
):
    """The message for ``error`` in ``language`` ("en" or "pt").

    ``field_name`` may rename a setting (``"hidden_size"``) for its context, e.g. to the flag
    ``--hidden-size`` on the command line; by default settings get their catalog names.
    Errors that are not :class:`InputError` fall back to their own text.
    """
    if isinstance(error, (InputError, Notice)):
        return _render(error.code, error.values, language, field_name)
    if isinstance(error, MemoryError):
        return _render("out_of_memory", {}, language, field_name)
    if isinstance(error, OSError):
        return _render("os_error", {"reason": error}, language, field_name)
    if isinstance(error, ModuleNotFoundError) and error.name:  # outside the project's venv
        values = {"module": error.name, "python": sys.executable}
        return _render("missing_module", values, language, field_name)
    return str(error)


def _render(code: str, values: dict, language: str, field_name: FieldName | None) -> str:
    messages = catalog("messages", language if language in LANGUAGES else "en")
    template = messages.get(code) or catalog("messages", "en").get(code)
    if template is None:  # a code without a message is a programming error; say what we know
        return code + "".join(f" {k}={v!r}" for k, v in values.items())
    if isinstance(template, dict):  # {"count": name, "one": …, "other": …}: "1 head", "2 heads"
        template = template["one" if values.get(template["count"]) == 1 else "other"]
    filled = {key: _value(key, value, language, field_name) for key, value in values.items()}
    return template.format(**filled)


def _value(key: str, value, language: str, field_name: FieldName | None) -> str:
    if isinstance(value, InputError):
        return _render(value.code, value.values, language, field_name)
    if isinstance(value, OSError):
        return os_reason(value, language)
    if key == "field":
        named = field_name(value) if field_name is not None else None
        return named or catalog("messages", language).get("fields", {}).get(value, value)
    if key == "kind":
        return catalog("messages", language).get("kinds", {}).get(value, value)
    if key == "choices":
        if isinstance(value, str):  # argparse's "'rnn', 'gru', …", read back as a list
            value = re.findall(r"'([^']*)'", value) or [value]
        return ", ".join(map(str, value))
    return format_number(value, language) if _is_number(value) else str(value)


def _is_number(value) -> bool:
    return isinstance(value, (int, float)) and not isinstance(value, bool)


_ERRNO_CODES = {
    errno.ENOENT: "ENOENT",
    errno.EACCES: "EACCES",
    errno.EPERM: "EACCES",
    errno.ENOSPC: "ENOSPC",
    errno.EDQUOT: "ENOSPC",
    errno.EISDIR: "EISDIR",
    errno.ENOTDIR: "ENOTDIR",
    errno.EROFS: "EROFS",
    errno.EEXIST: "EEXIST",
    errno.ENAMETOOLONG: "ENAMETOOLONG",
    errno.EIO: "EIO",
    errno.EBADF: "EBADF",
}


def os_reason(error: OSError, language: str = "en") -> str:
    """Why an operating-system call failed, in words the user reads (not ``[Errno 28]``)."""
    reasons = catalog("messages", language).get("os", {})
    code = _ERRNO_CODES.get(error.errno or -1)
    if code and code in reasons:
        return reasons[code]
    return (error.strerror or str(error) or type(error).__name__).strip()
