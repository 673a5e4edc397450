"""The journey's rows follow the road: moving on (09) counts, set-aside stages and
open-road-only questions don't."""

from __future__ import annotations

from datetime import date

import pandas as pd
import pytest

from exback_kit import content
from exback_kit.domain import gate, progress, roads

TODAY = date(2025, 3, 20)
GATED = ["02_reading_the_signals", "05_reconnecting", "06_the_conversation",
         "07_relationship_2_0"]
MOVING_ON = "09_moving_on"
BOUNDARIES = list(content.load().boundary_questions)
#: Questions that imagine or pace getting back in touch: asked on the open road only.
OPEN_ROAD_ONLY = {(9, "pace"), (4, "patterns_return"), (2, "their_feelings"),
                  (2, "they_would_change")}


def rows(journal):
    return roads.journey_rows(journal.tables(), TODAY, kit=content.load())


def all_no(journal):
    for q in BOUNDARIES:
        journal.save_answer(0, q, "no", at="2025-03-01T09:00")


def test_the_content_marks_the_pace_and_getting_back_together_questions():
    marked = {(q.step, q.id) for s in content.load().steps for q in s.questions
              if q.open_road_only}
    assert marked == OPEN_ROAD_ONLY


def test_on_the_open_road_moving_on_is_a_row_only_once_started(journal):
    all_no(journal)
    before = rows(journal)
    assert MOVING_ON not in before.index
    assert set(GATED) <= set(before.index)
    journal.add("reflections", topic="grief", question="learned", value="to ask for help",
                at="2025-03-05T20:00")
    after = rows(journal)
    assert after.index[-1] == MOVING_ON and set(GATED) <= set(after.index)
    assert after.loc[MOVING_ON, "answered"] == 1
    assert after.loc[MOVING_ON, "last_day"] == pd.Timestamp("2025-03-05")


@pytest.mark.parametrize("answers, decision", [
    ({"no_contact_asked": "yes"}, None),
    ({"protective_order": "not_sure"}, None),
    (dict.fromkeys(BOUNDARIES, "no"), "move_on"),
], ids=["a boundaries yes", "a not sure", "the decision move on"])
def test_on_the_moving_on_road_09_counts_from_the_start_and_set_aside_stages_never(
        journal, answers, decision):
    for q, v in answers.items():
        journal.save_answer(0, q, v, at="2025-03-01T09:00")
    if decision:
        journal.add("decisions", decision=decision, at="2025-03-02T09:00")
    out = rows(journal)
    assert not set(GATED) & set(out.index)
    assert list(out.index)[-1] == MOVING_ON
    row = out.loc[MOVING_ON]
    topics = content.load().stage_topics(MOVING_ON)
    assert (row.steps, row.steps_answered, row.answered) == (len(topics), 0, 0)
    assert row.questions == sum(len(t.questions) or 1 for t in topics)
    assert pd.isna(row.last_day)


def test_the_moving_on_row_counts_prompts_and_lists_and_topics_touched(journal):
    journal.save_answer(0, "said_no_reunion", "yes", at="2025-03-01T09:00")
    journal.add("reflections", topic="grief", question="learned", value="x",
                at="2025-03-03T20:00")
    journal.add("reflections", topic="grief", question="keep", value="y", at="2025-03-04T20:00")
    journal.add("reflections", topic="grief", question="not_asked_any_more", value="z",
                at="2025-03-09T20:00")
    journal.add("reappraisals", what="we never planned anything", at="2025-03-06T20:00")
    journal.add("checklist_items", checklist="devices", item="Mute their chats",
                at="2025-03-07T20:00")
    row = rows(journal).loc[MOVING_ON]
    assert (row.steps_answered, row.answered) == (3, 4)  # grief, clear-eyed, devices
    assert row.progress == pytest.approx(4 / row.questions)
    # a stale question id neither counts nor moves the days
    assert (row.first_day, row.last_day) == (pd.Timestamp("2025-03-03"),
                                             pd.Timestamp("2025-03-07"))


def test_questions_for_the_open_road_only_do_not_count_off_it(journal):
    journal.save_answer(9, "pace", "slowly", at="2025-03-02T09:00")
    journal.save_answer(9, "moment_plan", "a walk", at="2025-03-02T09:00")
    unanswered = rows(journal).loc["04_holding_steady"]
    journal.save_answer(0, "no_contact_asked", "yes", at="2025-03-03T09:00")
    moving_on = rows(journal).loc["04_holding_steady"]
    all_no(journal)
    journal.save_answer(0, "no_contact_asked", "no", at="2025-03-04T09:00")
    open_road = rows(journal).loc["04_holding_steady"]
    full = sum(len(content.load().step(n).questions) for n in (8, 9))
    assert (open_road.questions, open_road.answered) == (full, 2)
    assert (moving_on.questions, moving_on.answered) == (full - 1, 1)
    assert (unanswered.questions, unanswered.answered) == (full - 1, 1)


def test_the_plan_leaves_out_open_road_only_questions_when_asked_to():
    kit = content.load()
    on, off = progress.stage_plan(kit), progress.stage_plan(kit, open_road=False)
    assert "pace" in on["04_holding_steady"][9] and "pace" not in off["04_holding_steady"][9]
    assert "patterns_return" not in off["03_rebuilding_you"][4]
    assert off["04_holding_steady"][8] == on["04_holding_steady"][8]


def test_rows_follow_the_road_they_are_given_not_only_the_tables(journal):
    """The notebooks pass the person's own road while the demo journal is shown."""
    all_no(journal)
    own = gate.journey(pd.DataFrame({"step": [0], "question": ["harm_or_control"],
                                     "value": ["yes"], "id": [1]}), journal.table("decisions"),
                       kit=content.load())
    out = roads.journey_rows(journal.tables(), TODAY, kit=content.load(), road=own)
    assert MOVING_ON in out.index and not set(GATED) & set(out.index)


def test_first_and_last_days_of_a_stage(journal):
    journal.save_answer(4, "my_part", "x", at="2025-03-02T10:00")
    journal.save_answer(5, "qualities", "y", at="2025-03-08T10:00")
    row = rows(journal).loc["03_rebuilding_you"]
    assert (row.first_day, row.last_day) == (pd.Timestamp("2025-03-02"),
                                             pd.Timestamp("2025-03-08"))


def test_an_answer_to_a_hidden_question_neither_starts_a_step_nor_dates_a_stage(journal):
    """Seen on the dashboard: 'Holding steady, 0 of 6, from day 50' after a hidden answer."""
    journal.save_answer(0, "harm_or_control", "yes", at="2025-03-01T09:00")
    journal.save_answer(9, "pace", "slowly", at="2025-03-02T09:00")
    journal.save_answer(4, "retired_question", "x", at="2025-03-03T09:00")
    out = rows(journal)
    for stage in ("04_holding_steady", "03_rebuilding_you"):
        row = out.loc[stage]
        assert (row.answered, row.steps_answered) == (0, 0), stage
        assert pd.isna(row.first_day) and pd.isna(row.last_at), stage
