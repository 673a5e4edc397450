"""Trends: the week, this week against the week before, and a window against the one before.

One place for each rule the charts' sentences and the notebooks' counts follow: how long a
week is and where a calendar week starts, when a change in a weekly mean reads as "about the
same", and how the old habits' last 14 days compare with the 14 before. Pure pandas.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

import pandas as pd

from exback_kit.domain.timeline import as_day

#: Days in a week: the trailing averages, "this week" and "the week before".
WEEK_DAYS = 7
#: The pandas frequency of one week (calendar weeks step from Monday to Monday).
WEEK_FREQ = f"{WEEK_DAYS}D"
#: A change in a weekly mean smaller than this reads as "about the same" (mood 1–10, mind 0–10).
SAME_BELOW = 0.5
#: Days in each of the two windows the old habits are counted over (recent, and before).
HABIT_WINDOW_DAYS = 14


def week_start(day: pd.Timestamp) -> pd.Timestamp:
    """Return the Monday of ``day``'s calendar week (same time of day)."""
    return day - pd.Timedelta(days=day.day_of_week)


def week_starts(days: pd.DatetimeIndex) -> pd.DatetimeIndex:
    """Return the Monday of each day's calendar week."""
    return days - pd.to_timedelta(days.day_of_week, unit="D")


@dataclass(frozen=True)
class WeekMeans:
    """The mean over the last week and over the week before (None: no value in that week)."""

    mean: float | None
    #: Days of the last week with a value.
    days: int
    previous: float | None


def week_means(daily: pd.Series) -> WeekMeans:
    """Return the mean of the last :data:`WEEK_DAYS` rows of ``daily`` and of the seven before.

    Args:
        daily: one value per day up to today, NaN on a day without one (never zero).
    """
    week, before = daily.iloc[-WEEK_DAYS:], daily.iloc[-2 * WEEK_DAYS:-WEEK_DAYS]
    days = int(week.notna().sum())
    return WeekMeans(float(week.mean()) if days else None, days,
                     float(before.mean()) if before.notna().any() else None)


def change(mean: float, previous: float) -> str:
    """Return "up", "down" or "same": how ``mean`` compares with ``previous``.

    A difference smaller than :data:`SAME_BELOW` either way is "same"; exactly
    :data:`SAME_BELOW` already counts as a change.
    """
    if mean - previous >= SAME_BELOW:
        return "up"
    if previous - mean >= SAME_BELOW:
        return "down"
    return "same"


def habit_counts(old_habits: pd.DataFrame, today: date | None = None, *,
                 window: int = HABIT_WINDOW_DAYS) -> pd.DataFrame:
    """Return each old habit's count in the last ``window`` days and in the ``window`` before.

    Habits are told apart without case or surrounding spaces; entries after ``today`` or
    older than both windows are left out. Columns ``recent`` and ``before`` (int), indexed
    by the habit (lower case), in alphabetical order; empty when no entry falls in either.

    Args:
        old_habits: the ``old_habits`` table (``day`` and ``habit``).
        today: the last day of the recent window (default: the local date).
    """
    age = (as_day(today) - pd.DatetimeIndex(old_habits["day"])).days.to_numpy()
    habit = old_habits["habit"].astype(str).str.strip().str.lower().to_numpy()
    recent = (age >= 0) & (age < window)
    before = (age >= window) & (age < 2 * window)
    counted = pd.DataFrame({"habit": habit, "recent": recent, "before": before})
    counted = counted[recent | before]
    out = counted.groupby("habit").sum().astype("int64").sort_index()
    out.index.name = "habit"
    return out[["recent", "before"]]
