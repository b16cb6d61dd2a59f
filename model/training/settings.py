"""What to train and how long: a task, a learning rate and a step count, validated."""

from __future__ import annotations

from dataclasses import asdict, dataclass

from model.validate import check_choice, check_float, check_int

TASKS = ("previous", "copy", "first", "alphabetical")
LEARNING_RATES = (0.001, 0.003, 0.01, 0.03, 0.1)  # the choices the window offers
MIN_LEARNING_RATE, MAX_LEARNING_RATE = 1e-5, 1.0
MAX_STEPS = 100_000


@dataclass(frozen=True)
class TrainSettings:
    """A training run: ``steps`` optimizer steps of ``task`` at ``learning_rate``."""

    task: str = "previous"
    steps: int = 500
    learning_rate: float = 0.01

    def __post_init__(self) -> None:
        check_choice("task", self.task, TASKS)
        check_int("steps", self.steps, 0, MAX_STEPS)
        rate = check_float(
            "learning_rate", self.learning_rate, MIN_LEARNING_RATE, MAX_LEARNING_RATE
        )
        object.__setattr__(self, "learning_rate", rate)

    def to_dict(self) -> dict:
        return asdict(self)
