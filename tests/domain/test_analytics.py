"""Analytics rules, checked on entries written through a real journal in tmp_path."""

from __future__ import annotations

import math
from datetime import date, timedelta

import numpy as np
import pandas as pd
import pytest

from exback_kit import content
from exback_kit.domain import mood, nocontact, progress, scales, timeline, urges
from exback_kit.store import reads
from exback_kit.store.schema import TABLES

TODAY = date(2025, 3, 10)


def tables(journal):
    return reads.load_tables(journal)


def period(journal, start: date, target: int = 30) -> None:
    journal.add("nocontact_periods", start_day=start, target_days=target)


# --- loading ---------------------------------------------------------------------

def test_load_tables_reads_every_kind_typed(journal):
    journal.add_checkin(6, at="2025-03-01T09:00")
    out = tables(journal)
    assert set(out) == set(TABLES)
    assert out["checkins"]["mood"].tolist() == [6]
    assert out["urges"].empty and "hour" in out["urges"]


def test_first_day_is_the_earliest_entry_of_any_kind(journal):
    journal.add_checkin(5, at="2025-03-05T09:00")
    journal.log_urge(4, at="2025-03-02T22:00")
    assert timeline.first_day(tables(journal), TODAY) == date(2025, 3, 2)


def test_first_day_of_an_empty_journal_is_none(journal):
    assert timeline.first_day(tables(journal), TODAY) is None


# --- mood ------------------------------------------------------------------------

def test_daily_mood_means_per_day_and_leaves_missing_days_missing(journal):
    journal.add_checkin(4, energy=2, at="2025-03-01T08:00")
    journal.add_checkin(8, energy=6, at="2025-03-01T21:00")
    journal.add_checkin(3, at="2025-03-03T12:00")
    daily = mood.daily_mood(tables(journal)["checkins"], date(2025, 3, 4))
    assert list(daily.index.strftime("%m-%d")) == ["03-01", "03-02", "03-03", "03-04"]
    assert daily["mood"].iloc[0] == 6.0
    assert math.isnan(daily["mood"].iloc[1]) and math.isnan(daily["mood"].iloc[3])
    assert daily["energy"].iloc[0] == 4.0 and math.isnan(daily["energy"].iloc[2])
    assert daily["checkins"].tolist() == [2, 0, 1, 0]
    # The rolling mean averages the days that have a mood; gaps are not zeros.
    assert daily["rolling"].tolist() == [6.0, 6.0, 4.5, 4.5]


def test_daily_mood_rolling_window_forgets_old_days(journal):
    journal.add_checkin(2, at="2025-03-01T08:00")
    journal.add_checkin(9, at="2025-03-09T08:00")
    daily = mood.daily_mood(tables(journal)["checkins"], TODAY, window=7)
    assert math.isnan(daily.loc["2025-03-08", "rolling"])  # 03-02..03-08 hold nothing
    assert daily.loc["2025-03-09", "rolling"] == 9.0


def test_daily_mood_ignores_entries_after_today_and_handles_empty(journal):
    journal.add_checkin(5, at="2025-03-01T08:00")
    journal.add_checkin(9, at="2025-03-20T08:00")
    daily = mood.daily_mood(tables(journal)["checkins"], TODAY)
    assert daily.index[-1] == pd.Timestamp(TODAY) and daily["mood"].max() == 5.0
    assert mood.daily_mood(tables(journal)["checkins"].iloc[:0], TODAY).empty


def test_mood_points_keep_only_check_ins_with_energy_in_the_window(journal):
    journal.add_checkin(5, energy=3, at="2025-02-01T08:00")
    journal.add_checkin(6, at="2025-03-08T08:00")
    journal.add_checkin(7, energy=8, at="2025-03-09T08:00")
    points = mood.mood_points(tables(journal)["checkins"], TODAY, days=30)
    assert points[["mood", "energy"]].values.tolist() == [[7.0, 8.0]]
    assert len(mood.mood_points(tables(journal)["checkins"], TODAY)) == 2


# --- No-Contact ------------------------------------------------------------------

def summary(journal, today=TODAY, **kw):
    t = tables(journal)
    return nocontact.no_contact(t["contacts"], t["nocontact_periods"], today, **kw)


def test_no_contacts_at_all_counts_every_day_of_the_period(journal):
    period(journal, date(2025, 3, 1), target=30)
    s = summary(journal)
    assert (s.current_streak, s.longest_streak, s.days_without_contact) == (10, 10, 10)
    assert (s.lapses, s.share_last_30, s.days_in_period) == (0, 1.0, 10)
    assert (s.days_to_target, s.target_reached) == (20, False)
    assert s.start_day == date(2025, 3, 1) and s.target_days == 30


