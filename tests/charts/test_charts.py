"""Charts: every chart renders for any amount of data, says one true sentence, looks stable."""

from __future__ import annotations

import os
import sys
from datetime import date, datetime, time, timedelta
from pathlib import Path

import matplotlib as mpl
import numpy as np
import pandas as pd
import pytest
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.figure import Figure
from matplotlib.testing.compare import compare_images

from exback_kit import Journal, charts
from exback_kit.charts import contact as contact_charts
from exback_kit.charts import growth as growth_charts
from exback_kit.charts import mood as mood_charts
from exback_kit.charts import palette, year_pixels
from exback_kit.content import texts
from exback_kit.interchange import demo
from exback_kit.store import reads

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))
from benchmarks._data import fill_years

TODAY = date(2025, 3, 12)  # a Wednesday
BASELINE = Path(__file__).parent / "baseline"
PNG = b"\x89PNG\r\n\x1a\n"


def at(day: date, hour: int = 12, minute: int = 0) -> datetime:
    return datetime.combine(day, time(hour, minute))


# --- datasets -------------------------------------------------------------------

@pytest.fixture(scope="module")
def empty_tables(tmp_path_factory):
    with Journal.open(tmp_path_factory.mktemp("empty") / "j.sqlite3") as j:
        return reads.load_tables(j)


@pytest.fixture(scope="module")
def one_day_tables(tmp_path_factory):
    with Journal.open(tmp_path_factory.mktemp("one") / "j.sqlite3") as j:
        j.add("nocontact_periods", start_day=TODAY, target_days=30, at=at(TODAY, 8))
        j.add_checkin(6, energy=4, sleep_hours=7, habits=["exercise"], mind=4, at=at(TODAY, 9))
        j.add("reappraisals", what="plans kept changing", pleasant="a walk", feelings_before=7,
              mood_before=4, feelings_after=6, mood_after=6, at=at(TODAY, 9, 30))
        j.log_urge(7, trigger="late night", at=at(TODAY, 10))
        j.log_contact("them", at=at(TODAY, 11))
        j.add("instrument_results", instrument="who5", items=[3, 3, 3, 3, 3], raw=15,
              score=60.0, at=at(TODAY, 12))
        j.save_answer(0, "breakup_date", "2025-01-02", at=at(TODAY, 13))
        return reads.load_tables(j)


@pytest.fixture(scope="module")
def ten_year_tables(tmp_path_factory):
    with Journal.open(tmp_path_factory.mktemp("ten") / "j.sqlite3") as j:
        counts = fill_years(j, today=TODAY)
        assert counts["checkins"] >= 7000 and counts["urges"] >= 5000
        return reads.load_tables(j)


@pytest.fixture(scope="module")
def demo_tables(tmp_path_factory):
    path = demo.make_demo(tmp_path_factory.mktemp("demo") / "demo.sqlite3", today=TODAY)
    with Journal.open(path, backup=False) as j:
        return reads.load_tables(j)


def render_all(tables, today=TODAY):
    out = {}
    for name in charts.CHARTS:
        fig, sentence = charts.render(name, tables, today)
        out[name] = (fig, sentence, charts.to_png(fig))
    return out


def texts_on(fig: Figure) -> list[str]:
    return [t.get_text() for ax in fig.axes for t in ax.texts]


# --- every chart, any data --------------------------------------------------------

def test_the_registry_names_the_twelve_charts():
    assert list(charts.CHARTS) == ["mood", "mood_meter", "year_pixels", "no_contact", "urges",
                                   "habits", "wellbeing", "journey", "mind", "reappraisal",
                                   "clarity", "we_i"]
    for name, spec in charts.CHARTS.items():
        assert spec.name == name and spec.title == texts.CHART_TITLES[name]


@pytest.mark.parametrize("dataset", ["empty_tables", "one_day_tables", "demo_tables",
                                     "ten_year_tables"])
def test_every_chart_renders_with_a_title_and_one_sentence(request, dataset):
    rendered = render_all(request.getfixturevalue(dataset))
    for name, (fig, sentence, png) in rendered.items():
        assert isinstance(fig, Figure) and fig.canvas.manager is None  # not a pyplot figure
        assert png.startswith(PNG) and len(png) > 2000
        assert fig.axes[0].get_title(loc="left") == texts.CHART_TITLES[name]
        assert sentence.endswith(".") and "{" not in sentence and "nan" not in sentence
        assert sentence.count(". ") == 0, f"{name}: more than one sentence: {sentence}"


