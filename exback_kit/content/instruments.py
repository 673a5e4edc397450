"""The wellbeing scales' statements, answer labels and credits (``data/instruments.toml``),
and the default crisis contacts (``data/crisis_contacts.toml``)."""

from __future__ import annotations

import tomllib
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Any

from exback_kit.content import language, toml_words


@dataclass(frozen=True)
class Item:
    """One statement of a scale. ``reverse`` marks negatively worded items."""

    id: str
    text: str
    reverse: bool = False


@dataclass(frozen=True)
class Instrument:
    """A scale: its name, credit, intro, answer labels (value, label) and items."""

    key: str
    name: str
    credit: str
    intro: str
    every_days: int
    answers: tuple[tuple[int, str], ...]
    items: tuple[Item, ...]

    @property
    def top(self) -> int:
        """The highest answer value."""
        return max(v for v, _ in self.answers)


def _load(key: str) -> Instrument:
    raw = _read("instruments.toml")[key]
    return Instrument(
        key=key, name=raw["name"], credit=raw["credit"], intro=raw["intro"],
        every_days=int(raw["every_days"]),
        answers=tuple((int(a["value"]), a["label"]) for a in raw["answers"]),
        items=tuple(Item(i["id"], i["text"], bool(i.get("reverse", False)))
                    for i in raw["items"]),
    )


def _read(name: str) -> dict[str, Any]:
    """A content file, its words in the language in force."""
    data = tomllib.loads(resources.files("exback_kit.data").joinpath(name)
                         .read_text(encoding="utf-8"))
    return toml_words.translated(Path(name).stem, data)


#: The scales as the kit reads them at import (their ids, order, scoring: never their words:
#: :func:`instrument` gives a scale in the language in force).
WHO5_INFO = _load("who5")
ROSENBERG_INFO = _load("rosenberg")
#: The WHO-5 statements, in the published order.
WHO5: tuple[Item, ...] = WHO5_INFO.items
#: The Rosenberg statements, in the published order; five have ``reverse=True``.
ROSENBERG: tuple[Item, ...] = ROSENBERG_INFO.items
INSTRUMENTS = {"who5": WHO5_INFO, "rosenberg": ROSENBERG_INFO}


@dataclass(frozen=True)
class Contact:
    """A crisis contact. ``is_default`` marks the kit's defaults (check the country)."""

    name: str
    detail: str
    is_default: bool = False
    #: The kit's defaults only: "emergency", "crisis", "abuse", "stop_harming" or "directory".
    kind: str = ""


def instrument(key: str) -> Instrument:
    """Return a scale (``"who5"``, ``"rosenberg"``) with its words in the language in force."""
    return _instrument_in(key, language.current())


@lru_cache(maxsize=8)
def _instrument_in(key: str, lang: str) -> Instrument:
    return _load(key)


def default_contacts() -> tuple[Contact, ...]:
    """Return the kit's default crisis contacts (well-known helplines), in the language in
    force."""
    return _contacts_in(language.current())


@lru_cache(maxsize=4)
def _contacts_in(lang: str) -> tuple[Contact, ...]:
    raw = _read("crisis_contacts.toml")
    return tuple(Contact(c["name"], c["detail"], True, c.get("kind", "")) for c in raw["contact"])