def test_a_period_that_starts_today_is_day_one(journal):
    period(journal, TODAY, target=21)
    s = summary(journal)
    assert (s.current_streak, s.longest_streak, s.days_in_period) == (1, 1, 1)
    assert s.days_to_target == 20 and not s.target_reached


@pytest.mark.parametrize(("moment", "lapse_day"), [
    ("2025-03-05T23:59", date(2025, 3, 5)),
    ("2025-03-06T00:01", date(2025, 3, 6)),
])
def test_a_contact_counts_on_its_local_day(journal, moment, lapse_day):
    period(journal, date(2025, 3, 1))
    journal.log_contact("me", at=moment)
    days = nocontact.no_contact_days(tables(journal)["contacts"],
                                    tables(journal)["nocontact_periods"], TODAY)
    assert list(days.index[days["lapse"]].date) == [lapse_day]
    s = summary(journal)
    assert s.current_streak == (TODAY - lapse_day).days
    assert s.longest_streak == max((lapse_day - date(2025, 3, 1)).days, s.current_streak)


def test_several_contacts_on_one_day_are_one_lapse(journal):
    period(journal, date(2025, 3, 1))
    for hour in (9, 13, 22):
        journal.log_contact("me", at=f"2025-03-04T{hour:02d}:00")
    s = summary(journal)
    assert s.lapses == 1 and s.days_without_contact == 9
    assert (s.current_streak, s.longest_streak) == (6, 6)


@pytest.mark.parametrize(("initiated_by", "replied", "logistics", "is_lapse"), [
    ("me", False, False, True),
    ("me", True, False, True),
    ("them", True, False, True),     # replying breaks the streak
    ("them", False, False, False),   # their message left unanswered does not
    ("me", False, True, False),      # logistics (children, a lease) never does
    ("them", True, True, False),
])
def test_what_counts_as_a_lapse(journal, initiated_by, replied, logistics, is_lapse):
    period(journal, date(2025, 3, 1))
    journal.log_contact(initiated_by, replied=replied, logistics=logistics,
                        at="2025-03-10T08:00")
    s = summary(journal)
    assert s.lapses == int(is_lapse)
    assert s.current_streak == (0 if is_lapse else 10)


def test_a_lapse_does_not_undo_a_reached_target(journal):
    period(journal, date(2025, 1, 1), target=30)
    journal.log_contact("me", at="2025-03-08T12:00")
    s = summary(journal)
    assert s.longest_streak == 66 and s.current_streak == 2
    assert s.target_reached and s.days_to_target == 0


def test_share_of_the_last_30_days_looks_only_at_those_days(journal):
    period(journal, date(2025, 1, 1))
    journal.log_contact("me", at="2025-01-05T12:00")  # long ago: outside the window
    journal.log_contact("me", at="2025-03-01T12:00")
    journal.log_contact("them", replied=True, at="2025-03-02T12:00")
    s = summary(journal)
    assert s.share_last_30 == pytest.approx(28 / 30)
    assert s.lapses == 3 and s.days_in_period == 69


def test_the_latest_started_period_wins_and_earlier_contacts_are_ignored(journal):
    period(journal, date(2025, 1, 1), target=60)
    journal.log_contact("me", at="2025-02-01T12:00")
    period(journal, date(2025, 3, 5), target=14)
    s = summary(journal)
    assert s.start_day == date(2025, 3, 5) and s.target_days == 14
    assert s.lapses == 0 and s.current_streak == 6 and s.days_to_target == 8


def test_a_period_starting_after_today_does_not_count_yet(journal):
    period(journal, date(2025, 3, 1), target=10)
    s = summary(journal, today=date(2025, 2, 20), fallback=None)
    assert s.start_day is None and s.days_in_period == 0


def test_without_a_period_the_count_starts_at_the_first_data(journal):
    journal.log_contact("me", at="2025-03-03T12:00")
    s = summary(journal, fallback=date(2025, 3, 1))
    assert s.start_day == date(2025, 3, 1) and s.target_days is None
    assert s.days_to_target is None and not s.target_reached
    assert (s.longest_streak, s.current_streak, s.lapses) == (7, 7, 1)
    assert summary(journal).start_day == date(2025, 3, 3)  # no fallback: first contact


def test_an_empty_journal_has_no_period(journal):
    s = summary(journal)
    assert s.start_day is None and s.current_streak == 0 and s.lapses == 0


