"""Recovery files never betray the user: pruning removes only old files the program wrote and
nobody holds; a folder that is a link, or holds what the program did not write, is refused and
left exactly as it was; a file that can be neither read nor set aside is reported, not lost."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from model.errors import InputError, describe
from model.recovery import KEEP, UNREADABLE, RecoveryStore
from model.session import Session, load_session, save_session

BROKEN = b'{"format": "attention-study-session", "version": 2, "sentences": '


def app_name(number: int) -> str:
    """A name the program gives its recovery files (a time, a process id, a random part)."""
    return f"20260101-{number // 60:04d}{number % 60:02d}-{1000 + number}-{number:06x}.json"


def write(path: Path, session: Session | bytes, modified: float) -> Path:
    if isinstance(session, bytes):
        path.write_bytes(session)
    else:
        save_session(session, path)
    os.utime(path, (modified, modified))
    return path


def fill(folder: Path, count: int, start: float = 1_000_000) -> list[Path]:
    """``count`` readable recovery files, the last one the newest."""
    folder.mkdir(parents=True, exist_ok=True)
    return [write(folder / app_name(i), Session(f"trabalho {i}"), start + i) for i in range(count)]


def snapshot(folder: Path) -> dict:
    """Every entry under ``folder`` (hidden ones too): its kind, bytes and modification time."""
    found = {}
    for path in sorted(folder.rglob("*")):
        info = path.lstat()
        if path.is_symlink():
            found[path.relative_to(folder)] = ("link", os.readlink(path))
        elif path.is_dir():
            found[path.relative_to(folder)] = ("folder", info.st_mode)
        else:
            found[path.relative_to(folder)] = (path.read_bytes(), info.st_mtime_ns, info.st_mode)
    return found


def one_launch_and_one_edit(store: RecoveryStore, restore: bool = True) -> InputError | None:
    """What a window does to the folder: it looks for the newest work and goes on with it
    (or, started with --sentence, starts a file of its own), writes after the first edit,
    and quits."""
    recovered, _ = store.newest() if restore else (None, [])
    slot = store.slot(recovered and recovered.path)
    try:
        slot.save(Session("x"))
    except InputError as error:
        return error
    finally:
        slot.release()
    return None


@pytest.mark.parametrize(
    "kept",
    [f"unreadable-{app_name(999)}", "unreadable-package.json", "earlier-version.json"],
)
def test_pruning_never_removes_set_aside_or_adopted_files(tmp_path, kept):
    store = RecoveryStore(tmp_path / "autosave")
    readable = fill(store.folder, 55)
    content = BROKEN if kept.startswith("unreadable-") else Session("de antes").to_json().encode()
    oldest = write(store.folder / kept, content, 10)
    assert one_launch_and_one_edit(store, restore=False) is None
    assert oldest.read_bytes() == content
    left = [path for path in readable if path.exists()]
    assert left == readable[-(KEEP - 1) :]  # the new file is one of the KEEP newest


def test_pruning_spares_a_file_a_running_window_holds(tmp_path):
    store = RecoveryStore(tmp_path / "autosave")
    running = store.slot()
    running.save(Session("a janela que ainda está aberta"))
    os.utime(running.path, (10, 10))  # its last write is the oldest of all
    fill(store.folder, 60)
    assert one_launch_and_one_edit(store, restore=False) is None
    assert load_session(running.path).text == "a janela que ainda está aberta"
    running.release()


def refused_the_same_way(store: RecoveryStore, target: Path) -> InputError:
    """Everything the program does with the folder: each refuses, and nothing changes."""
    before = snapshot(target)
    legacy = target.parent / "autosave.json"
    save_session(Session("da versão anterior"), legacy)
    store.adopt(legacy)
    assert legacy.exists()
    recovered, set_aside = store.newest()
    assert recovered is None and set_aside == []
    assert store.recent() == []
    error = one_launch_and_one_edit(store)
    assert isinstance(error, InputError)
    store.prune(keep=1)
    assert snapshot(target) == before
    assert store.problem() is not None
    return error


def test_a_recovery_folder_that_is_a_link_is_refused_and_left_as_it_was(tmp_path):
    project = tmp_path / "project"
    fill(project, 55)  # a link's target may well hold names the program uses
    (project / "package.json").write_text('{"name": "a project"}')
    write(project / app_name(900), Session("uma sessão salva aqui"), 2_000_000)
    data = tmp_path / "data"
    data.mkdir()
    (data / "autosave").symlink_to(project, target_is_directory=True)
    error = refused_the_same_way(RecoveryStore(data / "autosave"), project)
    english, portuguese = describe(error, "en"), describe(error, "pt")
    assert "link" in english and str(data / "autosave") in english
    assert "link" in portuguese and str(data / "autosave") in portuguese


@pytest.mark.parametrize("foreign", ["package.json", "notas.txt", "a folder", "a link"])
def test_a_recovery_folder_holding_what_the_program_did_not_write_is_refused(tmp_path, foreign):
    folder = tmp_path / "autosave"
    fill(folder, 55)
    precious = tmp_path / "precious.json"
    save_session(Session("o arquivo para onde o link aponta"), precious)
    if foreign == "a folder":
        (folder / "20260101-000000-1-abcdef").mkdir()
        name = "20260101-000000-1-abcdef"
    elif foreign == "a link":  # under a name the program uses: writing would go through it
        name = app_name(900)
        (folder / name).symlink_to(precious)
        os.utime(folder / name, (3_000_000, 3_000_000), follow_symlinks=False)
    else:
        name = foreign
        (folder / name).write_text("not the program's")
    kept = precious.read_bytes()
    error = refused_the_same_way(RecoveryStore(folder), folder)
    assert precious.read_bytes() == kept
    for language in ("en", "pt"):
        assert name in describe(error, language)


def test_the_files_the_program_makes_are_never_refused(tmp_path):
    store = RecoveryStore(tmp_path / "autosave")
    fill(store.folder, 3)
    write(store.folder / f"unreadable-{app_name(7)}", BROKEN, 10)
    write(store.folder / "earlier-version.json", Session("antes"), 10)
    for temporary in (".as-k2j4h1.part", f".{app_name(8)}.x1y2z3.part"):  # this and earlier
        (store.folder / temporary).write_bytes(b"half a file left by a crash")
    held = store.slot()
    assert held.claim()  # its lock file exists before its first write
    assert store.problem() is None
    assert one_launch_and_one_edit(store) is None
    held.release()


def test_every_earlier_version_autosave_is_adopted_under_a_name_of_its_own(tmp_path):
    store = RecoveryStore(tmp_path / "data" / "autosave")
    fill(store.folder, 3)
    legacy = tmp_path / "data" / "autosave.json"
    for number, text in enumerate(["da versão anterior", "a versão anterior outra vez"]):
        write(legacy, Session(text), 2_000_000 + number)
        store.adopt(legacy)
        assert not legacy.exists()
    texts = [found.session.text for found in store.recent()]
    assert texts[:2] == ["a versão anterior outra vez", "da versão anterior"]
    assert store.newest()[0].session.text == "a versão anterior outra vez"


def test_a_link_where_the_earlier_autosave_was_is_not_followed(tmp_path):
    store = RecoveryStore(tmp_path / "data" / "autosave")
    precious = tmp_path / "precious.json"
    save_session(Session("não é um autosave"), precious)
    legacy = tmp_path / "data" / "autosave.json"
    legacy.parent.mkdir()
    legacy.symlink_to(precious)
    store.adopt(legacy)
    assert legacy.is_symlink() and load_session(precious).text == "não é um autosave"
    assert store.recent() == []


def test_an_unreadable_file_in_a_read_only_folder_is_reported(unprivileged):
    folder = unprivileged.folder / "autosave"
    readable = fill(folder, 2)
    broken = write(folder / app_name(50), BROKEN, 2_000_000)  # the newest
    unprivileged.own(folder)
    folder.chmod(0o555)
    before = snapshot(folder)
    script = (
        "import json, sys\n"
        "from model.recovery import RecoveryStore\n"
        "found, skipped = RecoveryStore(sys.argv[1]).newest()\n"
        "print(json.dumps({'found': found and found.session.text,\n"
        "    'skipped': [[str(item[0]), getattr(item, 'moved', None)] for item in skipped]}))\n"
    )
    done = unprivileged.python(script, folder)
    assert done.returncode == 0, done.stderr.decode(errors="replace")
    report = json.loads(done.stdout)
    assert report["found"] == load_session(readable[-1]).text
    assert report["skipped"] == [[str(broken), False]]
    assert snapshot(folder) == before


def test_setting_a_file_aside_never_overwrites_one_set_aside_before(tmp_path):
    store = RecoveryStore(tmp_path / "autosave")
    fill(store.folder, 1)
    earlier = write(store.folder / f"{UNREADABLE}{app_name(5)}", b"set aside last week", 10)
    write(store.folder / app_name(5), BROKEN, 2_000_000)  # the same name, broken again
    found, [(kept, _, moved)] = store.newest()
    assert found is not None and moved and kept != earlier
    assert earlier.read_bytes() == b"set aside last week" and kept.read_bytes() == BROKEN
