"""Progress analytics: pure pandas over the journal's typed tables.

Nothing here draws, and only :func:`load_tables` touches the journal: it reads
each table once, and every other function takes DataFrames (as
:meth:`exback_kit.store.Journal.table` types them) plus ``today``. Urges live
in :mod:`exback_kit.domain.urges`.
"""

from __future__ import annotations

import math
from collections.abc import Collection, Iterable
from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING

import numpy as np
import pandas as pd

from exback_kit.content.vocab import DEFAULT_HABITS, HABITS_TO_REDUCE
from exback_kit.store.schema import TABLES

if TYPE_CHECKING:
    from exback_kit.store import Journal

Tables = dict[str, pd.DataFrame]

#: Tables whose ``day`` column says when the person started using the kit.
ACTIVITY_KINDS = ("checkins", "contacts", "urges", "answers", "decisions", "nocontact_periods",
                  "instrument_results")
#: How far either side of a habit's mood difference the interval reaches (≈ 95 %).
INTERVAL_Z = 1.96


def load_tables(journal: Journal, kinds: Iterable[str] = tuple(TABLES)) -> Tables:
    """Return the journal's tables (all, or just ``kinds``) as typed DataFrames, each read once.

    Args:
        journal: an open :class:`~exback_kit.store.Journal`.
        kinds: which tables to read; default every one.
    """
    return {kind: journal.table(kind) for kind in kinds}


def as_day(today: date | None = None) -> pd.Timestamp:
    """Return ``today`` (default: the local date) as a midnight Timestamp."""
    return pd.Timestamp(today if today is not None else date.today()).normalize()


def up_to(df: pd.DataFrame, today: pd.Timestamp) -> pd.DataFrame:
    """Return the rows up to ``today`` (the frame itself when none is later: no copy)."""
    if not len(df):
        return df
    keep = (df["day"] <= today).to_numpy()
    return df if keep.all() else df[keep]


def _floats(col: pd.Series) -> np.ndarray:
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


def daily_mood(checkins: pd.DataFrame, today: date | None = None, *,
               window: int = 7) -> pd.DataFrame:
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
    frame = pd.DataFrame({"day": days, "mood": _floats(df["mood"]),
                          "energy": _floats(df["energy"])})
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
                        "mood": _floats(df["mood"]), "energy": _floats(df["energy"])})
    return out.dropna().reset_index(drop=True)


# --- No-Contact ----------------------------------------------------------------

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


def current_period(periods: pd.DataFrame, today: date | None = None, *,
                   fallback: date | None = None) -> tuple[pd.Timestamp | None, int | None]:
    """Return (start day, target days) of the No-Contact period in force on ``today``.

    The latest ``start_day`` not after ``today`` wins (ties: the newest entry).
    Without any period, the period starts on ``fallback`` with no target.
    """
    end = as_day(today)
    started = periods[periods["start_day"] <= end] if len(periods) else periods
    if len(started):
        row = started.sort_values(["start_day", "id"]).iloc[-1]
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


# --- habits and mood -------------------------------------------------------------

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
    mood = pd.Series(_floats(df["mood"])).groupby(day_codes).mean().to_numpy()
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


# --- wellbeing -----------------------------------------------------------------

def wellbeing(results: pd.DataFrame, today: date | None = None) -> pd.DataFrame:
    """Return the wellbeing scores over time, oldest first.

    Columns: ``day``, ``instrument`` ("who5" or "rosenberg"), ``value`` (WHO-5 as a
    percentage, raw × 4; Rosenberg as its 0–30 total) and ``band`` (the WHO-5 band
    from :func:`exback_kit.instruments.who5_band`; empty for Rosenberg, which has
    no bands).
    """
    from exback_kit.domain.scales import who5_band

    df = up_to(results, as_day(today))
    if df.empty:
        return pd.DataFrame({"day": pd.Series([], dtype="datetime64[ns]"),
                             "instrument": pd.Series([], dtype="str"),
                             "value": pd.Series([], dtype="float64"),
                             "band": pd.Series([], dtype="str")})
    raw = _floats(df["raw"])
    who5 = (df["instrument"] == "who5").to_numpy()
    value = np.where(who5, raw * 4, raw)
    out = pd.DataFrame({"day": df["day"].to_numpy(dtype="datetime64[ns]"),
                        "instrument": df["instrument"].to_numpy(), "value": value})
    out["band"] = [who5_band(v) if w else "" for v, w in zip(value, who5, strict=True)]
    return out.reset_index(drop=True)


