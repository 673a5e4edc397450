""""Your risky times" without a browser: set .value, click, check the journal and what is shown."""

from __future__ import annotations

import html
from datetime import datetime, timedelta

import ipywidgets as widgets

from exback_kit import stages
from exback_kit.content import texts
from exback_kit.notebook import forms
from exback_kit.notebook.plans_form import plans_form

from .widget_tree import having, html_values, walk, words

PAYLOAD = "<img src=x onerror=alert(1)>"
ESCAPED = html.escape(PAYLOAD)


def errors(form) -> dict[str, str]:
    return {name: html.unescape(e.value) for name, e in form.errors.items() if e.value}


def saturday_nights(journal, weeks: int = 4, acted: int = 1, helped: str = "called Sam") -> None:
    """Log one urge on each of the last ``weeks`` Saturdays at 22:30 local time."""
    now = datetime.now().astimezone()
    last_sat = now - timedelta(days=(now.weekday() - 5) % 7 or 7)
    journal.add_many("urges", [
        {"at": last_sat.replace(hour=22, minute=30) - timedelta(weeks=w), "intensity": 7,
         "acted_on": w < acted, "helped": helped} for w in range(weeks)])


def test_with_no_window_yet_it_says_what_it_needs_without_a_chart(journal):
    form = plans_form(journal)
    text = words(form)
    assert "a few more urges are logged" in text and "3 or more" in text
    assert not [w for w in walk(form) if isinstance(w, widgets.Image)]
    assert form.fields["window"].value is None  # nothing picked for the person
    assert len(form.fields["window"].options) == 84  # but any time of the week can be planned


def test_risky_windows_are_listed_in_words_and_the_top_one_is_offered(journal):
    saturday_nights(journal, weeks=4, acted=1)
    form = plans_form(journal)
    assert "Saturdays 22:00–24:00: 4 urges in 8 weeks, 3 let pass — no plan yet" in words(form)
    assert form.fields["window"].value == "sat 22:00"
    assert form.fields["window"].options[0][0].startswith("Saturdays 22:00–24:00: 4 urges")
    assert form.fields["action"].description == (
        "If it's Saturday 22:00–24:00 and I feel like reaching out, then I will …")


def test_suggestions_come_from_what_helped_this_person(journal):
    saturday_nights(journal, weeks=3, acted=0, helped="called Sam")
    form = plans_form(journal)
    assert form.fields["action"].options[0] == "called Sam"
    assert 'what you wrote under "what helped": called Sam' in words(form)


def test_a_plan_is_saved_then_shown_with_its_review_and_can_be_changed_and_ended(journal):
    saturday_nights(journal)
    saved = []
    form = plans_form(journal, on_save=saved.append)
    form.fields["action"].value = "call Sam first"
    form.save_button.click()
    assert not errors(form)
    [row] = journal.records("plans")
    assert (row["weekday"], row["start_time"], row["action"]) == ("sat", "22:00", "call Sam first")
    assert saved == [row["id"]] and form.message == "Saved your plan for Saturdays 22:00–24:00."
    text = words(form)
    assert "your plan: call Sam first" in text
    assert "In the 8 weeks before this plan: 1 of 4 urges in this window" in text
    assert "Since it began (1 day): 0 of 0 urges." in text
    # the window now has a plan: it is no longer offered for a new one
    assert "sat 22:00" not in [v for _, v in form.fields["window"].options]
    assert form.fields["action"].value == ""

    entry = form.rows[row["id"]]
    entry["action"].value = "call Sam, then make tea"
    entry["save"].click()
    assert journal.records("plans")[0]["action"] == "call Sam, then make tea"
    assert "Saved the change" in form.message and saved == [row["id"]] * 2

    form.rows[row["id"]]["end"].click()
    ended = journal.records("plans")[0]
    assert ended["ended_at"] and ended["action"] == "call Sam, then make tea"  # kept as history
    assert not form.rows and "1 earlier plan ended." in words(form)
    assert "sat 22:00" in [v for _, v in form.fields["window"].options]


def test_an_empty_plan_or_no_window_is_refused_and_nothing_written(journal):
    form = plans_form(journal)
    form.fields["action"].value = "go for a walk"
    form.save_button.click()
    assert "window" in errors(form)
    form.fields["window"].value = "tue 08:00"
    form.fields["action"].value = "   "
    form.save_button.click()
    assert "action" in errors(form)
    assert journal.count("plans") == 0


def test_changing_a_plan_to_nothing_is_refused_on_its_row(journal):
    pid = journal.add("plans", weekday="mon", start_time="08:00", action="breathe")
    form = plans_form(journal)
    form.rows[pid]["action"].value = ""
    form.rows[pid]["save"].click()
    assert "action" in html.unescape(form.rows[pid]["error"].value)
    assert journal.records("plans")[0]["action"] == "breathe"


def test_a_second_plan_for_a_planned_window_is_refused(journal):
    form = plans_form(journal)
    form.fields["window"].value = "fri 20:00"
    journal.add("plans", weekday="fri", start_time="20:00", action="first")  # e.g. from the CLI
    form.fields["action"].value = "second"
    form.save_button.click()
    assert "already have a plan" in errors(form)["window"]
    assert journal.count("plans") == 1


def test_plan_text_and_helped_labels_are_escaped_everywhere(journal):
    saturday_nights(journal, weeks=3, acted=0, helped=PAYLOAD)
    form = plans_form(journal)
    form.fields["action"].value = PAYLOAD
    form.save_button.click()
    assert not errors(form)
    for box in (form, plans_form(journal)):
        values = html_values(box)
        assert not [v for v in values if PAYLOAD in v], "raw payload inside an HTML widget"
        assert any(ESCAPED in v for v in values)


def test_the_form_is_registered_and_sits_in_holding_steady(journal):
    assert "plans_form" in forms.__all__
    stages.use_journal(journal)
    part = stages.section("04_holding_steady", "risky_times")
    assert having(part, "exback-plans")
    assert repr(part) == "exback-kit part 04_holding_steady:section:risky_times"
    assert texts.PLANS_HEADING in words(part)
