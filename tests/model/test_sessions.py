"""Sessions, CSV tables and exported notebooks, at the model level (no Qt)."""

import json
import subprocess
import sys

import numpy as np
import pytest

from conftest import NOTEBOOK_SENTENCES
from model.config import ModelConfig
from model.errors import InputError
from model.notebook import notebook_json, save_notebook
from model.pipeline import run_pipeline
from model.session import VERSION, Session, ViewSettings, load_session, save_session
from model.training.settings import TrainSettings


def test_a_saved_session_opens_to_identical_tensors(tmp_path):
    session = Session(
        "Olá, mundo!\n\n  ação  rápida\n日本語",
        ModelConfig(
            seed=9,
            embedding_size=7,
            hidden_size=3,
            cell="lstm",
            attention="dot",
            mask_padding=True,
            temperature=0.5,
        ),
        ViewSettings(sentence=-1, figure_scale=4),
    )
    path = tmp_path / "aula.json"
    save_session(session, path)
    loaded = load_session(path)
    assert loaded == session
    before, after = (
        run_pipeline(session.text, session.config),
        run_pipeline(loaded.text, loaded.config),
    )
    for a, b in zip(before.stages, after.stages, strict=True):
        np.testing.assert_array_equal(a.values, b.values)


def valid() -> dict:
    return json.loads(Session(NOTEBOOK_SENTENCES).to_json())


def changed(**entries) -> str:
    data = valid()
    for key, value in entries.items():
        if "." in key:
            outer, inner = key.split(".")
            data[outer][inner] = value
        else:
            data[key] = value
    return json.dumps(data)


BAD = {
    "not JSON": ("sentences: o mikas", "broken JSON"),
    "truncated": (Session(NOTEBOOK_SENTENCES).to_json()[:80], "broken JSON"),
    "empty file": ("", "broken JSON"),
    "a list": ("[1, 2, 3]", "not a session file"),
    "another format": (json.dumps({"format": "something-else", "version": 1}), "format"),
    "unknown version": (changed(version=99), "version 99"),
    "sentences not a list": (changed(sentences="o mikas"), "list of strings"),
    "sentence not a string": (changed(sentences=["o", 5]), "list of strings"),
    "seed a string": (changed(**{"model.seed": "5"}), "seed"),
    "absurd embedding size": (changed(**{"model.embedding_size": 10**9}), "embedding size"),
    "negative hidden size": (changed(**{"model.hidden_size": -4}), "hidden size"),
    "NaN temperature": (changed(**{"model.temperature": 1.0}).replace("1.0", "NaN"), "NaN"),
    "unknown cell": (changed(**{"model.cell": "transformer"}), "cell"),
    "unknown setting": (changed(**{"model.colour": "red"}), "colour"),
    "unknown entry": (changed(extra=1), "extra"),
    "bad figure scale": (changed(**{"view.figure_scale": 3}), "figure_scale"),
    "bad sentence index": (changed(**{"view.sentence": -7}), "view.sentence"),
}


@pytest.mark.parametrize("case", BAD)
def test_a_bad_session_file_is_refused_with_a_clear_message(tmp_path, case):
    content, message = BAD[case]
    path = tmp_path / "bad.json"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(ValueError, match=message):
        load_session(path)


def test_unreadable_session_files_are_refused(tmp_path):
    binary = tmp_path / "binary.json"
    binary.write_bytes(b"\xff\xfe\x00garbage")
    with pytest.raises(ValueError, match="not UTF-8"):
        load_session(binary)
    with pytest.raises(ValueError, match="no such file"):
        load_session(tmp_path / "missing.json")
    with pytest.raises(ValueError, match="folder"):
        load_session(tmp_path)


def test_a_stage_exports_as_a_labelled_csv_table():
    result = run_pipeline("o mikas ta\nexistem", ModelConfig(attention="dot"))
    csv = result.stage_table("attention", 1).to_csv().splitlines()
    assert csv[0] == ",0 existem,1 <pad>,2 <pad>"
    label, *values = csv[1].split(",")
    assert label == "0 existem"
    np.testing.assert_array_equal([float(v) for v in values], result.attention[1, 0])
    ids = result.stage_table("token_ids").to_csv().splitlines()
    assert ids == [",0,1,2", "sentence 0,1,2,3", "sentence 1,4,0,0"]  # positions, no words


def test_a_column_of_the_linear_layer_is_a_numbered_slot_not_a_word():
    """In the notebook's Linear mode score j is output j of the layer: its table columns
    are numbered slots, while its rows (queries) keep their words."""
    result = run_pipeline("o mikas ta\nexistem")
    for key in ("scores", "attention"):
        header, first = result.stage_table(key, 0).to_csv().splitlines()[:2]
        assert header == ",0,1,2"
        assert first.startswith("0 o,")


CONFIGS = [
    ModelConfig(),
    ModelConfig(seed=3, cell="gru", attention="dot", mask_padding=True, temperature=0.7),
    ModelConfig(seed=12, embedding_size=5, hidden_size=6, cell="lstm", mask_padding=True),
    ModelConfig(nonlinearity="relu", temperature=2.5),
    ModelConfig(seed=4, attention="multihead", heads=2, causal=True, mask_padding=True),
    ModelConfig(seed=5, cell="none", embedding_size=8, attention="multihead", heads=4),
    ModelConfig(cell="none", attention="linear", causal=True, temperature=0.5),
    ModelConfig(seed=6, cell="none", embedding_size=8, attention="transformer", causal=True),
    ModelConfig(
        cell="lstm",
        hidden_size=8,
        attention="transformer",
        layers=3,
        heads=4,
        mask_padding=True,
        temperature=0.8,
    ),
]
CONFIG_NAMES = [
    "notebook",
    "gru-dot-mask",
    "lstm",
    "relu",
    "multihead",
    "none-4-heads",
    "none-linear",
    "transformer",
    "lstm-transformer-mask",
]


