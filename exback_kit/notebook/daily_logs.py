"""The everyday logging forms: check-in, habits, contact, urge and the No-Contact period
(the unsent-message vault and the decision journal are in
:mod:`exback_kit.notebook.reaching_out`).

Each builder is ``name(journal, *, on_save=None) -> Form`` (see
:mod:`exback_kit.notebook.form_kit`). Nothing here sends anything anywhere.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from typing import Any

import ipywidgets as widgets

from exback_kit import content
from exback_kit.content import texts
from exback_kit.content.vocab import (
    CHANNELS,
    DEFAULT_HABITS,
    habit_choices,
    habit_names,
)
from exback_kit.domain import gate
from exback_kit.notebook.form_kit import (
    UNCHANGED,
    Form,
    OnSave,
    add_checked,
    esc,
    moment_of,
    number_or_none,
    when_picker,
)
from exback_kit.notebook.inputs import (
    WIDE,
    CheckGroup,
    checkbox,
    choice_buttons,
    scale_buttons,
    slider,
)
from exback_kit.notebook.session import session
from exback_kit.store import Journal
from exback_kit.store.settings import HABITS_SETTING


def _journey(journal: Journal) -> gate.Journey:
    return session().journey(journal)


# --- daily check-in -----------------------------------------------------------------

def habit_list(journal: Journal) -> list[str]:
    """Return the person's habit list (setting "habits"), or the kit's default list."""
    return habit_names(journal.get_setting(HABITS_SETTING, None))


def checkin_form(journal: Journal, *, on_save: OnSave = None,
                 habits: Sequence[str] | None = None) -> Form:
    """Return the daily check-in: mood, energy, sleep, how much they were on your mind
    (optional, 0–10), habits and a note.

    Args:
        habits: the habits to offer (default: the setting "habits", else the kit's list,
            which includes "checked their social media" and "drank alcohol" as ones to reduce).
    """
    names = list(habits) if habits is not None else habit_list(journal)
    form = Form("exback-checkin", texts.CHECKIN_HEADING, on_save=on_save)
    form.add("mood", slider(ends=texts.CHECKIN_MOOD_ENDS), label=texts.CHECKIN_MOOD)
    form.add("energy", scale_buttons(1, 10, ends=texts.CHECKIN_ENERGY_ENDS),
             label=texts.CHECKIN_ENERGY)
    form.add("sleep_hours", widgets.Text(placeholder="e.g. 7.5"), label=texts.CHECKIN_SLEEP)
    form.add("mind", scale_buttons(0, 10, ends=texts.CHECKIN_MIND_ENDS), label=texts.CHECKIN_MIND,
             help=texts.CHECKIN_MIND_HELP)
    form.add("habits", CheckGroup(habit_choices(names)), label=texts.CHECKIN_HABITS)
    form.add("note", widgets.Textarea(rows=2, layout=WIDE), label=texts.NOTE)
    form.add("at", when_picker(), label=texts.WHEN, help=texts.WHEN_HELP)

    def handler() -> object:
        f = form.fields
        entry = add_checked(journal, "checkins", {
            "mood": f["mood"].value, "energy": f["energy"].value,
            "sleep_hours": number_or_none(f["sleep_hours"].value), "mind": f["mind"].value,
            "habits": list(f["habits"].value), "note": f["note"].value,
        }, at=moment_of(f["at"].value))
        form.reset()
        form.say(texts.CHECKIN_SAVED)
        return entry

    form.handler = handler
    return form


def habits_form(journal: Journal, *, on_save: OnSave = None) -> Form:
    """Return the editor for the habits the daily check-in offers (setting "habits")."""
    form = Form("exback-habits", texts.HABITS_HEADING, intro=texts.HABITS_INTRO,
                on_save=on_save)
    form.add("habits", widgets.TagsInput(value=habit_list(journal), allow_duplicates=False,
                                         layout=WIDE),
             label=texts.HABITS_LABEL, help=texts.HABITS_HELP)

    def handler() -> object:
        names = [str(n).strip() for n in form.fields["habits"].value if str(n).strip()]
        journal.set_setting(HABITS_SETTING, names or list(DEFAULT_HABITS))
        form.fields["habits"].value = habit_list(journal)
        form.say(texts.HABITS_SAVED if names else texts.HABITS_RESET)
        return None

    form.handler = handler
    return form


# --- contact and urge logs ------------------------------------------------------------

def contact_form(journal: Journal, *, on_save: OnSave = None) -> Form:
    """Return the contact log: who started it, how, replied, logistics (never a lapse), note."""
    form = Form("exback-contact", texts.CONTACT_HEADING, on_save=on_save)
    form.add("initiated_by", choice_buttons(texts.CONTACT_WHO_CHOICES), label=texts.CONTACT_WHO)
    form.add("channel", widgets.Dropdown(options=[(texts.CONTACT_CHANNELS[c], c)
                                                  for c in CHANNELS], value="text"),
             label=texts.CONTACT_CHANNEL)
    form.add("replied", checkbox(texts.CONTACT_REPLIED))
    form.add("logistics", checkbox(texts.CONTACT_LOGISTICS), help=_logistics_help(journal))
    form.add("note", widgets.Textarea(rows=2, layout=WIDE), label=texts.NOTE)
    form.add("at", when_picker(), label=texts.WHEN, help=texts.WHEN_HELP)

    def handler() -> object:
        f = form.fields
        values = {"initiated_by": f["initiated_by"].value, "channel": f["channel"].value,
                  "replied": f["replied"].value, "logistics": f["logistics"].value,
                  "note": f["note"].value}
        entry = add_checked(journal, "contacts", values, at=moment_of(f["at"].value))
        form.reset()
        form.say(_contact_saved(values, _journey(journal)))
        return entry

    form.handler = handler
    return form


def _logistics_help(journal: Journal) -> str:
    """Return the logistics hint, naming the practical ties the person gave in their profile."""
    ties = journal.latest_answers(0).get("shared_ties")
    question = content.load().start.question("shared_ties")
    labels = [c.label.lower() for c in question.choices
              if isinstance(ties, list) and c.id in ties]
    if not labels:
        return texts.CONTACT_LOGISTICS_HELP
    return texts.CONTACT_LOGISTICS_HELP_TIES.format(ties=", ".join(labels))


def _contact_saved(values: dict[str, Any], road: gate.Journey) -> str:
    """Return the saved message: logistics, their contact left unanswered, or a slip.

    With a protective order named, a calm note about the order and support; after any
    boundaries yes or not sure, no "a slip doesn't erase your days".
    """
    if road.order:
        return texts.CONTACT_SAVED_ORDER
    if values["logistics"]:
        return texts.CONTACT_SAVED_LOGISTICS
    if values["initiated_by"] == "them" and not values["replied"]:
        return texts.CONTACT_SAVED_THEIRS
    return road.words(texts.CONTACT_SAVED_BY_ROAD)


def urge_form(journal: Journal, *, on_save: OnSave = None) -> Form:
    """Return the urge log: how strong, what set it off, whether you reached out, what helped."""
    form = Form("exback-urge", texts.URGE_HEADING, on_save=on_save)
    form.add("intensity", slider(ends=texts.URGE_ENDS), label=texts.URGE_INTENSITY)
    form.add("trigger", widgets.Text(layout=WIDE), label=texts.URGE_TRIGGER)
    form.add("acted_on", checkbox(texts.URGE_ACTED))
    form.add("helped", widgets.Text(layout=WIDE), label=texts.URGE_HELPED)
    form.add("note", widgets.Textarea(rows=2, layout=WIDE), label=texts.NOTE)
    form.add("at", when_picker(), label=texts.WHEN, help=texts.WHEN_HELP)

    def handler() -> object:
        f = form.fields
        acted = f["acted_on"].value
        entry = add_checked(journal, "urges", {
            "intensity": f["intensity"].value, "trigger": f["trigger"].value,
            "acted_on": f["acted_on"].value, "helped": f["helped"].value,
            "note": f["note"].value}, at=moment_of(f["at"].value))
        form.reset()
        form.say(_journey(journal).words(texts.URGE_SAVED_ACTED_BY_ROAD) if acted
                 else texts.URGE_SAVED)
        return entry

    form.handler = handler
    return form


# --- No-Contact period -------------------------------------------------------------------

def nocontact_form(journal: Journal, *, on_save: OnSave = None) -> Form:
    """Return the form that starts a No-Contact period (21/30/45/60 days or your own).

    After harm or an order it has no target to choose: a note says why, and nothing is saved.
    """
    road = _journey(journal)
    if not road.countdown:
        form = Form("exback-nocontact", texts.NOCONTACT_HEADING_NO_COUNTDOWN, on_save=on_save)
        form.result.value = f"<p>{esc(road.words(texts.NOCONTACT_NO_COUNTDOWN))}</p>"
        form.save_button.layout.display = "none"
        return form
    form = Form("exback-nocontact", texts.NOCONTACT_HEADING, intro=texts.NOCONTACT_BOUNDARY,
                on_save=on_save)
    latest = journal.latest_record("nocontact_periods")
    current = int(latest["target_days"]) if latest else None
    preset = current if current in texts.NOCONTACT_TARGETS else (0 if current else None)
    form.add("target", choice_buttons(texts.NOCONTACT_TARGETS, preset),
             label=texts.NOCONTACT_TARGET)
    form.add("target_days", widgets.Text(value=str(current) if preset == 0 else "",
                                         placeholder="e.g. 90"), label=texts.NOCONTACT_CUSTOM)
    form.add("start_day", widgets.DatePicker(value=date.today()), label=texts.NOCONTACT_START)
    form.add("note", widgets.Textarea(rows=2, layout=WIDE), label=texts.NOTE)

    def refresh() -> None:
        latest = journal.latest_record("nocontact_periods")
        form.result.value = f"<p>{esc(_period_line(latest))}</p>"

    def handler() -> object:
        f = form.fields
        target = f["target"].value
        days = number_or_none(f["target_days"].value) if target == 0 else target
        latest = journal.latest_record("nocontact_periods")
        if latest and _same_period(latest, days, f["start_day"].value):
            form.say(texts.NOCONTACT_UNCHANGED)
            return UNCHANGED
        entry = add_checked(journal, "nocontact_periods", {
            "start_day": f["start_day"].value, "target_days": days, "note": f["note"].value})
        form.say(texts.say(texts.NOCONTACT_SAVED, target=int(days or 0),
                           start=f["start_day"].value))
        return entry

    form.handler, form.after_save = handler, refresh
    refresh()
    return form


def _same_period(row: dict[str, Any], days: object, start: object) -> bool:
    """Return True when ``days`` and ``start`` are those of the saved period ``row``."""
    return (isinstance(start, date) and start.isoformat() == str(row["start_day"])
            and isinstance(days, int | float) and days == row["target_days"])


def _period_line(row: dict[str, Any] | None) -> str:
    if row is None:
        return texts.NOCONTACT_NONE
    return texts.say(texts.NOCONTACT_CURRENT, start=row["start_day"], target=row["target_days"])
