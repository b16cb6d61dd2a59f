"""``install.sh`` and ``uninstall.sh``: their refusals, and what they leave behind.

Each case runs a script with ``sh`` in a temporary home, with fake ``python3`` (and
``ldconfig``) executables first on PATH, so that no case installs anything: a fake Python
answers the script's questions (its version, whether it has venv), and its ``-m venv`` makes
a half-made folder and fails, or waits to be interrupted.  The real install, upgrade and
removal run in CI (``.ci/run``'s last block).
"""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import time
from pathlib import Path

import pytest

from conftest import ROOT

pytestmark = pytest.mark.subprocess

INSTALL = ROOT / "install.sh"
UNINSTALL = ROOT / "uninstall.sh"

# Answers the two questions install.sh asks a Python, logs every call, and fails (or waits,
# with FAKE_VENV=wait) when asked to make an environment, after making half of one.
FAKE_PYTHON = r"""#!/bin/sh
printf '%s\n' "$*" >> "$FAKE_LOG"
if [ "$1" = -c ]; then
    case $2 in
        *'%d.%d.%d'*) echo "$FAKE_VERSION"; exit 0 ;;
        *version_info*) echo "${FAKE_VERSION%.*}"; exit 0 ;;
        *ensurepip*)
            if [ -n "${FAKE_NO_VENV:-}" ]; then
                echo "ModuleNotFoundError: No module named 'ensurepip'" >&2
                exit 1
            fi
            exit 0 ;;
    esac
fi
if [ "$1" = -m ] && [ "$2" = venv ]; then
    for folder; do :; done
    mkdir -p "$folder/bin" && touch "$folder/half-made"
    if [ "${FAKE_VENV:-}" = wait ]; then exec sleep 60; fi
    echo "Error: simulated failure" >&2
    exit 1
fi
echo "fake python: not expected: $*" >&2
exit 3
"""

# The libraries install.sh looks for, as `ldconfig -p` lists them.
QT_LIBRARIES = {
    "libEGL.so.1": "libegl1",
    "libGL.so.1": "libgl1",
    "libfontconfig.so.1": "libfontconfig1",
    "libdbus-1.so.3": "libdbus-1-3",
    "libxkbcommon.so.0": "libxkbcommon0",
    "libxkbcommon-x11.so.0": "libxkbcommon-x11-0",
    "libX11-xcb.so.1": "libx11-xcb1",
    "libxcb-cursor.so.0": "libxcb-cursor0",
    "libxcb-icccm.so.4": "libxcb-icccm4",
    "libxcb-image.so.0": "libxcb-image0",
    "libxcb-keysyms.so.1": "libxcb-keysyms1",
    "libxcb-randr.so.0": "libxcb-randr0",
    "libxcb-render-util.so.0": "libxcb-render-util0",
    "libxcb-shape.so.0": "libxcb-shape0",
    "libxcb-xfixes.so.0": "libxcb-xfixes0",
    "libxcb-xkb.so.1": "libxcb-xkb1",
}


def executable(path: Path, text: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text)
    path.chmod(0o755)
    return path


def fake_tools(folder: Path, missing: tuple[str, ...] = ()) -> Path:
    """A folder with a fake ``python3`` and an ``ldconfig`` that lists every Qt library but
    ``missing``; its path."""
    executable(folder / "python3", FAKE_PYTHON)
    listing = "".join(
        f"\t{name} (libc6,x86-64) => /usr/lib/x86_64-linux-gnu/{name}\n"
        for name in QT_LIBRARIES
        if name not in missing
    )
    executable(folder / "ldconfig", f"#!/bin/sh\nprintf '%s' '{listing}'\n")
    return folder


