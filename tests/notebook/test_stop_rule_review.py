"""The open road's stop rule (steps 9, 10, 14 and the decision journal), and its review day:
the signs of the old on-and-off cycle, a day in the calendar, gone off the open road."""

from __future__ import annotations

import html
from datetime import date, timedelta

import pytest

from exback_kit import content
from exback_kit.content import texts
from exback_kit.errors import ValidationError
from exback_kit.interchange import reminders as remind
from exback_kit.notebook import forms
from exback_kit.store.settings import REVIEW_SETTING

BOUNDARIES = content.load().boundary_questions


def road(journal, answers=None, decision=None):
    for q in BOUNDARIES:
        journal.save_answer(0, q, (answers or {}).get(q, "no"))
    if decision:
        journal.add("decisions", decision=decision)


def words(form) -> str:
    from .test_gated_pages import seen_text
    return html.unescape(seen_text(form))


@pytest.mark.parametrize("step", [9, 10, 14])
def test_the_stop_rule_is_said_where_contact_is_prepared_on_the_open_road(journal, step):
    road(journal)
    assert texts.STOP_RULE in words(forms.step_form(journal, step))


@pytest.mark.parametrize(("answers", "decision"), [({"no_contact_asked": "yes"}, None),
                                                   ({}, "move_on")])
def test_off_the_open_road_step_9_and_the_journal_have_no_stop_rule(journal, answers, decision):
    road(journal, answers, decision)
    for form in (forms.step_form(journal, 9), forms.decision_journal(journal)):
        assert texts.STOP_RULE not in words(form)


def test_the_decision_journal_opens_with_the_stop_rule_on_the_open_road(journal):
    road(journal)
    assert texts.STOP_RULE in words(forms.decision_journal(journal))
    assert "Start here (00)" in texts.STOP_RULE


def test_a_review_day_is_saved_shown_and_put_in_the_calendar(journal):
    road(journal)
    form = forms.review_form(journal)
    shown = words(form)
    assert all(sign in shown for sign in texts.REVIEW_SIGNS)
    day = date.today() + timedelta(days=30)
    form.fields["day"].value = day
    form.save_button.click()
    assert journal.get_setting(REVIEW_SETTING) == day.isoformat()
    assert texts.REVIEW_CURRENT.format(day=day) in words(forms.review_form(journal))
    ics = remind.build_calendar(journal).decode().replace("\r\n ", "")
    assert texts.REMIND_REVIEW_SUMMARY in ics and f"DTSTART;VALUE=DATE:{day:%Y%m%d}" in ics


def test_a_review_day_in_the_past_is_refused_beside_the_field(journal):
    road(journal)
    form = forms.review_form(journal)
    form.fields["day"].value = date.today() - timedelta(days=1)
    form.save_button.click()
    assert "review day" in html.unescape(form.errors["day"].value)
    assert journal.get_setting(REVIEW_SETTING) is None


@pytest.mark.parametrize(("answers", "decision"), [({"protective_order": "yes"}, None),
                                                   ({}, "move_on")])
def test_off_the_open_road_the_review_day_leaves_the_calendar(journal, answers, decision):
    road(journal)
    journal.set_setting(REVIEW_SETTING, (date.today() + timedelta(days=3)).isoformat())
    road(journal, answers, decision)
    assert texts.REMIND_REVIEW_SUMMARY not in remind.build_calendar(journal).decode()


@pytest.mark.parametrize("saved", ["not a day", "2026-13-40", ""])
def test_a_review_day_setting_that_is_not_a_date_leaves_the_field_empty(journal, saved,
                                                                       unchecked_setting):
    road(journal)
    with pytest.raises(ValidationError, match=REVIEW_SETTING):
        journal.set_setting(REVIEW_SETTING, saved)
    unchecked_setting(journal, REVIEW_SETTING, saved)  # from a journal before settings were checked
    form = forms.review_form(journal)
    assert form.fields["day"].value is None
