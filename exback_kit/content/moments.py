"""The "when it happens" cards, read from ``data/moments.toml`` (one card per moment)."""

from __future__ import annotations

import tomllib
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from importlib.abc import Traversable
from pathlib import Path
from typing import Any

from exback_kit.content import language, texts, toml_words
from exback_kit.content.loader import ContentError
from exback_kit.content.vocab import MOMENTS

MOMENTS_FILE = "moments.toml"
#: The optional per-road words a card may carry besides ``lines`` and ``moving_on``.
ROAD_KEYS = ("harm", "order")


@dataclass(frozen=True)
class Moment:
    """One card: its title, its words for each road, and the prompt for a plan.

    ``variants`` maps road keys (see :func:`exback_kit.domain.gate.for_road`) to the card's
    lines: "open" holds the words for the open road only; every other road (the unanswered
    one too) gets the moving-on words, with nothing about getting in touch, or the card's
    "harm" and "order" words where it has them.
    """

    id: str
    title: str
    variants: dict[str, str]
    plan: str


def load_moments() -> tuple[Moment, ...]:
    """Return the cards, in the kit's order and the language in force, read once per
    language from the ``exback_kit.data`` package.

    Raises:
        ContentError: the file is malformed or a card is missing (names which).
    """
    return _moments_in(language.current())


@lru_cache(maxsize=4)
def _moments_in(lang: str) -> tuple[Moment, ...]:
    """The cards in ``lang`` (the argument is the cache's key: the words follow it)."""
    return moments_from(resources.files("exback_kit.data"))


def _text(raw: dict[str, Any], key: str, where: str) -> str:
    value = raw.get(key)
    if not isinstance(value, str) or not value.strip():
        raise ContentError(texts.CONTENT_MISSING.format(where=where, key=key))
    return value.strip()


def moments_from(folder: Traversable | Path) -> tuple[Moment, ...]:
    """Read and check ``moments.toml`` in ``folder``: one card for each of ``MOMENTS``."""
    try:
        data = tomllib.loads((folder / MOMENTS_FILE).read_text(encoding="utf-8"))
    except tomllib.TOMLDecodeError as exc:
        raise ContentError(texts.CONTENT_BAD_TOML.format(where=MOMENTS_FILE, reason=exc)) from None
    data = toml_words.translated(Path(MOMENTS_FILE).stem, data)
    cards = {}
    for raw in data.get("moment", []):
        where = f"{MOMENTS_FILE}, moment {raw.get('id')!r}"
        if raw.get("id") not in MOMENTS:
            raise ContentError(texts.CONTENT_MISSING.format(where=where, key="id"))
        lines = _text(raw, "lines", where)
        moving_on = _text(raw, "moving_on", where) if "moving_on" in raw else lines
        # "unanswered" would fall back to "open": it gets the moving-on words instead.
        variants = {"open": lines, "unanswered": moving_on, "default": moving_on}
        variants.update({k: _text(raw, k, where) for k in ROAD_KEYS if k in raw})
        cards[raw["id"]] = Moment(raw["id"], _text(raw, "title", where), variants,
                                  _text(raw, "plan", where))
    missing = [m for m in MOMENTS if m not in cards]
    if missing:
        raise ContentError(texts.CONTENT_MISSING.format(where=MOMENTS_FILE, key=missing[0]))
    return tuple(cards[m] for m in MOMENTS)
