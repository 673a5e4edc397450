"""A question of a step or a topic, the content error, and the checks each question gets.

:mod:`exback_kit.content.loader` reads the files; this module turns one ``[[question]]``
table into a :class:`Question`, naming the file, step (or topic) and question in every
:class:`ContentError`.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

from exback_kit.content import texts

QUESTION_TYPES = ("scale", "single", "multi", "yesno", "short_text", "long_text", "date",
                  "number")
#: The ``step`` of a question that belongs to a topic rather than a numbered step.
NOT_A_STEP = -1
#: What an id of a question, choice or topic may look like.
ID = re.compile(r"^[a-z][a-z0-9_]{0,63}$")


class ContentError(ValueError):
    """A content file is malformed; the message names file, step and question."""


@dataclass(frozen=True)
class Choice:
    """One option of a single- or multi-choice question."""

    id: str
    label: str


@dataclass(frozen=True)
class Question:
    """One prompt of a step (or of a topic); ``type`` is one of :data:`QUESTION_TYPES`.

    A topic's questions have ``step`` :data:`NOT_A_STEP` and ``topic`` set.
    """

    id: str
    type: str
    text: str
    step: int
    help: str = ""
    required: bool = False
    group: str = ""
    choices: tuple[Choice, ...] = ()
    min: float | None = None
    max: float | None = None
    low: str = ""
    high: str = ""
    unit: str = ""
    future_ok: bool = False
    topic: str = ""
    #: Shown only on the open road (``open_road_only = true``): the boundaries check answered,
    #: all "no", and no decision to move on. Hidden, it neither shows nor counts.
    open_road_only: bool = False
    #: Read and found to hold on every road although it names trying again
    #: (``every_road = true``): the loader's road-words check lets it pass.
    every_road: bool = False


def text_of(table: Mapping[str, Any], key: str, where: str, *, required: bool = True) -> str:
    """Return the stripped text at ``key``; raise a ContentError naming ``where`` if missing."""
    value = table.get(key, "")
    if not isinstance(value, str) or (required and not value.strip()):
        raise ContentError(texts.CONTENT_MISSING.format(where=where, key=key))
    return value.strip()


def no_duplicates(ids: Iterable[str], where: str, what: str) -> None:
    """Raise a ContentError naming ``where`` when an id is used twice."""
    seen: set[str] = set()
    for item in ids:
        if item in seen:
            raise ContentError(texts.CONTENT_DUPLICATE.format(where=where, id=item, what=what))
        seen.add(item)


def parse_question(name: str, step: int, raw: Mapping[str, Any], *,
                   topic: str = "") -> Question:
    """Return one question of file ``name`` (of ``step``, or of ``topic`` when given).

    Raises:
        ContentError: the question is malformed (names file, step or topic, and question).
    """
    qid = raw.get("id", "")
    where = (texts.CONTENT_WHERE_TOPIC_QUESTION.format(file=name, topic=topic, question=qid)
             if topic else texts.CONTENT_WHERE_QUESTION.format(file=name, step=step,
                                                               question=qid))
    if not isinstance(qid, str) or not ID.match(qid):
        raise ContentError(texts.CONTENT_BAD_ID.format(where=where, id=qid))
    qtype = raw.get("type", "")
    if qtype not in QUESTION_TYPES:
        raise ContentError(texts.CONTENT_UNKNOWN_TYPE.format(
            where=where, type=qtype, allowed=", ".join(QUESTION_TYPES)))
    q = Question(
        id=qid, type=qtype, step=step, text=text_of(raw, "text", where),
        help=text_of(raw, "help", where, required=False),
        required=bool(raw.get("required", False)),
        group=text_of(raw, "group", where, required=False),
        future_ok=bool(raw.get("future_ok", False)), topic=topic,
        open_road_only=_flag(raw, "open_road_only", where),
        every_road=_flag(raw, "every_road", where),
        **_type_extras(qtype, raw, where),
    )
    return q


def _flag(raw: Mapping[str, Any], key: str, where: str) -> bool:
    """Return a true/false setting of a question (absent: false)."""
    value = raw.get(key, False)
    if not isinstance(value, bool):
        raise ContentError(texts.CONTENT_BAD_FLAG.format(where=where, key=key, value=value))
    return value


def _type_extras(qtype: str, raw: Mapping[str, Any], where: str) -> dict[str, Any]:
    """Check and return the fields a question type needs (range, labels, choices, unit)."""
    extras: dict[str, Any] = {}
    if qtype in ("scale", "number"):
        lo, hi = raw.get("min"), raw.get("max")
        bounded = qtype == "scale" or lo is not None or hi is not None
        if bounded and not (isinstance(lo, int) and isinstance(hi, int) and lo < hi):
            raise ContentError(texts.CONTENT_BAD_RANGE.format(where=where, key="min/max",
                                                              lo=lo, hi=hi))
        extras.update(min=lo, max=hi)
    if qtype == "scale":
        extras.update(low=text_of(raw, "low", where), high=text_of(raw, "high", where))
    if qtype == "number":
        extras["unit"] = text_of(raw, "unit", where)
    if qtype in ("single", "multi"):
        extras["choices"] = _choices(raw.get("choices"), where)
    return extras


def _choices(raw: object, where: str) -> tuple[Choice, ...]:
    if not isinstance(raw, list) or len(raw) < 2:
        raise ContentError(texts.CONTENT_BAD_CHOICES.format(
            where=where, problem="give at least two"))
    out = []
    for item in raw:
        if not isinstance(item, dict) or not ID.match(str(item.get("id", ""))):
            raise ContentError(texts.CONTENT_BAD_CHOICES.format(where=where,
                                                                problem=f"got {item!r}"))
        out.append(Choice(item["id"], text_of(item, "label", where)))
    no_duplicates((c.id for c in out), where, "choice")
    return tuple(out)
