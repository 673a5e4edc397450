"""The journal store: what it accepts, what it refuses, and what survives."""

from __future__ import annotations

import math
import os
import shutil
import sqlite3
import stat
import time
from datetime import date, datetime, timedelta, timezone
from pathlib import Path

import pandas as pd
import pytest

from exback_kit import Journal, JournalError, ValidationError
from exback_kit.store import SCHEMA_VERSION, default_path, list_backups
from exback_kit.store.backups import BACKUPS_KEPT
from exback_kit.store.sqlite_header import APPLICATION_ID

DATA = Path(__file__).parents[1] / "data"


# --- where it lives --------------------------------------------------------------

def test_explicit_path_beats_exback_home(tmp_path, monkeypatch):
    monkeypatch.setenv("EXBACK_HOME", str(tmp_path / "home"))
    with Journal.open(tmp_path / "elsewhere" / "j.sqlite3") as j:
        assert j.path == tmp_path / "elsewhere" / "j.sqlite3"
    assert not (tmp_path / "home").exists()


def test_exback_home_beats_platform_folder(tmp_path, monkeypatch):
    monkeypatch.setenv("EXBACK_HOME", str(tmp_path / "home"))
    assert default_path() == tmp_path / "home" / "journal.sqlite3"


def test_platform_folder_when_nothing_is_set(tmp_path, monkeypatch):
    monkeypatch.delenv("EXBACK_HOME")
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "xdg"))
    assert default_path() == tmp_path / "xdg" / "exback-kit" / "journal.sqlite3"


def test_file_is_private_and_folder_is_private(tmp_path):
    with Journal.open(tmp_path / "new" / "j.sqlite3") as j:
        j.add_checkin(mood=5)
        assert stat.S_IMODE(j.path.stat().st_mode) == 0o600
        assert stat.S_IMODE(j.path.parent.stat().st_mode) == 0o700
        wal = Path(f"{j.path}-wal")
        assert stat.S_IMODE(wal.stat().st_mode) & 0o077 == 0


def test_connection_is_wal_full_sync_with_foreign_keys(journal):
    conn = journal._conn
    assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert conn.execute("PRAGMA synchronous").fetchone()[0] == 2  # FULL
    assert conn.execute("PRAGMA foreign_keys").fetchone()[0] == 1
    assert conn.execute("PRAGMA busy_timeout").fetchone()[0] >= 5000


# --- writing and reading -------------------------------------------------------------

def test_public_api_round_trip(journal):
    cid = journal.add_checkin(mood=7, energy=4, sleep_hours=6.5, habits=["exercise"],
                              note="slept badly")
    journal.log_contact(initiated_by="me", channel="text", replied=False, logistics=False)
    journal.log_urge(intensity=8, trigger="late night", acted_on=False, helped="walk")
    journal.save_answer(step=2, question="still_in_love", value="yes")
    df = journal.table("checkins")
    assert cid == 1 and len(df) == 1
    row = df.iloc[0]
    assert (row["mood"], row["energy"], row["sleep_hours"]) == (7, 4, 6.5)
    assert row["habits"] == ["exercise"] and row["note"] == "slept badly"
    assert journal.table("contacts")["replied"].dtype == bool
    assert journal.table("urges").iloc[0]["trigger"] == "late night"
    assert journal.latest_answers(2) == {"still_in_love": "yes"}


def test_table_columns_are_typed(journal):
    plus_two = timezone(timedelta(hours=2))
    journal.add_checkin(mood=5, at=datetime(2026, 3, 1, 23, 30, tzinfo=plus_two))
    journal.add_checkin(mood=6, energy=3)
    df = journal.table("checkins")
    assert isinstance(df["at"].dtype, pd.DatetimeTZDtype)
    assert pd.api.types.is_datetime64_dtype(df["day"])
    assert df["mood"].dtype == "Int64" and df["energy"].dtype == "Int64"
    assert pd.isna(df.iloc[0]["energy"])
    assert df.iloc[0]["day"] == pd.Timestamp("2026-03-01")  # local day of the entry
    assert df.iloc[0]["hour"] == 23


def test_empty_table_has_the_same_columns(journal):
    df = journal.table("urges")
    assert list(df.columns) == ["id", "at", "day", "hour", "intensity", "trigger", "acted_on",
                                "helped", "note", "intensity_after", "rode_it_out", "written"]
    assert len(df) == 0


def test_answers_keep_history(journal):
    journal.save_answer(2, "decision", "not_sure")
    journal.save_answer(2, "decision", "move_on")
    assert journal.latest_answers(2) == {"decision": "move_on"}
    assert len(journal.table("answers")) == 2


