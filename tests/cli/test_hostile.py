"""Issue 8's reproductions, run as a hostile user runs them: one subprocess per row.

Every row must end with exit 0, or exit 2 and exactly one ``error:`` line; never a
traceback, a crash (a negative return code, 134, 139), a temporary file (``.as-*.part``)
or, after a failure, any file that was not there before.  Then the signals: SIGINT and
SIGTERM end a run with 130 or 143 and leave nothing, wherever they land.
"""

from __future__ import annotations

import hashlib
import json
import os
import shlex
import signal
import stat
import struct
import subprocess
import sys
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np
import pytest

from conftest import ROOT

MAIN = ROOT / "main.py"
CRASHES = (134, 139)
SCREENSHOT = (1600, 1000)
PROMPT_S = 60  # only tells "answered the signal" from "finished the whole job first"


def command(*args) -> list:
    """``python main.py`` with ``args``; bytes stay bytes (argv that is not UTF-8)."""
    return [sys.executable, str(MAIN), *(a if isinstance(a, bytes) else str(a) for a in args)]


def run(argv: list, cwd: Path, stdin: bytes | None = None, env: dict | None = None):
    return subprocess.run(
        argv,
        input=stdin,
        capture_output=True,
        cwd=cwd,
        env=dict(os.environ, **(env or {})),
        timeout=300,
    )


def snapshot(folder: Path) -> dict[str, str]:
    """Every entry under ``folder`` (hidden ones too): a symlink by its target, a file by
    its content's hash."""
    found = {}
    for path in sorted(folder.rglob("*")):
        name = os.fspath(path.relative_to(folder))
        if path.is_symlink():
            found[name] = "-> " + os.readlink(path)
        elif path.is_file():
            found[name] = hashlib.sha256(path.read_bytes()).hexdigest()
        else:
            found[name] = "folder"
    return found


def temporaries(folder: Path) -> list[str]:
    return [p.name for p in folder.rglob(".as-*.part")]


def assert_well_ended(proc, expected: int) -> str:
    """The common contract; returns the error line ('' on success)."""
    err = proc.stderr.decode(errors="replace")
    assert proc.returncode >= 0 and proc.returncode not in CRASHES, f"crash {proc.returncode}"
    assert "Traceback" not in err, err
    assert proc.returncode == expected, err
    if expected == 0:
        return ""
    lines = err.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("error: "), lines
    return lines[0]


def png_size(path: Path) -> tuple[int, int]:
    data = path.read_bytes()[:24]
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    return struct.unpack(">II", data[16:24])


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


VOCAB_SPECIALS = ["nul\0", "<pad>", "a\0\0", "\0", "z" * 500_000]


def _vocabulary_setup(folder: Path) -> list:
    tokens = [f"w{i}" for i in range(4000)]
    lines = [" ".join(tokens[k : k + 20]) for k in range(0, 4000, 20)]
    lines[3] += " " + " ".join(VOCAB_SPECIALS)
    (folder / "in.txt").write_text("\n".join(lines) + "\n", encoding="utf-8")
    return command("--sentences", "in.txt", "--export-tensors", "v.npz")


def _vocabulary_check(folder: Path, proc) -> None:
    assert (folder / "v.npz").stat().st_size < 16 * 2**20  # not 8 GB of padding
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
    assert json.loads((folder / "x.json").read_text())["version"] == 2


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


def _read_only_folder(folder: Path) -> list:
    if os.geteuid() == 0:
        pytest.skip("root writes anywhere; /proc stands in for an unwritable folder")
    (folder / "ro").mkdir()
    (folder / "ro").chmod(0o500)
    return command("--export-tensors", "ro/o.npz")


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
    "6 a 20,000-character word, screenshot 1600×1000": _long_word(20_000, "screenshot", SCREENSHOT),
    "6 a 1 MB word, screenshot 1600×1000": _long_word(2**20, "screenshot", SCREENSHOT),
    "6 a 1 MB word, figure": _long_word(2**20, "export", None),
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
    "10 one 500,000-character word among 4,000 tokens, NULs and <pad>": Row(
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
    "13 an output in an unwritable folder": Row(_read_only_folder, 2, message="cannot write"),
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
    "13 an output in an unwritable folder",
    "13 an output in /proc",
    "14 a path with a newline",
]


@pytest.mark.parametrize("name", EARLY)
def test_bad_outputs_are_refused_before_any_work(tmp_path, name):
    spec = ROWS[name].setup(tmp_path)
    proc = run(spec, tmp_path, env={"PYTHONPROFILEIMPORTTIME": "1"})
    err = proc.stderr.decode(errors="replace")
    assert proc.returncode == 2, err[-2000:]
    imported = {line.rsplit("|", 1)[-1].strip() for line in err.splitlines() if "|" in line}
    assert "model.pipeline" not in imported and "torch" not in imported


