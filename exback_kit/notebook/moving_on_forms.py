"""The moving-on stage's forms (09): reflections, the clear-eyed list and two checklists.

Each builder is ``name(journal, *, on_save=None) -> Form`` (see
:mod:`exback_kit.notebook.form_kit`); the words come from the stage's topics in
``data/topics_09_moving_on.toml`` and from :mod:`exback_kit.content.texts`. Every
prompt can be skipped, and everything the person wrote is escaped before it is
shown in HTML.

- :func:`grief_form`, :func:`self_compassion_form`, :func:`future_form`: prompts whose
  answers are saved as reflections (a new row only when an answer changed; the form
  opens pre-filled with the latest ones).
- :func:`clear_eyed_form`: what didn't work, paired with something pleasant to do next,
  with feelings for them and mood rated 0–10 before and, on the listed entry, after.
- :func:`devices_form`, :func:`untangling_form`: the person's own checklists; each item
  keeps the day it was done (``form.rows[entry_id]`` holds its date, buttons and error).
"""

from __future__ import annotations

import html
from collections.abc import Sequence
from datetime import date
from typing import Any

import ipywidgets as widgets

from exback_kit import content
from exback_kit.content import Question, Topic, texts
from exback_kit.errors import ValidationError
from exback_kit.notebook.answers import answer_changes
from exback_kit.notebook.form_kit import (
    UNCHANGED,
    Form,
    OnSave,
    add_checked,
    entry_html,
    error_html,
    esc,
    history_html,
)
from exback_kit.notebook.inputs import WIDE, CheckGroup, labelled, question_widget, scale_buttons
from exback_kit.notebook.look import LINK_STYLE
from exback_kit.store import Journal, reads
from exback_kit.store.validate import now

__all__ = ["clear_eyed_form", "devices_form", "future_form", "grief_form",
           "self_compassion_form", "untangling_form"]

CONTACT_LOG = "01_space_and_clarity.ipynb"


def _topic(topic_id: str) -> Topic:
    return content.load().topic(topic_id)


def _intro(topic: Topic, *, skip_hint: bool = True) -> str:
    return "\n\n".join([topic.idea, *topic.notes, *([texts.SKIP_HINT] if skip_hint else [])])


# --- reflections: prompts answered in the person's own words ------------------------------

def _changed(journal: Journal, topic: Topic, form: Form) -> list[tuple[str, object]]:
    """Return (question id, value) for answers that differ from the saved ones.

    The same rule as the step forms: a skipped question that had an answer is saved
    as cleared; an unchanged one writes nothing.

    Raises:
        Problems: some answers don't fit their question.
    """
    latest = journal.latest_reflections(topic.id)
    return answer_changes(topic.questions, form, latest)


def _reflection_form(journal: Journal, topic_id: str, *, css: str, on_save: OnSave) -> Form:
    """Return a topic's prompts as a form, pre-filled with the latest answers."""
    topic = _topic(topic_id)
    form = Form(css, topic.title, intro=_intro(topic), on_save=on_save)
    form.add_class("exback-reflections")
    latest = journal.latest_reflections(topic.id)
    questions: Sequence[Question] = topic.questions
    for q in questions:
        w, shown = question_widget(q, latest.get(q.id))
        form.add(q.id, w, label=q.text, help=q.help, display=shown)

    def handler() -> object:
        changes = _changed(journal, topic, form)
        if not changes:
            return UNCHANGED
        journal.add_many("reflections", [{"topic": topic.id, "question": qid, "value": value}
                                         for qid, value in changes])
        form.say(texts.say(texts.REFLECTION_SAVED, count=len(changes)))
        return None

    form.handler = handler
    return form


def grief_form(journal: Journal, *, on_save: OnSave = None) -> Form:
    """Return what you are grieving, what you learned and what you'd keep for next time."""
    return _reflection_form(journal, "grief", css="exback-grief", on_save=on_save)


def self_compassion_form(journal: Journal, *, on_save: OnSave = None) -> Form:
    """Return the short self-compassion exercise (four prompts, each skippable)."""
    return _reflection_form(journal, "self_compassion", css="exback-self-compassion",
                            on_save=on_save)


def future_form(journal: Journal, *, on_save: OnSave = None) -> Form:
    """Return the future: goals, new routines and "someday, dating again — no rush"."""
    return _reflection_form(journal, "future", css="exback-future", on_save=on_save)


# --- the clear-eyed list ---------------------------------------------------------------------

def _rating(value: object) -> str:
    return str(value) if value is not None else texts.CLEAR_EYED_NO_RATING


