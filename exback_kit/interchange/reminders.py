"""Calendar reminders (an RFC 5545 ``.ics`` file) that the person's own calendar app runs.

Notebooks cannot remind anyone, so the kit writes a file the person imports:
a daily check-in, a fortnightly wellbeing check, the day a No-Contact period
reaches its target (never after harm or an order: no countdown then), the end of each
waiting unsent message's cooling-off time, the open road's review day, and a weekly
nudge 30 minutes before the window of each active if-then plan (local wall-clock time,
so it stays put across daylight-saving changes).
Every event has a UID that stays the same for the same journal, so importing a
newer file updates the events instead of adding copies.

A calendar may sync to a cloud and show on a lock screen: events carry only the
kit's own discreet words, never anything the person wrote — except a hard date's
("when it happens" in 09), whose description holds the plan the person wrote for it
(its title is the kit's own and names no one; the card asks them to leave names out).
"""

from __future__ import annotations

import re
import secrets
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from typing import TYPE_CHECKING

from exback_kit import content
from exback_kit.content import texts
from exback_kit.errors import ValidationError
from exback_kit.store import Journal
from exback_kit.store.reads import load_tables
from exback_kit.store.settings import REVIEW_SETTING, UID_SETTING

if TYPE_CHECKING:
    import pandas as pd

PRODID = "-//exback-kit//reminders//EN"
UID_DOMAIN = "exback-kit.invalid"
#: The No-Contact milestone is an all-day event; its alarm rings this long after midnight.
MILESTONE_ALARM = timedelta(hours=9)
FOLD_AT = 75  # octets per line, RFC 5545 section 3.1
#: A plan's reminder rings this long before its window starts.
PLAN_LEAD = timedelta(minutes=30)
#: A hard date's alarm rings at 20:00 the evening before.
MOMENT_ALARM = -timedelta(hours=4)
BYDAY = ("MO", "TU", "WE", "TH", "FR", "SA", "SU")


@dataclass(frozen=True)
class Event:
    """One calendar event: ``start`` is a date (all day), a naive (floating) or a UTC datetime."""

    uid: str
    summary: str
    description: str
    start: date | datetime
    rrule: str = ""
    minutes: int = 10
    alarm_after: timedelta = timedelta(0)


# --- writing RFC 5545 --------------------------------------------------------

def escape_text(value: str) -> str:
    """Return ``value`` escaped as an iCalendar TEXT value."""
    return (value.replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,")
            .replace("\r\n", "\\n").replace("\n", "\\n").replace("\r", "\\n"))


def fold(line: str) -> str:
    """Return one content line folded to at most 75 octets per physical line."""
    out: list[str] = []
    current = ""
    for char in line:
        limit = FOLD_AT if not out else FOLD_AT - 1  # continuation lines start with a space
        if len((current + char).encode("utf-8")) > limit:
            out.append(current)
            current = ""
        current += char
    out.append(current)
    return "\r\n ".join(out)


def _stamp(moment: datetime) -> str:
    return moment.astimezone(UTC).strftime("%Y%m%dT%H%M%SZ")