def test_a_today_before_all_entries_looks_like_an_empty_journal(ten_year_tables, empty_tables):
    empty = render_all(empty_tables)
    for name, (fig, sentence, _png) in render_all(ten_year_tables, date(2000, 1, 1)).items():
        assert not fig.axes[0].lines and not fig.axes[0].images, name
        assert sentence == empty[name][1]
        assert texts_on(fig) == texts_on(empty[name][0])


def test_an_empty_journal_gets_a_friendly_note_not_a_chart(empty_tables):
    notes = {"mood": texts.CHART_EMPTY_MOOD, "mood_meter": texts.CHART_EMPTY_METER,
             "year_pixels": texts.CHART_EMPTY_YEAR, "no_contact": texts.CHART_EMPTY_NO_CONTACT,
             "urges": texts.CHART_EMPTY_URGES, "habits": texts.CHART_EMPTY_HABITS,
             "wellbeing": texts.CHART_EMPTY_WELLBEING, "journey": texts.CHART_EMPTY_JOURNEY,
             "mind": texts.CHART_EMPTY_MIND, "reappraisal": texts.CHART_EMPTY_REAPPRAISAL}
    for name, note in notes.items():
        fig, _ = charts.render(name, empty_tables, TODAY)
        shown = " ".join(" ".join(texts_on(fig)).split())
        assert shown == note, name
        assert not fig.axes[0].lines and not fig.axes[0].images


def test_one_day_draws_real_marks(one_day_tables):
    fig, _ = charts.render("mood", one_day_tables, TODAY)
    assert fig.axes[0].lines[0].get_ydata().tolist() == [6.0]
    fig, _ = charts.render("no_contact", one_day_tables, TODAY)
    assert fig.axes[0].lines[0].get_ydata().tolist() == [1]
    fig, sentence = charts.render("urges", one_day_tables, TODAY)
    # one urge is no pattern: the heatmap says how many it needs, the weekly bars count it
    assert len(fig.axes) == 2 and not fig.axes[0].images
    assert texts.say(texts.CHART_URGES_THIN, total=1, needed=5) in texts_on(fig)
    noted, passed = (c.get_paths()[0].get_extents() for c in fig.axes[1].collections)
    assert (noted.y1, passed.y1) == (1, 1)
    assert noted.x1 <= passed.x0  # side by side: neither hides the other
    left, right = fig.axes[1].get_xlim()
    assert noted.width / (right - left) > 0.08  # one week is a readable bar
    assert sentence.endswith(texts.say(texts.SUMMARY_URGES_THIN, total=1, needed=5))


def test_unknown_chart_names_the_known_ones(empty_tables):
    with pytest.raises(KeyError, match="mood_meter"):
        charts.render("moood", empty_tables, TODAY)


def test_render_png_returns_png_bytes(one_day_tables):
    assert charts.render_png("year_pixels", one_day_tables, TODAY).startswith(PNG)


@pytest.mark.parametrize("dataset", ["empty_tables", "one_day_tables", "ten_year_tables"])
def test_the_png_is_rgb_with_every_pixel_matplotlib_draws(request, dataset):
    """The kit writes RGB: the alpha channel it drops is opaque everywhere, on every chart, so
    the pixels are matplotlib's own, and its resolution is kept."""
    from io import BytesIO

    from PIL import Image

    tables = request.getfixturevalue(dataset)
    for name in charts.CHARTS:
        fig, _ = charts.render(name, tables, TODAY)
        ours = Image.open(BytesIO(charts.to_png(fig)))
        assert ours.mode == "RGB", name
        assert ours.info["dpi"] == pytest.approx((100, 100), abs=0.01)
        theirs = BytesIO()
        with palette.style():
            fig.savefig(theirs, format="png")
        rgba = np.asarray(Image.open(theirs))
        assert rgba.shape[2] == 4 and (rgba[..., 3] == 255).all(), f"{name}: not opaque"
        assert np.array_equal(np.asarray(ours), rgba[..., :3]), name


