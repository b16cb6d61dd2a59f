"""Autosave never destroys work: unreadable files are set aside, windows that never edited
write nothing, each window keeps its own file, and typing never postpones a save for long."""

import json
import os

import pytest
from PySide6.QtCore import QElapsedTimer, QTimer

from conftest import wait_for_result
from gui.application import install_translation
from gui.window import autosave
from model.errors import InputError
from model.recovery import RecoveryStore, SetAside
from model.session import Session, load_session, save_session


@pytest.fixture
def store(tmp_path):
    return RecoveryStore(tmp_path / "autosave")


UNREADABLE = {
    "a future version": json.dumps(
        {"format": "attention-study-session", "version": 99, "sentences": ["de amanhã"]}
    ),
    "truncated": Session("meu trabalho de ontem").to_json()[:60],
    "random bytes": os.urandom(300).decode("latin-1"),
}


@pytest.mark.parametrize("kind", UNREADABLE)
def test_an_unreadable_autosave_is_set_aside_never_overwritten(store, kind):
    store.folder.mkdir(parents=True)
    broken = store.folder / "20261127-101010-1-0001.json"
    broken.write_bytes(UNREADABLE[kind].encode("latin-1", "replace"))
    original = broken.read_bytes()
    older = store.slot()
    older.save(Session("trabalho mais antigo"))
    os.utime(older.path, (1, 1))  # the broken one is the newest
    found, set_aside = store.newest()
    assert found is not None and found.session.text == "trabalho mais antigo"
    [(kept, error, moved)] = set_aside
    assert moved and kept.read_bytes() == original and not broken.exists()
    assert isinstance(error, InputError)
    assert store.newest()[1] == []  # set aside once, then left alone


def test_a_window_that_never_edits_writes_and_deletes_nothing(qtbot, window, store):
    earlier = store.slot()
    earlier.save(Session("trabalho salvo por outra janela"))
    earlier.release()
    before = {p: p.read_bytes() for p in store.files()}
    saver = autosave.Autosaver(window.controller, store.slot(), window)
    saver.close()
    assert {p: p.read_bytes() for p in store.files()} == before


def test_two_windows_never_share_a_file(store):
    first = store.slot()
    first.save(Session("janela A"))
    second = store.slot(first.path)  # B restored A's file while A still runs
    assert second.path != first.path
    second.save(Session("janela B"))
    assert load_session(first.path).text == "janela A"
    first.release()
    third = store.slot(first.path)  # once A has quit, its file can be continued
    assert third.path == first.path


def test_typing_without_pause_is_still_saved_within_a_second(qtbot, window, store):
    saver = autosave.Autosaver(window.controller, store.slot(), window)
    editor, clock, saved_at = window.editor, QElapsedTimer(), []
    typing = QTimer(interval=100)
    typing.timeout.connect(lambda: editor.insertPlainText("a"))

    def check():
        if saver.slot.path.exists() and not saved_at:
            saved_at.append(clock.elapsed())

    watcher = QTimer(interval=20)
    watcher.timeout.connect(check)
    clock.start()
    typing.start()
    watcher.start()
    qtbot.waitUntil(lambda: bool(saved_at) or clock.elapsed() > 4000, timeout=6000)
    typing.stop()
    watcher.stop()
    assert saved_at, "nothing was saved during four seconds of typing"
    assert saved_at[0] < 3000  # the deadline, not the pause in typing, decided it
    saver.close()


def test_a_folder_in_the_way_is_reported_in_words(tmp_path, qapp):
    blocker = tmp_path / "attention-study"
    blocker.write_text("a file where the folder should be")
    slot = RecoveryStore(blocker / "autosave").slot()
    with pytest.raises(InputError) as caught:
        slot.save(Session("texto"))
    message = autosave.failure_text(caught.value)
    assert "Errno" not in message and "not a folder" in message


def test_quitting_finishes_even_when_the_save_fails(qtbot, window, store):
    saver = autosave.Autosaver(window.controller, store.slot(), window)
    failures = []
    saver.failed.connect(failures.append)

    def refuse(session):
        raise OSError(28, "No space left on device")

    saver.slot.save = refuse
    wait_for_result(qtbot, window.controller, lambda: window.editor.setPlainText("x \udcff y"))
    saver.close()  # must not raise
    assert len(failures) == 1


def test_text_that_was_not_utf8_is_saved_and_reopens(tmp_path):
    session = Session("ok \udcff de novo")
    path = tmp_path / "s.json"
    save_session(session, path)
    assert load_session(path).text == session.text


@pytest.mark.parametrize("ending", ["\r\n", "\r"])
def test_sessions_from_cr_or_crlf_text_open_again(tmp_path, ending):
    session = Session(ending.join(["o gato dorme", "eu gosto de batata", ""]))
    path = tmp_path / "s.json"
    save_session(session, path)
    assert load_session(path).text.split("\n") == ["o gato dorme", "eu gosto de batata"]


def test_every_earlier_version_autosave_is_restored_or_listed(qapp):
    legacy = autosave.data_folder() / "autosave.json"
    legacy.parent.mkdir(parents=True)
    recovery = autosave.store()
    for text in ["da versão anterior", "a versão anterior outra vez"]:
        save_session(Session(text), legacy)  # the earlier release ran (again) meanwhile
        autosave.adopt_legacy(recovery)
        assert not legacy.exists()
    assert recovery.newest()[0].session.text == "a versão anterior outra vez"
    assert [found.session.text for found in recovery.recent()] == [
        "a versão anterior outra vez",
        "da versão anterior",
    ]


@pytest.fixture(params=["en", "pt"])
def language(request, qapp):
    install_translation(qapp, request.param)
    yield request.param
    install_translation(qapp, "en")


NOT_SAVED = {"en": "not being saved automatically", "pt": "não está sendo salvo automaticamente"}


def test_a_linked_folder_is_refused_and_the_user_told_once(qtbot, window, tmp_path, language):
    elsewhere = tmp_path / "project"
    elsewhere.mkdir()
    (elsewhere / "package.json").write_text('{"name": "a project"}')
    (tmp_path / "autosave").symlink_to(elsewhere, target_is_directory=True)
    store = RecoveryStore(tmp_path / "autosave")
    saver = autosave.watch(window, store, *store.newest())
    message = window.statusBar().currentMessage()
    assert NOT_SAVED[language] in message and str(store.folder) in message
    said_again = []
    saver.failed.connect(said_again.append)
    wait_for_result(qtbot, window.controller, lambda: window.editor.insertPlainText("mais "))
    saver.save_now()
    saver.close()
    assert said_again == [] and window.statusBar().currentMessage() == message
    assert [path.name for path in elsewhere.iterdir()] == ["package.json"]


def test_a_file_that_could_not_be_set_aside_is_reported(window, tmp_path, language):
    store = RecoveryStore(tmp_path / "autosave")
    skipped = store.folder / "20260101-101010-1-abcdef.json"
    error = InputError("in_file", file=skipped.name, detail=InputError("broken_json", line=1))
    saver = autosave.watch(window, store, None, [SetAside(skipped, error, moved=False)])
    message = window.statusBar().currentMessage()
    skipped_words = {"en": "could not be set aside", "pt": "não pôde ser posto de lado"}
    assert skipped_words[language] in message and str(skipped) in message
    saver.close()
