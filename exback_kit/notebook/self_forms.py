"""Who am I now (03 and 09): notes on what you like, value and do; the weekly "I know who I
am apart from them"; and the optional "we" and "I" counts.

Each builder is ``name(journal, *, on_save=None)`` returning a
:class:`~exback_kit.notebook.form_kit.Form` (see there). Everything the person wrote is
escaped before it is shown; every prompt can be skipped.
"""

from __future__ import annotations

from datetime import date, timedelta

import ipywidgets as widgets

from exback_kit.content import texts
from exback_kit.content.vocab import SELF_KINDS, SELF_SINCE
from exback_kit.domain.self_concept import CLARITY_EVERY_DAYS, WE_I_CHART
from exback_kit.notebook.form_kit import Form, OnSave, add_checked, entry_html, esc
from exback_kit.notebook.inputs import WIDE, checkbox, choice_buttons, scale_buttons
from exback_kit.notebook.parts import chart_view
from exback_kit.notebook.session import session
from exback_kit.store import Journal
from exback_kit.store.settings import WE_I_SETTING

__all__ = ["WE_I_SETTING", "clarity_form", "self_form", "we_i_form"]



def _notes_html(rows: list[dict[str, object]]) -> str:
    """Return the saved notes, grouped by kind, each with "mine from before" or "new"."""
    if not rows:
        return f"<p><i>{esc(texts.SELF_LIST_EMPTY)}</i></p>"
    out = []
    for kind in SELF_KINDS:
        items = [f"{r['item']} ({texts.SELF_TAG[str(r['since'])]})" if r["since"] else
                 str(r["item"]) for r in rows if r["about"] == kind]
        if items:
            out.append(entry_html(texts.SELF_LIST_HEADINGS[kind], items))
    return "".join(out)


def self_form(journal: Journal, *, on_save: OnSave = None) -> Form:
    """Return "Who am I now": add something you like, value or do (yours before, or new)."""
    form = Form("exback-self", texts.SELF_HEADING, intro=texts.SELF_WHY, on_save=on_save)
    form.add("about", choice_buttons(texts.SELF_KINDS), label=texts.SELF_KIND)
    form.add("item", widgets.Text(layout=WIDE), label=texts.SELF_ITEM, help=texts.SELF_ITEM_HELP)
    form.add("since", choice_buttons({s: texts.SELF_SINCES[s] for s in SELF_SINCE if s}),
             label=texts.SELF_SINCE)

    def refresh() -> None:
        form.result.value = _notes_html(journal.records("self_notes"))

    def handler() -> object:
        f = form.fields
        entry = add_checked(journal, "self_notes", {
            "about": f["about"].value, "item": f["item"].value, "since": f["since"].value or ""})
        form.reset()
        form.say(texts.SELF_SAVED)
        return entry

    form.handler, form.after_save = handler, refresh
    refresh()
    return form


def clarity_form(journal: Journal, *, on_save: OnSave = None,
                 today: date | None = None) -> Form:
    """Return the weekly "I know who I am apart from them" (0–10); within a week of the last
    answer it shows that answer and when it asks again, instead of the question."""
    today = today or date.today()
    form = Form("exback-clarity", texts.CLARITY_HEADING, on_save=on_save)
    latest = journal.records("clarity_ratings", newest_first=True, limit=1)
    last = latest[0] if latest else None
    again = last["day"] + timedelta(days=CLARITY_EVERY_DAYS) if last else today
    if last is not None and today < again:
        form.result.value = "<p>{}</p>".format(esc(texts.CLARITY_NOT_YET.format(
            day=last["day"], rating=last["rating"], next_day=again)))
        form.save_button.layout.display = "none"
        return form
    form.add("rating", scale_buttons(0, 10, ends=texts.CLARITY_ENDS),
             label=texts.CLARITY_QUESTION, help=texts.CLARITY_HELP)

    def handler() -> object:
        rating = form.fields["rating"].value
        entry = add_checked(journal, "clarity_ratings", {"rating": rating})
        form.body.children = ()
        form.save_button.layout.display = "none"
        form.say(texts.CLARITY_SAVED.format(rating=rating))
        return entry

    form.handler = handler
    return form


def we_i_form(journal: Journal, *, on_save: OnSave = None) -> Form:
    """Return the switch for "we" and "I" counts (off until turned on) and, when on, the
    chart, counted afresh from the journal each time; nothing but the switch is stored.
    Ticking or unticking the box acts at once (no Save to press)."""
    on = bool(journal.get_setting(WE_I_SETTING, False))
    form = Form("exback-we-i", texts.WE_I_HEADING, intro=texts.WE_I_INTRO, on_save=on_save)
    form.add("on", checkbox(texts.WE_I_TOGGLE, on))
    form.save_button.layout.display = "none"  # the switch acts at once

    def refresh() -> None:
        shown = bool(journal.get_setting(WE_I_SETTING, False))
        form.extra.children = ((chart_view(WE_I_CHART, session().tables(journal)),)
                               if shown else ())

    def handler() -> object:
        turned_on = bool(form.fields["on"].value)
        journal.set_setting(WE_I_SETTING, turned_on)
        form.starts["on"] = turned_on
        form.say(texts.WE_I_ON if turned_on else texts.WE_I_OFF)
        return None

    form.handler, form.after_save = handler, refresh
    form.fields["on"].observe(lambda _change: form.save(), names="value")
    refresh()
    return form
