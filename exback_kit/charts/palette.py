"""The charts' colours and matplotlib style, from the kit's one palette (exback_kit.colours)."""

from __future__ import annotations

from contextlib import AbstractContextManager
from typing import Any

import matplotlib as mpl
from cycler import cycler
from matplotlib.colors import BoundaryNorm, Colormap, LinearSegmentedColormap, ListedColormap

from exback_kit.colours import (
    BAND_TINTS,
    BLACK,
    BLUE,
    FEELINGS,
    GREEN,
    GRID,
    HEAT,
    HIGHER,
    INK,
    LAPSE,
    LOWER,
    MIND,
    MISSING,
    MOOD_BOUNDS,
    MOOD_COLORS,
    MOOD_LINE,
    MOOD_POINT,
    OKABE_ITO,
    ORANGE,
    OUTSIDE,
    PLANNED,
    PROGRESS,
    PROGRESS_TRACK,
    PURPLE,
    RESISTED,
    ROSENBERG,
    SKY,
    SOFT_INK,
    STAGE,
    TARGET,
    URGES,
    VERMILLION,
    WHO5,
    YELLOW,
)

#: The charts' background, which a label's halo takes to stay readable over the data.
PAPER = "white"

#: Matplotlib settings every chart is drawn with.
RC: dict[str, Any] = {
    "font.family": "DejaVu Sans",
    "font.size": 9,
    # Glyphs drawn as designed, not fitted to this PNG's pixel grid: the fitting only holds
    # 1:1 on screen, and a chart is shown at 750 CSS pixels capped at the page's width, so
    # high-density screens and narrow windows scale it anyway; DejaVu Sans's own hinting
    # program made drawing text about 1.6x slower (benchmarks/README.md, session 7).
    "text.hinting": "no_hinting",
    "axes.titlesize": 11,
    "axes.titleweight": "bold",
    "axes.titlelocation": "left",
    # A fixed place for the title, just above the frame. Left to matplotlib (None), every
    # draw measures the axes' tick labels to lift the title clear of ticks on top; no
    # kit chart puts ticks or labels there (tested), so it always came out 1.0.
    "axes.titley": 1.0,
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
    "figure.facecolor": PAPER,
    "savefig.facecolor": PAPER,
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


__all__ = ["BAND_TINTS", "BLACK", "BLUE", "FEELINGS", "GREEN", "GRID", "HEAT", "HIGHER",
           "INK", "LAPSE", "LOWER", "MIND", "MISSING", "MOOD_BOUNDS", "MOOD_COLORS",
           "MOOD_LINE", "MOOD_POINT", "OKABE_ITO", "ORANGE", "OUTSIDE", "PAPER", "PLANNED",
           "PROGRESS", "PROGRESS_TRACK", "PURPLE", "RC", "RESISTED", "ROSENBERG", "SKY",
           "SOFT_INK", "STAGE", "TARGET", "URGES", "VERMILLION", "WHO5", "YELLOW",
           "heat_map", "mood_scale", "style"]
