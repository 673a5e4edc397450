"""The boundaries check and the moving-on path close stages 02, 05, 06 and 07."""

from __future__ import annotations

import pytest

from exback_kit import content
from exback_kit.domain import gate

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


BOUNDARY_QUESTIONS = content.load().boundary_questions


def test_all_no_keeps_everything_open(journal):
    answer(journal, no_contact_asked=False, harm_or_control=False, protective_order=False)
    assert journey(journal).path == "open"
    assert not any(gated(s, journal) for s in GATED)


@pytest.mark.parametrize("question, words", [
    ("no_contact_asked", "asked for no contact"),
    ("harm_or_control", "violence, threats or controlling behaviour"),
    ("protective_order", "protective or restraining order"),
])
def test_each_boundary_yes_gates_exactly_the_four_stages(journal, question, words):
    answer(journal, **{q: q == question for q in BOUNDARY_QUESTIONS})
    j = journey(journal)
    assert (j.path, j.by) == ("moving_on", "boundaries")
    assert len(j.reasons) == 1 and words in j.reasons[0]
    assert [s for s in GATED + OPEN if gated(s, journal)] == GATED


def test_changing_the_answer_reopens_the_stages(journal):
    answer(journal, protective_order=True)
    assert gated("07_relationship_2_0", journal)
    answer(journal, protective_order=False)
    assert not gated("07_relationship_2_0", journal)


def test_try_again_does_not_override_a_boundary(journal):
    answer(journal, no_contact_asked=True)
    journal.add("decisions", decision="try_again")
    assert gated("05_reconnecting", journal)


def test_non_boolean_or_missing_answers_do_not_gate(journal):
    answer(journal, no_contact_asked="", harm_or_control="yes")
    assert gate.boundary_answers(journal.table("answers")) == dict.fromkeys(BOUNDARY_QUESTIONS)
    assert journey(journal).path == "open"


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


