"""Year in pixels: one square per day, coloured by the day's mood, contact days marked.

:func:`year_grid` builds the grid (pure numpy/pandas); :func:`draw_year` draws it
with ``imshow``, a ``ListedColormap`` and a ``BoundaryNorm``.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

import numpy as np
import pandas as pd
from matplotlib.artist import Artist
from matplotlib.axes import Axes
from matplotlib.patches import Patch

from exback_kit.charts import palette
from exback_kit.charts.base import axes_for, empty_state, styled, titled
from exback_kit.content import language, texts
from exback_kit.domain import mood, nocontact, timeline

WEEKS = 53
DAYS = 7
#: Below the mood scale: drawn in the "outside" colour (days after today).
OUTSIDE = -1.0


@dataclass(frozen=True)
class YearGrid:
    """A weekday × week grid of daily mood ending with today's week.

    ``mood[r, c]`` is weekday ``r`` (0 = Monday) of week ``c``: NaN without a
    check-in, :data:`OUTSIDE` after today. ``lapse`` marks contact days.
    ``months`` lists (column, month number) where a month's first Monday falls.
    """

    mood: np.ndarray
    lapse: np.ndarray
    first_day: pd.Timestamp
    months: tuple[tuple[int, int], ...]
    today: pd.Timestamp


def year_grid(daily: pd.Series, lapses: pd.DatetimeIndex, today: date | None = None, *,
              weeks: int = WEEKS) -> YearGrid:
    """Return the grid of the ``weeks`` weeks (Monday to Sunday) ending with today's.

    Args:
        daily: mood per day (index: days), e.g. ``daily_mood(...)["mood"]``.
        lapses: contact days to mark.
    """
    end = timeline.as_day(today)
    first = end - pd.Timedelta(days=end.day_of_week + DAYS * (weeks - 1))
    days = pd.date_range(first, periods=weeks * DAYS, freq="D")
    values = daily.reindex(days).to_numpy(dtype="float64", na_value=np.nan, copy=True)
    values[days > end] = OUTSIDE
    marked = days.isin(lapses) & (days <= end)
    mondays = days[::DAYS]
    months = tuple((col, int(day.month)) for col, day in enumerate(mondays)
                   if day.day <= DAYS and col > 0)
    return YearGrid(values.reshape(weeks, DAYS).T, marked.reshape(weeks, DAYS).T,
                    first, months, end)


@dataclass(frozen=True)
class YearData:
    """What the year-in-pixels chart shows."""

    grid: YearGrid
    checkin_days: int
    lapse_days: int


def prepare_year(tables: timeline.Tables, today: date | None = None) -> YearData:
    """Return the year-in-pixels data for the 53 weeks up to ``today``."""
    daily = mood.daily_mood(tables["checkins"], today)["mood"]
    grid = year_grid(daily, nocontact.lapse_days(tables["contacts"], today), today)
    moods = grid.mood[grid.mood != OUTSIDE]
    return YearData(grid, int(np.isfinite(moods).sum()), int(grid.lapse.sum()))


def _legend(ax: Axes) -> None:
    labels = texts.CHART_MOOD_BANDS
    handles: list[Artist] = [Patch(facecolor=c, label=label)
               for c, label in zip(palette.MOOD_COLORS, labels, strict=True)]
    handles.append(Patch(facecolor=palette.MISSING, label=texts.CHART_NO_CHECKIN))
    handles.append(ax.plot([], [], "x", color=palette.LAPSE, ms=5,
                           label=texts.CHART_CONTACT_DAY)[0])
    ax.legend(handles=handles, loc="upper center", bbox_to_anchor=(0.5, -0.2),
              ncol=len(handles), handlelength=1.0, columnspacing=1.0, borderaxespad=0)


@styled
def draw_year(data: YearData, ax: Axes | None = None) -> Axes:
    """Draw the last 53 weeks as coloured squares, contact days marked with an x."""
    ax = axes_for(ax, figsize=(7.5, 2.3),
                  margins={"left": 0.06, "right": 0.99, "bottom": 0.2, "top": 0.86})
    title = texts.CHART_TITLES["year_pixels"]
    if data.checkin_days == 0 and data.lapse_days == 0:
        return empty_state(ax, title, texts.CHART_EMPTY_YEAR)
    titled(ax, title)
    grid = data.grid
    cmap, norm = palette.mood_scale()
    ax.imshow(np.ma.masked_invalid(grid.mood), cmap=cmap, norm=norm, aspect="equal",
              interpolation="nearest")
    rows, cols = np.nonzero(grid.lapse)
    ax.plot(cols, rows, "x", color=palette.LAPSE, ms=3.5, mew=0.9)
    weeks = grid.mood.shape[1]
    # the white lines between squares: two collections, not 60 minor ticks (each a Tick
    # with its own lines and labels, ~2/3 of this chart's drawing time)
    ax.vlines(np.arange(-0.5, weeks), -0.5, DAYS - 0.5, colors="white", lw=0.8, zorder=1.5)
    ax.hlines(np.arange(-0.5, DAYS), -0.5, weeks - 0.5, colors="white", lw=0.8, zorder=1.5)
    names, days = language.months(), language.weekdays()
    ax.set_xticks([c for c, _ in grid.months], [names[m - 1] for _, m in grid.months])
    ax.set_yticks([0, 2, 4, 6], [days[d] for d in (0, 2, 4, 6)])
    ax.tick_params(which="major", length=0)
    for spine in ax.spines.values():
        spine.set_visible(False)
    _legend(ax)
    return ax


def summarize_year(data: YearData) -> str:
    """Return one sentence: days with a check-in, the commonest mood band, contact days."""
    if data.checkin_days == 0 and data.lapse_days == 0:
        return texts.SUMMARY_YEAR_EMPTY
    moods = data.grid.mood[np.isfinite(data.grid.mood) & (data.grid.mood != OUTSIDE)]
    if not len(moods):
        return texts.say(texts.SUMMARY_YEAR_NO_MOOD, lapses=data.lapse_days)
    bands = np.digitize(moods, palette.MOOD_BOUNDS[1:-1])
    common = mood.commonest(np.bincount(bands, minlength=len(palette.MOOD_COLORS)))
    if common is None:
        text = texts.say(texts.SUMMARY_YEAR_FEW, days=data.checkin_days)
    else:
        text = texts.say(texts.SUMMARY_YEAR_NO_CONTACT, days=data.checkin_days,
                         band=texts.MOOD_BAND_RANGES[common])
    if data.lapse_days:
        text = text.removesuffix(".") + texts.say(texts.SUMMARY_YEAR_LAPSES,
                                                  lapses=data.lapse_days)
    return text
