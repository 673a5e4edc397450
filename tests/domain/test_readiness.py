"""The readiness checklist: computed from the person's data, says what it used, never blocks."""

from __future__ import annotations

from datetime import date, datetime, time, timedelta

import pytest

from exback_kit import content
from exback_kit.content import texts
from exback_kit.domain.readiness import readiness

TODAY = date.today()


@pytest.fixture(autouse=True)
def _today():
    """Read today's date when each test starts (not once at import)."""
    global TODAY
    TODAY = date.today()
KEYS = ["boundaries", "no_contact", "decision", "urges", "wellbeing", "patterns"]


def items(journal, today=TODAY):
    return {i.key: i for i in readiness(journal.tables(), today, kit=content.load())}


def at(days_ago: int, hour: int = 12) -> datetime:
    return datetime.combine(TODAY - timedelta(days=days_ago), time(hour)).astimezone()


def test_empty_journal_has_no_data_for_anything(journal):
    found = readiness(journal.tables(), kit=content.load())
    assert [i.key for i in found] == KEYS
    assert all(i.ok is None and i.label and i.based_on for i in found)


def test_boundaries_item(journal):
    journal.save_answer(0, "no_contact_asked", "no")
    assert items(journal)["boundaries"].ok is None
    assert "1 of 4" in items(journal)["boundaries"].based_on
    for q in ("said_no_reunion", "harm_or_control", "protective_order"):
        journal.save_answer(0, q, "no")
    assert items(journal)["boundaries"].ok is True


@pytest.mark.parametrize("value", ["yes", "not_sure", True])
def test_a_boundaries_yes_or_not_sure_is_set_aside_never_a_fail(journal, value):
    for q in ("no_contact_asked", "said_no_reunion", "harm_or_control"):
        journal.save_answer(0, q, "no")
    journal.save_answer(0, "protective_order", value)
    item = items(journal)["boundaries"]
    assert item.ok is None and item.mark == texts.READINESS_MARK_NEUTRAL
    assert "set aside" in item.shown_state


def test_no_contact_target_reached_and_not(journal):
    journal.add("nocontact_periods", at=at(40), start_day=TODAY - timedelta(days=40),
                target_days=30)
    item = items(journal)["no_contact"]
    assert item.ok is True and "30-day period" in item.based_on
    journal.add("nocontact_periods", start_day=TODAY - timedelta(days=5), target_days=21)
    assert items(journal)["no_contact"].ok is False


def test_a_lapse_resets_the_run_but_logistics_do_not(journal):
    journal.add("nocontact_periods", at=at(25), start_day=TODAY - timedelta(days=25),
                target_days=21)
    journal.log_contact("them", replied=True, logistics=True, at=at(10))
    assert items(journal)["no_contact"].ok is True
    journal.log_contact("me", at=at(10))
    assert items(journal)["no_contact"].ok is False


@pytest.mark.parametrize("decision", ["try_again", "not_sure", "move_on"])
def test_decision_item_uses_the_latest_and_never_leans(journal, decision):
    """Try again gets no tick and move on no lesser mark: both roads are good outcomes."""
    journal.add("decisions", at=at(3), decision="not_sure" if decision != "not_sure"
                else "try_again")
    journal.add("decisions", decision=decision)
    item = items(journal)["decision"]
    assert item.ok is None and item.mark == texts.READINESS_MARK_NEUTRAL
    assert TODAY.isoformat() in item.based_on


def test_on_the_moving_on_road_the_decision_item_says_set_aside(journal):
    journal.add("decisions", decision="move_on")
    assert items(journal)["decision"].shown_state == texts.READINESS_STATES["set_aside"]


def test_urges_mostly_let_pass_in_the_last_14_days(journal):
    for days_ago in (1, 2, 3):
        journal.log_urge(6, at=at(days_ago))
    journal.log_urge(9, acted_on=True, at=at(4))
    for days_ago in (20, 21, 22):  # outside the window: ignored
        journal.log_urge(9, acted_on=True, at=at(days_ago))
    item = items(journal)["urges"]
    assert item.ok is True and "4 urges" in item.based_on and "3 let pass" in item.based_on
    journal.log_urge(9, acted_on=True)
    assert items(journal)["urges"].ok is False   # 3 of 5 is not "mostly"


def test_urges_in_the_past_of_today_only(journal):
    journal.log_urge(5, at=at(1))
    assert items(journal, today=TODAY - timedelta(days=20))["urges"].ok is None


@pytest.mark.parametrize(("answers", "fine"), [
    ([1, 1, 1, 1, 1], False),   # 20 %: low
    ([2, 2, 2, 2, 2], False),   # 40 %: middle, not yet fine
    ([2, 2, 3, 3, 3], True),    # 52 %, no item below 2
    ([5, 5, 5, 5, 1], False),   # 84 %, but one item at 1 would show the safety message
])
def test_wellbeing_is_fine_only_above_50_percent_with_no_safety_message(journal, answers,
                                                                         fine):
    journal.save_scale("who5", answers)
    item = items(journal)["wellbeing"]
    assert item.ok is fine and "%" in item.based_on


def test_patterns_need_a_plan_each(journal):
    first = journal.add("patterns", pattern="jealousy", plan="talk it through")
    second = journal.add("patterns", pattern="shutting down")
    item = items(journal)["patterns"]
    assert item.ok is False and "1 of 2" in item.based_on
    journal.update("patterns", second, plan="say I need an hour")
    assert items(journal)["patterns"].ok is True
    journal.update("patterns", first, plan="   ")
    assert items(journal)["patterns"].ok is False


def test_counted_words_and_today_in_what_items_are_based_on(journal):
    import re

    journal.save_scale("who5", [3, 3, 3, 3, 3])
    journal.log_urge(4)
    journal.add("patterns", pattern="jealousy", plan="talk")
    journal.add("nocontact_periods", at=at(1), start_day=TODAY - timedelta(days=1),
                target_days=21)
    found = items(journal)
    assert "today" in found["wellbeing"].based_on and "0 day" not in found["wellbeing"].based_on
    assert "1 urge noted" in found["urges"].based_on
    assert "1 of 1 pattern with" in found["patterns"].based_on
    assert re.search(r"longest \d+ days?$", found["no_contact"].based_on)
    later = items(journal, today=TODAY + timedelta(days=1))["wellbeing"].based_on
    assert "1 day ago" in later
    for item in found.values():
        assert "(s)" not in item.based_on
