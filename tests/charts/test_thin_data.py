"""Charts stay honest on thin data: below a minimum they say "not enough yet: N of M"
instead of a verdict, every claim names its counts, and the urge heatmap has a colour key."""

from __future__ import annotations

from datetime import date, datetime, time, timedelta

import numpy as np
from matplotlib.backends.backend_agg import FigureCanvasAgg

from exback_kit import charts
from exback_kit.charts import growth as growth_charts
from exback_kit.content import texts
from exback_kit.domain import mood, urges
from exback_kit.store import reads

TODAY = date(2025, 3, 12)  # a Wednesday


def at(day: date, hour: int = 12) -> datetime:
    return datetime.combine(day, time(hour)).astimezone()


def _texts(fig) -> list[str]:
    return [t.get_text() for ax in fig.axes for t in ax.texts]


def test_two_urges_name_no_time_and_draw_no_heatmap(journal):
    """The reported case: 2 urges (a Saturday and a Sunday) said "most often on Saturdays"."""
    journal.log_urge(6, at=at(TODAY - timedelta(days=4), 23))  # Saturday
    journal.log_urge(6, at=at(TODAY - timedelta(days=3), 0))  # Sunday
    fig, sentence = charts.render("urges", reads.load_tables(journal), TODAY)
    assert sentence.endswith(texts.say(texts.SUMMARY_URGES_THIN, total=2, needed=5))
    assert "Saturday" not in sentence and "Sunday" not in sentence
    assert "Not enough yet: 2 of 5 urges." in " ".join(_texts(fig))
    assert not fig.axes[0].images  # no cells that would read as a pattern


def test_five_urges_draw_the_heatmap_with_a_colour_key(journal):
    for d in range(5):
        journal.log_urge(6, at=at(TODAY - timedelta(days=7 * d), 22))  # Wednesdays 22:00
    fig, sentence = charts.render("urges", reads.load_tables(journal), TODAY)
    assert fig.axes[0].images[0].get_array().sum() == 5
    [key] = [ax for ax in fig.axes if ax.get_ylabel() == texts.CHART_URGES_SCALE]
    assert [t.get_text() for t in key.get_yticklabels()][-1] == "5"  # the key reaches the top
    assert sentence.endswith(texts.say(texts.SUMMARY_URGES_WHEN, peak=5, total=5,
                                       weekdays="Wednesdays", hour="22:00"))


def test_a_tie_names_no_hour(journal):
    for d, hour in [(0, 9), (7, 9), (1, 21), (8, 21), (2, 15)]:
        journal.log_urge(6, at=at(TODAY - timedelta(days=d), hour))
    sentence = charts.render("urges", reads.load_tables(journal), TODAY)[1]
    assert sentence.endswith(texts.say(texts.SUMMARY_URGES_NO_PEAK, total=5))
    assert "around" not in sentence


def test_peak_hour_needs_the_minimum_and_one_clear_top():
    clock = np.zeros((urges.WEEKDAYS, urges.HOURS), dtype="int64")
    clock[5, 0] = urges.PATTERN_MIN - 1
    assert urges.peak_hour(_frame(clock)) is None
    clock[6, 3] = 1
    assert urges.peak_hour(_frame(clock)) == (5, 0, urges.PATTERN_MIN - 1)


def _frame(grid):
    import pandas as pd
    return pd.DataFrame(grid)


def _habit_days(journal, with_: int, without: int, habit: str = "exercise") -> None:
    for d in range(with_ + without):
        journal.add_checkin(8 if d < with_ else 4, habits=[habit] if d < with_ else [],
                            at=at(TODAY - timedelta(days=d + 1)))


def test_two_days_against_three_draw_no_bars_and_say_how_many_it_needs(journal):
    _habit_days(journal, with_=2, without=3)
    fig, sentence = charts.render("habits", reads.load_tables(journal), TODAY)
    expected = texts.say(texts.CHART_HABITS_THIN, habit="exercise", with_=2, without=3,
                         needed=mood.HABIT_MIN_DAYS)
    assert sentence == expected
    assert " ".join(" ".join(_texts(fig)).split()) == expected
    assert not fig.axes[0].patches  # no bar, no range dwarfing a two-day difference


def test_three_days_against_three_draw_the_bar_with_its_counts(journal):
    _habit_days(journal, with_=3, without=3)
    fig, sentence = charts.render("habits", reads.load_tables(journal), TODAY)
    assert len(fig.axes[0].patches) == 1
    assert "3 / 3" in _texts(fig)
    assert sentence == texts.SUMMARY_HABITS.format(habit="exercise", with_="8", without="4",
                                                   days_with=3, days_without=3)


