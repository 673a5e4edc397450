"""Checks every value before it reaches the journal; turns it into what is stored.

Each check either returns the value as it will be stored (text for SQLite) or
raises ValidationError naming the field, the value and what is allowed.
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from datetime import date, datetime, time, timedelta

from exback_kit.content import texts
from exback_kit.errors import ValidationError
from exback_kit.store.schema import LONG_TEXT, SHORT_TEXT, Field, fields

TYPE_CHECKING = False  # as typing's, without importing typing at start-up
if TYPE_CHECKING:
    from typing import Any

    from exback_kit.content import Question

#: A moment may be this far ahead of the clock (clocks drift between devices).
CLOCK_SLACK = timedelta(minutes=5)
EARLIEST = date(1900, 1, 1)


def fail(template: str, field: str, value: object, **extra: object) -> ValidationError:
    """Return the error for ``value`` of ``field``: ``template`` filled with the field's name,
    the value (its repr, cut short) and ``extra``."""
    shown = repr(value)
    if len(shown) > 60:
        shown = shown[:57] + "…"
    return ValidationError(template.format(field=field, value=shown, **extra), field=field)


def now() -> datetime:
    """Return the current moment in the local time zone."""
    return datetime.now().astimezone()


def moment(value: object, field: str = "at", *, future_ok: bool = False) -> datetime:
    """Return a timezone-aware datetime for ``value`` (None means now).

    A date alone means noon of that day; a naive datetime is taken as local time.
    An aware datetime keeps its own offset: it is the wall-clock time where it was
    written (travel, daylight saving), so its day and hour are counted there.
    """
    if value is None:
        return now()
    given = value
    if isinstance(value, str):
        raw = value.strip()
        try:
            value = date.fromisoformat(raw) if len(raw) == 10 else datetime.fromisoformat(raw)
        except ValueError:
            raise fail(texts.BAD_MOMENT, field, value) from None
    if not isinstance(value, date):  # a datetime is a date too
        raise fail(texts.BAD_MOMENT, field, value)
    if (value.date() if isinstance(value, datetime) else value) < EARLIEST:
        # before converting: 0001-01-01 has no local time to convert to (year 0)
        raise fail(texts.TOO_EARLY, field, given, earliest=EARLIEST.isoformat())
    try:
        if isinstance(value, datetime):
            result = value if value.tzinfo else value.astimezone()
        else:
            result = datetime.combine(value, time(12, 0)).astimezone()
    except (ValueError, OverflowError):  # 9999-12-31 late at night, say
        raise fail(texts.BAD_MOMENT, field, given) from None
    if result.date() < EARLIEST:
        raise fail(texts.TOO_EARLY, field, given, earliest=EARLIEST.isoformat())
    if not future_ok and result > now() + CLOCK_SLACK:
        raise fail(texts.IN_FUTURE, field, given)
    return result


def day(value: object, field: str, *, future_ok: bool = False) -> str:
    """Return an ISO date string for a date, a datetime or an ISO text."""
    if isinstance(value, datetime):
        value = value.date()
    given = value
    if isinstance(value, str):
        try:
            value = date.fromisoformat(value.strip())
        except ValueError:
            raise fail(texts.BAD_DAY, field, value) from None
    if not isinstance(value, date):
        raise fail(texts.BAD_DAY, field, value)
    if value < EARLIEST:
        raise fail(texts.TOO_EARLY, field, given, earliest=EARLIEST.isoformat())
    if not future_ok and value > now().date():
        raise fail(texts.IN_FUTURE, field, given)
    return value.isoformat()


def number(spec: Field, value: object) -> int | float:
    """Return an int or float within the field's range."""
    want_int = spec.kind == "int"
    allowed = (texts.WHOLE_NUMBER if want_int else texts.NUMBER).format(lo=_n(spec.lo),
                                                                       hi=_n(spec.hi))
    if isinstance(value, bool):
        raise fail(texts.BAD_VALUE, spec.name, value, allowed=allowed)
    if isinstance(value, str):
        try:
            value = float(value.strip()) if value.strip() else None
        except ValueError:
            raise fail(texts.BAD_VALUE, spec.name, value, allowed=allowed) from None
    if not isinstance(value, int | float) or math.isnan(value) or math.isinf(value):
        raise fail(texts.BAD_VALUE, spec.name, value, allowed=allowed)
    if want_int:
        if isinstance(value, float) and not value.is_integer():
            raise fail(texts.BAD_VALUE, spec.name, value, allowed=allowed)
        value = int(value)
    if (spec.lo is not None and value < spec.lo) or (spec.hi is not None and value > spec.hi):
        raise fail(texts.BAD_VALUE, spec.name, value, allowed=allowed)
    return value


def _n(x: float | None) -> str:
    return "" if x is None else (str(int(x)) if float(x).is_integer() else str(x))