@pytest.mark.parametrize("dataset", ["empty_tables", "one_day_tables", "ten_year_tables"])
def test_each_title_sits_where_matplotlibs_own_placement_puts_it(request, dataset, monkeypatch):
    """Titles sit at a fixed place just above the frame (``axes.titley``): it must be where
    matplotlib's automatic placement, which lifts a title clear of ticks, tick labels and
    offset text above the frame, would put it on every chart."""
    tables = request.getfixturevalue(dataset)

    def titles(name: str) -> list[tuple[float, ...]]:
        fig, _ = charts.render(name, tables, TODAY)
        charts.to_png(fig)
        renderer = FigureCanvasAgg(fig).get_renderer()
        return [tuple(np.round(ax._left_title.get_window_extent(renderer).extents, 1))
                for ax in fig.axes if ax.get_title(loc="left")]

    fixed = {name: titles(name) for name in charts.CHARTS}
    monkeypatch.setitem(palette.RC, "axes.titley", None)
    automatic = {name: titles(name) for name in charts.CHARTS}
    assert fixed == automatic
    assert all(fixed.values())  # every chart has its title


def test_the_png_keeps_the_kits_resolution_for_any_figure():
    """A figure made at another dpi or an uneven size comes out at the kit's 100 dpi, the
    size matplotlib's own PNG has, and leaves the figure as it was."""
    from io import BytesIO

    from PIL import Image

    for size, dpi in (((7.5, 3.4), 200), ((3.86, 2.77), 72), ((3.01, 1.999), 100)):
        fig = Figure(figsize=size, dpi=dpi)
        fig.add_subplot().plot([1, 2])
        canvas = fig.canvas
        ours = Image.open(BytesIO(charts.to_png(fig)))
        theirs = BytesIO()
        fig.savefig(theirs, format="png", dpi=100)
        assert ours.size == Image.open(theirs).size
        assert fig.dpi == dpi and fig.canvas is canvas


def test_draw_functions_use_the_axes_they_are_given(one_day_tables):
    fig = Figure()
    grid = fig.subplots(3, 1)
    spec = charts.CHARTS["no_contact"]
    ax = spec.draw(spec.prepare(one_day_tables, TODAY), grid[0])
    assert ax is grid[0]
    urges = charts.CHARTS["urges"]
    top = urges.draw(urges.prepare(one_day_tables, TODAY), grid[1])
    assert top.get_figure() is fig and len(fig.axes) == 4  # the urge chart split its slot


def test_text_with_dollar_signs_is_drawn_as_typed(journal):
    for d in range(1, 7):
        journal.add_checkin(4 + d, habits=["spent $5 on $10 things"] if d % 2 else [],
                            at=at(TODAY - timedelta(days=d)))
    fig, _ = charts.render("habits", reads.load_tables(journal), TODAY)
    labels = [t.get_text() for t in fig.axes[0].get_yticklabels()]
    assert labels == [r"spent \$5 on \$10 things"]
    charts.to_png(fig)  # mathtext would fail here on an unescaped pair of $


# --- what the charts show ---------------------------------------------------------

def test_mood_chart_leaves_missing_days_as_gaps(journal):
    journal.add_checkin(5, at=at(TODAY - timedelta(days=3)))
    journal.add_checkin(7, at=at(TODAY))
    fig, _ = charts.render("mood", reads.load_tables(journal), TODAY)
    daily = fig.axes[0].lines[0].get_ydata()
    assert len(daily) == 4 and np.isnan(daily[1]) and np.isnan(daily[2])


def test_mood_chart_marks_contact_days_and_stage_starts(journal):
    journal.add_checkin(5, at=at(TODAY - timedelta(days=9)))
    journal.log_contact("me", at=at(TODAY - timedelta(days=4)))
    journal.save_answer(4, "my_part", "text", at=at(TODAY - timedelta(days=2)))
    data = mood_charts.prepare_mood(reads.load_tables(journal), TODAY)
    assert list(data.lapses.date) == [TODAY - timedelta(days=4)]
    assert list(data.stages.index) == ["03_rebuilding_you"]
    ax = mood_charts.draw_mood(data)
    assert [t.get_text() for t in ax.texts] == ["Rebuilding you"]  # in words, not "03"


