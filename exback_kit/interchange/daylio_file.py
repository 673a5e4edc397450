"""Read a Daylio CSV export, in every layout the app has written, into entries.

Layouts: today's ``full_date,date,weekday,time,mood,activities,note_title,note``
(older versions without ``note_title``, newer ones with ``scales``), and the
2017–2018 ``year,date,weekday,time,mood,activities,note`` whose dates are written in
the phone's language ("18 May", "7 września"). An entry keeps everything the row
says: its date and time as written (no time zone), the mood and activities as
written (case kept), the note title, the note, the scales and any cells beyond the
file's columns.
"""

from __future__ import annotations

import csv
import html
import re
from dataclasses import dataclass
from datetime import date, datetime, time
from functools import cache
from pathlib import Path

from exback_kit.content import texts
from exback_kit.errors import ValidationError
from exback_kit.store import validate

#: The columns of today's Daylio CSV export, in Daylio's order.
DAYLIO_COLUMNS = ("full_date", "date", "weekday", "time", "mood", "activities",
                  "note_title", "note")
#: The columns older versions of the app (2017–2018) wrote.
OLD_COLUMNS = ("year", "date", "weekday", "time", "mood", "activities", "note")
#: Without these a file is not a Daylio export (today's layout, and the old one).
REQUIRED_COLUMNS = ("full_date", "time", "mood", "activities")
OLD_REQUIRED_COLUMNS = ("year", "date", "time", "mood", "activities")
ACTIVITY_SEPARATOR = "|"
#: Languages whose month names the old layout's dates are read in (Babel's names).
MONTH_LOCALES = ("en", "de", "es", "fr", "it", "pt", "pl", "nl", "cs", "sk", "ru", "uk",
                 "sv", "da", "nb", "fi", "tr", "hu", "ro", "ca", "el")

_TIME = re.compile(r"(\d{1,2}):(\d{2})(?::\d{2})?\s*(?:([ap])\.?\s*m\.?)?", re.IGNORECASE)
_BREAK = re.compile(r"<br\s*/?>|</p>|</li>|</div>", re.IGNORECASE)
_FORMAT_TAG = re.compile(r"</?(?:b|i|u|s|em|strong|p|ul|ol|li|div|span)(?:\s[^<>]*)?>",
                         re.IGNORECASE)
_EAST_ASIAN_DATE = re.compile(r"(\d{1,2})\s*[月월]\s*(\d{1,2})\s*[日일]?")
_SLEEP = re.compile(r"sleep|schlaf|sueño|sommeil|\bsen\b|snu|sonno|sono|slaap", re.IGNORECASE)
_DURATION = re.compile(r"time|hours|duration|length|dauer|czas|tiempo|horas|durée|uren|ore",
                       re.IGNORECASE)
_QUALITY = re.compile(r"qualit|jakość|calidad|kwaliteit", re.IGNORECASE)
_NAMED = re.compile(r"^(.*?[^\d\s])\s*[:=]\s*(.+)$")
_UNIT = r"(?:h|hrs?|hours?|godz\.?|std\.?)"
_HOURS_MINUTES = re.compile(rf"(\d{{1,2}})\s*{_UNIT}\s*(\d{{1,2}})\s*(?:m|mins?|minutes?)?\b",
                            re.IGNORECASE)
_CLOCK_HOURS = re.compile(r"(\d{1,2}):(\d{2})")
_PLAIN_HOURS = re.compile(rf"(\d{{1,2}}(?:[.,]\d+)?)\s*({_UNIT})?", re.IGNORECASE)


@dataclass(frozen=True)
class DaylioEntry:
    """One row of a Daylio export (``number`` counts data rows from 1, in file order)."""

    number: int
    day: date
    clock: time
    mood: str
    activities: tuple[str, ...]
    title: str
    note: str
    sleep_hours: float | None = None
    scales: str = ""
    extra: str = ""

    @property
    def at(self) -> datetime:
        """The moment in this machine's time zone (identity never depends on it)."""
        return validate.moment(datetime.combine(self.day, self.clock))

    @property
    def written(self) -> dict[str, object]:
        """Everything the export says about the entry, with no time zone: its identity."""
        return {"date": self.day.isoformat(), "time": self.clock.strftime("%H:%M"),
                "mood": self.mood, "activities": list(self.activities), "title": self.title,
                "note": self.note, "scales": self.scales, "extra": self.extra}


