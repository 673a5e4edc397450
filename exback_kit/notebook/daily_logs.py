"""The everyday logging forms: check-in, contact, urge, No-Contact period,
the unsent-message vault and the decision journal.

Each builder is ``name(journal, *, on_save=None) -> Form`` (see
:mod:`exback_kit.notebook.form_kit`). Nothing here sends anything anywhere.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from datetime import date
from typing import Any

import ipywidgets as widgets

from exback_kit import content
from exback_kit.content import texts
from exback_kit.content.vocab import CHANNELS, DEFAULT_HABITS, HABITS_TO_REDUCE
from exback_kit.domain import gate
from exback_kit.domain.cooling import DEFAULT_COOLING_HOURS, hours_left
from exback_kit.notebook.form_kit import (
    UNCHANGED,
    CheckGroup,
    Form,
    OnSave,
    add_checked,
    checkbox,
    choice_buttons,
    entry_html,
    error_html,
    esc,
    labelled,
    moment_of,
    number_or_none,
    scale_buttons,
    slider,
    when_picker,
)
from exback_kit.notebook.session import session
from exback_kit.store import Journal
from exback_kit.store.schema import Field
from exback_kit.store.validate import clean, now

WIDE = widgets.Layout(width="95%")
HABITS_SETTING = "habits"
MAX_HABITS = 30


def _journey(journal: Journal) -> gate.Journey:
    return session().journey(journal)


# --- daily check-in -----------------------------------------------------------------

def habit_list(journal: Journal) -> list[str]:
    """Return the person's habit list (setting "habits"), or the kit's default list."""
    saved = journal.get_setting(HABITS_SETTING, None)
    if isinstance(saved, list) and all(isinstance(h, str) for h in saved) and saved:
        return saved
    return list(DEFAULT_HABITS)


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
    shown = {h: texts.HABIT_NAMES.get(h, h) for h in names}  # the kit's habits: stored by id
    labels = [(h, texts.CHECKIN_TO_REDUCE.format(habit=shown[h]) if h in HABITS_TO_REDUCE
               else shown[h]) for h in names]
    form.add("habits", CheckGroup(labels), label=texts.CHECKIN_HABITS)
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
        stored = clean(Field("habits", "list", max_len=MAX_HABITS), names or list(DEFAULT_HABITS))
        journal.set_setting(HABITS_SETTING, json.loads(str(stored)))
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


# --- unsent-message vault ---------------------------------------------------------------------

def unsent_vault(journal: Journal, *, on_save: OnSave = None) -> Form:
    """Return the unsent-message vault: write and keep a message; after the cooling-off
    period (default 72 h) it asks whether you still want to. Nothing is ever sent.

    ``form.rows[entry_id]`` holds a due message's review buttons (``still_want``,
    ``let_go``, ``rewritten``), its ``note`` box and its ``error`` line.
    """
    # "still want to send?" only on the open road: never after a boundaries yes or a decision
    # to move on, nor while the check is unanswered (like step 9's pace, it waits for it)
    held = not _journey(journal).open_road
    form = Form("exback-vault", texts.VAULT_HEADING,
                intro=texts.VAULT_INTRO_BOUNDARIES if held else texts.VAULT_INTRO,
                on_save=on_save)
    form.add("text", widgets.Textarea(rows=4, layout=WIDE), label=texts.VAULT_TEXT)
    form.add("cooling_hours", widgets.IntText(value=DEFAULT_COOLING_HOURS),
             label=texts.VAULT_COOLING)

    def review(entry: int, status: str) -> None:
        row = form.rows[entry]
        message = {"still_want": texts.VAULT_STILL_WANT, "let_go": texts.VAULT_LET_GO,
                   "rewritten": texts.VAULT_REWRITE_LETTER if held else texts.VAULT_REWRITE,
                   "kept": texts.VAULT_KEPT}[status]
        form.update_row(journal, "unsent", entry, message, status=status, reviewed_at=now(),
                        review_note=row["note"].value)

    def refresh() -> None:
        form.rows = {}
        form.extra.children = tuple(_vault_entry(form, r, review, held=held)
                                    for r in journal.records("unsent", newest_first=True))

    def handler() -> object:
        f = form.fields
        hours = f["cooling_hours"].value
        entry = add_checked(journal, "unsent", {"text": f["text"].value, "cooling_hours": hours})
        f["text"].value = ""
        form.say(texts.say(texts.VAULT_SAVED, hours=hours))
        return entry

    form.handler, form.after_save = handler, refresh
    refresh()
    return form


def _vault_entry(form: Form, row: dict[str, Any], review: Any, *,
                 held: bool = False) -> widgets.Widget:
    """One vault message; when due, its re-ask (``held``: keep, rewrite as a letter, let go)."""
    left = hours_left(row["at"], row["cooling_hours"], now())
    if row["status"] != "waiting":
        line = texts.say(texts.VAULT_REVIEWED, day=row["day"],
                                           status=texts.VAULT_DECIDED[row["status"]])
    elif left:
        line = texts.say(texts.VAULT_WAITING, day=row["day"], left=left)
    else:
        line = texts.say(texts.VAULT_DUE_BOUNDARIES if held else texts.VAULT_DUE, day=row["day"])
    shown = widgets.HTML(entry_html(line, [row["text"], row["review_note"]]))
    if row["status"] != "waiting" or left:
        return shown
    entry = int(row["id"])
    note = labelled(widgets.Text(layout=WIDE), texts.VAULT_REVIEW_NOTE)
    error = widgets.HTML("")
    buttons = {}
    labels = (texts.VAULT_STATUSES_BOUNDARIES if held else
              {s: texts.VAULT_STATUSES[s] for s in ("still_want", "let_go", "rewritten")})
    for status, label in labels.items():
        button = widgets.Button(description=label)
        button.add_class(f"exback-review-{status}")
        button.on_click(lambda _b, s=status: review(entry, s))
        buttons[status] = button
    form.rows[entry] = {**buttons, "note": note, "error": error}
    return widgets.VBox([shown, note, widgets.HBox(list(buttons.values())), error])


# --- decision journal (reach-outs) -------------------------------------------------------------

def decision_journal(journal: Journal, *, on_save: OnSave = None) -> Form:
    """Return the decision journal: before a reach-out write the plan, what you expect and why;
    afterwards what happened, shown side by side.

    ``form.rows[entry_id]`` holds an open entry's ``outcome`` box, ``save`` button and ``error``.
    """
    # on the moving-on road it never opens with "before any reach-out" or asks for a plan
    road = _journey(journal)
    intro = road.words(texts.REACH_INTRO_BY_ROAD)
    labels = texts.REACH_LABELS_MOVING_ON if road.moving_on else {
        "plan": texts.REACH_PLAN, "expectation": texts.REACH_EXPECT, "why": texts.REACH_WHY,
        "outcome": texts.REACH_OUTCOME}
    form = Form("exback-reachouts", texts.REACH_HEADING, intro=intro, on_save=on_save)
    for name in ("plan", "expectation", "why"):
        form.add(name, widgets.Textarea(rows=2, layout=WIDE), label=labels[name])

    def record_outcome(entry: int) -> None:
        row = form.rows[entry]
        text = row["outcome"].value
        if not text.strip():
            row["error"].value = error_html(texts.REQUIRED.format(field=labels["outcome"],
                                                                  value="nothing"))
            return
        form.update_row(journal, "reachouts", entry, outcome=text, outcome_at=now())

    def refresh() -> None:
        form.rows = {}
        form.extra.children = tuple(_reach_entry(form, r, record_outcome, labels)
                                    for r in journal.records("reachouts", newest_first=True))

    def handler() -> object:
        f = form.fields
        entry = add_checked(journal, "reachouts", {name: f[name].value
                                                   for name in ("plan", "expectation", "why")})
        form.reset()
        return entry

    form.handler, form.after_save = handler, refresh
    refresh()
    return form


def _reach_entry(form: Form, row: dict[str, Any], record_outcome: Any,
                 labels: dict[str, str]) -> widgets.Widget:
    before = widgets.HTML(entry_html(f"{texts.REACH_BEFORE} · {row['day']}", [
        f"{labels[name]}: {row[name]}" for name in ("plan", "expectation", "why") if row[name]]))
    half = widgets.Layout(width="48%")
    before.layout = half
    if row["outcome"]:
        after: widgets.Widget = widgets.HTML(entry_html(texts.REACH_AFTER, [row["outcome"]]))
        after.layout = half
        return widgets.HBox([before, after])
    entry = int(row["id"])
    outcome = labelled(widgets.Textarea(rows=3, layout=WIDE), labels["outcome"])
    save = widgets.Button(description=texts.REACH_SAVE_OUTCOME)
    save.add_class("exback-save-outcome")
    save.on_click(lambda _b: record_outcome(entry))
    error = widgets.HTML("")
    form.rows[entry] = {"outcome": outcome, "save": save, "error": error}
    pending = widgets.HTML(f"<b>{esc(texts.REACH_AFTER)}</b> <i>{esc(texts.REACH_PENDING)}</i>")
    return widgets.HBox([before, widgets.VBox([pending, outcome, save, error], layout=half)])