def test_mood_chart_marks_no_stage_set_aside_on_the_moving_on_road(journal):
    """After a boundaries yes, 05's start is not marked, nor 04's by a hidden question."""
    from exback_kit import content

    early = at(TODAY - timedelta(days=20))
    for q in content.load().boundary_questions:  # the open road: every answer "no"
        journal.save_answer(0, q, "no", at=early)
    journal.add_checkin(5, at=at(TODAY - timedelta(days=9)))
    journal.save_answer(10, "invite_idea", "a new cafe", at=at(TODAY - timedelta(days=6)))
    journal.save_answer(9, "pace", "slowly", at=at(TODAY - timedelta(days=5)))
    journal.save_answer(4, "my_part", "text", at=at(TODAY - timedelta(days=3)))
    assert list(mood_charts.prepare_mood(reads.load_tables(journal), TODAY).stages.index) == [
        "05_reconnecting", "04_holding_steady", "03_rebuilding_you"]
    journal.save_answer(0, "no_contact_asked", "yes", at=at(TODAY - timedelta(days=2)))
    data = mood_charts.prepare_mood(reads.load_tables(journal), TODAY)
    assert list(data.stages.index) == ["03_rebuilding_you"]


def test_stages_begun_close_together_share_one_label_on_the_mood_chart(journal):
    """Two stages started the same day are both named, in words, not one left out."""
    journal.add_checkin(5, at=at(TODAY - timedelta(days=30)))
    journal.save_answer(2, "love_then", "yes", at=at(TODAY - timedelta(days=10)))
    journal.save_answer(4, "my_part", "text", at=at(TODAY - timedelta(days=10)))
    ax = mood_charts.draw_mood(mood_charts.prepare_mood(reads.load_tables(journal), TODAY))
    assert [t.get_text() for t in ax.texts] == ["Space and clarity · Rebuilding you"]
    marks = [line for line in ax.lines if line.get_linestyle() == ":" and len(line.get_xdata())]
    assert len(marks) == 2  # both stages keep their own line


def test_year_grid_places_days_by_weekday_and_week():
    daily = pd.Series([3.0, 9.0], index=pd.to_datetime(["2025-03-10", "2025-01-01"]))
    lapses = pd.DatetimeIndex(["2025-03-11", "2025-03-20"])
    grid = year_pixels.year_grid(daily, lapses, TODAY)
    assert grid.mood.shape == (7, 53) and grid.first_day == pd.Timestamp("2024-03-11")
    assert grid.mood[0, 52] == 3.0                     # Monday of this week
    assert (grid.mood[3:, 52] == year_pixels.OUTSIDE).all()  # Thursday on: after today
    assert grid.mood[2, 42] == 9.0                     # 1 Jan 2025, a Wednesday, 10 weeks back
    assert np.isnan(grid.mood[2, 52])                  # today, no check-in: missing, not 0
    assert list(zip(*np.nonzero(grid.lapse), strict=True)) == [(1, 52)]  # the 20th is after today
    assert (43, 1) in grid.months and grid.months[-1] == (51, 3)  # first Mondays of a month


def test_year_pixels_uses_the_mood_scale_and_marks_lapses(journal):
    journal.add_checkin(2, at=at(TODAY - timedelta(days=1)))
    journal.log_contact("me", at=at(TODAY - timedelta(days=1)))
    fig, sentence = charts.render("year_pixels", reads.load_tables(journal), TODAY)
    image = fig.axes[0].images[0]
    assert image.norm.boundaries.tolist() == list(palette.MOOD_BOUNDS)
    marks = fig.axes[0].lines[0]
    assert (marks.get_xdata().tolist(), marks.get_ydata().tolist()) == ([52], [1])
    # one day names no commonest mood
    assert sentence == (texts.say(texts.SUMMARY_YEAR_FEW, days=1).removesuffix(".")
                        + texts.say(texts.SUMMARY_YEAR_LAPSES, lapses=1))
    assert "checked in on 1 day;" in sentence and "most often" not in sentence


