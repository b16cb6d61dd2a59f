"""Portuguese all the way: code comments, task names and the decimal comma.

Prose, cells and readouts use the language's decimal mark; code, CSV and notebooks keep the
point.  The PyTorch lines keep their code but say their comments in the interface language.
"""

from __future__ import annotations

import json
import re
from dataclasses import replace
from types import SimpleNamespace

import pytest

from conftest import NOTEBOOK_SENTENCES
from gui.application import install_translation
from gui.panes.pipeline.table_model import format_value
from model.explain import explain, explanation_lines
from model.notebook import notebook_json
from model.pipeline import run_pipeline
from model.training.settings import TrainSettings


@pytest.fixture
def portuguese(qapp):
    install_translation(qapp, "pt")
    yield
    install_translation(qapp, "en")


def test_a_stage_line_and_the_notebook_say_their_comments_in_portuguese(qtbot, portuguese):
    from gui.panes.pipeline.view import PipelineView

    result = run_pipeline(NOTEBOOK_SENTENCES)
    view = PipelineView()
    qtbot.addWidget(view)
    view.show_result(result, 0, 0)
    code = view.panel("token_ids").code.text()
    assert "# ids por ordem de aparição; 0 = <pad>" in code and "by first" not in code
    cells = json.loads(notebook_json(result, "pt"))["cells"]
    source = "".join("".join(cell["source"]) for cell in cells if cell["cell_type"] == "code")
    assert "# ids por ordem de aparição" in source and "# ids by first" not in source
    assert "torch.LongTensor(ids)" in source  # the code itself is the same


def test_the_explanation_names_the_task_in_portuguese():
    result = run_pipeline(NOTEBOOK_SENTENCES)
    # Only the task of the training record is read by the walk-through's title lines.
    trained = replace(result, training=SimpleNamespace(task=TrainSettings().task, steps=10))
    lines = explanation_lines(explain(trained, 0, 1, 0), "pt")
    assert any("(tarefa: anterior)" in line for line in lines)
    assert not any("previous" in line for line in lines)


def test_cells_and_the_readout_use_a_decimal_comma_in_portuguese(qtbot, portuguese, qapp):
    assert format_value(0.6931) == "0,6931"
    from gui.panes.attention.readout import cell_text

    result = run_pipeline(NOTEBOOK_SENTENCES)
    text = cell_text(result, 0, 0, 1, 2)
    assert f"{result.attention[0, 1, 2]:.6f}".replace(".", ",") in text
    assert not re.search(r"\d\.\d", text)  # no decimal point anywhere in the prose


def test_cells_keep_the_point_in_english():
    assert format_value(0.6931) == "0.6931"
