"""The "when it happens" cards, read from ``data/moments.toml`` (one card per moment)."""

from __future__ import annotations

import tomllib
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from importlib.abc import Traversable
from pathlib import Path
from typing import Any

from exback_kit.content import texts
from exback_kit.content.loader import ContentError
from exback_kit.content.vocab import MOMENTS

MOMENTS_FILE = "moments.toml"


@dataclass(frozen=True)
class Moment:
    """One card: its title, its words for each road, and the prompt for a plan."""

    id: str
    title: str
    lines: str
    moving_on: str
    order: str
    plan: str

    def words(self, *, moving_on: bool, order: bool) -> str:
        """Return the card's lines for the road in force (an order comes first)."""
        if order:
            return self.order
        return self.moving_on if moving_on else self.lines


@lru_cache(maxsize=1)
def load_moments() -> tuple[Moment, ...]:
    """Return the cards, in the kit's order, read once from the ``exback_kit.data`` package.

    Raises:
        ContentError: the file is malformed or a card is missing (names which).
    """
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
    cards = {}
    for raw in data.get("moment", []):
        where = f"{MOMENTS_FILE}, moment {raw.get('id')!r}"
        if raw.get("id") not in MOMENTS:
            raise ContentError(texts.CONTENT_MISSING.format(where=where, key="id"))
        lines = _text(raw, "lines", where)
        moving_on = _text(raw, "moving_on", where) if "moving_on" in raw else lines
        order = _text(raw, "order", where) if "order" in raw else moving_on
        cards[raw["id"]] = Moment(raw["id"], _text(raw, "title", where), lines, moving_on,
                                  order, _text(raw, "plan", where))
    missing = [m for m in MOMENTS if m not in cards]
    if missing:
        raise ContentError(texts.CONTENT_MISSING.format(where=MOMENTS_FILE, key=missing[0]))
    return tuple(cards[m] for m in MOMENTS)
