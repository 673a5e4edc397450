"""The two wellbeing scales: WHO-5 and the Rosenberg Self-Esteem Scale.

Scoring is pure: functions take the answers and return a result. Item texts
and answer labels live in ``data/instruments.toml``.

- WHO-5 Well-Being Index (World Health Organization, 1998; Topp, Østergaard,
  Søndergaard & Bech, 2015, Psychotherapy and Psychosomatics 84(3), 167–176):
  five items answered 0–5 for the last two weeks; raw 0–25, percentage = raw × 4.
- Rosenberg Self-Esteem Scale (Rosenberg 1965; revised edition 1989): ten
  statements answered on a four-point agreement scale, scored 0–3, the five
  negatively worded items reversed by their identity; total 0–30, no labels.
"""

from __future__ import annotations

import tomllib
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from typing import TYPE_CHECKING, Any

from exback_kit.content import texts
from exback_kit.errors import ValidationError

if TYPE_CHECKING:
    from exback_kit.store import Journal

#: WHO-5 percentage at or below which wellbeing counts as low.
WHO5_LOW = 28
#: WHO-5 percentage at or below which wellbeing counts as below the usual range.
WHO5_MIDDLE = 50
#: Raw WHO-5 score below which the safety message appears.
WHO5_RAW_CARE = 13
#: An item answered at or below this shows the safety message.
WHO5_ITEM_CARE = 1
#: A change of this many percentage points counts as meaningful (Topp et al. 2015).
MEANINGFUL_CHANGE = 10
CRISIS_SETTING = "crisis_contacts"


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
    raw = tomllib.loads(resources.files("exback_kit.data").joinpath("instruments.toml")
                        .read_text(encoding="utf-8"))[key]
    return Instrument(
        key=key, name=raw["name"], credit=raw["credit"], intro=raw["intro"],
        every_days=int(raw["every_days"]),
        answers=tuple((int(a["value"]), a["label"]) for a in raw["answers"]),
        items=tuple(Item(i["id"], i["text"], bool(i.get("reverse", False)))
                    for i in raw["items"]),
    )


WHO5_INFO = _load("who5")
ROSENBERG_INFO = _load("rosenberg")
#: The WHO-5 statements, in the published order.
WHO5: tuple[Item, ...] = WHO5_INFO.items
#: The Rosenberg statements, in the published order; five have ``reverse=True``.
ROSENBERG: tuple[Item, ...] = ROSENBERG_INFO.items
INSTRUMENTS = {"who5": WHO5_INFO, "rosenberg": ROSENBERG_INFO}


# --- answers ------------------------------------------------------------------

def answers_by_item(instrument: Instrument,
                    items: Mapping[str, object] | Sequence[object]) -> dict[str, int]:
    """Return {item id: answer}, checking every item is answered within range.

    A sequence is read in the published item order; a mapping by item id.

    Raises:
        ValidationError: an answer is missing, unknown or out of range; ``.field`` is the item id.
    """
    ids = [i.id for i in instrument.items]
    if isinstance(items, Mapping):
        unknown = [k for k in items if k not in ids]
        if unknown:
            raise ValidationError(texts.INSTRUMENT_UNKNOWN_ITEM.format(
                field=unknown[0], instrument=instrument.name, allowed=", ".join(ids)),
                field=str(unknown[0]))
        given: dict[str, object] = dict(items)
    else:
        values = list(items)
        if len(values) != len(ids):
            raise ValidationError(texts.INSTRUMENT_WRONG_COUNT.format(
                field="items", value=values, count=len(values), instrument=instrument.name,
                expected=len(ids)), field="items")
        given = dict(zip(ids, values, strict=True))
    return {item_id: _answer(instrument, item_id, given.get(item_id)) for item_id in ids}


def _answer(instrument: Instrument, item_id: str, value: object) -> int:
    if value is None:
        raise ValidationError(texts.INSTRUMENT_ITEM_MISSING.format(field=item_id),
                              field=item_id)
    if isinstance(value, bool) or not isinstance(value, int) or not 0 <= value <= instrument.top:
        raise ValidationError(texts.BAD_VALUE.format(
            field=item_id, value=repr(value),
            allowed=texts.WHOLE_NUMBER.format(lo=0, hi=instrument.top)), field=item_id)
    return value


# --- WHO-5 ----------------------------------------------------------------------

@dataclass(frozen=True)
class Who5Result:
    """A scored WHO-5: raw 0–25, percent 0–100, band, and whether to show the safety message.

    ``triggers`` names the safety conditions met: "percent", "raw", "item".
    """

    raw: int
    percent: int
    band: str
    needs_care: bool
    items: tuple[int, ...] = ()
    triggers: tuple[str, ...] = ()


def who5_band(percent: float) -> str:
    """Return "low" (≤ 28 %), "middle" (≤ 50 %) or "good" (above 50 %)."""
    if percent <= WHO5_LOW:
        return "low"
    return "middle" if percent <= WHO5_MIDDLE else "good"


