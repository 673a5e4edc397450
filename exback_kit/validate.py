"""Checks every value before it reaches the journal; turns it into what is stored.

Each check either returns the value as it will be stored (text for SQLite) or
raises ValidationError naming the field, the value and what is allowed.
"""

from __future__ import annotations

import json
import math
from collections.abc import Mapping
from datetime import date, datetime, time, timedelta
from typing import Any

from exback_kit import texts
from exback_kit.errors import ValidationError
from exback_kit.schema import Field

#: A moment may be this far ahead of the clock (clocks drift between devices).
CLOCK_SLACK = timedelta(minutes=5)
EARLIEST = date(1900, 1, 1)


def _fail(template: str, field: str, value: object, **extra: object) -> ValidationError:
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
            raise _fail(texts.BAD_MOMENT, field, value) from None
    if isinstance(value, datetime):
        result = value if value.tzinfo else value.astimezone()
    elif isinstance(value, date):
        result = datetime.combine(value, time(12, 0)).astimezone()
    else:
        raise _fail(texts.BAD_MOMENT, field, value)
    if result.date() < EARLIEST:
        raise _fail(texts.TOO_EARLY, field, given, earliest=EARLIEST.isoformat())
    if not future_ok and result > now() + CLOCK_SLACK:
        raise _fail(texts.IN_FUTURE, field, given)
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
            raise _fail(texts.BAD_DAY, field, value) from None
    if not isinstance(value, date):
        raise _fail(texts.BAD_DAY, field, value)
    if value < EARLIEST:
        raise _fail(texts.TOO_EARLY, field, given, earliest=EARLIEST.isoformat())
    if not future_ok and value > now().date():
        raise _fail(texts.IN_FUTURE, field, given)
    return value.isoformat()


def number(spec: Field, value: object) -> int | float:
    """Return an int or float within the field's range."""
    want_int = spec.kind == "int"
    allowed = (texts.WHOLE_NUMBER if want_int else texts.NUMBER).format(lo=_n(spec.lo),
                                                                       hi=_n(spec.hi))
    if isinstance(value, bool):
        raise _fail(texts.BAD_VALUE, spec.name, value, allowed=allowed)
    if isinstance(value, str):
        try:
            value = float(value.strip()) if value.strip() else None
        except ValueError:
            raise _fail(texts.BAD_VALUE, spec.name, value, allowed=allowed) from None
    if not isinstance(value, int | float) or math.isnan(value) or math.isinf(value):
        raise _fail(texts.BAD_VALUE, spec.name, value, allowed=allowed)
    if want_int:
        if isinstance(value, float) and not value.is_integer():
            raise _fail(texts.BAD_VALUE, spec.name, value, allowed=allowed)
        value = int(value)
    if (spec.lo is not None and value < spec.lo) or (spec.hi is not None and value > spec.hi):
        raise _fail(texts.BAD_VALUE, spec.name, value, allowed=allowed)
    return value


def _n(x: float | None) -> str:
    return "" if x is None else (str(int(x)) if float(x).is_integer() else str(x))


def text(spec: Field, value: object) -> str:
    """Return text as given; whitespace-only becomes empty; NUL and overlong are refused."""
    if not isinstance(value, str):
        raise _fail(texts.BAD_TEXT, spec.name, value)
    if "\x00" in value:
        raise _fail(texts.NUL_IN_TEXT, spec.name, value)
    if len(value) > spec.max_len:
        raise ValidationError(texts.TOO_LONG.format(field=spec.name, length=len(value),
                                                    max_len=spec.max_len), field=spec.name)
    if not value.strip():
        if spec.required:
            raise _fail(texts.REQUIRED, spec.name, value)
        return ""
    return value


def flag(spec: Field, value: object) -> int:
    """Return 1 or 0 for a yes/no field."""
    if isinstance(value, bool) or (isinstance(value, int) and value in (0, 1)):
        return int(value)
    raise _fail(texts.BAD_FLAG, spec.name, value)


def choice(spec: Field, value: object) -> str:
    """Return the value if it is one of the field's choices."""
    if not isinstance(value, str) or value not in spec.choices:
        raise _fail(texts.BAD_CHOICE, spec.name, value, allowed=", ".join(spec.choices))
    return value


def items(spec: Field, value: object) -> str:
    """Return a JSON list for a list of short texts or numbers."""
    if isinstance(value, str) or not isinstance(value, list | tuple):
        raise _fail(texts.BAD_LIST, spec.name, value)
    out: list[Any] = []
    for item in value:
        if isinstance(item, str):
            out.append(text(Field(spec.name, "text", max_len=SHORT_ITEM), item).strip())
        elif isinstance(item, int) and not isinstance(item, bool):
            out.append(item)
        else:
            raise _fail(texts.BAD_LIST, spec.name, value)
    out = [x for x in out if x != ""]
    if len(out) > spec.max_len:
        raise _fail(texts.LIST_TOO_LONG, spec.name, value, max_len=spec.max_len)
    return json.dumps(out, ensure_ascii=False)


SHORT_ITEM = 100
JSON_LIMIT = 100_000


def any_json(spec: Field, value: object) -> str:
    """Return JSON text for an answer value (text, number, yes/no, date, list)."""
    if isinstance(value, datetime | date):
        value = value.isoformat()
    if isinstance(value, tuple):
        value = list(value)
    try:
        encoded = json.dumps(value, ensure_ascii=False, allow_nan=False)
    except (TypeError, ValueError):
        raise _fail(texts.BAD_ANSWER, spec.name, value) from None
    if "\\u0000" in encoded:
        raise _fail(texts.NUL_IN_TEXT, spec.name, value)
    if len(encoded) > JSON_LIMIT:
        raise ValidationError(texts.TOO_LONG.format(field=spec.name, length=len(encoded),
                                                    max_len=JSON_LIMIT), field=spec.name)
    return encoded


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
            raise _fail(texts.REQUIRED, spec.name, value)
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
