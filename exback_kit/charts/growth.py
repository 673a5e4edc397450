"""Charts of the person's own ground: habits and mood, wellbeing scales, the journey."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

import numpy as np
import pandas as pd
from matplotlib.axes import Axes

from exback_kit import content
from exback_kit.charts import palette
from exback_kit.charts.base import (
    axes_for,
    date_axis,
    empty_state,
    legend_below,
    one_decimal,
    styled,
    titled,
)
from exback_kit.charts.mood import day_text, stage_titles
from exback_kit.content import texts
from exback_kit.domain import mood, progress, roads, scales, timeline
from exback_kit.domain.profile import breakup_day
from exback_kit.domain.scales import WHO5_LOW, WHO5_MIDDLE

#: The top of the Rosenberg scale (total 0–30).
ROSENBERG_MAX = 30


def plain(text: str) -> str:
    """Return text matplotlib shows as typed (a ``$`` would start math mode)."""
    return text.replace("$", r"\$")


# --- habits and mood ------------------------------------------------------------

@dataclass(frozen=True)
class HabitData:
    """Habits that have days both with and without them (see mood.habit_mood)."""

    table: pd.DataFrame


def prepare_habits(tables: timeline.Tables, today: date | None = None) -> HabitData:
    """Return the habits-vs-mood chart's data."""
    table = mood.habit_mood(tables["checkins"], today)
    table = table[(table["days_with"] > 0) & (table["days_without"] > 0)]
    return HabitData(table)


def habit_label(habit: str) -> str:
    """Return a habit's name in the language in force: the kit's own habits are stored by
    id and translated; a habit the person named stays in their words."""
    return str(texts.HABIT_NAMES.get(habit, habit))


def _habit_name(habit: str, row: pd.Series) -> str:
    return plain(habit_label(habit)) + (texts.CHART_HABIT_TO_REDUCE if row["to_reduce"] else "")


@styled
def draw_habits(data: HabitData, ax: Axes | None = None) -> Axes:
    """Draw, per habit with enough days on both sides, mood on days with it minus days
    without, with a rough interval; below the minimum, "not enough yet: N of M"."""
    title = texts.CHART_TITLES["habits"]
    solid = data.table[mood.enough_days(data.table)] if len(data.table) else data.table
    height = 1.3 + 0.32 * max(len(solid), 3)
    ax = axes_for(ax, figsize=(7.5, height),
                  margins={"left": 0.34, "right": 0.8, "bottom": 0.6 / height,
                           "top": 1 - 0.45 / height})
    if data.table.empty:
        return empty_state(ax, title, texts.CHART_EMPTY_HABITS)
    if solid.empty:
        return empty_state(ax, title, _thin_habits(data.table))
    titled(ax, title)
    table = solid.sort_values("difference")
    diff = table["difference"].to_numpy(dtype="float64")
    y = np.arange(len(table))
    ax.barh(y, diff, color=np.where(diff >= 0, palette.HIGHER, palette.LOWER), height=0.6)
    low = np.nan_to_num(diff - table["low"].to_numpy(dtype="float64"))
    high = np.nan_to_num(table["high"].to_numpy(dtype="float64") - diff)
    ax.errorbar(diff, y, xerr=np.vstack([low, high]), fmt="none", ecolor=palette.INK, lw=0.8,
                capsize=2)
    ax.axvline(0, color=palette.INK, lw=0.8)
    ax.set_yticks(y, [_habit_name(str(h), r) for h, r in table.iterrows()])
    for yy, (_, row) in zip(y, table.iterrows(), strict=True):
        ax.text(1.02, float(yy), texts.CHART_HABIT_DAYS.format(with_=int(row["days_with"]),
                                                       without=int(row["days_without"])),
                transform=ax.get_yaxis_transform(), va="center", fontsize=8,
                color=palette.SOFT_INK)
    ax.text(1.02, len(table) - 0.4, texts.CHART_HABIT_DAYS_HEADER, va="bottom", fontsize=7,
            transform=ax.get_yaxis_transform(), color=palette.SOFT_INK)
    waiting = len(data.table) - len(solid)
    axis = texts.CHART_HABITS_AXIS
    if waiting:
        axis += "\n" + texts.say(texts.CHART_HABITS_WAITING, count=waiting,
                                 needed=mood.HABIT_MIN_DAYS)
    ax.set_xlabel(axis)
    reach = max(float(np.max(np.abs(diff) + np.maximum(low, high))), 1.0)
    ax.set_xlim(-reach * 1.1, reach * 1.1)
    return ax


