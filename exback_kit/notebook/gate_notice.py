"""The gate notice: why a stage is set aside, what stays open, where the moving-on road
is, how to revisit, and the safety contacts when harm, control or an order was named.
Also the note that asks for the boundaries check before a stage that prepares contact.
"""

from __future__ import annotations

from collections.abc import Sequence

import ipywidgets as widgets

from exback_kit.content import texts
from exback_kit.content.instruments import Contact
from exback_kit.domain import gate
from exback_kit.domain.gate import Journey
from exback_kit.domain.safety import ordered as safety_order
from exback_kit.notebook.form_kit import esc
from exback_kit.notebook.look import GATE_BOX, LINK_STYLE, SAFETY_BOX


def _link(stage_id: str, label: str) -> str:
    return f'<p><a href="{esc(stage_id)}.ipynb" style="{LINK_STYLE}">{esc(label)}</a></p>'


def contacts_html(contacts: Sequence[Contact], heading: str) -> str:
    """Return the safety contacts as a list under ``heading`` (escaped); the defaults say
    once that they are to be checked for the person's country."""
    items = "".join(f"<li>{esc(c.name)}{': ' + esc(c.detail) if c.detail else ''}</li>"
                    for c in contacts) or f"<li>{esc(texts.SAFETY_NO_CONTACTS.lstrip('• '))}</li>"
    check = (f"<p>{esc(texts.SAFETY_CHECK_COUNTRY)}</p>"
             if any(c.is_default for c in contacts) else "")
    return (f'<div class="exback-safety-contacts"><p><b>{esc(heading)}</b></p>'
            f"<ul>{items}</ul>{check}<p>{esc(texts.SAFETY_OUTRO)}</p></div>")


def device_safety_html() -> str:
    """Return the lock line and the device check, shown after harm, control or an order."""
    items = "".join(f"<li>{esc(item)}</li>" for item in texts.DEVICE_SAFETY)
    return (f'<div class="exback-device-safety"><p>{esc(texts.SAFETY_LOCK_LINE)}</p>'
            f"<p><b>{esc(texts.DEVICE_SAFETY_HEADING)}</b></p><ul>{items}</ul></div>")


def safety_box(contacts: Sequence[Contact], heading: str, css: str, *,
               devices: bool = False) -> widgets.HTML:
    """Return the safety contacts (:func:`contacts_html`) in a box of their own, with
    the CSS class ``css``; ``devices`` adds the lock line and the device check."""
    extra = device_safety_html() if devices else ""
    return widgets.HTML(f'<div style="{SAFETY_BOX}">{contacts_html(contacts, heading)}{extra}'
                        "</div>", _dom_classes=(css,))


def gate_notice(journey: Journey, contacts: Sequence[Contact] = ()) -> widgets.HTML:
    """Return the respectful explanation for a set-aside stage (``journey`` is on moving on).

    ``contacts`` are shown when harm, control or a protective order was named.
    """
    box = widgets.HTML("", _dom_classes=("exback-gate",))
    if not journey.moving_on:
        return box
    boundaries = journey.by == "boundaries"
    heading = texts.GATE_HEADING_BOUNDARIES if boundaries else texts.GATE_HEADING_DECISION
    intro = texts.GATE_INTRO_BOUNDARIES if boundaries else texts.GATE_INTRO_DECISION
    revisit = [texts.GATE_REVISIT_BOUNDARIES] if boundaries else []
    if journey.decision == "move_on":
        revisit.append(texts.GATE_REVISIT_DECISION)
    items = "".join(f"<li>{esc(r)}</li>" for r in journey.reasons)
    unsure = f"<p>{esc(texts.GATE_NOT_SURE)}</p>" if journey.unsure else ""
    after = "".join(f"<p>{esc(line)}</p>" for line in [texts.GATE_STILL_OPEN, *revisit])
    road = (f"<p>{esc(texts.GATE_MOVING_ON)}</p>"
            + _link(gate.MOVING_ON_STAGE, texts.GATE_MOVING_ON_LINK))
    safety = (contacts_html(safety_order(contacts, "abuse"), texts.GATE_SAFETY_HEADING)
              + device_safety_html() if journey.unsafe else "")
    box.value = (f'<div style="{GATE_BOX}"><h2>{esc(heading)}</h2><p>{esc(intro)}</p>'
                 f"<ul>{items}</ul>{unsure}{safety}{road}{after}</div>")
    return box


def ask_first_notice() -> widgets.HTML:
    """Return the note that asks for the boundaries check before this stage."""
    return widgets.HTML(
        f'<div style="{GATE_BOX}"><h2>{esc(texts.GATE_ASK_FIRST_HEADING)}</h2>'
        f"<p>{esc(texts.GATE_ASK_FIRST)}</p>"
        f"{_link(gate.CHECK_STAGE, texts.GATE_ASK_FIRST_LINK)}</div>",
        _dom_classes=("exback-gate", "exback-ask-first"))
