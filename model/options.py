"""Every setting a user can give, declared once: the model's here, training's in
:mod:`model.training.settings`, both as :class:`Option`.

From an option come its validation (in ``ModelConfig`` and ``TrainSettings``), its
command-line flag (:mod:`cli.parser`), its name in messages and its tooltip (the catalogs
``resources/messages/<language>.json``, sections "fields" and "tips"), its row in the
window's model panel when the panel has no hand-made one, its part of the settings line
under a figure, and its key in a session file and in the notebook's header.  Adding a
setting is adding an option, the dataclass field, the model code that uses it, and its
words in each language.
"""

from __future__ import annotations

from dataclasses import dataclass

from model.validate import check_bool, check_choice, check_float, check_int

CELLS = ("rnn", "gru", "lstm", "none")  # "none": no recurrence, inputs + positions
NONLINEARITIES = ("tanh", "relu")
ATTENTIONS = ("linear", "dot", "multihead")
MAX_SEED = 2**31 - 1  # fits numpy's RandomState, torch and a Qt spin box (a C int)
MAX_SIZE = 1024  # embedding and hidden size
MAX_HEADS = 64
MIN_TEMPERATURE, MAX_TEMPERATURE = 1e-3, 1e3


@dataclass(frozen=True)
class Option:
    """One setting.  ``kind`` is int, float, bool or str (then ``choices``); numbers lie in
    ``low`` … ``high``.  ``help`` is the command line's (English, as argparse is)."""

    name: str
    kind: type
    default: object
    help: str
    low: float | None = None
    high: float | None = None
    choices: tuple = ()
    metavar: str | None = None
    flag_name: str | None = None  # when the flag is not the name with dashes
    decimals: int = 3  # a float's decimals in the window

    @property
    def flag(self) -> str:
        return "--" + (self.flag_name or self.name.replace("_", "-"))

    def check(self, value):
        """``value`` if it is a valid setting (a float made a float), else InputError."""
        if self.kind is bool:
            check_bool(self.name, value)
        elif self.kind is int:
            check_int(self.name, value, self.low, self.high)
        elif self.kind is float:
            value = check_float(self.name, value, self.low, self.high)
        else:
            check_choice(self.name, value, self.choices)
        return value


MODEL_OPTIONS = (
    Option("seed", int, 0, "random seed", 0, MAX_SEED, metavar="N"),
    Option("embedding_size", int, 10, "E, features per token", 1, MAX_SIZE, metavar="N"),
    Option("hidden_size", int, 4, "H, units of the recurrent layer", 1, MAX_SIZE, metavar="N"),
    Option("cell", str, "rnn", "recurrent cell, or none: positions only", choices=CELLS),
    Option("nonlinearity", str, "tanh", "of the plain RNN", choices=NONLINEARITIES),
    Option(
        "attention",
        str,
        "linear",
        "scores from a Linear layer (the notebook), scaled dot products, or multi-head "
        "attention with queries, keys and values",
        choices=ATTENTIONS,
    ),
    Option(
        "heads", int, 2, "heads of multi-head attention, a divisor of d", 1, MAX_HEADS, metavar="N"
    ),
    Option("mask_padding", bool, False, "give <pad> positions no attention"),
    Option("causal", bool, False, "hide every later key from a query"),
    Option(
        "temperature",
        float,
        1.0,
        "divide the scores by T before the softmax",
        MIN_TEMPERATURE,
        MAX_TEMPERATURE,
        metavar="T",
    ),
)


def option(name: str) -> Option:
    """The model or training option called ``name``."""
    return next(o for o in all_options() if o.name == name)


def all_options() -> tuple[Option, ...]:
    from model.training.settings import TRAINING_OPTIONS

    return MODEL_OPTIONS + TRAINING_OPTIONS
