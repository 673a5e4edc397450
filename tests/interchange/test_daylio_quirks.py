"""Daylio exports as the app really writes them: nothing lost, nothing imported twice.

Each fixture in tests/data/daylio/ is made for one quirk (same-minute twins, the old
layout in English and Polish, extra cells, the scales column, case, custom moods).
"""

from __future__ import annotations

import os
import shutil
import sqlite3
import subprocess
import sys
from datetime import date, datetime, time
from pathlib import Path

import pytest

from exback_kit.cli.daylio import preview_lines
from exback_kit.errors import ValidationError
from exback_kit.interchange import daylio
from exback_kit.store import Journal
from exback_kit.store.migrations import MIGRATIONS

DATA = Path(__file__).parents[1] / "data" / "daylio"
MOODS = {"sad": 3, "medium [-]": 4, "una mierda": 1}


@pytest.fixture
def data(tmp_path: Path) -> Path:
    """The quirk fixtures, copied into tmp_path."""
    return Path(shutil.copytree(DATA, tmp_path / "daylio"))


def _rows(journal) -> list[dict]:
    return journal.records("checkins")


def _cli(journal_path: Path, *args: str, tz: str | None = None) -> subprocess.CompletedProcess:
    env = {**os.environ, **({"TZ": tz} if tz else {})}
    return subprocess.run([sys.executable, "-m", "exback_kit.cli", "--journal", str(journal_path),
                           "import-daylio", *args], capture_output=True, text=True, timeout=120,
                          check=False, env=env)


# --- identity: two rows are two entries ------------------------------------------------

def test_same_minute_twins_with_other_activities_are_two_check_ins(journal, data):
    result = daylio.import_daylio(journal, data / "twins.csv")
    assert (result.added, result.unchanged) == (5, 0)
    twins = [r for r in _rows(journal) if r["day"] == date(2024, 5, 2)]
    assert sorted(tuple(r["habits"]) for r in twins) == [("saw friends",), ("walk", "reading")]
    assert all(r["at"].time() == time(20, 0) for r in twins)


def test_importing_twins_again_finds_each_one(journal, data):
    daylio.import_daylio(journal, data / "twins.csv")
    again = daylio.import_daylio(journal, data / "twins.csv")
    assert (again.added, again.updated, again.unchanged) == (0, 0, 5)
    assert journal.count("checkins") == 5


def test_identities_count_rows_that_say_the_same(data):
    from exback_kit.interchange.daylio_file import read_file

    ids = daylio.identities(read_file(data / "twins.csv").entries)
    assert len(set(ids)) == 5
    assert ids[2].split("#")[0] == ids[3].split("#")[0] and {ids[2][-2:], ids[3][-2:]} == {"#1",
                                                                                         "#2"}


# --- re-import is stable ----------------------------------------------------------------

def test_reimport_under_another_time_zone_adds_nothing(tmp_path, data):
    """A laptop that travelled: the entry's identity is its date and time as written."""
    path = tmp_path / "j.sqlite3"
    first = _cli(path, str(data / "twins.csv"), tz="Europe/Warsaw")
    assert first.returncode == 0, first.stderr
    second = _cli(path, str(data / "twins.csv"), tz="America/New_York")
    assert second.returncode == 0, second.stderr
    assert "New check-ins: 0." in second.stdout and "as they are: 5." in second.stdout
    count = sqlite3.connect(path).execute("SELECT count(*) FROM checkins").fetchone()[0]
    assert count == 5


def test_a_changed_mood_mapping_updates_the_check_ins_it_made(journal, data):
    path = data / "case_and_moods.csv"
    daylio.import_daylio(journal, path, mood_map=MOODS)
    before = {r["day"]: r for r in _rows(journal)}
    result = daylio.import_daylio(journal, path, mood_map={**MOODS, "Sad": 2})
    assert (result.added, result.updated, result.unchanged) == (0, 1, 5)
    after = {r["day"]: r for r in _rows(journal)}
    assert after[date(2024, 8, 4)]["mood"] == 2 and before[date(2024, 8, 4)]["mood"] == 3
    assert after[date(2024, 8, 4)]["id"] == before[date(2024, 8, 4)]["id"]
    assert journal.count("checkins") == 6


def test_an_activity_rename_is_applied_to_entries_imported_before(journal, data):
    path = data / "case_and_moods.csv"
    daylio.import_daylio(journal, path, mood_map=MOODS)
    result = daylio.import_daylio(journal, path, mood_map=MOODS,
                                  activity_map={"therapy": "therapy session"})
    assert (result.added, result.updated) == (0, 1)
    day = {r["day"]: r for r in _rows(journal)}[date(2024, 8, 5)]
    assert day["habits"] == ["taking SSRI", "therapy session"]


