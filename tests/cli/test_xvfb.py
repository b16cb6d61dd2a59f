"""The real program on a real X server, driven by keystrokes as a user would drive it.

The offscreen platform hides focus and input bugs; this test does not.  It needs Xvfb and
xdotool (``.ci/run`` installs both); CI sets ATTENTION_STUDY_REQUIRE_XVFB=1 so that it can
never be skipped there.
"""

import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from conftest import ROOT
from runs import with_default_signals

# The real program and a real X server: processes, and the slowest way to test a window.
pytestmark = [pytest.mark.slow, pytest.mark.subprocess]

NEEDED = ("Xvfb", "xdotool")


def _missing_tools():
    missing = [tool for tool in NEEDED if shutil.which(tool) is None]
    if missing and os.environ.get("ATTENTION_STUDY_REQUIRE_XVFB") == "1":
        pytest.fail(f"{', '.join(missing)} not installed, and CI requires this test")
    return missing


@pytest.fixture
def display(tmp_path):
    missing = _missing_tools()
    if missing:
        pytest.skip(f"needs {', '.join(missing)}")
    read_end, write_end = os.pipe()
    screen = ("-screen", "0", "1600x1000x24", "-nolisten", "tcp")
    xvfb = ["Xvfb", "-displayfd", str(write_end), *screen]
    server = subprocess.Popen(  # stopped by SIGTERM, whatever this run's dispositions are
        with_default_signals(xvfb),
        pass_fds=(write_end,),
        stderr=subprocess.DEVNULL,
    )
    os.close(write_end)
    with os.fdopen(read_end) as stream:
        number = stream.readline().strip()
    assert number, "Xvfb did not report a display"
    yield f":{number}"
    server.terminate()
    server.wait(timeout=10)


def xdotool(display, *args, check=True):
    proc = subprocess.run(
        ["xdotool", *args],
        env=dict(os.environ, DISPLAY=display),
        capture_output=True,
        text=True,
        timeout=30,
        check=False,
    )
    if check and proc.returncode != 0:
        raise AssertionError(f"xdotool {' '.join(args)}: {proc.stderr.strip()}")
    return proc.stdout.strip()


def wait_for(condition, timeout=90.0, what="condition"):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        value = condition()
        if value:
            return value
        time.sleep(0.2)
    raise AssertionError(f"timed out waiting for {what}")


class Program:
    """``python main.py`` on the test's X server, found by its window title."""

    def __init__(self, display: str, *args: str) -> None:
        self.display = display
        env = dict(os.environ, DISPLAY=display, QT_QPA_PLATFORM="xcb", LANG="C.UTF-8")
        self.process = subprocess.Popen(
            with_default_signals([sys.executable, str(ROOT / "main.py"), "--lang", "en", *args]),
            env=env,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
        )
        self.window = wait_for(
            lambda: xdotool(
                display, "search", "--onlyvisible", "--name", "Attention Study", check=False
            ).split("\n")[0],
            what="the window",
        )

    def title(self) -> str:
        return xdotool(self.display, "getwindowname", self.window, check=False)

    def wait_title(self, text: str) -> None:
        wait_for(lambda: text in self.title(), what=f"“{text}” in the title")

    def type_line(self, text: str) -> None:
        """A new last line, typed with real key events (XTEST) into the focused editor."""
        xdotool(self.display, "windowfocus", "--sync", self.window)
        xdotool(self.display, "key", "ctrl+End", "Return")
        xdotool(self.display, "type", "--delay", "20", text)

    def quit(self) -> int:
        xdotool(self.display, "windowfocus", "--sync", self.window)
        xdotool(self.display, "key", "ctrl+q", check=False)  # the window is gone before key-up
        return self.process.wait(timeout=30)

    def stop(self) -> bytes:
        if self.process.poll() is None:
            self.process.kill()
        _, err = self.process.communicate(timeout=10)
        return err


def test_program_reacts_to_keystrokes_and_quits_with_ctrl_q(display):
    program = Program(display)
    try:
        program.wait_title("3 sentences")  # the editor has focus at launch: type at once
        program.type_line("uma frase nova")
        program.wait_title("4 sentences")
        assert program.process.poll() is None, "the program stopped while typing"
        assert program.quit() == 0
    finally:
        err = program.stop()
    assert b"Traceback" not in err, err.decode(errors="replace")


def autosaved(text: str) -> bool:
    folder = Path(os.environ["XDG_DATA_HOME"]) / "attention-study" / "autosave"
    return any(text in path.read_text("utf-8") for path in folder.glob("*.json"))


def test_typed_work_survives_the_program_being_killed(display):
    program = Program(display)
    try:
        program.wait_title("3 sentences")
        program.type_line("salvo antes da queda")
        program.wait_title("4 sentences")
        wait_for(lambda: autosaved("salvo antes da queda"), timeout=10, what="the autosave")
        program.process.send_signal(signal.SIGKILL)
        program.process.wait(timeout=10)
    finally:
        program.stop()

    again = Program(display)
    try:
        again.wait_title("4 sentences")  # the typed sentence is back
        assert again.quit() == 0
    finally:
        err = again.stop()
    assert b"Traceback" not in err, err.decode(errors="replace")
