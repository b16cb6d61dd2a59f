"""The exported notebook of the induction task and of the head detectors: its training draws
the app's batches and ends with the app's weights, and its last cell scores every head on
the seeded probe as the app does, switched-off heads off."""

import ast
import json
import subprocess
import sys
from dataclasses import replace

import numpy as np
import pytest

from model.analysis.detectors import DETECTORS
from model.config import ModelConfig
from model.notebook import notebook_json
from model.pipeline import run_pipeline
from model.session import load_session
from model.training import tasks
from model.training.export import training_code
from model.training.loop import train
from resources import example_session_path

PRESET = load_session(example_session_path("inducao"))
TEXT = "o gato preto subiu no muro e o gato preto pulou\num dois três um dois\nsó isso"

# name: (text, config, training or None, language)
RUNS = {
    # the class's induction preset, trained a little: a short run keeps the test fast
    "preset": (PRESET.text, PRESET.config, replace(PRESET.training, steps=200), "pt"),
    # trained with every head, read with head 1 of layer 0 off (layer 1 sees the difference)
    "preset-ablated": (
        PRESET.text,
        replace(PRESET.config, ablated=((0, 1),)),
        replace(PRESET.training, steps=20),
        "en",
    ),
    "multihead-ablated": (
        TEXT,
        ModelConfig(hidden_size=6, attention="multihead", heads=3, mask_padding=True,
                    ablated=((0, 1),)),
        None,
        "en",
    ),
    "transformer-ablated": (
        TEXT,
        ModelConfig(seed=2, embedding_size=8, cell="none", attention="transformer", layers=2,
                    heads=2, causal=True, mask_padding=True, ablated=((0, 0),)),
        None,
        "pt",
    ),
}  # fmt: skip

# Each notebook runs in a namespace of its own, in one interpreter that never imports the
# program: its trained attention and its detector scores, (maps, 4), are saved.
RUN = """
import sys
import numpy as np
for code, out in zip(sys.argv[1::2], sys.argv[2::2]):
    namespace = {"__name__": "__main__"}
    exec(compile(open(code, encoding="utf-8").read(), code, "exec"), namespace)
    scores = namespace["detector_scores"]
    detectors = np.stack([scores[name] for name in namespace["looks_for"]], axis=-1)
    np.savez(out, attention=namespace["attention"].detach().numpy(),
             scores=detectors.reshape(-1, detectors.shape[-1]))
project = {"model", "gui", "cli", "resources", "figures"}
assert not project & {name.split(".")[0] for name in sys.modules}, "the notebook imported us"
"""


@pytest.fixture(scope="module")
def runs(tmp_path_factory):
    """(the app's result, the notebook's arrays, the notebook, what it printed) by run name."""
    folder = tmp_path_factory.mktemp("induction-notebooks")
    argv, results = [], {}
    for name, (text, config, settings, language) in RUNS.items():
        result = train(text, config, settings) if settings else run_pipeline(text, config)
        code = training_code(result, settings, language) if settings else ""
        notebook = json.loads(notebook_json(result, language, code))
        source = "\n".join(c["source"] for c in notebook["cells"] if c["cell_type"] == "code")
        (folder / f"{name}.py").write_text(source, encoding="utf-8")
        argv += [str(folder / f"{name}.py"), str(folder / f"{name}.npz")]
        results[name] = (result, notebook)
    done = subprocess.run(
        [sys.executable, "-c", RUN, *argv],
        check=True,
        timeout=600,
        cwd=folder,
        capture_output=True,
        text=True,
    )
    return {
        name: (result, dict(np.load(folder / f"{name}.npz")), notebook, done.stdout)
        for name, (result, notebook) in results.items()
    }


@pytest.mark.parametrize("name", RUNS)
def test_the_notebooks_detector_scores_are_the_apps(runs, name):
    result, arrays, _, printed = runs[name]
    maps = result.layer_count * result.heads_per_layer
    assert arrays["scores"].shape == result.probe_scores.shape == (maps, len(DETECTORS))
    np.testing.assert_allclose(arrays["scores"], result.probe_scores, rtol=0, atol=1e-4)
    assert "layer  head" + "".join(f"{name:>11}" for name in DETECTORS) in printed


@pytest.mark.parametrize("name", RUNS)
def test_the_notebooks_attention_is_the_apps(runs, name):
    result, arrays, _, _ = runs[name]
    np.testing.assert_allclose(arrays["attention"], result.attention, rtol=0, atol=1e-4)


def test_the_ablated_notebook_trains_every_head_and_reads_with_one_off(runs):
    # The app trains every head and switches heads off only to read the trained weights.
    result, _, notebook, _ = runs["preset-ablated"]
    assert result.config.ablated == ((0, 1),) and result.training.steps == 20
    training = next(c["source"] for c in notebook["cells"] if "def forward(" in c["source"])
    loop = training.index("history = []")
    assert "keep" not in training[training.index("def forward(") : loop]
    assert "* keep[n]" in training[loop:]
    assert "* keep[n]" in notebook["cells"][-1]["source"]
    assert "Switched-off heads stay off" in notebook["cells"][-2]["source"]


def test_the_induction_cell_draws_the_apps_batches_and_keys(runs):
    _, _, notebook, _ = runs["preset"]
    cell = next(c["source"] for c in notebook["cells"] if "def induction_batch(" in c["source"])
    assert cell.startswith('# Tarefa "induction": ')
    assert sum("def induction_batch(" in c["source"] for c in notebook["cells"]) == 1
    functions = [
        node
        for node in ast.parse(cell).body
        if isinstance(node, ast.FunctionDef) and node.name in ("induction_batch", "expected_keys")
    ]
    namespace = {"np": np}
    exec(compile(ast.Module(functions, type_ignores=[]), "cell", "exec"), namespace)
    for seed, step, vocab_size, length in [(0, 0, 42, 12), (3, 17, 5, 4), (1, tasks.PROBE, 9, 13)]:
        ids, lengths = tasks.induction_batch(seed, step, vocab_size, length, 64)
        batch = namespace["induction_batch"](seed, step, vocab_size, length, 64)
        np.testing.assert_array_equal(batch, ids)
        keys = tasks.expected_keys(tasks.INDUCTION, ids, lengths, causal=True)
        np.testing.assert_array_equal(namespace["expected_keys"](batch, lengths), keys)
        assert (keys >= 0).any() and (keys < 0).any()  # a loss where a key exists, only there