def environment(home: Path, tools: Path, **extra: str) -> dict:
    """A user's environment with ``tools`` first on PATH and nothing of this test run's."""
    skip = ("XDG_", "PYTHON", "ATTENTION_STUDY_", "VIRTUAL_ENV", "SUDO_")
    env = {key: value for key, value in os.environ.items() if not key.startswith(skip)}
    env.update(
        HOME=str(home),
        PATH=f"{tools}:{os.environ.get('PATH', '/usr/bin:/bin')}",
        LANG="C.UTF-8",
        LC_ALL="",
        FAKE_LOG=str(tools / "calls.log"),
        FAKE_VERSION="3.11.2",
    )
    env.update(extra)
    return env


def run(script: Path, env: dict, shell: str = "sh", **kwargs) -> subprocess.CompletedProcess:
    return subprocess.run(
        [shell, str(script)], env=env, capture_output=True, text=True, timeout=60, **kwargs
    )


def calls(tools: Path) -> str:
    log = tools / "calls.log"
    return log.read_text() if log.exists() else ""


def everything_under(folder: Path) -> list[str]:
    return sorted(str(path.relative_to(folder)) for path in folder.rglob("*"))


@pytest.fixture
def home(tmp_path) -> Path:
    folder = tmp_path / "home"
    folder.mkdir()
    return folder


def test_both_scripts_parse_in_sh_and_bash():
    for script in (INSTALL, UNINSTALL):
        for shell in ("sh", "bash"):
            if shutil.which(shell) is None:
                continue
            done = subprocess.run([shell, "-n", str(script)], capture_output=True, text=True)
            assert done.returncode == 0, f"{shell} -n {script.name}: {done.stderr}"


def test_shellcheck_finds_nothing():
    if shutil.which("shellcheck") is None:
        pytest.skip("shellcheck is not installed")
    done = subprocess.run(
        ["shellcheck", "--shell=sh", str(INSTALL), str(UNINSTALL)], capture_output=True, text=True
    )
    assert done.returncode == 0, done.stdout + done.stderr


def test_a_python_older_than_3_10_is_refused_before_anything_is_made(tmp_path, home):
    tools = fake_tools(tmp_path / "tools")
    done = run(INSTALL, environment(home, tools, FAKE_VERSION="3.8.10"))
    assert done.returncode == 1
    assert "needs Python 3.10 or newer" in done.stderr
    assert "is Python 3.8.10, which is too old" in done.stderr
    assert "precisa do Python 3.10 ou mais recente" in done.stderr  # and in Portuguese
    assert "PYTHON=python3.11 sh install.sh" in done.stderr
    assert everything_under(home) == []
    assert "venv" not in calls(tools).replace("import venv", "")


def test_a_python_without_venv_gets_the_apt_line(tmp_path, home):
    tools = fake_tools(tmp_path / "tools")
    done = run(INSTALL, environment(home, tools, FAKE_NO_VENV="1"))
    assert done.returncode == 1
    assert "lacks its venv module" in done.stderr
    assert "não tem o módulo venv" in done.stderr
    assert "\n    sudo apt install python3-venv\n" in done.stderr
    assert everything_under(home) == []


def test_a_python_named_in_PYTHON_gets_its_own_venv_package(tmp_path, home):
    tools = fake_tools(tmp_path / "tools")
    env = environment(home, tools, FAKE_NO_VENV="1", PYTHON=str(tools / "python3"))
    done = run(INSTALL, env)
    assert done.returncode == 1
    assert "sudo apt install python3.11-venv" in done.stderr


def test_a_missing_python_is_said_plainly(tmp_path, home):
    tools = fake_tools(tmp_path / "tools")
    done = run(INSTALL, environment(home, tools, PYTHON="python3-that-is-not-there"))
    assert done.returncode == 1
    assert "no 'python3-that-is-not-there' was found" in done.stderr
    assert everything_under(home) == []


def test_missing_qt_libraries_get_the_apt_line_that_adds_them(tmp_path, home):
    if shutil.which("apt-get") is None:
        pytest.skip("the apt line is given where apt-get is")
    tools = fake_tools(tmp_path / "tools", missing=("libxcb-cursor.so.0", "libEGL.so.1"))
    done = run(INSTALL, environment(home, tools))
    assert done.returncode == 1
    assert "missing here: libEGL.so.1 libxcb-cursor.so.0." in done.stderr
    assert "\n    sudo apt install libegl1 libxcb-cursor0\n" in done.stderr
    assert "bibliotecas do sistema que faltam aqui" in done.stderr
    assert everything_under(home) == []


