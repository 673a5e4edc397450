"""The journey chart follows the road (moving on counts) and counts days from the breakup."""

from __future__ import annotations

from datetime import date, datetime, time, timedelta

import pandas as pd

from exback_kit import charts
from exback_kit.charts import growth
from exback_kit.content import texts
from exback_kit.store import reads

TODAY = date(2025, 3, 12)


def at(day: date, hour: int = 12) -> datetime:
    return datetime.combine(day, time(hour))


def bar_labels(ax) -> list[str]:
    return [t.get_text() for t in ax.get_yticklabels()]


def side_texts(ax) -> list[str]:
    return [t.get_text() for t in ax.texts]


def test_on_the_moving_on_road_the_chart_has_a_moving_on_bar_and_no_set_aside_ones(journal):
    journal.save_answer(0, "said_no_reunion", "yes", at=at(TODAY - timedelta(days=5)))
    journal.add("reflections", topic="future", question="goals", value="learn to climb",
                at=at(TODAY - timedelta(days=1)))
    data = growth.prepare_journey(reads.load_tables(journal), TODAY)
    labels = bar_labels(growth.draw_journey(data))
    assert labels[-1] == "Moving on"
    assert not {"Reading the signals", "Reconnecting", "The conversation",
                "Relationship 2.0"} & set(labels)
    assert growth.summarize_journey(data).endswith("most recently in Moving on.")


def test_the_report_and_the_dashboard_share_the_same_rows(journal):
    """The PDF's journey page is the registry's chart, so it follows the road too."""
    journal.add("decisions", decision="move_on", at=at(TODAY - timedelta(days=3)))
    tables = reads.load_tables(journal)
    data = charts.CHARTS["journey"].prepare(tables, TODAY)
    assert "09_moving_on" in data.stages.index and "05_reconnecting" not in data.stages.index


def test_the_breakup_date_is_day_0_on_the_journey_chart(journal):
    journal.save_answer(1, "quiet_hope", "room to breathe", at=at(TODAY - timedelta(days=8)))
    journal.save_answer(4, "my_part", "x", at=at(TODAY - timedelta(days=2)))
    data = growth.prepare_journey(reads.load_tables(journal), TODAY)
    assert data.breakup is None
    ax = growth.draw_journey(data)
    assert not [t for t in side_texts(ax) if "day" in t] and ax.get_xlabel() == ""
    assert "breakup" not in growth.summarize_journey(data)

    journal.save_answer(0, "breakup_date", (TODAY - timedelta(days=40)).isoformat(),
                        at=at(TODAY - timedelta(days=8), 11))
    data = growth.prepare_journey(reads.load_tables(journal), TODAY)
    assert data.breakup == pd.Timestamp(TODAY - timedelta(days=40))
    ax = growth.draw_journey(data)
    labels = dict(zip(bar_labels(ax), side_texts(ax), strict=True))
    assert labels["Space and clarity"].endswith(texts.CHART_JOURNEY_FROM_DAY.format(day=32))
    assert labels["Rebuilding you"].endswith(texts.CHART_JOURNEY_FROM_DAY.format(day=38))
    assert labels["Start here"].endswith(texts.CHART_JOURNEY_FROM_DAY.format(day=32))
    assert "day" not in labels["Holding steady"]  # nothing answered there yet
    assert ax.get_xlabel() == texts.CHART_JOURNEY_DAY0.format(day="31 January")
    sentence = growth.summarize_journey(data)
    assert sentence.endswith("; counting the breakup on 31 January as day 0, you began on "
                             "day 32 and today is day 40.")
    assert sentence.count(". ") == 0


def test_a_breakup_date_still_to_come_is_not_drawn(journal):
    journal.save_answer(0, "breakup_date", (TODAY + timedelta(days=3)).isoformat(),
                        at=at(TODAY - timedelta(days=1)))
    data = growth.prepare_journey(reads.load_tables(journal), TODAY)
    assert data.breakup is None and "breakup" not in growth.summarize_journey(data)


def test_a_stage_begun_before_the_breakup_date_gets_no_negative_day(journal):
    journal.save_answer(4, "my_part", "x", at=at(TODAY - timedelta(days=20)))
    journal.save_answer(0, "breakup_date", (TODAY - timedelta(days=10)).isoformat(),
                        at=at(TODAY - timedelta(days=1)))
    data = growth.prepare_journey(reads.load_tables(journal), TODAY)
    ax = growth.draw_journey(data)
    labels = dict(zip(bar_labels(ax), side_texts(ax), strict=True))
    assert "day" not in labels["Rebuilding you"] and "-" not in labels["Rebuilding you"]
    assert labels["Start here"].endswith(texts.CHART_JOURNEY_FROM_DAY.format(day=9))
    assert growth.summarize_journey(data).endswith(
        "; counting the breakup on 2 March as day 0, today is day 10.")