def text(spec: Field, value: object) -> str:
    """Return text as given; whitespace-only becomes empty; NUL and overlong are refused."""
    if not isinstance(value, str):
        raise fail(texts.BAD_TEXT, spec.name, value)
    if "\x00" in value:
        raise fail(texts.NUL_IN_TEXT, spec.name, value)
    _encodable(spec.name, value)
    if len(value) > spec.max_len:
        raise ValidationError(texts.TOO_LONG.format(field=spec.name, length=len(value),
                                                    max_len=spec.max_len), field=spec.name)
    if not _shown(spec.name, value):  # spaces or invisible characters only: empty
        if spec.required:
            raise fail(texts.REQUIRED, spec.name, value)
        return ""
    return value


#: Right-to-left and left-to-right overrides: they make text show in another order than
#: it was typed (a name that reads differently on screen), so they are refused.
BIDI_OVERRIDES = frozenset("\u202d\u202e")


def _shown(field: str, value: str) -> bool:
    """Return True when ``value`` shows something (not only spaces and invisible characters).

    Raises:
        ValidationError: it holds a bidirectional override (the message names the field).
    """
    if not BIDI_OVERRIDES.isdisjoint(value):
        raise fail(texts.BIDI_OVERRIDE, field, value)
    if value.isascii():
        return bool(value.strip())
    import unicodedata

    # "Cf" (format) characters draw nothing: zero-width spaces and joiners, word joiner, BOM
    return any(not ch.isspace() and unicodedata.category(ch) != "Cf" for ch in value)


def _encodable(field: str, value: str) -> None:
    """Refuse text that isn't valid Unicode (bytes a terminal passed on undecoded)."""
    try:
        value.encode("utf-8")
    except UnicodeEncodeError:
        raise fail(texts.BAD_CHARACTERS, field, value) from None


def flag(spec: Field, value: object) -> int:
    """Return 1 or 0 for a yes/no field."""
    if isinstance(value, bool) or (isinstance(value, int) and value in (0, 1)):
        return int(value)
    raise fail(texts.BAD_FLAG, spec.name, value)


def choice(spec: Field, value: object) -> str:
    """Return the value if it is one of the field's choices."""
    if not isinstance(value, str) or value not in spec.choices:
        raise fail(texts.BAD_CHOICE, spec.name, value, allowed=", ".join(spec.choices))
    return value


def items(spec: Field, value: object) -> str:
    """Return a JSON list for a list of short texts or numbers."""
    if isinstance(value, str) or not isinstance(value, list | tuple):
        raise fail(texts.BAD_LIST, spec.name, value)
    out: list[Any] = []
    for item in value:
        if isinstance(item, str):
            if not item.strip():
                raise fail(texts.EMPTY_LIST_ITEM, spec.name, value)
            if not _shown(spec.name, item):
                raise fail(texts.INVISIBLE_LIST_ITEM, spec.name, value)
            out.append(text(Field(spec.name, "text", max_len=SHORT_ITEM), item).strip())
        elif isinstance(item, int) and not isinstance(item, bool):
            out.append(item)
        else:
            raise fail(texts.BAD_LIST, spec.name, value)
    if len(out) > spec.max_len:
        raise fail(texts.LIST_TOO_LONG, spec.name, value, max_len=spec.max_len)
    if not out:  # JSON's empty list: a check-in without habits needs no json module
        return "[]"
    import json  # json compiles six patterns when imported: loaded for the first real use

    return json.dumps(out, ensure_ascii=False)


SHORT_ITEM = 100
JSON_LIMIT = 100_000


def any_json(spec: Field, value: object) -> str:
    """Return JSON text for an answer value (text, number, yes/no, date, list)."""
    if isinstance(value, datetime | date):
        value = value.isoformat()
    if isinstance(value, tuple):
        value = list(value)
    import json

    try:
        encoded = json.dumps(value, ensure_ascii=False, allow_nan=False)
    except (TypeError, ValueError):
        raise fail(texts.BAD_ANSWER, spec.name, value) from None
    if "\\u0000" in encoded:
        raise fail(texts.NUL_IN_TEXT, spec.name, value)
    _encodable(spec.name, encoded)
    if len(encoded) > JSON_LIMIT:
        raise ValidationError(texts.TOO_LONG.format(field=spec.name, length=len(encoded),
                                                    max_len=JSON_LIMIT), field=spec.name)
    return encoded


def record_id(value: object, *, required: bool = False) -> str | None:
    """Return a record's uuid in canonical form (None when absent and not required)."""
    import uuid

    if value is None and not required:
        return None
    try:
        return str(uuid.UUID(str(value)))
    except ValueError:
        raise fail(texts.BAD_VALUE, "uuid", value, allowed="a record id like "
                    "'1b4e28ba-2fa1-41d2-883f-0016d3cca427'") from None