@dataclass(frozen=True)
class DaylioFile:
    """A Daylio export as read: its entries (file order) and which layout it has."""

    entries: tuple[DaylioEntry, ...]
    old_layout: bool
    columns: int


def _row_error(number: int, problem: str, field_name: str | None) -> ValidationError:
    return ValidationError(texts.DAYLIO_BAD_ROW.format(number=number, problem=problem),
                           field=field_name)


def parse_time(value: str) -> time:
    """Return the time in Daylio's ``9:15 pm`` or ``21:15`` form.

    Raises:
        ValidationError: ``value`` is not such a time.
    """
    match = _TIME.fullmatch(value.strip())
    hour, minute = (int(match[1]), int(match[2])) if match else (99, 99)
    if match and match[3]:
        hour = -1 if not 1 <= hour <= 12 else hour % 12 + (12 if match[3].lower() == "p" else 0)
    if not 0 <= hour <= 23 or minute > 59:
        raise ValidationError(texts.DAYLIO_BAD_TIME.format(value=value), field="time")
    return time(hour, minute)


def clean_text(text: str) -> str:
    """Return a Daylio note as plain text: ``<br>`` turned into newlines, markup dropped."""
    text = _FORMAT_TAG.sub("", _BREAK.sub("\n", text or ""))
    text = html.unescape(text).replace("\r\n", "\n").replace("\xa0", " ")
    return re.sub(r"\n{3,}", "\n\n", text).strip()


@cache
def month_names() -> dict[str, int]:
    """Return {month name: month} in :data:`MONTH_LOCALES`, names meaning two months left out."""
    from babel.dates import get_month_names  # only the old layout needs Babel's data

    found: dict[str, set[int]] = {}
    for locale in MONTH_LOCALES:
        for width in ("wide", "abbreviated"):
            for context in ("format", "stand-alone"):
                for month, name in get_month_names(width, context, locale).items():
                    found.setdefault(name.casefold().strip("."), set()).add(month)
    return {name: next(iter(months)) for name, months in found.items() if len(months) == 1}


def parse_old_date(year: str, text: str) -> date:
    """Return the day of the old layout's ``year`` and ``date`` cells ("7 września", "May 18").

    Raises:
        ValidationError: the year or the day and month can't be read (names the cell).
    """
    if not year.strip().isdigit():
        raise ValidationError(texts.DAYLIO_BAD_YEAR.format(value=year), field="year")
    east = _EAST_ASIAN_DATE.search(text)
    if east:
        month, day = int(east[1]), int(east[2])
    else:
        words = [w.strip(".,") for w in text.casefold().split()]
        days = [int(w) for w in words if w.isdigit()]
        months = [m for w in words if (m := month_names().get(w))]
        if len(days) != 1 or len(months) != 1:
            raise ValidationError(texts.DAYLIO_BAD_OLD_DATE.format(value=text), field="date")
        month, day = months[0], days[0]
    try:
        return date(int(year), month, day)
    except ValueError:
        raise ValidationError(texts.DAYLIO_BAD_OLD_DATE.format(value=text), field="date") from None


def sleep_from_scales(scales: str) -> tuple[float | None, str]:
    """Return the sleep time (hours) in a ``scales`` cell and the rest of the cell's text.

    An item counts as sleep time when its name says sleep (not its quality) and its
    value is a duration: ``7h 30m``, ``7:30``, ``7.5 h``, or a bare number when the
    name says time or hours. Everything else is returned as written, `` | ``-joined.
    """
    items = [i.strip() for i in re.split(r"[|;\n]", scales or "") if i.strip()]
    for index, item in enumerate(items):
        named = _NAMED.match(item)
        name, value = (named[1], named[2]) if named else (item, item)
        if _SLEEP.search(name) and not _QUALITY.search(name):
            hours = _hours(value, bare_ok=bool(_DURATION.search(name)))
            if hours is not None:
                return hours, " | ".join(items[:index] + items[index + 1:])
    return None, " | ".join(items)


