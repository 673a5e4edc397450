"""The "Ride it out" card: a countdown that shows and stops, the person's own words (escaped),
a save with the strength before and after, nothing saved otherwise, and the road's words."""

from __future__ import annotations

import html
import threading
from datetime import datetime

import pytest

from exback_kit import Journal, stages
from exback_kit.content import texts
from exback_kit.notebook.ride_it_out import RideItOut, ride_it_out_card

from .road_answers import REACHING_OUT, answer
from .widget_tree import having, raw_text, words


def held_card(journal: Journal, **options: object) -> tuple[RideItOut, list[object]]:
    """A card whose countdown loop is kept, not started: the test moves the clock itself."""
    loops: list[object] = []
    card = ride_it_out_card(journal, runner=loops.append, **options)
    return card, loops


def test_start_shows_the_countdown_which_moves_and_stops_early(journal: Journal) -> None:
    card, loops = held_card(journal)
    assert card.waiting.layout.display == "none"
    card.before.value = 8
    card.start_button.click()
    assert len(loops) == 1 and card.running
    assert card.waiting.layout.display == "" and card.finishing.layout.display == "none"
    assert "1:30 left" in card.clock.value
    assert card.step() and card.step()
    assert "1:28 left" in card.clock.value
    card.stop_button.click()
    assert not card.running and not card.step()
    assert texts.SOS_STOPPED in words(card.guide)
    assert card.finishing.layout.display == ""
    assert journal.count("urges") == 0  # nothing is saved by stopping


def test_the_whole_wait_runs_out_on_its_own(journal: Journal) -> None:
    card = ride_it_out_card(journal, runner=lambda loop: loop(), tick=0, seconds=30)
    card.start_button.click()
    assert card.elapsed == 30 and not card.running
    assert texts.SOS_DONE in words(card.guide)


def test_the_countdown_thread_ends_at_once_when_stopped(journal: Journal) -> None:
    card = ride_it_out_card(journal, tick=30)  # a real thread, waiting 30 s between ticks
    card.start_button.click()
    [thread] = [t for t in threading.enumerate() if t.name == "exback-ride-it-out"]
    card.stop_button.click()
    thread.join(timeout=10)  # returns as soon as the thread ends; 30 s if Stop didn't end it
    assert not thread.is_alive() and not card.running
    assert card.elapsed <= 1


def test_save_keeps_the_strength_before_and_after_as_ridden_out(journal: Journal) -> None:
    saved: list[int | None] = []
    card, _ = held_card(journal, on_save=saved.append)
    card.before.value = 9
    card.start_button.click()
    card.stop()
    card.after.value = 5
    card.save_button.click()
    [row] = journal.records("urges")
    assert (row["intensity"], row["intensity_after"], row["rode_it_out"], row["acted_on"]) == (
        9, 5, True, False)
    assert saved == [row["id"]]
    assert card.message == "Saved to your urge log: 9 at the start, 5 afterwards."


def test_without_the_first_rating_nothing_is_saved_and_it_says_why(journal: Journal) -> None:
    card, _ = held_card(journal)
    card.start_button.click()
    card.stop()
    card.after.value = 3
    card.save_button.click()
    assert journal.count("urges") == 0
    assert card.message == texts.SOS_NEEDS_BEFORE


def test_close_saves_nothing(journal: Journal) -> None:
    card, _ = held_card(journal)
    card.before.value = 7
    card.start_button.click()
    card.close_button.click()
    assert journal.count("urges") == 0 and not card.running
    assert card.message == texts.SOS_CLOSED and card.before.value is None


def test_the_reasons_are_the_persons_own_and_escaped(journal: Journal) -> None:
    payload = '<img src=x onerror="document.title=1">he never listened'
    journal.add("reappraisals", what=payload)
    journal.add("nocontact_periods", start_day="2026-11-01", target_days=30,
                note="to stop the <b>loop</b>")
    card, _ = held_card(journal)
    shown = raw_text(card)
    assert payload not in shown and html.escape(payload) in shown
    assert "<b>loop</b>" not in shown and "to stop the &lt;b&gt;loop&lt;/b&gt;" in shown
    assert texts.SOS_REASONS_NONE not in words(card)


