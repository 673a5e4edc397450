"""Risky windows, what helped and plan review: synthetic urges with a known pattern."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta, timezone

import pandas as pd
import pytest

from exback_kit.domain import plans
from exback_kit.domain.plans import Window
from exback_kit.errors import ValidationError

TODAY = date(2026, 11, 29)  # a Sunday
MON, TUE, FRI, SAT, SUN = 0, 1, 4, 5, 6


def on(weekday: int, clock: str, weeks_ago: int = 0, tz: timezone | None = None) -> datetime:
    """Return a moment on ``weekday`` at ``clock`` in the week ``weeks_ago`` before TODAY's."""
    monday = TODAY - timedelta(days=TODAY.weekday(), weeks=weeks_ago)
    hour, minute = map(int, clock.split(":"))
    naive = datetime.combine(monday + timedelta(days=weekday), datetime.min.time()).replace(
        hour=hour, minute=minute)
    return naive.replace(tzinfo=tz or UTC)


def urges_frame(journal, entries) -> pd.DataFrame:
    """Save (moment, acted_on[, helped]) urges and return the typed urges table."""
    for e in entries:
        journal.add("urges", at=e[0], intensity=5, acted_on=e[1],
                    helped=e[2] if len(e) > 2 else "")
    return journal.table("urges")


def ranked(frame: pd.DataFrame) -> list[tuple[str, int, int]]:
    return [(plans.describe(w), n, p)
            for w, n, p in zip(frame["window"], frame["urges"], frame["let_pass"], strict=True)]


# --- risky windows ----------------------------------------------------------------------

PATTERNS = {
    "one clear window": (
        [(on(SAT, "22:15", w), w == 0) for w in range(4)] + [(on(MON, "08:00", 1), False)],
        [("Saturdays 22:00–24:00", 4, 3)]),
    "ranked by count": (
        [(on(SAT, "23:00", w), False) for w in range(5)]
        + [(on(FRI, "20:30", w), False) for w in range(3)],
        [("Saturdays 22:00–24:00", 5, 5), ("Fridays 20:00–22:00", 3, 3)]),
    "a tie goes to the window acted on more, then to the earlier in the week": (
        [(on(SAT, "22:00", w), w < 2) for w in range(3)]
        + [(on(FRI, "20:00", w), False) for w in range(3)]
        + [(on(MON, "10:00", w), False) for w in range(3)],
        [("Saturdays 22:00–24:00", 3, 1), ("Mondays 10:00–12:00", 3, 3),
         ("Fridays 20:00–22:00", 3, 3)]),
    "across midnight: Saturday night and early Sunday are two windows": (
        [(on(SAT, "23:40", w), False) for w in range(3)]
        + [(on(SUN, "00:20", w), False) for w in range(2)] + [(on(SUN, "01:59", 2), True)],
        [("Sundays 00:00–02:00", 3, 2), ("Saturdays 22:00–24:00", 3, 3)]),
    "fewer than 3 urges in a window is not a window yet": (
        [(on(SAT, "22:00", w), False) for w in range(2)]
        + [(on(d, "12:00"), False) for d in range(6)],
        []),
    "only the last 8 weeks count": (
        [(on(SAT, "22:00", w), False) for w in (2, 9, 10, 11)],
        []),
}


@pytest.mark.parametrize("name", sorted(PATTERNS))
def test_known_pattern_gives_the_expected_windows_in_order(journal, name):
    entries, expected = PATTERNS[name]
    frame = plans.risky_windows(urges_frame(journal, entries), TODAY)
    assert ranked(frame) == expected


def test_the_eight_weeks_end_on_today_and_reach_back_56_days(journal):
    inside = datetime.combine(TODAY - timedelta(days=55), datetime.min.time(), UTC)
    outside = inside - timedelta(days=1)
    frame = urges_frame(journal, [(inside, False), (outside, False)])
    assert len(plans.recent(frame, TODAY)) == 1
    assert len(plans.recent(frame, TODAY - timedelta(days=60))) == 0  # none later than today


@pytest.mark.parametrize("tz", [UTC, timezone(timedelta(hours=2)),
                                timezone(timedelta(hours=-5)), timezone(timedelta(hours=9))])
