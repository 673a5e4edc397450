"""Import mood history from a Daylio CSV export into check-ins.

Daylio's five default moods map onto the kit's 1–10 mood; any custom mood name
needs a mapping from the person. Activities become habits: lower-cased, renamed
or left out through a mapping (a few Daylio activities that are the kit's own
habits, such as "sport", are renamed by default). :func:`preview` shows all of
that before anything is written; :func:`import_daylio` writes it and skips
entries already in the journal, so importing the same file twice adds nothing.
"""

from __future__ import annotations

import argparse
import csv
import html
import re
from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from pathlib import Path
from typing import Any

from exback_kit.content import texts
from exback_kit.errors import ValidationError
from exback_kit.store import Journal, check_values, reads, validate

#: The columns of a Daylio CSV export, in Daylio's order.
DAYLIO_COLUMNS = ("full_date", "date", "weekday", "time", "mood", "activities",
                  "note_title", "note")
#: Without these a file is not a Daylio export (older exports lack note_title).
REQUIRED_COLUMNS = ("full_date", "time", "mood", "activities")
ACTIVITY_SEPARATOR = "|"

_TIME = re.compile(r"(\d{1,2}):(\d{2})(?::\d{2})?\s*(?:([ap])\.?\s*m\.?)?", re.IGNORECASE)
_BREAK = re.compile(r"<br\s*/?>|</p>|</li>|</div>", re.IGNORECASE)
_FORMAT_TAG = re.compile(r"</?(?:b|i|u|s|em|strong|p|ul|ol|li|div|span)(?:\s[^<>]*)?>",
                         re.IGNORECASE)


def default_mood_map() -> dict[str, int]:
    """Return where Daylio's five default moods sit on the kit's 1–10 scale."""
    return {"rad": 9, "good": 7, "meh": 5, "bad": 3, "awful": 1}


def default_activity_map() -> dict[str, str]:
    """Return Daylio activities that are the same thing as one of the kit's own habits."""
    return {"sport": "exercise", "friends": "saw friends", "meditation": "mindfulness",
            "eat healthy": "ate well", "healthy food": "ate well"}


@dataclass(frozen=True)
class DaylioEntry:
    """One parsed row of a Daylio export (``number`` counts data rows from 1)."""

    number: int
    at: datetime
    mood: str
    activities: tuple[str, ...]
    note: str


@dataclass(frozen=True)
class DaylioPreview:
    """What a Daylio file holds and how it would be imported."""

    rows: int
    first_day: date
    last_day: date
    moods: dict[str, int]
    activities: dict[str, int]
    mood_map: dict[str, int | None]
    activity_map: dict[str, str]

    @property
    def unmapped_moods(self) -> tuple[str, ...]:
        """Mood names in the file that have no place on the 1–10 scale yet."""
        return tuple(name for name, score in self.mood_map.items() if score is None)


@dataclass(frozen=True)
class ImportResult:
    """What an import did: check-ins added, duplicates skipped, unmapped entries left out."""

    added: int
    skipped: int
    unmapped_moods: tuple[str, ...] = ()
    left_out: int = 0
    habits: tuple[str, ...] = ()


# --- reading the file ----------------------------------------------------------

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


def clean_note(title: str, note: str) -> str:
    """Return the title and note as one plain text, Daylio's ``<br>`` turned into newlines."""
    parts = []
    for part in (title, note):
        text = _FORMAT_TAG.sub("", _BREAK.sub("\n", part or ""))
        text = html.unescape(text).replace("\r\n", "\n").replace("\xa0", " ")
        text = re.sub(r"\n{3,}", "\n\n", text).strip()
        if text:
            parts.append(text)
    return "\n".join(parts)


def _activities(cell: str) -> tuple[str, ...]:
    return tuple(a.strip().lower() for a in (cell or "").split(ACTIVITY_SEPARATOR) if a.strip())


def _entry(number: int, row: Mapping[str, str | None]) -> DaylioEntry:
    try:
        raw_day = (row.get("full_date") or "").strip()
        try:
            day = date.fromisoformat(raw_day)
        except ValueError:
            raise ValidationError(texts.DAYLIO_BAD_DATE.format(value=raw_day),
                                  field="full_date") from None
        at = validate.moment(datetime.combine(day, parse_time(row.get("time") or "")))
        mood = (row.get("mood") or "").strip().lower()
        if not mood:
            raise ValidationError(texts.DAYLIO_NO_MOOD, field="mood")
    except ValidationError as exc:
        raise _row_error(number, str(exc), exc.field) from None
    return DaylioEntry(number, at, mood, _activities(row.get("activities") or ""),
                       clean_note(row.get("note_title") or "", row.get("note") or ""))