def test_no_contact_chart_shows_target_and_both_streaks(journal):
    journal.add("nocontact_periods", start_day=TODAY - timedelta(days=20), target_days=30,
                at=at(TODAY - timedelta(days=20)))
    journal.log_contact("me", at=at(TODAY - timedelta(days=5)))
    fig, sentence = charts.render("no_contact", reads.load_tables(journal), TODAY)
    ax = fig.axes[0]
    assert 30 in [line.get_ydata()[0] for line in ax.lines if len(line.get_ydata()) == 2]
    notes = [t.get_text() for t in ax.texts]
    assert texts.CHART_NC_NOW.format(days=5) in notes
    assert texts.CHART_NC_LONGEST.format(days=15) in notes
    assert sentence.startswith("Day 21 of your 30-day") and "5 days in a row" in sentence
    assert "20 in all" in sentence and "with 1 contact day along" in sentence


# --- summaries --------------------------------------------------------------------

def test_mood_summary_compares_with_the_week_before(journal):
    for d in range(14):
        journal.add_checkin(4 if d >= 7 else 7, at=at(TODAY - timedelta(days=d)))
    sentence = charts.render("mood", reads.load_tables(journal), TODAY)[1]
    assert sentence == texts.say(texts.SUMMARY_MOOD_COMPARE,
        mean="7", days=7, change=texts.CHART_MOOD_CHANGE["up"], previous="4")


def test_mood_summary_when_the_last_week_was_quiet(journal):
    journal.add_checkin(6, at=at(TODAY - timedelta(days=10)))
    sentence = charts.render("mood", reads.load_tables(journal), TODAY)[1]
    assert sentence == texts.say(texts.SUMMARY_MOOD_QUIET, day="2 March", mood="6")


def test_meter_summary_names_the_busiest_corner(journal):
    for mood, energy in [(8, 2), (9, 3), (7, 1), (2, 9), (6, 4)]:
        journal.add_checkin(mood, energy=energy, at=at(TODAY - timedelta(days=1)))
    sentence = charts.render("mood_meter", reads.load_tables(journal), TODAY)[1]
    assert sentence == texts.say(texts.SUMMARY_METER,
        days=90, count=4, total=5, quadrant=texts.CHART_QUADRANTS["calm_pleasant"])


def test_meter_summary_names_no_corner_from_four_check_ins_or_a_tie(journal):
    for mood, energy in [(8, 2), (9, 3), (7, 1), (2, 9)]:
        journal.add_checkin(mood, energy=energy, at=at(TODAY - timedelta(days=1)))
    sentence = charts.render("mood_meter", reads.load_tables(journal), TODAY)[1]
    assert sentence == texts.say(texts.SUMMARY_METER_THIN, days=90, total=4, needed=5)
    for mood, energy in [(2, 8), (1, 9)]:  # now 3 calm and pleasant, 3 stirred up
        journal.add_checkin(mood, energy=energy, at=at(TODAY - timedelta(days=1)))
    sentence = charts.render("mood_meter", reads.load_tables(journal), TODAY)[1]
    assert sentence == texts.say(texts.SUMMARY_METER_TIED, days=90, total=6)


def test_urge_summary_counts_recent_urges_and_the_peak_time(journal):
    sunday = TODAY - timedelta(days=3)
    for hour, acted in [(22, False), (22, True), (22, False), (9, False)]:
        journal.log_urge(6, acted_on=acted, at=at(sunday, hour, 15))
    journal.log_urge(6, at=at(TODAY - timedelta(days=60), 22))
    sentence = charts.render("urges", reads.load_tables(journal), TODAY)[1]
    assert sentence == (texts.say(texts.SUMMARY_URGES, days=28, count=4, passed=3, share=75)
                        + texts.say(texts.SUMMARY_URGES_WHEN, peak=3, total=5,
                                    weekdays="Sundays", hour="22:00"))


def test_urge_summary_when_recent_weeks_were_quiet(journal):
    journal.log_urge(6, at=at(TODAY - timedelta(days=40), 21))
    journal.log_urge(6, acted_on=True, at=at(TODAY - timedelta(days=40), 21))
    sentence = charts.render("urges", reads.load_tables(journal), TODAY)[1]
    assert sentence.startswith("No urges noted in the last 28 days") and "50 %" in sentence