def test_with_nothing_written_it_says_where_words_would_come_from(journal: Journal) -> None:
    card, _ = held_card(journal)
    assert texts.SOS_REASONS_NONE in words(card)


def test_the_plan_for_this_hour_is_shown(journal: Journal) -> None:
    journal.add("plans", weekday="sat", start_time="22:00", action="call <i>Sam</i>")
    card, _ = held_card(journal, now=datetime(2026, 12, 5, 22, 40).astimezone())
    assert "Your plan for this hour: call &lt;i&gt;Sam&lt;/i&gt;" in raw_text(card)
    other, _ = held_card(journal, now=datetime(2026, 12, 5, 12, 40).astimezone())
    assert "Your plan for this hour" not in raw_text(other)


def _everything_said(card: RideItOut) -> str:
    buttons = [b.description for b in (card.start_button, card.stop_button, card.save_button,
                                       card.close_button)]
    card.before.value = 6
    card.start_button.click()
    text = [words(card), *buttons]
    for _ in range(card.seconds):
        card.step()
        text.append(words(card))
    card.after.value = 2
    card.save_button.click()
    text.append(card.message)
    return "\n".join(text)


@pytest.mark.parametrize("road", [{"no_contact_asked": "yes"}, {"protective_order": "yes"},
                                  {"harm_or_control": "not_sure"}, {"decision": "move_on"},
                                  {"unanswered": ""}])
def test_off_the_open_road_nothing_speaks_of_reaching_out(journal: Journal,
                                                          road: dict[str, str]) -> None:
    """The unanswered road too: before, it got "Whether to get in touch…"."""
    if "decision" in road:
        answer(journal)
        journal.add("decisions", decision="move_on", reasons="")
    elif "unanswered" in road:
        journal.save_answer(0, "no_contact_asked", "no")  # the rest not answered yet
    else:
        answer(journal, **road)
    said = _everything_said(held_card(journal)[0])
    assert not REACHING_OUT.search(said), REACHING_OUT.search(said)


@pytest.mark.parametrize("road", [{"harm_or_control": "yes"}, {"protective_order": "yes"},
                                  {"no_contact_asked": "yes"}, {"decision": "move_on"}])
def test_off_the_open_road_no_quiet_hope_or_reach_out_outcome_is_shown(
        journal: Journal, road: dict[str, str]) -> None:
    """Mid-urge on the moving-on road, only the clear-eyed list, the decision to move on and
    the No-Contact note: the quiet hope and reach-out outcomes can be hopeful words."""
    journal.save_answer(1, "quiet_hope", "that they miss me")
    journal.add("reachouts", plan="coffee", outcome="they said maybe later")
    journal.add("reappraisals", what="I was lonely with them")
    if "decision" in road:
        answer(journal)
        journal.add("decisions", decision="move_on", reasons="different lives")
    else:
        answer(journal, **road)
    said = words(held_card(journal)[0])
    assert "I was lonely with them" in said
    assert "that they miss me" not in said and "they said maybe later" not in said
    answer(journal)
    journal.add("decisions", decision="try_again", reasons="")
    said = words(held_card(journal)[0])  # the open road keeps them
    assert "that they miss me" in said and "they said maybe later" in said


def test_the_open_road_names_the_pull_to_get_in_touch(journal: Journal) -> None:
    answer(journal)
    assert REACHING_OUT.search(_everything_said(held_card(journal)[0]))


@pytest.mark.parametrize("stage_id", ["04_holding_steady", "08_dashboard"])
def test_the_card_sits_in_04_and_08(mine: Journal, stage_id: str) -> None:


    part = stages.section(stage_id, "ride_it_out")
    assert having(part, "exback-sos")
    assert stages.LAYOUTS[stage_id].sections[0].id == "ride_it_out"