def test_several_checkins_a_day_are_allowed(journal):
    for mood in (3, 5, 8):
        journal.add_checkin(mood=mood, at=date(2026, 1, 10))
    assert list(journal.table("checkins")["mood"]) == [3, 5, 8]


def test_date_only_means_that_day(journal):
    journal.add_checkin(mood=5, at="2026-02-03")
    assert str(journal.records("checkins")[0]["day"]) == "2026-02-03"


def test_update_changes_only_updatable_fields(journal):
    mid = journal.add("unsent", text="I miss you")
    journal.update("unsent", mid, status="let_go")
    assert journal.records("unsent")[0]["status"] == "let_go"
    with pytest.raises(ValidationError, match="text"):
        journal.update("unsent", mid, text="changed")
    with pytest.raises(ValidationError, match="id 99"):
        journal.update("unsent", 99, status="let_go")
    assert journal.records("unsent")[0]["text"] == "I miss you"


def test_settings_round_trip(journal):
    assert journal.get_setting("crisis_contacts", []) == []
    journal.set_setting("crisis_contacts", [{"name": "Friend", "detail": "123"}])
    journal.set_setting("crisis_contacts", [{"name": "Sam"}])
    assert journal.get_setting("crisis_contacts") == [{"name": "Sam"}]


# --- bad input: a clear message naming the field, and nothing written -------------------

BAD_CHECKINS = [
    ({"mood": 0}, "mood", "1 to 10"),
    ({"mood": 11}, "mood", "1 to 10"),
    ({"mood": "seven"}, "mood", "1 to 10"),
    ({"mood": math.nan}, "mood", "1 to 10"),
    ({"mood": math.inf}, "mood", "1 to 10"),
    ({"mood": 6.5}, "mood", "whole number"),
    ({"mood": True}, "mood", "1 to 10"),
    ({"mood": None}, "mood", "needed"),
    ({"mood": 5, "energy": 0}, "energy", "1 to 10"),
    ({"mood": 5, "sleep_hours": 25}, "sleep_hours", "0 to 24"),
    ({"mood": 5, "sleep_hours": -1}, "sleep_hours", "0 to 24"),
    ({"mood": 5, "note": "a\x00b"}, "note", "NUL"),
    ({"mood": 5, "note": "x" * 1_000_000}, "note", "20,000"),
    ({"mood": 5, "note": 42}, "note", "isn't text"),
    ({"mood": 5, "habits": "exercise"}, "habits", "list"),
    ({"mood": 5, "habits": ["x" * 101]}, "habits", "100"),
    ({"mood": 5, "at": "2999-01-01"}, "at", "future"),
    ({"mood": 5, "at": "yesterday"}, "at", "date"),
    ({"mood": 5, "at": "1800-01-01"}, "at", "1900"),
]


@pytest.mark.parametrize(("values", "field", "allowed"), BAD_CHECKINS)
def test_bad_checkin_is_refused_and_nothing_written(journal, values, field, allowed):
    with pytest.raises(ValidationError) as info:
        journal.add_checkin(**values)
    assert info.value.field == field
    assert str(info.value).startswith(field) and allowed in str(info.value)
    assert journal.count("checkins") == 0


@pytest.mark.parametrize("note", ["", "   ", "\n\t "])
def test_empty_or_blank_note_is_stored_as_empty(journal, note):
    journal.add_checkin(mood=5, note=note)
    assert journal.records("checkins")[0]["note"] == ""


@pytest.mark.parametrize("note", ["😀🫶 better today", "היום היה קשה", "مرحبا  \u200f!",
                                  "  spaces kept  ", "line1\nline2\r\nline3",
                                  "<img src=x onerror=alert(1)>", "=HYPERLINK(\"x\")",
                                  "x" * 20_000])
def test_unusual_text_is_stored_exactly(journal, note):
    journal.add_checkin(mood=5, note=note)
    assert journal.records("checkins")[0]["note"] == note
    assert journal.table("checkins").iloc[0]["note"] == note


def test_numeric_text_and_integral_floats_are_accepted(journal):
    journal.add_checkin(mood="7", energy=4.0, sleep_hours="6.5")
    row = journal.records("checkins")[0]
    assert (row["mood"], row["energy"], row["sleep_hours"]) == (7, 4, 6.5)


