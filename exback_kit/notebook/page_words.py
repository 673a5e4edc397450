"""A stage notebook's own words, drawn by the kit in the person's language.

The page's title and the JupyterLab hint (above the header), the heading over the
charts, "What comes next" and the closing line of links to other notebooks. The
notebook's markdown keeps the same English inside ``<div class="exback-md">`` only
for the moment before the kernel runs (and JupyterLab's table of contents); the kit's
stylesheet hides it as soon as a kit part is on the page.

The closing line is the same on every road, so it links only stages open on every road;
the next stage by road is linked in "What comes next" above it.
"""

from __future__ import annotations

import html
from dataclasses import dataclass

from exback_kit import content
from exback_kit.content import texts
from exback_kit.notebook.look import LINK_STYLE

#: The class of the markdown the kit's words replace once it runs.
MARKDOWN_CLASS = "exback-md"


@dataclass(frozen=True)
class Closing:
    """A notebook's closing line: ``back`` (← first), ``links``, ``forward`` (last →)."""

    links: tuple[str, ...] = ()
    back: str | None = None
    forward: str | None = None

    def stages(self) -> tuple[str, ...]:
        """Return every stage the line links, in order."""
        return tuple(s for s in (self.back, *self.links, self.forward) if s)


#: stage id -> its closing line.
CLOSINGS: dict[str, Closing] = {
    "00_start_here": Closing(("08_dashboard", "09_moving_on"), forward="01_space_and_clarity"),
    "01_space_and_clarity": Closing(("08_dashboard", "09_moving_on"), back="00_start_here"),
    "02_reading_the_signals": Closing(("00_start_here", "08_dashboard"),
                                      back="01_space_and_clarity", forward="03_rebuilding_you"),
    "03_rebuilding_you": Closing(("00_start_here", "08_dashboard", "09_moving_on"),
                                 back="01_space_and_clarity", forward="04_holding_steady"),
    "04_holding_steady": Closing(("00_start_here", "08_dashboard", "09_moving_on"),
                                 back="03_rebuilding_you"),
    "05_reconnecting": Closing(("00_start_here", "08_dashboard"), back="04_holding_steady"),
    "06_the_conversation": Closing(("00_start_here", "08_dashboard")),
    "07_relationship_2_0": Closing(("00_start_here", "08_dashboard")),
    "08_dashboard": Closing(("00_start_here", "09_moving_on")),
    "09_moving_on": Closing(("00_start_here", "03_rebuilding_you", "04_holding_steady"),
                            forward="08_dashboard"),
}


def title(stage_id: str) -> str:
    """Return the stage's title as its page shows it: "Space and clarity (steps 1–2)"."""
    stage = content.load().stage(stage_id)
    steps = stage.steps
    if stage.overview or not steps:
        return stage.title
    which = (texts.PAGE_STEP.format(number=steps[0]) if len(steps) == 1
             else texts.PAGE_STEPS.format(first=steps[0], last=steps[-1]))
    return f"{stage.title} ({which})"


def title_html(stage_id: str) -> str:
    """Return the page's title, the JupyterLab-only hint and the skip note (kit HTML)."""
    return (f"<h1>{html.escape(title(stage_id))}</h1>"
            f'<p><span class="exback-lab-only">{texts.PAGE_LAB_HINT}</span> '
            f"{html.escape(texts.PAGE_SKIP)}</p>")


def heading_html(words: str) -> str:
    """Return a section heading of the page."""
    return f"<h2>{html.escape(words)}</h2>"


def charts_heading(stage_id: str) -> str:
    """Return the heading above the stage's charts ("" for a stage without charts)."""
    return texts.PAGE_CHARTS_HEADING.get(stage_id, "")


def _link(stage_id: str) -> str:
    return (f'<a href="{html.escape(stage_id)}.ipynb" style="{LINK_STYLE}">'
            f"{html.escape(content.load().stage(stage_id).title)}</a>")


def closing_html(stage_id: str) -> str:
    """Return the closing line of links to other notebooks ("" when the stage has none)."""
    closing = CLOSINGS.get(stage_id)
    if closing is None:
        return ""
    parts = [_link(s) for s in closing.stages()]
    if closing.back:
        parts[0] = "← " + parts[0]
    if closing.forward:
        parts[-1] += " →"
    label = html.escape(texts.PAGE_OTHER_NOTEBOOKS)
    return f'<nav aria-label="{label}"><p>{" · ".join(parts)}</p></nav>'