# --- signals --------------------------------------------------------------------------


def _big_text(folder: Path, sentences: int = 256, tokens: int = 256) -> Path:
    source = folder / "big.txt"
    lines = (" ".join(f"t{(i * 7 + j) % 3000}" for j in range(tokens)) for i in range(sentences))
    source.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return source


class Watched:
    """A run whose stderr is read as it comes (import times, when asked for)."""

    def __init__(self, argv: list, cwd: Path, env: dict | None = None) -> None:
        self.process = subprocess.Popen(
            argv, cwd=cwd, stderr=subprocess.PIPE, env=dict(os.environ, **(env or {}))
        )
        self.lines: list[str] = []
        self._reader = threading.Thread(target=self._read, daemon=True)
        self._reader.start()

    def _read(self) -> None:
        for raw in self.process.stderr:
            self.lines.append(raw.decode(errors="replace"))

    def imported(self, module: str) -> bool:
        return any(line.rsplit("|", 1)[-1].strip() == module for line in list(self.lines))

    def wait_until(self, condition: Callable[[], bool], timeout: float = 240) -> None:
        end = time.monotonic() + timeout
        while not condition():
            assert self.process.poll() is None, "".join(self.lines)[-2000:]
            assert time.monotonic() < end, "the moment to send the signal never came"
            time.sleep(0.002)

    def stop(self, number: int) -> tuple[int, float, str]:
        """Send ``number``; return the exit code, the seconds it took, and stderr."""
        sent = time.monotonic()
        self.process.send_signal(number)
        try:
            code = self.process.wait(timeout=120)
        finally:
            self.process.kill()
        self._reader.join(10)
        return code, time.monotonic() - sent, "".join(self.lines)


EXIT_FOR = {signal.SIGINT: 130, signal.SIGTERM: 143}
IMPORTS = {"PYTHONPROFILEIMPORTTIME": "1"}


def assert_interrupted(folder: Path, number: int, code: int, seconds: float, err: str, inputs):
    print(f"{signal.Signals(number).name}: exit {code} after {seconds:.2f} s")
    assert code == EXIT_FOR[number], err[-2000:]
    assert "Traceback" not in err and "QPaintDevice" not in err, err[-2000:]
    assert seconds < PROMPT_S
    assert sorted(p.name for p in folder.iterdir()) == sorted(inputs)  # no output, no .part


@pytest.mark.parametrize("number", [signal.SIGINT, signal.SIGTERM], ids=["SIGINT", "SIGTERM"])
def test_a_signal_while_the_tensors_are_written_leaves_nothing(tmp_path, number):
    source = _big_text(tmp_path)
    run_ = Watched(
        command(
            "--sentences",
            source,
            "--embedding-size",
            64,
            "--hidden-size",
            64,
            "--export-tensors",
            "out.npz",
        ),
        tmp_path,
    )

    def writing() -> bool:  # the output's temporary file, not the writability probe
        return any(p.stat().st_size > 0 for p in tmp_path.glob(".as-*.part") if p.exists())

    try:
        run_.wait_until(lambda: _exists_safely(writing))
    except BaseException:
        run_.process.kill()
        raise
    assert_interrupted(tmp_path, number, *run_.stop(number), ["big.txt"])


def _exists_safely(condition: Callable[[], bool]) -> bool:
    try:
        return condition()
    except FileNotFoundError:  # renamed or removed between listing and looking
        return False


@pytest.mark.parametrize("number", [signal.SIGINT, signal.SIGTERM], ids=["SIGINT", "SIGTERM"])
def test_a_signal_while_computing_leaves_nothing(tmp_path, number):
    source = _big_text(tmp_path)
    run_ = Watched(
        command(
            "--sentences",
            source,
            "--cell",
            "lstm",
            "--embedding-size",
            512,
            "--hidden-size",
            512,
            "--export-tensors",
            "out.npz",
        ),
        tmp_path,
        IMPORTS,
    )
    run_.wait_until(lambda: run_.imported("model.pipeline"))  # the pipeline starts now
    assert not [p for p in tmp_path.glob(".as-*.part") if p.exists() and p.stat().st_size]
    assert_interrupted(tmp_path, number, *run_.stop(number), ["big.txt"])