def test_habit_summary_picks_the_clearest_difference_with_enough_days(journal):
    plan = {1: (8, ["exercise"]), 2: (8, ["exercise"]), 3: (8, ["exercise", "hobby"]),
            4: (4, []), 5: (4, []), 6: (4, ["hobby"]), 7: (2, ["hobby"])}
    for d, (mood, habits) in plan.items():
        journal.add_checkin(mood, habits=habits, at=at(TODAY - timedelta(days=d)))
    data = growth_charts.prepare_habits(reads.load_tables(journal), TODAY)
    assert growth_charts.summarize_habits(data) == texts.say(texts.SUMMARY_HABITS,
        habit="exercise", with_="8", without="3.5", days_with=3, days_without=4)


def test_wellbeing_summary_gives_latest_scores_and_change(journal):
    for d, raw in [(30, 10), (2, 14)]:
        journal.add("instrument_results", instrument="who5", items=[2, 2, 2, 2, 2], raw=raw,
                    score=raw * 4.0, at=at(TODAY - timedelta(days=d)))
    journal.add("instrument_results", instrument="rosenberg", items=[2] * 10, raw=21,
                score=70.0, at=at(TODAY - timedelta(days=1)))
    sentence = charts.render("wellbeing", reads.load_tables(journal), TODAY)[1]
    assert sentence == ("Your latest WHO-5 wellbeing score is 56 %, in its upper band "
                        "(+16 points since the one before), and your latest self-esteem "
                        "total is 21 of 30.")


def test_wellbeing_summary_with_rosenberg_only(journal):
    journal.add("instrument_results", instrument="rosenberg", items=[1] * 10, raw=12,
                score=40.0, at=at(TODAY - timedelta(days=1)))
    sentence = charts.render("wellbeing", reads.load_tables(journal), TODAY)[1]
    assert sentence == "Your latest self-esteem total is 12 of 30."


def test_journey_summary_counts_answers_and_names_the_latest_stage(journal):
    journal.save_answer(1, "quiet_hope", "space", at=at(TODAY - timedelta(days=3)))
    journal.save_answer(4, "my_part", "x", at=at(TODAY - timedelta(days=1)))
    data = growth_charts.prepare_journey(reads.load_tables(journal), TODAY)
    total = int(data.stages["questions"].sum())
    assert growth_charts.summarize_journey(data) == texts.say(texts.SUMMARY_JOURNEY,
        answered=2, questions=total, touched=2, stages=8, latest="Rebuilding you")


def test_no_contact_summary_without_a_period_counts_from_the_first_entry(journal):
    journal.add_checkin(5, at=at(TODAY - timedelta(days=9)))
    data = contact_charts.prepare_no_contact(reads.load_tables(journal), TODAY)
    assert contact_charts.summarize_no_contact(data) == texts.say(texts.SUMMARY_NC_NO_TARGET,
        start="3 March", current=10, clean=10, days=10, lapses="")


# --- image comparison -------------------------------------------------------------

#: The font pinned as matplotlib.testing.set_font_settings_for_testing pins it (the kit's
#: own style pins the hinting: none).
STABLE_RC = {"font.family": "DejaVu Sans"}