def test_a_window_is_local_wall_clock_time_wherever_the_urge_was_noted(journal, tz):
    """22:30 where the person was is 22:30, even when it is another day in UTC."""
    entries = [(on(SAT, "22:30", w, tz), False) for w in range(3)]
    frame = plans.risky_windows(urges_frame(journal, entries), TODAY)
    assert ranked(frame) == [("Saturdays 22:00–24:00", 3, 3)]


def test_urges_noted_in_several_time_zones_still_meet_in_one_window(journal):
    zones = [timezone(timedelta(hours=h)) for h in (1, -8, 10)]
    entries = [(on(FRI, "21:10", w, tz), False) for w, tz in enumerate(zones)]
    assert ranked(plans.risky_windows(urges_frame(journal, entries), TODAY)) == [
        ("Fridays 20:00–22:00", 3, 3)]


def test_no_urges_gives_no_windows_with_the_same_columns(journal):
    frame = plans.risky_windows(journal.table("urges"), TODAY)
    assert frame.empty and list(frame.columns) == ["window", "urges", "let_pass"]


def test_today_is_a_parameter_not_the_import_day(journal):
    entries = [(on(SAT, "22:00", w), False) for w in range(3)]
    frame = urges_frame(journal, entries)
    assert len(plans.risky_windows(frame, TODAY)) == 1
    assert len(plans.risky_windows(frame, TODAY + timedelta(weeks=12))) == 0


# --- parsing --when -------------------------------------------------------------------------

@pytest.mark.parametrize(("text", "window"), [
    ("sat 22:00", Window(SAT, 22)), ("Sat 23:59", Window(SAT, 22)),
    ("saturday 22", Window(SAT, 22)), ("SUN 0:30", Window(SUN, 0)),
    ("mon 09:15", Window(MON, 8)), ("fri  21:00", Window(FRI, 20))])
def test_when_is_the_two_hour_block_holding_that_time(text, window):
    assert plans.parse_when(text) == window


@pytest.mark.parametrize(("text", "named"), [
    ("sab 22:00", "'sab'"), ("sat 24:00", "'24:00'"), ("sat 22:60", "'22:60'"),
    ("sat night", "'night'"), ("22:00", "'22:00'"), ("", "''"), ("sat 22:00 extra", "extra")])
def test_a_bad_when_names_the_value_and_what_is_allowed(text, named):
    with pytest.raises(ValidationError) as caught:
        plans.parse_when(text)
    message = str(caught.value)
    assert named in message and "--when" in message
    assert "sat" in message or "22:00" in message or "23:59" in message


def test_window_words_and_stored_ids_round_trip():
    for window in plans.all_windows():
        assert Window.stored(**window.ids) == window == Window.at_key(window.key)
    assert len(plans.all_windows()) == 84
    assert plans.describe(Window(SUN, 22), plural=False) == "Sunday 22:00–24:00"
    with pytest.raises(ValueError, match="no such window"):
        Window(SAT, 23)


# --- what helped, honestly ------------------------------------------------------------------

def test_what_helped_counts_uses_let_pass_and_contact_within_a_day(journal):
    entries = ([(on(MON, "10:00", w), False, "a walk") for w in range(3)]
               + [(on(MON, "12:00", 4), True, "A  Walk")]
               + [(on(FRI, "20:00", w), False, "tea") for w in range(2)]  # only 2 uses
               + [(on(SAT, "20:00", w), w == 1, "called Sam") for w in range(3)])
    urges = urges_frame(journal, entries)
    # contact 3 h after one walk urge, 30 h after another (outside the day), logistics after a third
    journal.log_contact("me", at=on(MON, "13:00", 0))
    journal.log_contact("me", at=on(MON, "16:00", 1) + timedelta(days=1))
    journal.log_contact("me", logistics=True, at=on(MON, "11:00", 2))
    journal.log_contact("me", at=on(SAT, "21:00", 1))
    out = plans.what_helped(urges, journal.table("contacts"), TODAY)
    assert list(out.index) == ["a walk", "called Sam"]
    assert out.loc["a walk"].tolist() == [4, 3, 1]
    assert out.loc["called Sam"].tolist() == [3, 2, 1]
    assert "tea" not in out.index


def test_three_uses_is_the_line_for_being_shown(journal):
    urges = urges_frame(journal, [(on(MON, "10:00", w), False, "tea") for w in range(2)])
    assert plans.what_helped(urges, journal.table("contacts"), TODAY).empty
    journal.log_urge(5, helped="Tea", at=on(MON, "10:00", 3))
    out = plans.what_helped(journal.table("urges"), journal.table("contacts"), TODAY)
    assert out.loc["tea"].tolist() == [3, 3, 0]


