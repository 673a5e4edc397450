"""Urges analysed: when they come, what sets them off, what helped, how often resisted.

Pure pandas over the ``urges`` table as :meth:`exback_kit.store.Journal.table`
types it (``day`` is the local date, ``hour`` the local hour). Nothing draws.
"""

from __future__ import annotations

from datetime import date

import numpy as np
import pandas as pd

from exback_kit.domain import trends
from exback_kit.domain.timeline import as_day, up_to

HOURS = 24
#: Rows of the weekday-by-hour grid: one per day of the week.
WEEKDAYS = trends.WEEK_DAYS
#: Urges needed before the kit says when they come (fewer show "not enough yet: N of 5").
PATTERN_MIN = 5


def _until(urges: pd.DataFrame, today: date | None) -> pd.DataFrame:
    return up_to(urges, as_day(today))


def urge_clock(urges: pd.DataFrame, today: date | None = None) -> pd.DataFrame:
    """Return urge counts by weekday (rows 0 = Monday … 6) and local hour (columns 0–23)."""
    df = _until(urges, today)
    counts = np.zeros(WEEKDAYS * HOURS, dtype="int64")
    if len(df):
        weekday = df["day"].dt.day_of_week.to_numpy(dtype="int64")
        hour = df["hour"].to_numpy(dtype="int64")
        counts = np.bincount(weekday * HOURS + hour, minlength=WEEKDAYS * HOURS)
    grid = pd.DataFrame(counts.reshape(WEEKDAYS, HOURS), index=range(WEEKDAYS),
                        columns=range(HOURS))
    grid.index.name, grid.columns.name = "weekday", "hour"
    return grid


def _commonest(spelled: dict[str, int]) -> str:
    """Return the spelling used most (the first in alphabetical order on a tie)."""
    return min(spelled, key=lambda text: (-spelled[text], text))


def ranked_labels(labels: pd.Series, resisted: pd.Series, **flags: pd.Series) -> pd.DataFrame:
    """Count free-text labels, merging case and spacing; show the commonest spelling.

    Columns: ``count``, ``resisted`` and one per keyword of ``flags`` (each a bool Series
    aligned with ``labels``): how many of a label's rows had that flag.
    """
    columns = ["count", "resisted", *flags]
    # Count per distinct text first (a handful, however many rows), then merge spellings.
    codes, uniques = pd.factorize(labels.astype("str"))
    keep = codes >= 0
    size = len(uniques)

    def tally(mask: np.ndarray) -> np.ndarray:
        return np.bincount(codes[keep & mask], minlength=size)

    sums = [tally(np.ones(len(codes), dtype=bool)),
            tally(resisted.to_numpy(dtype=bool)),
            *(tally(flag.to_numpy(dtype=bool)) for flag in flags.values())]
    merged: dict[str, list[int]] = {}
    spellings: dict[str, dict[str, int]] = {}
    for i, raw in enumerate(uniques):
        text = " ".join(str(raw).split())
        if not text or not sums[0][i]:
            continue
        key = text.casefold()
        totals = merged.setdefault(key, [0] * len(sums))
        for j, column in enumerate(sums):
            totals[j] += int(column[i])
        spelled = spellings.setdefault(key, {})
        spelled[text] = spelled.get(text, 0) + int(sums[0][i])
    keys = sorted(merged)
    names = [_commonest(spellings[k]) for k in keys]
    return pd.DataFrame({c: pd.Series([merged[k][j] for k in keys], dtype="int64")
                         for j, c in enumerate(columns)}
                        ).set_index(pd.Index(names, name="label", dtype="str"))


def urge_triggers(urges: pd.DataFrame, today: date | None = None) -> pd.DataFrame:
    """Return what set urges off, most frequent first (columns ``count``, ``resisted``).

    Triggers that differ only in case or spacing count as one.
    """
    df = _until(urges, today)
    out = ranked_labels(df["trigger"], ~df["acted_on"].astype(bool))
    return out.reset_index().sort_values(["count", "label"], ascending=[False, True]).set_index(
        "label")


def urge_helped(urges: pd.DataFrame, today: date | None = None) -> pd.DataFrame:
    """Return what helped, ranked by how many urges it saw through unacted on, then by use.

    Columns: ``count`` (urges noting it) and ``resisted`` (of those, not acted on).
    """
    df = _until(urges, today)
    out = ranked_labels(df["helped"], ~df["acted_on"].astype(bool))
    return out.reset_index().sort_values(["resisted", "count", "label"],
                                         ascending=[False, False, True]).set_index("label")


def urges_weekly(urges: pd.DataFrame, today: date | None = None) -> pd.DataFrame:
    """Return one row per week (index: its Monday) from the first urge's week to today's.

    Columns: ``urges`` (0 in a week without any), ``resisted`` and
    ``share_resisted`` (NaN in a week without urges, never 0).
    """
    end = as_day(today)
    df = _until(urges, today)
    if df.empty:
        return pd.DataFrame({"urges": pd.Series([], dtype="int64"),
                             "resisted": pd.Series([], dtype="int64"),
                             "share_resisted": pd.Series([], dtype="float64")},
                            index=pd.DatetimeIndex([], name="week"))
    day = pd.DatetimeIndex(df["day"].to_numpy(dtype="datetime64[ns]"))
    week = trends.week_starts(day)
    frame = pd.DataFrame({"week": week, "resisted": ~df["acted_on"].to_numpy(dtype=bool)})
    grouped = frame.groupby("week")
    out = pd.DataFrame({"urges": grouped.size(), "resisted": grouped["resisted"].sum()})
    index = pd.date_range(out.index.min(), trends.week_start(end), freq=trends.WEEK_FREQ,
                          name="week")
    out = out.reindex(index, fill_value=0).astype("int64")
    out["share_resisted"] = out["resisted"] / out["urges"].where(out["urges"] > 0)
    return out


def urge_totals(urges: pd.DataFrame, today: date | None = None, *,
                days: int | None = None) -> tuple[int, int]:
    """Return (urges, resisted) over the last ``days`` days up to today (None: all)."""
    df = _until(urges, today)
    if days is not None and len(df):
        df = df[df["day"] > as_day(today) - pd.Timedelta(days=days)]
    return len(df), int((~df["acted_on"].astype(bool)).sum()) if len(df) else 0


def peak_hour(clock: pd.DataFrame) -> tuple[int, int, int] | None:
    """Return (weekday, hour, urges) of the one hour of the week with the most urges, or
    None while fewer than :data:`PATTERN_MIN` urges are counted or no hour stands alone."""
    counts = clock.to_numpy()
    if int(counts.sum()) < PATTERN_MIN:
        return None
    top = int(counts.max())
    if top < 2 or int((counts == top).sum()) > 1:
        return None
    weekday, hour = divmod(int(np.argmax(counts)), HOURS)
    return weekday, hour, top
