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

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date

import numpy as np
import pandas as pd

from exback_kit.content import texts
from exback_kit.content.instruments import (
    INSTRUMENTS,
    ROSENBERG,
    ROSENBERG_INFO,
    WHO5,
    WHO5_INFO,
    Instrument,
    Item,
)
from exback_kit.domain.newest import newest_last
from exback_kit.domain.timeline import as_day, floats, up_to
from exback_kit.errors import ValidationError

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


# --- over time --------------------------------------------------------------------

def wellbeing(results: pd.DataFrame, today: date | None = None) -> pd.DataFrame:
    """Return the wellbeing scores over time, oldest first.

    Columns: ``day``, ``instrument`` ("who5" or "rosenberg"), ``value`` (WHO-5 as a
    percentage, raw × 4; Rosenberg as its 0–30 total) and ``band`` (the WHO-5 band
    from :func:`exback_kit.instruments.who5_band`; empty for Rosenberg, which has
    no bands).
    """
    df = up_to(results, as_day(today))
    if df.empty:
        return pd.DataFrame({"day": pd.Series([], dtype="datetime64[ns]"),
                             "instrument": pd.Series([], dtype="str"),
                             "value": pd.Series([], dtype="float64"),
                             "band": pd.Series([], dtype="str")})
    raw = floats(df["raw"])
    who5 = (df["instrument"] == "who5").to_numpy()
    value = np.where(who5, raw * 4, raw)
    out = pd.DataFrame({"day": df["day"].to_numpy(dtype="datetime64[ns]"),
                        "instrument": df["instrument"].to_numpy(), "value": value})
    out["band"] = [who5_band(v) if w else "" for v, w in zip(value, who5, strict=True)]
    return out.reset_index(drop=True)


# --- saving and reading back (frames in, values out) ---------------------------------

def result_values(instrument: str, items: Mapping[str, object] | Sequence[object]
                  ) -> tuple[dict[str, object], Who5Result | RosenbergResult]:
    """Score one completed scale; return the ``instrument_results`` fields to save and the result.

    The fields keep the answers in published order, the raw score and the score
    (WHO-5 percent, Rosenberg total).

    Raises:
        ValidationError: an answer is missing or out of range.
    """
    if instrument == "who5":
        who5 = score_who5(items)
        return ({"instrument": "who5", "items": list(who5.items), "raw": who5.raw,
                 "score": float(who5.percent)}, who5)
    ros = score_rosenberg(items)
    return ({"instrument": "rosenberg", "items": list(ros.answers), "raw": ros.total,
             "score": float(ros.total)}, ros)


@dataclass(frozen=True)
class Who5Entry:
    """A saved WHO-5: the day it was taken and its result."""

    day: date
    result: Who5Result


def latest_who5(results: pd.DataFrame, today: date | None = None, *,
                skip: int = 0) -> Who5Entry | None:
    """Return the newest WHO-5 up to ``today`` (or the one ``skip`` entries before it), rescored.

    Args:
        results: the ``instrument_results`` table.
    """
    if results.empty:
        return None
    who5 = results[results["instrument"] == "who5"]
    if today is not None:
        who5 = who5[who5["day"].dt.date <= today]
    if len(who5) <= skip:
        return None
    row = newest_last(who5, "at").iloc[-1 - skip]
    return Who5Entry(row["day"].date(), score_who5(list(row["items"])))


def next_who5_day(results: pd.DataFrame, today: date) -> date:
    """Return the day the next WHO-5 is due: ``every_days`` after the last one, or today."""
    from datetime import timedelta

    latest = latest_who5(results, today)
    if latest is None:
        return today
    return max(latest.day + timedelta(days=WHO5_INFO.every_days), today)


__all__ = ["INSTRUMENTS", "MEANINGFUL_CHANGE", "ROSENBERG", "ROSENBERG_INFO", "WHO5",
           "WHO5_INFO", "WHO5_ITEM_CARE", "WHO5_LOW", "WHO5_MIDDLE", "WHO5_RAW_CARE",
           "Instrument", "Item", "RosenbergResult", "Who5Entry", "Who5Result", "answers_by_item",
           "latest_who5", "meaningful_change", "next_who5_day", "result_values",
           "score_rosenberg", "score_who5", "wellbeing", "who5_band"]
