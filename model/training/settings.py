"""What to train and how long: a task, a learning rate and a step count, validated."""

from __future__ import annotations

from dataclasses import asdict, dataclass

from model.errors import InputError
from model.options import Option
from model.training.tasks import TASKS
from model.validate import check_float, check_int

LEARNING_RATES = (0.001, 0.003, 0.01, 0.03, 0.1)  # the choices the window offers
MIN_LEARNING_RATE, MAX_LEARNING_RATE = 1e-5, 1.0
MAX_STEPS = 100_000

# Offered by the training pane, not the model panel (control None); "task" also starts
# training from the command line, hence its flag.
TRAINING_OPTIONS = (
    Option("task", "training", str, "previous", "--train",
           "train on a task: " + ", ".join(TASKS), choices=TASKS, metavar="TASK",
           shown="never"),
    Option("steps", "training", int, 500, "--train-steps", "optimizer steps", 0, MAX_STEPS,
           metavar="N", shown="never"),
    Option("learning_rate", "training", float, 0.01, "--learning-rate",
           "Adam's learning rate (the window offers " + ", ".join(map(str, LEARNING_RATES)) + ")",
           MIN_LEARNING_RATE, MAX_LEARNING_RATE, metavar="LR", shown="never"),
)  # fmt: skip


@dataclass(frozen=True)
class TrainSettings:
    """A training run: ``steps`` optimizer steps of ``task`` at ``learning_rate``.

    ``rate_changes`` are the changes made while it ran, ``(step, rate)``: from that step
    on, the new rate.  Replaying them gives exactly the weights the run had.
    """

    task: str = "previous"
    steps: int = 500
    learning_rate: float = 0.01
    rate_changes: tuple[tuple[int, float], ...] = ()

    def __post_init__(self) -> None:
        for option in TRAINING_OPTIONS:  # each setting as declared above
            object.__setattr__(self, option.name, option.check(getattr(self, option.name)))
        changes = self.rate_changes
        if not isinstance(changes, (list, tuple)) or len(changes) > MAX_STEPS:
            raise InputError("not_rate_changes")
        checked = []
        for change in changes:
            if not isinstance(change, (list, tuple)) or len(change) != 2:
                raise InputError("not_rate_changes")
            step, value = change
            check_int("rate_changes", step, 1, MAX_STEPS)
            value = check_float("rate_changes", value, MIN_LEARNING_RATE, MAX_LEARNING_RATE)
            checked.append((step, value))
        steps = [step for step, _ in checked]
        if steps != sorted(set(steps)):
            raise InputError("not_rate_changes")
        object.__setattr__(self, "rate_changes", tuple(checked))

    @property
    def current_rate(self) -> float:
        """The rate of the step after ``steps``: the last change's, or the first rate."""
        rate = self.learning_rate
        for step, value in self.rate_changes:
            if step <= self.steps:
                rate = value
        return rate

    def to_dict(self) -> dict:
        data = asdict(self)
        data["rate_changes"] = [list(change) for change in self.rate_changes]
        if not self.rate_changes:
            del data["rate_changes"]
        return data
