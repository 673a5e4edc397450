"""Mood charts: mood over time and the mood meter (pleasantness × energy)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

import matplotlib.dates as mdates
import numpy as np
import pandas as pd
from matplotlib.axes import Axes
from matplotlib.backend_bases import RendererBase
from matplotlib.font_manager import FontProperties
from matplotlib.patheffects import withStroke
from matplotlib.text import Text
from matplotlib.textpath import text_to_path

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
    week_sentence,
)
from exback_kit.content import language, texts
from exback_kit.domain import mood, nocontact, roads, timeline, trends
from exback_kit.domain.profile import breakup_day

METER_DAYS = 90
MIDDLE = 5.5  # splits 1–10 into low (1–5) and high (6–10)
JITTER = 0.18
#: How long before the first check-in a breakup date is still drawn as day 0 on the mood chart.
BREAKUP_REACH_DAYS = 120
#: The mood axis' limits, and where a stage's name starts (it runs down along its line).
MOOD_LIMITS = (-0.3, 11.4)
STAGE_LABEL_TOP = 11.2
STAGE_LABEL_SIZE = 7


def day_text(day: pd.Timestamp | date) -> str:
    """Return a day for a sentence, e.g. "4 March" ("4 de marzo")."""
    return language.day_month(day)


# --- mood over time -------------------------------------------------------------

@dataclass(frozen=True)
class MoodData:
    """What the mood chart shows: daily means, contact days and stage starts."""

    daily: pd.DataFrame
    lapses: pd.DatetimeIndex
    stages: pd.Series
    today: pd.Timestamp
    #: The breakup date from the profile (day 0), when it falls inside the chart.
    breakup: pd.Timestamp | None = None


def prepare_mood(tables: timeline.Tables, today: date | None = None) -> MoodData:
    """Return the mood chart's data from the journal's tables."""
    daily = mood.daily_mood(tables["checkins"], today)
    start = daily.index[0] if len(daily) else timeline.as_day(today)
    lapses = nocontact.lapse_days(tables["contacts"], today)
    # the stages that count on this road, by their first answer to a question asked there
    rows = roads.journey_rows(tables, today, kit=content.load())
    stages = rows["first_day"].dropna().sort_values()
    breakup = breakup_day(tables["answers"])
    if breakup is not None and not (start - pd.Timedelta(days=BREAKUP_REACH_DAYS)
                                    <= breakup <= timeline.as_day(today)):
        breakup = None
    return MoodData(daily, lapses[lapses >= start], stages[stages >= start],
                    timeline.as_day(today), breakup)


@styled
def draw_mood(data: MoodData, ax: Axes | None = None) -> Axes:
    """Draw daily mood, its 7-day average, contact days and stage starts."""
    ax = axes_for(ax)
    title = texts.CHART_TITLES["mood"]
    daily = data.daily
    if daily["mood"].notna().sum() == 0:
        return empty_state(ax, title, texts.CHART_EMPTY_MOOD)
    titled(ax, title)
    x = daily.index.to_numpy()
    ax.plot(x, daily["mood"].to_numpy(), "o", ms=3, color=palette.MOOD_POINT, alpha=0.7,
            label=texts.CHART_MOOD_DAILY)
    rolling = mood.averaged(daily["rolling"], daily["mood"], trends.WEEK_DAYS)
    if rolling.notna().any():
        ax.plot(x, rolling.to_numpy(), color=palette.MOOD_LINE, lw=2,
                label=texts.CHART_MOOD_ROLLING)
    if len(data.lapses):
        ax.plot(data.lapses.to_numpy(), np.full(len(data.lapses), 0.2), "|", ms=9, mew=1.5,
                color=palette.LAPSE, label=texts.CHART_CONTACT_DAY)
    _stage_marks(ax, data.stages, x[0], x[-1])
    ax.set_ylim(*MOOD_LIMITS)
    ax.set_yticks([1, 4, 7, 10])
    ax.set_ylabel(texts.CHART_MOOD_AXIS)
    if len(daily) < trends.WEEK_DAYS:
        ax.set_xlim(x[0] - np.timedelta64(3, "D"), x[-1] + np.timedelta64(3, "D"))
    if data.breakup is not None:
        when = float(mdates.date2num(data.breakup))
        ax.axvline(when, color=palette.SOFT_INK, lw=1.2, ls="--", label=texts.CHART_BREAKUP_DAY)
        left, right = ax.get_xlim()
        ax.set_xlim(min(left, when - 2), right)
    date_axis(ax)
    legend_below(ax)
    return ax


def stage_titles() -> dict[str, str]:
    """Return stage id -> title from the kit's content."""
    return {stage.id: stage.title for stage in content.load().stages}


