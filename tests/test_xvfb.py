"""The real program on a real X server, driven by keystrokes as a user would drive it.

The offscreen platform hides focus and input bugs; this test does not.  It needs Xvfb and
xdotool (``.ci/run`` installs both); CI sets ATTENTION_STUDY_REQUIRE_XVFB=1 so that it can
never be skipped there.
"""

import os
import shutil
import subprocess
import sys
import time

import pytest

from conftest import ROOT

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
    server = subprocess.Popen(
        ["Xvfb", "-displayfd", str(write_end), "-screen", "0", "1600x1000x24", "-nolisten", "tcp"],
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


def test_program_reacts_to_keystrokes_and_quits_with_ctrl_q(display, tmp_path):
    env = dict(os.environ, DISPLAY=display, QT_QPA_PLATFORM="xcb", LANG="C.UTF-8")
    app = subprocess.Popen(
        [sys.executable, str(ROOT / "main.py"), "--lang", "en"],
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )
    try:
        window = wait_for(
            lambda: xdotool(
                display, "search", "--onlyvisible", "--name", "Attention Study", check=False
            ).split("\n")[0],
            what="the window",
        )

        def title():
            return xdotool(display, "getwindowname", window, check=False)

        wait_for(lambda: "3 sentences" in title(), what="the first result in the title")
        # Real key events (XTEST) to the focused window; the editor has focus at launch.
        xdotool(display, "windowfocus", "--sync", window)
        xdotool(display, "key", "ctrl+End", "Return")
        xdotool(display, "type", "--delay", "20", "uma frase nova")
        wait_for(lambda: "4 sentences" in title(), what="the typed sentence to reach the title")
        assert app.poll() is None, "the program stopped while typing"

        xdotool(display, "key", "ctrl+q", check=False)  # the window is gone before key-up
        assert app.wait(timeout=30) == 0
    finally:
        if app.poll() is None:
            app.kill()
        out, err = app.communicate(timeout=10)
    assert b"Traceback" not in err, err.decode(errors="replace")
