"""Days and tables: the shared helpers of the pure analytics (frames in, frames out).

Every function takes DataFrames as :meth:`exback_kit.store.Journal.table` types them
(``day`` a local date, ``at`` an aware moment) plus ``today``.
"""

from __future__ import annotations

from datetime import date

import numpy as np
import pandas as pd

Tables = dict[str, pd.DataFrame]

#: Tables whose ``day`` column says when the person started using the kit.
ACTIVITY_KINDS = ("checkins", "contacts", "urges", "answers", "decisions", "nocontact_periods",
                  "instrument_results")


def as_day(today: date | None = None) -> pd.Timestamp:
    """Return ``today`` (default: the local date) as a midnight Timestamp."""
    return pd.Timestamp(today if today is not None else date.today()).normalize()


def up_to(df: pd.DataFrame, today: pd.Timestamp) -> pd.DataFrame:
    """Return the rows up to ``today`` (the frame itself when none is later: no copy)."""
    if not len(df):
        return df
    keep = (df["day"] <= today).to_numpy()
    return df if keep.all() else df[keep]


def floats(col: pd.Series) -> np.ndarray:
    """Return a numeric column as float64 with NaN for missing values."""
    return col.to_numpy(dtype="float64", na_value=np.nan)


def active_span(tables: Tables, today: date | None = None) -> tuple[date, date] | None:
    """Return the first and last day with any entry (up to ``today``), or None."""
    end = as_day(today)
    days = [df["day"][df["day"] <= end] for kind, df in tables.items()
            if kind in ACTIVITY_KINDS and len(df)]
    days = [d for d in days if len(d)]
    if not days:
        return None
    return min(d.min() for d in days).date(), max(d.max() for d in days).date()


def first_day(tables: Tables, today: date | None = None) -> date | None:
    """Return the first day the journal holds any entry (up to ``today``), or None."""
    span = active_span(tables, today)
    return span[0] if span else None