def stage_names(stages: pd.Series) -> list[str]:
    """Return the title of each stage in ``stages`` (index: stage ids), in their order."""
    titles = stage_titles()
    return [titles.get(str(stage), texts.MOVING_ON_TITLE) for stage in stages.index]


def _stage_marks(ax: Axes, stages: pd.Series, first: np.datetime64, last: np.datetime64) -> None:
    """Mark where each stage began, named in words along its line; stages begun within
    3 % of the span share one label ("Start here · Moving on"), which names as many as fit
    (:class:`StageLabel`)."""
    span = max((last - first) / np.timedelta64(1, "D"), 1.0)
    groups: list[tuple[float, list[str]]] = []
    for name, day in zip(stage_names(stages), stages, strict=True):
        when = float(mdates.date2num(day))
        ax.axvline(when, color=palette.STAGE, lw=0.8, ls=":")
        near = [names for other, names in groups if abs(when - other) <= 0.03 * span]
        if near:
            near[0].append(name)
        else:
            groups.append((when, [name]))
    for when, names in groups:
        ax.add_artist(StageLabel(ax, when, names))
    if len(stages):
        ax.plot([], [], ls=":", color=palette.STAGE, lw=0.8, label=texts.CHART_STAGE_START)


class StageLabel(Text):
    """The names of the stages begun at one place on the mood chart, along its line, fitted
    to the room between the label's top and the chart's floor each time it is drawn: a
    report page resizes the chart after it is made."""

    def __init__(self, ax: Axes, when: float, names: list[str]) -> None:
        super().__init__(when, STAGE_LABEL_TOP, "", color=palette.STAGE,
                         fontsize=STAGE_LABEL_SIZE, rotation=90, ha="right", va="top",
                         path_effects=[withStroke(linewidth=2.5, foreground=palette.PAPER)])
        self.names = list(names)
        self.set_transform(ax.transData)
        self._fit(ax, MOOD_LIMITS)  # before any drawing, with the limits the chart will set

    def _fit(self, ax: Axes, limits: tuple[float, float]) -> None:
        """Name as many stages as fit between the label's top and the floor of ``ax``, its
        y axis showing ``limits``, at the size ``ax`` has now."""
        fig = ax.get_figure(root=True)
        assert fig is not None
        low, high = limits
        room = ax.bbox.height * 72 / fig.dpi * (STAGE_LABEL_TOP - low) / (high - low)
        label = stage_label(self.names, room, self.get_fontproperties())
        if label != self.get_text():
            self.set_text(label)

    def draw(self, renderer: RendererBase) -> None:
        """Fit the label to its axes as they are drawn (their size on the page, their limits),
        then draw it."""
        if isinstance(self.axes, Axes):
            self._fit(self.axes, self.axes.get_ylim())
        super().draw(renderer)


def stage_label(names: list[str], room: float, font: FontProperties) -> str:
    """Return the names joined ("A · B · C") if that fits in ``room`` points in ``font``, else
    the most names that fit and how many more ("A · B · 1 more"); at least the first name."""

    def together(shown: list[str]) -> str:
        label = shown[0]
        for name in shown[1:]:
            label = texts.CHART_STAGES_TOGETHER.format(first=label, then=name)
        return label

    label = together(names)
    for count in range(len(names) - 1, 0, -1):
        width = text_to_path.get_text_width_height_descent(label, font, ismath=False)[0]
        if width <= room:
            break
        label = texts.say(texts.CHART_STAGES_MORE, first=together(names[:count]),
                          count=len(names) - count)
    return label


def summarize_mood(data: MoodData) -> str:
    """Return one sentence on the last week's mood (compared with the week before), where
    the breakup day sits when the chart marks it, and which stages' starts it marks (a
    crowded label on the chart may count some of them rather than name them)."""
    text = _summarize_week(data)
    if not data.daily["mood"].notna().sum():
        return text
    if data.breakup is not None:
        days = int((data.today - data.breakup) / pd.Timedelta(days=1))
        text = text.removesuffix(".") + texts.say(texts.SUMMARY_MOOD_BREAKUP, days=days)
    if len(data.stages):
        text = text.removesuffix(".") + texts.say(
            texts.SUMMARY_MOOD_STAGES, stages=language.listing(stage_names(data.stages)))
    return text


