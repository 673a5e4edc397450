"""The "when it happens" cards (09): a few plain lines for each hard moment and a small plan
the person saves and finds again.

Each card is a :class:`~exback_kit.notebook.form_kit.Form` whose plan box opens with the
latest plan saved for it. The dates card keeps one plan per kind of day (a birthday, an
anniversary, a holiday, another day) with its date, and lists them; ``exback remind`` puts
them in the calendar. The card for contact that can't be avoided can log it as logistics.
The words follow the road: see :class:`~exback_kit.content.moments.Moment`.
"""

from __future__ import annotations

from typing import Any

import ipywidgets as widgets

from exback_kit.content import texts
from exback_kit.content.moments import Moment, load_moments
from exback_kit.content.vocab import OCCASIONS
from exback_kit.domain import gate, safety
from exback_kit.errors import ValidationError
from exback_kit.notebook.form_kit import Form, OnSave, add_checked, entry_html, error_html, esc
from exback_kit.notebook.gate_notice import safety_box
from exback_kit.notebook.inputs import WIDE, choice_buttons, labelled
from exback_kit.notebook.session import session
from exback_kit.store import Journal
from exback_kit.store.settings import CRISIS_SETTING

__all__ = ["latest_plans", "moment_card", "moments_cards"]

#: The cards that show the safety contacts after harm or an order was named.
SAFETY_CARDS = ("running_into", "needed_contact")


def latest_plans(journal: Journal) -> dict[tuple[str, str], dict[str, Any]]:
    """Return the plan in force for each (moment, occasion): the latest saved."""
    return {(str(r["moment"]), str(r["occasion"])): r for r in journal.records("moment_plans")}


def _dates_html(plans: dict[tuple[str, str], dict[str, Any]]) -> str:
    lines = [texts.MOMENTS_DATE_LINE.format(occasion=texts.MOMENTS_OCCASIONS[occasion],
                                            day=r["occasion_day"], plan=r["plan"])
             for (moment, occasion), r in sorted(plans.items())
             if moment == "dates" and r["occasion_day"]]
    return entry_html(texts.MOMENTS_SAVED_DATES, lines) if lines else ""


def moment_card(journal: Journal, card: Moment, road: gate.Journey, *,
                on_save: OnSave = None) -> Form:
    """Return one card: its words for the road, and the plan box (pre-filled with the latest)."""
    dated = card.id == "dates"
    form = Form(f"exback-moment-{card.id}", card.title,
                intro=road.words(card.variants), on_save=on_save)
    form.add_class("exback-moment")
    saved = latest_plans(journal)
    if dated:
        kinds = {o: texts.MOMENTS_OCCASIONS[o] for o in OCCASIONS if o}
        form.add("occasion", choice_buttons(kinds), label=texts.MOMENTS_OCCASION)
        form.add("occasion_day", widgets.DatePicker(value=None), label=texts.MOMENTS_DAY,
                 help=texts.MOMENTS_CALENDAR_HELP)
    previous = saved.get((card.id, ""))
    form.add("plan", widgets.Textarea(value=str(previous["plan"]) if previous else "", rows=3,
                                      layout=WIDE),
             label=f"{texts.MOMENTS_PLAN}: {card.plan}", help=texts.MOMENTS_PLAN_HELP)

    def refresh() -> None:
        form.result.value = _dates_html(latest_plans(journal)) if dated else ""

    def handler() -> object:
        f = form.fields
        values: dict[str, object] = {"moment": card.id, "plan": f["plan"].value}
        if dated:
            if f["occasion_day"].value is None:
                raise ValidationError(texts.MOMENTS_NEEDS_DAY, field="occasion_day")
            values.update(occasion=f["occasion"].value, occasion_day=f["occasion_day"].value)
        entry = add_checked(journal, "moment_plans", values)
        if dated:
            form.reset()
        form.say(texts.MOMENTS_SAVED_DAY if dated else texts.MOMENTS_SAVED)
        return entry

    form.handler, form.after_save = handler, refresh
    refresh()
    extra: list[widgets.Widget] = []
    if card.id in SAFETY_CARDS and road.unsafe:  # harm or an order named: who can help
        contacts = safety.crisis_contacts(journal.get_setting(CRISIS_SETTING))
        extra.append(safety_box(safety.ordered(contacts, "abuse"), texts.GATE_SAFETY_HEADING,
                                "exback-moment-safety"))
    if card.id == "needed_contact":
        extra.append(_logistics_box(journal, road, on_save))
    form.extra.children = tuple(extra)
    return form


def _logistics_box(journal: Journal, road: gate.Journey, on_save: OnSave) -> widgets.VBox:
    """Return the small "log a practical contact now" form of the needed-contact card."""
    who = labelled(choice_buttons(texts.CONTACT_WHO_CHOICES), texts.MOMENTS_LOGISTICS_BY)
    note = labelled(widgets.Textarea(rows=2, layout=WIDE), texts.MOMENTS_LOGISTICS_NOTE)
    button = widgets.Button(description=texts.MOMENTS_LOGISTICS,
                            layout=widgets.Layout(width="auto"))
    button.add_class("exback-log-logistics")
    status = widgets.HTML("", _dom_classes=("exback-status",))

    def log(_b: object) -> None:
        try:
            entry = journal.log_contact(initiated_by=who.value, logistics=True, note=note.value)
        except ValueError as exc:
            status.value = error_html(exc)
            return
        who.value, note.value = None, ""
        saved = road.words(texts.MOMENTS_LOGISTICS_SAVED_BY_ROAD)
        status.value = f"<span class=\"exback-ok\">{esc(saved)}</span>"
        if on_save is not None:
            on_save(entry)

    button.on_click(log)
    box = widgets.VBox([who, note, button, status], _dom_classes=("exback-logistics",))
    box.who, box.note, box.button, box.status = who, note, button, status
    return box


def moments_cards(journal: Journal, *, on_save: OnSave = None) -> widgets.VBox:
    """Return every "when it happens" card, in the kit's order, for the road in force.

    ``box.cards`` maps each moment id to its Form.
    """
    road = session().journey(journal)
    cards = {m.id: moment_card(journal, m, road, on_save=on_save) for m in load_moments()}
    box = widgets.VBox(list(cards.values()), _dom_classes=("exback-moments",))
    box.cards = cards
    return box
