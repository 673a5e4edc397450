"""The search index goes wherever the journal goes: locked, unlocked, backed up, restored,
forgotten, synced to another device; and a locked journal's words are never plain on disk."""

from __future__ import annotations

from pathlib import Path

import pytest

from exback_kit import Journal
from exback_kit.interchange import sync_folder
from exback_kit.store import backups, handoff, keys, locking, search
from tests.interchange.sync_kit import join

PW = "a long walk by the river"


@pytest.fixture(autouse=True)
def _cheap_scrypt(monkeypatch):
    monkeypatch.setattr(keys, "SCRYPT_N", 2**10)
    for name in (keys.PASSPHRASE_ENV, keys.RECOVERY_ENV, handoff.KEY_HANDOFF_ENV):
        monkeypatch.delenv(name, raising=False)


def _found(journal: Journal, words: str) -> list[str]:
    return [h.snippet for h in search.search(journal, words).hits]


def _index_ok(journal: Journal) -> None:
    """FTS5's own check: the index agrees with its content, row for row."""
    journal._conn.execute("INSERT INTO search_index(search_index) VALUES ('integrity-check')")


def _files_holding(folder: Path, word: bytes) -> list[str]:
    return sorted(p.name for p in folder.rglob("*") if p.is_file() and word in p.read_bytes())


def _locked_with(tmp_path: Path, note: str) -> Path:
    """A journal holding one check-in with ``note``, then locked; return its path."""
    path = tmp_path / "j" / "journal.sqlite3"
    with Journal.open(path, backup=False) as journal:
        journal.add_checkin(mood=5, note=note)
    locking.encrypt(path, PW)
    return path


def test_a_plain_journal_holds_its_words_in_the_file(tmp_path):
    """The check below can fail: a plain journal's file (or its -wal) shows the word."""
    path = tmp_path / "j" / "journal.sqlite3"
    with Journal.open(path, backup=False) as journal:
        journal.add_checkin(mood=5, note="zephyrquill by the water")
        assert _files_holding(path.parent, b"zephyrquill")


def test_a_locked_journal_finds_its_words_after_unlock_and_none_are_plain_on_disk(tmp_path):
    path = _locked_with(tmp_path, "zephyrquill by the water")
    with Journal.open(path, passphrase=PW, backup=False) as journal:
        assert _found(journal, "zephyr*") == ["zephyrquill by the water"]
        journal.log_urge(6, note="marigoldvex at midnight")  # written while locked: in the -wal
        assert Path(f"{path}-wal").stat().st_size > 0
        assert _found(journal, "marigoldvex") == ["marigoldvex at midnight"]
        _index_ok(journal)
        for word in (b"zephyrquill", b"marigoldvex", b"midnight"):
            assert _files_holding(tmp_path, word) == []  # no file, -wal or temp file
    with Journal.open(path, passphrase=PW, backup=False) as journal:
        assert _found(journal, "marigoldvex OR zephyrquill") == [
            "marigoldvex at midnight", "zephyrquill by the water"]


def test_unlocking_for_good_keeps_the_index(tmp_path):
    path = _locked_with(tmp_path, "the lantern walk")
    with Journal.open(path, passphrase=PW, backup=False) as journal:
        journal.add("agreements", text="phones away at dinner")
    locking.decrypt(path, PW)
    with Journal.open(path, backup=False) as journal:
        assert not journal.encrypted
        assert _found(journal, "lantern") == ["the lantern walk"]
        assert _found(journal, "dinner") == ["phones away at dinner"]
        _index_ok(journal)
        journal.add_checkin(mood=5, note="lantern again")
        assert len(_found(journal, "lantern")) == 2


@pytest.mark.parametrize("locked", [False, True], ids=["plain", "locked"])
def test_a_restored_backup_brings_back_its_own_index(tmp_path, locked):
    path = tmp_path / "j" / "journal.sqlite3"
    with Journal.open(path, backup=False) as journal:
        journal.add_checkin(mood=5, note="before the backup: willow")
    if locked:
        locking.encrypt(path, PW)
    with Journal.open(path, passphrase=PW if locked else None, backup=False) as journal:
        copy = journal.backup(label="test")
        journal.add_checkin(mood=5, note="after the backup: willow and birch")
        assert len(_found(journal, "willow")) == 2
        journal.restore_from(copy)
        assert _found(journal, "willow") == ["before the backup: willow"]
        assert _found(journal, "birch") == []
        _index_ok(journal)
        journal.add_checkin(mood=5, note="birch once more")
        assert _found(journal, "birch") == ["birch once more"]


def test_forget_leaves_no_file_holding_the_words(tmp_path):
    path = tmp_path / "j" / "journal.sqlite3"
    with Journal.open(path, backup=False) as journal:
        journal.add_checkin(mood=5, note="saltmarsh evenings")
        journal.backup()
    assert _files_holding(tmp_path, b"saltmarsh")
    backups.forget(path)
    assert _files_holding(tmp_path, b"saltmarsh") == []


def test_an_entry_synced_from_another_device_is_found_there_and_edits_follow(tmp_path):
    folder = tmp_path / "DIR"
    a = Journal.open(tmp_path / "a" / "journal.sqlite3", backup=False)
    b = Journal.open(tmp_path / "b" / "journal.sqlite3", backup=False)
    try:
        entry = a.add("patterns", pattern="jealousy", plan="kingfisher mornings")
        sync_folder.sync(a, folder)
        join(b, folder, owner=a)
        assert _found(b, "kingfisher") == ["jealousy\nkingfisher mornings"]
        a.update("patterns", entry, plan="heron evenings")
        sync_folder.sync(a, folder)
        sync_folder.sync(b, folder)
        assert _found(b, "kingfisher") == []
        assert _found(b, "heron") == ["jealousy\nheron evenings"]
        _index_ok(b)
    finally:
        a.close()
        b.close()


def test_imported_daylio_notes_are_found(tmp_path):
    from exback_kit.interchange.daylio import import_daylio

    data = Path(__file__).parents[1] / "data" / "daylio_export.csv"
    with Journal.open(tmp_path / "journal.sqlite3", backup=False) as journal:
        import_daylio(journal, data, mood_map={"ecstatic": 9, "numb": 3})
        (hit,) = search.search(journal, '"job offer"').hits
        assert hit.kind == "checkins" and hit.day.isoformat() == "2024-03-12"
        assert [h.snippet for h in search.search(journal, "dinner").hits] == [
            "A better day\nWent for a run, then dinner with Sam, Ali and Jo.\nSlept early."]


def test_a_locked_journal_sorts_and_indexes_in_memory_never_in_a_temp_file(tmp_path):
    """SQLCipher is built with TEMP_STORE=2: temp tables and sorts stay in memory unless a
    connection asks otherwise, so no plaintext page of a search lands in a temp file."""
    path = _locked_with(tmp_path, "")
    with Journal.open(path, passphrase=PW, backup=False) as journal:
        options = {row[0] for row in journal.execute_read("PRAGMA compile_options")}
        assert {"TEMP_STORE=2", "TEMP_STORE=3"} & options
        assert journal.execute_read("PRAGMA temp_store")[0][0] in (0, 2)  # default or memory
