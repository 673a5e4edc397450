"""domain.moving_on: how much they were on your mind, before/after pairs, topic progress."""

from __future__ import annotations

from datetime import date, datetime, time

import numpy as np
import pandas as pd
import pytest

from exback_kit.charts import moving_on as charts
from exback_kit.content import texts
from exback_kit.domain import moving_on

TODAY = date(2025, 6, 18)


def at(day: int, hour: int = 20) -> datetime:
    return datetime.combine(date(2025, 6, day), time(hour)).astimezone()


@pytest.fixture
def tables(journal):
    """The in-memory journal of tests/domain/conftest.py and a way to read its frames."""
    return journal, journal.tables


def test_mind_by_day_starts_at_the_first_rating_and_never_fills_gaps_with_zero(tables):
    journal, load = tables
    journal.add_checkin(mood=3, at=at(1))             # before anyone asked: not on the line
    journal.add_checkin(mood=4, mind=8, at=at(10))
    journal.add_checkin(mood=6, mind=6, at=at(10, 22))
    journal.add_checkin(mood=7, at=at(12))            # mood without mind still counts for mood
    daily = moving_on.mind_by_day(load()["checkins"], TODAY)
    assert daily.index[0] == pd.Timestamp("2025-06-10") and daily.index[-1] == pd.Timestamp(TODAY)
    assert daily.loc["2025-06-10", "mind"] == 7 and daily.loc["2025-06-10", "mood"] == 5
    assert np.isnan(daily.loc["2025-06-11", "mind"])
    assert np.isnan(daily.loc["2025-06-12", "mind"]) and daily.loc["2025-06-12", "mood"] == 7
    assert daily.loc["2025-06-12", "mind_rolling"] == 7  # the mean of the days that have one
    assert daily.loc["2025-06-12", "mood_rolling"] == 6


def test_mind_by_day_is_empty_until_a_checkin_has_a_rating(tables):
    journal, load = tables
    journal.add_checkin(mood=5, at=at(3))
    assert moving_on.mind_by_day(load()["checkins"], TODAY).empty


def test_a_zero_rating_is_data_not_a_gap(tables):
    journal, load = tables
    journal.add_checkin(mood=5, mind=0, at=at(17))
    daily = moving_on.mind_by_day(load()["checkins"], TODAY)
    assert daily["mind"].tolist() == [0.0, pytest.approx(np.nan, nan_ok=True)]


@pytest.mark.parametrize("this_week, last_week, words", [
    ([3, 3], [6, 6], "down"), ([6, 6], [3, 3], "up"), ([5, 5], [5.2, 5.2], "same")])
def test_the_mind_summary_compares_this_week_with_the_one_before(tables, this_week, last_week,
                                                                words):
    journal, load = tables
    for day, value in zip((5, 6), last_week, strict=True):
        journal.add_checkin(mood=5, mind=round(value), at=at(day))
    for day, value in zip((15, 16), this_week, strict=True):
        journal.add_checkin(mood=5, mind=value, at=at(day))
    sentence = charts.summarize_mind(charts.prepare_mind(load(), TODAY))
    assert texts.CHART_MIND_CHANGE[words] in sentence
    assert "across 2 days with a rating" in sentence


def test_the_mind_summary_says_so_when_the_last_week_has_no_rating(tables):
    journal, load = tables
    journal.add_checkin(mood=5, mind=4, at=at(2))
    assert charts.summarize_mind(charts.prepare_mind(load(), TODAY)) == texts.SUMMARY_MIND_QUIET


def test_reappraisal_pairs_keep_entries_with_a_before_and_an_after(tables):
    journal, load = tables
    journal.add("reappraisals", what="a", feelings_before=8, feelings_after=6, at=at(3))
    journal.add("reappraisals", what="b", mood_before=3, mood_after=5, at=at(4))
    journal.add("reappraisals", what="c", feelings_before=7, mood_before=4, at=at(5))  # no after
    journal.add("reappraisals", what="d", feelings_before=7, feelings_after=7, at=at(20))  # later
    pairs = moving_on.reappraisal_pairs(load()["reappraisals"], TODAY)
    assert pairs["feelings_change"].tolist()[0] == -2
    assert pairs["mood_change"].tolist()[1] == 2
    assert len(pairs) == 2
    feelings = moving_on.pair_means(pairs, "feelings")
    assert (feelings.count, feelings.before, feelings.after) == (1, 8.0, 6.0)
    sentence = charts.summarize_reappraisal(charts.prepare_reappraisal(load(), TODAY))
    assert sentence == texts.say(texts.SUMMARY_PAIRS, count=1, changes=(
        "feelings for them went from 8 to 6, and mood went from 3 to 5"))


def test_reappraisal_summary_with_only_mood_rated(tables):
    journal, load = tables
    journal.add("reappraisals", what="b", mood_before=2, mood_after=4, at=at(4))
    sentence = charts.summarize_reappraisal(charts.prepare_reappraisal(load(), TODAY))
    assert sentence == ("Across 1 line with before and after ratings, on average mood went "
                        "from 2 to 4.")


def test_topic_progress_counts_prompts_answered_and_lists_started(tables):
    journal, load = tables
    plan = {"grief": frozenset({"learned", "keep"}), "devices": frozenset()}
    t = load()
    empty = moving_on.topic_progress(plan, t["reflections"], {"devices": t["checklist_items"]},
                                     TODAY)
    assert (empty.answered, empty.parts, empty.last_day) == (0, 3, None)
    journal.add("reflections", topic="grief", question="learned", value="x", at=at(2))
    journal.add("reflections", topic="grief", question="learned", value="y", at=at(3))
    journal.add("reflections", topic="other", question="keep", value="z", at=at(4))
    journal.add("checklist_items", checklist="devices", item="mute", at=at(6))
    t = load()
    done = moving_on.topic_progress(plan, t["reflections"], {"devices": t["checklist_items"]},
                                    TODAY)
    assert (done.answered, done.parts, done.last_day) == (2, 3, pd.Timestamp("2025-06-06"))