NOTEBOOK_TEXT = "o mikas ta ali\neu gosto de 'batata' \"frita\"\nexistem elefantes\nação é 日本"

# Each notebook's code runs in a namespace of its own, in one fresh interpreter that has
# never imported the program: what a reader's kernel does, with torch imported once.
RUN_NOTEBOOKS = """
import sys
for code, out in zip(sys.argv[1::2], sys.argv[2::2]):
    namespace = {"__name__": "__main__"}
    exec(compile(open(code, encoding="utf-8").read(), code, "exec"), namespace)
    namespace["np"].save(out, namespace["attention"].detach().numpy())
"""


@pytest.fixture(scope="module")
def notebooks_run(tmp_path_factory):
    """The attention each exported notebook computes, by configuration name."""
    folder = tmp_path_factory.mktemp("notebooks")
    argv = []
    for name, config in zip(CONFIG_NAMES, CONFIGS, strict=True):
        path = folder / f"{name}.ipynb"
        save_notebook(run_pipeline(NOTEBOOK_TEXT, config), path, "pt")
        notebook = json.loads(path.read_text(encoding="utf-8"))
        assert notebook["nbformat"] == 4
        code = "\n".join(c["source"] for c in notebook["cells"] if c["cell_type"] == "code")
        (folder / f"{name}.py").write_text(code, encoding="utf-8")
        argv += [str(folder / f"{name}.py"), str(folder / f"{name}.npy")]
    subprocess.run(
        [sys.executable, "-c", RUN_NOTEBOOKS, *argv], check=True, timeout=300, cwd=folder
    )
    return {name: np.load(folder / f"{name}.npy") for name in CONFIG_NAMES}


@pytest.mark.parametrize("config", CONFIGS, ids=CONFIG_NAMES)
def test_the_exported_notebook_reproduces_the_attention(notebooks_run, config):
    name = CONFIG_NAMES[CONFIGS.index(config)]
    result = run_pipeline(NOTEBOOK_TEXT, config)
    np.testing.assert_allclose(notebooks_run[name], result.attention, rtol=0, atol=1e-6)


def test_a_version_1_session_opens_with_the_new_settings_at_their_defaults(tmp_path):
    path = tmp_path / "old.json"
    path.write_text(
        json.dumps(
            {
                "format": "attention-study-session",
                "version": 1,
                "sentences": ["o mikas ta ali", "existem elefantes"],
                "model": {"seed": 3, "cell": "gru", "attention": "dot", "mask_padding": True},
                "view": {"sentence": -1, "figure_scale": 4},
            }
        ),
        encoding="utf-8",
    )
    session = load_session(path)
    assert session.config == ModelConfig(seed=3, cell="gru", attention="dot", mask_padding=True)
    assert session.view == ViewSettings(sentence=-1, head=-1, figure_scale=4)
    assert session.training is None
    assert json.loads(session.to_json())["version"] == VERSION


def test_the_notebook_follows_the_seed_notebook_in_portuguese():
    result = run_pipeline(NOTEBOOK_SENTENCES)
    cells = json.loads(notebook_json(result, "pt"))["cells"]
    headings = [c["source"] for c in cells if c["cell_type"] == "markdown"]
    assert any("Gerando Inputs" in h for h in headings)
    assert any("Passando inputs pela camada de RNN" in h for h in headings)
    assert len({c["id"] for c in cells}) == len(cells)


def test_a_pinned_session_is_saved_with_what_its_result_comes_from():
    a = Session("o gato", ModelConfig(seed=3), ViewSettings(sentence=-1), TrainSettings(steps=7))
    session = Session("o cão", pinned=a)
    data = json.loads(session.to_json())
    assert set(data["pinned"]) == {"sentences", "model", "training"}  # no view, no A of A
    again = Session.from_json(session.to_json())
    assert again == session and again.pinned.training.steps == 7
    assert again.pinned.view == ViewSettings()


@pytest.mark.parametrize(
    ("pinned", "code"),
    [
        ("[]", "not_a_mapping"),
        ('{"sentences": ["a"], "view": {}}', "unknown_entry"),
        ('{"sentences": "a"}', "sentences_not_strings"),
        ('{"sentences": ["a"], "model": {"seed": -1}}', "out_of_range"),
    ],
)
def test_a_broken_pinned_session_is_refused_with_its_reason(pinned, code):
    source = '{"format": "attention-study-session", "version": 3, "sentences": ["a"], '
    with pytest.raises(InputError) as refused:
        Session.from_json(source + f'"pinned": {pinned}}}')
    assert refused.value.code == code


def test_a_session_from_a_newer_version_says_so(tmp_path):
    data = json.loads(Session("a b").to_json())
    data["model"]["attention"] = "mamba"
    path = tmp_path / "newer.json"
    path.write_text(json.dumps(data), encoding="utf-8")
    with pytest.raises(InputError) as raised:
        load_session(path)
    assert raised.value.code == "session_from_newer"
    assert "mamba" in str(raised.value) and "newer version" in str(raised.value)