# --- the journey ----------------------------------------------------------------

#: Stage id -> the steps whose answers belong to it (step 0: the start-here forms).
#: Used as is when the kit's content cannot be read.
STAGE_STEPS: dict[str, tuple[int, ...]] = {
    "00_start_here": (0,),
    "01_space_and_clarity": (1, 2),
    "02_reading_the_signals": (3,),
    "03_rebuilding_you": (4, 5, 6, 7),
    "04_holding_steady": (8, 9),
    "05_reconnecting": (10, 11, 12, 13),
    "06_the_conversation": (14, 15, 16),
    "07_relationship_2_0": (17, 18),
    "08_dashboard": (),
}

#: stage id -> step -> the step's question ids (empty: count the step as one item).
StepQuestions = dict[str, dict[int, frozenset[str]]]


def stage_of_step(step: int) -> str | None:
    """Return the id of the stage that holds ``step``, or None."""
    for stage, steps in STAGE_STEPS.items():
        if step in steps:
            return stage
    return None


def stage_plan() -> StepQuestions:
    """Return each stage's steps and their question ids, from the kit's content.

    The dashboard (which only looks back) is left out. Falls back to
    :data:`STAGE_STEPS` with unknown questions if the content cannot be read.
    """
    try:
        from exback_kit import content
        kit = content.load()
        return {stage.id: {n: frozenset(q.id for q in kit.step(n).questions)
                           for n in (stage.steps or STAGE_STEPS.get(stage.id, ()))}
                for stage in kit.stages if not stage.overview}
    except (ImportError, ValueError, KeyError):
        return {stage: dict.fromkeys(steps, frozenset())
                for stage, steps in STAGE_STEPS.items() if steps}


def journey(answers: pd.DataFrame, today: date | None = None, *,
            plan: StepQuestions | None = None,
            set_aside: Collection[str] = ()) -> pd.DataFrame:
    """Return each stage's progress from the answers saved per step.

    One row per stage of ``plan`` (default :func:`stage_plan`), leaving out the stages
    in ``set_aside`` (on the moving-on road they never count against the person). Columns:
    ``steps``, ``steps_answered`` (steps with any answer), ``questions`` (the
    stage's questions), ``answered`` (of those, how many have an answer),
    ``progress`` (answered ÷ questions, 0–1; a step without known questions
    counts as one question, answered by any answer) and ``last_day`` (NaT if none).
    """
    plan = stage_plan() if plan is None else plan
    df = up_to(answers, as_day(today))
    steps_col = df["step"].to_numpy(dtype="float64", na_value=np.nan) if len(df) else np.array([])
    rows = []
    for stage, steps in plan.items():
        if stage in set_aside:
            continue
        mine = df[np.isin(steps_col, list(steps))] if len(df) else df
        asked = {(n, q) for n, ids in steps.items() for q in ids}
        given = set(zip(mine["step"].astype("int64"), mine["question"], strict=True))
        done_steps = {n for n, _ in given}
        answered = len(asked & given) + sum(1 for n, ids in steps.items()
                                            if not ids and n in done_steps)
        total = len(asked) + sum(1 for ids in steps.values() if not ids)
        last = mine["day"].max() if len(mine) else pd.NaT
        rows.append((stage, len(steps), len(done_steps & set(steps)), total, answered,
                     answered / total if total else 0.0, last))
    out = pd.DataFrame(rows, columns=["stage", "steps", "steps_answered", "questions",
                                      "answered", "progress", "last_day"]).set_index("stage")
    out["last_day"] = pd.to_datetime(out["last_day"])
    return out


def stage_starts(answers: pd.DataFrame, today: date | None = None) -> pd.Series:
    """Return the first day each stage got an answer (index: stage id), oldest first."""
    df = up_to(answers, as_day(today))
    if df.empty:
        return pd.Series([], dtype="datetime64[ns]", index=pd.Index([], dtype="str"))
    lookup = {step: stage for stage, steps in STAGE_STEPS.items() for step in steps}
    stage = df["step"].map(lookup)
    days = pd.Series(df["day"].to_numpy(dtype="datetime64[ns]"), index=df.index)
    firsts = days[stage.notna()].groupby(stage[stage.notna()]).min()
    firsts.index.name = None
    return firsts.sort_values()
