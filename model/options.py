"""Every setting a user can give, declared once as an :class:`Option`: the model's here,
training's beside its limits in :mod:`model.training.settings` (its task list imports the
model's config, so it cannot be imported from here).

From an option come its validation (``ModelConfig``, ``TrainSettings``), its command-line
flag and the flag an error names (:mod:`cli.parser`, :mod:`cli.flags`), its control in the
window's model panel, its part of the settings line under a figure, and its key in a
session file and in the notebook's header.  Its words (label, tooltip, the names of its
choices, its part of the settings line) are one entry per language, under "options" in
``resources/messages/<language>.json``; its name in error messages is under "fields".

Adding a setting is an option here, the dataclass field, the model code that uses it, and
one entry per language in the catalogs.
"""

from __future__ import annotations

from dataclasses import dataclass

from model.numbers import in_language
from model.validate import check_bool, check_choice, check_float, check_heads, check_int
from resources import catalog

CELLS = ("rnn", "gru", "lstm", "none")  # "none": no recurrence, inputs + positions
NONLINEARITIES = ("tanh", "relu")
ATTENTIONS = ("linear", "dot", "multihead", "transformer")
MAX_SEED = 2**31 - 1  # fits numpy's RandomState, torch and a Qt spin box (a C int)
MAX_SIZE = 1024  # embedding and hidden size
MAX_HEADS = 64
MAX_LAYERS = 6  # transformer blocks
MIN_TEMPERATURE, MAX_TEMPERATURE = 1e-3, 1e3

CONTROLS = ("spin", "decimal", "choice", "check", None)  # None: the window has no control
SHOWN = ("always", "changed", "on", "never")  # when the settings line shows the setting


@dataclass(frozen=True)
class Option:
    """One setting.  ``kind`` is int, float, bool or str (then ``choices``); numbers lie in
    ``low`` … ``high``.  ``help`` is the command line's (English, as argparse is).

    ``control`` is how the model panel offers it (see :data:`CONTROLS`); an int offered as a
    choice gets its items from the panel (the heads: the divisors of the width).  ``shown``
    says when the settings line has its part: always, when not at its default, when on, or
    never (another setting's words say it, as the cell's say the nonlinearity).
    """

    name: str  # the dataclass field and the key in a session file
    group: str  # "model" or "training"
    kind: type
    default: object
    flag: str
    help: str
    low: float | None = None
    high: float | None = None
    choices: tuple = ()
    metavar: str | None = None
    control: str | None = None
    decimals: int = 3  # a float's decimals in the window
    shown: str = "changed"

    @property
    def words_key(self) -> str:
        """Where its words are in a message catalog: ``options.<name>``."""
        return f"options.{self.name}"

    @property
    def label_key(self) -> str:
        return f"{self.words_key}.label"

    @property
    def tip_key(self) -> str:
        return f"{self.words_key}.tip"

    @property
    def attribute(self) -> str:
        """The flag's attribute in argparse's namespace."""
        return self.flag[2:].replace("-", "_")

    def check(self, value):
        """``value`` if it is a valid setting (a float made a float), else InputError."""
        if self.kind is bool:
            check_bool(self.name, value)
        elif self.kind is int:
            check_int(self.name, value, self.low, self.high)
        elif self.kind is float:
            value = check_float(self.name, value, self.low, self.high)
        elif self.kind is tuple:
            value = check_heads(self.name, value)
        else:
            check_choice(self.name, value, self.choices)
        return value


def _model(name, kind, default, flag, help, low=None, high=None, **more) -> Option:
    return Option(name, "model", kind, default, flag, help, low, high, **more)


