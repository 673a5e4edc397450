"""Who am I now: the weekly "I know who I am apart from them" line, and "we" and "I" words
by week (bars with their counts written on them)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

import numpy as np
import pandas as pd
from matplotlib.axes import Axes
from matplotlib.ticker import MaxNLocator

from exback_kit.charts import palette
from exback_kit.charts.base import axes_for, date_axis, empty_state, legend_below, styled, titled
from exback_kit.content import language, texts
from exback_kit.domain import self_concept, timeline, trends

#: The we/I chart shows at most this many of the latest weeks.
MAX_WEEKS = 12
BAR = 0.38


# --- clarity ---------------------------------------------------------------------------------

def prepare_clarity(tables: timeline.Tables, today: date | None = None) -> pd.Series:
    """Return each week's latest clarity rating (see :func:`self_concept.clarity_weeks`)."""
    return self_concept.clarity_weeks(tables["clarity_ratings"], today)


@styled
def draw_clarity(weeks: pd.Series, ax: Axes | None = None) -> Axes:
    """Draw the weekly clarity rating, 0–10, one point a week joined by a line."""
    ax = axes_for(ax)
    title = texts.CHART_TITLES["clarity"]
    if weeks.empty:
        return empty_state(ax, title, texts.CHART_EMPTY_CLARITY)
    titled(ax, title)
    x = weeks.index.to_numpy()
    ax.plot(x, weeks.to_numpy(), "-o", color=palette.PROGRESS, lw=2, ms=5)
    for day, value in zip(x, weeks.to_numpy(), strict=True):
        ax.annotate(str(int(value)), (day, value), textcoords="offset points", xytext=(0, 6),
                    ha="center", fontsize=8, color=palette.INK)
    ax.set_ylim(-0.4, 11)
    ax.set_yticks([0, 5, 10])
    ax.set_ylabel(texts.CHART_CLARITY_AXIS)
    if len(weeks) < 4:
        ax.set_xlim(x[0] - np.timedelta64(10, "D"), x[-1] + np.timedelta64(10, "D"))
    date_axis(ax)
    return ax


def summarize_clarity(weeks: pd.Series) -> str:
    """Return one sentence: how many answers over how many weeks, first and latest."""
    if weeks.empty:
        return texts.SUMMARY_CLARITY_EMPTY
    span = int((weeks.index[-1] - weeks.index[0]).days // trends.WEEK_DAYS) + 1
    return texts.say(texts.SUMMARY_CLARITY, count=len(weeks), weeks=span,
                     first=int(weeks.iloc[0]), last=int(weeks.iloc[-1]))


# --- "we" and "I" ----------------------------------------------------------------------------

@dataclass(frozen=True)
class WeIData:
    """The latest weeks' counts (index: each week's Monday; columns ``we`` and ``i``)."""

    weeks: pd.DataFrame


def prepare_we_i(tables: timeline.Tables, today: date | None = None) -> WeIData:
    """Return the "we" and "I" counts of the last :data:`MAX_WEEKS` calendar weeks, this one
    included (0 for a week without any); empty when none of them has any."""
    counted = self_concept.weekly_we_i(tables, today, weeks=MAX_WEEKS)
    end = timeline.as_day(today)
    weeks = pd.date_range(end=trends.week_start(end), periods=MAX_WEEKS, freq=trends.WEEK_FREQ,
                          name="week")
    shown = counted.reindex(weeks, fill_value=0).astype("int64")
    return WeIData(shown if shown.to_numpy().any() else shown.iloc[0:0])


def _week(day: pd.Timestamp) -> str:
    return language.day_month(day, "abbreviated")


@styled
def draw_we_i(data: WeIData, ax: Axes | None = None) -> Axes:
    """Draw "we" and "I" words per week as paired bars, each with its count on top."""
    ax = axes_for(ax)
    title = texts.CHART_TITLES["we_i"]
    weeks = data.weeks
    if weeks.empty:
        return empty_state(ax, title, texts.CHART_EMPTY_WE_I.format(weeks=MAX_WEEKS))
    titled(ax, title)
    x = np.arange(len(weeks))
    for offset, column, colour, label in ((-BAR / 2, "we", palette.ORANGE, texts.CHART_WE),
                                          (BAR / 2, "i", palette.BLUE, texts.CHART_I)):
        counts = weeks[column].to_numpy()
        bars = ax.bar(x + offset, counts, BAR, color=colour, label=label)
        # a count on every bar with words; a week without any stays quiet
        ax.bar_label(bars, labels=[str(n) if n else "" for n in counts], fontsize=8,
                     color=palette.INK, padding=2)
    ax.set_xticks(x, [_week(d) for d in weeks.index])
    ax.set_ylabel(texts.CHART_WE_I_AXIS)
    ax.set_ylim(0, max(1, int(weeks.to_numpy().max())) * 1.2)
    ax.yaxis.set_major_locator(MaxNLocator(integer=True))
    ax.text(0, -0.32, texts.CHART_WE_I_NOTE, transform=ax.transAxes, fontsize=8,
            color=palette.SOFT_INK)
    legend_below(ax, ncol=2, offset=0.14)
    return ax


def summarize_we_i(data: WeIData) -> str:
    """Return every week's counts in one sentence, saying it is a pattern in words only."""
    if data.weeks.empty:
        return texts.SUMMARY_WE_I_EMPTY.format(weeks=MAX_WEEKS)
    counted = data.weeks[(data.weeks["we"] + data.weeks["i"] > 0).to_numpy()]
    weeks = "; ".join(texts.SUMMARY_WE_I_WEEK.format(week=_week(d), we=int(r.we), i=int(r.i))
                      for d, r in zip(counted.index, counted.itertuples(), strict=True))
    return texts.say(texts.SUMMARY_WE_I, count=len(data.weeks), weeks=weeks)


