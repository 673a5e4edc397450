"""No-Contact: the period in force, lapses, streaks — a lapse never wipes progress."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date
from typing import Any

import pandas as pd

from exback_kit.content import texts
from exback_kit.domain import gate
from exback_kit.domain.newest import newest_last
from exback_kit.domain.timeline import as_day, first_day


@dataclass(frozen=True)
class NoContactSummary:
    """Where the current No-Contact period stands (see :func:`no_contact`)."""

    start_day: date | None
    target_days: int | None
    current_streak: int
    longest_streak: int
    days_without_contact: int
    share_last_30: float
    lapses: int
    days_to_target: int | None
    target_reached: bool
    days_in_period: int = 0


def lapse_mask(contacts: pd.DataFrame) -> pd.Series:
    """Return True for each contact that counts as a lapse (see :func:`no_contact`)."""
    if contacts.empty:
        return pd.Series([], dtype=bool)
    reached_out = (contacts["initiated_by"] == "me") | contacts["replied"].astype(bool)
    return reached_out & ~contacts["logistics"].astype(bool)


def lapse_days(contacts: pd.DataFrame, today: date | None = None) -> pd.DatetimeIndex:
    """Return the sorted local days (up to ``today``) with at least one lapse."""
    end = as_day(today)
    if contacts.empty:
        return pd.DatetimeIndex([], name="day")
    days = contacts["day"][lapse_mask(contacts) & (contacts["day"] <= end)]
    index = pd.DatetimeIndex(days.to_numpy(dtype="datetime64[ns]"), name="day")
    return index.unique().sort_values()


def periods_for_road(tables: Mapping[str, Any], road: gate.Journey) -> pd.DataFrame:
    """Return the ``nocontact_periods`` as the road counts them.

    After harm, control or an order was named, contact follows the order (or the person's
    safety), not a countdown: no period has a target, so no target line, target day or
    reminder appears anywhere. The days are still counted.

    Args:
        tables: at least ``nocontact_periods``.
        road: the journey to follow (:func:`exback_kit.domain.gate.journey_of` these tables).
    """
    periods = tables["nocontact_periods"]
    if road.countdown or not len(periods):
        return periods
    return periods.assign(target_days=pd.Series(pd.NA, index=periods.index, dtype="Int64"))


def current_period(periods: pd.DataFrame, today: date | None = None, *,
                   fallback: date | None = None) -> tuple[pd.Timestamp | None, int | None]:
    """Return (start day, target days) of the No-Contact period in force on ``today``.

    The latest ``start_day`` not after ``today`` wins (ties: the newest entry).
    Without any period, the period starts on ``fallback`` with no target.
    """
    end = as_day(today)
    started = periods[periods["start_day"] <= end] if len(periods) else periods
    if len(started):
        row = newest_last(started, "start_day").iloc[-1]
        target = row["target_days"]
        return pd.Timestamp(row["start_day"]).normalize(), None if pd.isna(target) else int(target)
    if fallback is None:
        return None, None
    return as_day(fallback), None


def no_contact_days(contacts: pd.DataFrame, periods: pd.DataFrame, today: date | None = None,
                    *, fallback: date | None = None) -> pd.DataFrame:
    """Return one row per day of the current period: ``lapse`` (bool) and ``streak``.

    ``streak`` is the run of days without a lapse ending that day (0 on a lapse
    day). The rule is the one :func:`no_contact` states.
    """
    end = as_day(today)
    start, _ = current_period(periods, today, fallback=fallback)
    if start is None or start > end:
        return pd.DataFrame({"lapse": pd.Series([], dtype=bool),
                             "streak": pd.Series([], dtype="int64")},
                            index=pd.DatetimeIndex([], name="day"))
    index = pd.date_range(start, end, freq="D", name="day")
    lapse = pd.Series(index.isin(lapse_days(contacts, today)), index=index)
    clean = (~lapse).astype("int64")
    streak = clean.groupby(lapse.cumsum()).cumsum()
    return pd.DataFrame({"lapse": lapse, "streak": streak.astype("int64")})


def no_contact(contacts: pd.DataFrame, periods: pd.DataFrame, today: date | None = None, *,
               fallback: date | None = None) -> NoContactSummary:
    """Return the No-Contact summary for the current period; a lapse never wipes progress.

    The rule:

    - The period starts on the latest ``nocontact_periods.start_day`` that is not
      after ``today`` (its ``target_days`` is the target). With no period, it
      starts on ``fallback`` (the first day of any data) with no target, or on the
      first contact's day when no ``fallback`` is given.
    - Days are the person's local days (the ``day`` column, so a contact at 23:59
      and one at 00:01 fall on two days). Today counts as a day of the period.
    - A day is a lapse day when, on it, the person initiated contact or replied,
      unless that contact is marked logistics (children, a shared lease). Contact
      the ex started that got no reply is not a lapse. Several lapses on one day
      count as one lapse day.
    - ``current_streak``: days without a lapse up to and including today;
      ``longest_streak``: the longest such run in the period;
      ``days_without_contact``: all days of the period without a lapse;
      ``share_last_30``: the share of the period's last 30 days (or fewer, if the
      period is younger) without a lapse; ``lapses``: the number of lapse days.
    - ``target_reached`` once any run reached the target (a later lapse does not
      undo it); ``days_to_target`` is 0 then, else target minus the current streak.

    Args:
        contacts: the ``contacts`` table.
        periods: the ``nocontact_periods`` table.
        today: the day to measure up to (default: the local date).
        fallback: the start when no period was set (usually :func:`first_day`).
    """
    if fallback is None and len(contacts):
        fallback = contacts["day"].min().date()
    start, target = current_period(periods, today, fallback=fallback)
    days = no_contact_days(contacts, periods, today, fallback=fallback)
    return summarize_period(days, start, target)


def summarize_period(days: pd.DataFrame, start: pd.Timestamp | None,
                     target: int | None) -> NoContactSummary:
    """Return the summary of a period from its :func:`no_contact_days` frame."""
    if days.empty:
        return NoContactSummary(start.date() if start is not None else None, target,
                                0, 0, 0, 0.0, 0, target, False, 0)
    streak = days["streak"]
    current, longest = int(streak.iloc[-1]), int(streak.max())
    recent = days["lapse"].iloc[-30:]
    reached = target is not None and longest >= target
    to_target = None if target is None else (0 if reached else target - current)
    return NoContactSummary(
        start_day=days.index[0].date(), target_days=target, current_streak=current,
        longest_streak=longest, days_without_contact=int((~days["lapse"]).sum()),
        share_last_30=float((~recent).mean()), lapses=int(days["lapse"].sum()),
        days_to_target=to_target, target_reached=reached, days_in_period=len(days))


def no_contact_line(tables: Mapping[str, Any], today: date | None = None, *,
                    road: gate.Journey) -> str | None:
    """Return "No-Contact: day N of T …" (or without a target), or None before any period.

    The notebooks' "where you are" box and ``exback status`` both show this line; after
    harm or an order it never counts toward a target (:func:`periods_for_road`).
    """
    contacts, periods = tables["contacts"], periods_for_road(tables, road)
    if periods.empty and contacts.empty:
        return None
    # Before any period starts, No-Contact counts from the first day of any entry; only then
    # is every table read for it (a page's first view reads what it shows, not all 20).
    started = current_period(periods, today)[0] is not None
    nc = no_contact(contacts, periods, today,
                    fallback=None if started else first_day(dict(tables), today))
    if not road.countdown:
        return texts.say(texts.WHERE_NO_CONTACT_NO_COUNTDOWN, day=nc.current_streak,
                         longest=nc.longest_streak)
    if nc.target_days:
        return texts.say(texts.WHERE_NO_CONTACT_TARGET, day=nc.current_streak,
                         target=nc.target_days, longest=nc.longest_streak)
    return texts.say(texts.WHERE_NO_CONTACT, day=nc.current_streak, longest=nc.longest_streak)
