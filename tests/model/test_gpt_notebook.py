"""The exported notebook of a transformer: its cells, run top to bottom, give every stage the
app shows (each block stage stacked along its layer axis), untrained and trained."""

import json
import subprocess
import sys

import numpy as np
import pytest

from model.config import ModelConfig
from model.notebook import notebook_json
from model.pipeline import run_pipeline
from model.training.export import training_code
from model.training.loop import train
from model.training.settings import TrainSettings

TEXT = "o mikas ta ali\neu gosto de 'batata' \"frita\"\nexistem elefantes\nação é 日本"

# name: (config, training or None)
RUNS = {
    "untrained": (ModelConfig(cell="none", embedding_size=8, attention="transformer"), None),
    "untrained-gru-masks": (
        ModelConfig(seed=2, cell="gru", hidden_size=8, attention="transformer", layers=3,
                    heads=4, causal=True, mask_padding=True, temperature=1.5),
        None,
    ),
    "next": (
        ModelConfig(embedding_size=16, cell="none", attention="transformer", causal=True),
        TrainSettings("next", 60, rate_changes=((30, 0.003),)),
    ),
    "previous": (
        ModelConfig(embedding_size=8, cell="none", attention="transformer", layers=1, heads=2,
                    mask_padding=True),
        TrainSettings("previous", 40),
    ),
}  # fmt: skip

# Each notebook runs in a namespace of its own, in one interpreter that never imported the
# program; every stage's tensor is saved under its key.
RUN = """
import sys
import numpy as np
for code, out, keys in zip(sys.argv[1::3], sys.argv[2::3], sys.argv[3::3]):
    namespace = {"__name__": "__main__"}
    exec(compile(open(code, encoding="utf-8").read(), code, "exec"), namespace)
    found = {key: namespace[key] for key in keys.split(",")}
    np.savez(out, **{key: np.asarray(value.detach().numpy()) for key, value in found.items()})
"""


def result_of(config, settings):
    if settings is None:
        return run_pipeline(TEXT, config)
    return train(TEXT, config, settings)


@pytest.fixture(scope="module")
def runs(tmp_path_factory):
    """(the app's result, the notebook's tensors by key, the notebook) by run name."""
    folder = tmp_path_factory.mktemp("gpt-notebooks")
    argv, results = [], {}
    for name, (config, settings) in RUNS.items():
        result = result_of(config, settings)
        code = training_code(result, settings, "pt") if settings else ""
        notebook = json.loads(notebook_json(result, "pt", code))
        source = "\n".join(c["source"] for c in notebook["cells"] if c["cell_type"] == "code")
        (folder / f"{name}.py").write_text(source, encoding="utf-8")
        keys = ",".join(stage.key for stage in result.stages)
        argv += [str(folder / f"{name}.py"), str(folder / f"{name}.npz"), keys]
        results[name] = (result, notebook)
    subprocess.run([sys.executable, "-c", RUN, *argv], check=True, timeout=600, cwd=folder)
    return {
        name: (result, dict(np.load(folder / f"{name}.npz")), notebook)
        for name, (result, notebook) in results.items()
    }


@pytest.mark.parametrize("name", RUNS)
def test_every_stage_of_the_notebook_is_the_apps(runs, name):
    result, tensors, _ = runs[name]
    for stage in result.stages:
        np.testing.assert_allclose(
            tensors[stage.key], stage.values, rtol=0, atol=2e-5, err_msg=stage.key
        )
    layers = result.config.layers
    assert tensors["attention"].shape[1] == tensors["block_output"].shape[1] == layers


def test_one_cell_runs_the_blocks_and_each_stage_stacks_its_layers(runs):
    _, _, notebook = runs["untrained-gru-masks"]
    code = [c["source"] for c in notebook["cells"] if c["cell_type"] == "code"]
    loops = [cell for cell in code if "\nfor b in blocks:" in cell]
    assert len(loops) == 1 and loops[0].startswith("per_block = ")
    build = code[code.index(loops[0]) - 1]
    assert build.startswith("linear = torch.nn.Linear(8, 5, bias=False)")
    assert "for b in blocks" not in build and "z = rnn_output  # o fluxo residual" in build
    stacks = [cell for cell in code if "torch.stack(per_block[" in cell]
    assert len(stacks) == 10
    assert stacks[0].startswith("# normed de cada bloco, empilhados: (B, camadas, …)\n")
    assert 'attention = torch.stack(per_block["attention"], dim=1)\nattention' in stacks[5]
    markdown = [c["source"] for c in notebook["cells"] if c["cell_type"] == "markdown"]
    assert any(text.startswith("## Blocos do transformer") for text in markdown)
