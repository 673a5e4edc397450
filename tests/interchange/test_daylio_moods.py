"""Daylio mood names placed honestly: a clear name maps, a hint only proposes, no guesses."""

from __future__ import annotations

import re
import tomllib
from importlib import resources
from pathlib import Path

import pytest

from exback_kit.cli import main
from exback_kit.cli.daylio import parse_mapping
from exback_kit.interchange import daylio
from exback_kit.interchange.daylio_moods import LEVELS, mood_words, place_moods

DATA = Path(__file__).parents[1] / "data" / "daylio"


def _one(name: str, **given: int):
    return place_moods({name: 1}, given)[name]


def test_every_name_in_the_mood_words_points_at_one_level():
    raw = tomllib.loads(resources.files("exback_kit.data").joinpath("daylio_moods.toml")
                        .read_text(encoding="utf-8"))
    assert tuple(raw["levels"]) == LEVELS
    for table in ("names", "suggests"):
        words = [w.casefold() for level in LEVELS for w in raw[table][level]]
        assert len(words) == len(set(words)), table
    clear, suggested = set(mood_words().names), set(mood_words().suggests)
    assert clear.isdisjoint(suggested)


@pytest.mark.parametrize("name,score,how", [
    ("rad", 9, "daylio"), ("Awful", 1, "daylio"),
    ("Dobrze", 7, "named"), ("tak sobie", 5, "named"), ("schlecht", 3, "named"),
    ("Horrible", 1, "named"), ("Źle", 3, "named"),
    ("awful [-]", 1, "marked"), ("good [+]", 8, "marked"), ("[-] meh", 4, "marked"),
])
def test_daylio_level_names_map_without_asking(name, score, how):
    place = _one(name)
    assert (place.score, place.how) == (score, how)


@pytest.mark.parametrize("name,proposal", [
    ("sad", 3), ("depressed", 1), ("Medium [-]", 4), ("ecstatic", 9), ("happy", 7),
])
def test_a_name_that_only_suggests_a_level_is_proposed_not_imported(name, proposal):
    place = _one(name)
    assert place.score is None and place.proposal == proposal and place.how == "suggested"


@pytest.mark.parametrize("name", ["una mierda", "numb", "[-]", "Blah [+]"])
def test_a_name_the_kit_cant_place_gets_no_number(name):
    place = place_moods({"rad": 1, "good": 1, "meh": 1, "bad": 1, "awful": 1, name: 1})[name]
    assert (place.score, place.proposal, place.how) == (None, None, "unknown")


def test_no_negative_word_is_ever_proposed_a_good_score():
    for word, level in mood_words().suggests.items():
        if level in ("bad", "awful"):
            assert _one(word).proposal <= 3, word


def test_the_one_level_without_a_name_is_proposed_for_the_one_name_left():
    places = place_moods({"rad": 3, "good": 5, "meh": 4, "awful": 1, "Blah": 2})
    assert (places["Blah"].score, places["Blah"].proposal, places["Blah"].how) == (None, 3, "gap")


def test_two_names_left_for_two_levels_are_not_guessed():
    places = place_moods({"rad": 3, "good": 5, "meh": 4, "Blah": 2, "Urgh": 1})
    assert places["Blah"].proposal is None and places["Urgh"].proposal is None


def test_the_persons_mapping_wins_over_what_the_kit_knows():
    assert _one("Good", good=6).score == 6 and _one("Good", good=6).how == "yours"


def test_places_come_best_first_and_those_needing_the_person_last():
    places = place_moods({"una mierda": 1, "awful": 1, "sad": 1, "rad": 1})
    assert list(places) == ["rad", "awful", "sad", "una mierda"]


def test_dry_run_shows_every_mood_with_its_count_score_and_why(tmp_path, capsys):
    journal = tmp_path / "j.sqlite3"
    assert main(["--journal", str(journal), "import-daylio", str(DATA / "case_and_moods.csv"),
                 "--dry-run"]) == 0
    out = capsys.readouterr().out
    assert re.search(r"rad +1 +9 +Daylio's rad", out)
    assert re.search(r"awful \[-\] +1 +1 +a name for Daylio's awful", out)
    assert re.search(r"sad +1 +3\? +needs you: it sounds like Daylio's bad\. If that's right, "
                     r"add --map-mood \"sad=3\"", out)
    assert re.search(r"Medium \[-\] +1 +4\? +needs you", out)
    assert re.search(r"una mierda +1 +– +needs you: the kit can't tell", out)
    assert "=8" not in out and "nothing was imported" in out and not journal.exists()


def test_the_refusal_proposes_only_what_it_can_place(journal):
    with pytest.raises(Exception) as info:
        daylio.import_daylio(journal, DATA / "case_and_moods.csv")
    message = str(info.value)
    assert "'Medium [-]', 'sad', 'una mierda'" in message
    assert '--map-mood "sad=3"' in message and '--map-mood "Medium [-]=4"' in message
    assert "una mierda=" not in message and "=8" not in message
    assert journal.count("checkins") == 0


def test_a_level_name_as_the_persons_score(journal):
    given = parse_mapping(["sad=bad", "Medium [-]=meh", "una mierda=awful"], "--map-mood",
                          scores=True)
    assert daylio.import_daylio(journal, DATA / "case_and_moods.csv", mood_map=given).added == 6
    moods = {r["day"].isoformat(): r["mood"] for r in journal.records("checkins")}
    assert (moods["2024-08-04"], moods["2024-08-05"], moods["2024-08-03"]) == (3, 5, 1)
