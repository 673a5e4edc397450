"""Calendar reminders: parsed back with the icalendar library, never compared as strings."""

from __future__ import annotations

import os
import stat
import subprocess
import sys
from datetime import UTC, date, datetime, time, timedelta
from pathlib import Path

import icalendar
import pytest

from exback_kit.cli import main
from exback_kit.errors import ValidationError
from exback_kit.interchange import reminders as remind
from exback_kit.store.files import write_private

PRIVATE_WORDS = "I still think about the lake house, please call me"


def _events(data: bytes) -> dict[str, icalendar.Event]:
    """Return the calendar's events keyed by the first part of their UID."""
    cal = icalendar.Calendar.from_ical(data)
    return {str(ev["UID"]).split("@")[0].rsplit("-", 1)[0]: ev for ev in cal.walk("VEVENT")}


def _rrule(ev: icalendar.Event) -> dict[str, list[object]]:
    return {k: list(v) for k, v in ev["RRULE"].items()}


def test_empty_journal_has_daily_checkin_and_fortnightly_who5(journal):
    today = date.today()
    events = _events(remind.build_calendar(journal, checkin_time=time(21, 30), today=today))
    assert set(events) == {"checkin", "who5"}
    checkin = events["checkin"]
    assert checkin.decoded("DTSTART") == datetime.combine(today, time(21, 30))
    assert checkin.decoded("DTSTART").tzinfo is None  # floating: local wherever they are
    assert _rrule(checkin) == {"FREQ": ["DAILY"]}
    assert _rrule(events["who5"]) == {"FREQ": ["WEEKLY"], "INTERVAL": [2]}
    assert events["who5"].decoded("DTSTART").date() == today


def test_who5_is_due_two_weeks_after_the_last_one(journal):
    last = date.today() - timedelta(days=3)
    journal.add("instrument_results", at=last, instrument="who5", items=[3, 3, 3, 3, 3],
                raw=15, score=60.0)
    events = _events(remind.build_calendar(journal))
    assert events["who5"].decoded("DTSTART").date() == last + timedelta(days=14)


def test_overdue_who5_starts_today(journal):
    journal.add("instrument_results", at=date.today() - timedelta(days=40),
                instrument="who5", items=[3, 3, 3, 3, 3], raw=15, score=60.0)
    start = _events(remind.build_calendar(journal))["who5"].decoded("DTSTART")
    assert start.date() == date.today()


def test_every_event_has_uid_dtstamp_and_alarm(journal):
    journal.add("unsent", text=PRIVATE_WORDS, cooling_hours=48)
    journal.add("nocontact_periods", start_day=date.today(), target_days=30)
    cal = icalendar.Calendar.from_ical(remind.build_calendar(journal))
    events = list(cal.walk("VEVENT"))
    assert len(events) == 4
    assert cal["VERSION"] == "2.0" and cal["PRODID"]
    for ev in events:
        assert ev["UID"] and ev.decoded("DTSTAMP").tzinfo is not None
        alarms = ev.walk("VALARM")
        assert len(alarms) == 1 and alarms[0]["ACTION"] == "DISPLAY"


def test_nocontact_target_comes_from_the_latest_period(journal):
    today = date.today()
    journal.add("nocontact_periods", at=today - timedelta(days=20),
                start_day=today - timedelta(days=20), target_days=21)
    journal.add("nocontact_periods", at=today - timedelta(days=2),
                start_day=today - timedelta(days=2), target_days=45)
    ev = _events(remind.build_calendar(journal, today=today))["nocontact-target"]
    # day 1 is the start day, so day 45 is 44 days later
    assert ev.decoded("DTSTART") == today - timedelta(days=2) + timedelta(days=44)
    assert not isinstance(ev.decoded("DTSTART"), datetime)  # an all-day event
    assert "45" in str(ev["SUMMARY"])


def test_a_back_filled_older_period_does_not_replace_the_one_in_force(journal):
    """The period in force has the latest start day, whenever it was written down."""
    today = date.today()
    journal.add("nocontact_periods", start_day=today - timedelta(days=2), target_days=45)
    journal.add("nocontact_periods", start_day=today - timedelta(days=30), target_days=60)
    ev = _events(remind.build_calendar(journal, today=today))["nocontact-target"]
    assert ev.decoded("DTSTART") == today - timedelta(days=2) + timedelta(days=44)


def test_a_target_already_passed_is_left_out(journal):
    today = date.today()
    journal.add("nocontact_periods", start_day=today - timedelta(days=40), target_days=30)
    assert "nocontact-target" not in _events(remind.build_calendar(journal, today=today))


def test_waiting_unsent_messages_get_their_cooling_off_end(journal):
    at = datetime.now(UTC).replace(microsecond=0) - timedelta(hours=5)
    waiting = journal.add("unsent", at=at, text=PRIVATE_WORDS, cooling_hours=72)
    let_go = journal.add("unsent", at=at, text="another one", cooling_hours=24)
    journal.update("unsent", let_go, status="let_go")
    events = _events(remind.build_calendar(journal))
    assert set(events) == {"checkin", "who5", f"unsent-{waiting}"}
    ev = events[f"unsent-{waiting}"]
    assert ev.decoded("DTSTART") == at + timedelta(hours=72)
    assert str(ev["SUMMARY"]) == "A message in your vault is ready for a second look"


