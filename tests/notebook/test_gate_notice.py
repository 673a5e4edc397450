"""The gate notice: why a stage is set aside, what stays open, how to revisit, safety lines."""

from __future__ import annotations

import html

import pytest

from exback_kit import content
from exback_kit.domain import gate
from exback_kit.notebook.gate_notice import gate_notice

BOUNDARY_QUESTIONS = content.load().boundary_questions
GATED = ["02_reading_the_signals", "05_reconnecting", "06_the_conversation",
         "07_relationship_2_0"]
OPEN = ["00_start_here", "01_space_and_clarity", "03_rebuilding_you", "04_holding_steady",
        "08_dashboard"]


def answer(journal, **values):
    for question, value in values.items():
        journal.save_answer(0, question, value)


def journey(journal):
    return gate.journey(journal.table("answers"), journal.table("decisions"))


def gated(stage, journal):
    return gate.is_gated(stage, journey(journal))


def notice_of(stage, journal):
    j = journey(journal)
    assert gate.is_gated(stage, j)
    return gate_notice(j)


def test_a_new_journal_is_open_everywhere(journal):
    j = journey(journal)
    assert (j.path, j.by, j.reasons, j.decision) == ("open", None, [], None)
    assert not any(gated(s, journal) for s in GATED + OPEN)
    assert gate_notice(j).value == ""


def test_gate_notice_explains_why_and_how_to_revisit(journal):
    answer(journal, no_contact_asked=True)
    notice = html.unescape(notice_of("06_the_conversation", journal).value)
    assert "asked for no contact" in notice
    assert "boundaries check in Start here" in notice   # how to revisit
    assert "rebuilding you (03)" in notice               # what stays open
    assert "exback-gate" in notice_of("06_the_conversation", journal)._dom_classes


def test_harm_answer_adds_a_safety_line(journal):
    answer(journal, harm_or_control=True)
    notice = html.unescape(notice_of("05_reconnecting", journal).value)
    assert "emergency number" in notice
    answer(journal, harm_or_control=False, no_contact_asked=True)
    assert "emergency number" not in notice_of("05_reconnecting", journal).value


def test_move_on_decision_gates_gently_and_can_change(journal):
    journal.add("decisions", decision="move_on", reasons="I deserve calm")
    j = journey(journal)
    assert (j.path, j.by, j.decision) == ("moving_on", "decision", "move_on")
    assert all(gated(s, journal) for s in GATED)
    notice = html.unescape(notice_of("02_reading_the_signals", journal).value)
    assert "as real and good an outcome" in notice and "update your decision" in notice
    assert "boundaries check" not in notice
    journal.add("decisions", decision="not_sure")
    assert journey(journal).path == "open"
    assert not gated("02_reading_the_signals", journal)


def test_boundaries_win_over_decision_and_both_reasons_show(journal):
    journal.add("decisions", decision="move_on")
    answer(journal, no_contact_asked=True)
    j = journey(journal)
    assert j.by == "boundaries" and len(j.reasons) == 2
    notice = html.unescape(notice_of("05_reconnecting", journal).value)
    assert "boundaries check" in notice and "update your decision" in notice


def test_boundaries_form_drives_the_gate(journal):
    from exback_kit.notebook import forms
    form = forms.boundaries_form(journal)
    form.fields["harm_or_control"].value = True
    form.save_button.click()
    assert gated("05_reconnecting", journal)
    again = forms.boundaries_form(journal)
    assert again.fields["harm_or_control"].value is True
    again.fields["harm_or_control"].value = False
    again.save_button.click()
    assert not gated("05_reconnecting", journal)


@pytest.mark.parametrize("question, shown", [
    ("harm_or_control", True), ("protective_order", True), ("no_contact_asked", False)])
def test_safety_line_for_harm_or_a_protective_order(journal, question, shown):
    from exback_kit.content import texts
    answer(journal, **{question: True})
    notice = html.unescape(notice_of("05_reconnecting", journal).value)
    assert (texts.GATE_SAFETY in notice) is shown
