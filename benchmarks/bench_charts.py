"""All eight charts over ten years of data vs bare matplotlib drawing the same things.

For each chart the baseline is a plain ``Figure`` of the same size with the same
number of Axes, lines, scatter points, bars, filled areas and image cells, drawn
from plain arrays with matplotlib's defaults (no titles, no labels, no dates),
saved to PNG at the same dpi. The kit's time covers everything a notebook pays:
``prepare`` (pandas), drawing, and the PNG. Rounds alternate between the two, the
side that goes first alternating too; medians are compared. Before each side's
timing the collector is run (untimed), so each side pays for collecting its own
garbage and not for what the other left behind: a full collection walks the whole
heap (~0.1 s a round here) and landed on either side by chance, which made single
rounds' ratios range from 0.9 to 1.8. The computations (every chart's ``prepare``)
are timed on their own.

A re-draw of an unchanged journal is timed the way a notebook kernel pays it: the
session's tables (one stamps query) and every chart through the kernel's chart cache
(:mod:`exback_kit.notebook.chart_cache`), which hands back the PNG it drew while no
table the chart read has changed; it is compared with the same bare first draw.
Last lines: ``redraw ratio X.XX (target <= 0.2)`` and ``charts ratio X.XX (target <= 1.3)``;
exit status 1 when a ratio or the computations (target < 100 ms) are over target.
"""

from __future__ import annotations

import gc
import io
import statistics
import sys
import tempfile
import time
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

import numpy as np
from matplotlib.collections import Collection, PathCollection
from matplotlib.figure import Figure
from matplotlib.image import AxesImage
from matplotlib.lines import Line2D
from matplotlib.patches import Rectangle

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from benchmarks._data import fill_years
from exback_kit import Journal, charts
from exback_kit.charts.base import DPI
from exback_kit.notebook import chart_cache
from exback_kit.notebook.session import Session
from exback_kit.store import reads

TARGET = 1.3
REDRAW_TARGET = 0.2
COMPUTE_TARGET_MS = 100.0
ROUNDS = 9


@dataclass
class Shape:
    """What one Axes of a kit chart holds, in counts."""

    lines: list[int] = field(default_factory=list)
    scatter: list[int] = field(default_factory=list)
    fills: list[int] = field(default_factory=list)
    bars: int = 0
    images: list[tuple[int, int]] = field(default_factory=list)


