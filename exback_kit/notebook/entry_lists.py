"""Forms that keep a list of entries: signals (step 3), meetings (10–13), patterns (4),
repairs (15), agreements (16), milestones (18) and old habits (17).

Each builder is ``name(journal, *, on_save=None) -> Form`` and shows its earlier
entries below the form, every text escaped. Where an entry can be changed later
(a pattern's plan, a repair's status, a milestone done), ``form.rows[entry_id]``
holds the widgets for it.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import TYPE_CHECKING, Any

import ipywidgets as widgets

from exback_kit.content import texts
from exback_kit.content.vocab import FLIRT_LANDED, FLIRTING, REPAIR_STATUSES
from exback_kit.domain import trends
from exback_kit.notebook.form_kit import Form, OnSave, add_checked, entry_html, esc, history_html
from exback_kit.notebook.inputs import WIDE, checkbox, choice_buttons, labelled, scale_buttons
from exback_kit.store import Journal

if TYPE_CHECKING:
    import pandas as pd



def _textarea(rows: int = 2) -> widgets.Textarea:
    return widgets.Textarea(rows=rows, layout=WIDE)


def _simple(journal: Journal, form: Form, kind: str, names: tuple[str, ...],
            render: Callable[[dict[str, Any]], widgets.Widget]) -> Form:
    """Wire a form that adds one ``kind`` entry from ``names`` and lists earlier entries."""

    def refresh() -> None:
        form.rows = {}
        rows = journal.records(kind, newest_first=True)
        shown = [render(r) for r in rows]
        form.extra.children = tuple(shown) if shown else (widgets.HTML(history_html([])),)

    def handler() -> object:
        values = {n: form.fields[n].value for n in names}
        entry = add_checked(journal, kind, values)
        form.reset()
        return entry

    form.handler, form.after_save = handler, refresh
    refresh()
    return form


def _html(title: str, lines: list[str]) -> widgets.HTML:
    return widgets.HTML(entry_html(title, lines))


# --- step 3: signals ----------------------------------------------------------------

def signals_form(journal: Journal, *, on_save: OnSave = None) -> Form:
    """Return the signals log: what reached you in ordinary life, and how warm it seemed."""
    # A one-line reminder: step 3's full note on noticing vs monitoring sits just above it.
    form = Form("exback-signals", texts.SIGNALS_HEADING, intro=texts.SIGNALS_INTRO,
                on_save=on_save)
    form.add("source", widgets.Text(placeholder=texts.SIGNALS_SOURCE_HINT, layout=WIDE),
             label=texts.SIGNALS_SOURCE)
    form.add("what", _textarea(3), label=texts.SIGNALS_WHAT)
    form.add("warmth", scale_buttons(1, 5, ends=texts.SIGNALS_WARMTH_ENDS),
             label=texts.SIGNALS_WARMTH)
    form.add("note", _textarea(), label=texts.NOTE)

    def render(r: dict[str, Any]) -> widgets.Widget:
        warm = f" · {r['warmth']}/5" if r["warmth"] else ""
        return _html(f"{r['day']} · {r['source']}{warm}", [r["what"], r["note"]])

    return _simple(journal, form, "signals", ("source", "what", "warmth", "note"), render)


# --- steps 10–13: meetings ---------------------------------------------------------------

def meeting_form(journal: Journal, *, on_save: OnSave = None) -> Form:
    """Return the meeting log: how it felt, their engagement, topics, flirting, a note.

    Nothing asks whether intimacy was "kept for later": that is a choice, not a test.
    """
    form = Form("exback-meeting", texts.MEETING_HEADING, on_save=on_save)
    form.add("place", widgets.Text(layout=WIDE), label=texts.MEETING_PLACE)
    for name, label in (("felt", texts.MEETING_FELT),
                        ("their_engagement", texts.MEETING_ENGAGEMENT)):
        form.add(name, scale_buttons(1, 10, ends=texts.MEETING_ENDS), label=label)
    form.add("light_topics", checkbox(texts.MEETING_LIGHT))
    form.add("old_wounds", checkbox(texts.MEETING_WOUNDS))
    form.add("flirting", choice_buttons({k: texts.MEETING_FLIRTING_CHOICES[k] for k in FLIRTING},
                                        "none"), label=texts.MEETING_FLIRTING)
    form.add("flirt_landed", choice_buttons({k: texts.MEETING_LANDED_CHOICES[k]
                                             for k in FLIRT_LANDED}, "not_applicable"),
             label=texts.MEETING_LANDED)
    form.add("note", _textarea(), label=texts.NOTE)

    def render(r: dict[str, Any]) -> widgets.Widget:
        title = texts.say(texts.MEETING_ROW, day=r["day"], place=r["place"],
                                         felt=r["felt"] or "–",
                                         engagement=r["their_engagement"] or "–")
        return _html(title, [r["note"]])

    names = ("place", "felt", "their_engagement", "light_topics", "old_wounds", "flirting",
             "flirt_landed", "note")
    return _simple(journal, form, "meetings", names, render)


# --- step 4: patterns ---------------------------------------------------------------------

def patterns_form(journal: Journal, *, on_save: OnSave = None) -> Form:
    """Return the patterns list (step 4): each pattern, its root and a plan you can update."""
    form = Form("exback-patterns", texts.PATTERNS_HEADING, on_save=on_save)
    form.add("pattern", widgets.Text(layout=WIDE), label=texts.PATTERN)
    form.add("root", _textarea(), label=texts.PATTERN_ROOT)
    form.add("plan", _textarea(), label=texts.PATTERN_PLAN)

    def save_plan(entry: int) -> None:
        form.update_row(journal, "patterns", entry, plan=form.rows[entry]["plan"].value)

    def render(r: dict[str, Any]) -> widgets.Widget:
        shown = _html(r["pattern"], [r["root"], r["plan"] or texts.PATTERN_NO_PLAN])
        inputs = {"plan": labelled(_textarea(), texts.PATTERN_PLAN)}
        return _editable(form, r, shown, inputs, texts.PATTERN_SAVE_PLAN,
                         save_plan, prefill={"plan": r["plan"]})

    return _simple(journal, form, "patterns", ("pattern", "root", "plan"), render)


def _editable(form: Form, r: dict[str, Any], shown: widgets.Widget, inputs: dict[str, Any],
              label: str, action: Callable[[int], None], *,
              prefill: dict[str, Any] | None = None) -> widgets.Widget:
    """Return an entry with inputs and a button that updates it; registered in form.rows."""
    entry = int(r["id"])
    for name, value in (prefill or {}).items():
        inputs[name].value = value
    button = widgets.Button(description=label)
    button.add_class("exback-update")
    button.on_click(lambda _b: action(entry))
    error = widgets.HTML("")
    form.rows[entry] = {**inputs, "save": button, "error": error}
    return widgets.VBox([shown, *inputs.values(), button, error])


# --- step 15: repairs -------------------------------------------------------------------------

def repairs_form(journal: Journal, *, on_save: OnSave = None) -> Form:
    """Return the issues behind the breakup and how each will be repaired, with a status."""
    form = Form("exback-repairs", texts.REPAIRS_HEADING, on_save=on_save)
    form.add("issue", _textarea(), label=texts.REPAIR_ISSUE)
    form.add("plan", _textarea(), label=texts.REPAIR_PLAN)
    statuses = {k: texts.REPAIR_STATUSES[k] for k in REPAIR_STATUSES}
    form.add("status", choice_buttons(statuses, "open"), label=texts.REPAIR_STATUS)

    def update(entry: int) -> None:
        row = form.rows[entry]
        form.update_row(journal, "repairs", entry, plan=row["plan"].value,
                        status=row["status"].value)

    def render(r: dict[str, Any]) -> widgets.Widget:
        shown = _html(f"{r['day']} · {texts.REPAIR_STATUSES[r['status']]}",
                      [r["issue"], r["plan"]])
        inputs = {"plan": labelled(_textarea(), texts.REPAIR_PLAN),
                  "status": labelled(choice_buttons(statuses, r["status"]), texts.REPAIR_STATUS)}
        return _editable(form, r, shown, inputs, texts.REPAIR_UPDATE, update,
                         prefill={"plan": r["plan"]})

    return _simple(journal, form, "repairs", ("issue", "plan", "status"), render)


# --- step 16: agreements ---------------------------------------------------------------------

def agreements_form(journal: Journal, *, on_save: OnSave = None) -> Form:
    """Return the agreements for relationship 2.0, each with an optional note."""
    form = Form("exback-agreements", texts.AGREEMENTS_HEADING, on_save=on_save)
    form.add("text", _textarea(), label=texts.AGREEMENT_TEXT)
    form.add("note", _textarea(), label=texts.NOTE)

    def render(r: dict[str, Any]) -> widgets.Widget:
        return _html(str(r["day"]), [r["text"], r["note"]])

    return _simple(journal, form, "agreements", ("text", "note"), render)


# --- step 18: milestones --------------------------------------------------------------------

def milestones_form(journal: Journal, *, on_save: OnSave = None) -> Form:
    """Return milestones with target dates (future allowed); each can be marked done."""
    form = Form("exback-milestones", texts.MILESTONES_HEADING, on_save=on_save)
    form.add("title", widgets.Text(layout=WIDE), label=texts.MILESTONE_TITLE)
    form.add("target_day", widgets.DatePicker(value=None), label=texts.MILESTONE_TARGET)
    form.add("note", _textarea(), label=texts.NOTE)

    def mark_done(entry: int) -> None:
        form.update_row(journal, "milestones", entry, done_day=date.today())

    def render(r: dict[str, Any]) -> widgets.Widget:
        when = (texts.say(texts.MILESTONE_ROW_DONE, day=r["done_day"]) if r["done_day"] else
                texts.say(texts.MILESTONE_ROW_TARGET, day=r["target_day"]) if r["target_day"]
                else "")
        shown = _html(f"{r['title']} · {when}" if when else r["title"], [r["note"]])
        if r["done_day"]:
            return shown
        return _editable(form, r, shown, {}, texts.MILESTONE_DONE, mark_done)

    return _simple(journal, form, "milestones", ("title", "target_day", "note"), render)


# --- step 17: old habits ------------------------------------------------------------------------

def old_habits_form(journal: Journal, *, on_save: OnSave = None) -> Form:
    """Return the old-habits log (checking their phone, re-arguing…): things to do less of.

    Below the form: each habit's count in the last 14 days and the 14 before
    (:func:`exback_kit.domain.trends.habit_counts`).
    """
    form = Form("exback-old-habits", texts.OLD_HABITS_HEADING, intro=texts.OLD_HABITS_INTRO,
                on_save=on_save)
    form.add("habit", widgets.Combobox(options=list(texts.OLD_HABIT_SUGGESTIONS),
                                       ensure_option=False, layout=WIDE), label=texts.OLD_HABIT)
    form.add("note", _textarea(), label=texts.NOTE)
    counts = widgets.HTML()

    def render(r: dict[str, Any]) -> widgets.Widget:
        return _html(f"{r['day']} · {r['habit']}", [r["note"]])

    _simple(journal, form, "old_habits", ("habit", "note"), render)
    inner = form.after_save

    def refresh() -> None:
        if inner is not None:
            inner()
        counts.value = _habit_counts_html(journal.table("old_habits"), date.today())
        form.extra.children = (counts, *form.extra.children)

    form.after_save = refresh
    refresh()
    return form


def _habit_counts_html(old_habits: pd.DataFrame, today: date) -> str:
    """Return escaped lines comparing each habit's last 14 days with the 14 before."""
    lines = [texts.OLD_HABITS_COUNT.format(habit=row.Index, recent=row.recent, before=row.before)
             for row in trends.habit_counts(old_habits, today).itertuples()]
    return "".join(f"<div>{esc(line)}</div>" for line in lines)


__all__ = ["agreements_form", "meeting_form", "milestones_form", "old_habits_form",
           "patterns_form", "repairs_form", "signals_form"]
