"""The words inside the chart images, and each chart's alt text, go through the catalogue.

Every chart of the dashboard's registry (``charts.CHARTS``) is drawn on three journals — empty
(the "nothing yet" notes), a few days (the "not enough yet: N of M" notes) and the demo
(titles, axes, ticks, legends, annotations) — and every visible Text artist of each Figure is
read (``fig.findobj(Text)``, after drawing: date ticks are only labelled then).

Under the pseudo-locale ``xx`` no run of letters may stand outside the brackets. Exempt, and
why: numbers, times, percentages and the digits of dates (no letters: the detector skips
them); the habit the person named themselves, "piano practice" (their own words are never
translated); "WHO-5" inside a bracketed label needs nothing (it is inside the brackets).
Under Spanish, no word of the kit's English for these charts is left that Spanish does not
use as well.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from datetime import date, datetime, time, timedelta
from pathlib import Path

import pytest
from matplotlib.text import Text

from exback_kit import Journal, charts
from exback_kit.charts import base
from exback_kit.charts.mood import stage_titles
from exback_kit.content import language, texts
from exback_kit.content.extract import flat
from exback_kit.interchange import demo
from exback_kit.store import reads
from tests.content.test_pseudo_walk import unbracketed

TODAY = date(2025, 3, 12)
#: The person's own words in the few-days journal (never translated).
PERSON = ("piano practice",)


def at(day: date, hour: int = 12) -> datetime:
    return datetime.combine(day, time(hour))


@pytest.fixture(scope="module")
def journals(tmp_path_factory) -> dict[str, Path]:
    """Three journals: empty, a few days of everything, and the demo."""
    folder = tmp_path_factory.mktemp("words")
    empty, few = folder / "empty.sqlite3", folder / "few.sqlite3"
    Journal.open(empty).close()
    with Journal.open(few) as j:
        j.add("nocontact_periods", start_day=TODAY - timedelta(days=3), target_days=30,
              at=at(TODAY - timedelta(days=3), 8))
        for back in range(3):
            day = TODAY - timedelta(days=back)
            j.add_checkin(5 + back, energy=4, habits=["exercise", *PERSON][: 1 + back % 2],
                          mind=4, at=at(day, 9))
        j.log_urge(7, trigger="late night", at=at(TODAY, 22))
        j.log_contact("them", at=at(TODAY, 11))
        j.add("instrument_results", instrument="who5", items=[3, 3, 3, 3, 3], raw=15,
              score=60.0, at=at(TODAY, 12))
        j.save_answer(0, "breakup_date", "2025-01-02", at=at(TODAY, 13))
    return {"empty": empty, "few": few,
            "demo": demo.make_demo(folder / "demo.sqlite3", today=TODAY)}


def drawn_words(path: Path) -> Iterator[tuple[str, str]]:
    """Yield (where, text) for every visible string of every chart, and its alt text."""
    with Journal.open(path, backup=False) as j:
        tables = reads.load_tables(j)
    for name in charts.CHARTS:
        fig, summary = charts.render(name, tables, TODAY)
        charts.to_png(fig)  # draws: the tick labels exist from here on
        for text in fig.findobj(Text):
            if text.get_visible() and text.get_text().strip():
                yield name, text.get_text()
        yield f"{name} (alt text)", summary


def leaks_in(path: Path, found: Callable[[str], object]) -> dict[str, set[str]]:
    leaks: dict[str, set[str]] = {}
    for where, text in drawn_words(path):
        for exempt in PERSON:
            text = text.replace(exempt, " ")
        words = found(text)
        if words:
            leaks.setdefault(where, set()).update(words)
    return leaks


@pytest.fixture
def speaking():
    """Choose a language for one test; English after it."""
    yield language.choose
    language.choose(language.ENGLISH)


@pytest.mark.parametrize("journal", ["empty", "few", "demo"])
def test_under_the_pseudo_locale_every_chart_word_is_bracketed(journals, journal, speaking):
    speaking(language.PSEUDO)
    assert leaks_in(journals[journal], unbracketed) == {}


def test_the_control_in_english_finds_english_in_every_chart(journals):
    """The same reading in English finds English in each chart and each alt text."""
    language.choose(language.ENGLISH)
    leaks = leaks_in(journals["demo"], unbracketed)
    assert set(leaks) == {w for n in charts.CHARTS for w in (n, f"{n} (alt text)")}


def _chart_words() -> set[str]:
    """The words (three letters or more, lower case) of the charts' messages in the language
    in force: every CHART_ and SUMMARY_ text, the kit's habit names and recurring weekdays,
    the stage titles, and the month and weekday names."""
    messages = [message for name in texts.english()
                if name.startswith(("CHART_", "SUMMARY_"))
                or name in ("HABIT_NAMES", "WEEKDAYS_RECURRING")
                for _, message in flat(name, getattr(texts, name))]
    messages += list(stage_titles().values())
    messages += [n for width in ("wide", "abbreviated")
                 for n in language.months(width) + language.weekdays(width)]
    # a placeholder's name ({days}, {mood}) is no word of either language
    return {w.lower() for m in messages
            for w in re.findall(r"[^\W\d_]{3,}", re.sub(r"\{[^{}]*\}", " ", m))}


def _english_left(english: set[str]) -> Callable[[str], set[str]]:
    def found(text: str) -> set[str]:
        return {w for w in re.findall(r"[^\W\d_]{3,}", text) if w.lower() in english}
    return found


@pytest.mark.parametrize("journal", ["empty", "few", "demo"])
def test_under_spanish_no_english_word_of_the_charts_is_left(journals, journal, speaking):
    speaking(language.ENGLISH)
    english = _chart_words()
    speaking("es")
    only_english = english - _chart_words()
    assert {"days", "urges", "mood", "dec", "wednesdays"} <= only_english  # the check bites
    assert leaks_in(journals[journal], _english_left(only_english)) == {}


def test_the_spanish_check_finds_english_when_the_kit_speaks_english(journals, speaking):
    """The control: the same check on the English charts finds English words."""
    speaking(language.ENGLISH)
    english = _chart_words()
    speaking("es")
    only_english = english - _chart_words()
    speaking(language.ENGLISH)
    assert len(leaks_in(journals["demo"], _english_left(only_english))) >= len(charts.CHARTS)


def test_the_date_axis_names_months_in_the_language(journals, speaking):
    """Matplotlib's own date labels (``%b``) would be English in every language."""
    with Journal.open(journals["demo"], backup=False) as j:
        tables = reads.load_tables(j)

    def ticks() -> list[str]:
        fig, _ = charts.render("mood", tables, TODAY)
        charts.to_png(fig)
        return [t.get_text() for t in fig.axes[0].get_xticklabels()]

    assert {"Dec", "Feb"} <= set(ticks())
    speaking("es")
    assert {"dic", "feb"} <= set(ticks()) and "Dec" not in ticks()
    speaking(language.PSEUDO)
    assert "[Dec ~]" in ticks()


def test_numbers_in_the_alt_text_read_the_language_way(speaking):
    assert base.one_decimal(7.14) == "7.1" and base.one_decimal(7.0) == "7"
    speaking("es")
    assert base.one_decimal(7.14) == "7,1" and base.one_decimal(7.0) == "7"