def test_a_read_only_data_folder_is_refused(unprivileged):
    folder = unprivileged.folder
    tools = fake_tools(folder / "tools")
    home, data = folder / "home", folder / "data"
    home.mkdir()
    data.mkdir()
    for made in (home, data, tools, *tools.iterdir()):
        unprivileged.own(made)
    data.chmod(0o555)
    env = environment(home, tools, XDG_DATA_HOME=str(data))
    done = subprocess.run(
        ["sh", str(INSTALL)],
        env=env,
        cwd=folder,
        capture_output=True,
        text=True,
        timeout=60,
        **unprivileged.switch,
    )
    assert done.returncode == 1, done.stderr
    assert f"the folder {data} cannot be written" in done.stderr
    assert "não é possível escrever na pasta" in done.stderr
    assert everything_under(data) == []


@pytest.mark.parametrize("shell", ["sh", "bash"])
def test_a_failed_install_leaves_nothing_behind(tmp_path, home, shell):
    tools = fake_tools(tmp_path / "tools")
    done = run(INSTALL, environment(home, tools), shell)
    assert done.returncode == 1
    assert "-m venv" in calls(tools)  # it got as far as making the environment
    assert "The installation failed while making the environment" in done.stderr
    assert "Nothing was installed." in done.stderr
    assert "Nada foi instalado." in done.stderr
    assert everything_under(home) == []  # not even the folders it made on the way


@pytest.mark.parametrize("shell", ["sh", "bash"])
def test_ctrl_c_stops_the_install_and_leaves_nothing_behind(tmp_path, home, shell):
    tools = fake_tools(tmp_path / "tools")
    process = subprocess.Popen(
        [shell, str(INSTALL)],
        env=environment(home, tools, FAKE_VENV="wait"),
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        start_new_session=True,  # its own process group, as a terminal's foreground job
    )
    try:
        deadline = time.monotonic() + 30
        while "-m venv" not in calls(tools) and time.monotonic() < deadline:
            time.sleep(0.05)
        assert (home / ".local/share/attention-study/env.new/half-made").exists()
        os.killpg(process.pid, signal.SIGINT)  # what Ctrl+C sends
        out, err = process.communicate(timeout=30)
    finally:
        if process.poll() is None:
            os.killpg(process.pid, signal.SIGKILL)
            process.wait()
    assert process.returncode == 130
    assert "Interrupted: nothing was installed." in err
    assert "Interrompido: nada foi instalado." in err
    assert "The installation failed" not in err
    assert everything_under(home) == []


def installed(data: Path, version: str = "3.11.2") -> Path:
    """A fake installation under ``data``: its environment's folder."""
    env = data / "attention-study" / "env"
    executable(env / "bin" / "python", FAKE_PYTHON)
    (env / "the-old-one").write_text("kept\n")
    return env


def test_a_failed_upgrade_keeps_the_installed_environment(tmp_path, home):
    tools = fake_tools(tmp_path / "tools")
    data = home / ".local" / "share"
    env = installed(data)
    before = everything_under(home)
    done = run(INSTALL, environment(home, tools))
    assert done.returncode == 1
    assert "Upgrading Attention Study in" in done.stdout
    # The copy's pip is the fake Python, which refuses: the upgrade fails at torch.
    assert "The installation failed while installing PyTorch" in done.stderr
    assert "The installed Attention Study is unchanged." in done.stderr
    assert everything_under(home) == before
    assert (env / "the-old-one").read_text() == "kept\n"