def _thin_habits(table: pd.DataFrame, *, drawn: bool = True) -> str:
    """Return "not enough yet" for the habit closest to the minimum, with its counts
    (``drawn``: as matplotlib shows text)."""
    habit = mood.closest_to_enough(table)
    row = table.loc[habit]
    name = habit_label(habit)
    return texts.say(texts.CHART_HABITS_THIN, habit=plain(name) if drawn else name,
                     with_=min(int(row["days_with"]), mood.HABIT_MIN_DAYS),
                     without=min(int(row["days_without"]), mood.HABIT_MIN_DAYS),
                     needed=mood.HABIT_MIN_DAYS)


def summarize_habits(data: HabitData) -> str:
    """Return one sentence on the habit with the clearest difference and its day counts,
    or, below the minimum, how many days the closest habit has of those it needs."""
    table = data.table
    if table.empty:
        return texts.SUMMARY_HABITS_EMPTY
    solid = table[mood.enough_days(table)]
    if solid.empty:
        return _thin_habits(table, drawn=False)
    habit = solid["difference"].abs().idxmax()
    row = table.loc[habit]
    return texts.SUMMARY_HABITS.format(habit=habit_label(habit),
                                       with_=one_decimal(row["with_mood"]),
                                       without=one_decimal(row["without_mood"]),
                                       days_with=int(row["days_with"]),
                                       days_without=int(row["days_without"]))


# --- wellbeing ------------------------------------------------------------------

@dataclass(frozen=True)
class WellbeingData:
    """WHO-5 percentages and Rosenberg totals over time (see scales.wellbeing)."""

    scores: pd.DataFrame


def prepare_wellbeing(tables: timeline.Tables, today: date | None = None) -> WellbeingData:
    """Return the wellbeing chart's data."""
    return WellbeingData(scales.wellbeing(tables["instrument_results"], today))


def _bands(ax: Axes) -> None:
    for key, lo, hi in (("low", 0, WHO5_LOW), ("middle", WHO5_LOW, WHO5_MIDDLE),
                        ("good", WHO5_MIDDLE, 100)):
        ax.axhspan(lo, hi, color=palette.BAND_TINTS[key], lw=0, zorder=0)
        ax.text(0.005, (lo + hi) / 2, texts.CHART_WHO5_BANDS[key], va="center", fontsize=7,
                transform=ax.get_yaxis_transform(), color=palette.SOFT_INK)


@styled
def draw_wellbeing(data: WellbeingData, ax: Axes | None = None) -> Axes:
    """Draw WHO-5 % over its three bands (left axis) and the Rosenberg total (right axis)."""
    ax = axes_for(ax, margins={"left": 0.08, "right": 0.92, "bottom": 0.24, "top": 0.88})
    title = texts.CHART_TITLES["wellbeing"]
    scores = data.scores
    if scores.empty:
        return empty_state(ax, title, texts.CHART_EMPTY_WELLBEING)
    titled(ax, title)
    _bands(ax)
    who5 = scores[scores["instrument"] == "who5"]
    rosenberg = scores[scores["instrument"] == "rosenberg"]
    handles = ax.plot(who5["day"].to_numpy(), who5["value"].to_numpy(), "o-", ms=4, lw=1.5,
                      color=palette.WHO5, label=texts.CHART_WHO5_LABEL)
    ax.set_ylim(0, 100)
    ax.set_ylabel(texts.CHART_WHO5_AXIS)
    twin = ax.twinx()
    twin.spines["top"].set_visible(False)
    handles += twin.plot(rosenberg["day"].to_numpy(), rosenberg["value"].to_numpy(), "s--",
                         ms=4, lw=1.2, color=palette.ROSENBERG, label=texts.CHART_ROSENBERG_LABEL)
    twin.set_ylim(0, ROSENBERG_MAX)
    twin.set_ylabel(texts.CHART_ROSENBERG_AXIS)
    days = scores["day"].to_numpy()
    if days.min() == days.max() or len(days) < 2:
        ax.set_xlim(days.min() - np.timedelta64(7, "D"), days.max() + np.timedelta64(7, "D"))
    date_axis(ax)
    legend_below(ax, handles=handles, ncol=2)
    return ax


