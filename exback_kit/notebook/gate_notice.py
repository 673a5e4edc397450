"""The gate notice: why a stage is set aside, what stays open, how to revisit."""

from __future__ import annotations

import ipywidgets as widgets

from exback_kit.content import texts
from exback_kit.domain.gate import Journey
from exback_kit.notebook.form_kit import esc
from exback_kit.notebook.look import GATE_BOX


def gate_notice(journey: Journey) -> widgets.HTML:
    """Return the respectful explanation for a set-aside stage (``journey`` is on moving on)."""
    box = widgets.HTML("", _dom_classes=("exback-gate",))
    if journey.path != "moving_on":
        return box
    boundaries = journey.by == "boundaries"
    heading = texts.GATE_HEADING_BOUNDARIES if boundaries else texts.GATE_HEADING_DECISION
    intro = texts.GATE_INTRO_BOUNDARIES if boundaries else texts.GATE_INTRO_DECISION
    revisit = [texts.GATE_REVISIT_BOUNDARIES] if boundaries else []
    if journey.decision == "move_on":
        revisit.append(texts.GATE_REVISIT_DECISION)
    safety = [texts.GATE_SAFETY] if journey.unsafe else []
    items = "".join(f"<li>{esc(r)}</li>" for r in journey.reasons)
    after = "".join(f"<p>{esc(line)}</p>" for line in [texts.GATE_STILL_OPEN, *revisit, *safety])
    box.value = (f'<div style="{GATE_BOX}"><h4>{esc(heading)}</h4><p>{esc(intro)}</p>'
                 f"<ul>{items}</ul>{after}</div>")
    return box
