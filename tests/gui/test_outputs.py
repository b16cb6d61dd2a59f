"""One output path: the File menu and the command line write a session's outputs through
``gui.outputs.write_output``, so the same session gives the same files from either."""

import io
import xml.etree.ElementTree as ET

import numpy as np

from conftest import run_cli
from model.compare import compare
from model.config import ModelConfig
from model.pipeline import run_pipeline
from model.session import Session, ViewSettings, save_session
from model.tokenizer import NOTEBOOK_TEXT

SVG = "{http://www.w3.org/2000/svg}"


def svg_texts(data: bytes) -> list[str]:
    return [t.text for t in ET.fromstring(data).iter(f"{SVG}text") if t.text]


def test_a_pinned_session_draws_the_same_figure_in_the_window_and_on_the_command_line(
    qapp, tmp_path
):
    from gui.outputs import write_output

    a = Session(NOTEBOOK_TEXT)
    b = Session(NOTEBOOK_TEXT, ModelConfig(mask_padding=True), ViewSettings(sentence=1), pinned=a)
    save_session(b, tmp_path / "b.json")
    run = run_cli("--session", tmp_path / "b.json", "--export", tmp_path / "cli.svg")
    assert run.returncode == 0, run.stderr.decode()

    result = run_pipeline(b.text, b.config)
    comparison = compare(run_pipeline(a.text, a.config), result)
    stream = io.BytesIO()
    write_output("export", stream, b, result, comparison, "en", svg=True)
    drawn = svg_texts(stream.getvalue())
    assert {"A (pinned)", "B (now)", "B − A"} <= set(drawn)
    assert drawn == svg_texts((tmp_path / "cli.svg").read_bytes())


def test_tensors_go_by_the_same_path_and_hold_every_stage(tmp_path):
    from gui.outputs import write_output

    session = Session(NOTEBOOK_TEXT)
    result = run_pipeline(session.text, session.config)
    stream = io.BytesIO()
    write_output("export_tensors", stream, session, result)
    stream.seek(0)
    archive = np.load(stream)
    assert {stage.key for stage in result.stages} <= set(archive.files)