def test_lapse_days_cover_all_time_until_today(journal):
    journal.log_contact("me", at="2024-12-24T12:00")
    journal.log_contact("me", logistics=True, at="2025-01-02T12:00")
    journal.log_contact("them", replied=True, at="2025-03-20T12:00")
    days = nocontact.lapse_days(tables(journal)["contacts"], TODAY)
    assert list(days.date) == [date(2024, 12, 24)]


# --- habits and mood ----------------------------------------------------------------

def test_habit_mood_compares_days_with_and_without(journal):
    moods = {1: (8, ["exercise"]), 2: (6, ["exercise", "drank alcohol"]), 3: (4, []),
             4: (2, ["drank alcohol"]), 5: (5, [])}
    for d, (value, habits) in moods.items():
        journal.add_checkin(value, habits=habits, at=f"2025-03-0{d}T09:00")
    journal.add_checkin(10, habits=["exercise"], at="2025-03-01T20:00")  # day 1 mean: 9
    out = mood.habit_mood(tables(journal)["checkins"], TODAY)
    assert list(out.index) == ["exercise", "drank alcohol"]
    ex = out.loc["exercise"]
    assert (ex.with_mood, ex.without_mood) == (7.5, pytest.approx(11 / 3))
    assert (ex.days_with, ex.days_without) == (2, 3)
    assert ex.difference == pytest.approx(7.5 - 11 / 3)
    half = 1.96 * math.sqrt(np.var([9, 6], ddof=1) / 2 + np.var([4, 2, 5], ddof=1) / 3)
    assert (ex.low, ex.high) == (pytest.approx(ex.difference - half),
                                 pytest.approx(ex.difference + half))
    assert bool(out.loc["drank alcohol", "to_reduce"]) and not bool(ex.to_reduce)


def test_habit_mood_gives_no_interval_for_a_single_day(journal):
    journal.add_checkin(7, habits=["hobby"], at="2025-03-01T09:00")
    journal.add_checkin(5, at="2025-03-02T09:00")
    journal.add_checkin(3, at="2025-03-03T09:00")
    row = mood.habit_mood(tables(journal)["checkins"], TODAY).loc["hobby"]
    assert row.difference == 3.0 and math.isnan(row.low) and math.isnan(row.high)


def test_habit_mood_is_empty_without_habits(journal):
    assert mood.habit_mood(tables(journal)["checkins"], TODAY).empty
    journal.add_checkin(5, at="2025-03-01T09:00")
    assert mood.habit_mood(tables(journal)["checkins"], TODAY).empty


# --- wellbeing -------------------------------------------------------------------

def test_wellbeing_reports_who5_percent_and_rosenberg_total(journal):
    journal.add("instrument_results", instrument="who5", items=[1, 1, 2, 2, 1], raw=7,
                score=28.0, at="2025-02-01T10:00")
    journal.add("instrument_results", instrument="rosenberg", items=[2] * 10, raw=20,
                score=66.7, at="2025-02-02T10:00")
    journal.add("instrument_results", instrument="who5", items=[3, 3, 3, 2, 2], raw=13,
                score=52.0, at="2025-02-15T10:00")
    out = scales.wellbeing(tables(journal)["instrument_results"], TODAY)
    assert out["instrument"].tolist() == ["who5", "rosenberg", "who5"]
    assert out["value"].tolist() == [28.0, 20.0, 52.0]
    assert out["band"].tolist() == ["low", "", "good"]  # bands from instruments.who5_band


# --- the journey -----------------------------------------------------------------

PLAN = {"01_space_and_clarity": {1: frozenset({"a", "b"}), 2: frozenset({"c"})},
        "03_rebuilding_you": {4: frozenset({"root", "plan"}), 5: frozenset(), 6: frozenset(),
                              7: frozenset()},
        "05_reconnecting": {10: frozenset({"invite"})}}


def test_journey_progress_counts_answered_questions(journal):
    journal.save_answer(4, "root", "x", at="2025-03-01T10:00")
    journal.save_answer(4, "root", "y", at="2025-03-02T10:00")  # the same question again
    journal.save_answer(4, "not_in_content", "y", at="2025-03-02T11:00")
    journal.save_answer(5, "anything", "z", at="2025-03-03T10:00")  # step without questions
    journal.save_answer(1, "a", 30, at="2025-02-01T10:00")
    out = progress.stage_progress(tables(journal)["answers"], TODAY, plan=PLAN)
    assert list(out.index) == list(PLAN)
    rebuild = out.loc["03_rebuilding_you"]
    assert (rebuild.steps, rebuild.steps_answered, rebuild.questions, rebuild.answered) == (
        4, 2, 5, 2)
    assert rebuild.progress == pytest.approx(2 / 5)
    assert rebuild.last_day == pd.Timestamp("2025-03-03")
    assert out.loc["01_space_and_clarity", "progress"] == pytest.approx(1 / 3)
    assert out.loc["05_reconnecting", "progress"] == 0.0
    assert pd.isna(out.loc["05_reconnecting", "last_day"])