def _before_after(before: object, after: object) -> str:
    if after is None:
        return _rating(before)
    return f"{_rating(before)} → {_rating(after)}"


def clear_eyed_form(journal: Journal, *, on_save: OnSave = None) -> Form:
    """Return the clear-eyed list: something that didn't work, something pleasant next, and
    feelings for them and mood 0–10 before; each listed entry takes its after-ratings.

    ``form.rows[entry_id]`` holds an entry's ``feelings_after`` and ``mood_after`` buttons,
    its ``save`` button and its ``error`` line, until the after-ratings are saved.
    """
    topic = _topic("clear_eyed")
    form = Form("exback-clear-eyed", topic.title, intro=_intro(topic), on_save=on_save)
    for name, label, pair in (
            ("feelings_before", texts.CLEAR_EYED_FEELINGS_BEFORE, texts.CLEAR_EYED_FEELINGS_ENDS),
            ("mood_before", texts.CLEAR_EYED_MOOD_BEFORE, texts.CLEAR_EYED_MOOD_ENDS)):
        form.add(name, scale_buttons(0, 10, ends=pair), label=label)
    form.add("what", widgets.Textarea(rows=2, layout=WIDE), label=texts.CLEAR_EYED_WHAT,
             help=texts.CLEAR_EYED_WHAT_HELP)
    form.add("pleasant", widgets.Text(placeholder=texts.CLEAR_EYED_PLEASANT_HINT, layout=WIDE),
             label=texts.CLEAR_EYED_PLEASANT)
    form.add("note", widgets.Textarea(rows=2, layout=WIDE), label=texts.NOTE)

    def save_after(entry: int) -> None:
        row = form.rows[entry]
        feelings, mood = row["feelings_after"].value, row["mood_after"].value
        if feelings is None and mood is None:
            row["error"].value = error_html(texts.CLEAR_EYED_AFTER_NEEDED)
            return
        form.update_row(journal, "reappraisals", entry, texts.CLEAR_EYED_AFTER_SAVED,
                        feelings_after=feelings, mood_after=mood, after_at=now())

    def refresh() -> None:
        form.rows = {}
        rows = journal.records("reappraisals", newest_first=True)
        shown = [_clear_eyed_entry(form, r, save_after) for r in rows]
        form.extra.children = tuple(shown) if shown else (widgets.HTML(history_html([])),)

    def handler() -> object:
        f = form.fields
        entry = add_checked(journal, "reappraisals", {
            name: f[name].value for name in ("feelings_before", "mood_before", "what",
                                             "pleasant", "note")})
        form.reset()
        form.say(texts.CLEAR_EYED_SAVED)
        return entry

    form.handler, form.after_save = handler, refresh
    refresh()
    return form


def _clear_eyed_entry(form: Form, r: dict[str, Any], save_after: Any) -> widgets.Widget:
    ratings = texts.CLEAR_EYED_RATINGS.format(
        feelings=_before_after(r["feelings_before"], r["feelings_after"]),
        mood=_before_after(r["mood_before"], r["mood_after"]))
    lines = [r["what"], texts.CLEAR_EYED_NEXT.format(pleasant=r["pleasant"]) if r["pleasant"]
             else "", r["note"]]
    shown = widgets.HTML(entry_html(f"{r['day']} · {ratings}", lines))
    if r["after_at"]:
        return shown
    entry = int(r["id"])
    feelings = labelled(scale_buttons(0, 10, ends=texts.CLEAR_EYED_FEELINGS_ENDS),
                        texts.CLEAR_EYED_FEELINGS_AFTER)
    mood = labelled(scale_buttons(0, 10, ends=texts.CLEAR_EYED_MOOD_ENDS),
                    texts.CLEAR_EYED_MOOD_AFTER)
    save = widgets.Button(description=texts.CLEAR_EYED_SAVE_AFTER)
    save.add_class("exback-save-after")
    save.on_click(lambda _b: save_after(entry))
    error = widgets.HTML("")
    form.rows[entry] = {"feelings_after": feelings, "mood_after": mood, "save": save,
                        "error": error}
    return widgets.VBox([
        shown, widgets.HTML(f"<i>{esc(texts.CLEAR_EYED_AFTER_INTRO)}</i>"),
        feelings, mood, save, error])


# --- checklists: devices and untangling ------------------------------------------------------

def _same_item(a: str, b: str) -> bool:
    return a.strip().casefold() == b.strip().casefold()