@pytest.fixture(scope="module")
def picture_tables(tmp_path_factory):
    """Ten weeks of fixed entries (no randomness) for the image comparisons."""
    with Journal.open(tmp_path_factory.mktemp("pic") / "j.sqlite3") as j:
        first = TODAY - timedelta(days=69)
        j.add("nocontact_periods", start_day=first, target_days=30, at=at(first))
        rows = [{"at": at(first + timedelta(days=d), 9), "mood": 1 + (d * 7) % 10}
                for d in range(70) if d % 6]
        j.add_many("checkins", rows)
        for d, who in [(12, "me"), (33, "them"), (34, "me")]:
            j.log_contact(who, replied=True, at=at(first + timedelta(days=d), 20))
        # urges: most on late evenings, every fourth acted on (the mood and urge baselines)
        j.add_many("urges", [{"at": at(first + timedelta(days=d), 21 + d // 3 % 3),
                              "intensity": 6, "acted_on": d % 4 == 0}
                             for d in range(0, 70, 3)])
        for d, step, question in [(2, 0, "who_ended"), (3, 1, "quiet_hope"), (40, 4, "my_part")]:
            j.save_answer(step, question, "them" if step == 0 else "text",
                          at=at(first + timedelta(days=d)))
        return reads.load_tables(j)


@pytest.mark.parametrize("name", ["year_pixels", "no_contact", "urges", "mood"])
def test_chart_matches_its_baseline_image(picture_tables, tmp_path, name):
    with mpl.rc_context(STABLE_RC):
        fig, _ = charts.render(name, picture_tables, TODAY)
        actual = tmp_path / f"{name}.png"
        actual.write_bytes(charts.to_png(fig))
    expected = BASELINE / f"{name}.png"
    if os.environ.get("EXBACK_UPDATE_BASELINE"):
        BASELINE.mkdir(exist_ok=True)
        expected.write_bytes(actual.read_bytes())
    assert expected.exists(), "run with EXBACK_UPDATE_BASELINE=1 once to create the baseline"
    problem = compare_images(str(expected), str(actual), tol=2)
    assert problem is None, problem


def test_counted_words_read_naturally_for_one():
    """A summary says "1 day", never "1 days"."""
    one_day = texts.say(texts.SUMMARY_MOOD_WEEK, mean="7", days=1)
    assert one_day.endswith("across 1 day with a check-in.")
    assert "across 3 days" in texts.say(texts.SUMMARY_MOOD_WEEK, mean="7", days=3)
    assert "1 urge and" in texts.say(texts.SUMMARY_URGES, days=28, count=1, passed=1, share=100,
                                     weekdays="Mondays", hour="22:00")


def test_the_profiles_breakup_date_is_day_0_on_the_mood_chart(journal):
    """The profile is used: the breakup date is marked, and said in the text alternative."""
    from exback_kit.charts import mood as mood_chart
    from exback_kit.store import reads
    today = date.today()
    for n in range(1, 15):
        journal.add_checkin(mood=5, at=today - timedelta(days=n))
    data = mood_chart.prepare_mood(reads.load_tables(journal))
    assert data.breakup is None and "breakup" not in mood_chart.summarize_mood(data)
    journal.save_answer(0, "breakup_date", (today - timedelta(days=30)).isoformat())
    data = mood_chart.prepare_mood(reads.load_tables(journal))
    assert data.breakup == pd.Timestamp(today - timedelta(days=30))
    # the breakup's clause, then the stage the answer began (a dotted line on the chart)
    assert mood_chart.summarize_mood(data).endswith(
        "; the dashed line marks the breakup, 30 days ago; dotted lines mark where Start here "
        "began.")
    ax = mood_chart.draw_mood(data)
    assert texts.CHART_BREAKUP_DAY in [t.get_text() for t in ax.get_legend().get_texts()]
    journal.save_answer(0, "breakup_date", (today - timedelta(days=400)).isoformat())
    assert mood_chart.prepare_mood(reads.load_tables(journal)).breakup is None


@pytest.mark.parametrize("lang, month", [("en", "Mar"), ("es", "mar")])
def test_a_few_days_name_their_month_in_the_corner(journal, lang, month):
    """When the ticks are days only ("09" … "15"), the corner says which month they are in
    ("Mar 2025"), in the language in force; the year alone left the month to guess."""
    from exback_kit.content import language

    journal.add_checkin(6, at=at(TODAY, 9))
    tables = reads.load_tables(journal)
    language.choose(lang)
    try:
        fig, _ = charts.render("mood", tables, TODAY)
        charts.to_png(fig)
        ax = fig.axes[0]
        labels = [t.get_text() for t in ax.get_xticklabels()]
        corner = ax.xaxis.get_offset_text().get_text()
    finally:
        language.choose(language.ENGLISH)
    assert labels and all(label.isdigit() for label in labels), labels
    assert corner == f"{month} {TODAY.year}"


@pytest.mark.parametrize("name", ["mood", "no_contact"])
def test_the_date_axis_corner_names_only_the_year(picture_tables, name):
    """Ticks name days and months; the corner note is the year ("2025"), not "2025-Mar",
    which read as if every date on the axis were in that month."""
    fig, _ = charts.render(name, picture_tables, TODAY)
    fig.canvas.draw()
    ax = fig.axes[0]
    labels = [t.get_text() for t in ax.get_xticklabels()]
    assert any(label.isalpha() for label in labels), labels  # a month name at its start
    assert ax.xaxis.get_major_formatter().get_offset() == str(TODAY.year)
