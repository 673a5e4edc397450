"""The open road's review day: a day to decide whether to keep trying, with the signs of
the old on-and-off cycle beside it. Kept as a setting; the calendar file carries it."""

from __future__ import annotations

from datetime import date

import ipywidgets as widgets

from exback_kit.content import texts
from exback_kit.errors import ValidationError
from exback_kit.notebook.form_kit import Form, OnSave, esc
from exback_kit.store import Journal
from exback_kit.store.settings import REVIEW_SETTING


def review_form(journal: Journal, *, on_save: OnSave = None) -> Form:
    """Return the review-day form: a labelled date; Save keeps it, an empty date clears it.

    A day before today is refused with a message naming the field; nothing is written.
    """
    signs = "".join(f"<li>{esc(s)}</li>" for s in texts.REVIEW_SIGNS)
    form = Form("exback-review", texts.REVIEW_HEADING, intro=texts.REVIEW_INTRO,
                on_save=on_save)
    form.header.value += f"<ul>{signs}</ul>"
    saved = journal.get_setting(REVIEW_SETTING)
    form.add("day", widgets.DatePicker(value=_saved_day(saved)), label=texts.REVIEW_DAY)

    def refresh() -> None:
        day = journal.get_setting(REVIEW_SETTING)
        form.result.value = f"<p>{esc(texts.say(texts.REVIEW_CURRENT, day=day))}</p>" if day else ""

    def handler() -> object:
        day = form.fields["day"].value
        if day is None:
            journal.set_setting(REVIEW_SETTING, None)
            form.say(texts.REVIEW_CLEARED)
            return None
        if day < date.today():
            raise ValidationError(texts.say(texts.REVIEW_PAST, day=day), field="day")
        journal.set_setting(REVIEW_SETTING, day.isoformat())
        form.say(texts.say(texts.REVIEW_SAVED, day=day))
        return None

    form.handler, form.after_save = handler, refresh
    refresh()
    return form


def _saved_day(value: object) -> date | None:
    """Return the saved review day, or None if the setting holds no valid date."""
    if not isinstance(value, str):
        return None
    try:
        return date.fromisoformat(value)
    except ValueError:
        return None
