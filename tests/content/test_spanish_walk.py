"""Under Spanish, the walk of everything the kit shows finds no English left.

The same walk as the pseudo-locale's (tests/content/test_pseudo_walk.py): every stage's
widgets, the report's text, the .ics file and the CLI's replies, on a journal with a
little of everything. A sentence is English when it holds English function words
(``the``, ``your``, ``with``…) that Spanish never uses.

Exempt, and why: the WHO-5 and Rosenberg scales, shown in English by design (no
validated Spanish wording could be confirmed; a Spanish line before each says so); the
person's own words in the walk's journal ("late night", "Can we talk?"); the languages'
own names in the picker; the notebooks' markdown, hidden once the kit runs.
"""

from __future__ import annotations

import re
import tomllib
from pathlib import Path

import pytest

from exback_kit.content import language, toml_words
from tests.content.test_pseudo_walk import ICS_SHOWN, _without_markdown
from tests.notebook import test_road_walk
from tests.notebook.test_gated_pages import seen_text
from tests.notebook.test_road_walk import BOUNDARIES, every_word
from tests.notebook.widget_tree import walk

DATA = Path(__file__).resolve().parents[2] / "data"
#: English words Spanish does not use (no "a", "me", "no", "he": Spanish has those).
ENGLISH_WORDS = frozenset({
    "the", "your", "you", "and", "with", "what", "this", "that", "for", "are", "is", "it", "of",
    "to", "from", "have", "has", "not", "can", "will", "when", "how", "here", "there", "yet",
    "today", "please", "only", "each", "more", "any", "been", "was", "were", "would", "could",
    "should", "about", "after", "before", "again", "into", "just", "than", "them", "they",
    "their", "which", "while"})
PERSON = ["late night", "Can we talk?", "call Sam", "English"]
#: Cited works keep their published titles (the scales' credits).
CITED = ["Society and the adolescent self-image", "Princeton University Press",
         "Wesleyan University Press", "The WHO-5 Well-Being Index: a systematic review of the "
         "literature", "Psychotherapy and Psychosomatics"]


def _scales() -> list[str]:
    """The validated scales' English words (kept in English in the Spanish kit)."""
    data = tomllib.loads((DATA / "instruments.toml").read_text(encoding="utf-8"))
    return [w for c, w in toml_words.words("instruments", data)
            if c.startswith(("instruments:who5.", "instruments:rosenberg."))]


def english_left(text: str) -> list[str]:
    """Return each line of ``text`` holding two English words or more, the exempt out."""
    for exempt in sorted(_scales() + PERSON + CITED, key=len, reverse=True):
        text = text.replace(exempt, " ")
    hits = []
    for line in text.splitlines():
        words = re.findall(r"[A-Za-z]+", line)
        if sum(w.lower() in ENGLISH_WORDS for w in words) >= 2:
            hits.append(line.strip()[:120])
    return hits


def seen_with_choices(w) -> str:
    """The walk's words plus the kit's own choice groups: their options and their ends."""
    extra = []
    for x in walk(w):
        extra += [str(o[0]) for o in getattr(x, "options", ()) or ()
                  if isinstance(o, list | tuple) and o]
        extra += [str(e) for e in getattr(x, "ends", ()) or ()]
    return seen_text(w) + "\n" + "\n".join(extra)


@pytest.fixture
def spanish(monkeypatch):
    """Speak Spanish for the test, English after it; the walk reads choice groups too."""
    monkeypatch.setattr(test_road_walk, "seen_text", seen_with_choices)
    language.choose("es")
    yield
    language.choose(language.ENGLISH)


def test_the_detector_finds_english_and_lets_spanish_be():
    assert english_left("Guardado.\nSaved. Your mood is in the chart.") == [
        "Saved. Your mood is in the chart."]
    assert english_left("Tu ánimo con el tiempo · a las 22:00\nlate night, Can we talk?") == []
    assert english_left("I have felt calm and relaxed") == []


def test_the_walk_in_english_is_full_of_english(tmp_path: Path):
    """The control: the same walk in English finds English in every source."""
    language.choose(language.ENGLISH)
    words = every_word(tmp_path, dict.fromkeys(BOUNDARIES, "no"), None)
    for source, text in words.items():
        assert english_left(_without_markdown(source, text)), source


@pytest.mark.parametrize("decision", [None, "move_on"], ids=["open road", "moving on"])
def test_under_spanish_no_english_is_left(tmp_path: Path, spanish, decision):
    words = every_word(tmp_path, dict.fromkeys(BOUNDARIES, "no"), decision)
    words["calendar"] = "\n".join(ICS_SHOWN.findall(words["calendar"]))
    leaks = {source: english_left(_without_markdown(source, text))
             for source, text in words.items()}
    assert {s: w for s, w in leaks.items() if w} == {}
    day = r".{0,30}\b\d{4}-\d{2}-\d{2}\b.{0,10}"
    iso = {source: re.findall(day, _without_markdown(source, text))
           for source, text in words.items() if source != "calendar"}
    assert {s: d for s, d in iso.items() if d} == {}, "days read the Spanish way, not ISO"
