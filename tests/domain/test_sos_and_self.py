"""Ride it out and who am I now: the person's own reasons only, the plan for this hour, the
countdown's words, the weekly clarity rating, and "we" and "I" counted in English only."""

from __future__ import annotations

from datetime import UTC, date, datetime

import pandas as pd
import pytest

from exback_kit.content import texts
from exback_kit.domain import self_concept, sos


def _at(day: str) -> datetime:
    return datetime.fromisoformat(day + "T12:00:00").replace(tzinfo=UTC)


def test_reasons_are_only_the_persons_own_words_newest_first() -> None:
    reasons = sos.own_reasons(
        reappraisals=[{"id": 1, "at": _at("2026-11-01"), "what": "He never listened"},
                      {"id": 2, "at": _at("2026-11-05"), "what": "I was lonely with him"},
                      {"id": 3, "at": _at("2026-11-06"), "what": "   "}],
        nocontact_periods=[{"id": 1, "at": _at("2026-10-01"), "note": "to stop the loop"}],
        quiet_hope="sleep again",
        decisions=[{"id": 1, "at": _at("2026-10-02"), "decision": "move_on",
                    "reasons": "we want different lives"}],
        reachouts=[{"id": 1, "at": _at("2026-09-01"), "outcome": "I felt worse for days"}])
    assert [(r.source, r.text) for r in reasons] == [
        ("decision", "we want different lives"), ("clear_eyed", "I was lonely with him"),
        ("clear_eyed", "He never listened"), ("no_contact", "to stop the loop"),
        ("quiet_hope", "sleep again"), ("reachout", "I felt worse for days")]
    assert reasons[0].label == texts.SOS_SOURCES["decision"]


def test_no_writing_means_no_reasons_never_invented_ones() -> None:
    assert sos.own_reasons() == []
    assert sos.own_reasons(quiet_hope=["not", "text"]) == []


def test_a_decision_to_try_again_is_not_offered_as_a_reason_to_wait() -> None:
    decisions = [{"id": 1, "at": _at("2026-10-01"), "decision": "move_on", "reasons": "old"},
                 {"id": 2, "at": _at("2026-10-09"), "decision": "try_again", "reasons": "love"}]
    assert sos.own_reasons(decisions=decisions) == []


def test_long_reasons_are_cut_and_at_most_six_are_shown() -> None:
    rows = [{"id": i, "at": _at(f"2026-11-{i + 1:02d}"), "what": "x" * 500} for i in range(9)]
    reasons = sos.own_reasons(reappraisals=rows)
    assert len(reasons) == sos.MAX_REASONS
    assert all(len(r.text) == sos.MAX_REASON_CHARS and r.text.endswith("…") for r in reasons)


def test_the_plan_for_this_hour_is_the_active_one_holding_now() -> None:
    plans = [{"weekday": "sat", "start_time": "22:00", "action": "call Sam", "ended_at": None},
             {"weekday": "sat", "start_time": "20:00", "action": "walk", "ended_at": None},
             {"weekday": "sat", "start_time": "22:00", "action": "old",
              "ended_at": _at("2026-01-01")}]
    saturday_late = datetime(2026, 12, 5, 23, 10)
    assert sos.plan_for_now(plans, saturday_late) == "call Sam"
    assert sos.plan_for_now(plans, datetime(2026, 12, 6, 23, 10)) is None


@pytest.mark.parametrize(("seconds", "shown"), [(90, "1:30"), (61, "1:01"), (9, "0:09"),
                                                (0, "0:00"), (-3, "0:00")])
def test_the_clock_reads_minutes_and_seconds(seconds: int, shown: str) -> None:
    assert sos.clock_text(seconds) == shown


def test_the_guide_walks_through_every_line_once_over_the_wait() -> None:
    seen = [sos.guide_line(t, 90) for t in range(90)]
    assert list(dict.fromkeys(seen)) == list(texts.SOS_GUIDE)


@pytest.mark.parametrize("open_road", [True, False])
def test_only_the_open_road_speaks_of_getting_in_touch(open_road: bool) -> None:
    words = sos.intro(open_road).lower()
    assert ("touch" in words) is open_road


def test_off_the_open_road_only_the_clear_eyed_list_decision_and_no_contact_note() -> None:
    """The quiet hope and past reach-out outcomes can be hopeful words about the ex."""
    sources = {
        "reappraisals": [{"id": 1, "at": _at("2026-11-01"), "what": "He never listened"}],
        "nocontact_periods": [{"id": 1, "at": _at("2026-10-01"), "note": "to heal"}],
        "quiet_hope": "that he misses me",
        "decisions": [{"id": 1, "at": _at("2026-10-02"), "decision": "move_on",
                       "reasons": "different lives"}],
        "reachouts": [{"id": 1, "at": _at("2026-09-01"), "outcome": "he said maybe"}]}
    off = sos.own_reasons(**sources, open_road=False)
    assert [r.source for r in off] == ["decision", "clear_eyed", "no_contact"]
    on = sos.own_reasons(**sources, open_road=True)
    assert [r.source for r in on][-2:] == ["quiet_hope", "reachout"]