def inventory(fig: Figure) -> tuple[tuple[float, float], list[Shape]]:
    """Return the figure size and, per Axes, how many points of each kind it draws."""
    shapes = []
    for ax in fig.axes:
        shape = Shape()
        for line in ax.lines:
            assert isinstance(line, Line2D)
            n = len(np.atleast_1d(line.get_xdata()))
            if n:
                shape.lines.append(n)
        for coll in ax.collections:
            if isinstance(coll, PathCollection):
                shape.scatter.append(len(coll.get_offsets()))
            elif isinstance(coll, Collection):
                shape.fills.append(sum(len(p.vertices) for p in coll.get_paths()) // 2)
        shape.bars = sum(isinstance(p, Rectangle) for p in ax.patches)
        shape.images = [img.get_array().shape[:2] for img in ax.images
                        if isinstance(img, AxesImage)]
        shapes.append(shape)
    size = fig.get_size_inches()
    return (float(size[0]), float(size[1])), shapes


def bare_png(size: tuple[float, float], shapes: list[Shape]) -> bytes:
    """Draw the same counts from plain arrays with matplotlib defaults; return the PNG."""
    fig = Figure(figsize=size, dpi=DPI)
    rng = np.random.default_rng(0)
    for i, shape in enumerate(shapes, start=1):
        ax = fig.add_subplot(len(shapes), 1, i)
        for n in shape.lines:
            ax.plot(np.arange(n), rng.random(n))
        for n in shape.scatter:
            ax.scatter(rng.random(n), rng.random(n))
        for n in shape.fills:
            ax.fill_between(np.arange(n), rng.random(n))
        if shape.bars:
            ax.bar(np.arange(shape.bars), rng.random(shape.bars))
        for rows, cols in shape.images:
            ax.imshow(rng.random((rows, cols)))
    buffer = io.BytesIO()
    fig.savefig(buffer, format="png", dpi=DPI)
    return buffer.getvalue()


def _timed(fn: object, *args: object) -> float:
    start = time.perf_counter()
    fn(*args)  # type: ignore[operator]
    return time.perf_counter() - start


def main() -> int:
    """Run the benchmark; return the exit status."""
    today = date.today()
    with (tempfile.TemporaryDirectory() as folder,
          Journal.open(Path(folder) / "journal.sqlite3", backup=False) as journal):
        counts = fill_years(journal, today=today)
        start = time.perf_counter()
        tables = reads.load_tables(journal)
        load_ms = (time.perf_counter() - start) * 1000
        redraw, bare_first = _redraws(journal, today)
    print(f"data: {counts['checkins']:,} check-ins, {counts['urges']:,} urges, "
          f"{counts['contacts']:,} contacts over 10 years; load_tables {load_ms:.0f} ms")
    names = list(charts.CHARTS)
    layouts = {name: inventory(charts.render(name, tables, today)[0]) for name in names}
    for name in names:  # warm caches (content, fonts) before timing
        bare_png(*layouts[name])
    compute, kit, bare = [], [], []
    per_chart: dict[str, list[float]] = {n: [] for n in names}

    def kit_round() -> None:
        total = 0.0
        for name in names:
            t = _timed(charts.render_png, name, tables, today)
            per_chart[name].append(t)
            total += t
        kit.append(total)

    def bare_round() -> None:
        bare.append(sum(_timed(bare_png, *layouts[n]) for n in names))

    for number in range(ROUNDS):
        gc.collect()
        compute.append(sum(_timed(charts.CHARTS[n].prepare, tables, today) for n in names))
        for side in (kit_round, bare_round) if number % 2 == 0 else (bare_round, kit_round):
            gc.collect()
            side()
    for name in names:
        print(f"  {name:<12} {statistics.median(per_chart[name]) * 1000:6.0f} ms")
    compute_ms = statistics.median(compute) * 1000
    kit_s, bare_s = statistics.median(kit), statistics.median(bare)
    ratio = kit_s / bare_s
    print(f"computations ({len(names)} prepares, 10 years): {compute_ms:.0f} ms "
          f"(target < {COMPUTE_TARGET_MS:.0f} ms)")
    rounds = sorted(k / b for k, b in zip(kit, bare, strict=True))
    print(f"{len(names)} charts to PNG: kit {kit_s * 1000:.0f} ms, "
          f"bare matplotlib {bare_s * 1000:.0f} ms (median of {ROUNDS}; rounds' ratios "
          f"{rounds[0]:.2f}–{rounds[-1]:.2f})")
    redraw_ratio = statistics.median(redraw) / statistics.median(bare_first)
    print(f"re-draw of an unchanged journal (kernel cache): {statistics.median(redraw) * 1000:.1f}"
          f" ms vs bare first draw {statistics.median(bare_first) * 1000:.0f} ms")
    print(f"redraw ratio {redraw_ratio:.3f} (target <= {REDRAW_TARGET})")
    print(f"charts ratio {ratio:.2f} (target <= {TARGET})")
    return 0 if (ratio <= TARGET and redraw_ratio <= REDRAW_TARGET
                 and compute_ms < COMPUTE_TARGET_MS) else 1


def _redraws(journal: Journal, today: date) -> tuple[list[float], list[float]]:
    """Time every chart re-drawn by a kernel session on an unchanged journal, beside bare."""
    session = Session()
    session.use(journal)
    names = list(charts.CHARTS)
    first = session.tables()
    for name in names:  # the first draw, as a notebook opening does
        chart_cache.drawn(name, first, today)
    layouts = {name: inventory(charts.render(name, first, today)[0]) for name in names}
    redraw, bare = [], []
    for _ in range(ROUNDS):
        start = time.perf_counter()
        tables = session.tables()
        for name in names:
            chart_cache.drawn(name, tables, today)
        redraw.append(time.perf_counter() - start)
        bare.append(sum(_timed(bare_png, *layouts[n]) for n in names))
    assert chart_cache.cache().drawn_count == len(names), "a re-draw drew again"
    chart_cache.forget()
    return redraw, bare


if __name__ == "__main__":
    sys.exit(main())
