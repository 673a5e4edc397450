"""Import mood history from a Daylio CSV export into check-ins, losing nothing.

Daylio's moods map onto the kit's 1–10 mood (see :mod:`.daylio_moods`); activities
become habits, their case kept, renamed or left out through a mapping (a few Daylio
activities that are the kit's own habits, such as "sport", are renamed by default).
:func:`preview` shows all of that before anything is written.

An entry's identity is everything the export says about it (its date and time as
written, mood, activities, note title, note, scales, extra cells), so two rows are
two entries however alike, and the identity never depends on this machine's time
zone. :func:`import_daylio` records each entry's identity with its check-in: the
same file imported again adds nothing, and a changed mapping updates the check-ins
it made instead of adding copies.
"""

from __future__ import annotations

import hashlib
import json
import uuid
from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import Any

from exback_kit.content import texts
from exback_kit.errors import ValidationError
from exback_kit.interchange.daylio_file import DaylioEntry, read_file
from exback_kit.interchange.daylio_moods import MoodPlace, mood_words, place_moods
from exback_kit.store import Journal, check_values, reads

#: The name imports from Daylio are recorded under.
SOURCE = "daylio"
#: Check-ins made from Daylio entries get a uuid from this namespace and the entry's
#: identity, so two devices importing the same export make the same check-in.
_NAMESPACE = uuid.UUID("5b0c52a4-8f1e-4d69-9a57-0d9f3c1e2b77")


def default_mood_map() -> dict[str, int]:
    """Return where Daylio's five default moods sit on the kit's 1–10 scale."""
    return dict(mood_words().scores)


def default_activity_map() -> dict[str, str]:
    """Return Daylio activities (lower case) that are the same thing as one of the kit's habits."""
    return {"sport": "exercise", "friends": "saw friends", "meditation": "mindfulness",
            "eat healthy": "ate well", "healthy food": "ate well"}


@dataclass(frozen=True)
class DaylioPreview:
    """What a Daylio file holds and how it would be imported."""

    rows: int
    first_day: date
    last_day: date
    places: dict[str, MoodPlace]
    activities: dict[str, int]
    activity_map: dict[str, str]
    old_layout: bool = False
    titles: int = 0
    extra_rows: tuple[int, ...] = ()
    sleep: int = 0
    scales: int = 0

    @property
    def moods(self) -> dict[str, int]:
        """{mood name as written: entries with it}, best first, those needing the person last."""
        return {name: place.count for name, place in self.places.items()}

    @property
    def mood_map(self) -> dict[str, int | None]:
        """{mood name: the score an import gives it}, None where the person must say."""
        return {name: place.score for name, place in self.places.items()}

    @property
    def unmapped_moods(self) -> tuple[str, ...]:
        """Mood names in the file that have no place on the 1–10 scale yet."""
        return tuple(name for name, score in self.mood_map.items() if score is None)


@dataclass(frozen=True)
class ImportResult:
    """What an import did: check-ins added, updated to a new mapping, already there as they are."""

    added: int
    unchanged: int
    updated: int = 0
    unmapped_moods: tuple[str, ...] = ()
    left_out: int = 0
    habits: tuple[str, ...] = ()


# --- planning ----------------------------------------------------------------------

def _activity_map(given: Mapping[str, str] | None) -> dict[str, str]:
    renames = default_activity_map()
    renames.update({str(k).strip().casefold(): str(v).strip() for k, v in (given or {}).items()})
    return renames


def _checked_moods(given: Mapping[str, int] | None) -> dict[str, int]:
    for name, score in (given or {}).items():
        try:
            check_values("checkins", {"mood": score})
        except ValidationError:
            raise ValidationError(texts.DAYLIO_BAD_MOOD_MAP.format(
                field="mood_map", value=f"{name}={score}"), field="mood_map") from None
    return {str(n): int(s) for n, s in (given or {}).items()}


def _plan(entries: tuple[DaylioEntry, ...], old_layout: bool, mood_map: Mapping[str, int] | None,
          activity_map: Mapping[str, str] | None) -> DaylioPreview:
    moods = Counter(e.mood for e in entries)
    activities = Counter(a for e in entries for a in e.activities)
    renames = _activity_map(activity_map)
    days = sorted(e.day for e in entries)
    return DaylioPreview(
        rows=len(entries), first_day=days[0], last_day=days[-1],
        places=place_moods(moods, _checked_moods(mood_map)),
        activities=dict(sorted(activities.items(), key=lambda item: (-item[1], item[0]))),
        activity_map={a: renames.get(a.casefold(), a) for a in activities},
        old_layout=old_layout, titles=sum(1 for e in entries if e.title),
        extra_rows=tuple(e.number for e in entries if e.extra),
        sleep=sum(1 for e in entries if e.sleep_hours is not None),
        scales=sum(1 for e in entries if e.scales))


def preview(path: str | Path, *, mood_map: Mapping[str, int] | None = None,
            activity_map: Mapping[str, str] | None = None) -> DaylioPreview:
    """Return the moods and activities in a Daylio file and the mapping an import would use.

    Args:
        path: the Daylio CSV export.
        mood_map: extra or changed mood scores, by name in any case, e.g. ``{"sad": 2}``.
        activity_map: activity renames, e.g. ``{"gym": "exercise"}``; ``""`` leaves one out.

    Raises:
        ValidationError: the file is not a readable Daylio export, or a score is not 1–10.
    """
    found = read_file(path)
    return _plan(found.entries, found.old_layout, mood_map, activity_map)


# --- identity ----------------------------------------------------------------------

