"""Who am I now: the weekly "I know who I am apart from them" rating, and "we" and "I" words.

Pure rules on the journal's typed frames. The clarity rating is asked at most once a week
(:data:`CLARITY_EVERY_DAYS`); the chart keeps each week's latest answer. "We" and "I" words
are counted in the person's own writing, by the week it was written; only English words are
in the lists, so words in other languages are left uncounted (and the chart says so).
Nothing here stores anything: the counts are made afresh each time they are shown.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from datetime import date

import pandas as pd

from exback_kit.domain.timeline import as_day, up_to
from exback_kit.domain.trends import WEEK_DAYS, week_start, week_starts

#: The chart of the "we" and "I" counts (the setting ``count_we_i`` turns it on: off until the
#: person turns it on, it is shown, and goes into the report, only while it is on).
WE_I_CHART = "we_i"
#: The clarity question comes back this many days after the last answer.
CLARITY_EVERY_DAYS = 7
#: First-person plural and singular words (English only), after lower-casing.
WE_WORDS = frozenset({"we", "us", "our", "ours", "ourselves", "we're", "we've", "we'd",
                      "we'll", "let's"})
I_WORDS = frozenset({"i", "me", "my", "mine", "myself", "i'm", "i've", "i'd", "i'll"})
#: Where the person's own writing is: table -> its text columns.
WRITING: dict[str, tuple[str, ...]] = {
    "checkins": ("note",), "urges": ("trigger", "note"), "answers": ("value",),
    "reflections": ("value",), "reappraisals": ("what", "pleasant", "note"),
    "reachouts": ("plan", "expectation", "why", "outcome"), "unsent": ("text", "review_note"),
    "signals": ("what", "note"), "meetings": ("note",), "patterns": ("pattern", "root", "plan"),
    "decisions": ("reasons",), "self_notes": ("item",), "moment_plans": ("plan",),
}
_WORD = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)*")


def next_clarity_day(clarity: pd.DataFrame) -> date | None:
    """Return the first day the clarity question is asked again, or None if never answered."""
    if clarity.empty:
        return None
    return (clarity["day"].max() + pd.Timedelta(days=CLARITY_EVERY_DAYS)).date()


def clarity_weeks(clarity: pd.DataFrame, today: date | None = None) -> pd.Series:
    """Return each week's latest rating (index: the Monday of the week), up to ``today``."""
    df = up_to(clarity, as_day(today))
    if df.empty:
        return pd.Series([], dtype="int64", index=pd.DatetimeIndex([], name="week"))
    weeks = week_starts(pd.DatetimeIndex(df["day"]))
    latest = df.assign(week=weeks).sort_values(["at", "id"]).groupby("week")["rating"].last()
    return latest.astype("int64")


def count_we_i(text: object) -> tuple[int, int]:
    """Return (we words, I words) in ``text``; anything but text counts nothing."""
    if not isinstance(text, str):
        return 0, 0
    folded = text.casefold()
    if "’" in folded:
        folded = folded.replace("’", "'")
    words = _WORD.findall(folded)
    return sum(map(WE_WORDS.__contains__, words)), sum(map(I_WORDS.__contains__, words))


def _texts(tables: Mapping[str, pd.DataFrame], end: pd.Timestamp,
           start: pd.Timestamp | None) -> Iterable[tuple[pd.Timestamp, str]]:
    """Yield (the week's Monday, text) for every non-empty text written from ``start`` (any
    day when None) up to ``end``."""
    for kind, columns in WRITING.items():
        df = tables.get(kind)
        if df is None or df.empty:
            continue
        shown = df["day"] <= end  # NaT compares False: undated rows drop out too
        if start is not None:
            shown &= df["day"] >= start
        df = df[shown]
        weeks = week_starts(pd.DatetimeIndex(df["day"])).tolist()
        for column in columns:
            for week, text in zip(weeks, df[column].tolist(), strict=True):
                if isinstance(text, str) and text:
                    yield week, text


def weekly_we_i(tables: Mapping[str, pd.DataFrame], today: date | None = None,
                weeks: int | None = None) -> pd.DataFrame:
    """Return the "we" and "I" counts of each week with any (index: the week's Monday).

    Args:
        tables: any of the tables in :data:`WRITING` (the others are skipped).
        weeks: count only the last this many calendar weeks, this one included (all when
            None): the chart shows twelve, and ten years of writing take ~20 ms to count.
    """
    if weeks is not None and weeks < 1:
        raise ValueError(f"weeks: {weeks} counts no week; give 1 or more, or None for all")
    end = as_day(today)
    start = None if weeks is None else week_start(end) - pd.Timedelta(days=WEEK_DAYS * (weeks - 1))
    counts: dict[pd.Timestamp, list[int]] = {}
    for week, text in _texts(tables, end, start):
        we, i = count_we_i(text)
        if we or i:
            total = counts.setdefault(week, [0, 0])
            total[0] += we
            total[1] += i
    frame = pd.DataFrame([(w, c[0], c[1]) for w, c in sorted(counts.items())],
                         columns=["week", "we", "i"])
    return frame.set_index("week").astype("int64")
