"""The Portuguese interface is complete and the compiled translation matches its source."""

import json
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from conftest import NOTEBOOK_SENTENCES, ROOT
from gui import texts
from gui.app import install_translation
from gui.controller import PipelineController
from gui.main_window import MainWindow
from model.config import ModelConfig
from model.pipeline import run_pipeline

TS = ROOT / "resources" / "translations" / "attention_study_pt.ts"
QM = TS.with_suffix(".qm")


def qt_tool(name: str) -> str:
    tool = shutil.which(f"pyside6-{name}") or str(Path(sys.executable).parent / f"pyside6-{name}")
    if not Path(tool).exists():
        pytest.skip(f"pyside6-{name} not found")
    return tool


def messages(ts_path):
    root = ET.parse(ts_path).getroot()
    return {
        (context.findtext("name"), message.findtext("source")): message.find("translation")
        for context in root.iter("context")
        for message in context.iter("message")
    }


def test_every_interface_string_has_a_portuguese_translation(tmp_path):
    fresh = tmp_path / "fresh.ts"
    sources = sorted(str(p) for p in (ROOT / "gui").glob("*.py"))
    subprocess.run(
        [qt_tool("lupdate"), *sources, "-ts", str(fresh)], check=True, capture_output=True
    )
    committed = messages(TS)
    for key in messages(fresh):
        assert key in committed, f"not in the .ts file: {key}"
        translation = committed[key]
        assert translation.get("type") is None and translation.text, f"untranslated: {key}"


def test_the_compiled_translation_is_up_to_date(tmp_path):
    compiled = tmp_path / "pt.qm"
    subprocess.run(
        [qt_tool("lrelease"), str(TS), "-qm", str(compiled)], check=True, capture_output=True
    )
    assert compiled.read_bytes() == QM.read_bytes(), "run pyside6-lrelease on the .ts file"


def test_every_stage_has_an_explanation_in_both_languages():
    keys = set()
    for config in (ModelConfig(), ModelConfig(attention="dot", mask_padding=True)):
        keys |= {stage.explanation for stage in run_pipeline("a b\nc", config).stages}
    for language in ("en", "pt"):
        with open(ROOT / "resources" / "explanations" / f"{language}.json", encoding="utf-8") as f:
            explanations = json.load(f)
        assert keys <= set(explanations), (language, keys - set(explanations))
        assert all(explanations[k].strip() for k in keys)


@pytest.fixture
def portuguese(qapp):
    install_translation(qapp, "pt")
    yield
    install_translation(qapp, "en")


def test_the_window_speaks_portuguese(qtbot, portuguese):
    controller = PipelineController(NOTEBOOK_SENTENCES)
    window = MainWindow(controller, "pt")
    qtbot.addWidget(window)
    window.show()
    with qtbot.waitSignal(controller.result_changed, timeout=60_000):
        controller.start()
    try:
        assert window.windowTitle() == "Attention Study — 3 sentenças"
        assert window.inspector.panel("inputs")._dims.text() == (
            "3 sentenças × 5 posições × 10 componentes"
        )
        assert texts.explanation("inputs", "pt").startswith("Indexar a tabela")
        assert window.inspector.panel("inputs")._explanation.text().startswith("Indexar")
    finally:
        controller.shutdown()
