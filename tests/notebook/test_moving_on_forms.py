"""The moving-on stage's forms (09): they save, open again pre-filled or listed, and chart."""

from __future__ import annotations

import html
from datetime import date, timedelta

import ipywidgets as widgets
import pytest

from exback_kit import charts, content
from exback_kit.content import texts
from exback_kit.notebook import forms
from exback_kit.notebook.form_kit import Form
from exback_kit.store.reads import load_tables

from .widget_tree import walk, words


def errors(form: Form) -> dict[str, str]:
    return {name: html.unescape(e.value) for name, e in form.errors.items() if e.value}


# --- reflections: grief, self-compassion, the future ------------------------------------------

@pytest.mark.parametrize("name, topic", [("grief_form", "grief"),
                                         ("self_compassion_form", "self_compassion"),
                                         ("future_form", "future")])
def test_each_prompt_form_asks_its_topics_questions_and_says_they_can_be_skipped(
        journal, name, topic):
    form = getattr(forms, name)(journal)
    asked = content.load().topic(topic)
    assert list(form.fields) == [q.id for q in asked.questions]
    assert texts.SKIP_HINT in html.unescape(form.header.value)
    assert asked.title in html.unescape(form.header.value)


def test_grief_answers_are_saved_and_the_form_opens_pre_filled(journal):
    form = forms.grief_form(journal)
    form.fields["grieving"].value = ("the_plans", "who_we_were")
    form.fields["learned"].value = "I need more quiet than I thought."
    form.save_button.click()
    assert form.message == texts.say(texts.REFLECTION_SAVED, count=2)
    assert journal.latest_reflections("grief") == {
        "grieving": ["the_plans", "who_we_were"], "learned": "I need more quiet than I thought."}
    again = forms.grief_form(journal)
    assert again.fields["grieving"].value == ("the_plans", "who_we_were")
    assert again.fields["learned"].value == "I need more quiet than I thought."
    assert again.fields["keep"].value == ""


def test_saving_unchanged_reflections_writes_nothing_and_a_change_keeps_history(journal):
    form = forms.future_form(journal)
    form.fields["dating"].value = "not_now"
    form.save_button.click()
    form.save_button.click()
    assert form.message == texts.NOTHING_CHANGED
    assert journal.count("reflections") == 1
    form.fields["dating"].value = "someday"
    form.save_button.click()
    assert journal.count("reflections") == 2  # the earlier answer stays as history
    assert journal.latest_reflections("future") == {"dating": "someday"}


def test_clearing_a_reflection_saves_it_as_empty(journal):
    form = forms.self_compassion_form(journal)
    form.fields["kind_act"].value = "a bath"
    form.save_button.click()
    form.fields["kind_act"].value = ""
    form.save_button.click()
    assert journal.latest_reflections("self_compassion") == {"kind_act": ""}
    assert forms.self_compassion_form(journal).fields["kind_act"].value == ""


def test_an_overlong_reflection_is_refused_next_to_its_field(journal):
    form = forms.self_compassion_form(journal)
    form.fields["kind_act"].value = "x" * 500
    form.save_button.click()
    assert "kind_act" in errors(form)
    assert journal.count("reflections") == 0


def test_reflections_are_kept_apart_from_the_numbered_steps(journal):
    form = forms.grief_form(journal)
    form.fields["learned"].value = "patience"
    form.save_button.click()
    assert journal.count("answers") == 0
    assert forms.future_form(journal).fields["goals"].value == ""


# --- the clear-eyed list ------------------------------------------------------------------

def _add_clear_eyed(journal, **values):
    form = forms.clear_eyed_form(journal)
    for name, value in values.items():
        form.fields[name].value = value
    form.save_button.click()
    return form


def test_clear_eyed_saves_the_line_its_pleasant_pair_and_the_before_ratings(journal):
    form = _add_clear_eyed(journal, feelings_before=8, mood_before=3,
                           what="We never finished an argument.", pleasant="Swim")
    assert form.message == texts.CLEAR_EYED_SAVED
    row = journal.records("reappraisals")[0]
    assert (row["what"], row["pleasant"], row["feelings_before"], row["mood_before"]) == (
        "We never finished an argument.", "Swim", 8, 3)
    assert row["feelings_after"] is None and row["after_at"] is None
    assert form.fields["what"].value == "" and form.fields["feelings_before"].value is None
    assert "We never finished an argument." in words(form)
    assert "Next: Swim" in words(form)


def test_clear_eyed_takes_its_after_ratings_on_the_listed_entry(journal):
    form = _add_clear_eyed(journal, feelings_before=8, mood_before=3, what="plans fell through")
    entry = journal.records("reappraisals")[0]["id"]
    form.rows[entry]["feelings_after"].value = 6
    form.rows[entry]["mood_after"].value = 5
    form.rows[entry]["save"].click()
    row = journal.records("reappraisals")[0]
    assert (row["feelings_after"], row["mood_after"]) == (6, 5) and row["after_at"]
    assert form.message == texts.CLEAR_EYED_AFTER_SAVED
    assert entry not in form.rows  # done: no more buttons for it
    reopened = forms.clear_eyed_form(journal)
    assert "feelings for them 8 → 6 · mood 3 → 5" in words(reopened)
    assert entry not in reopened.rows


def test_clear_eyed_after_needs_at_least_one_rating(journal):
    form = _add_clear_eyed(journal, what="too many silences")
    entry = journal.records("reappraisals")[0]["id"]
    form.rows[entry]["save"].click()
    assert texts.CLEAR_EYED_AFTER_NEEDED in html.unescape(form.rows[entry]["error"].value)
    assert journal.records("reappraisals")[0]["after_at"] is None


