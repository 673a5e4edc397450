"""The kit's one colour palette: Okabe–Ito, safe for the common colour-vision differences.

Every chart takes its colours from here. Okabe & Ito (2008) chose these eight
hues to stay distinct with protanopia, deuteranopia and tritanopia; the mood
scale runs through five of them, from vermillion (low) to blue (high), so it
reads by lightness as well as hue.
"""

from __future__ import annotations

from contextlib import AbstractContextManager
from typing import Any

import matplotlib as mpl
from cycler import cycler
from matplotlib.colors import BoundaryNorm, Colormap, LinearSegmentedColormap, ListedColormap

BLACK = "#000000"
ORANGE = "#E69F00"
SKY = "#56B4E9"
GREEN = "#009E73"
YELLOW = "#F0E442"
BLUE = "#0072B2"
VERMILLION = "#D55E00"
PURPLE = "#CC79A7"
#: Okabe–Ito in their usual order (the colour cycle of every chart).
OKABE_ITO = (ORANGE, SKY, GREEN, YELLOW, BLUE, VERMILLION, PURPLE, BLACK)

INK = "#333333"         # text, axes
SOFT_INK = "#777777"    # secondary text
GRID = "#E3E3E3"
MISSING = "#E9E9E9"     # a day without a check-in
OUTSIDE = "#FFFFFF"     # a day outside the chart's range (e.g. after today)

#: Mood 1–10 in five steps: 1–2, 3–4, 5–6, 7–8, 9–10.
MOOD_COLORS = (VERMILLION, ORANGE, YELLOW, SKY, BLUE)
MOOD_BOUNDS = (0.5, 2.5, 4.5, 6.5, 8.5, 10.5)
MOOD_POINT = SKY
MOOD_LINE = BLUE
LAPSE = BLACK           # days with contact that counted against No-Contact
STAGE = PURPLE
TARGET = GREEN
URGES = ORANGE
RESISTED = BLUE
HIGHER = BLUE           # habit days with a higher mood
LOWER = VERMILLION      # habit days with a lower mood
WHO5 = BLUE
ROSENBERG = PURPLE
#: Background tints of the WHO-5 bands (keys as exback_kit.instruments.who5_band returns).
BAND_TINTS = {"low": "#F7DCCB", "middle": "#FBEFD2", "good": "#DCEEF8"}
#: Light to dark for counts (urges by hour and weekday).
HEAT = ("#FFFFFF", SKY, BLUE)
PLANNED = VERMILLION     # outline of an urge-heatmap window that has a plan
PROGRESS = GREEN
PROGRESS_TRACK = "#EEEEEE"

#: Matplotlib settings every chart is drawn with.
RC: dict[str, Any] = {
    "font.family": "DejaVu Sans",
    "font.size": 9,
    "axes.titlesize": 11,
    "axes.titleweight": "bold",
    "axes.titlelocation": "left",
    "axes.labelsize": 9,
    "axes.edgecolor": INK,
    "axes.labelcolor": INK,
    "axes.spines.top": False,
    "axes.spines.right": False,
    "axes.prop_cycle": cycler(color=OKABE_ITO),
    "xtick.color": INK,
    "ytick.color": INK,
    "xtick.labelsize": 8,
    "ytick.labelsize": 8,
    "legend.fontsize": 8,
    "legend.frameon": False,
    "text.color": INK,
    "figure.facecolor": "white",
    "savefig.facecolor": "white",
}


def style() -> AbstractContextManager[None]:
    """Return a context in which matplotlib uses :data:`RC`."""
    return mpl.rc_context(RC)  # type: ignore[arg-type]


def mood_scale() -> tuple[Colormap, BoundaryNorm]:
    """Return the mood colour map (missing days grey, out-of-range white) and its norm."""
    cmap = ListedColormap(list(MOOD_COLORS), name="exback_mood").with_extremes(
        bad=MISSING, under=OUTSIDE, over=MOOD_COLORS[-1])
    return cmap, BoundaryNorm(list(MOOD_BOUNDS), cmap.N)


def heat_map() -> LinearSegmentedColormap:
    """Return the light-to-dark colour map for counts."""
    return LinearSegmentedColormap.from_list("exback_heat", list(HEAT))