def test_a_ridden_out_urge_is_never_acted_on() -> None:
    assert sos.urge_values(8, 4) == {"intensity": 8, "intensity_after": 4,
                                     "rode_it_out": True, "acted_on": False}


# --- who am I now ---------------------------------------------------------------------------

def _clarity(rows: list[tuple[str, int]]) -> pd.DataFrame:
    return pd.DataFrame({"id": range(1, len(rows) + 1),
                         "at": pd.to_datetime([d + "T09:00:00Z" for d, _ in rows]),
                         "day": pd.to_datetime([d for d, _ in rows]),
                         "rating": pd.array([r for _, r in rows], dtype="Int64")})


def test_the_clarity_chart_keeps_each_weeks_latest_answer() -> None:
    weeks = self_concept.clarity_weeks(_clarity([("2026-11-02", 3), ("2026-11-04", 4),
                                                 ("2026-11-12", 6), ("2026-11-25", 7)]),
                                       date(2026, 12, 1))
    assert weeks.to_dict() == {pd.Timestamp("2026-11-02"): 4, pd.Timestamp("2026-11-09"): 6,
                               pd.Timestamp("2026-11-23"): 7}


def test_clarity_is_asked_again_a_week_after_the_last_answer() -> None:
    assert self_concept.next_clarity_day(_clarity([])) is None
    assert self_concept.next_clarity_day(_clarity([("2026-11-02", 3), ("2026-11-04", 4)])) \
        == date(2026, 11, 11)


@pytest.mark.parametrize(("text", "we", "i"), [
    ("We were happy. Our flat, our plans; us.", 4, 0),
    ("I think I'm fine, and I’ve kept my own time for myself.", 0, 5),
    ("we're not, we’ll see, let's go; I'd say mine", 3, 2),
    ("Wir waren glücklich, ich vermisse uns. Nous étions heureux, je. Nosotros, yo.", 0, 0),
    ("Iceland, weekend, usual, myth, mein", 0, 0),
    (None, 0, 0),
    (["we"], 0, 0),
])
def test_we_and_i_words_are_counted_in_english_only(text: object, we: int, i: int) -> None:
    assert self_concept.count_we_i(text) == (we, i)


def test_we_and_i_are_counted_by_the_week_they_were_written() -> None:
    days = pd.to_datetime(["2026-11-02", "2026-11-06", "2026-11-10", "2026-11-30"])
    tables = {
        "checkins": pd.DataFrame({"day": days[:3], "note": ["We went out.", "I did it.",
                                                            "ich und wir"]}),
        "answers": pd.DataFrame({"day": days[3:], "value": [7]}),  # a number counts nothing
        "reflections": pd.DataFrame({"day": days[1:2], "value": ["our home; I miss it"]}),
    }
    weekly = self_concept.weekly_we_i(tables, date(2026, 12, 1))
    assert weekly.reset_index().to_dict("records") == [
        {"week": pd.Timestamp("2026-11-02"), "we": 2, "i": 2}]


def test_we_and_i_counted_over_the_last_weeks_only_when_asked() -> None:
    """``weeks=N`` counts the last N calendar weeks, this one included, and nothing older: the
    same counts as the whole for those weeks."""
    days = pd.to_datetime(["2026-10-25", "2026-10-26", "2026-11-29", "2026-11-30",
                           "2026-12-02", "2026-12-09"])
    tables = {"checkins": pd.DataFrame({"day": days, "note": [
        "we", "we and us", "I, me", "my day", "our plan, I", "we, later"]})}
    today = date(2026, 12, 3)  # a Thursday: this week began on 30 November
    whole = self_concept.weekly_we_i(tables, today)
    assert list(whole.index) == list(pd.to_datetime(["2026-10-19", "2026-10-26", "2026-11-23",
                                                     "2026-11-30"]))
    for weeks, first in ((1, "2026-11-30"), (2, "2026-11-23"), (6, "2026-10-26"),
                         (7, "2026-10-19")):
        last = self_concept.weekly_we_i(tables, today, weeks=weeks)
        assert last.equals(whole[whole.index >= pd.Timestamp(first)]), weeks
    assert self_concept.weekly_we_i(tables, today, weeks=1).to_dict("index") == {
        pd.Timestamp("2026-11-30"): {"we": 1, "i": 2}}
    with pytest.raises(ValueError, match="weeks: 0"):
        self_concept.weekly_we_i(tables, today, weeks=0)
