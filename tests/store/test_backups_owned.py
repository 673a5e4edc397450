"""Backups belong to one journal, count only when complete, and restore takes only kit journals."""

from __future__ import annotations

import os
import sqlite3
from pathlib import Path

import pytest

from exback_kit import Journal, JournalError
from exback_kit.store import backups, list_backups
from exback_kit.store.backups import BACKUPS_KEPT, forget


@pytest.fixture
def two(tmp_path: Path):
    """Two journals in one folder, each with one check-in."""
    a = Journal.open(tmp_path / "a.sqlite3")
    b = Journal.open(tmp_path / "b.sqlite3")
    a.add_checkin(3, note="a's")
    b.add_checkin(8, note="b's")
    yield a, b
    a.close()
    b.close()


def test_another_journals_backups_never_rotate_out_this_ones(two):
    a, b = two
    only = a.backup()
    for _ in range(BACKUPS_KEPT + 3):
        b.backup()
    assert list_backups(a.path) == [only] and only.exists()
    assert len(list_backups(b.path)) == BACKUPS_KEPT


def test_restoring_a_brings_back_a_entries_not_b(two):
    a, b = two
    a.backup()
    b.backup()  # newer, but b's
    a.add_checkin(5)
    a.restore_from(list_backups(a.path)[-1])
    assert [r["note"] for r in a.records("checkins")] == ["a's"]


def test_rotation_never_deletes_a_file_the_person_put_in_backups(two):
    a, _ = two
    mine = a.path.parent / "backups" / "a copy I made.sqlite3"  # sorts before a's backups
    a.backup()
    mine.write_bytes(b"mine")
    for _ in range(BACKUPS_KEPT + 2):
        a.backup()
    assert mine.read_bytes() == b"mine"


def test_forget_removes_exactly_this_journals_files_and_says_which(two, tmp_path):
    a, b = two
    a.backup()
    b_copy = b.backup()
    mine = tmp_path / "backups" / "keep-me.txt"
    mine.write_text("mine")
    key = Path(f"{a.path}.key")
    key.write_bytes(b"wrapped key")
    a.close()
    gone = forget(a.path)
    assert a.path in gone and key in gone and not key.exists()
    assert not a.path.exists() and not list_backups(a.path)
    assert b_copy.exists() and mine.exists() and b.count("checkins") == 1
    assert all(p.name.startswith("a") for p in gone)


def test_forget_refuses_a_file_that_is_not_a_kit_journal(tmp_path):
    notes = tmp_path / "notes.txt"
    notes.write_text("my own notes")
    with pytest.raises(JournalError, match="won't delete"):
        forget(notes)
    assert notes.read_text() == "my own notes"


@pytest.mark.parametrize("content", [b"", b"SQLite format 3\x00" + b"\x00" * 50])
def test_empty_or_partial_backups_are_not_counted(journal, content):
    good = journal.backup()
    later = journal.path.parent / "backups" / "journal-29991231-235959-000000.sqlite3"
    later.write_bytes(content)
    assert list_backups(journal.path) == [good]


