"""`exback remind` and plans: a weekly event 30 minutes before each active plan's window."""

from __future__ import annotations

from datetime import date, datetime, time, timedelta

import icalendar
import pytest

from exback_kit.cli import main
from exback_kit.interchange import reminders as remind

PRIVATE = "text Alex at the lake house"
TODAY = date(2026, 11, 25)  # a Wednesday


def plan_events(data: bytes) -> list[icalendar.Event]:
    cal = icalendar.Calendar.from_ical(data)
    return [ev for ev in cal.walk("VEVENT") if str(ev["UID"]).startswith("plan-")]


def rrule(ev: icalendar.Event) -> dict[str, list[object]]:
    return {k: list(v) for k, v in ev["RRULE"].items()}


@pytest.mark.parametrize(("weekday", "start", "byday", "first"), [
    ("sat", "22:00", "SA", datetime(2026, 11, 28, 21, 30)),
    ("wed", "20:00", "WE", datetime(2026, 11, 25, 19, 30)),   # later today
    ("mon", "08:00", "MO", datetime(2026, 11, 30, 7, 30)),    # next week
    ("sun", "00:00", "SA", datetime(2026, 11, 28, 23, 30)),   # the evening before midnight
    ("thu", "00:00", "WE", datetime(2026, 11, 25, 23, 30)),   # tonight, for Thursday 00:00
])
def test_each_active_plan_gets_a_weekly_event_30_minutes_before_its_window(
        journal, weekday, start, byday, first):
    journal.add("plans", weekday=weekday, start_time=start, action=PRIVATE)
    [ev] = plan_events(remind.build_calendar(journal, today=TODAY))
    assert rrule(ev) == {"FREQ": ["WEEKLY"], "BYDAY": [byday]}
    begins = ev.decoded("DTSTART")
    assert begins == first
    assert begins.tzinfo is None  # floating: local wall-clock time, never fixed UTC
    window_start = datetime.combine(begins.date(), begins.time()) + timedelta(minutes=30)
    assert window_start.time() == time(int(start[:2]))
    assert ev.decoded("DURATION") == timedelta(minutes=30)


def test_no_words_of_the_person_reach_the_calendar(journal):
    journal.add("plans", weekday="sat", start_time="22:00", action=PRIVATE)
    journal.add("plans", weekday="fri", start_time="20:00", action="call Sam, or Alex's sister")
    data = remind.build_calendar(journal, today=TODAY)
    unfolded = data.replace(b"\r\n ", b"").decode("utf-8")
    assert "lake house" not in unfolded and "Sam" not in unfolded and "Alex" not in unfolded
    for ev in plan_events(data):
        assert str(ev["SUMMARY"]) == "A time you planned for is coming up"


def test_ended_plans_have_no_reminder_and_uids_stay_the_same(journal):
    keep = journal.add("plans", weekday="sat", start_time="22:00", action="a")
    ended = journal.add("plans", weekday="fri", start_time="20:00", action="b")
    journal.update("plans", ended, ended_at=datetime.now().astimezone())
    first = plan_events(remind.build_calendar(journal, today=TODAY))
    again = plan_events(remind.build_calendar(journal, today=TODAY + timedelta(days=1)))
    assert [str(e["UID"]).split("-")[1] for e in first] == [str(keep)]
    assert [str(e["UID"]) for e in first] == [str(e["UID"]) for e in again]


def test_remind_command_writes_the_plan_events(tmp_path, capsys):
    jpath, out = tmp_path / "j.sqlite3", tmp_path / "r.ics"
    assert main(["plan", "add", "--when", "sat 22:30", "--then", PRIVATE,
                 "--journal", str(jpath)]) == 0
    assert main(["remind", str(out), "--journal", str(jpath)]) == 0
    assert "3 reminders" in capsys.readouterr().out
    [ev] = plan_events(out.read_bytes())
    assert rrule(ev)["BYDAY"] == ["SA"] and ev.decoded("DTSTART").time() == time(21, 30)
    assert "lake house" not in out.read_text()