def test_a_message_saved_without_cooling_hours_gets_the_default_not_a_crash(journal):
    """Regression: remind raised TypeError on a message saved with cooling_hours=None."""
    at = datetime.now(UTC).replace(microsecond=0) - timedelta(hours=1)
    entry = journal.add("unsent", at=at, text=PRIVATE_WORDS, cooling_hours=None)
    assert journal.records("unsent")[0]["cooling_hours"] is None
    ev = _events(remind.build_calendar(journal))[f"unsent-{entry}"]
    assert ev.decoded("DTSTART") == at + timedelta(hours=72)
    assert main(["--journal", str(journal.path), "remind", str(journal.path.parent / "r.ics")]) == 0


def test_no_personal_text_reaches_the_calendar(journal):
    journal.add("unsent", text=PRIVATE_WORDS, cooling_hours=1)
    journal.add("nocontact_periods", start_day=date.today(), target_days=30,
                note="because of the lake house")
    data = remind.build_calendar(journal)
    unfolded = data.replace(b"\r\n ", b"").decode("utf-8")
    assert "lake house" not in unfolded and "please call" not in unfolded


def test_uids_are_stable_per_journal_and_differ_between_journals(journal, tmp_path):
    from exback_kit import Journal
    journal.add("unsent", text=PRIVATE_WORDS)
    first = {str(e["UID"]) for e in icalendar.Calendar.from_ical(
        remind.build_calendar(journal)).walk("VEVENT")}
    again = {str(e["UID"]) for e in icalendar.Calendar.from_ical(
        remind.build_calendar(journal)).walk("VEVENT")}
    with Journal.open(tmp_path / "other.sqlite3") as other:
        elsewhere = {str(e["UID"]) for e in icalendar.Calendar.from_ical(
            remind.build_calendar(other)).walk("VEVENT")}
    assert first == again and len(first) == 3
    assert not first & elsewhere


@pytest.mark.parametrize("line", [
    "DESCRIPTION:" + "x" * 200,
    "SUMMARY:" + "é" * 90,  # two octets each: folding must not split a character
    "DESCRIPTION:" + "日本語" * 40,
])
def test_long_lines_fold_to_75_octets_and_unfold_back(line):
    folded = remind.fold(line)
    assert all(len(part.encode("utf-8")) <= 75 for part in folded.split("\r\n"))
    assert folded.replace("\r\n ", "") == line


def test_text_with_commas_semicolons_and_newlines_round_trips():
    text = "one, two; three\\four\nfive"
    event = remind.Event("x@y", text, text, date(2026, 1, 1))
    ev = next(iter(icalendar.Calendar.from_ical(
        remind.calendar_bytes([event], datetime.now(UTC))).walk("VEVENT")))
    assert str(ev["SUMMARY"]) == text and str(ev["DESCRIPTION"]) == text


@pytest.mark.parametrize("value,expected", [("20:00", time(20, 0)), ("7:05", time(7, 5)),
                                            (" 23:59 ", time(23, 59))])
def test_parse_clock_accepts_hh_mm(value, expected):
    assert remind.parse_clock(value) == expected


@pytest.mark.parametrize("value", ["24:00", "8pm", "12:60", "", "20"])
def test_parse_clock_refuses_other_text_naming_the_option(value):
    with pytest.raises(ValidationError, match="--time") as info:
        remind.parse_clock(value)
    assert "HH:MM" in str(info.value)


def test_cli_writes_a_private_file(tmp_path, capsys):
    out = tmp_path / "reminders.ics"
    assert main(["--journal", str(tmp_path / "j.sqlite3"), "remind", str(out),
                 "--time", "07:45"]) == 0
    assert stat.S_IMODE(os.stat(out).st_mode) == 0o600
    events = _events(out.read_bytes())
    assert events["checkin"].decoded("DTSTART").time() == time(7, 45)
    assert "2 reminders" in capsys.readouterr().out


def test_cli_refuses_a_bad_time_with_exit_2(tmp_path, capsys):
    out = tmp_path / "reminders.ics"
    assert main(["--journal", str(tmp_path / "j.sqlite3"), "remind", str(out),
                 "--time", "late"]) == 2
    assert "--time" in capsys.readouterr().err
    assert not out.exists()


def test_cli_runs_as_a_real_command(tmp_path):
    out = tmp_path / "r.ics"
    result = subprocess.run([sys.executable, "-m", "exback_kit.cli", "--journal",
                             str(tmp_path / "j.sqlite3"), "remind", str(out)],
                            capture_output=True, text=True, timeout=60, check=False)
    assert result.returncode == 0, result.stderr
    assert len(list(icalendar.Calendar.from_ical(out.read_bytes()).walk("VEVENT"))) == 2


def test_remind_module_imports_nothing_heavy():
    code = ("import sys, exback_kit.interchange.reminders; "
            "print([m for m in ('pandas', 'matplotlib', 'ipywidgets') if m in sys.modules])")
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                            timeout=60, check=True)
    assert result.stdout.strip() == "[]"


def test_write_private_tightens_an_existing_file(tmp_path):
    """write_private replaces a looser file's mode too."""
    target = tmp_path / "old.ics"
    target.write_bytes(b"old")
    target.chmod(0o644)
    write_private(Path(target), b"new")
    assert stat.S_IMODE(target.stat().st_mode) == 0o600 and target.read_bytes() == b"new"