def _hours(value: str, *, bare_ok: bool) -> float | None:
    if (match := _HOURS_MINUTES.search(value) or _CLOCK_HOURS.search(value)):
        hours = int(match[1]) + int(match[2]) / 60
    elif (match := _PLAIN_HOURS.search(value)) and (match[2] or bare_ok):
        hours = float(match[1].replace(",", "."))
    else:
        return None
    return round(hours, 2) if 0 <= hours <= 24 else None


def _cells(header: list[str], row: list[str]) -> tuple[dict[str, str], str]:
    cells = {name: (row[i] if i < len(row) else "") for i, name in enumerate(header)}
    extra = ",".join(row[len(header):])  # the file's own separator: the text as written
    return cells, extra if extra.strip() else ""


def _entry(number: int, header: list[str], row: list[str], old: bool) -> DaylioEntry:
    cells, extra = _cells(header, row)
    try:
        if old:
            day = parse_old_date(cells.get("year", ""), cells.get("date", ""))
        else:
            raw_day = cells.get("full_date", "").strip()
            try:
                day = date.fromisoformat(raw_day)
            except ValueError:
                raise ValidationError(texts.DAYLIO_BAD_DATE.format(value=raw_day),
                                      field="full_date") from None
        clock = parse_time(cells.get("time", ""))
        validate.moment(datetime.combine(day, clock))
        mood = " ".join(cells.get("mood", "").split())
        if not mood:
            raise ValidationError(texts.DAYLIO_NO_MOOD, field="mood")
    except ValidationError as exc:
        raise _row_error(number, str(exc), exc.field) from None
    activities = tuple(a.strip() for a in cells.get("activities", "").split(ACTIVITY_SEPARATOR)
                       if a.strip())
    sleep, scales = sleep_from_scales(cells.get("scales", ""))
    note = cells.get("note", "") + ("," + extra if extra else "")
    title = clean_text(cells.get("note_title", ""))
    return DaylioEntry(number, day, clock, mood, activities, title, clean_text(note), sleep,
                       scales, extra)


def _layout(header: list[str], path: Path) -> bool:
    """Return True for the old layout; refuse a file that is neither, naming what is missing."""
    old = "full_date" not in header and "year" in header
    required = OLD_REQUIRED_COLUMNS if old else REQUIRED_COLUMNS
    expected = OLD_COLUMNS if old else DAYLIO_COLUMNS
    missing = [c for c in required if c not in header]
    if missing:
        raise ValidationError(texts.DAYLIO_NOT_EXPORT.format(
            path=path, missing=", ".join(missing), expected=",".join(expected),
            old=",".join(OLD_COLUMNS)), field="file")
    return old


def read_file(path: str | Path) -> DaylioFile:
    """Return a Daylio CSV export's entries in file order, and its layout.

    Raises:
        ValidationError: the file is missing, not text, not a Daylio export
            (the missing columns are named), empty, or a row is not readable.
    """
    path = Path(path)
    if not path.is_file():
        raise ValidationError(texts.NO_SUCH_FILE.format(path=path), field="file")
    try:
        with open(path, encoding="utf-8-sig", newline="") as fh:
            reader = csv.reader(fh)
            header = [name.strip().lower() for name in next(reader, [])]
            old = _layout(header, path)
            entries = tuple(_entry(n, header, row, old)
                            for n, row in enumerate((r for r in reader if any(r)), start=1))
    except (UnicodeDecodeError, csv.Error):
        raise ValidationError(texts.DAYLIO_NOT_TEXT.format(path=path), field="file") from None
    if not entries:
        raise ValidationError(texts.DAYLIO_EMPTY.format(path=path), field="file")
    return DaylioFile(entries, old, len(header))
