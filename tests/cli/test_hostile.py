"""Issue 8's reproductions as a hostile user runs them: one ``main.main(argv)`` run per row.

Every row ends with exit 0, or exit 2 and one ``error:`` line; never a traceback, a crash
(a negative code, 134, 139), a ``.as-*.part`` file or, after a failure, a new file.
"""

from __future__ import annotations

import json
import os
import shlex
import stat
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np
import pytest

from model.session import VERSION
from runs import (
    SCREENSHOT,
    assert_well_ended,
    command,
    png_size,
    run,
    snapshot,
    temporaries,
)


def vocabulary(path: Path) -> list[str]:
    """The tokens of an .npz, from the exact UTF-8 form when there is one."""
    with np.load(path) as data:
        if "vocabulary_utf8" in data:
            raw, offsets = data["vocabulary_utf8"].tobytes(), data["vocabulary_offsets"]
            return [
                raw[a:b].decode("utf-8") for a, b in zip(offsets[:-1], offsets[1:], strict=True)
            ]
        return [str(t) for t in data["vocabulary"]]


def session_file(folder: Path, name: str = "s.json", **changes) -> Path:
    """A valid session (two sentences) with ``changes`` applied as raw JSON text."""
    data = {
        "format": "attention-study-session",
        "version": 2,
        "sentences": ["o gato dorme", "eu gosto de batata"],
        "model": {"seed": 0},
        "view": {"sentence": 0, "head": -1, "figure_scale": 1},
    }
    text = json.dumps(data, indent=2)
    for placeholder, raw in changes.items():
        text = text.replace(placeholder, raw)
    path = folder / name
    path.write_text(text, encoding="utf-8")
    return path


# --- the rows ---------------------------------------------------------------------------


@dataclass
class Row:
    """``setup(folder)`` makes the files and returns the argv (or a dict with ``argv``,
    ``stdin``, ``env``); ``check(folder, proc)`` looks at the result beyond the contract."""

    setup: Callable[[Path], list | dict]
    expected: int
    check: Callable | None = None
    message: str = ""  # a phrase the error line must hold
    outputs: tuple[str, ...] = field(default_factory=tuple)  # may appear on success


def _crlf(ending: bytes):
    def setup(folder: Path) -> list:
        source = folder / "in.txt"
        source.write_bytes(ending.join([b"o gato dorme", b"eu gosto de batata", b""]))
        saved = run(command("--sentences", source, "--save-session", "s.json"), folder)
        assert_well_ended(saved, 0)
        return command("--session", "s.json", "--export-tensors", "y.npz")

    def check(folder: Path, proc) -> None:
        with np.load(folder / "y.npz") as data:
            assert data["token_ids"].shape == (2, 4)
        assert vocabulary(folder / "y.npz")[1:4] == ["o", "gato", "dorme"]

    return Row(setup, 0, check, outputs=("y.npz",))


def _session_with(message: str, **changes):
    def setup(folder: Path) -> list:
        return command("--session", session_file(folder, **changes), "--export-tensors", "o.npz")

    return Row(setup, 2, message=message)


def _long_word(length: int, output: str, size: tuple[int, int] | None):
    def setup(folder: Path) -> list:
        source = folder / "in.txt"
        source.write_text(f"o {'w' * length} dorme\neu gosto\n", encoding="utf-8")
        return command("--sentences", source, f"--{output}", "o.png")

    def check(folder: Path, proc) -> None:
        if size is not None:
            assert png_size(folder / "o.png") == size
        assert (folder / "o.png").stat().st_size < 20 * 2**20

    return Row(setup, 0, check, outputs=("o.png",))


VOCAB_SPECIALS = ["nul\0", "<pad>", "a\0\0", "\0", "z" * 1024]


