"""The boundaries check and the moving-on path close stages 02, 05, 06 and 07.

Every boundaries question is answered yes, no or not sure; "not sure" counts as yes. While
the check is not fully answered, 05–07 ask for it first. Older journals stored True/False.
"""

from __future__ import annotations

import pytest

from exback_kit import content
from exback_kit.domain import gate

GATED = ["02_reading_the_signals", "05_reconnecting", "06_the_conversation",
         "07_relationship_2_0"]
OPEN = ["00_start_here", "01_space_and_clarity", "03_rebuilding_you", "04_holding_steady",
        "08_dashboard", "09_moving_on"]
BOUNDARY_QUESTIONS = content.load().boundary_questions


def answer(journal, **values):
    for question, value in values.items():
        journal.save_answer(0, question, value)


def journey(journal):
    return gate.journey(journal.table("answers"), journal.table("decisions"), kit=content.load())


def gated(stage, journal):
    return gate.is_gated(stage, journey(journal))


def all_no(journal, **others):
    answer(journal, **{**dict.fromkeys(BOUNDARY_QUESTIONS, "no"), **others})


def test_the_check_has_four_questions_including_a_clear_no_to_getting_back_together():
    assert BOUNDARY_QUESTIONS == ("no_contact_asked", "said_no_reunion", "harm_or_control",
                                  "protective_order")


def test_the_gated_stages_come_from_stages_toml():
    assert list(content.load().gated_stages) == GATED


def test_all_no_keeps_everything_open(journal):
    all_no(journal)
    j = journey(journal)
    assert (j.path, j.unanswered) == ("open", False)
    assert not any(gated(s, journal) for s in GATED)
    assert not any(gate.asks_first(s, j) for s in GATED + OPEN)


@pytest.mark.parametrize("question, words", [
    ("no_contact_asked", "asked for no contact"),
    ("said_no_reunion", "don't want to get back together"),
    ("harm_or_control", "violence, threats or controlling behaviour"),
    ("protective_order", "protective or restraining order"),
])
def test_each_boundary_yes_gates_exactly_the_four_stages(journal, question, words):
    all_no(journal, **{question: "yes"})
    j = journey(journal)
    assert (j.path, j.by) == ("moving_on", "boundaries")
    assert len(j.reasons) == 1 and words in j.reasons[0]
    assert [s for s in GATED + OPEN if gated(s, journal)] == GATED


@pytest.mark.parametrize("question", BOUNDARY_QUESTIONS)
def test_not_sure_counts_as_yes_and_says_it_gently(journal, question):
    all_no(journal, **{question: "not_sure"})
    j = journey(journal)
    assert (j.path, j.by, j.unsure) == ("moving_on", "boundaries", True)
    assert j.reasons[0].startswith("You're not sure")
    assert [s for s in GATED + OPEN if gated(s, journal)] == GATED


@pytest.mark.parametrize(("answers", "unsafe", "order"), [
    ({"harm_or_control": "yes"}, True, False),
    ({"harm_or_control": "not_sure"}, True, False),
    ({"protective_order": "yes"}, True, True),
    ({"protective_order": "not_sure"}, True, True),
    ({"no_contact_asked": "yes"}, False, False),
    ({"said_no_reunion": "yes"}, False, False),
])
def test_harm_control_or_an_order_mark_the_journey_unsafe(journal, answers, unsafe, order):
    all_no(journal, **answers)
    j = journey(journal)
    assert (j.unsafe, j.order) == (unsafe, order)


def test_old_true_false_answers_still_count(journal):
    answer(journal, no_contact_asked=True, harm_or_control=False, protective_order=False,
           said_no_reunion="no")
    j = journey(journal)
    assert j.boundaries["no_contact_asked"] == "yes"
    assert j.boundaries["harm_or_control"] == "no"
    assert j.path == "moving_on"


def test_changing_the_answer_reopens_the_stages(journal):
    all_no(journal, protective_order="yes")
    assert gated("07_relationship_2_0", journal)
    answer(journal, protective_order="no")
    assert not gated("07_relationship_2_0", journal)


def test_a_cleared_answer_is_unanswered_again_and_05_to_07_ask_first(journal):
    all_no(journal)
    answer(journal, said_no_reunion="")
    j = journey(journal)
    assert j.boundaries["said_no_reunion"] is None and j.unanswered
    assert [s for s in GATED + OPEN if gate.asks_first(s, j)] == GATED