def test_an_update_is_a_new_version_so_it_reaches_other_devices(journal, data):
    path = data / "case_and_moods.csv"
    daylio.import_daylio(journal, path, mood_map=MOODS)
    read = "SELECT uuid, version FROM checkins WHERE day = '2024-08-04'"
    (uuid_before, version_before), = journal.execute_read(read)
    daylio.import_daylio(journal, path, mood_map={**MOODS, "sad": 2})
    (uuid_after, version_after), = journal.execute_read(read)
    assert uuid_after == uuid_before and version_after > version_before


def test_an_import_from_before_identities_were_recorded_is_adopted_not_copied(journal, export_v1):
    """Check-ins the old import made (lower-cased habits) are found, and get their case back."""
    at = datetime(2024, 3, 14, 21, 15).astimezone()
    journal.add_checkin(mood=7, habits=["gym", "saw friends", "good sleep"], at=at,
                        note="A better day\nWent for a run, then dinner with Sam, Ali and Jo.\n"
                             "Slept early.")
    result = daylio.import_daylio(journal, export_v1, mood_map={"ecstatic": 10, "numb": 4})
    assert (result.added, result.updated) == (6, 1)
    assert journal.count("checkins") == 7
    adopted = {r["day"]: r for r in _rows(journal)}[date(2024, 3, 14)]
    assert adopted["habits"] == ["Gym", "saw friends", "good sleep"]


def test_check_ins_another_device_imported_are_found_not_copied_or_swapped(tmp_path, data):
    """Sync brings the check-ins but not this journal's record of imports: same uuids, found."""
    path = tmp_path / "j.sqlite3"
    with Journal.open(path) as journal:
        daylio.import_daylio(journal, data / "twins.csv")
        before = journal.execute_read("SELECT identity, checkin_uuid FROM imported_entries")
    conn = sqlite3.connect(path)
    conn.execute("DELETE FROM imported_entries")  # as on a device that never imported it
    conn.commit()
    conn.close()
    with Journal.open(path) as journal:
        result = daylio.import_daylio(journal, data / "twins.csv")
        after = journal.execute_read("SELECT identity, checkin_uuid FROM imported_entries")
    assert (result.added, result.updated, result.unchanged) == (0, 0, 5)
    assert sorted(after) == sorted(before)


@pytest.fixture
def export_v1(tmp_path: Path) -> Path:
    """The main Daylio fixture (8 columns, custom moods), copied into tmp_path."""
    return Path(shutil.copy(DATA.parent / "daylio_export.csv", tmp_path / "export.csv"))


def test_two_imports_at_once_make_each_check_in_once(tmp_path, data):
    path = tmp_path / "j.sqlite3"
    Journal.open(path).close()
    cmd = [sys.executable, "-m", "exback_kit.cli", "--journal", str(path), "import-daylio",
           str(data / "twins.csv")]
    procs = [subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
             for _ in range(2)]
    outs = [p.communicate(timeout=120) for p in procs]
    assert [p.returncode for p in procs] == [0, 0], outs
    assert sqlite3.connect(path).execute("SELECT count(*) FROM checkins").fetchone()[0] == 5


# --- layouts ------------------------------------------------------------------------------

def test_the_old_english_layout_is_read_with_its_dates(journal, data):
    plan = daylio.preview(data / "old_layout_en.csv")
    assert plan.old_layout and plan.rows == 4
    assert (plan.first_day, plan.last_day) == (date(2017, 12, 31), date(2018, 5, 18))
    result = daylio.import_daylio(journal, data / "old_layout_en.csv")
    assert result.added == 4
    rows = {r["day"]: r for r in _rows(journal)}
    assert rows[date(2018, 5, 18)]["at"].time() == time(23, 54)
    assert rows[date(2018, 5, 18)]["note"] == "Went to a concert"
    assert rows[date(2018, 5, 16)]["mood"] == 1
    assert any("older versions of Daylio" in line for line in preview_lines(plan))


def test_the_old_polish_layout_maps_polish_moods_without_asking(journal, data):
    result = daylio.import_daylio(journal, data / "old_layout_pl.csv")
    assert (result.added, result.left_out) == (5, 0)
    rows = {r["day"]: r for r in _rows(journal)}
    assert [rows[d]["mood"] for d in (date(2017, 9, 7), date(2017, 9, 6), date(2017, 9, 5),
                                      date(2017, 10, 12), date(2017, 1, 1))] == [9, 7, 5, 3, 1]
    # Daylio's "sport" is the kit's own habit "exercise".
    assert rows[date(2017, 9, 7)]["habits"] == ["przyjaciele", "exercise"]
    assert rows[date(2017, 1, 1)]["note"] == "Nowy rok, stare myśli"