def test_clear_eyed_needs_a_line_and_writes_nothing_without_one(journal):
    form = _add_clear_eyed(journal, feelings_before=5, pleasant="a film")
    assert "what" in errors(form)
    assert journal.count("reappraisals") == 0


def test_clear_eyed_before_and_after_are_charted(journal):
    form = _add_clear_eyed(journal, feelings_before=9, mood_before=2, what="w")
    entry = journal.records("reappraisals")[0]["id"]
    form.rows[entry]["feelings_after"].value = 7
    form.rows[entry]["mood_after"].value = 4
    form.rows[entry]["save"].click()
    fig, sentence = charts.render("reappraisal", load_tables(journal))
    assert fig.axes[0].lines
    assert sentence == texts.say(texts.SUMMARY_PAIRS, count=1, changes=(
        "feelings for them went from 9 to 7, and mood went from 2 to 4"))


# --- checklists: devices and untangling ---------------------------------------------------

def test_devices_offers_the_kits_suggestions_and_adds_the_ones_ticked(journal):
    form = forms.devices_form(journal)
    offered = content.load().topic("devices").suggestions
    assert set(form.fields["suggested"].boxes) == set(offered)
    form.fields["suggested"].value = ("Mute their chats", "Stop sharing my location with them")
    form.fields["own"].value = "Hide their birthday from my calendar"
    form.save_button.click()
    assert form.message == texts.say(texts.CHECKLIST_ADDED, count=3)
    items = [r["item"] for r in journal.records("checklist_items")]
    assert items == ["Mute their chats", "Stop sharing my location with them",
                     "Hide their birthday from my calendar"]
    assert {r["checklist"] for r in journal.records("checklist_items")} == {"devices"}
    assert form.fields["suggested"].boxes["Mute their chats"].disabled  # already on the list
    assert not form.fields["suggested"].boxes["Mute their chats"].value
    assert "0 of 3 items done." in words(form)


def test_a_checklist_item_already_on_the_list_is_not_added_twice(journal):
    form = forms.devices_form(journal)
    form.fields["own"].value = "Mute their chats"
    form.save_button.click()
    form.fields["own"].value = "  mute their CHATS "
    form.save_button.click()
    assert form.message == texts.CHECKLIST_ALREADY
    assert journal.count("checklist_items") == 1


def test_saving_an_empty_checklist_form_says_what_to_do(journal):
    form = forms.untangling_form(journal)
    form.save_button.click()
    assert form.message == texts.CHECKLIST_NOTHING
    assert journal.count("checklist_items") == 0


def test_an_item_is_marked_done_on_the_day_chosen_and_can_be_reopened(journal):
    form = forms.untangling_form(journal)
    form.fields["suggested"].value = ("Return their belongings",)
    form.save_button.click()
    entry = journal.records("checklist_items")[0]["id"]
    last_week = date.today() - timedelta(days=7)
    form.rows[entry]["done_day"].value = last_week
    form.rows[entry]["done"].click()
    assert journal.records("checklist_items")[0]["done_day"] == last_week
    assert f"✓ Return their belongings · done {last_week}" in words(form)
    assert "1 of 1 item done." in words(form)
    reopened = forms.untangling_form(journal)
    assert f"done {last_week}" in words(reopened)
    reopened.rows[entry]["undo"].click()
    assert journal.records("checklist_items")[0]["done_day"] is None
    assert "○ Return their belongings" in words(reopened)


def test_a_done_day_in_the_future_is_refused_on_its_row(journal):
    form = forms.devices_form(journal)
    form.fields["own"].value = "Archive photos"
    form.save_button.click()
    entry = journal.records("checklist_items")[0]["id"]
    form.rows[entry]["done_day"].value = date.today() + timedelta(days=2)
    form.rows[entry]["done"].click()
    assert "future" in html.unescape(form.rows[entry]["error"].value)
    assert journal.records("checklist_items")[0]["done_day"] is None


def test_the_two_checklists_are_kept_apart(journal):
    devices = forms.devices_form(journal)
    devices.fields["own"].value = "Mute their chats"
    devices.save_button.click()
    untangling = forms.untangling_form(journal)
    assert texts.CHECKLIST_EMPTY in words(untangling)
    assert "Mute their chats" not in words(untangling)


def test_untangling_links_to_the_contact_log_for_needed_contact(journal):
    form = forms.untangling_form(journal)
    links = [w.value for w in walk(form) if isinstance(w, widgets.HTML) and "<a " in w.value]
    assert any('href="01_space_and_clarity.ipynb"' in v for v in links)
    assert texts.CHECKLIST_CONTACT_LINK in words(form)
    assert "logistics" in words(form)


# --- how much they were on your mind (the check-in) -------------------------------------------

def test_the_checkin_asks_how_much_they_took_up_your_mind_and_saves_it(journal):
    form = forms.checkin_form(journal)
    assert form.fields["mind"].value is None  # optional: nothing picked
    assert form.fields["mind"].description == texts.CHECKIN_MIND  # its own label
    form.fields["mind"].value = 0
    form.save_button.click()
    assert journal.records("checkins")[0]["mind"] == 0
    assert form.fields["mind"].value is None  # the next check-in starts fresh
    form.save_button.click()
    assert journal.records("checkins", newest_first=True)[0]["mind"] is None


def test_mind_from_the_checkin_is_charted_with_mood(journal):
    form = forms.checkin_form(journal)
    form.fields["mood"].value = 4
    form.fields["mind"].value = 9
    form.save_button.click()
    fig, sentence = charts.render("mind", load_tables(journal))
    # the day's point; one day draws no 7-day average yet
    assert [line.get_ydata()[-1] for line in fig.axes[0].lines] == [9.0]
    assert sentence == texts.say(texts.SUMMARY_MIND_WEEK, mean="9", days=1)
