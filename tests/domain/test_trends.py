"""domain.trends: the week, this week against the week before, and the old habits' windows."""

from __future__ import annotations

from datetime import date

import numpy as np
import pandas as pd
import pytest

from exback_kit.domain import trends

NAN = np.nan


def daily(before: list[float], week: list[float]) -> pd.Series:
    """Fourteen days (the week before, then this week) ending on 14 June 2025."""
    days = pd.date_range(end="2025-06-14", periods=len(before) + len(week), freq="D", name="day")
    return pd.Series([*before, *week], index=days, dtype="float64")


@pytest.mark.parametrize(("before", "week", "expected"), [
    pytest.param([4] * 7, [6] * 7, "up", id="up"),
    pytest.param([6] * 7, [4] * 7, "down", id="down"),
    pytest.param([5] * 7, [5.5] * 7, "up", id="up-exactly-at-the-threshold"),
    pytest.param([5.5] * 7, [5] * 7, "down", id="down-exactly-at-the-threshold"),
    pytest.param([5] * 7, [5.4] * 7, "same", id="same-just-under-the-threshold"),
    pytest.param([5.4] * 7, [5] * 7, "same", id="same-just-under-the-threshold-down"),
    pytest.param([NAN] * 6 + [3], [NAN] * 6 + [8], "up", id="one-day-each-is-enough"),
    pytest.param([NAN] * 7, [5] * 7, None, id="nothing-the-week-before"),
    pytest.param([5] * 7, [NAN] * 7, None, id="nothing-this-week"),
    pytest.param([], [5, 6], None, id="fewer-than-seven-days"),
])
def test_this_week_against_the_week_before(before, week, expected):
    means = trends.week_means(daily(before, week))
    got = (None if means.mean is None or means.previous is None
           else trends.change(means.mean, means.previous))
    assert got == expected


def test_the_weekly_means_skip_days_without_a_value_and_count_the_days_with_one():
    means = trends.week_means(daily([2, NAN, 4, NAN, NAN, NAN, NAN], [NAN, 7, NAN, 9, NAN, NAN, 8]))
    assert (means.mean, means.days, means.previous) == (8.0, 3, 3.0)


def test_a_quiet_week_has_no_mean_and_no_days():
    means = trends.week_means(daily([5] * 7, [NAN] * 7))
    assert (means.mean, means.days, means.previous) == (None, 0, 5.0)


@pytest.mark.parametrize(("day", "monday"), [
    ("2025-06-16", "2025-06-16"),  # a Monday is its own week's start
    ("2025-06-18", "2025-06-16"),
    ("2025-06-22", "2025-06-16"),  # Sunday still belongs to the week that began on Monday
    ("2025-06-23", "2025-06-23"),
])
def test_a_week_starts_on_its_monday(day, monday):
    assert trends.week_start(pd.Timestamp(day)) == pd.Timestamp(monday)
    assert list(trends.week_starts(pd.DatetimeIndex([day]))) == [pd.Timestamp(monday)]


def test_weeks_step_seven_days():
    weeks = pd.date_range("2025-06-02", "2025-06-23", freq=trends.WEEK_FREQ)
    assert trends.WEEK_DAYS == 7 and len(weeks) == 4


def old_habits(*entries: tuple[str, str]) -> pd.DataFrame:
    return pd.DataFrame({"day": pd.to_datetime([d for d, _ in entries]),
                         "habit": [h for _, h in entries]})


def test_habit_counts_compare_the_last_14_days_with_the_14_before():
    today = date(2025, 6, 28)
    frame = old_habits(
        ("2025-06-28", "Checking their phone"),   # today: recent
        ("2025-06-15", " checking their phone "),  # 13 days ago: still recent
        ("2025-06-14", "checking their phone"),   # 14 days ago: before
        ("2025-06-01", "re-arguing"),             # 27 days ago: before
        ("2025-05-31", "re-arguing"),             # 28 days ago: neither
        ("2025-06-29", "re-arguing"),             # tomorrow: neither
    )
    out = trends.habit_counts(frame, today)
    assert list(out.index) == ["checking their phone", "re-arguing"]
    assert out.loc["checking their phone"].tolist() == [2, 1]
    assert out.loc["re-arguing"].tolist() == [0, 1]


def test_habit_counts_are_empty_when_nothing_falls_in_either_window():
    out = trends.habit_counts(old_habits(("2025-01-01", "re-arguing")), date(2025, 6, 28))
    assert out.empty and list(out.columns) == ["recent", "before"]
    assert trends.habit_counts(old_habits(), date(2025, 6, 28)).empty