def test_contact_share_counts_urges_followed_by_contact_within_24_hours(journal):
    urges = urges_frame(journal, [(on(MON, "10:00", 1), False), (on(TUE, "10:00", 1), True),
                                  (on(FRI, "10:00", 1), False)])
    journal.log_contact("them", replied=True, at=on(TUE, "11:00", 1))  # replying counts
    journal.log_contact("them", replied=False, at=on(FRI, "11:00", 1))  # not replying doesn't
    contacts = journal.table("contacts")
    # Tuesday 11:00 is 1 h after Tuesday's urge but 25 h after Monday's.
    assert plans.followed_by_contact(urges, contacts).tolist() == [False, True, False]
    assert plans.contact_share(urges, contacts, TODAY) == (1, 3)


def test_contact_before_the_urge_does_not_count(journal):
    urges = urges_frame(journal, [(on(MON, "10:00", 1), False)])
    journal.log_contact("me", at=on(MON, "09:59", 1))
    assert plans.followed_by_contact(urges, journal.table("contacts")).tolist() == [False]


def test_suggestions_put_the_persons_own_words_first(journal):
    entries = ([(on(MON, "10:00", w), False, "a walk") for w in range(3)]
               + [(on(MON, "12:00", 1), False, "Sam")] + [(on(MON, "12:00", 2), True, "tv")])
    urges = urges_frame(journal, entries)
    ideas, own = plans.suggestions(urges, journal.table("contacts"), TODAY)
    assert own and ideas == ["a walk", "Sam"]  # tv was never followed by letting it pass


def test_without_anything_helped_the_kit_offers_its_own_few_ideas(journal):
    ideas, own = plans.suggestions(journal.table("urges"), journal.table("contacts"), TODAY)
    assert not own and ideas and all(isinstance(i, str) for i in ideas)


# --- plans and review ------------------------------------------------------------------

def test_review_counts_urges_acted_on_in_the_window_before_and_since(journal):
    start = on(SAT, "12:00", 3)
    before = [(on(SAT, "22:30", w), w % 2 == 0) for w in range(4, 8)]  # 4 urges, 2 acted
    long_ago = [(on(SAT, "22:30", 12), True)]  # more than 8 weeks before: not counted
    since = [(on(SAT, "23:00", w), w == 0) for w in range(3)]  # 3 urges, 1 acted
    elsewhere = [(on(FRI, "22:30", 1), True)]
    urges = urges_frame(journal, before + long_ago + since + elsewhere)
    pid = journal.add("plans", at=start, weekday="sat", start_time="22:00", action="call Sam")
    review = plans.plan_review(urges, journal.table("plans"), TODAY)
    row = review.loc[pid]
    assert (row["before_urges"], row["before_acted"]) == (4, 2)
    assert (row["since_urges"], row["since_acted"]) == (3, 1)
    assert row["since_days"] == (TODAY - start.date()).days + 1


def test_an_ended_plan_is_reviewed_up_to_its_end_and_is_not_active(journal):
    urges = urges_frame(journal, [(on(SAT, "22:30", w), True) for w in range(3)])
    pid = journal.add("plans", at=on(SAT, "09:00", 3), weekday="sat", start_time="22:00",
                      action="x")
    journal.update("plans", pid, ended_at=on(SAT, "23:59", 1))  # after week 1’s urge
    table = journal.table("plans")
    assert plans.active_plans(table).empty and plans.planned_windows(table) == []
    assert plans.plan_review(urges, table, TODAY).loc[pid, "since_urges"] == 2


def test_active_plans_come_in_week_order_with_their_window(journal):
    journal.add("plans", weekday="sun", start_time="00:00", action="b")
    journal.add("plans", weekday="mon", start_time="08:00", action="a")
    active = plans.active_plans(journal.table("plans"))
    assert list(active["action"]) == ["a", "b"]
    assert plans.planned_windows(journal.table("plans")) == [Window(MON, 8), Window(SUN, 0)]


def test_review_of_no_plans_is_an_empty_frame(journal):
    review = plans.plan_review(journal.table("urges"), journal.table("plans"), TODAY)
    assert review.empty and "since_acted" in review.columns
