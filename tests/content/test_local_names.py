"""Month and weekday names come from Babel (CLDR) for the language in force; the English path
holds CLDR's English without loading Babel; a weekday that comes back each week is the kit's
own word, in the catalogue."""

from __future__ import annotations

from datetime import date

import pytest
from babel.dates import get_day_names, get_month_names

from exback_kit.content import language, texts
from exback_kit.domain.windows import Window, describe, parse_when


@pytest.fixture
def speaking():
    """Choose a language for one test; English after it."""
    yield language.choose
    language.choose(language.ENGLISH)


@pytest.mark.parametrize("width", ["wide", "abbreviated"])
def test_the_english_names_are_cldrs(width):
    language.choose(language.ENGLISH)
    months = get_month_names(width, context="stand-alone", locale="en")
    days = get_day_names(width, context="stand-alone", locale="en")
    assert language.months(width) == tuple(months[m] for m in range(1, 13))
    assert language.weekdays(width) == tuple(days[d] for d in range(7))


def test_spanish_names_come_from_babel(speaking):
    speaking("es")
    assert language.months("wide")[2] == "marzo" and language.months()[11] == "dic"
    assert language.weekdays("wide")[2] == "miércoles" and language.weekdays()[5] == "sáb"
    assert language.day_month(date(2025, 11, 1)) == "1 de noviembre"
    assert language.day_month(date(2025, 11, 1), "abbreviated") == "1 nov"


def test_english_and_the_pseudo_locale_keep_the_kits_day_and_month(speaking):
    language.choose(language.ENGLISH)
    assert language.day_month(date(2025, 3, 4)) == "4 March"
    assert language.day_month(date(2025, 3, 4), "abbreviated") == "4 Mar"
    speaking(language.PSEUDO)
    assert language.day_month(date(2025, 3, 4)) == "4 [March ~]"
    assert language.weekdays()[0] == "[Mon ~]"


def test_a_weekly_window_reads_in_spanish_and_is_typed_in_spanish(speaking):
    saturday = Window.holding(5, 22)
    language.choose(language.ENGLISH)
    assert describe(saturday) == "Saturdays 22:00–24:00"
    assert describe(saturday, plural=False) == "Saturday 22:00–24:00"
    speaking("es")
    assert describe(saturday) == "sábados 22:00–24:00"  # not "sábados" + "s"
    assert describe(Window.holding(0, 22)) == "lunes 22:00–24:00"
    assert describe(saturday, plural=False) == "sábado 22:00–24:00"
    assert parse_when("Sábado 22:30") == saturday and parse_when("sat 22:00") == saturday


def test_the_recurring_weekdays_are_in_the_catalogue(speaking):
    speaking("es")
    assert texts.WEEKDAYS_RECURRING[6] == "domingos"
    speaking(language.PSEUDO)
    assert texts.WEEKDAYS_RECURRING[6] == "[Sundays ~]"
