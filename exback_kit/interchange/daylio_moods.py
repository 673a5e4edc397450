"""Where each Daylio mood name sits on the kit's 1–10 mood, and how sure the kit is of it.

Daylio writes every mood from one of its five levels (rad, good, meh, bad, awful); a
renamed or added mood keeps its level. A name the kit knows for a level (Daylio's
own, or the level's name in another language, see ``data/daylio_moods.toml``) maps
without asking; a ``[-]`` or ``[+]`` beside it moves it one step within its level.
A name that only suggests a level, or the one name left for the one level the file
has no other name for, gets a *proposed* score the person confirms. A name the kit
can't place gets no number at all: a suggested 8 would turn a worst day into a good one.
"""

from __future__ import annotations

import re
import tomllib
from collections.abc import Mapping
from dataclasses import dataclass
from functools import cache
from importlib import resources

#: Daylio's five levels, best first.
LEVELS = ("rad", "good", "meh", "bad", "awful")

_MARKER = r"[\[(]\s*([+\-−–]{1,2}|0|=|~)\s*[\])]"
_MARKED = re.compile(rf"^\s*(?:{_MARKER})?\s*(.*?)\s*(?:{_MARKER})?\s*$")


@dataclass(frozen=True)
class MoodWords:
    """The words of ``data/daylio_moods.toml``: level scores, level names, suggestions."""

    scores: dict[str, int]
    names: dict[str, str]
    suggests: dict[str, str]


@dataclass(frozen=True)
class MoodPlace:
    """Where one mood name of a file goes.

    ``score`` is what an import uses (None: the person has to say); ``proposal`` a
    score the kit offers for the person to confirm. ``how`` says why: ``daylio``
    (Daylio's own name), ``named`` (the level's name, maybe translated), ``marked``
    (a level's name with ``[+]``/``[-]``), ``yours`` (the person's mapping),
    ``suggested``, ``gap`` (proposals) or ``unknown``.
    """

    name: str
    count: int
    score: int | None
    how: str
    level: str | None = None
    proposal: int | None = None


@cache
def mood_words() -> MoodWords:
    """Return the mood words of ``data/daylio_moods.toml``, each name pointing at its level."""
    raw = tomllib.loads(resources.files("exback_kit.data").joinpath("daylio_moods.toml")
                        .read_text(encoding="utf-8"))
    names = {_key(n): level for level, words in raw["names"].items() for n in words}
    suggests = {_key(n): level for level, words in raw["suggests"].items() for n in words}
    return MoodWords(dict(raw["levels"]), names, suggests)


def _key(name: str) -> str:
    return " ".join(name.casefold().split())


def split_marker(name: str) -> tuple[str, int]:
    """Return a mood name without its ``[+]``/``[-]`` marker, and the step the marker means."""
    match = _MARKED.match(name)
    if not match:
        return name, 0
    marker = match[1] or match[3] or ""
    step = 1 if "+" in marker else -1 if set(marker) & set("-−–") else 0
    return match[2] or name, step


def level_score(value: str) -> int | None:
    """Return the score of ``value`` given as a whole number 1–10 or a Daylio level name."""
    text = value.strip()
    if text.isdigit():
        return int(text) if 1 <= int(text) <= 10 else None
    return mood_words().scores.get(_key(text))


def _clamp(score: int) -> int:
    return max(1, min(10, score))


def _place(name: str, count: int, given: Mapping[str, int]) -> MoodPlace:
    words = mood_words()
    if _key(name) in given:
        return MoodPlace(name, count, given[_key(name)], "yours")
    base, step = split_marker(name)
    level = words.names.get(_key(base))
    if level is not None:
        how = "marked" if step else "daylio" if _key(base) == level else "named"
        return MoodPlace(name, count, _clamp(words.scores[level] + step), how, level)
    level = words.suggests.get(_key(base))
    if level is not None:
        return MoodPlace(name, count, None, "suggested", level,
                         _clamp(words.scores[level] + step))
    return MoodPlace(name, count, None, "unknown")


def _fill_the_gap(places: dict[str, MoodPlace]) -> dict[str, MoodPlace]:
    """Propose the one level no name of the file stands for to the one name left unplaced."""
    unknown = [p for p in places.values() if p.how == "unknown"]
    bases = {_key(split_marker(p.name)[0]) for p in unknown}
    taken = {p.level for p in places.values() if p.level}
    missing = [level for level in LEVELS if level not in taken]
    if len(bases) != 1 or len(missing) != 1:
        return places
    score = mood_words().scores[missing[0]]
    return {**places, **{p.name: MoodPlace(p.name, p.count, None, "gap", missing[0],
                                           _clamp(score + split_marker(p.name)[1]))
                         for p in unknown}}


def place_moods(counts: Mapping[str, int],
                given: Mapping[str, int] | None = None) -> dict[str, MoodPlace]:
    """Return where each mood name of a file goes, best first, those needing the person last.

    Args:
        counts: {mood name as written: entries with it}.
        given: the person's scores, by name (any case), e.g. ``{"sad": 2}``.
    """
    given = {_key(n): s for n, s in (given or {}).items()}
    places = _fill_the_gap({name: _place(name, count, given) for name, count in counts.items()})

    def order(place: MoodPlace) -> tuple[bool, int, str]:
        shown = place.score if place.score is not None else place.proposal
        return (place.score is None, -(shown or 0), _key(place.name))

    return {p.name: p for p in sorted(places.values(), key=order)}
