"""No-Contact and urge charts: days without contact, and when urges come and pass."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

import matplotlib.dates as mdates
import numpy as np
import pandas as pd
from matplotlib.axes import Axes
from matplotlib.collections import PolyCollection
from matplotlib.figure import Figure
from matplotlib.patches import Rectangle
from matplotlib.ticker import MaxNLocator

from exback_kit import content
from exback_kit.charts import palette
from exback_kit.charts.base import (
    DPI,
    axes_for,
    date_axis,
    empty_state,
    legend_below,
    split,
    styled,
    titled,
)
from exback_kit.charts.mood import day_text
from exback_kit.content import language, texts
from exback_kit.domain import gate, nocontact, plans, timeline, trends, urges
from exback_kit.domain.windows import Window, describe

RECENT_DAYS = 28
#: Days each weekly bar is wide (two bars side by side fill most of a week).
BAR_DAYS = 2.8


# --- No-Contact -----------------------------------------------------------------

@dataclass(frozen=True)
class NoContactData:
    """The current No-Contact period day by day, and its summary."""

    days: pd.DataFrame
    summary: nocontact.NoContactSummary


def prepare_no_contact(tables: timeline.Tables, today: date | None = None) -> NoContactData:
    """Return the No-Contact chart's data (without a set period: from the first data on)."""
    fallback = timeline.first_day(tables, today)
    road = gate.journey_of(tables, kit=content.load())
    contacts, periods = tables["contacts"], nocontact.periods_for_road(tables, road)
    start, target = nocontact.current_period(periods, today, fallback=fallback)
    days = nocontact.no_contact_days(contacts, periods, today, fallback=fallback)
    return NoContactData(days, nocontact.summarize_period(days, start, target))


def _annotate(ax: Axes, x: np.datetime64, y: int, label: str, color: str) -> None:
    ax.annotate(label, (x, y), xytext=(0, 7), textcoords="offset points", ha="center",
                va="bottom", fontsize=8, color=color, fontweight="bold")


@styled
def draw_no_contact(data: NoContactData, ax: Axes | None = None) -> Axes:
    """Draw the run of days without contact, the target line, contact days and streaks."""
    ax = axes_for(ax)
    title = texts.CHART_TITLES["no_contact"]
    if data.days.empty:
        return empty_state(ax, title, texts.CHART_EMPTY_NO_CONTACT)
    titled(ax, title)
    s, x = data.summary, data.days.index.to_numpy()
    streak = data.days["streak"].to_numpy()
    ax.fill_between(x, streak, color=palette.SKY, alpha=0.3, lw=0)
    ax.plot(x, streak, color=palette.BLUE, lw=1.8, label=texts.CHART_NC_STREAK)
    lapse = data.days["lapse"].to_numpy()
    if lapse.any():
        ax.plot(x[lapse], np.zeros(int(lapse.sum())), "|", ms=10, mew=1.5,
                color=palette.LAPSE, label=texts.CHART_CONTACT_DAY, clip_on=False)
    top = max(s.longest_streak, s.target_days or 0, 1)
    if s.target_days:
        ax.axhline(s.target_days, color=palette.TARGET, ls="--", lw=1.2,
                   label=texts.CHART_NC_TARGET.format(days=s.target_days))
    _annotate(ax, x[-1], s.current_streak, texts.CHART_NC_NOW.format(days=s.current_streak),
              palette.BLUE)
    if s.longest_streak > s.current_streak:
        peak = int(np.argmax(streak))
        _annotate(ax, x[peak], s.longest_streak,
                  texts.CHART_NC_LONGEST.format(days=s.longest_streak), palette.INK)
    ax.set_ylim(0, top * 1.25 + 1)
    ax.yaxis.set_major_locator(MaxNLocator(integer=True))
    ax.set_ylabel(texts.CHART_NC_AXIS)
    if len(x) < trends.WEEK_DAYS:
        ax.set_xlim(x[0] - np.timedelta64(3, "D"), x[-1] + np.timedelta64(3, "D"))
    date_axis(ax)
    legend_below(ax, ncol=3)
    return ax


def summarize_no_contact(data: NoContactData) -> str:
    """Return one sentence: the current run, the days in all, contact days, the target."""
    s = data.summary
    if data.days.empty or s.start_day is None:
        return texts.SUMMARY_NC_EMPTY
    lapses = texts.say(texts.SUMMARY_NC_LAPSES, lapses=s.lapses) if s.lapses else ""
    values = {"day": s.days_in_period, "target": s.target_days, "current": s.current_streak,
              "clean": s.days_without_contact, "days": s.days_in_period,
              "start": day_text(s.start_day), "lapses": lapses}
    if s.target_days is None:
        return texts.say(texts.SUMMARY_NC_NO_TARGET, **values)
    if s.target_reached:
        return texts.say(texts.SUMMARY_NC_REACHED, **values)
    return texts.say(texts.SUMMARY_NC, **values)


