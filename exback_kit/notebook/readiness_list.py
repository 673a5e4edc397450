"""The readiness checklist as a widget: each item with its mark, state and what it is based on."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date
from typing import Any

import ipywidgets as widgets

from exback_kit import content
from exback_kit.content import texts
from exback_kit.domain import gate
from exback_kit.domain.readiness import readiness
from exback_kit.notebook.form_kit import esc


def readiness_widget(tables: Mapping[str, Any], today: date | None = None, *,
                     road: gate.Journey | None = None) -> widgets.HTML:
    """Return the checklist for the journal whose typed ``tables`` are given.

    On the moving-on road it is only the set-aside note: no items, no marks.

    Args:
        road: the journey to follow (default: the one these tables' answers give).
    """
    road = road if road is not None else gate.journey_of(tables, kit=content.load())
    heading = f"<h4>{esc(texts.READINESS_HEADING)}</h4>"
    if road.moving_on:
        return widgets.HTML(f"{heading}<p>{esc(texts.READINESS_GATED)}</p>",
                            _dom_classes=("exback-readiness",))
    lines = [texts.READINESS_LINE.format(mark=i.mark, label=i.label, state=i.shown_state,
                                         based_on=i.based_on)
             for i in readiness(tables, today, kit=content.load())]
    body = "".join(f"<li>{esc(line)}</li>" for line in lines)
    return widgets.HTML(f"{heading}<p>{esc(texts.READINESS_INTRO)}"
                        f'</p><ul style="list-style:none">{body}</ul>',
                        _dom_classes=("exback-readiness",))
