"""The pages of the progress report, drawn on A4 matplotlib Figures (never pyplot).

Nothing here reads the journal: :mod:`exback_kit.report` gathers the numbers
and words, and these functions lay them out. Text pages are a flow of styled
lines (:data:`Line`) that :func:`paginate` splits across pages. Every text is
drawn with ``parse_math=False``, so a person's ``$5 and $10`` stays as written.
"""

from __future__ import annotations

import textwrap
from collections.abc import Callable, Sequence
from typing import Any

from matplotlib.axes import Axes
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.figure import Figure
from matplotlib.patches import Rectangle
from matplotlib.transforms import Bbox

from exback_kit.charts import palette
from exback_kit.content import texts

A4 = (8.27, 11.69)  # inches
PAGE_PT = A4[1] * 72
LEFT, RIGHT = 0.09, 0.93
TOP, BOTTOM = 0.93, 0.07
#: Where the columns of a "row" line start, and their styles (label, value, note).
COLUMNS = (LEFT, 0.52, 0.64)
ROW_STYLES = ("row", "strong", "row")
WRAP = 92  # characters per 10 pt line across the text width

#: style -> (font size, weight, colour, line height in multiples of the size)
STYLES: dict[str, tuple[float, str, str, float]] = {
    "title": (18, "bold", palette.INK, 1.9),
    "heading": (13, "bold", palette.INK, 1.9),
    "strong": (10, "bold", palette.INK, 1.5),
    "body": (10, "normal", palette.INK, 1.45),
    "soft": (9, "normal", palette.SOFT_INK, 1.45),
    "row": (10, "normal", palette.INK, 1.55),
    "gap": (10, "normal", palette.INK, 0.8),
}
#: A styled line of a text page: (style, text). A "row" line is "label\tvalue[\tnote]".
Line = tuple[str, str]
#: Styles that should not end a page: they introduce what follows.
KEEP_WITH_NEXT = ("title", "heading", "strong")
#: A chart page holds two charts: (top, bottom) of each one's slot, as page fractions.
CHART_SLOTS = ((TOP, 0.58), (0.495, 0.15))
FIT_ROUNDS = 2
MIN_FRACTION = 0.05
SUMMARY_GAP = 0.012  # between a chart's slot and its summary, as a page fraction


def wrap(text: str, style: str = "body", width: int = WRAP) -> list[Line]:
    """Return ``text`` as wrapped lines of one style; its own line breaks are kept."""
    lines: list[Line] = []
    for paragraph in text.split("\n"):
        parts = textwrap.wrap(paragraph, width, break_on_hyphens=False) or [""]
        lines += [(style, part) for part in parts]
    return lines


def height(line: Line) -> float:
    """Return the height a line takes, as a fraction of the page."""
    size, _, _, spacing = STYLES[line[0]]
    return size * spacing / PAGE_PT


def paginate(lines: Sequence[Line], top: float = TOP, bottom: float = BOTTOM) -> list[list[Line]]:
    """Split a flow of lines into pages; a heading is never left at a page's foot."""
    pages: list[list[Line]] = [[]]
    room = top - bottom
    used = 0.0
    for line in lines:
        if pages[-1] and used + height(line) > room:
            carry: list[Line] = []
            while pages[-1] and pages[-1][-1][0] in KEEP_WITH_NEXT:
                carry.insert(0, pages[-1].pop())
            pages.append(carry)
            used = sum((height(x) for x in carry), 0.0)
        if not pages[-1] and line[0] == "gap":
            continue
        pages[-1].append(line)
        used += height(line)
    return pages if pages[-1] or len(pages) == 1 else pages[:-1]


def new_page(page: int, pages: int) -> Figure:
    """Return an empty A4 page with the footer (page numbers, "private")."""
    fig = Figure(figsize=A4)
    _put(fig, 0.5, 0.035, texts.REPORT_FOOTER.format(page=page, pages=pages), "soft",
         ha="center")
    return fig


def _put(fig: Figure, x: float, y: float, text: str, style: str, **kwargs: Any) -> None:
    size, weight, color, _ = STYLES[style]
    fig.text(x, y, text, fontsize=size, fontweight=weight, color=color, va="top",
             parse_math=False, **kwargs)


def draw_lines(fig: Figure, lines: Sequence[Line], top: float = TOP) -> float:
    """Draw a flow of lines from ``top`` down; return where the next line would go."""
    y = top
    for style, text in lines:
        if style == "row":
            for x, cell, cell_style in zip(COLUMNS, text.split("\t"), ROW_STYLES, strict=False):
                _put(fig, x, y, cell, cell_style)
        elif style != "gap":
            _put(fig, LEFT, y, text, style)
        y -= height((style, text))
    return y


def cover(fig: Figure, lines: Sequence[Line]) -> None:
    """Draw the cover: a coloured band, then the cover's lines."""
    fig.add_artist(Rectangle((LEFT, 0.86), RIGHT - LEFT, 0.012, transform=fig.transFigure,
                             color=palette.PROGRESS))
    draw_lines(fig, lines, top=0.80)


def _union(boxes: Sequence[Bbox | None]) -> Bbox:
    return Bbox.union([box for box in boxes if box is not None])


def fit_into(fig: Figure, axes: Sequence[Axes], box: Bbox, renderer: Any) -> None:
    """Move and resize ``axes`` together so that, labels and legends included, they fill ``box``.

    A small tight layout for one chart (which may be several Axes): the Axes
    keep their places relative to each other; ``box`` is in figure fractions.
    """
    to_fig = fig.transFigure.inverted()
    for _ in range(FIT_ROUNDS):
        tight = _union([ax.get_tightbbox(renderer) for ax in axes]).transformed(to_fig)
        inner = _union([ax.get_position() for ax in axes])
        target = Bbox.from_extents(inner.x0 + box.x0 - tight.x0, inner.y0 + box.y0 - tight.y0,
                                   inner.x1 + box.x1 - tight.x1, inner.y1 + box.y1 - tight.y1)
        if target.width < MIN_FRACTION or target.height < MIN_FRACTION:
            return
        # Work out every new place first: twinned Axes move together.
        places = [(ax, ax.get_position()) for ax in axes]
        for ax, pos in places:
            ax.set_position(Bbox.from_extents(
                *_moved(pos.x0, pos.y0, inner, target), *_moved(pos.x1, pos.y1, inner, target)))


def _moved(x: float, y: float, old: Bbox, new: Bbox) -> tuple[float, float]:
    return (new.x0 + (x - old.x0) * new.width / old.width,
            new.y0 + (y - old.y0) * new.height / old.height)


def chart_page(fig: Figure, charts: Sequence[tuple[Callable[[Axes], object], str]]) -> None:
    """Draw up to two charts on a page, each followed by its one-sentence summary.

    Each chart is fitted, labels and legend included, into its slot; its
    summary goes just below the slot.
    """
    renderer = FigureCanvasAgg(fig).get_renderer()
    for (draw, summary), (top, bottom) in zip(charts, CHART_SLOTS, strict=False):
        grid = fig.add_gridspec(1, 1, left=LEFT, right=RIGHT, top=top, bottom=bottom)
        before = set(fig.axes)
        draw(fig.add_subplot(grid[0]))
        axes = [ax for ax in fig.axes if ax not in before]
        fit_into(fig, axes, Bbox.from_extents(LEFT, bottom, RIGHT, top), renderer)
        draw_lines(fig, wrap(summary), top=bottom - SUMMARY_GAP)
