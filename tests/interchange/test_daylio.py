"""Daylio import: moods mapped onto 1–10, activities onto habits, nothing imported twice."""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
from datetime import date, datetime, time
from pathlib import Path

import pytest

from exback_kit.cli import main
from exback_kit.cli.daylio import parse_mapping
from exback_kit.errors import ValidationError
from exback_kit.interchange import daylio

FIXTURE = Path(__file__).parents[1] / "data" / "daylio_export.csv"
CUSTOM = {"ecstatic": 10, "numb": 4}
HEADER = "full_date,date,weekday,time,mood,activities,note_title,note\n"


@pytest.fixture
def export(tmp_path: Path) -> Path:
    """A copy of the Daylio fixture in tmp_path."""
    return Path(shutil.copy(FIXTURE, tmp_path / "daylio_export.csv"))


def _write(tmp_path: Path, body: str, header: str = HEADER) -> Path:
    path = tmp_path / "export.csv"
    path.write_text(header + body, encoding="utf-8")
    return path


def _by_day(journal) -> dict[str, dict]:
    return {str(r["day"]): r for r in journal.records("checkins")}


def test_default_moods_sit_on_the_1_to_10_scale():
    assert daylio.default_mood_map() == {"rad": 9, "good": 7, "meh": 5, "bad": 3, "awful": 1}


def test_preview_names_moods_activities_and_the_mapping(export):
    plan = daylio.preview(export)
    assert plan.rows == 7
    assert (plan.first_day, plan.last_day) == (date(2024, 3, 8), date(2024, 3, 14))
    assert plan.moods["good"] == 1 and plan.activities["work"] == 3
    assert plan.mood_map["rad"] == 9 and plan.mood_map["ecstatic"] is None
    assert set(plan.unmapped_moods) == {"ecstatic", "numb"}
    assert plan.activity_map["Gym"] == "Gym"  # its case kept
    assert plan.activity_map["friends"] == "saw friends"  # the kit's own habit


def test_preview_applies_the_persons_mapping(export):
    plan = daylio.preview(export, mood_map={"Ecstatic": 10}, activity_map={"GYM": "Exercise"})
    assert plan.mood_map["ecstatic"] == 10 and plan.unmapped_moods == ("numb",)
    assert plan.activity_map["Gym"] == plan.activity_map["gym"] == "Exercise"


def test_custom_moods_stop_the_import_with_a_way_to_map_them(journal, export):
    with pytest.raises(ValidationError) as info:
        daylio.import_daylio(journal, export)
    message = str(info.value)
    assert "'ecstatic'" in message and "'numb'" in message and "--map-mood" in message
    assert info.value.field == "mood"
    assert journal.count("checkins") == 0


def test_import_maps_moods_activities_and_notes(journal, export):
    result = daylio.import_daylio(journal, export, mood_map=CUSTOM,
                                  activity_map={"gym": "exercise", "work": ""})
    assert (result.added, result.unchanged, result.left_out) == (7, 0, 0)
    rows = _by_day(journal)
    assert [rows[f"2024-03-{d:02d}"]["mood"] for d in range(8, 15)] == [3, 9, 4, 1, 10, 5, 7]
    assert rows["2024-03-14"]["habits"] == ["exercise", "saw friends", "good sleep"]
    assert rows["2024-03-09"]["habits"] == ["exercise", "family", "cooking"]
    assert rows["2024-03-13"]["habits"] == ["reading"]  # "work" was left out
    assert rows["2024-03-11"]["habits"] == []
    assert "exercise" in result.habits and "work" not in result.habits


def test_notes_keep_commas_newlines_and_lose_daylio_markup(journal, export):
    daylio.import_daylio(journal, export, mood_map=CUSTOM)
    rows = _by_day(journal)
    assert rows["2024-03-14"]["note"] == (
        "A better day\nWent for a run, then dinner with Sam, Ali and Jo.\nSlept early.")
    assert rows["2024-03-11"]["note"].startswith("Rough night\nCouldn't sleep, kept thinking")
    assert "\nthe old flat, the plans, all of it.\n\nWrote it down" in rows["2024-03-11"]["note"]
    assert rows["2024-03-09"]["note"] == "Family lunch & a long walk"
    assert rows["2024-03-13"]["note"] == ""


def test_times_are_local_moments_in_12_and_24_hour_form(journal, export):
    daylio.import_daylio(journal, export, mood_map=CUSTOM)
    rows = _by_day(journal)
    assert rows["2024-03-14"]["at"].time() == time(21, 15)
    assert rows["2024-03-13"]["at"].time() == time(21, 40)
    assert rows["2024-03-12"]["at"].time() == time(8, 5)
    assert rows["2024-03-10"]["at"].time() == time(12, 30)