def test_the_plan_comes_from_the_kits_content(journal):
    plan = progress.stage_plan(content.load())
    assert "08_dashboard" not in plan and plan["00_start_here"]  # step 0 belongs to stage 00
    first = sorted(plan["02_reading_the_signals"][3])[0]
    journal.save_answer(3, first, "a friend mentioned it", at="2025-03-01T10:00")
    out = progress.stage_progress(tables(journal)["answers"], TODAY, plan=plan)
    total = len(plan["02_reading_the_signals"][3])
    assert out.loc["02_reading_the_signals", "progress"] == pytest.approx(1 / total)
    assert out["answered"].sum() == 1


@pytest.mark.parametrize(("step", "stage"), [(0, "00_start_here"), (2, "01_space_and_clarity"),
                                             (13, "05_reconnecting"),
                                             (18, "07_relationship_2_0"), (19, None)])
def test_stage_of_step(step, stage):
    assert content.load().stage_of_step(step) == stage


# --- urges -------------------------------------------------------------------------

def test_urge_clock_places_each_urge_by_local_weekday_and_hour(journal):
    journal.log_urge(5, at="2025-03-03T23:30")   # a Monday
    journal.log_urge(5, at="2025-03-03T23:50")
    journal.log_urge(5, at="2025-03-09T00:10")   # a Sunday
    grid = urges.urge_clock(tables(journal)["urges"], TODAY)
    assert grid.shape == (7, 24) and grid.to_numpy().sum() == 3
    assert grid.loc[0, 23] == 2 and grid.loc[6, 0] == 1


def test_triggers_merge_case_and_spacing_and_rank_by_count(journal):
    for trigger, acted in [("Late night", False), ("late  night ", True), ("late night", False),
                           ("a song", False), ("", False), ("Alcohol", True)]:
        journal.log_urge(6, trigger=trigger, acted_on=acted, at="2025-03-02T21:00")
    out = urges.urge_triggers(tables(journal)["urges"], TODAY)
    assert list(out.index) == ["late night", "Alcohol", "a song"]
    assert out["count"].tolist() == [3, 1, 1] and out["resisted"].tolist() == [2, 0, 1]


def test_what_helped_is_ranked_by_urges_resisted(journal):
    for helped, acted in [("walk", True), ("walk", True), ("walk", False), ("called a friend",
                          False), ("called a friend", False), ("tea", False)]:
        journal.log_urge(6, helped=helped, acted_on=acted, at="2025-03-02T21:00")
    out = urges.urge_helped(tables(journal)["urges"], TODAY)
    assert list(out.index) == ["called a friend", "walk", "tea"]
    assert out.loc["walk"].tolist() == [3, 1]


def test_weekly_urges_keep_empty_weeks_and_leave_their_share_missing(journal):
    journal.log_urge(5, at="2025-02-18T10:00")
    journal.log_urge(5, acted_on=True, at="2025-02-20T10:00")
    journal.log_urge(5, at="2025-03-04T10:00")
    out = urges.urges_weekly(tables(journal)["urges"], TODAY)
    assert list(out.index.strftime("%m-%d")) == ["02-17", "02-24", "03-03", "03-10"]
    assert out["urges"].tolist() == [2, 0, 1, 0]
    assert out["share_resisted"].iloc[0] == 0.5 and out["share_resisted"].iloc[2] == 1.0
    assert math.isnan(out["share_resisted"].iloc[1])
    assert urges.urges_weekly(tables(journal)["urges"].iloc[:0], TODAY).empty


def test_urge_totals_over_a_window(journal):
    journal.log_urge(5, at=(TODAY - timedelta(days=40)).isoformat())
    journal.log_urge(5, acted_on=True, at="2025-03-08T10:00")
    journal.log_urge(5, at="2025-03-09T10:00")
    assert urges.urge_totals(tables(journal)["urges"], TODAY) == (3, 2)
    assert urges.urge_totals(tables(journal)["urges"], TODAY, days=7) == (2, 1)