# In the dataclass's order, which is a session file's and the notebook header's.
MODEL_OPTIONS = (
    _model("seed", int, 0, "--seed", "random seed", 0, MAX_SEED, metavar="N", control="spin",
           shown="always"),
    _model("embedding_size", int, 10, "--embedding-size", "E, features per token", 1, MAX_SIZE,
           metavar="N", control="spin", shown="always"),
    _model("hidden_size", int, 4, "--hidden-size", "H, units of the recurrent layer", 1,
           MAX_SIZE, metavar="N", control="spin", shown="always"),
    _model("cell", str, "rnn", "--cell", "recurrent cell, or none: positions only",
           choices=CELLS, control="choice", shown="always"),
    _model("nonlinearity", str, "tanh", "--nonlinearity", "of the plain RNN",
           choices=NONLINEARITIES, control="choice", shown="never"),
    _model("attention", str, "linear", "--attention",
           "scores from a Linear layer (the notebook), scaled dot products, or multi-head "
           "attention with queries, keys and values, or transformer blocks with a next-word "
           "head (a tiny GPT)", choices=ATTENTIONS, control="choice", shown="always"),
    _model("heads", int, 2, "--heads", "heads of multi-head attention, a divisor of d", 1,
           MAX_HEADS, metavar="N", control="choice", shown="never"),
    _model("layers", int, 2, "--layers", "transformer blocks (transformer only)", 1,
           MAX_LAYERS, metavar="N", control="spin", shown="never"),
    _model("mask_padding", bool, False, "--mask-padding", "give <pad> positions no attention",
           control="check", shown="on"),
    _model("causal", bool, False, "--causal", "hide every later key from a query",
           control="check", shown="on"),
    _model("temperature", float, 1.0, "--temperature",
           "divide the scores by T before the softmax", MIN_TEMPERATURE, MAX_TEMPERATURE,
           metavar="T", control="decimal"),
    _model("ablated", tuple, (), "--ablate",
           "switch heads off, layer.head from 0 as the readout counts them: 1.0,1.1 "
           "(their context becomes 0; the weights stay as trained)", metavar="L.H[,L.H...]"),
)  # fmt: skip


def option(name: str) -> Option:
    """The model or training option called ``name``."""
    return next(o for o in all_options() if o.name == name)


def all_options() -> tuple[Option, ...]:
    """Model options, then training's."""
    from model.training.settings import TRAINING_OPTIONS

    return MODEL_OPTIONS + TRAINING_OPTIONS


def words(option: Option, language: str) -> dict:
    """The option's entry in the language's message catalog: label, tip, choices, line."""
    return catalog("messages", language).get("options", {}).get(option.name, {})


def settings_parts(config, language: str) -> list[str]:
    """The settings line's parts for ``config`` (a ModelConfig), in the table's order with
    the switches last, each from its option's "line" words.

    A "line" is one text, or one per choice; it is formatted with ``value`` and every
    setting by name (floats as ``:g``).  With no "line", a setting says ``label = value``.
    """
    values = {o.name: _shown_value(getattr(config, o.name), language) for o in MODEL_OPTIONS}
    valued, switches = [], []
    for opt in MODEL_OPTIONS:
        value = getattr(config, opt.name)
        if not (
            opt.shown == "always"
            or (opt.shown == "changed" and value != opt.default)
            or (opt.shown == "on" and value)
        ):
            continue
        entry = words(opt, language)
        line = entry.get("line", "{label} = {value}")
        if isinstance(line, dict):
            line = line[value]
        label = entry.get("label", opt.name).replace("&", "").rstrip(":")
        text = line.format(**values, value=values[opt.name], label=label)
        (switches if opt.kind is bool else valued).append(text)
    return valued + switches


def _shown_value(value, language: str) -> str:
    """A setting as people read it: floats short, with the language's decimal mark, heads
    as ``layer.head`` ("1.0, 1.1")."""
    if isinstance(value, tuple):
        return ", ".join(f"{layer}.{head}" for layer, head in value)
    return in_language(f"{value:g}", language) if isinstance(value, float) else str(value)


def notebook_header(config) -> str:
    """Every model setting as ``name = value``, for a notebook's first cell."""
    return ", ".join(f"{o.name} = {getattr(config, o.name)!r}" for o in MODEL_OPTIONS)