def _vocabulary_setup(folder: Path) -> list:
    tokens = [f"w{i}" for i in range(4000)]
    lines = [" ".join(tokens[k : k + 20]) for k in range(0, 4000, 20)]
    lines[3] += " " + " ".join(VOCAB_SPECIALS)
    (folder / "in.txt").write_text("\n".join(lines) + "\n", encoding="utf-8")
    return command("--sentences", "in.txt", "--export-tensors", "v.npz")


def _vocabulary_check(folder: Path, proc) -> None:
    assert (folder / "v.npz").stat().st_size < 32 * 2**20  # not 8 GB of padding
    text = (folder / "in.txt").read_text(encoding="utf-8")
    expected = ["<pad>"]
    for token in text.split():
        if token not in expected[1:]:
            expected.append(token)
    assert vocabulary(folder / "v.npz") == expected
    assert expected.count("<pad>") == 2 and "nul\0" in expected and "\0" in expected


def _full_disk(first: str, failing: str):
    def setup(folder: Path) -> list:
        (folder / "x.json").write_text("old work\n")
        link = folder / ("full.npz" if failing == "--export-tensors" else "full.ipynb")
        link.symlink_to("/dev/full")
        return command(first, "x.json", failing, link)

    def check(folder: Path, proc) -> None:
        assert (folder / "x.json").read_text() == "old work\n"
        assert all(os.readlink(p) == "/dev/full" for p in folder.glob("full.*"))

    return Row(setup, 2, check, message="the disk is full")


def _symlink_setup(existing: bool):
    def setup(folder: Path) -> list:
        (folder / "real").mkdir()
        if existing:
            (folder / "real" / "t.npz").write_bytes(b"old")
        (folder / "link.npz").symlink_to("real/t.npz")
        return command("--export-tensors", "link.npz")

    return setup


def _symlink_check(folder: Path, proc) -> None:
    assert (folder / "link.npz").is_symlink()
    assert os.readlink(folder / "link.npz") == "real/t.npz"
    assert vocabulary(folder / "real" / "t.npz")[0] == "<pad>"


def _private_setup(folder: Path) -> list:
    (folder / "x.json").write_text("secret\n")
    (folder / "x.json").chmod(0o600)
    return command("--save-session", "x.json")


def _private_check(folder: Path, proc) -> None:
    assert stat.S_IMODE((folder / "x.json").stat().st_mode) == 0o600
    assert json.loads((folder / "x.json").read_text())["version"] == VERSION


def _long_name(length: int):
    name = "n" * (length - 4) + ".npz"

    def setup(folder: Path) -> list:
        return command("--export-tensors", name)

    def check(folder: Path, proc) -> None:
        assert (folder / name).stat().st_size > 0

    return Row(setup, 0, check, outputs=(name,))


def _same_target_setup(folder: Path) -> list:
    (folder / "alias.png").symlink_to("figure.png")
    return command("--export", "figure.png", "--screenshot", "alias.png")


def _folder_output(folder: Path) -> list:
    (folder / "taken.npz").mkdir()
    return command("--export-tensors", "taken.npz")


def _session_version(raw: str):
    return _session_with("version", **{'"version": 2': f'"version": {raw}'})


def _closed_stdin(folder: Path) -> dict:
    line = shlex.join(command("--sentences", "-", "--export-tensors", "o.npz"))
    return {"argv": ["sh", "-c", f"exec {line} 0<&-"]}