def _summarize_week(data: MoodData) -> str:
    mood = data.daily["mood"]
    if mood.notna().sum() == 0:
        return texts.SUMMARY_MOOD_EMPTY
    week = trends.week_means(mood)
    if week.mean is None:
        last = mood.last_valid_index()
        return texts.say(texts.SUMMARY_MOOD_QUIET, day=day_text(last),
                                               mood=one_decimal(mood[last]))
    return week_sentence(week.mean, week, texts.SUMMARY_MOOD_WEEK, texts.SUMMARY_MOOD_COMPARE,
                         texts.CHART_MOOD_CHANGE)


# --- mood meter -----------------------------------------------------------------

@dataclass(frozen=True)
class MeterData:
    """Check-ins of the last ``days`` days that have both mood and energy."""

    points: pd.DataFrame
    days: int
    today: pd.Timestamp


def prepare_meter(tables: timeline.Tables, today: date | None = None) -> MeterData:
    """Return the mood meter's data: the last 90 days of check-ins with energy."""
    points = mood.mood_points(tables["checkins"], today, days=METER_DAYS)
    return MeterData(points, METER_DAYS, timeline.as_day(today))


def quadrants(points: pd.DataFrame) -> pd.Series:
    """Return each point's quadrant key (see ``texts.CHART_QUADRANTS``)."""
    pleasant = points["mood"].to_numpy() > MIDDLE
    lively = points["energy"].to_numpy() > MIDDLE
    keys = np.where(pleasant, np.where(lively, "lively_pleasant", "calm_pleasant"),
                    np.where(lively, "tense", "low"))
    return pd.Series(keys, index=points.index, dtype="str")


_CORNERS = {"tense": (0.02, 0.97, "left", "top"),
            "lively_pleasant": (0.98, 0.97, "right", "top"),
            "low": (0.02, 0.03, "left", "bottom"),
            "calm_pleasant": (0.98, 0.03, "right", "bottom")}


@styled
def draw_meter(data: MeterData, ax: Axes | None = None) -> Axes:
    """Draw the check-ins as dots on pleasantness × energy, the four corners named."""
    ax = axes_for(ax, figsize=(5.6, 4.6),
                  margins={"left": 0.11, "right": 0.96, "bottom": 0.19, "top": 0.9})
    title = texts.CHART_TITLES["mood_meter"]
    if data.points.empty:
        return empty_state(ax, title, texts.CHART_EMPTY_METER)
    titled(ax, title)
    pts = data.points
    shake = np.random.default_rng(0).uniform(-JITTER, JITTER, size=(2, len(pts)))
    recent = (pts["day"] > data.today - pd.Timedelta(days=trends.WEEK_DAYS)).to_numpy()
    x, y = pts["mood"].to_numpy() + shake[0], pts["energy"].to_numpy() + shake[1]
    ax.scatter(x[~recent], y[~recent], s=18, color=palette.SKY, alpha=0.55,
               label=texts.CHART_METER_EARLIER)
    ax.scatter(x[recent], y[recent], s=26, color=palette.BLUE, label=texts.CHART_METER_RECENT)
    ax.axvline(MIDDLE, color=palette.GRID, lw=1, zorder=0)
    ax.axhline(MIDDLE, color=palette.GRID, lw=1, zorder=0)
    for key, (cx, cy, ha, va) in _CORNERS.items():
        ax.text(cx, cy, texts.CHART_QUADRANTS[key], transform=ax.transAxes, ha=ha, va=va,
                color=palette.SOFT_INK, fontsize=8, zorder=3,
                bbox={"facecolor": "white", "alpha": 0.8, "lw": 0, "pad": 1})
    ax.set_xlim(0.3, 10.7)
    ax.set_ylim(0.3, 10.7)
    ax.set_xticks([1, 4, 7, 10])
    ax.set_yticks([1, 4, 7, 10])
    ax.set_xlabel(texts.CHART_METER_X)
    ax.set_ylabel(texts.CHART_METER_Y)
    legend_below(ax, ncol=2, offset=0.13)
    return ax


def summarize_meter(data: MeterData) -> str:
    """Return one sentence naming the corner most check-ins fell in."""
    if data.points.empty:
        return texts.say(texts.SUMMARY_METER_EMPTY, days=data.days)
    order = list(_CORNERS)
    counts = quadrants(data.points).value_counts().reindex(order, fill_value=0).to_numpy()
    top = mood.commonest(counts)
    total = len(data.points)
    if total < mood.COMMONEST_MIN:
        return texts.say(texts.SUMMARY_METER_THIN, days=data.days, total=total,
                         needed=mood.COMMONEST_MIN)
    if top is None:
        return texts.say(texts.SUMMARY_METER_TIED, days=data.days, total=total)
    return texts.say(texts.SUMMARY_METER, days=data.days, count=int(counts[top]),
                                      total=total,
                                      quadrant=texts.CHART_QUADRANTS[order[top]])
