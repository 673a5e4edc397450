"""The boundaries check and the moving-on path close stages 02, 05, 06 and 07."""

from __future__ import annotations

import html

import pytest

from exback_kit.domain import gate

GATED = ["02_reading_the_signals", "05_reconnecting", "06_the_conversation",
         "07_relationship_2_0"]
OPEN = ["00_start_here", "01_space_and_clarity", "03_rebuilding_you", "04_holding_steady",
        "08_dashboard", "09_moving_on"]


def answer(journal, **values):
    for question, value in values.items():
        journal.save_answer(0, question, value)


def test_a_new_journal_is_open_everywhere(journal):
    j = gate.journey(journal)
    assert (j.path, j.by, j.reasons, j.decision) == ("open", None, [], None)
    assert not any(gate.is_gated(s, journal) for s in GATED + OPEN)
    assert gate.gate_notice("05_reconnecting", journal).value == ""


def test_all_no_keeps_everything_open(journal):
    answer(journal, no_contact_asked=False, harm_or_control=False, protective_order=False)
    assert gate.journey(journal).path == "open"
    assert not any(gate.is_gated(s, journal) for s in GATED)


@pytest.mark.parametrize("question, words", [
    ("no_contact_asked", "asked for no contact"),
    ("harm_or_control", "violence, threats or controlling behaviour"),
    ("protective_order", "protective or restraining order"),
])
def test_each_boundary_yes_gates_exactly_the_four_stages(journal, question, words):
    answer(journal, **{q: q == question for q in gate.BOUNDARY_QUESTIONS})
    j = gate.journey(journal)
    assert (j.path, j.by) == ("moving_on", "boundaries")
    assert len(j.reasons) == 1 and words in j.reasons[0]
    assert [s for s in GATED + OPEN if gate.is_gated(s, journal)] == GATED


def test_gate_notice_explains_why_and_how_to_revisit(journal):
    answer(journal, no_contact_asked=True)
    notice = html.unescape(gate.gate_notice("06_the_conversation", journal).value)
    assert "asked for no contact" in notice
    assert "boundaries check in Start here" in notice   # how to revisit
    assert "rebuilding you (03)" in notice               # what stays open
    assert "exback-gate" in gate.gate_notice("06_the_conversation", journal)._dom_classes


def test_harm_answer_adds_a_safety_line(journal):
    answer(journal, harm_or_control=True)
    notice = html.unescape(gate.gate_notice("05_reconnecting", journal).value)
    assert "emergency number" in notice
    answer(journal, harm_or_control=False, no_contact_asked=True)
    assert "emergency number" not in gate.gate_notice("05_reconnecting", journal).value


def test_changing_the_answer_reopens_the_stages(journal):
    answer(journal, protective_order=True)
    assert gate.is_gated("07_relationship_2_0", journal)
    answer(journal, protective_order=False)
    assert not gate.is_gated("07_relationship_2_0", journal)


def test_move_on_decision_gates_gently_and_can_change(journal):
    journal.add("decisions", decision="move_on", reasons="I deserve calm")
    j = gate.journey(journal)
    assert (j.path, j.by, j.decision) == ("moving_on", "decision", "move_on")
    assert all(gate.is_gated(s, journal) for s in GATED)
    notice = html.unescape(gate.gate_notice("02_reading_the_signals", journal).value)
    assert "as real and good an outcome" in notice and "update your decision" in notice
    assert "boundaries check" not in notice
    journal.add("decisions", decision="not_sure")
    assert gate.journey(journal).path == "open"
    assert not gate.is_gated("02_reading_the_signals", journal)


def test_boundaries_win_over_decision_and_both_reasons_show(journal):
    journal.add("decisions", decision="move_on")
    answer(journal, no_contact_asked=True)
    j = gate.journey(journal)
    assert j.by == "boundaries" and len(j.reasons) == 2
    notice = html.unescape(gate.gate_notice("05_reconnecting", journal).value)
    assert "boundaries check" in notice and "update your decision" in notice


def test_try_again_does_not_override_a_boundary(journal):
    answer(journal, no_contact_asked=True)
    journal.add("decisions", decision="try_again")
    assert gate.is_gated("05_reconnecting", journal)


def test_non_boolean_or_missing_answers_do_not_gate(journal):
    answer(journal, no_contact_asked="", harm_or_control="yes")
    assert gate.boundary_answers(journal) == dict.fromkeys(gate.BOUNDARY_QUESTIONS)
    assert gate.journey(journal).path == "open"


def test_boundaries_form_drives_the_gate(journal):
    from exback_kit.notebook import forms
    form = forms.boundaries_form(journal)
    form.fields["harm_or_control"].value = True
    form.save_button.click()
    assert gate.is_gated("05_reconnecting", journal)
    again = forms.boundaries_form(journal)
    assert again.fields["harm_or_control"].value is True
    again.fields["harm_or_control"].value = False
    again.save_button.click()
    assert not gate.is_gated("05_reconnecting", journal)


def test_safety_lines_point_to_the_stage_that_holds_the_crisis_contacts():
    from exback_kit import content, stages
    from exback_kit.content import texts
    home = [sid for sid, plan in stages.LAYOUTS.items()
            if any("crisis_contacts_form" in s.forms for s in plan.sections)]
    assert len(home) == 1
    where = f"{content.load().stage(home[0]).title}, {home[0][:2]}"
    for line in (texts.GATE_SAFETY, texts.SAFETY_OUTRO):
        assert where in line
        assert "start here" not in line.lower() and "start-here" not in line.lower()


@pytest.mark.parametrize("question, shown", [
    ("harm_or_control", True), ("protective_order", True), ("no_contact_asked", False)])
def test_safety_line_for_harm_or_a_protective_order(journal, question, shown):
    from exback_kit.content import texts
    answer(journal, **{question: True})
    notice = html.unescape(gate.gate_notice("05_reconnecting", journal).value)
    assert (texts.GATE_SAFETY in notice) is shown