ROWS = {
    # Lost work: sessions from CR and CRLF text open again.
    "2 CRLF text saved as a session opens again": _crlf(b"\r\n"),
    "2 CR-only text saved as a session opens again": _crlf(b"\r"),
    # Crashes: huge numbers.
    "5 view.sentence 2147483648": _session_with(
        "view.sentence", **{'"sentence": 0': '"sentence": 2147483648'}
    ),
    "5 a 401-digit seed": _session_with("401 digits", **{'"seed": 0': '"seed": ' + "9" * 401}),
    "5 a 401-digit view.sentence": _session_with(
        "401 digits", **{'"sentence": 0': '"sentence": -' + "7" * 401}
    ),
    "5 a temperature of 1e400": _session_with(
        "temperature", **{'"seed": 0': '"temperature": 1e400'}
    ),
    "5 a model that is not a mapping": _session_with(
        "model settings", **{'"model": {\n    "seed": 0\n  }': '"model": 5'}
    ),
    "5 a 40-digit --seed": Row(
        lambda f: command("--seed", "9" * 40, "--export-tensors", "o.npz"), 2
    ),
    # Crashes: long words.
    "6 a 1,024-character word (the limit), screenshot 1600×1000": _long_word(
        1024, "screenshot", SCREENSHOT
    ),
    "6 a 1,024-character word (the limit), figure": _long_word(1024, "export", None),
    "6 a 1 MB word, screenshot": Row(
        _long_word(2**20, "screenshot", None).setup, 2, message="longer than the limit"
    ),
    # Quitting after invalid UTF-8 on the command line.
    "8 invalid UTF-8 in --sentence": Row(
        lambda f: command("--sentence", b"caf\xe9 \xff\xfe ok", "--export-tensors", "o.npz"),
        2,
        message="UTF-8",
    ),
    "8 invalid UTF-8 in --sentence, every output": Row(
        lambda f: command(
            "--sentence",
            b"\xff",
            "--save-session",
            "s.json",
            "--export",
            "f.svg",
            "--export-notebook",
            "n.ipynb",
        ),
        2,
    ),
    # Unbounded input.
    "9 --sentences /dev/zero": Row(
        lambda f: command("--sentences", "/dev/zero", "--export-tensors", "o.npz"),
        2,
        message="16 MiB",
    ),
    "9 --session /dev/zero": Row(
        lambda f: command("--session", "/dev/zero", "--export-tensors", "o.npz"),
        2,
        message="64 MiB",
    ),
    "9 --sentences - with 20 MB on stdin": Row(
        lambda f: {
            "argv": command("--sentences", "-", "--export-tensors", "o.npz"),
            "stdin": b"palavra " * (20 * 2**20 // 8),
        },
        2,
        message="16 MiB",
    ),
    # The .npz vocabulary.
    "10 one 1,024-character word among 4,000 tokens, NULs and <pad>": Row(
        _vocabulary_setup, 0, _vocabulary_check, outputs=("v.npz",)
    ),
    # All or nothing.
    "12 full disk keeps the earlier session (tensors fail)": _full_disk(
        "--save-session", "--export-tensors"
    ),
    "12 full disk keeps the earlier session (notebook fails)": _full_disk(
        "--save-session", "--export-notebook"
    ),
    "13 two outputs to one path": Row(
        lambda f: command("--export", "o.png", "--screenshot", "o.png"), 2, message="two outputs"
    ),
    "13 two outputs to one file through a symlink": Row(
        _same_target_setup, 2, message="two outputs"
    ),
    "13 a symlink output is written through (new target)": Row(
        _symlink_setup(False), 0, _symlink_check, outputs=("real/t.npz",)
    ),
    "13 a symlink output is written through (old target)": Row(
        _symlink_setup(True), 0, _symlink_check, outputs=("real/t.npz",)
    ),
    "13 a 0600 file stays 0600": Row(_private_setup, 0, _private_check, outputs=("x.json",)),
    "13 a 245-character name": _long_name(245),
    "13 a 248-character name": _long_name(248),
    "13 a 251-character name": _long_name(251),
    "13 a 255-character name": _long_name(255),
    "13 a 256-character name is too long": Row(
        lambda f: command("--export-tensors", "n" * 252 + ".npz"), 2, message="cannot write nnn"
    ),
    "13 a folder as output": Row(_folder_output, 2, message="folder"),
    "13 an output in a missing folder": Row(
        lambda f: command("--export-tensors", "no/such/o.npz"), 2, message="no folder"
    ),
    "13 an output in /proc": Row(
        lambda f: command("--export-tensors", "/proc/attention-study.npz"), 2, message="/proc"
    ),
    # Messages.
    "14 a path with a newline": Row(
        lambda f: command("--export-tensors", "a\nb/o.npz"), 2, message="a\\nb"
    ),
    "14 an input path with a newline": Row(
        lambda f: command("--sentences", "no\nsuch.txt", "--export-tensors", "o.npz"), 2
    ),
    "14 --seed ١٢": Row(
        lambda f: command("--seed", "١٢", "--export-tensors", "o.npz"), 2, message="--seed"
    ),
    "14 --seed 1_000": Row(
        lambda f: command("--seed", "1_000", "--export-tensors", "o.npz"), 2, message="--seed"
    ),
    '14 "version": true': _session_version("true"),
    '14 "version": 1.0': _session_version("1.0"),
    "14 closed stdin": Row(_closed_stdin, 2, message="standard input"),
    "14 --temperature -inf": Row(
        lambda f: command("--temperature", "-inf", "--export-tensors", "o.npz"),
        2,
        message="--temperature",
    ),
    "14 --temperature nan": Row(
        lambda f: command("--temperature", "nan", "--export-tensors", "o.npz"),
        2,
        message="--temperature",
    ),
}


@pytest.mark.parametrize("name", list(ROWS))
def test_hostile_input_ends_cleanly(tmp_path, name):
    row = ROWS[name]
    setup = row.setup(tmp_path)
    spec = setup if isinstance(setup, dict) else {"argv": setup}
    before = snapshot(tmp_path)
    proc = run(spec["argv"], tmp_path, spec.get("stdin"), spec.get("env"))
    line = assert_well_ended(proc, row.expected)
    assert row.message in line
    assert "expected one argument" not in line
    assert not temporaries(tmp_path)
    after = snapshot(tmp_path)
    if row.expected:  # nothing written, nothing replaced
        assert after == before
    else:
        changed = {k for k in after if after.get(k) != before.get(k)}
        assert changed <= set(row.outputs), changed
        assert set(before) <= set(after)
    if row.check is not None:
        row.check(tmp_path, proc)


# Refused before any work: the pipeline's module (and so torch) is never imported.
EARLY = [
    "13 two outputs to one path",
    "13 two outputs to one file through a symlink",
    "13 a 256-character name is too long",
    "13 a folder as output",
    "13 an output in a missing folder",
    "13 an output in /proc",
    "14 a path with a newline",
]


@pytest.mark.subprocess  # what a run imports shows only in a fresh interpreter
@pytest.mark.parametrize("name", EARLY)
def test_bad_outputs_are_refused_before_any_work(tmp_path, name):
    spec = ROWS[name].setup(tmp_path)
    proc = run(spec, tmp_path, env={"PYTHONPROFILEIMPORTTIME": "1"}, process=True)
    err = proc.stderr.decode(errors="replace")
    assert proc.returncode == 2, err[-2000:]
    imported = {line.rsplit("|", 1)[-1].strip() for line in err.splitlines() if "|" in line}
    assert "model.pipeline" not in imported and "torch" not in imported


@pytest.mark.subprocess  # as a user who cannot write there (root writes anywhere)
def test_an_output_in_an_unwritable_folder_is_refused_before_any_work(unprivileged):
    folder = unprivileged.folder
    (folder / "ro").mkdir()
    unprivileged.own(folder / "ro")
    (folder / "ro").chmod(0o500)
    before = snapshot(folder)
    proc = unprivileged.run("--export-tensors", "ro/o.npz", env={"PYTHONPROFILEIMPORTTIME": "1"})
    err = proc.stderr.decode(errors="replace")
    assert proc.returncode == 2, err[-2000:]
    lines = [line for line in err.splitlines() if "|" not in line]  # import times aside
    assert len(lines) == 1 and lines[0].startswith("error: cannot write"), lines
    imported = {line.rsplit("|", 1)[-1].strip() for line in err.splitlines() if "|" in line}
    assert "model.pipeline" not in imported and "torch" not in imported
    assert snapshot(folder) == before