def _checklist_form(journal: Journal, checklist: str, *, css: str, on_save: OnSave,
                    footer: str = "") -> Form:
    """Return a checklist: suggestions to pick, an item of your own, and the list with dates done.

    Args:
        footer: kit-written HTML shown under the list (e.g. a link to the contact log).
    """
    topic = _topic(checklist)
    # The idea already says to add only what fits: a checklist asks no questions to skip.
    form = Form(css, topic.title, intro=_intro(topic, skip_hint=False), on_save=on_save)
    form.add_class("exback-checklist")
    suggested = CheckGroup([(s, s) for s in topic.suggestions])
    form.add("suggested", suggested, label=texts.CHECKLIST_SUGGESTED)
    form.add("own", widgets.Text(layout=WIDE), label=texts.CHECKLIST_OWN)

    def items() -> list[dict[str, Any]]:
        return reads.checklist_items(journal, checklist)

    def set_done(entry: int, day: date | None) -> None:
        message = (texts.say(texts.CHECKLIST_MARKED, day=day) if day is not None
                   else texts.CHECKLIST_REOPENED)
        form.update_row(journal, "checklist_items", entry, message, done_day=day)

    def refresh() -> None:
        form.rows = {}
        rows = items()
        on_list = [r["item"] for r in rows]
        for text, box in suggested.boxes.items():
            box.disabled = any(_same_item(text, item) for item in on_list)
        done = sum(1 for r in rows if r["done_day"])
        head = (texts.say(texts.CHECKLIST_COUNT, done=done, count=len(rows)) if rows
                else texts.CHECKLIST_EMPTY)
        shown: list[widgets.Widget] = [widgets.HTML(
            f"<p><b>{esc(texts.CHECKLIST_HEADING)}</b> {esc(head)}</p>")]
        shown += [_checklist_entry(form, r, set_done) for r in rows]
        if footer:
            shown.append(widgets.HTML(footer))
        form.extra.children = tuple(shown)

    def handler() -> object:
        f = form.fields
        on_list = [r["item"] for r in items()]
        wanted = [s for s in f["suggested"].value]
        own = f["own"].value.strip()
        if own:
            wanted.append(own)
        if not wanted:
            form.say(texts.CHECKLIST_NOTHING)
            return UNCHANGED
        new = [w for i, w in enumerate(wanted) if not any(_same_item(w, x) for x in on_list)
               and not any(_same_item(w, x) for x in wanted[:i])]
        if not new:
            form.say(texts.CHECKLIST_ALREADY)
            return UNCHANGED
        try:
            journal.add_many("checklist_items", [{"checklist": checklist, "item": w}
                                                 for w in new])
        except ValidationError as exc:  # only the person's own item can be refused
            raise ValidationError(str(exc), field="own") from None
        form.reset()
        form.say(texts.say(texts.CHECKLIST_ADDED, count=len(new)))
        return None

    form.handler, form.after_save = handler, refresh
    refresh()
    return form


def _checklist_entry(form: Form, r: dict[str, Any], set_done: Any) -> widgets.Widget:
    entry = int(r["id"])
    error = widgets.HTML("")
    if r["done_day"]:
        shown = widgets.HTML(entry_html(texts.CHECKLIST_DONE_ROW.format(item=r["item"],
                                                                        day=r["done_day"])))
        undo = widgets.Button(description=texts.CHECKLIST_UNDO,
                              layout=widgets.Layout(width="auto"))
        undo.add_class("exback-checklist-undo")
        undo.on_click(lambda _b: set_done(entry, None))
        form.rows[entry] = {"undo": undo, "error": error}
        return widgets.VBox([shown, widgets.HBox([undo]), error])
    shown = widgets.HTML(entry_html(texts.CHECKLIST_OPEN.format(item=r["item"])))
    day = widgets.DatePicker(value=date.today(), description=texts.CHECKLIST_DONE_ON)
    done = widgets.Button(description=texts.CHECKLIST_MARK_DONE)
    done.add_class("exback-checklist-done")
    done.on_click(lambda _b: set_done(entry, day.value))
    form.rows[entry] = {"done_day": day, "done": done, "error": error}
    return widgets.VBox([shown, widgets.HBox([day, done]), error])


def devices_form(journal: Journal, *, on_save: OnSave = None) -> Form:
    """Return your checklist for their presence on your devices (mute, unfollow, archive)."""
    return _checklist_form(journal, "devices", css="exback-devices", on_save=on_save)


def untangling_form(journal: Journal, *, on_save: OnSave = None) -> Form:
    """Return the practical untangling checklist, with a link to log needed contact."""
    link = (f'<p><a href="{html.escape(CONTACT_LOG)}" style="{LINK_STYLE}">'
            f"{esc(texts.CHECKLIST_CONTACT_LINK)}</a></p>")
    return _checklist_form(journal, "untangling", css="exback-untangling", on_save=on_save,
                           footer=link)