def test_a_backup_cut_short_is_not_counted(journal):
    good = journal.backup()
    data = good.read_bytes()
    cut = good.with_name("journal-29991231-235959-000000.sqlite3")
    cut.write_bytes(data[: len(data) // 2])
    assert list_backups(journal.path) == [good]


def test_ten_failed_backups_never_delete_the_last_good_one(journal):
    good = journal.backup()
    folder = good.parent
    for n in range(BACKUPS_KEPT + 2):
        (folder / f"journal-2999123{n % 10}-00000{n % 10}-00000{n}.sqlite3").write_bytes(b"")
    journal.backup()
    assert good.exists()


def test_a_failed_backup_leaves_nothing_behind(journal, monkeypatch):
    def broken(conn, key, temp):
        temp.write_bytes(b"half a copy")
        raise sqlite3.OperationalError("disk I/O error")

    monkeypatch.setattr(backups, "_copy_into", broken)
    with pytest.raises(JournalError):
        journal.backup()
    folder = journal.path.parent / "backups"
    assert list(folder.iterdir()) == [] if folder.exists() else True


def test_a_copy_that_fails_its_check_is_not_kept(journal, monkeypatch):
    def not_ours(conn, key, temp):
        sqlite3.connect(temp).close()  # a valid SQLite file without the kit's header

    monkeypatch.setattr(backups, "_copy_into", not_ours)
    with pytest.raises(JournalError, match="incomplete"):
        journal.backup()
    assert list_backups(journal.path) == []


def test_backup_is_daily_again_after_a_failed_one(journal):
    first = journal.backup()
    os.utime(first, (0, 0))  # a day (and more) ago
    (first.parent / "journal-29991231-235959-000000.sqlite3").write_bytes(b"")
    assert journal.backup_if_due() is not None


def test_restore_without_a_name_picks_the_newest_good_backup(tmp_path):
    from exback_kit.cli import main

    path = tmp_path / "journal.sqlite3"
    with Journal.open(path) as j:
        j.add_checkin(4)
        good = j.backup()
        j.add_checkin(9)
    (good.parent / "journal-29991231-235959-000000.sqlite3").write_bytes(b"")
    assert main(["--journal", str(path), "restore", "--yes"]) == 0
    with Journal.open(path, backup=False) as j:
        assert [r["mood"] for r in j.records("checkins")] == [4]


def test_restore_refuses_an_empty_sqlite_file(journal, tmp_path):
    journal.add_checkin(6)
    empty = tmp_path / "empty.sqlite3"
    sqlite3.connect(empty).execute("CREATE TABLE t (x)").connection.close()
    sqlite3.connect(empty).execute("DROP TABLE t").connection.close()
    with pytest.raises(JournalError, match="nothing was restored"):
        journal.restore_from(empty)
    assert journal.count("checkins") == 1


@pytest.mark.parametrize("content", [b"", b"hello", b"SQLite format 3\x00" + b"\x00" * 200])
def test_restore_refuses_files_that_are_not_kit_journals(journal, tmp_path, content):
    journal.add_checkin(6)
    other = tmp_path / "other.sqlite3"
    other.write_bytes(content)
    with pytest.raises(JournalError, match="nothing was restored"):
        journal.restore_from(other)
    assert journal.count("checkins") == 1


def test_restore_refuses_another_apps_database(journal, tmp_path):
    other = tmp_path / "app.db"
    conn = sqlite3.connect(other)
    conn.execute("CREATE TABLE notes (x)")
    conn.commit()
    conn.close()
    journal.add_checkin(6)
    with pytest.raises(JournalError, match="nothing was restored"):
        journal.restore_from(other)
    assert journal.count("checkins") == 1


def test_backup_to_a_symlink_is_refused_and_the_target_kept(journal, tmp_path):
    from exback_kit.errors import ValidationError

    target = tmp_path / "precious.txt"
    target.write_text("precious")
    link = tmp_path / "link.sqlite3"
    link.symlink_to(target)
    with pytest.raises(ValidationError, match="link"):
        journal.backup(link)
    assert target.read_text() == "precious" and link.is_symlink()


def test_backup_to_someone_elses_file_is_refused(journal, tmp_path):
    from exback_kit.errors import ValidationError

    other = tmp_path / "thesis.docx"
    other.write_bytes(b"years of work")
    with pytest.raises(ValidationError, match="isn't an exback-kit backup"):
        journal.backup(other)
    assert other.read_bytes() == b"years of work"


def test_a_backup_is_one_self_contained_file(journal):
    journal.add_checkin(5)
    copy = journal.backup()
    assert sorted(p.name for p in copy.parent.iterdir()) == [copy.name]
    conn = sqlite3.connect(f"{copy.as_uri()}?mode=ro", uri=True)
    assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "delete"
    conn.close()


def test_restore_brings_back_a_journal_too_damaged_to_open_and_keeps_the_damaged_file(tmp_path):
    from exback_kit.cli import main

    path = tmp_path / "journal.sqlite3"
    with Journal.open(path) as j:
        j.add_checkin(4)
        j.backup()
    path.write_bytes(b"\x13" * 5000)  # scrambled
    with pytest.raises(JournalError, match="exback restore"):
        Journal.open(path)
    assert main(["--journal", str(path), "restore", "--yes"]) == 0
    with Journal.open(path, backup=False) as j:
        assert [r["mood"] for r in j.records("checkins")] == [4]
    kept = [p for p in tmp_path.iterdir() if p.name.startswith("journal.sqlite3.damaged-")]
    assert len(kept) == 1 and kept[0].read_bytes() == b"\x13" * 5000


def test_restore_from_a_bad_source_leaves_a_damaged_journal_where_it_is(tmp_path):
    from exback_kit.cli import main

    path = tmp_path / "journal.sqlite3"
    path.write_bytes(b"\x13" * 5000)
    bad = tmp_path / "bad.sqlite3"
    bad.write_bytes(b"")
    assert main(["--journal", str(path), "restore", "--yes", str(bad)]) == 1
    assert path.read_bytes() == b"\x13" * 5000
    assert sorted(p.name for p in tmp_path.iterdir()) == ["bad.sqlite3", "journal.sqlite3"]


def test_a_journal_is_copied_as_it_was_before_a_migration(tmp_path):
    """A migration can't be undone: the kit keeps a backup at the old version first."""
    import shutil

    from exback_kit.store import SCHEMA_VERSION
    from exback_kit.store.migrations import MIGRATIONS

    path = tmp_path / "journal.sqlite3"
    shutil.copy(Path(__file__).parents[1] / "data" / "journal_v2.sqlite3", path)
    with Journal.open(path) as journal:
        assert journal.schema_version == max(MIGRATIONS) == SCHEMA_VERSION
    (before,) = [b for b in list_backups(path) if f"before-v{SCHEMA_VERSION}" in b.name]
    with sqlite3.connect(f"file:{before}?mode=ro", uri=True) as old:
        assert old.execute("PRAGMA user_version").fetchone()[0] == 2
    Journal.open(path).close()  # already current: no second copy
    assert len([b for b in list_backups(path) if "before-v" in b.name]) == 1


def test_the_daily_check_reads_the_newest_good_backups_header_only(journal, monkeypatch):
    """Ten backups kept: the check at every open reads one header, not ten; a damaged
    newest copy is passed over for the good one before it, as list_backups would."""
    from exback_kit.store import backup_files

    made = [journal.backup(label=f"n{i}") for i in range(10)]
    read: list[Path] = []
    real = backup_files.looks_complete
    monkeypatch.setattr(backup_files, "looks_complete", lambda p: read.append(p) or real(p))
    assert journal.backup_if_due() is None  # the newest is minutes old
    assert read == [made[-1]]
    damaged = made[-1].parent / "journal-29991231-235959-000000.sqlite3"
    damaged.write_bytes(b"not a journal")
    read.clear()
    assert backup_files.newest_backup(journal.path) == made[-1]
    assert read == [damaged, made[-1]]
    assert list_backups(journal.path)[-1] == made[-1]
    os.utime(made[-1], (0, 0))  # the newest good one a day (and more) old: a copy is due
    assert journal.backup_if_due() is not None