def test_an_unanswered_check_asks_first_but_a_yes_gates_instead(journal):
    assert [s for s in GATED + OPEN if gate.asks_first(s, journey(journal))] == GATED
    answer(journal, harm_or_control="yes")
    j = journey(journal)
    assert j.moving_on and not any(gate.asks_first(s, j) for s in GATED)


def test_try_again_does_not_override_a_boundary(journal):
    all_no(journal, no_contact_asked="yes")
    journal.add("decisions", decision="try_again")
    assert gated("05_reconnecting", journal)


def test_move_on_decision_gates_and_can_change(journal):
    all_no(journal)
    journal.add("decisions", decision="move_on")
    j = journey(journal)
    assert (j.path, j.by, j.decision) == ("moving_on", "decision", "move_on")
    assert gate.set_aside(j) == tuple(GATED)
    journal.add("decisions", decision="not_sure")
    assert journey(journal).path == "open" and gate.set_aside(journey(journal)) == ()


def test_answers_that_are_not_yes_no_or_not_sure_do_not_gate(journal):
    answer(journal, no_contact_asked="", harm_or_control="maybe", protective_order=["yes"])
    given = gate.boundary_answers(journal.table("answers"), kit=content.load())
    assert set(given.values()) == {None}
    assert journey(journal).path == "open"


def test_safety_lines_point_to_the_stage_that_holds_the_crisis_contacts():
    from exback_kit import stages
    from exback_kit.content import texts
    home = [sid for sid, plan in stages.LAYOUTS.items()
            if any("crisis_contacts_form" in s.forms for s in plan.sections)]
    assert len(home) == 1
    where = f"{content.load().stage(home[0]).title}, {home[0][:2]}"
    for line in (texts.SAFETY_OUTRO,):
        assert where in line
        assert "start here" not in line.lower() and "start-here" not in line.lower()


# --- the road in force chooses the words -----------------------------------------------

@pytest.mark.parametrize(("answers", "decision", "road"), [
    ({}, None, "open"),
    ({"no_contact_asked": "yes"}, None, "boundaries"),
    ({"said_no_reunion": "not_sure"}, None, "boundaries"),
    ({"harm_or_control": "yes"}, None, "harm"),
    ({"harm_or_control": "not_sure", "no_contact_asked": "yes"}, None, "harm"),
    ({"protective_order": "yes", "harm_or_control": "yes"}, None, "order"),
    ({}, "move_on", "decision"),
    ({"no_contact_asked": "yes"}, "move_on", "boundaries"),
])
def test_the_road_in_force_is_the_most_specific_that_applies(journal, answers, decision, road):
    all_no(journal, **answers)
    if decision:
        journal.add("decisions", decision=decision)
    assert journey(journal).road == road


def test_an_unanswered_check_is_its_own_road(journal):
    assert journey(journal).road == "unanswered"


ROAD_JOURNEYS = {
    "order": gate.Journey("moving_on", "boundaries", boundaries={"protective_order": "yes"}),
    "harm": gate.Journey("moving_on", "boundaries", boundaries={"harm_or_control": "yes"}),
    "boundaries": gate.Journey("moving_on", "boundaries", boundaries={"said_no_reunion": "yes"}),
    "decision": gate.Journey("moving_on", "decision", boundaries={"said_no_reunion": "no"}),
    "open": gate.Journey("open", boundaries={"said_no_reunion": "no"}),
    "unanswered": gate.Journey("open", boundaries={"said_no_reunion": None}),
}


@pytest.mark.parametrize(("road", "expected"), [
    ("order", "order"), ("harm", "moving_on"), ("boundaries", "moving_on"),
    ("decision", "moving_on"), ("open", "default"), ("unanswered", "default"),
])
def test_a_sentence_falls_back_from_the_road_to_the_general_variant(road, expected):
    variants = {"default": "default", "moving_on": "moving_on", "order": "order"}
    j = ROAD_JOURNEYS[road]
    assert j.road == road and gate.for_road(variants, j) == expected == j.words(variants)


def test_a_variant_table_without_a_default_names_the_road():
    with pytest.raises(KeyError, match="open"):
        gate.for_road({"moving_on": "x"}, gate.Journey("open"))