def score_who5(items: Mapping[str, object] | Sequence[object]) -> Who5Result:
    """Score the WHO-5.

    Args:
        items: five answers 0–5 (5 = all of the time), in order or by item id.

    Raises:
        ValidationError: an answer is missing or out of range.
    """
    answers = tuple(answers_by_item(WHO5_INFO, items).values())
    raw = sum(answers)
    percent = raw * 4
    triggers = tuple(name for name, met in (
        ("percent", percent <= WHO5_LOW),
        ("raw", raw < WHO5_RAW_CARE),
        ("item", any(a <= WHO5_ITEM_CARE for a in answers)),
    ) if met)
    return Who5Result(raw, percent, who5_band(percent), bool(triggers), answers, triggers)


def meaningful_change(a: float | Who5Result, b: float | Who5Result) -> bool:
    """Return True when two WHO-5 percentages differ by 10 points or more."""
    pa = a.percent if isinstance(a, Who5Result) else a
    pb = b.percent if isinstance(b, Who5Result) else b
    return abs(pb - pa) >= MEANINGFUL_CHANGE


# --- Rosenberg --------------------------------------------------------------------

@dataclass(frozen=True)
class RosenbergResult:
    """A scored Rosenberg scale: total 0–30, the per-item scores after reversing, the answers.

    ``answers`` are the agreement answers in published order (3 = strongly agree).
    """

    total: int
    item_scores: tuple[tuple[str, int], ...]
    answers: tuple[int, ...]


def score_rosenberg(items: Mapping[str, object] | Sequence[object]) -> RosenbergResult:
    """Score the Rosenberg Self-Esteem Scale.

    Args:
        items: ten agreement answers 0–3 (3 = strongly agree), in published order
            or by item id. The negatively worded items are reversed by id.

    Raises:
        ValidationError: an answer is missing or out of range.
    """
    answers = answers_by_item(ROSENBERG_INFO, items)
    top = ROSENBERG_INFO.top
    scores = tuple((item.id, top - answers[item.id] if item.reverse else answers[item.id])
                   for item in ROSENBERG)
    return RosenbergResult(sum(s for _, s in scores), scores, tuple(answers.values()))


# --- saving -------------------------------------------------------------------------

def save_result(journal: Journal, instrument: str,
                items: Mapping[str, object] | Sequence[object]) -> tuple[int, Any]:
    """Score and save one completed scale as an ``instrument_results`` entry.

    The entry keeps the answers in published order, the raw score, and the score
    (WHO-5 percent, Rosenberg total). Returns (entry id, result).

    Raises:
        ValidationError: an answer is missing or out of range; nothing was written.
    """
    if instrument == "who5":
        who5 = score_who5(items)
        entry = journal.add("instrument_results", instrument="who5", items=list(who5.items),
                            raw=who5.raw, score=float(who5.percent))
        return entry, who5
    ros = score_rosenberg(items)
    entry = journal.add("instrument_results", instrument="rosenberg", items=list(ros.answers),
                        raw=ros.total, score=float(ros.total))
    return entry, ros


def latest_who5(journal: Journal, *, skip: int = 0) -> Who5Result | None:
    """Return the newest saved WHO-5 (or the one ``skip`` entries before it), rescored."""
    rows = journal.records("instrument_results", where="instrument = ?", params=("who5",),
                           newest_first=True, limit=skip + 1)
    return score_who5(rows[skip]["items"]) if len(rows) > skip else None


# --- crisis contacts and the safety message ---------------------------------------

@dataclass(frozen=True)
class Contact:
    """A crisis contact. ``is_default`` marks the kit's defaults (check the country)."""

    name: str
    detail: str
    is_default: bool = False


@lru_cache(maxsize=1)
def default_contacts() -> tuple[Contact, ...]:
    """Return the kit's default crisis contacts (well-known helplines)."""
    raw = tomllib.loads(resources.files("exback_kit.data").joinpath("crisis_contacts.toml")
                        .read_text(encoding="utf-8"))
    return tuple(Contact(c["name"], c["detail"], True) for c in raw["contact"])


def crisis_contacts(journal: Journal) -> tuple[Contact, ...]:
    """Return the person's crisis contacts (setting "crisis_contacts") or the defaults."""
    saved = journal.get_setting(CRISIS_SETTING, None)
    if not isinstance(saved, list):
        return default_contacts()
    return tuple(Contact(str(c.get("name", "")), str(c.get("detail", "")))
                 for c in saved if isinstance(c, dict))


def safety_message(source: Journal | Sequence[Contact]) -> str:
    """Return the calm safety message as plain text, listing the crisis contacts.

    Args:
        source: an open journal (its saved contacts, or the defaults) or a list of contacts.
    """
    contacts = source if isinstance(source, Sequence) else crisis_contacts(source)
    lines = [texts.SAFETY_INTRO]
    for c in contacts:
        mark = texts.SAFETY_CHECK_COUNTRY if c.is_default else ""
        lines.append(texts.SAFETY_CONTACT.format(name=c.name, detail=c.detail) + mark)
    if not contacts:
        lines.append(texts.SAFETY_NO_CONTACTS)
    lines.append(texts.SAFETY_OUTRO)
    return "\n".join(lines)