# --- urges ----------------------------------------------------------------------

@dataclass(frozen=True)
class UrgeData:
    """Urges by weekday and hour, by week, and the totals the summary needs."""

    clock: pd.DataFrame
    weekly: pd.DataFrame
    recent: tuple[int, int]
    total: tuple[int, int]
    #: Windows of the week that have an active if-then plan (outlined on the heatmap).
    planned: tuple[Window, ...] = ()


def prepare_urges(tables: timeline.Tables, today: date | None = None) -> UrgeData:
    """Return the urge chart's data (``tables`` without ``plans``: nothing outlined)."""
    logged = tables["urges"]
    saved = tables.get("plans")
    planned = tuple(plans.planned_windows(saved)) if saved is not None else ()
    return UrgeData(urges.urge_clock(logged, today), urges.urges_weekly(logged, today),
                    urges.urge_totals(logged, today, days=RECENT_DAYS),
                    urges.urge_totals(logged, today), planned)


def week_order() -> list[int]:
    """Return the weekdays (0 = Monday) in the order the locale's week runs, its first day
    first (Babel's, off English; English keeps Monday)."""
    first = language.first_weekday()
    return [(first + i) % urges.WEEKDAYS for i in range(urges.WEEKDAYS)]


def _outline(ax: Axes, planned: tuple[Window, ...], order: list[int]) -> None:
    """Outline each planned window: its weekday row across its two hour cells."""
    for window in planned:
        ax.add_patch(Rectangle((window.start_hour - 0.5, order.index(window.weekday) - 0.5),
                               window.end_hour - window.start_hour, 1, fill=False,
                               edgecolor=palette.PLANNED, lw=2.2, zorder=3, clip_on=False))
    if planned:
        key = Rectangle((0, 0), 1, 1, fill=False, edgecolor=palette.PLANNED, lw=2.2,
                        label=texts.CHART_URGES_PLANNED)
        ax.legend(handles=[key], loc="lower right", bbox_to_anchor=(1.0, 1.0), fontsize=8,
                  frameon=False, borderaxespad=0.1)


def _heatmap(ax: Axes, clock: pd.DataFrame, planned: tuple[Window, ...] = ()) -> None:
    """Draw urges by weekday and hour with a colour key; below the minimum, say how many
    more it needs instead of drawing cells that would read as a pattern."""
    order = week_order()
    total = int(clock.to_numpy().sum())
    if total >= urges.PATTERN_MIN:
        top = max(int(clock.to_numpy().max()), 1)
        image = ax.imshow(clock.to_numpy()[order], cmap=palette.heat_map(), aspect="auto", vmin=0,
                          vmax=top, interpolation="nearest")
        fig = ax.get_figure()
        assert fig is not None
        key = fig.colorbar(image, ax=ax, fraction=0.04, pad=0.015, aspect=12)
        key.set_label(texts.CHART_URGES_SCALE, fontsize=8)
        key.set_ticks(sorted({round(v) for v in np.linspace(0, top, min(top, 4) + 1)}))
        key.ax.tick_params(labelsize=8, length=0)
        key.outline.set_visible(False)
    else:
        ax.set_xlim(-0.5, urges.HOURS - 0.5)
        ax.set_ylim(urges.WEEKDAYS - 0.5, -0.5)
        ax.text(0.5, 0.5, texts.say(texts.CHART_URGES_THIN, total=total,
                                    needed=urges.PATTERN_MIN),
                ha="center", va="center", transform=ax.transAxes, color=palette.SOFT_INK,
                fontsize=10)
    _outline(ax, planned, order)
    ax.set_xticks(range(0, urges.HOURS, 3), [f"{h:02d}:00" for h in range(0, urges.HOURS, 3)])
    days = language.weekdays()
    ax.set_yticks(range(urges.WEEKDAYS), [days[d] for d in order])
    ax.tick_params(length=0)
    for spine in ax.spines.values():
        spine.set_visible(False)


