"""Check-ins brought in from another app's export, and which check-in each entry became.

What an import writes, on the connection of a write transaction it is given; which
entries were imported before is read in :mod:`exback_kit.store.reads`. Each imported
entry has an identity (everything the export says about it) recorded in
``imported_entries`` with the uuid of its check-in, so importing the file again finds
that check-in and updates it (a changed mood mapping, a renamed activity) instead of
adding a copy.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from exback_kit.content import texts
from exback_kit.errors import ValidationError
from exback_kit.store import clock, validate

TYPE_CHECKING = False  # as typing's, without importing typing at start-up
if TYPE_CHECKING:
    from typing import Any, NamedTuple
else:
    from exback_kit.store.named_tuple import NamedTuple


class ImportCounts(NamedTuple):
    """What applying an import did to the journal's check-ins.

    A NamedTuple, not a dataclass: the journal imports this module, so ``exback checkin``
    does, and ``dataclasses`` (with ``inspect``) cost it ~6 ms of start-up.
    """

    added: int
    updated: int
    unchanged: int


def prepare(specs: Any, entries: Sequence[Mapping[str, object]]) -> list[dict[str, Any]]:
    """Check every entry and return the rows :func:`apply` takes (nothing is saved here).

    Raises:
        ValidationError: names the entry (counted from 1) and the field.
    """
    rows = []
    imported_at = validate.now().isoformat()
    for number, entry in enumerate(entries, start=1):
        values = dict(entry)
        identity, uuid, raw = values.pop("identity"), values.pop("uuid"), values.pop("raw")
        try:
            when = validate.moment(values.pop("at", None))
            full = validate.record("checkins", specs, values)
            validate.record_id(uuid, required=True)
        except ValidationError as exc:
            raise ValidationError(texts.IN_ENTRY.format(number=number, problem=exc),
                                  field=exc.field) from None
        rows.append({"identity": identity, "uuid": uuid, "raw": raw, "fields": list(values),
                     "values": full, "at": when.isoformat(), "day": when.date().isoformat(),
                     "imported_at": imported_at})
    return rows


def apply(conn: Any, source: str, rows: Sequence[Mapping[str, Any]]) -> ImportCounts:
    """Make each row's check-in hold its fields; record which entry it came from.

    Each row holds ``identity``, ``uuid``, ``raw``, ``imported_at``, ``at``, ``day`` and
    the check-in's fields in their stored form (``fields`` names those an import sets).
    A check-in with the row's uuid is updated where those fields differ (a new version,
    so it syncs); otherwise a check-in is added with that uuid. Runs inside the
    caller's transaction on ``conn``.
    """
    import json  # only an import needs it: not loaded for every command

    added = updated = 0
    for row in rows:
        names = list(row["fields"])
        current = conn.execute(f"SELECT {', '.join(names)} FROM checkins WHERE uuid = ?",
                               (row["uuid"],)).fetchone()
        wanted = tuple(row["values"][name] for name in names)
        if current is None:
            values = {"at": row["at"], "day": row["day"], **row["values"]}
            cols = ", ".join([*values, "uuid", "version"])
            marks = ", ".join("?" for _ in range(len(values) + 2))
            conn.execute(f"INSERT INTO checkins ({cols}) VALUES ({marks})",
                         [*values.values(), row["uuid"], clock.tick(conn)[0]])
            added += 1
        elif tuple(current) != wanted:
            sets = ", ".join(f"{name} = ?" for name in names)
            conn.execute(f"UPDATE checkins SET {sets}, version = ?, origin = NULL WHERE uuid = ?",
                         [*wanted, clock.tick(conn)[0], row["uuid"]])
            updated += 1
        conn.execute("INSERT OR IGNORE INTO imported_entries (source, identity, checkin_uuid, "
                     "raw, at) VALUES (?, ?, ?, ?, ?)",
                     (source, row["identity"], row["uuid"], json.dumps(row["raw"]),
                      row["imported_at"]))
    return ImportCounts(added=added, updated=updated, unchanged=len(rows) - added - updated)
