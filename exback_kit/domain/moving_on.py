"""The moving-on stage in numbers: how much they were on your mind, before and after the list.

Pure pandas: frames as :meth:`exback_kit.store.Journal.table` types them, plus ``today``.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

import numpy as np
import pandas as pd

from exback_kit.domain.timeline import as_day, up_to
from exback_kit.domain.trends import WEEK_DAYS

#: The four ratings of a clear-eyed entry, before and after.
RATINGS = ("feelings_before", "feelings_after", "mood_before", "mood_after")


def _floats(col: pd.Series) -> np.ndarray:
    return col.to_numpy(dtype="float64", na_value=np.nan)


def mind_by_day(checkins: pd.DataFrame, today: date | None = None, *,
                window: int = WEEK_DAYS) -> pd.DataFrame:
    """Return one row per day from the first check-in that says how much they were on your mind.

    Columns: ``mind`` (0–10) and ``mood`` (1–10), each the day's mean and NaN on a day
    without one (never zero), and ``mind_rolling`` / ``mood_rolling``, the mean over the
    last ``window`` days that have a value. The index is the day (named ``day``).
    """
    end = as_day(today)
    df = up_to(checkins, end)
    frame = pd.DataFrame({"day": df["day"].to_numpy(dtype="datetime64[ns]"),
                          "mind": _floats(df["mind"]), "mood": _floats(df["mood"])})
    with_mind = frame.dropna(subset=["mind"])
    if with_mind.empty:
        empty: dict[str, list[float]] = {c: [] for c in ("mind", "mood", "mind_rolling",
                                                         "mood_rolling")}
        return pd.DataFrame(empty, index=pd.DatetimeIndex([], name="day"), dtype="float64")
    frame = frame[frame["day"] >= with_mind["day"].min()]
    grouped = frame.groupby("day")
    out = pd.DataFrame({"mind": grouped["mind"].mean(), "mood": grouped["mood"].mean()})
    out = out.reindex(pd.date_range(out.index.min(), end, freq="D", name="day"))
    for col in ("mind", "mood"):
        out[f"{col}_rolling"] = out[col].rolling(window, min_periods=1).mean()
    return out


def reappraisal_pairs(reappraisals: pd.DataFrame, today: date | None = None) -> pd.DataFrame:
    """Return the clear-eyed entries that have a before and an after rating, oldest first.

    Columns: ``day``, the four ratings of :data:`RATINGS` as floats, and
    ``feelings_change`` / ``mood_change`` (after minus before). An entry counts for a
    measure only when both of its ratings are there; the other measure may be NaN.
    """
    df = up_to(reappraisals, as_day(today))
    out = pd.DataFrame({"day": df["day"].to_numpy(dtype="datetime64[ns]"),
                        **{name: _floats(df[name]) for name in RATINGS}})
    out["feelings_change"] = out["feelings_after"] - out["feelings_before"]
    out["mood_change"] = out["mood_after"] - out["mood_before"]
    has_pair = out["feelings_change"].notna() | out["mood_change"].notna()
    return out[has_pair.to_numpy()].reset_index(drop=True)


@dataclass(frozen=True)
class PairMeans:
    """Mean before and after for one measure, over the entries that have both."""

    count: int
    before: float
    after: float


def pair_means(pairs: pd.DataFrame, measure: str) -> PairMeans | None:
    """Return the mean before/after of ``measure`` ("feelings" or "mood"), or None without data."""
    both = pairs.dropna(subset=[f"{measure}_before", f"{measure}_after"])
    if both.empty:
        return None
    return PairMeans(len(both), float(both[f"{measure}_before"].mean()),
                     float(both[f"{measure}_after"].mean()))


@dataclass(frozen=True)
class TopicProgress:
    """How much of a stage's topics has been touched: ``answered`` of ``parts``, in
    ``touched`` of ``topics`` topics, between ``first_day`` and ``last_day``."""

    answered: int
    parts: int
    last_day: pd.Timestamp | None
    touched: int = 0
    topics: int = 0
    first_day: pd.Timestamp | None = None
    #: The moment of the latest entry (UTC).
    last_at: pd.Timestamp | None = None


def topic_progress(plan: dict[str, frozenset[str]], reflections: pd.DataFrame,
                   lists: dict[str, pd.DataFrame], today: date | None = None) -> TopicProgress:
    """Return a topic stage's progress: each prompt answered counts, and each list
    (clear-eyed, devices, untangling) counts once it has an entry.

    Args:
        plan: topic id -> its question ids (an empty set for a topic kept as a list).
        reflections: the ``reflections`` table.
        lists: topic id -> the frame holding its entries (only that topic's rows).
    """
    end = as_day(today)
    refl = up_to(reflections, end)
    answered, parts, touched, days, moments = 0, 0, 0, [], []
    given = set(zip(refl["topic"], refl["question"], strict=True)) if len(refl) else set()
    for topic, questions in plan.items():
        if questions:
            parts += len(questions)
            answered += len({(topic, q) for q in questions} & given)
            mine = refl[(refl["topic"] == topic).to_numpy()] if len(refl) else refl
            mine = mine[mine["question"].isin(list(questions)).to_numpy()] if len(mine) else mine
        else:
            parts += 1
            mine = up_to(lists.get(topic, refl.iloc[0:0]), end)
            answered += int(len(mine) > 0)
        if len(mine):
            touched += 1
            days += [mine["day"].min(), mine["day"].max()]
            moments.append(mine["at"].max())
    return TopicProgress(answered, parts, max(days) if days else None, touched, len(plan),
                         min(days) if days else None, max(moments) if moments else None)