def version(value: object) -> str:
    """Return a version stamp (``<milliseconds>.<counter>``, or '' for one made before sync)."""
    if value == "" or (isinstance(value, str) and len(value) == 20 and value[13] == "."
                       and value.isascii() and value.replace(".", "", 1).isdigit()):
        return str(value)
    raise fail(texts.BAD_VALUE, "version", value, allowed="a stamp like '1764582000000.000001'")


_CHECKS = {
    "int": number,
    "float": number,
    "text": text,
    "bool": flag,
    "choice": choice,
    "list": items,
    "json": any_json,
}


def clean(spec: Field, value: object) -> object:
    """Return the stored form of one field's value, or raise ValidationError."""
    if value is None:
        if spec.required:
            raise fail(texts.REQUIRED, spec.name, value)
        return None
    if spec.kind == "date":
        return day(value, spec.name, future_ok=spec.future_ok)
    if spec.kind == "moment":
        return moment(value, spec.name, future_ok=spec.future_ok).isoformat()
    return _CHECKS[spec.kind](spec, value)


def record(kind: str, specs: tuple[Field, ...], values: Mapping[str, object], *,
           partial: bool = False) -> dict[str, object]:
    """Return the stored form of a whole record; unknown fields are refused."""
    known = {s.name: s for s in specs}
    unknown = sorted(set(values) - set(known))
    if unknown:
        raise ValidationError(texts.UNKNOWN_FIELD.format(kind=kind, field=unknown[0],
                                                         allowed=", ".join(known)),
                              field=unknown[0])
    out: dict[str, object] = {}
    for spec in specs:
        if spec.name in values:
            out[spec.name] = clean(spec, values[spec.name])
        elif not partial:
            default = spec.default
            if isinstance(default, tuple):
                default = list(default)
            out[spec.name] = clean(spec, default) if default is not None else clean(spec, None)
    return out


def check_values(kind: str, values: Mapping[str, object]) -> dict[str, object]:
    """Validate an entry of ``kind`` without saving it; return the stored form (forms and
    imports check what they will save with this)."""
    return record(kind, fields(kind), values)


# --- answers to the content's questions -----------------------------------------

def _empty(value: object) -> bool:
    return value is None or (isinstance(value, str | list | tuple) and not
                             (value.strip() if isinstance(value, str) else value))


def answer(question: Question, value: object) -> object:
    """Return the stored form of an answer, or None when it was skipped.

    Args:
        question: the question answered.
        value: what the widget holds (int, bool, text, date, list of choice ids, …).

    Raises:
        ValidationError: the value doesn't fit the question; ``.field`` is the question id.
    """
    label = question.text
    if _empty(value):
        if question.required:
            raise ValidationError(texts.REQUIRED.format(field=label, value=texts.NOTHING),
                                  field=question.id)
        return None
    try:
        return _CHECKERS[question.type](question, value)
    except ValidationError as exc:
        raise ValidationError(str(exc), field=question.id) from None


def _check_scale(q: Question, value: object) -> object:
    return number(Field(q.text, "int", lo=q.min, hi=q.max), value)


def _check_number(q: Question, value: object) -> object:
    if isinstance(value, str):
        try:
            value = float(value.strip().replace(",", "."))
        except ValueError:
            raise ValidationError(texts.ANSWER_NOT_NUMBER.format(
                field=q.text, value=repr(value)), field=q.id) from None
    checked = number(Field(q.text, "float", lo=q.min, hi=q.max), value)
    return int(checked) if float(checked).is_integer() else checked


def _check_single(q: Question, value: object) -> object:
    ids = [c.id for c in q.choices]
    if value not in ids:
        raise ValidationError(texts.ANSWER_NOT_CHOICE.format(
            field=q.text, value=repr(value), allowed=", ".join(ids)), field=q.id)
    return value


def _check_multi(q: Question, value: object) -> object:
    if not isinstance(value, list | tuple | set | frozenset):
        value = [value]
    picked = [_check_single(q, v) for v in value]
    return [c.id for c in q.choices if c.id in picked]


def _check_yesno(q: Question, value: object) -> object:
    if not isinstance(value, bool):
        raise ValidationError(texts.ANSWER_NOT_YESNO.format(field=q.text, value=repr(value)),
                              field=q.id)
    return value


def _check_text(q: Question, value: object) -> object:
    limit = SHORT_TEXT if q.type == "short_text" else LONG_TEXT
    return text(Field(q.text, "text", max_len=limit), value)


def _check_date(q: Question, value: object) -> object:
    if isinstance(value, str | date):
        return day(value, q.text, future_ok=q.future_ok)
    raise ValidationError(texts.BAD_DAY.format(field=q.text, value=repr(value)), field=q.id)


_CHECKERS = {
    "scale": _check_scale,
    "number": _check_number,
    "single": _check_single,
    "multi": _check_multi,
    "yesno": _check_yesno,
    "short_text": _check_text,
    "long_text": _check_text,
    "date": _check_date,
}