@pytest.mark.parametrize("year,text,expected", [
    ("2018", "18 May", date(2018, 5, 18)),
    ("2018", "May 18", date(2018, 5, 18)),
    ("2017", "7 września", date(2017, 9, 7)),
    ("2017", "12 paź", date(2017, 10, 12)),
    ("2018", "7. September", date(2018, 9, 7)),
    ("2018", "7 de septiembre", date(2018, 9, 7)),
    ("2018", "3 févr.", date(2018, 2, 3)),
    ("2018", "5月18日", date(2018, 5, 18)),
])
def test_old_dates_in_the_phones_language(year, text, expected):
    from exback_kit.interchange.daylio_file import parse_old_date

    assert parse_old_date(year, text) == expected


@pytest.mark.parametrize("year,text,field", [
    ("2018", "Smarch 18", "date"), ("2018", "18", "date"), ("2018", "31 February", "date"),
    ("'18", "18 May", "year"),
])
def test_an_old_date_that_cant_be_read_is_named_and_nothing_is_written(journal, tmp_path,
                                                                        year, text, field):
    path = tmp_path / "old.csv"
    path.write_text("year,date,weekday,time,mood,activities,note\n"
                    f"2018,17 May,x,21:00,good,\"\",\"\"\n{year},{text},x,21:00,good,\"\",\"\"\n",
                    encoding="utf-8")
    with pytest.raises(ValidationError) as info:
        daylio.import_daylio(journal, path)
    assert info.value.field == field and "Row 2 " in str(info.value)
    assert journal.count("checkins") == 0


def test_a_row_with_extra_cells_keeps_its_text_in_the_note(journal, data):
    plan = daylio.preview(data / "extra_cells.csv")
    assert plan.extra_rows == (1,)
    assert any("Rows with more cells" in line and ": 1." in line for line in preview_lines(plan))
    daylio.import_daylio(journal, data / "extra_cells.csv")
    rows = {r["day"]: r for r in _rows(journal)}
    assert rows[date(2024, 6, 3)]["note"] == "Saw the sea, then the old harbour"
    assert rows[date(2024, 6, 2)]["note"] == "Tired\nslept badly"  # title as the first line


def test_the_scales_column_gives_sleep_hours_and_keeps_the_rest(journal, data):
    plan = daylio.preview(data / "scales.csv")
    assert (plan.sleep, plan.scales) == (2, 2)
    daylio.import_daylio(journal, data / "scales.csv")
    rows = {r["day"]: r for r in _rows(journal)}
    assert rows[date(2024, 7, 10)]["sleep_hours"] == 7.5
    assert rows[date(2024, 7, 10)]["note"] == "Good session\nDaylio scales: Sleep quality: 4"
    assert rows[date(2024, 7, 9)]["sleep_hours"] == 5.25
    assert rows[date(2024, 7, 9)]["note"] == "Daylio scales: Stress: 4"
    assert rows[date(2024, 7, 8)]["sleep_hours"] is None and rows[date(2024, 7, 8)]["note"] == ""


@pytest.mark.parametrize("cell,hours,rest", [
    ("Sleep quality: 4 | Sleep time: 7h 30m", 7.5, "Sleep quality: 4"),
    ("Sleep time 7:30", 7.5, ""),
    ("Sleep: 6,5 h", 6.5, ""),
    ("Sleep time: 8", 8.0, ""),
    ("sleep: 4", None, "sleep: 4"),  # a rating, not hours
    ("Sleep time: 30h", None, "Sleep time: 30h"),  # not a night's sleep
    ("Energy: 3", None, "Energy: 3"),
])
def test_sleep_time_in_a_scales_cell(cell, hours, rest):
    from exback_kit.interchange.daylio_file import sleep_from_scales

    assert sleep_from_scales(cell) == (hours, rest)


def test_activities_keep_their_case(journal, data):
    daylio.import_daylio(journal, data / "case_and_moods.csv", mood_map=MOODS)
    rows = {r["day"]: r for r in _rows(journal)}
    assert rows[date(2024, 8, 5)]["habits"] == ["taking SSRI", "Therapy"]
    assert rows[date(2024, 8, 4)]["habits"] == ["taking SSRI"]


def test_note_titles_are_said_in_the_preview(data):
    plan = daylio.preview(data / "extra_cells.csv")
    assert plan.titles == 1
    assert any("title becomes its first line" in line for line in preview_lines(plan))


# --- the journal's record of imports --------------------------------------------------------

def test_a_journal_from_before_gets_the_import_record_table(tmp_path):
    path = tmp_path / "j.sqlite3"
    shutil.copy(Path(__file__).parents[1] / "data" / "journal_v2.sqlite3", path)
    with Journal.open(path) as journal:
        assert journal.schema_version == max(MIGRATIONS)
        assert journal.execute_read("SELECT count(*) FROM imported_entries") == [(0,)]


def test_an_import_record_keeps_no_note_text(journal, data):
    daylio.import_daylio(journal, data / "extra_cells.csv")
    raw = " ".join(r[0] for r in journal.execute_read("SELECT raw FROM imported_entries"))
    assert "2024-06-03" in raw and "Saw the sea" not in raw and "Tired" not in raw