@pytest.mark.parametrize(("kind", "values", "field"), [
    ("contacts", {"initiated_by": "ex"}, "initiated_by"),
    ("contacts", {"initiated_by": "me", "channel": "pigeon"}, "channel"),
    ("contacts", {"initiated_by": "me", "replied": "maybe"}, "replied"),
    ("urges", {"intensity": 12}, "intensity"),
    ("answers", {"step": 19, "question": "q", "value": "x"}, "step"),
    ("answers", {"step": 2, "question": "q", "value": {1, 2}}, "value"),
    ("unsent", {"text": "   "}, "text"),
    ("decisions", {"decision": "maybe"}, "decision"),
    ("milestones", {"title": "move in", "done_day": "2999-01-01"}, "done_day"),
    ("checkins", {"mood": 5, "colour": "blue"}, "colour"),
])
def test_bad_values_in_other_kinds(journal, kind, values, field):
    with pytest.raises(ValidationError) as info:
        journal.add(kind, **values)
    assert info.value.field == field
    assert journal.count(kind) == 0


def test_unknown_kind_is_refused(journal):
    with pytest.raises(ValidationError, match="no kind of entry called 'texts_to_ex'"):
        journal.add("texts_to_ex", body="hi")


def test_milestone_target_may_be_in_the_future(journal):
    journal.add("milestones", title="Move in together, maybe", target_day=date(2030, 1, 1))
    assert str(journal.records("milestones")[0]["target_day"]) == "2030-01-01"


def test_add_many_writes_all_or_nothing(journal):
    with pytest.raises(ValidationError, match="Entry 2"):
        journal.add_many("checkins", [{"mood": 5}, {"mood": 50}, {"mood": 6}])
    assert journal.count("checkins") == 0
    ids = journal.add_many("checkins", [{"mood": 5, "at": "2026-01-01"}, {"mood": 6}])
    assert len(ids) == 2 and journal.count("checkins") == 2


# --- files that are not ours -------------------------------------------------------------

def _bytes(path: Path) -> bytes:
    return path.read_bytes()


def test_foreign_file_is_refused_and_untouched(tmp_path):
    path = tmp_path / "notes.sqlite3"
    path.write_bytes(b"This is my shopping list, not a database.\n" * 10)
    before = _bytes(path)
    with pytest.raises(JournalError, match="isn't an exback-kit journal") as info:
        Journal.open(path)
    assert str(path) in str(info.value)
    assert _bytes(path) == before


def test_other_apps_sqlite_file_is_refused_and_untouched(tmp_path):
    path = tmp_path / "other.sqlite3"
    conn = sqlite3.connect(path)
    conn.execute("CREATE TABLE songs (title TEXT)")
    conn.execute("INSERT INTO songs VALUES ('x')")
    conn.commit()
    conn.close()
    before = _bytes(path)
    with pytest.raises(JournalError, match="isn't an exback-kit journal"):
        Journal.open(path)
    assert _bytes(path) == before


def test_corrupt_journal_is_refused_and_points_at_newest_backup(tmp_path):
    path = tmp_path / "j.sqlite3"
    with Journal.open(path) as j:
        j.add_checkin(mood=5)
        backup = j.backup()
    data = bytearray(path.read_bytes())
    data[100:4096] = b"\xff" * (4096 - 100)  # smash the first page after the header
    path.write_bytes(bytes(data))
    Path(f"{path}-wal").unlink(missing_ok=True)
    before = _bytes(path)
    with pytest.raises(JournalError) as info:
        Journal.open(path)
    assert str(backup) in str(info.value)
    assert _bytes(path) == before


def test_newer_journal_is_refused_and_untouched(tmp_path):
    path = tmp_path / "j.sqlite3"
    with Journal.open(path) as j:
        j.add_checkin(mood=5)
        j._conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 1}")
        j._conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    before = _bytes(path)
    with pytest.raises(JournalError, match="newer version"):
        Journal.open(path)
    assert _bytes(path) == before


def test_empty_file_becomes_a_new_journal(tmp_path):
    path = tmp_path / "j.sqlite3"
    path.touch()
    with Journal.open(path) as j:
        assert j.schema_version == SCHEMA_VERSION


# --- migrations ----------------------------------------------------------------------------

def test_v1_journal_opens_and_upgrades_keeping_everything(tmp_path):
    path = tmp_path / "old.sqlite3"
    shutil.copy(DATA / "journal_v1.sqlite3", path)
    with Journal.open(path) as j:
        assert j.schema_version == SCHEMA_VERSION
        df = j.table("checkins")
        assert list(df["mood"]) == [4, 6] and df["energy"].isna().all()
        assert df.iloc[0]["note"] == "first week" and df.iloc[0]["habits"] == ["exercise"]
        assert j.records("contacts")[0]["logistics"] is True
        assert j.latest_answers(2) == {"still_in_love": "yes"}
        assert j.get_setting("habits") == ["exercise"]
        j.add_checkin(mood=7, energy=5)  # new columns work
        j.add("unsent", text="new table works")
    conn = sqlite3.connect(path)
    assert conn.execute("PRAGMA application_id").fetchone()[0] == APPLICATION_ID
    conn.close()


