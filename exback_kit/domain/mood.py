"""Mood over time and habits beside it (pure pandas; see :mod:`exback_kit.domain.timeline`)."""

from __future__ import annotations

import math
from datetime import date

import numpy as np
import pandas as pd

from exback_kit.content.vocab import DEFAULT_HABITS, HABITS_TO_REDUCE
from exback_kit.domain.timeline import as_day, floats, up_to
from exback_kit.domain.trends import WEEK_DAYS

#: How far either side of a habit's mood difference the interval reaches (≈ 95 %).
INTERVAL_Z = 1.96
#: Days with a habit, and days without it, before its mood difference is shown (as
#: Bearable asks); fewer show "not enough yet".
HABIT_MIN_DAYS = 3
#: Check-ins before the kit names the commonest mood or mood-meter corner.
COMMONEST_MIN = 5
#: Days with a check-in, among the last seven, before a 7-day average is drawn.
AVERAGE_MIN_DAYS = 3


def daily_mood(checkins: pd.DataFrame, today: date | None = None, *,
               window: int = WEEK_DAYS) -> pd.DataFrame:
    """Return one row per day from the first check-in to ``today``.

    Columns: ``mood`` and ``energy`` (the day's mean, NaN on days without a
    check-in: a missing day is never counted as zero), ``checkins`` (how many)
    and ``rolling`` (mean mood over the last ``window`` days that have one; NaN
    when none of them do). The index is the day (DatetimeIndex named ``day``).
    """
    end = as_day(today)
    df = up_to(checkins, end)
    if df.empty:
        return pd.DataFrame({"mood": [], "energy": [], "checkins": [], "rolling": []},
                            index=pd.DatetimeIndex([], name="day"), dtype="float64")
    days = df["day"].to_numpy(dtype="datetime64[ns]")
    frame = pd.DataFrame({"day": days, "mood": floats(df["mood"]),
                          "energy": floats(df["energy"])})
    grouped = frame.groupby("day")
    out = pd.DataFrame({"mood": grouped["mood"].mean(), "energy": grouped["energy"].mean(),
                        "checkins": grouped.size()})
    index = pd.date_range(out.index.min(), end, freq="D", name="day")
    out = out.reindex(index)
    out["checkins"] = out["checkins"].fillna(0).astype("int64")
    out["rolling"] = out["mood"].rolling(window, min_periods=1).mean()
    return out


def mood_points(checkins: pd.DataFrame, today: date | None = None, *,
                days: int | None = None) -> pd.DataFrame:
    """Return check-ins that have both mood and energy (columns day, mood, energy).

    Args:
        days: keep only the last ``days`` days up to ``today`` (None keeps all).
    """
    end = as_day(today)
    df = up_to(checkins, end)
    if days is not None and len(df):
        df = df[df["day"] > end - pd.Timedelta(days=days)]
    out = pd.DataFrame({"day": df["day"].to_numpy(dtype="datetime64[ns]"),
                        "mood": floats(df["mood"]), "energy": floats(df["energy"])})
    return out.dropna().reset_index(drop=True)


def _habit_order(names: list[str]) -> list[str]:
    known = [h for h in DEFAULT_HABITS if h in names]
    return known + sorted(set(names) - set(known))


def habit_mood(checkins: pd.DataFrame, today: date | None = None) -> pd.DataFrame:
    """Return, per habit, the mean mood on days with it and on days without it.

    A day is a day with at least one check-in; its mood is the day's mean. A habit
    counts for a day if any check-in that day lists it. Columns: ``with_mood``,
    ``without_mood``, ``days_with``, ``days_without``, ``difference`` (with minus
    without), ``low``/``high`` (a rough 95 % interval of the difference, NaN with
    fewer than two days on either side) and ``to_reduce``. This shows what goes
    together, never what causes what.
    """
    columns = ["with_mood", "without_mood", "days_with", "days_without", "difference",
               "low", "high", "to_reduce"]
    df = up_to(checkins, as_day(today))
    if df.empty:
        return pd.DataFrame(columns=columns, index=pd.Index([], name="habit", dtype="str"))
    day_codes, days = pd.factorize(df["day"].to_numpy(dtype="datetime64[ns]"), sort=True)
    mood = pd.Series(floats(df["mood"])).groupby(day_codes).mean().to_numpy()
    lists = df["habits"].to_list()
    flat = [h for picks in lists for h in picks]
    if not flat:
        return pd.DataFrame(columns=columns, index=pd.Index([], name="habit", dtype="str"))
    per_row = np.repeat(day_codes, [len(picks) for picks in lists])
    habit_codes, names = pd.factorize(np.array(flat, dtype=object))
    has = np.zeros((len(days), len(names)), dtype=bool)
    has[per_row, habit_codes] = True
    rows = {str(name): _compare(mood[has[:, i]], mood[~has[:, i]])
            for i, name in enumerate(names)}
    out = pd.DataFrame.from_dict(rows, orient="index", columns=columns[:-1])
    out = out.loc[_habit_order(list(out.index))]
    out.index.name = "habit"
    out["days_with"] = out["days_with"].astype("int64")
    out["days_without"] = out["days_without"].astype("int64")
    out["to_reduce"] = out.index.isin(HABITS_TO_REDUCE)
    return out


def _compare(with_: np.ndarray, without: np.ndarray) -> list[float]:
    n1, n2 = len(with_), len(without)
    m1 = float(with_.mean()) if n1 else math.nan
    m2 = float(without.mean()) if n2 else math.nan
    diff = m1 - m2
    half = math.nan
    if n1 >= 2 and n2 >= 2:
        half = INTERVAL_Z * math.sqrt(with_.var(ddof=1) / n1 + without.var(ddof=1) / n2)
    return [m1, m2, n1, n2, diff, diff - half, diff + half]


def enough_days(table: pd.DataFrame) -> pd.Series:
    """Return, per habit of :func:`habit_mood`'s table, whether it has :data:`HABIT_MIN_DAYS`
    days with it and as many without."""
    return (table["days_with"] >= HABIT_MIN_DAYS) & (table["days_without"] >= HABIT_MIN_DAYS)


def closest_to_enough(table: pd.DataFrame) -> str:
    """Return the habit nearest to :data:`HABIT_MIN_DAYS` on both sides (a non-empty table)."""
    short = (HABIT_MIN_DAYS - table["days_with"]).clip(lower=0) + (
        HABIT_MIN_DAYS - table["days_without"]).clip(lower=0)
    return str(short.idxmin())


def commonest(counts: np.ndarray) -> int | None:
    """Return the index of the one largest count, or None while the counts add up to
    fewer than :data:`COMMONEST_MIN` or two share the top."""
    if int(counts.sum()) < COMMONEST_MIN:
        return None
    top = counts.max()
    return int(counts.argmax()) if int((counts == top).sum()) == 1 else None


def averaged(rolling: pd.Series, values: pd.Series, window: int = WEEK_DAYS) -> pd.Series:
    """Return ``rolling`` (a trailing mean of daily ``values``) only where its window holds
    :data:`AVERAGE_MIN_DAYS` days with a value; NaN elsewhere (one or two days are no trend)."""
    counted = values.notna().rolling(window, min_periods=1).sum()
    return rolling.where(counted >= AVERAGE_MIN_DAYS)