def _duration(delta: timedelta) -> str:
    sign = "-" if delta < timedelta(0) else ""
    minutes = int(abs(delta).total_seconds() // 60)
    return sign + (f"PT{minutes}M" if minutes < 60 or minutes % 60 else f"PT{minutes // 60}H")


def _start_lines(start: date | datetime, minutes: int) -> list[str]:
    if not isinstance(start, datetime):
        return [f"DTSTART;VALUE=DATE:{start:%Y%m%d}",
                f"DTEND;VALUE=DATE:{start + timedelta(days=1):%Y%m%d}"]
    value = _stamp(start) if start.tzinfo else f"{start:%Y%m%dT%H%M%S}"
    return [f"DTSTART:{value}", f"DURATION:{_duration(timedelta(minutes=minutes))}"]


def _event_lines(event: Event, dtstamp: datetime) -> list[str]:
    lines = ["BEGIN:VEVENT", f"UID:{event.uid}", f"DTSTAMP:{_stamp(dtstamp)}",
             *_start_lines(event.start, event.minutes)]
    if event.rrule:
        lines.append(f"RRULE:{event.rrule}")
    lines += [f"SUMMARY:{escape_text(event.summary)}",
              f"DESCRIPTION:{escape_text(event.description)}",
              "TRANSP:TRANSPARENT", "CLASS:PRIVATE",
              "BEGIN:VALARM", "ACTION:DISPLAY", f"TRIGGER:{_duration(event.alarm_after)}",
              f"DESCRIPTION:{escape_text(texts.REMIND_ALARM)}", "END:VALARM",
              "END:VEVENT"]
    return lines


def calendar_bytes(events: Iterable[Event], dtstamp: datetime) -> bytes:
    """Return a VCALENDAR holding ``events`` as UTF-8 bytes with CRLF line ends."""
    lines = ["BEGIN:VCALENDAR", "VERSION:2.0", f"PRODID:{PRODID}", "CALSCALE:GREGORIAN",
             "METHOD:PUBLISH"]
    for event in events:
        lines += _event_lines(event, dtstamp)
    lines.append("END:VCALENDAR")
    return "".join(fold(line) + "\r\n" for line in lines).encode("utf-8")


# --- what the journal asks for ------------------------------------------------

def _uid(journal: Journal, name: str) -> str:
    """Return a UID that stays the same for this journal and ``name``."""
    seed = journal.get_setting(UID_SETTING)
    if not isinstance(seed, str) or not seed:
        seed = secrets.token_hex(8)
        journal.set_setting(UID_SETTING, seed)
    return f"{name}-{seed}@{UID_DOMAIN}"


def nocontact_target(periods: pd.DataFrame, today: date) -> tuple[date, int] | None:
    """Return (target day, target days) of the No-Contact period in force, or None.

    The period in force is :func:`exback_kit.domain.nocontact.current_period`'s; its
    first day counts as day 1, so the target day is day ``target_days`` of the period.
    """
    # late import: pandas loads when the events are made, not with this module (tests say so)
    from exback_kit.domain.nocontact import current_period

    start, days = current_period(periods, today)
    if start is None or days is None:
        return None
    return start.date() + timedelta(days=days - 1), days


def _unsent_events(journal: Journal, unsent: pd.DataFrame) -> list[Event]:
    # late import: pandas loads when the events are made, not with this module (tests say so)
    from exback_kit.domain.cooling import cooling_ends

    events = []
    for row in unsent[unsent["status"] == "waiting"].itertuples():
        ready = cooling_ends(row.at.to_pydatetime(), row.cooling_hours)
        events.append(Event(_uid(journal, f"unsent-{row.id}"), texts.REMIND_UNSENT_SUMMARY,
                            texts.REMIND_UNSENT_DESCRIPTION, ready.astimezone(UTC)))
    return events


def _plan_events(journal: Journal, saved: pd.DataFrame, today: date) -> list[Event]:
    """Return one weekly event per active plan, starting ``PLAN_LEAD`` before its window.

    Floating local times (no time zone): 21:30 stays 21:30 after a clock change.
    A window at midnight is reminded of the evening before, so BYDAY is that day.
    """
    # late import: pandas loads when the events are made, not with this module (tests say so)
    from exback_kit.domain.plans import active_plans

    events = []
    for plan in active_plans(saved).itertuples():
        window = plan.window
        ahead = (window.weekday - today.weekday()) % 7
        start = datetime.combine(today + timedelta(days=ahead), time(window.start_hour))
        start -= PLAN_LEAD
        if start.date() < today:
            start += timedelta(weeks=1)
        events.append(Event(_uid(journal, f"plan-{plan.id}"), texts.REMIND_PLAN_SUMMARY,
                            texts.REMIND_PLAN_DESCRIPTION, start,
                            rrule=f"FREQ=WEEKLY;BYDAY={BYDAY[start.weekday()]}",
                            minutes=int(PLAN_LEAD.total_seconds() // 60)))
    return events


def next_yearly(day: date, today: date) -> date:
    """Return the first day on or after ``today`` with the month and day of ``day`` (a 29
    February falls on the 28th in other years)."""
    for year in (today.year, today.year + 1):
        try:
            candidate = day.replace(year=year)
        except ValueError:
            candidate = date(year, 2, 28)
        if candidate >= today:
            return candidate
    return candidate


def _moment_events(journal: Journal, moments: pd.DataFrame, today: date) -> list[Event]:
    """Return a yearly all-day event for each dated "when it happens" plan, with the plan
    attached (for a locked journal only a pointer to it: a calendar syncs to other devices
    and shows on lock screens, where the lock can't follow); its alarm rings the evening
    before. The kit's words name no one."""
    dated = moments[(moments["moment"] == "dates").to_numpy() & moments["occasion_day"].notna()]
    latest = dated.sort_values(["at", "id"]).groupby("occasion").tail(1)
    return [Event(_uid(journal, f"moment-{row.occasion}"), texts.REMIND_MOMENT_SUMMARY,
                  texts.REMIND_MOMENT_LOCKED if journal.encrypted
                  else texts.REMIND_MOMENT_DESCRIPTION.format(plan=row.plan),
                  next_yearly(row.occasion_day.date(), today), rrule="FREQ=YEARLY",
                  alarm_after=MOMENT_ALARM)
            for row in latest.itertuples()]


def reminder_events(journal: Journal, *, checkin_time: time = time(20, 0),
                    today: date | None = None) -> list[Event]:
    """Return the events the journal calls for (see the module docstring)."""
    # late import: pandas loads when the events are made, not with this module (tests say so)
    from exback_kit.domain import gate
    from exback_kit.domain.nocontact import periods_for_road
    from exback_kit.domain.scales import WHO5_INFO, next_who5_day

    today = today or date.today()
    tables = load_tables(journal, ("instrument_results", "nocontact_periods", "unsent",
                                   "plans", "answers", "decisions", "moment_plans"))
    every = WHO5_INFO.every_days
    events = [
        Event(_uid(journal, "checkin"), texts.REMIND_CHECKIN_SUMMARY,
              texts.REMIND_CHECKIN_DESCRIPTION, datetime.combine(today, checkin_time),
              rrule="FREQ=DAILY", minutes=5),
        Event(_uid(journal, "who5"), texts.REMIND_WHO5_SUMMARY, texts.REMIND_WHO5_DESCRIPTION,
              datetime.combine(next_who5_day(tables["instrument_results"], today), checkin_time),
              rrule=f"FREQ=WEEKLY;INTERVAL={max(1, every // 7)}" if every % 7 == 0
              else f"FREQ=DAILY;INTERVAL={every}"),
    ]
    road = gate.journey_of(tables, kit=content.load())
    target = nocontact_target(periods_for_road(tables, road), today)  # none after harm, order
    review = gate.review_day(journal.get_setting(REVIEW_SETTING), road, today)
    if review is not None:  # the open road only
        events.append(Event(_uid(journal, "review"), texts.REMIND_REVIEW_SUMMARY,
                            texts.REMIND_REVIEW_DESCRIPTION, review,
                            alarm_after=MILESTONE_ALARM))
    if target and target[0] >= today:
        events.append(Event(_uid(journal, "nocontact-target"),
                            texts.REMIND_NC_SUMMARY.format(days=target[1]),
                            road.words(texts.REMIND_NC_DESCRIPTION_BY_ROAD).format(
                                days=target[1]), target[0],
                            alarm_after=MILESTONE_ALARM))
    return events + _unsent_events(journal, tables["unsent"]) + _plan_events(
        journal, tables["plans"], today) + _moment_events(journal, tables["moment_plans"], today)


def build_calendar(journal: Journal, *, checkin_time: time = time(20, 0),
                   today: date | None = None) -> bytes:
    """Return the reminders as an iCalendar (RFC 5545) file's bytes.

    Args:
        journal: the open journal to read dates from.
        checkin_time: local time of the daily check-in (and the wellbeing check).
        today: the first day of the repeating reminders; default today.
    """
    events = reminder_events(journal, checkin_time=checkin_time, today=today)
    return calendar_bytes(events, datetime.now(UTC))


def parse_clock(value: str, field: str = "--time") -> time:
    """Return the time of day in ``value`` (HH:MM, 24-hour clock).

    Raises:
        ValidationError: ``value`` is not a time of day.
    """
    match = re.fullmatch(r"\s*(\d{1,2}):(\d{2})\s*", value or "")
    if not match or int(match[1]) > 23 or int(match[2]) > 59:
        raise ValidationError(texts.BAD_CLOCK_TIME.format(field=field, value=value), field=field)
    return time(int(match[1]), int(match[2]))
