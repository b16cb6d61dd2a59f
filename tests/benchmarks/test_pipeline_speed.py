"""How long one run of the pipeline takes, from the notebook's size to the documented limit.

Under pytest this is a quick smoke run that prints its figures.  For the full figures,
including the largest documented input, run ``python -m tests.benchmarks.test_pipeline_speed``.
"""

import sys

from model.config import ModelConfig
from model.pipeline import run_pipeline
from tests.benchmarks.timing import measure, report

NOTEBOOK = "o mikas ta ali\neu gosto de batata frita\nexistem elefantes\n"


def sentences(count: int, length: int) -> str:
    return "\n".join(
        " ".join(f"w{(i * 31 + j) % 5000}" for j in range(length)) for i in range(count)
    )


SMOKE = [
    ("notebook example (3 × 5, E=10, H=4)", NOTEBOOK, ModelConfig(), 50),
    ("100 sentences of 12 tokens", sentences(100, 12), ModelConfig(), 10),
]
FULL = SMOKE + [
    (
        "512 sentences of 256 tokens, E=H=64",
        sentences(512, 256),
        ModelConfig(embedding_size=64, hidden_size=64),
        3,
    ),
    (
        "512 sentences of 256 tokens, E=H=1024 (limit)",
        sentences(512, 256),
        ModelConfig(embedding_size=1024, hidden_size=1024),
        1,
    ),
    (
        "512 × 256, E=H=1024, LSTM (limit)",
        sentences(512, 256),
        ModelConfig(embedding_size=1024, hidden_size=1024, cell="lstm"),
        1,
    ),
]


def run(cases) -> list[str]:
    lines = []
    for label, text, config, repeat in cases:
        lines.append(report(label, measure(lambda t=text, c=config: run_pipeline(t, c), repeat)))
        print(lines[-1], flush=True)
    return lines


def test_pipeline_speed_smoke(capsys):
    with capsys.disabled():
        print()
        lines = run(SMOKE)
    assert len(lines) == len(SMOKE)


if __name__ == "__main__":
    run(FULL if "--smoke" not in sys.argv else SMOKE)
