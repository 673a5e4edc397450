"""Moving-on charts: how much they took up your mind (with mood), and the clear-eyed list's
before and after."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

import numpy as np
import pandas as pd
from matplotlib.axes import Axes
from matplotlib.lines import Line2D

from exback_kit.charts import palette
from exback_kit.charts.base import (
    axes_for,
    date_axis,
    empty_state,
    legend_below,
    one_decimal,
    styled,
    titled,
    week_sentence,
)
from exback_kit.content import language, texts
from exback_kit.domain import mood, moving_on, timeline, trends

#: The clear-eyed chart shows at most this many of the latest entries.
MAX_PAIRS = 20
OFFSET = 0.14


# --- on your mind ----------------------------------------------------------------

@dataclass(frozen=True)
class MindData:
    """Daily mind and mood from the first check-in that had a mind rating."""

    daily: pd.DataFrame
    today: pd.Timestamp


def prepare_mind(tables: timeline.Tables, today: date | None = None) -> MindData:
    """Return the mind chart's data from the journal's tables."""
    return MindData(moving_on.mind_by_day(tables["checkins"], today), timeline.as_day(today))


@styled
def draw_mind(data: MindData, ax: Axes | None = None) -> Axes:
    """Draw how much they took up your mind each day, its 7-day average, and mood's."""
    ax = axes_for(ax)
    title = texts.CHART_TITLES["mind"]
    daily = data.daily
    if daily.empty:
        return empty_state(ax, title, texts.CHART_EMPTY_MIND)
    titled(ax, title)
    x = daily.index.to_numpy()
    ax.plot(x, daily["mind"].to_numpy(), "o", ms=3, color=palette.MIND, alpha=0.7,
            label=texts.CHART_MIND_DAILY)
    for name, colour, width, dash, label in (
            ("mind", palette.MIND, 2.0, "-", texts.CHART_MIND_ROLLING),
            ("mood", palette.MOOD_LINE, 1.6, "--", texts.CHART_MIND_MOOD)):
        line = mood.averaged(daily[f"{name}_rolling"], daily[name], trends.WEEK_DAYS)
        if line.notna().any():  # no average drawn from one or two days
            ax.plot(x, line.to_numpy(), color=colour, lw=width, ls=dash, label=label)
    ax.set_ylim(-0.4, 10.4)
    ax.set_yticks([0, 5, 10])
    ax.set_ylabel(texts.CHART_MIND_AXIS)
    if len(daily) < trends.WEEK_DAYS:
        ax.set_xlim(x[0] - np.timedelta64(3, "D"), x[-1] + np.timedelta64(3, "D"))
    date_axis(ax)
    legend_below(ax, ncol=3)
    return ax


def summarize_mind(data: MindData) -> str:
    """Return one sentence on the last week's mind rating (compared with the week before)."""
    if data.daily.empty:
        return texts.SUMMARY_MIND_EMPTY
    week = trends.week_means(data.daily["mind"])
    if week.mean is None:
        return texts.SUMMARY_MIND_QUIET
    return week_sentence(week.mean, week, texts.SUMMARY_MIND_WEEK, texts.SUMMARY_MIND_COMPARE,
                         texts.CHART_MIND_CHANGE)


# --- the clear-eyed list: before and after -----------------------------------------

@dataclass(frozen=True)
class PairsData:
    """The latest clear-eyed entries with before and after ratings, and all-time means."""

    pairs: pd.DataFrame
    feelings: moving_on.PairMeans | None
    mood: moving_on.PairMeans | None


def prepare_reappraisal(tables: timeline.Tables, today: date | None = None) -> PairsData:
    """Return the before/after chart's data from the journal's tables."""
    pairs = moving_on.reappraisal_pairs(tables["reappraisals"], today)
    return PairsData(pairs.tail(MAX_PAIRS).reset_index(drop=True),
                     moving_on.pair_means(pairs, "feelings"), moving_on.pair_means(pairs, "mood"))


def _dumbbells(ax: Axes, x: np.ndarray, before: np.ndarray, after: np.ndarray,
               color: str) -> None:
    """Draw each entry's before (hollow) and after (filled), joined by a line."""
    for xi, b, a in zip(x, before, after, strict=True):
        if np.isnan(b) or np.isnan(a):
            continue
        ax.plot([xi, xi], [b, a], color=color, lw=1.6, alpha=0.8)
    ax.plot(x, before, "o", ms=6, mfc="white", mec=color, mew=1.6, ls="none")
    ax.plot(x, after, "o", ms=6, color=color, ls="none")


@styled
def draw_reappraisal(data: PairsData, ax: Axes | None = None) -> Axes:
    """Draw feelings for them and mood, before and after each clear-eyed entry."""
    ax = axes_for(ax)
    title = texts.CHART_TITLES["reappraisal"]
    pairs = data.pairs
    if pairs.empty:
        return empty_state(ax, title, texts.CHART_EMPTY_REAPPRAISAL)
    titled(ax, title)
    x = np.arange(1, len(pairs) + 1, dtype="float64")
    _dumbbells(ax, x - OFFSET, pairs["feelings_before"].to_numpy(),
               pairs["feelings_after"].to_numpy(), palette.FEELINGS)
    _dumbbells(ax, x + OFFSET, pairs["mood_before"].to_numpy(), pairs["mood_after"].to_numpy(),
               palette.MOOD_LINE)
    ax.set_xticks(x)
    ax.set_xticklabels([language.day_month(d, "abbreviated")
                        for d in pd.DatetimeIndex(pairs["day"])],
                       rotation=45 if len(pairs) > 8 else 0, ha="right" if len(pairs) > 8 else
                       "center")
    ax.set_xlim(0.4, len(pairs) + 0.6)
    ax.set_ylim(-0.4, 10.4)
    ax.set_yticks([0, 5, 10])
    ax.set_ylabel(texts.CHART_REAPPRAISAL_AXIS)
    handles = [Line2D([], [], color=palette.FEELINGS, marker="o", lw=1.6,
                      label=texts.CHART_REAPPRAISAL_FEELINGS),
               Line2D([], [], color=palette.MOOD_LINE, marker="o", lw=1.6,
                      label=texts.CHART_REAPPRAISAL_MOOD),
               Line2D([], [], color=palette.SOFT_INK, marker="o", mfc="white", ls="none",
                      label=texts.CHART_REAPPRAISAL_BEFORE),
               Line2D([], [], color=palette.SOFT_INK, marker="o", ls="none",
                      label=texts.CHART_REAPPRAISAL_AFTER)]
    legend_below(ax, handles=handles, offset=0.2 if len(pairs) > 8 else 0.12)
    return ax


def _measure_text(template: str, means: moving_on.PairMeans) -> str:
    return texts.say(template, before=one_decimal(means.before), after=one_decimal(means.after))


def summarize_reappraisal(data: PairsData) -> str:
    """Return one sentence on the average before and after, over every rated entry."""
    parts = [(_measure_text(texts.SUMMARY_PAIRS_FEELINGS, data.feelings), data.feelings.count)
             if data.feelings else None,
             (_measure_text(texts.SUMMARY_PAIRS_MOOD, data.mood), data.mood.count)
             if data.mood else None]
    shown = [p for p in parts if p is not None]
    if not shown:
        return texts.SUMMARY_PAIRS_EMPTY
    count = max(n for _, n in shown)
    return texts.say(texts.SUMMARY_PAIRS, count=count,
                     changes=texts.SUMMARY_WB_JOIN.join(text for text, _ in shown))