def read_entries(path: str | Path) -> list[DaylioEntry]:
    """Return the entries of a Daylio CSV export, oldest first.

    Raises:
        ValidationError: the file is missing, not text, not a Daylio export
            (the missing columns are named), empty, or a row is not readable.
    """
    path = Path(path)
    if not path.is_file():
        raise ValidationError(texts.NO_SUCH_FILE.format(path=path), field="file")
    try:
        with open(path, encoding="utf-8-sig", newline="") as fh:
            reader = csv.DictReader(fh)
            header = [(name or "").strip().lower() for name in (reader.fieldnames or [])]
            missing = [c for c in REQUIRED_COLUMNS if c not in header]
            if missing:
                raise ValidationError(texts.DAYLIO_NOT_EXPORT.format(
                    path=path, missing=", ".join(missing), expected=",".join(DAYLIO_COLUMNS)),
                    field="file")
            reader.fieldnames = header
            entries = [_entry(n, row) for n, row in enumerate(reader, start=1)]
    except (UnicodeDecodeError, csv.Error):
        raise ValidationError(texts.DAYLIO_NOT_TEXT.format(path=path), field="file") from None
    if not entries:
        raise ValidationError(texts.DAYLIO_EMPTY.format(path=path), field="file")
    return sorted(entries, key=lambda e: (e.at, e.number))


# --- mappings --------------------------------------------------------------------

def _mood_map(given: Mapping[str, int] | None) -> dict[str, int]:
    moods = default_mood_map()
    for name, score in (given or {}).items():
        try:
            check_values("checkins", {"mood": score})
        except ValidationError:
            raise ValidationError(texts.DAYLIO_BAD_MOOD_MAP.format(
                field="mood_map", value=f"{name}={score}"), field="mood_map") from None
        moods[str(name).strip().lower()] = int(score)
    return moods


def _activity_map(given: Mapping[str, str] | None) -> dict[str, str]:
    renames = default_activity_map()
    renames.update({str(k).strip().lower(): str(v).strip().lower()
                    for k, v in (given or {}).items()})
    return renames


def _habit(activity: str, mapping: Mapping[str, str]) -> str:
    return mapping.get(activity, activity)


def _plan(entries: list[DaylioEntry], mood_map: Mapping[str, int] | None,
          activity_map: Mapping[str, str] | None) -> DaylioPreview:
    moods = Counter(e.mood for e in entries)
    activities = Counter(a for e in entries for a in e.activities)
    scores, renames = _mood_map(mood_map), _activity_map(activity_map)
    # Unmapped moods first (they need the person), then from the best mood down.
    mood_order = sorted(moods, key=lambda m: (m in scores, -scores.get(m, 0), m))
    activity_order = sorted(activities, key=lambda a: (-activities[a], a))
    return DaylioPreview(
        rows=len(entries), first_day=entries[0].at.date(), last_day=entries[-1].at.date(),
        moods={m: moods[m] for m in mood_order},
        activities={a: activities[a] for a in activity_order},
        mood_map={m: scores.get(m) for m in mood_order},
        activity_map={a: _habit(a, renames) for a in activity_order})


def preview(path: str | Path, *, mood_map: Mapping[str, int] | None = None,
            activity_map: Mapping[str, str] | None = None) -> DaylioPreview:
    """Return the moods and activities in a Daylio file and the mapping an import would use.

    Args:
        path: the Daylio CSV export.
        mood_map: extra or changed mood scores, e.g. ``{"ecstatic": 10}``.
        activity_map: activity renames, e.g. ``{"gym": "exercise"}``; ``""`` leaves one out.

    Raises:
        ValidationError: the file is not a readable Daylio export, or a score is not 1–10.
    """
    return _plan(read_entries(path), mood_map, activity_map)


# --- importing ---------------------------------------------------------------------

def _key(at: datetime, mood: int, note: str) -> tuple[datetime, int, str]:
    return at.astimezone(UTC), int(mood), note


def _existing_keys(journal: Journal, first: date, last: date) -> set[tuple[datetime, int, str]]:
    rows = reads.checkin_keys(journal, first - timedelta(days=1), last + timedelta(days=1))
    return {_key(datetime.fromisoformat(at), mood, note) for at, mood, note in rows}


def _checkin(entry: DaylioEntry, plan: DaylioPreview) -> dict[str, Any]:
    habits = list(dict.fromkeys(h for a in entry.activities if (h := plan.activity_map[a])))
    values = {"mood": plan.mood_map[entry.mood], "habits": habits, "note": entry.note}
    try:
        check_values("checkins", values)
    except ValidationError as exc:
        raise _row_error(entry.number, str(exc), exc.field) from None
    return {"at": entry.at, **values}


def _unmapped_error(names: Iterable[str]) -> ValidationError:
    names = list(names)
    return ValidationError(texts.DAYLIO_UNMAPPED.format(
        moods=", ".join(repr(n) for n in names), defaults=", ".join(default_mood_map()),
        example=names[0]), field="mood")


