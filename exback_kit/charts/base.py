"""What every chart shares: a fresh Figure (never pyplot), the style, the empty state."""

from __future__ import annotations

import functools
import re
import textwrap
from collections.abc import Callable, Mapping
from datetime import date
from typing import Any, TypeVar

import matplotlib.dates as mdates
from matplotlib.axes import Axes
from matplotlib.figure import Figure

from exback_kit.charts import palette
from exback_kit.content import language, texts
from exback_kit.domain import trends

FIGSIZE = (7.5, 3.4)
DPI = 100
MARGINS = {"left": 0.08, "right": 0.97, "bottom": 0.24, "top": 0.88}
WRAP = 70

Draw = TypeVar("Draw", bound=Callable[..., Axes])


def styled(draw: Draw) -> Draw:
    """Run a chart's draw function with the kit's matplotlib settings."""
    @functools.wraps(draw)
    def run(*args: Any, **kwargs: Any) -> Axes:
        with palette.style():
            return draw(*args, **kwargs)
    return run  # type: ignore[return-value]


def axes_for(ax: Axes | None, *, figsize: tuple[float, float] = FIGSIZE,
             margins: dict[str, float] | None = None) -> Axes:
    """Return ``ax``, or the single Axes of a new Figure (not tracked by pyplot)."""
    if ax is not None:
        return ax
    fig = Figure(figsize=figsize, dpi=DPI)
    fig.subplots_adjust(**(margins or MARGINS))
    return fig.add_subplot()


def split(ax: Axes, rows: int, *, ratios: tuple[float, ...] | None = None,
          hspace: float = 0.7) -> list[Axes]:
    """Divide the area of ``ax`` into ``rows`` stacked Axes (``[ax]`` if it cannot be)."""
    spec = ax.get_subplotspec()
    if spec is None:
        return [ax]
    fig = ax.get_figure()
    assert isinstance(fig, Figure)
    ax.remove()
    grid = spec.subgridspec(rows, 1, height_ratios=ratios, hspace=hspace)
    return [fig.add_subplot(grid[i]) for i in range(rows)]


def titled(ax: Axes, title: str) -> Axes:
    """Give ``ax`` its title and the kit's quiet frame (no top or right spine)."""
    ax.set_title(title)
    ax.spines["top"].set_visible(False)
    ax.spines["right"].set_visible(False)
    return ax


def empty_state(ax: Axes, title: str, message: str) -> Axes:
    """Draw a friendly note in place of a chart that has nothing to show yet."""
    titled(ax, title)
    ax.set_xticks([])
    ax.set_yticks([])
    for spine in ax.spines.values():
        spine.set_visible(False)
    ax.text(0.5, 0.5, textwrap.fill(message, WRAP), ha="center", va="center",
            transform=ax.transAxes, color=palette.SOFT_INK, fontsize=10)
    return ax


def legend_below(ax: Axes, *, ncol: int = 4, handles: list[Any] | None = None,
                 offset: float = 0.12) -> None:
    """Put the legend in one row under the x axis, clear of the title and the data."""
    kwargs: dict[str, Any] = {"handles": handles} if handles is not None else {}
    ax.legend(loc="upper center", bbox_to_anchor=(0.5, -offset), ncol=ncol,
              borderaxespad=0, handlelength=1.6, columnspacing=1.6, **kwargs)


#: Stands for a month's name in a strftime format (``%b`` would give the C locale's
#: English); :class:`LocalDates` puts the language's name in its place.
MONTH = "\ue000%m\ue000"
_MONTH_MARK = re.compile("\ue000([0-9]{2})\ue000")


class LocalDates(mdates.ConciseDateFormatter):
    """Matplotlib's concise date labels with the month names of the language in force
    (:func:`exback_kit.content.language.months`)."""

    def __init__(self, locator: mdates.DateLocator) -> None:
        # as matplotlib's own formats, each %b a MONTH; the corner note names the year, not
        # matplotlib's "2026-Dec", which read as if every date were in December (under
        # day-only ticks it names the month too: format_ticks)
        self._corner: str | None = None
        super().__init__(locator, formats=["%Y", MONTH, "%d", "%H:%M", "%H:%M", "%S.%f"],
                         zero_formats=["", "%Y", MONTH, f"{MONTH}-%d", "%H:%M", "%H:%M"],
                         offset_formats=["", "%Y", "%Y", "%Y", "%Y", "%Y"])

    def format_ticks(self, values: Any) -> list[str]:
        """Return the labels of the ticks at ``values``, months named in the language.

        When the ticks name days only (a few weeks inside one or two months, no 1st among
        them), the corner names the month or months with the year ("Dec 2026",
        "Nov–Dec 2026"): the year alone left a reader guessing which month "04" is in.
        """
        names = language.months()
        labels = super().format_ticks(values)
        self._corner = None
        if len(labels) and all(label.isdigit() and len(label) <= 2 for label in labels):
            self._corner = _months_of(mdates.num2date(values[0]), mdates.num2date(values[-1]),
                                      names)
        return [_MONTH_MARK.sub(lambda m: names[int(m[1]) - 1], label) for label in labels]

    def get_offset(self) -> str:
        """Return the corner note: the month(s) and year under day-only ticks, else the year."""
        return self._corner or super().get_offset()


def _months_of(first: date, last: date, names: tuple[str, ...]) -> str:
    """Return the months from ``first`` to ``last`` with their year: "Dec 2026",
    "Nov–Dec 2026", "Dec 2025 – Jan 2026"."""
    start, end = names[first.month - 1], names[last.month - 1]
    if (first.year, first.month) == (last.year, last.month):
        return f"{start} {first.year}"
    if first.year == last.year:
        return f"{start}–{end} {last.year}"
    return f"{start} {first.year} – {end} {last.year}"


def date_axis(ax: Axes) -> None:
    """Label the x axis with dates, as few and as short as reads well."""
    locator = mdates.AutoDateLocator(minticks=3, maxticks=7)
    ax.xaxis.set_major_locator(locator)
    ax.xaxis.set_major_formatter(LocalDates(locator))


def one_decimal(value: float) -> str:
    """Return a number for a sentence: 6.0 -> "6", 6.25 -> "6.3" (Spanish "6,3")."""
    text = f"{value:.1f}"
    text = text[:-2] if text.endswith(".0") else text
    return text if language.is_english() else language.number(float(text))


def week_sentence(mean: float, week: trends.WeekMeans, alone: str, compare: str,
                  changes: Mapping[str, str]) -> str:
    """Return this week's ``mean`` in words: ``alone`` when the week before has no value,
    else ``compare`` with how it changed (:func:`exback_kit.domain.trends.change`, in the
    words of ``changes``)."""
    if week.previous is None:
        return texts.say(alone, mean=one_decimal(mean), days=week.days)
    return texts.say(compare, mean=one_decimal(mean), days=week.days,
                     change=changes[trends.change(mean, week.previous)],
                     previous=one_decimal(week.previous))