QT_MOMENTS = {
    # The moment Qt starts (its modules import), and the figure's own module: painting next.
    "export, Qt starting": (["--export", "figure.png", "--sentence-index", "all"], "PySide6.QtGui"),
    "export, painting": (
        ["--export", "figure.png", "--sentence-index", "all"],
        "gui.heatmap.figure",
    ),
    "svg, painting": (["--export", "figure.svg", "--sentence-index", "all"], "gui.heatmap.figure"),
    "screenshot, Qt starting": (["--screenshot", "window.png"], "PySide6.QtGui"),
    "screenshot, window": (["--screenshot", "window.png"], "gui.app"),
}


@pytest.mark.parametrize("moment", list(QT_MOMENTS))
def test_ctrl_c_while_qt_works_exits_130_and_leaves_nothing(tmp_path, moment):
    args, module = QT_MOMENTS[moment]
    source = _big_text(tmp_path, 256, 64)
    run_ = Watched(
        command("--sentences", source, *args, "--save-session", "s.json"), tmp_path, IMPORTS
    )
    run_.wait_until(lambda: run_.imported(module))
    code, seconds, err = run_.stop(signal.SIGINT)
    assert_interrupted(tmp_path, signal.SIGINT, code, seconds, err, ["big.txt"])


@pytest.mark.parametrize("delay", [0.2, 0.6, 1.0, 1.5])
@pytest.mark.parametrize("number", [signal.SIGINT, signal.SIGTERM], ids=["SIGINT", "SIGTERM"])
def test_a_signal_at_any_moment_of_a_screenshot_never_crashes(tmp_path, number, delay):
    """Sent some time after Qt has started: before the outputs are complete it interrupts
    (130/143, nothing written); after, it is too late to matter (0, every output whole)."""
    source = _big_text(tmp_path, 256, 64)
    run_ = Watched(
        command("--sentences", source, "--screenshot", "w.png", "--export", "f.png"),
        tmp_path,
        IMPORTS,
    )
    run_.wait_until(lambda: run_.imported("gui.app"))
    time.sleep(delay)
    code, seconds, err = run_.stop(number)
    if code == 0:
        assert png_size(tmp_path / "w.png") == SCREENSHOT
        assert png_size(tmp_path / "f.png")[0] > 0
        assert not temporaries(tmp_path)
        assert "Traceback" not in err
    else:
        assert_interrupted(tmp_path, number, code, seconds, err, ["big.txt"])


# --- in process -----------------------------------------------------------------------


@pytest.mark.parametrize("form", ["png", "svg"])
def test_ctrl_c_in_the_middle_of_painting_a_figure_ends_the_painter(qapp, monkeypatch, form):
    """The painter ends on the way out: no "QPaintDevice: Cannot destroy paint device that
    is being painted" (a Qt warning fails the test), and the next figure paints normally."""
    import gc

    from gui.heatmap import painting
    from gui.heatmap.figure import figure_for
    from model.pipeline import run_pipeline

    result = run_pipeline("o gato dorme\neu gosto de batata frita")
    figure = figure_for(result, -1)
    original = painting.MatrixPainter.paint
    painted = []

    def interrupted(self, *args, **kwargs):
        original(self, *args, **kwargs)  # the first panel is drawn, then Ctrl+C
        painted.append(1)
        raise KeyboardInterrupt

    monkeypatch.setattr(painting.MatrixPainter, "paint", interrupted)
    with pytest.raises(KeyboardInterrupt):
        figure.svg_bytes() if form == "svg" else figure.png_bytes(2)
    assert painted == [1]
    gc.collect()  # the image or SVG device goes now, painter ended
    monkeypatch.setattr(painting.MatrixPainter, "paint", original)
    data = figure.svg_bytes() if form == "svg" else figure.png_bytes(1)
    assert data.startswith(b"\x89PNG" if form == "png" else b"<?xml")


@pytest.mark.parametrize("number", [signal.SIGINT, signal.SIGTERM], ids=["SIGINT", "SIGTERM"])
def test_a_signal_closes_the_window_as_ctrl_q_does(tmp_path, number):
    """Raised inside a slot, the signal's exception was printed and the window stayed."""
    from resources import offscreen_platform

    run_ = Watched(
        command("--sentence", b"caf\xe9 \xff ok"),  # and input that is not UTF-8 (finding 8)
        tmp_path,
        dict(IMPORTS, QT_QPA_PLATFORM=offscreen_platform()),
    )
    run_.wait_until(lambda: run_.imported("model.pipeline"))  # the window is up, torch loaded
    code, seconds, err = run_.stop(number)
    assert_interrupted(tmp_path, number, code, seconds, err, [])