def test_two_processes_opening_an_old_journal_migrate_once(tmp_path):
    import subprocess
    import sys

    path = tmp_path / "old.sqlite3"
    shutil.copy(DATA / "journal_v1.sqlite3", path)
    code = ("import sys; from exback_kit import Journal; "
            "j = Journal.open(sys.argv[1], backup=False); j.add_checkin(mood=5); j.close()")
    procs = [subprocess.Popen([sys.executable, "-c", code, str(path)]) for _ in range(4)]
    assert [p.wait(60) for p in procs] == [0, 0, 0, 0]
    with Journal.open(path) as j:
        assert j.count("checkins") == 6


# --- backups -----------------------------------------------------------------------------

def test_backup_made_on_open_when_a_day_old_and_only_ten_kept(tmp_path):
    path = tmp_path / "j.sqlite3"
    with Journal.open(path) as j:
        j.add_checkin(mood=5)
    assert list_backups(path) == []  # a brand-new journal has nothing to back up
    for _ in range(BACKUPS_KEPT + 3):
        with Journal.open(path):
            pass
        newest = list_backups(path)[-1]
        old = time.time() - 2 * 24 * 3600
        os.utime(newest, (old, old))
    backups = list_backups(path)
    assert len(backups) == BACKUPS_KEPT
    with Journal.open(backups[-1]) as copy:
        assert copy.count("checkins") == 1


def test_no_second_backup_within_a_day(tmp_path):
    path = tmp_path / "j.sqlite3"
    Journal.open(path).close()
    for _ in range(3):
        Journal.open(path).close()
    assert len(list_backups(path)) == 1


def test_restore_brings_back_a_backup_and_keeps_a_safety_copy(tmp_path):
    path = tmp_path / "j.sqlite3"
    with Journal.open(path) as j:
        j.add_checkin(mood=3)
        backup = j.backup()
        j.add_checkin(mood=9)
        safety = j.restore_from(backup)
        assert list(j.table("checkins")["mood"]) == [3]
    with Journal.open(safety) as s:
        assert s.count("checkins") == 2


def test_restore_refuses_a_file_that_is_not_a_journal(tmp_path):
    path = tmp_path / "j.sqlite3"
    bogus = tmp_path / "bogus.sqlite3"
    bogus.write_text("nope")
    with Journal.open(path) as j:
        j.add_checkin(mood=4)
        with pytest.raises(JournalError):
            j.restore_from(bogus)
        assert j.count("checkins") == 1


def test_restore_from_a_missing_file_changes_nothing_and_creates_nothing(tmp_path):
    path = tmp_path / "j.sqlite3"
    missing = tmp_path / "typo.sqlite3"
    with Journal.open(path) as j:
        j.add_checkin(mood=4)
        with pytest.raises(JournalError):
            j.restore_from(missing)
        assert j.count("checkins") == 1
    assert not missing.exists()


def test_restore_leaves_the_backup_untouched_and_upgrades_an_old_one(tmp_path):
    old = tmp_path / "old-backup.sqlite3"
    shutil.copy(DATA / "journal_v1.sqlite3", old)
    before = _bytes(old)
    with Journal.open(tmp_path / "j.sqlite3") as j:
        j.restore_from(old)
        assert j.schema_version == SCHEMA_VERSION
        assert list(j.table("checkins")["mood"]) == [4, 6]
        j.add_checkin(mood=5, energy=2)
    assert _bytes(old) == before


def test_a_safety_copy_never_counts_as_newer_than_later_backups(tmp_path):
    path = tmp_path / "j.sqlite3"
    with Journal.open(path) as j:
        j.add_checkin(mood=3)
        first = j.backup()
        safety = j.restore_from(first)
        time.sleep(0.01)
        later = j.backup()
    assert "before-restore" in safety.name
    assert list_backups(path)[-1] == later


def test_migrations_build_exactly_the_schema_the_code_expects(journal):
    """schema.TABLES and the frozen migrations never drift apart."""
    from exback_kit.store.clock import SYNC_COLUMNS
    from exback_kit.store.schema import TABLES

    for kind, specs in TABLES.items():
        columns = {row[1] for row in journal.execute_read(f"PRAGMA table_info({kind})")}
        assert columns == {"id", "at", "day", *SYNC_COLUMNS, *(f.name for f in specs)}, kind
