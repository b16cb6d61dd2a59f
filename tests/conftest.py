import os
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from resources import offscreen_platform  # noqa: E402

# Qt renders offscreen in tests, on a fixed 1920×1200 screen, unless a test starts an X server.
# An exported QT_QPA_PLATFORM=offscreen is respected, and still gets the fixed screen.
if os.environ.get("QT_QPA_PLATFORM", "offscreen").split(":")[0] == "offscreen":
    os.environ["QT_QPA_PLATFORM"] = offscreen_platform()

import pytest  # noqa: E402
from hypothesis import settings  # noqa: E402
from unprivileged import unprivileged  # noqa: E402,F401 (a fixture)

# torch's first call is slow and the machines are shared: no per-example deadline.
settings.register_profile("default", deadline=None)
settings.load_profile("default")

NOTEBOOK_SENTENCES = "o mikas ta ali\neu gosto de batata frita\nexistem elefantes"


@pytest.fixture(scope="session")
def qapp(qapp):
    """pytest-qt's application with the app's own type: the layouts tests check are the
    ones a class sees (the app's type is larger than the desktop's usual 9 pt)."""
    from gui.application import readable_type

    readable_type(qapp)
    return qapp


@pytest.fixture(autouse=True)
def _private_user_dirs(tmp_path_factory, monkeypatch):
    """Settings and data of every test (and its subprocesses) live in a temporary folder."""
    home = tmp_path_factory.mktemp("home")
    for name in ("XDG_CONFIG_HOME", "XDG_DATA_HOME", "XDG_CACHE_HOME"):
        monkeypatch.setenv(name, str(home / name.lower()))
    if "PySide6.QtCore" in sys.modules:
        from PySide6.QtCore import QSettings

        QSettings.setDefaultFormat(QSettings.Format.IniFormat)
        QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(home))
    return home


def run_cli(*args, stdin: bytes | None = None, cwd=None, env=None, process: bool = False):
    """Run the command line as a user would; return a CompletedProcess (bytes out and err).

    In this process through ``main.main`` (see ``tests/inprocess.py``), or, with
    ``process``, as ``python main.py`` in a subprocess: for what only a process shows.
    """
    from inprocess import ENGLISH, run_main

    if not process:
        return run_main(args, cwd=cwd, stdin=stdin, env=env)
    import subprocess

    return subprocess.run(
        [sys.executable, str(ROOT / "main.py"), *map(str, args)],
        input=stdin,
        capture_output=True,
        cwd=cwd,
        env={**os.environ, **ENGLISH, **(env or {})},
        timeout=300,
    )


WAIT_MS = 60_000  # a window's first run includes importing torch


def result_arrived(changed) -> bool:
    from gui.state import RESULT

    return RESULT in changed


def wait_for_result(qtbot, controller, action=None):
    """Run ``action`` (if any) and wait for the controller's next result."""
    from PySide6.QtWidgets import QApplication

    from gui.window.main_window import MainWindow

    with qtbot.waitSignal(controller.changed, timeout=WAIT_MS, check_params_cb=result_arrived):
        if action is not None:
            action()
    for widget in QApplication.topLevelWidgets():  # views a large result left for later
        if isinstance(widget, MainWindow) and widget.controller is controller:
            widget.finish_rendering()


def trained_to(qtbot, controller, steps: int) -> None:
    """Step until the shown result is trained to ``steps``."""
    for _ in range(steps - controller.training.step):
        controller.step_training()
    qtbot.waitUntil(
        lambda: (
            controller.result.training is not None
            and controller.result.training.steps == steps
            and not controller.is_busy
        ),
        timeout=WAIT_MS,
    )


@pytest.fixture
def make_controller():
    """Controllers for a test; their worker threads are stopped when it ends."""
    from gui.controller import Controller
    from model.config import ModelConfig
    from model.session import Session

    made = []

    def make(text=NOTEBOOK_SENTENCES, config=None, view=None):
        session = Session(text, config or ModelConfig())
        if view is not None:
            session = Session(text, config or ModelConfig(), view)
        made.append(Controller(session))
        return made[-1]

    yield make
    for controller in made:
        controller.shutdown()


def fitted(window, size: tuple[int, int]) -> tuple[int, int]:
    """``size``, or less where the screen has less room, as a window manager would allow
    (the offscreen screen is 1920×1200; an X server at 1024×768 has less)."""
    room = window.screen().availableGeometry()
    return min(size[0], room.width()), min(size[1], room.height())


def activate(qtbot, window) -> None:
    """Make ``window`` the active one, as a desktop does with a window it opens (a bare X
    server has no window manager to do it, and the keyboard goes nowhere until it is)."""
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow, timeout=WAIT_MS)


@pytest.fixture
def open_window(qtbot, make_controller):
    """Opens main windows (at ``size`` whatever the screen, for layouts that do not depend
    on it; None for the size the window chose itself), makes each the active window and
    waits for its first result."""
    from gui.window.main_window import MainWindow

    def open_(text=NOTEBOOK_SENTENCES, config=None, size=(1600, 1000), view=None):
        from model.session import ViewSettings

        # A sentence's <pad> positions shown, as the notebook shows them, unless a test
        # asks for another view (the window's own default shows a sentence's own length).
        controller = make_controller(text, config, view or ViewSettings(padding=True))
        window = MainWindow(controller)
        qtbot.addWidget(window)
        if size is not None:  # None: the size the window chose (restored, fitted)
            window.resize(*size)
        window.show()
        activate(qtbot, window)
        wait_for_result(qtbot, controller, controller.start)
        window.finish_rendering()  # the first result's pipeline panels come a turn later
        return window

    return open_


@pytest.fixture
def window(open_window):
    """The main window on the notebook's three sentences."""
    return open_window()