def summarize_wellbeing(data: WellbeingData) -> str:
    """Return one sentence: the latest WHO-5 (band, change) and the latest Rosenberg total."""
    scores = data.scores
    if scores.empty:
        return texts.SUMMARY_WB_EMPTY
    parts = []
    who5 = scores[scores["instrument"] == "who5"]
    if len(who5):
        last = who5.iloc[-1]
        part = texts.SUMMARY_WB_WHO5.format(percent=round(last["value"]),
                                            band=texts.CHART_WHO5_BAND_WORDS[last["band"]])
        if len(who5) > 1:
            delta = round(last["value"] - who5.iloc[-2]["value"])
            part += texts.SUMMARY_WB_CHANGE.format(delta=delta)
        parts.append(part)
    rosenberg = scores[scores["instrument"] == "rosenberg"]
    if len(rosenberg):
        parts.append(texts.SUMMARY_WB_ROSENBERG.format(total=round(rosenberg.iloc[-1]["value"])))
    sentence = texts.SUMMARY_WB_JOIN.join(parts)
    return sentence[0].upper() + sentence[1:] + "."


# --- the journey ----------------------------------------------------------------

@dataclass(frozen=True)
class JourneyData:
    """Each stage's progress and title, and the profile's breakup date (day 0) if given."""

    stages: pd.DataFrame
    titles: dict[str, str]
    breakup: pd.Timestamp | None = None
    today: pd.Timestamp | None = None


def prepare_journey(tables: timeline.Tables, today: date | None = None) -> JourneyData:
    """Return the journey chart's data: the stages that count on the road in force
    (:func:`exback_kit.domain.roads.journey_rows`), and the breakup day when it has passed."""
    end = timeline.as_day(today)
    breakup = breakup_day(tables["answers"])
    return JourneyData(roads.journey_rows(tables, today, kit=content.load()), stage_titles(),
                       breakup if breakup is not None and breakup <= end else None, end)


def day_number(data: JourneyData, day: pd.Timestamp) -> int | None:
    """Return ``day`` counted from the breakup (day 0), or None without one or before it."""
    if data.breakup is None or pd.isna(day) or day < data.breakup:
        return None
    return int((day - data.breakup) / pd.Timedelta(days=1))


@styled
def draw_journey(data: JourneyData, ax: Axes | None = None) -> Axes:
    """Draw each stage as a bar filled by the share of its questions answered; with a
    breakup date, each bar says on which day after it (day 0) the stage began."""
    right = 0.80 if data.breakup is not None else 0.88
    ax = axes_for(ax, figsize=(7.5, 3.4),
                  margins={"left": 0.26, "right": right, "bottom": 0.1, "top": 0.86})
    title = texts.CHART_TITLES["journey"]
    stages = data.stages
    if stages.empty or stages["answered"].sum() == 0:
        return empty_state(ax, title, texts.CHART_EMPTY_JOURNEY)
    titled(ax, title)
    y = np.arange(len(stages))[::-1]
    ax.barh(y, np.ones(len(stages)), color=palette.PROGRESS_TRACK, height=0.6)
    ax.barh(y, stages["progress"].to_numpy(), color=palette.PROGRESS, height=0.6)
    for yy, (_, row) in zip(y, stages.iterrows(), strict=True):
        label = texts.CHART_JOURNEY_COUNT.format(answered=int(row["answered"]),
                                                 questions=int(row["questions"]))
        began = day_number(data, row["first_day"])
        if began is not None:
            label += texts.CHART_JOURNEY_FROM_DAY.format(day=began)
        ax.text(1.02, yy, label, va="center", fontsize=8, color=palette.SOFT_INK,
                clip_on=False)
    ax.set_yticks(y, [data.titles.get(s, s) for s in stages.index])
    ax.set_xlim(0, 1)
    ax.set_xticks([])
    if data.breakup is not None:
        ax.set_xlabel(texts.CHART_JOURNEY_DAY0.format(day=day_text(data.breakup)),
                      fontsize=8, color=palette.SOFT_INK, loc="left")
    ax.tick_params(length=0)
    for spine in ax.spines.values():
        spine.set_visible(False)
    return ax


def summarize_journey(data: JourneyData) -> str:
    """Return one sentence: questions answered, stages touched, the latest stage; with a
    breakup date, where today and the first answer sit counted from it (day 0)."""
    stages = data.stages
    if stages.empty or stages["answered"].sum() == 0:
        return texts.SUMMARY_JOURNEY_EMPTY
    latest = progress.latest_stage(stages) or ""
    text = texts.SUMMARY_JOURNEY.format(answered=int(stages["answered"].sum()),
                                        questions=int(stages["questions"].sum()),
                                        touched=int((stages["answered"] > 0).sum()),
                                        stages=len(stages),
                                        latest=data.titles.get(latest, latest))
    if data.breakup is None or data.today is None:
        return text
    began = day_number(data, stages["first_day"].min())
    template = texts.SUMMARY_JOURNEY_BREAKUP if began is None else texts.SUMMARY_JOURNEY_BEGAN
    return text.removesuffix(".") + template.format(day=day_text(data.breakup), began=began,
                                                    today=day_number(data, data.today))