def identities(entries: Iterable[DaylioEntry]) -> list[str]:
    """Return each entry's identity: a digest of everything the export says about it.

    Rows saying exactly the same thing are counted (``#1``, ``#2``…), so two such
    entries stay two and importing the file again still finds each.
    """
    seen: Counter[str] = Counter()
    out = []
    for entry in entries:
        text = json.dumps(entry.written, sort_keys=True, ensure_ascii=False)
        digest = hashlib.sha256(text.encode("utf-8")).hexdigest()[:32]
        seen[digest] += 1
        out.append(f"{digest}#{seen[digest]}")
    return out


def _note(entry: DaylioEntry) -> str:
    parts = [entry.title, entry.note]
    if entry.scales:
        parts.append(texts.DAYLIO_SCALES_IN_NOTE.format(scales=entry.scales))
    return "\n".join(p for p in parts if p)


def _checkin(entry: DaylioEntry, plan: DaylioPreview) -> dict[str, Any]:
    habits = list(dict.fromkeys(h for a in entry.activities if (h := plan.activity_map[a])))
    values = {"mood": plan.mood_map[entry.mood], "habits": habits, "note": _note(entry),
              "sleep_hours": entry.sleep_hours}
    try:
        check_values("checkins", values)
    except ValidationError as exc:
        raise ValidationError(texts.DAYLIO_BAD_ROW.format(number=entry.number, problem=exc),
                              field=exc.field) from None
    return values


def _uuid(identity: str) -> str:
    return str(uuid.uuid5(_NAMESPACE, identity))


def _legacy(journal: Journal, plan: DaylioPreview,
            made: set[str]) -> dict[tuple[datetime, int, str], list[str]]:
    """Check-ins an import made before imports were recorded, by (moment, mood, note).

    Check-ins whose uuid one of this file's entries makes (another device imported
    the same file, and sync brought them here) are that entry's, not anyone's to adopt.
    """
    found: dict[tuple[datetime, int, str], list[str]] = {}
    for uid, at, mood, note in reads.unclaimed_checkins(
            journal, plan.first_day - timedelta(days=1), plan.last_day + timedelta(days=1)):
        if uid not in made:
            key = (datetime.fromisoformat(at).astimezone(UTC), mood, note)
            found.setdefault(key, []).append(uid)
    return found


# --- importing ---------------------------------------------------------------------

def _unmapped_error(places: Iterable[MoodPlace]) -> ValidationError:
    places = list(places)
    proposals = [texts.DAYLIO_MAP_EXAMPLE.format(name=p.name, score=p.proposal)
                 for p in places if p.proposal is not None]
    return ValidationError(texts.DAYLIO_UNMAPPED.format(
        moods=", ".join(repr(p.name) for p in places),
        proposals=texts.DAYLIO_UNMAPPED_PROPOSALS.format(examples=", ".join(proposals))
        if proposals else ""), field="mood")


def import_daylio(journal: Journal, path: str | Path, *,
                  mood_map: Mapping[str, int] | None = None,
                  activity_map: Mapping[str, str] | None = None,
                  skip_unmapped: bool = False) -> ImportResult:
    """Add a Daylio export's entries to the journal as check-ins; return what happened.

    An entry imported before is found by its identity (see :func:`identities`); its
    check-in is updated if the mapping now gives it another mood, habits or note,
    and otherwise left as it is. Every entry is checked before anything is written:
    one bad row means nothing is saved.

    Args:
        journal: the open journal.
        path: the Daylio CSV export.
        mood_map: extra or changed mood scores (1–10), by name, e.g. ``{"sad": 2}``.
        activity_map: activity renames, e.g. ``{"gym": "exercise"}``; ``""`` leaves one out.
        skip_unmapped: leave out entries with an unmapped mood instead of refusing.

    Raises:
        ValidationError: not a Daylio export (missing columns named), a bad row
            (its number named), or moods without a mapping (named, with how to map them).
    """
    found = read_file(path)
    plan = _plan(found.entries, found.old_layout, mood_map, activity_map)
    if plan.unmapped_moods and not skip_unmapped:
        raise _unmapped_error(p for p in plan.places.values() if p.score is None)
    ids = identities(found.entries)
    known = reads.imported_entries(journal, SOURCE)
    legacy = _legacy(journal, plan, {_uuid(i) for i in ids})
    rows: list[Mapping[str, object]] = []
    habits: dict[str, None] = {}
    for entry, identity in zip(found.entries, ids, strict=True):
        if plan.mood_map[entry.mood] is None:
            continue
        values = _checkin(entry, plan)
        habits.update(dict.fromkeys(values["habits"]))
        uid = known.get(identity)
        old = legacy.get((entry.at.astimezone(UTC), values["mood"], values["note"]))
        if uid is None and old:
            uid = old.pop(0)
        rows.append({"identity": identity, "uuid": uid or _uuid(identity),
                     "raw": {"row": entry.number, "date": entry.day.isoformat(),
                             "time": entry.clock.strftime("%H:%M"), "mood": entry.mood},
                     "at": entry.at, **values})
    counts = journal.import_checkins(SOURCE, rows)
    return ImportResult(added=counts.added, unchanged=counts.unchanged, updated=counts.updated,
                        unmapped_moods=plan.unmapped_moods,
                        left_out=len(found.entries) - len(rows), habits=tuple(habits))


def read_daylio(journal: Journal, path: Path, data: bytes) -> dict[str, int]:
    """Add a Daylio export's entries with the default mapping (see :func:`import_daylio`);
    return how many check-ins were new. ``data`` is not used: the file is read as text."""
    return {"checkins": import_daylio(journal, path).added}