def test_a_thin_habit_beside_a_solid_one_is_left_out_and_counted(journal):
    _habit_days(journal, with_=3, without=3)
    journal.add_checkin(5, habits=["ate well"], at=at(TODAY - timedelta(days=9)))
    data = growth_charts.prepare_habits(reads.load_tables(journal), TODAY)
    ax = growth_charts.draw_habits(data)
    assert [t.get_text() for t in ax.get_yticklabels()] == ["exercise"]
    assert texts.say(texts.CHART_HABITS_WAITING, count=1, needed=3) in ax.get_xlabel()


def test_one_check_in_draws_no_seven_day_average(journal):
    journal.add_checkin(6, at=at(TODAY))
    fig, _ = charts.render("mood", reads.load_tables(journal), TODAY)
    labels = [t.get_text() for t in fig.axes[0].get_legend().get_texts()]
    assert texts.CHART_MOOD_ROLLING not in labels and texts.CHART_MOOD_DAILY in labels
    for d in (1, 2):
        journal.add_checkin(6, at=at(TODAY - timedelta(days=d)))
    fig, _ = charts.render("mood", reads.load_tables(journal), TODAY)
    labels = [t.get_text() for t in fig.axes[0].get_legend().get_texts()]
    assert texts.CHART_MOOD_ROLLING in labels


def test_stage_markers_are_named_in_words(journal):
    """Not "00·09", which reads like a clock time."""
    journal.add_checkin(5, at=at(TODAY - timedelta(days=30)))
    journal.save_answer(0, "who_ended", "me", at=at(TODAY - timedelta(days=20)))
    journal.save_answer(4, "my_part", "text", at=at(TODAY - timedelta(days=5)))
    fig, _ = charts.render("mood", reads.load_tables(journal), TODAY)
    assert _texts(fig) == ["Start here", "Rebuilding you"]
    assert not [t for t in _texts(fig) if any(ch.isdigit() for ch in t)]


def test_stages_begun_close_together_share_a_label_that_fits_the_chart(journal):
    """On a long chart, stages begun within days of each other share one label; when their
    names together would run past the chart's floor, it names those that fit and counts the
    rest, and it is fitted again when the chart is drawn smaller (as a report page does)."""
    from matplotlib.font_manager import FontProperties

    from exback_kit.charts import mood as mood_chart

    journal.add_checkin(5, at=at(TODAY - timedelta(days=3650)))
    journal.add_checkin(6, at=at(TODAY))
    first = TODAY - timedelta(days=3600)
    for d, (step, question) in enumerate([(0, "who_ended"), (1, "quiet_hope"),
                                          (4, "my_part"), (8, "confidants")]):
        journal.save_answer(step, question, "me" if step == 0 else "text",
                            at=at(first + timedelta(days=d)))
    fig, sentence = charts.render("mood", reads.load_tables(journal), TODAY)
    # the text alternative names every stage the chart marks, those the label counts too
    assert sentence.endswith("; dotted lines mark where Start here, Space and clarity, "
                             "Rebuilding you, and Holding steady began.")
    assert sentence.count(". ") == 0
    ax = fig.axes[0]
    [label] = ax.texts
    assert label.get_text() == texts.say(texts.CHART_STAGES_MORE,
                                         first="Start here · Space and clarity", count=2)

    def inside() -> bool:
        renderer = FigureCanvasAgg(fig).get_renderer()
        return label.get_window_extent(renderer).y0 >= ax.get_window_extent(renderer).y0

    charts.to_png(fig)
    assert inside()
    ax.set_position([0.1, 0.3, 0.85, 0.35])  # a smaller chart on a page
    charts.to_png(fig)
    assert label.get_text() == texts.say(texts.CHART_STAGES_MORE, first="Start here", count=3)
    assert inside()
    font = FontProperties(family="DejaVu Sans", size=7)
    assert mood_chart.stage_label(["Start here", "Space and clarity"], 1000.0, font) == \
        "Start here · Space and clarity"
    assert mood_chart.stage_label(["Start here", "Space and clarity", "Holding steady"], 150.0,
                                  font) == "Start here · Space and clarity · 1 more"
    assert mood_chart.stage_label(["Start here"], 1.0, font) == "Start here"


def test_the_mind_chart_draws_no_average_from_two_days(journal):
    for d in (0, 1):
        journal.add_checkin(6, mind=4, at=at(TODAY - timedelta(days=d)))
    fig, _ = charts.render("mind", reads.load_tables(journal), TODAY)
    labels = [t.get_text() for t in fig.axes[0].get_legend().get_texts()]
    assert labels == [texts.CHART_MIND_DAILY]
    journal.add_checkin(6, mind=4, at=at(TODAY - timedelta(days=2)))
    fig, _ = charts.render("mind", reads.load_tables(journal), TODAY)
    labels = [t.get_text() for t in fig.axes[0].get_legend().get_texts()]
    assert texts.CHART_MIND_ROLLING in labels and texts.CHART_MIND_MOOD in labels
