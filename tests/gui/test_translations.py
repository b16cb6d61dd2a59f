"""The Portuguese interface is complete and the compiled translation matches its source."""

import json
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from conftest import NOTEBOOK_SENTENCES, ROOT, wait_for_result
from gui.application import install_translation
from gui.controller import Controller
from gui.window.main_window import MainWindow
from model.config import ModelConfig
from model.pipeline import run_pipeline
from model.session import Session

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


@pytest.mark.subprocess
def test_every_interface_string_has_a_portuguese_translation(tmp_path):
    fresh = tmp_path / "fresh.ts"
    sources = sorted(str(p) for p in (ROOT / "gui").rglob("*.py"))
    subprocess.run(
        [qt_tool("lupdate"), *sources, "-ts", str(fresh)], check=True, capture_output=True
    )
    committed = messages(TS)
    for key in messages(fresh):
        assert key in committed, f"not in the .ts file: {key}"
        translation = committed[key]
        assert translation.get("type") is None and translation.text, f"untranslated: {key}"


@pytest.mark.subprocess
def test_the_compiled_translation_is_up_to_date(tmp_path):
    compiled = tmp_path / "pt.qm"
    subprocess.run(
        [qt_tool("lrelease"), str(TS), "-qm", str(compiled)], check=True, capture_output=True
    )
    assert compiled.read_bytes() == QM.read_bytes(), "run pyside6-lrelease on the .ts file"


def test_every_stage_has_an_explanation_in_both_languages():
    import itertools

    from model.explanations import stage_text, stage_title

    keys = set()
    modes = itertools.product(
        ("rnn", "none"), ("linear", "dot", "multihead"), (False, True), (False, True)
    )
    for cell, attention, mask, causal in modes:
        config = ModelConfig(cell=cell, attention=attention, mask_padding=mask, causal=causal)
        for stage in run_pipeline("a b\nc", config).stages:
            keys.add(stage.explanation)
            for language in ("en", "pt"):
                assert stage_title(stage, language).strip() and stage_text(stage, language).strip()
                assert "{" not in stage_title(stage, language) + stage_text(stage, language)
    for language in ("en", "pt"):
        with open(ROOT / "resources" / "explanations" / f"{language}.json", encoding="utf-8") as f:
            explanations = json.load(f)
        assert keys <= set(explanations), (language, keys - set(explanations))


def test_every_message_has_both_languages_and_the_same_placeholders():
    import string

    def catalog(language):
        path = ROOT / "resources" / "messages" / f"{language}.json"
        return json.loads(path.read_text(encoding="utf-8"))

    english, portuguese = catalog("en"), catalog("pt")
    assert set(english) == set(portuguese)
    for key, text in english.items():
        if isinstance(text, dict):
            assert set(text) == set(portuguese[key]), key
            continue
        fields = {f for _, f, _, _ in string.Formatter().parse(text) if f}
        assert fields == {f for _, f, _, _ in string.Formatter().parse(portuguese[key]) if f}, key


@pytest.fixture
def portuguese(qapp):
    install_translation(qapp, "pt")
    yield
    install_translation(qapp, "en")


def test_the_window_speaks_portuguese(qtbot, portuguese):
    controller = Controller(Session(NOTEBOOK_SENTENCES))
    window = MainWindow(controller)
    qtbot.addWidget(window)
    window.show()
    try:
        wait_for_result(qtbot, controller, controller.start)
        assert window.windowTitle() == "Attention Study — 3 sentenças"
        assert window.inspector.panel("inputs").dims.text() == (
            "3 sentenças × 5 posições × 10 componentes"
        )
        assert window.inspector.panel("inputs").explanation.text().startswith("Indexar")
        assert window.inspector.panel("embeddings").title.text() == "2. Tabela de embeddings"
        wait_for_result_or_error(qtbot, controller, lambda: window.editor.setPlainText("  "))
        assert window.heatmap.message.text().startswith("Nenhuma sentença")
        controller.update_config(hidden_size=0)
        assert "Tamanho oculto H deve estar entre 1 e 1.024" in window.error_label.text()
    finally:
        controller.shutdown()


def wait_for_result_or_error(qtbot, controller, action):
    action()
    qtbot.waitUntil(lambda: not controller.is_busy and controller.error is not None, timeout=60_000)


def test_every_word_of_the_heatmap_and_its_figure_is_translated(portuguese):
    from dataclasses import fields

    from figures.heatmap import Words
    from gui.texts import heatmap_words

    english, translated = Words(), heatmap_words()
    same = {
        f.name for f in fields(Words) if getattr(translated, f.name) == getattr(english, f.name)
    }
    # the same in both languages: Portuguese teaching keeps "query" and "key"
    assert same <= {"panel_title", "difference", "query_short", "key_title"}