def import_daylio(journal: Journal, path: str | Path, *,
                  mood_map: Mapping[str, int] | None = None,
                  activity_map: Mapping[str, str] | None = None,
                  skip_unmapped: bool = False) -> ImportResult:
    """Add a Daylio export's entries to the journal as check-ins; return what happened.

    An entry whose moment, mood and note are already in the journal (or earlier
    in the same file) is skipped. Every entry is checked before anything is
    written: one bad row means nothing is saved.

    Args:
        journal: the open journal.
        path: the Daylio CSV export.
        mood_map: extra or changed mood scores (1–10), e.g. ``{"ecstatic": 10}``.
        activity_map: activity renames, e.g. ``{"gym": "exercise"}``; ``""`` leaves one out.
        skip_unmapped: leave out entries with an unmapped mood instead of refusing.

    Raises:
        ValidationError: not a Daylio export (missing columns named), a bad row
            (its number named), or moods without a mapping (named, with how to map them).
    """
    entries = read_entries(path)
    plan = _plan(entries, mood_map, activity_map)
    if plan.unmapped_moods and not skip_unmapped:
        raise _unmapped_error(plan.unmapped_moods)
    mapped = [e for e in entries if plan.mood_map[e.mood] is not None]
    seen = _existing_keys(journal, plan.first_day, plan.last_day)
    new = []
    for entry in mapped:
        checkin = _checkin(entry, plan)
        key = _key(entry.at, checkin["mood"], checkin["note"])
        if key not in seen:
            seen.add(key)
            new.append(checkin)
    rows: list[Mapping[str, object]] = [*new]
    journal.add_many("checkins", rows)
    habits = tuple(dict.fromkeys(h for c in new for h in c["habits"]))
    return ImportResult(added=len(new), skipped=len(mapped) - len(new),
                        unmapped_moods=plan.unmapped_moods,
                        left_out=len(entries) - len(mapped), habits=habits)


# --- command line ------------------------------------------------------------------

def parse_mapping(values: Iterable[str], option: str, *, scores: bool) -> dict[str, Any]:
    """Return ``{"name": value}`` from ``name=value`` texts given on the command line.

    Raises:
        ValidationError: a text has no ``=``, no name, or (for scores) no whole number 1–10.
    """
    out: dict[str, Any] = {}
    template = texts.DAYLIO_BAD_MOOD_MAP if scores else texts.DAYLIO_BAD_ACTIVITY_MAP
    for text in values:
        name, sep, value = text.rpartition("=") if scores else text.partition("=")
        bad = not sep or not name.strip()
        if scores and not bad:
            bad = not value.strip().isdigit() or not 1 <= int(value) <= 10
        if bad:
            raise ValidationError(template.format(field=option, value=text), field=option)
        out[name.strip().lower()] = int(value) if scores else value.strip().lower()
    return out


def preview_lines(plan: DaylioPreview) -> list[str]:
    """Return the preview as the lines the command prints."""
    lines = [texts.DAYLIO_PREVIEW_HEAD.format(rows=plan.rows, first=plan.first_day,
                                              last=plan.last_day), texts.DAYLIO_PREVIEW_MOODS]
    for name, count in plan.moods.items():
        score = plan.mood_map[name]
        lines.append(texts.DAYLIO_PREVIEW_MOOD_UNMAPPED.format(name=name, count=count)
                     if score is None else
                     texts.DAYLIO_PREVIEW_MOOD.format(name=name, count=count, score=score))
    lines.append(texts.DAYLIO_PREVIEW_ACTIVITIES)
    lines += [texts.DAYLIO_PREVIEW_ACTIVITY.format(
        name=name, count=count, habit=plan.activity_map[name] or texts.DAYLIO_PREVIEW_LEFT_OUT)
        for name, count in plan.activities.items()] or [texts.DAYLIO_PREVIEW_NO_ACTIVITIES]
    return lines


def run(args: argparse.Namespace) -> int:
    """``exback import-daylio FILE.csv``: show the mapping, then import (unless --dry-run)."""
    moods = parse_mapping(args.map_mood, "--map-mood", scores=True)
    activities = parse_mapping(args.map_activity, "--map-activity", scores=False)
    plan = preview(args.file, mood_map=moods, activity_map=activities)
    print("\n".join(preview_lines(plan)))
    if args.dry_run:
        print(texts.DAYLIO_DRY_RUN)
        return 0
    with Journal.open(args.journal) as journal:
        result = import_daylio(journal, args.file, mood_map=moods, activity_map=activities,
                               skip_unmapped=args.skip_unmapped)
    print(texts.DAYLIO_IMPORTED.format(added=result.added, skipped=result.skipped))
    if result.left_out:
        print(texts.DAYLIO_SKIPPED_UNMAPPED.format(count=result.left_out,
                                                   moods=", ".join(result.unmapped_moods)))
    return 0


def add_cli(sub: Any) -> None:
    """Add ``exback import-daylio`` to the command line."""
    p = sub.add_parser("import-daylio", help=texts.CLI_HELP_DAYLIO)
    p.add_argument("file", help=texts.CLI_HELP_DAYLIO_FILE)
    p.add_argument("--map-mood", action="append", default=[], metavar="MOOD=SCORE",
                   help=texts.CLI_HELP_MAP_MOOD)
    p.add_argument("--map-activity", action="append", default=[], metavar="ACTIVITY=HABIT",
                   help=texts.CLI_HELP_MAP_ACTIVITY)
    p.add_argument("--dry-run", action="store_true", help=texts.CLI_HELP_DRY_RUN)
    p.add_argument("--skip-unmapped", action="store_true", help=texts.CLI_HELP_SKIP_UNMAPPED)
    p.set_defaults(func=run)
