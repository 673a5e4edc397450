"""The readiness checklist as a widget: each item with its mark, state and what it is based on."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date
from typing import Any

import ipywidgets as widgets

from exback_kit.content import texts
from exback_kit.domain import gate
from exback_kit.domain.readiness import readiness
from exback_kit.notebook.form_kit import esc


def readiness_widget(tables: Mapping[str, Any], today: date | None = None) -> widgets.HTML:
    """Return the checklist for the journal whose typed ``tables`` are given."""
    items = readiness(tables, today)
    lines = [texts.READINESS_LINE.format(mark=i.mark, label=i.label, state=i.shown_state,
                                         based_on=i.based_on)
             for i in items]
    journey = gate.journey(tables["answers"], tables["decisions"])
    notes = [texts.READINESS_GATED] if journey.by == "boundaries" else []
    body = "".join(f"<li>{esc(line)}</li>" for line in lines)
    extra = "".join(f"<p><b>{esc(n)}</b></p>" for n in notes)
    return widgets.HTML(f"<h4>{esc(texts.READINESS_HEADING)}</h4><p>{esc(texts.READINESS_INTRO)}"
                        f'</p>{extra}<ul style="list-style:none">{body}</ul>',
                        _dom_classes=("exback-readiness",))