def test_an_earlier_run_cut_short_between_the_two_renames_is_finished(tmp_path, home):
    """After a power cut between 'env → env.old' and 'env.new → env', the old environment
    is put back before anything else."""
    tools = fake_tools(tmp_path / "tools")
    data = home / ".local" / "share"
    env = installed(data)
    env.rename(env.parent / "env.old")
    executable(env.parent / "env.new" / "bin" / "python", "#!/bin/sh\nexit 1\n")
    run(INSTALL, environment(home, tools))
    assert (env / "the-old-one").exists()
    assert sorted(path.name for path in env.parent.iterdir()) == ["env"]


# uninstall.sh


def fake_program(env: Path, data: Path) -> None:
    """An installed ``attention-study`` whose --uninstall-desktop-entry removes the entry."""
    executable(
        env / "bin" / "attention-study",
        "#!/bin/sh\n"
        '[ "$1" = --uninstall-desktop-entry ] || exit 2\n'
        f"rm -f '{data}/applications/attention-study.desktop'\n"
        f"echo 'removed {data}/applications/attention-study.desktop'\n",
    )


def entry(data: Path, exec_line: str) -> Path:
    path = data / "applications" / "attention-study.desktop"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(f"[Desktop Entry]\nType=Application\nName=Attention Study\nExec={exec_line}\n")
    return path


def test_uninstall_removes_the_program_keeps_the_users_work_and_can_run_again(tmp_path, home):
    tools = fake_tools(tmp_path / "tools")
    data = home / ".local" / "share"
    env = installed(data)
    fake_program(env, data)
    entry(data, str(env / "bin" / "attention-study"))
    shutil.copy(UNINSTALL, env.parent / "uninstall.sh")
    autosave = env.parent / "autosave" / "recovered.json"
    autosave.parent.mkdir()
    autosave.write_text("{}")
    settings = home / ".config" / "Attention Study" / "window.ini"
    settings.parent.mkdir(parents=True)
    settings.write_text("[window]\n")

    done = run(env.parent / "uninstall.sh", environment(home, tools))
    assert done.returncode == 0, done.stderr
    assert f"removed {data}/applications/attention-study.desktop" in done.stdout
    assert "Attention Study is removed. Removed:" in done.stdout
    assert f"    {env}\n" in done.stdout
    assert f"    {env.parent / 'uninstall.sh'}\n" in done.stdout
    assert "Kept, because it is your work or your settings:" in done.stdout
    assert f"    {autosave.parent}\n" in done.stdout
    assert f"    {settings.parent}\n" in done.stdout
    assert autosave.read_text() == "{}" and settings.exists()
    assert sorted(path.name for path in env.parent.iterdir()) == ["autosave"]
    assert not (data / "applications" / "attention-study.desktop").exists()

    again = run(UNINSTALL, environment(home, tools))
    assert again.returncode == 0, again.stderr
    assert "Attention Study is not installed here: nothing to remove." in again.stdout
    assert "O Attention Study não está instalado aqui: nada a remover." in again.stdout
    assert autosave.exists()


def test_uninstall_without_a_working_program_removes_only_its_own_entry(tmp_path, home):
    """When the environment cannot run (its Python was removed), the entry and icons are
    removed by name, but only an entry that starts this installation."""
    tools = fake_tools(tmp_path / "tools")
    data = home / ".local" / "share"
    env = installed(data)
    entry(data, f'"{env}/bin/attention-study"')
    icons = [
        data / "icons" / "hicolor" / size / "apps" / f"attention-study.{kind}"
        for size, kind in (("48x48", "png"), ("256x256", "png"), ("scalable", "svg"))
    ]
    for icon in icons:
        icon.parent.mkdir(parents=True, exist_ok=True)
        icon.write_bytes(b"icon")
    done = run(UNINSTALL, environment(home, tools))
    assert done.returncode == 0, done.stderr
    assert not any(path.exists() for path in icons)
    assert not (data / "applications" / "attention-study.desktop").exists()
    assert not (data / "attention-study").exists()

    # Another installation's entry (pip install --user, say) is not this one's to remove.
    other = entry(data, "/opt/elsewhere/bin/attention-study")
    installed(data)
    done = run(UNINSTALL, environment(home, tools))
    assert done.returncode == 0, done.stderr
    assert other.exists()
