"""The gate notice: why a stage is set aside, what stays open, how to revisit, the road to
09, the safety contacts when harm, control or an order was named; and the boundaries form
that drives it (yes / no / not sure, each answer clearable)."""

from __future__ import annotations

import html

import pytest

from exback_kit import content
from exback_kit.content import texts
from exback_kit.content.instruments import Contact, default_contacts
from exback_kit.domain import gate
from exback_kit.notebook import forms
from exback_kit.notebook.gate_notice import ask_first_notice, gate_notice

BOUNDARY_QUESTIONS = content.load().boundary_questions


def answer(journal, **values):
    for question, value in {**dict.fromkeys(BOUNDARY_QUESTIONS, "no"), **values}.items():
        journal.save_answer(0, question, value)


def journey(journal):
    return gate.journey(journal.table("answers"), journal.table("decisions"), kit=content.load())


def notice(journal, contacts=()):
    return html.unescape(gate_notice(journey(journal), default_contacts()
                                     if contacts == () else contacts).value)


def test_an_open_journey_shows_no_notice(journal):
    assert gate_notice(journey(journal)).value == ""


def test_the_notice_explains_why_how_to_revisit_and_links_to_moving_on(journal):
    answer(journal, no_contact_asked="yes")
    shown = notice(journal)
    assert "asked for no contact" in shown
    assert "boundaries check in Start here" in shown      # how to revisit
    assert "rebuilding you (03)" in shown                  # what stays open
    assert 'href="09_moving_on.ipynb"' in shown
    assert texts.GATE_NOT_SURE not in shown
    assert "1-800-799-7233" not in shown                   # no harm named: no helplines


def test_not_sure_is_explained_kindly_and_reversibly(journal):
    answer(journal, said_no_reunion="not_sure")
    shown = notice(journal)
    assert texts.GATE_REASONS_NOT_SURE["said_no_reunion"] in shown
    assert texts.GATE_NOT_SURE in shown


@pytest.mark.parametrize("question", ["harm_or_control", "protective_order"])
@pytest.mark.parametrize("value", ["yes", "not_sure"])
def test_harm_or_an_order_shows_the_abuse_lines_there_and_then(journal, question, value):
    answer(journal, **{question: value})
    shown = notice(journal)
    for line in ("1-800-799-7233", "START to 88788", "0808 2000 247", "1800 737 732",
                 "000 in Australia"):
        assert line in shown
    assert shown.count(texts.SAFETY_CHECK_COUNTRY) == 1


def test_the_persons_own_contacts_are_shown_escaped_and_without_the_country_note(journal):
    answer(journal, harm_or_control="yes")
    mine = [Contact("<b>Sam</b>", "07700 900123")]
    raw = gate_notice(journey(journal), mine).value
    assert "&lt;b&gt;Sam&lt;/b&gt;" in raw and "<b>Sam</b>" not in raw
    assert texts.SAFETY_CHECK_COUNTRY not in html.unescape(raw)


def test_move_on_decision_gates_gently(journal):
    answer(journal)
    journal.add("decisions", decision="move_on", reasons="I deserve calm")
    shown = notice(journal)
    assert texts.GATE_HEADING_DECISION in shown and "resting" not in shown
    assert texts.GATE_INTRO_DECISION in shown and "update your decision" in shown
    assert "good an outcome" not in shown  # said once, in the welcome, not defended here
    assert "boundaries check" not in shown


def test_boundaries_win_over_decision_and_both_reasons_show(journal):
    journal.add("decisions", decision="move_on")
    answer(journal, no_contact_asked="yes")
    shown = notice(journal)
    assert "boundaries check" in shown and "update your decision" in shown


def test_the_ask_first_note_links_to_the_check():
    shown = ask_first_notice().value
    assert 'href="00_start_here.ipynb"' in shown and "not sure" in html.unescape(shown)


def test_boundaries_form_saves_yes_no_and_not_sure(journal):
    form = forms.boundaries_form(journal)
    assert list(form.fields) == list(BOUNDARY_QUESTIONS)
    assert [tuple(o) for o in form.fields["harm_or_control"].options] == [
        ("Yes", "yes"), ("No", "no"), ("Not sure", "not_sure")]
    form.fields["harm_or_control"].value = "not_sure"
    assert texts.BOUNDARIES_NOT_SURE in html.unescape(
        form.extra.children[0].value)
    form.save_button.click()
    assert journey(journal).moving_on
    again = forms.boundaries_form(journal)
    assert again.fields["harm_or_control"].value == "not_sure"
    again.fields["harm_or_control"].value = "no"
    again.save_button.click()
    assert not journey(journal).moving_on


def test_an_answer_can_be_cleared_again(journal):
    form = forms.boundaries_form(journal)
    form.fields["no_contact_asked"].value = "yes"
    form.save_button.click()
    assert journal.latest_answers(0)["no_contact_asked"] == "yes"
    again = forms.boundaries_form(journal)
    assert not again.clear_buttons["no_contact_asked"].disabled
    again.clear_buttons["no_contact_asked"].click()
    assert again.fields["no_contact_asked"].value is None
    again.save_button.click()
    assert journal.latest_answers(0)["no_contact_asked"] in ("", None)
    assert journey(journal).boundaries["no_contact_asked"] is None
    assert forms.boundaries_form(journal).clear_buttons["no_contact_asked"].disabled


def test_an_old_true_false_answer_shows_as_yes_or_no_and_saving_changes_nothing(journal):
    journal.save_answer(0, "no_contact_asked", True)
    journal.save_answer(0, "harm_or_control", False)
    form = forms.boundaries_form(journal)
    assert form.fields["no_contact_asked"].value == "yes"
    assert form.fields["harm_or_control"].value == "no"
    before = len(journal.table("answers"))
    form.save_button.click()
    assert len(journal.table("answers")) == before