def test_importing_the_same_file_again_adds_nothing(journal, export):
    first = daylio.import_daylio(journal, export, mood_map=CUSTOM)
    again = daylio.import_daylio(journal, export, mood_map=CUSTOM)
    assert (first.added, again.added, again.unchanged, again.updated) == (7, 0, 7, 0)
    assert journal.count("checkins") == 7


def test_a_longer_export_adds_only_the_new_entries(journal, export, tmp_path):
    daylio.import_daylio(journal, export, mood_map=CUSTOM)
    longer = tmp_path / "longer.csv"
    longer.write_text(HEADER + "2024-03-15,March 15,Friday,8:00 pm,good,\"\",\"\",\"new\"\n"
                      + export.read_text(encoding="utf-8").split("\n", 1)[1], encoding="utf-8")
    result = daylio.import_daylio(journal, longer, mood_map=CUSTOM)
    assert (result.added, result.unchanged) == (1, 7)
    assert journal.count("checkins") == 8


def test_a_checkin_logged_in_the_kit_is_not_mistaken_for_a_daylio_one(journal, export):
    journal.add_checkin(mood=7, note="", at=datetime(2024, 3, 14, 21, 15).astimezone())
    result = daylio.import_daylio(journal, export, mood_map=CUSTOM)
    assert result.added == 7  # same moment and mood, different note: a different entry


def test_two_rows_saying_the_same_are_two_entries_and_stay_two(journal, tmp_path):
    """Daylio wrote two entries (a backfilled day at its default time); neither is lost."""
    row = "2024-02-01,February 1,Thursday,9:00 pm,good,\"gym\",\"\",\"same, words\"\n"
    path = _write(tmp_path, row * 2)
    assert daylio.import_daylio(journal, path).added == 2
    again = daylio.import_daylio(journal, path)
    assert (again.added, again.unchanged) == (0, 2)
    assert journal.count("checkins") == 2


def test_skip_unmapped_leaves_those_entries_out_and_says_which(journal, export):
    result = daylio.import_daylio(journal, export, mood_map={"ecstatic": 10},
                                  skip_unmapped=True)
    assert (result.added, result.left_out, result.unmapped_moods) == (6, 1, ("numb",))


def test_a_file_missing_daylio_columns_is_refused_naming_them(journal, tmp_path):
    path = _write(tmp_path, "2024-01-01,5\n", header="day,score\n")
    with pytest.raises(ValidationError) as info:
        daylio.import_daylio(journal, path)
    assert "full_date, time, mood, activities" in str(info.value)
    assert "year,date,weekday,time,mood,activities,note" in str(info.value)
    assert "doesn't look like a Daylio CSV export" in str(info.value)
    assert journal.count("checkins") == 0


def test_an_older_export_without_note_title_still_imports(journal, tmp_path):
    path = _write(tmp_path, "2024-01-01,January 1,Monday,10:00 am,meh,\"\",\"hi\"\n",
                  header="full_date,date,weekday,time,mood,activities,note\n")
    assert daylio.import_daylio(journal, path).added == 1
    assert journal.records("checkins")[0]["note"] == "hi"


def test_a_byte_order_mark_is_not_part_of_the_first_column(journal, tmp_path):
    path = tmp_path / "bom.csv"
    path.write_bytes(b"\xef\xbb\xbf" + (HEADER + "2024-01-01,x,y,10:00,rad,\"\",\"\",\"\"\n")
                     .encode("utf-8"))
    assert daylio.import_daylio(journal, path).added == 1


@pytest.mark.parametrize("content,expected", [
    (b"\x89PNG\r\n\x1a\n\x00\x00\xff\xfe", "isn't a readable CSV"),
    (HEADER.encode(), "has no entries"),
])
def test_binary_and_empty_files_are_refused(journal, tmp_path, content, expected):
    path = tmp_path / "odd.csv"
    path.write_bytes(content)
    with pytest.raises(ValidationError, match=expected):
        daylio.import_daylio(journal, path)


@pytest.mark.parametrize("row,field,words", [
    ("14/03/2024,x,y,9:15 pm,good,\"\",\"\",\"\"", "full_date", "2024-03-14"),
    ("2024-03-14,x,y,quarter past,good,\"\",\"\",\"\"", "time", "9:15 pm"),
    ("2024-03-14,x,y,13:15 pm,good,\"\",\"\",\"\"", "time", "21:15"),
    ("2024-03-14,x,y,9:15 pm,,\"\",\"\",\"\"", "mood", "no mood"),
    ("2999-03-14,x,y,9:15 pm,good,\"\",\"\",\"\"", "at", "future"),
])
def test_a_bad_row_is_named_and_nothing_is_written(journal, tmp_path, row, field, words):
    good = "2024-03-13,x,y,9:15 pm,good,\"\",\"\",\"\"\n"
    with pytest.raises(ValidationError) as info:
        daylio.import_daylio(journal, _write(tmp_path, good + row + "\n"))
    assert info.value.field == field
    assert "Row 2 " in str(info.value) and words in str(info.value)
    assert journal.count("checkins") == 0


