"""Urges analysed: when they come, what sets them off, what helped, how often resisted.

Pure pandas over the ``urges`` table as :meth:`exback_kit.store.Journal.table`
types it (``day`` is the local date, ``hour`` the local hour). Nothing draws.
"""

from __future__ import annotations

from datetime import date

import numpy as np
import pandas as pd

from exback_kit.domain.timeline import as_day, up_to

HOURS = 24
WEEKDAYS = 7


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


def _ranked(labels: pd.Series, resisted: pd.Series) -> pd.DataFrame:
    """Count free-text labels, merging case and spacing; show the commonest spelling."""
    text = labels.astype("str").str.strip().str.replace(r"\s+", " ", regex=True)
    keep = text != ""
    frame = pd.DataFrame({"key": text[keep].str.casefold(), "label": text[keep],
                          "resisted": resisted[keep].astype(bool)})
    if frame.empty:
        return pd.DataFrame({"count": pd.Series([], dtype="int64"),
                             "resisted": pd.Series([], dtype="int64")},
                            index=pd.Index([], name="label", dtype="str"))
    spelling = frame.groupby(["key", "label"]).size().reset_index(name="n")
    spelling = spelling.sort_values(["n", "label"], ascending=[False, True])
    names = spelling.drop_duplicates("key").set_index("key")["label"]
    grouped = frame.groupby("key")
    out = pd.DataFrame({"count": grouped.size(), "resisted": grouped["resisted"].sum()})
    out.index = pd.Index(names.loc[out.index].to_numpy(), name="label")
    return out.astype("int64")


def urge_triggers(urges: pd.DataFrame, today: date | None = None) -> pd.DataFrame:
    """Return what set urges off, most frequent first (columns ``count``, ``resisted``).

    Triggers that differ only in case or spacing count as one.
    """
    df = _until(urges, today)
    out = _ranked(df["trigger"], ~df["acted_on"].astype(bool))
    return out.reset_index().sort_values(["count", "label"], ascending=[False, True]).set_index(
        "label")


def urge_helped(urges: pd.DataFrame, today: date | None = None) -> pd.DataFrame:
    """Return what helped, ranked by how many urges it saw through unacted on, then by use.

    Columns: ``count`` (urges noting it) and ``resisted`` (of those, not acted on).
    """
    df = _until(urges, today)
    out = _ranked(df["helped"], ~df["acted_on"].astype(bool))
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
    week = day - pd.to_timedelta(day.day_of_week, unit="D")
    frame = pd.DataFrame({"week": week, "resisted": ~df["acted_on"].to_numpy(dtype=bool)})
    grouped = frame.groupby("week")
    out = pd.DataFrame({"urges": grouped.size(), "resisted": grouped["resisted"].sum()})
    last = end - pd.Timedelta(days=end.weekday())
    index = pd.date_range(out.index.min(), last, freq="7D", name="week")
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