def _bars(ax: Axes, weeks: np.ndarray, heights: np.ndarray, offset_days: float,
          colour: str, label: str) -> None:
    """Draw one bar per week, ``offset_days`` into it and 2.8 days wide, as one collection
    (ten years of weeks as single patches took a second to draw)."""
    left = mdates.date2num(weeks) + offset_days
    corners = [[(x, 0.0), (x, h), (x + BAR_DAYS, h), (x + BAR_DAYS, 0.0)]
               for x, h in zip(left.tolist(), heights.tolist(), strict=True)]
    ax.add_collection(PolyCollection(corners, facecolors=colour, edgecolors="none",
                                     label=label))


def _weekly(ax: Axes, weekly: pd.DataFrame) -> None:
    """Draw each week's urges and those let pass as two bars side by side (neither hides
    the other), a readable width even for a single week."""
    ax.set_title(texts.CHART_URGES_WEEKLY, fontsize=9, fontweight="normal")
    ax.xaxis_date()
    x = weekly.index.to_numpy()
    _bars(ax, x, weekly["urges"].to_numpy(), 0.1, palette.URGES, texts.CHART_URGES_LOGGED)
    _bars(ax, x, weekly["resisted"].to_numpy(), 0.2 + BAR_DAYS, palette.RESISTED,
          texts.CHART_URGES_RESISTED)
    ax.set_ylim(0, max(int(weekly["urges"].max()), 1) * 1.2)
    ax.yaxis.set_major_locator(MaxNLocator(integer=True))
    ax.set_xlim(x[0] - np.timedelta64(7, "D"), x[-1] + np.timedelta64(14, "D"))
    date_axis(ax)
    ax.legend(loc="upper right", ncol=2, borderaxespad=0.2)


#: The urge chart's two rows (heatmap, weekly bars): their heights and the gap between.
URGE_ROWS = (1.1, 1.0)
URGE_GAP = 0.45


@styled
def draw_urges(data: UrgeData, ax: Axes | None = None) -> Axes:
    """Draw urges by hour × weekday (top) and each week's urges and those let pass (below).

    Returns the top Axes; a given ``ax`` is split in two when it belongs to a grid.
    """
    title = texts.CHART_TITLES["urges"]
    if ax is None:
        fig = Figure(figsize=(7.5, 5.0), dpi=DPI)
        fig.subplots_adjust(left=0.08, right=0.97, bottom=0.08, top=0.9)
        if data.total[0] == 0:
            return empty_state(fig.add_subplot(), title, texts.CHART_EMPTY_URGES)
        # the two Axes straight away: an Axes made only to be split costs as much as one drawn
        grid = fig.add_gridspec(2, 1, height_ratios=URGE_ROWS, hspace=URGE_GAP)
        parts = [fig.add_subplot(grid[0]), fig.add_subplot(grid[1])]
    elif data.total[0] == 0:
        return empty_state(ax, title, texts.CHART_EMPTY_URGES)
    else:
        parts = split(ax, 2, ratios=URGE_ROWS, hspace=URGE_GAP)
    titled(parts[0], title)
    _heatmap(parts[0], data.clock, data.planned)
    if len(parts) > 1:
        _weekly(parts[1], data.weekly)
    return parts[0]


def summarize_urges(data: UrgeData) -> str:
    """Return one sentence: recent urges, how many passed, and — with enough of them —
    when they come most, each claim with its counts."""
    if data.total[0] == 0:
        return texts.SUMMARY_URGES_EMPTY
    count, passed = data.recent
    total, total_passed = data.total
    if count == 0:
        sentence = texts.say(texts.SUMMARY_URGES_QUIET, days=RECENT_DAYS, total=total,
                             share=round(100 * total_passed / total))
    else:
        sentence = texts.say(texts.SUMMARY_URGES, days=RECENT_DAYS, count=count, passed=passed,
                             share=round(100 * passed / count))
    counted = int(data.clock.to_numpy().sum())
    peak = urges.peak_hour(data.clock)
    if counted < urges.PATTERN_MIN:
        sentence += texts.say(texts.SUMMARY_URGES_THIN, total=counted, needed=urges.PATTERN_MIN)
    elif peak is None:
        sentence += texts.say(texts.SUMMARY_URGES_NO_PEAK, total=counted)
    else:
        weekday, hour, most = peak
        sentence += texts.say(texts.SUMMARY_URGES_WHEN, peak=most, total=counted,
                              weekdays=texts.WEEKDAYS_RECURRING[weekday], hour=f"{hour:02d}:00")
    if data.planned:
        names = ", ".join(describe(w) for w in data.planned)
        # Still one sentence: it is the chart's text alternative.
        sentence = sentence.rstrip(".") + "; " + texts.SUMMARY_URGES_PLANS.format(windows=names)
    return sentence