def test_a_mood_score_outside_1_to_10_is_refused(journal, export):
    with pytest.raises(ValidationError, match="1 to 10"):
        daylio.import_daylio(journal, export, mood_map={"ecstatic": 11, "numb": 4})


@pytest.mark.parametrize("text,scores,expected", [
    ("ecstatic=10", True, {"ecstatic": 10}),
    ("Over the moon = 9", True, {"over the moon": 9}),
    ("gym=exercise", False, {"gym": "exercise"}),
    ("work=", False, {"work": ""}),
    ("movies & tv=Hobby", False, {"movies & tv": "Hobby"}),
    ("sad=bad", True, {"sad": 3}),
    ("Medium [-]=Meh", True, {"medium [-]": 5}),
])
def test_parse_mapping_reads_name_equals_value(text, scores, expected):
    assert parse_mapping([text], "--x", scores=scores) == expected


@pytest.mark.parametrize("text,scores", [("ecstatic", True), ("ecstatic=0", True),
                                          ("ecstatic=ten", True), ("=5", True),
                                          ("sad=worse", True), ("sad=11", True),
                                          ("gym", False), ("=exercise", False)])
def test_parse_mapping_refuses_other_text_naming_the_option(text, scores):
    with pytest.raises(ValidationError, match="--x") as info:
        parse_mapping([text], "--x", scores=scores)
    assert info.value.field == "--x"


def test_cli_shows_the_mapping_and_dry_run_imports_nothing(tmp_path, export, capsys):
    journal_path = tmp_path / "j.sqlite3"
    assert main(["--journal", str(journal_path), "import-daylio", str(export),
                 "--map-mood", "ecstatic=10", "--map-mood", "numb=4", "--dry-run"]) == 0
    out = capsys.readouterr().out
    assert re.search(r"ecstatic +1 +10 +your mapping", out)
    assert "friends (2) → saw friends" in out
    assert "nothing was imported" in out
    assert not journal_path.exists()


def test_cli_stops_on_custom_moods_with_exit_2(tmp_path, export, capsys):
    assert main(["--journal", str(tmp_path / "j.sqlite3"), "import-daylio", str(export)]) == 2
    captured = capsys.readouterr()
    assert re.search(r"numb +1 +– +needs you", captured.out)
    assert "'ecstatic', 'numb'" in captured.err
    assert '--map-mood "ecstatic=9"' in captured.err  # "ecstatic" sounds like rad
    assert "numb=" not in captured.err  # no score proposed for a name the kit can't place
    assert "Nothing was changed" not in captured.err  # "Nothing was imported" is said once


def test_cli_imports_and_reimport_adds_nothing(tmp_path, export, capsys):
    args = ["--journal", str(tmp_path / "j.sqlite3"), "import-daylio", str(export),
            "--map-mood", "ecstatic=10", "--map-mood", "numb=4",
            "--map-activity", "gym=exercise"]
    assert main(args) == 0
    assert "New check-ins: 7." in capsys.readouterr().out
    assert main(args) == 0
    assert "New check-ins: 0. Imported before and updated to this mapping: 0. Already in your " \
        "journal as they are: 7." in capsys.readouterr().out


def test_cli_refuses_a_bad_mapping_with_exit_2(tmp_path, export, capsys):
    assert main(["--journal", str(tmp_path / "j.sqlite3"), "import-daylio", str(export),
                 "--map-mood", "ecstatic"]) == 2
    assert "--map-mood" in capsys.readouterr().err


def test_cli_runs_as_a_real_command(tmp_path, export):
    result = subprocess.run([sys.executable, "-m", "exback_kit.cli", "--journal",
                             str(tmp_path / "j.sqlite3"), "import-daylio", str(export),
                             "--skip-unmapped"], capture_output=True, text=True, timeout=60,
                            check=False)
    assert result.returncode == 0, result.stderr
    assert "New check-ins: 5." in result.stdout and "2 entries" in result.stdout


def test_daylio_module_imports_nothing_heavy():
    """Babel's data is read only for the old layout's month names."""
    code = ("import sys, exback_kit.cli.daylio; "
            "print([m for m in ('pandas', 'matplotlib', 'ipywidgets', 'babel') "
            "if m in sys.modules])")
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                            timeout=60, check=True)
    assert result.stdout.strip() == "[]"
