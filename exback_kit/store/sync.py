"""The journal's side of sync: what this device has not sent yet, and merging what others sent.

Records travel as plain dicts (see :mod:`exback_kit.interchange.sync_folder.change_files` for the
files)::

    {"kind": "checkins", "uuid": …, "version": …, "device": …, "at": …, "day": …,
     "values": {field: value, …}}
    {"kind": "setting", "key": …, "value": …, "version": …, "device": …}

Merging is a union by uuid (settings by key): an unknown record is added, a known
one is replaced only by a newer version (hybrid logical clock, ties broken by
device id), so merging the same records again, or in another order, changes
nothing. :func:`merge` is the one way records come in: it checks each record as
untrusted (a bad one is left out and named by its line), then merges the rest in one
transaction, together with the new read position of the file they came from.
:func:`record_sent` is its counterpart for what this device wrote to its own file.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import timedelta
from typing import TYPE_CHECKING, Any

from exback_kit.content import texts
from exback_kit.errors import ValidationError
from exback_kit.store import clock, validate
from exback_kit.store.paths import FOLDER_SETTING
from exback_kit.store.schema import TABLES

if TYPE_CHECKING:
    from exback_kit.store.journal import Journal

#: The unsent-message vault: kept out of sync unless the person opts in.
VAULT = "unsent"
#: Settings that belong to one journal on one computer and never travel.
LOCAL_SETTINGS = frozenset({"demo", FOLDER_SETTING})
SETTING = "setting"
#: How far ahead of this computer's clock another device's entries may be dated.
LEEWAY = timedelta(days=1)


@dataclass(frozen=True)
class ReadState:
    """Where this journal stopped reading one sync file."""

    position: int = 0
    tail: bytes = b""
    records: int = 0
    #: The number of the last line read (-1: not known, read the file from its start).
    line: int = -1


def _encode_value(kind: str, name: str, value: Any) -> Any:
    spec = next(f for f in TABLES[kind] if f.name == name)
    if value is None:
        return None
    if spec.kind in ("list", "json"):
        return json.loads(value)
    if spec.kind == "bool":
        return bool(value)
    return value


def _rows(journal: Journal, kind: str, where: str, params: tuple[Any, ...]) -> list[dict[str, Any]]:
    names = [f.name for f in TABLES[kind]]
    cols = ", ".join(["uuid", "version", "origin", "at", "day", *names])
    out = []
    for row in journal.execute_read(f"SELECT {cols} FROM {kind} WHERE {where} ORDER BY id",
                                    params):
        values = {n: _encode_value(kind, n, v) for n, v in zip(names, row[5:], strict=True)}
        out.append({"kind": kind, "uuid": row[0], "version": row[1], "device": row[2],
                    "at": row[3], "day": row[4], "values": values})
    return out


def _kinds(include_vault: bool) -> list[str]:
    return [kind for kind in TABLES if include_vault or kind != VAULT]


def outgoing(journal: Journal, device: str, *, include_vault: bool = False,
             since: str | None = None) -> list[dict[str, Any]]:
    """Return the records and settings this device wrote, stamped with ``device``: all of
    them, or (``since`` a version) those never sent anywhere and those newer than what a
    folder already holds."""
    where = "origin IS NULL OR origin = ?"
    params: tuple[Any, ...] = (device,)
    if since is not None:
        where = "origin IS NULL OR (origin = ? AND version > ?)"
        params = (device, since)
    out = [row for kind in _kinds(include_vault) for row in _rows(journal, kind, where, params)]
    for key, value, version in journal.execute_read(
            f"SELECT key, value, version FROM settings WHERE {where} ORDER BY key", params):
        if key not in LOCAL_SETTINGS:
            out.append({"kind": SETTING, "key": key, "value": json.loads(value),
                        "version": version, "device": device})
    for row in out:
        row["device"] = device
    return out


def record_sent(journal: Journal, me: str, sent: Iterable[Mapping[str, Any]], *, folder: str,
                file: str, restarted: bool, own: ReadState | None) -> None:
    """Record, in one transaction, that ``sent`` is on disk in this device's ``file`` in
    ``folder`` (an edit made since stays unsent), and the file's new end as read already
    (``own``; None: unchanged), so this device never reads its own lines back.

    Args:
        restarted: the file was written whole: the folder's "sent" starts again from what
            ``sent`` holds.
    """
    sent = list(sent)
    with journal.transaction() as conn:
        if restarted:
            conn.execute("UPDATE sync_folders SET sent = NULL WHERE folder = ?", (folder,))
        for rec in sent:
            if rec["kind"] == SETTING:
                conn.execute("UPDATE settings SET origin = ? WHERE key = ? AND version = ? "
                             "AND origin IS NULL", (me, rec["key"], rec["version"]))
            else:
                conn.execute(f"UPDATE {rec['kind']} SET origin = ? WHERE uuid = ? AND "
                             "version = ? AND origin IS NULL",
                             (me, rec["uuid"], rec["version"]))
        if restarted or sent:
            version = max((r["version"] for r in sent), default="")
            conn.execute("UPDATE sync_folders SET sent = ? WHERE folder = ? AND "
                         "(sent IS NULL OR sent < ?)", (version, folder, version))
        if own is not None:
            _save_state(conn, folder, me, file, own, 0)


# --- checking what arrives ----------------------------------------------------------

def _clean(rec: object, sender: str) -> dict[str, Any]:
    """Return a record received from device ``sender`` in stored form, or raise naming what
    is wrong. Moments and days are checked as the CLI checks them, with a day's leeway for
    another computer's clock; so is the version stamp.

    Raises:
        ValidationError: not a record, an unknown kind, another device's record, a stamp or a
            day too far ahead, or a field breaking its rules.
    """
    if not isinstance(rec, dict):
        raise ValidationError(texts.SYNC_NOT_A_RECORD, field="record")
    kind = rec.get("kind")
    version = validate.version(rec.get("version"))
    if clock.ahead_of_clock(version):
        raise ValidationError(texts.SYNC_AHEAD.format(version=version), field="version")
    device = rec.get("device")
    if device != sender:
        raise ValidationError(texts.BAD_VALUE.format(
            field="device", value=repr(device)[:40], allowed=f"this file's device, {sender}"),
            field="device")
    if kind == SETTING:
        key, value = validate.setting(rec.get("key"), rec.get("value"))
        return {"kind": SETTING, "key": key, "value": value, "version": version,
                "device": device}
    if kind not in TABLES:
        raise ValidationError(texts.UNKNOWN_KIND.format(kind=kind, allowed=", ".join(TABLES)),
                              field="kind")
    values = rec.get("values")
    if not isinstance(values, dict):
        raise ValidationError(texts.SYNC_NOT_A_RECORD, field="values")
    specs = TABLES[kind]
    extra = sorted(set(values) - {s.name for s in specs})
    if extra:
        raise ValidationError(texts.UNKNOWN_FIELD.format(
            kind=kind, field=extra[0], allowed=", ".join(s.name for s in specs)), field=extra[0])
    stored = validate.record(kind, specs, values)
    when = validate.moment(rec.get("at"), future_ok=True)
    latest = validate.now() + LEEWAY
    if when > latest:
        raise ValidationError(texts.IN_FUTURE.format(field="at", value=repr(rec.get("at"))),
                              field="at")
    at = when.isoformat()
    day = validate.day(rec.get("day") or at[:10], "day", future_ok=True)
    if day > latest.date().isoformat():
        raise ValidationError(texts.IN_FUTURE.format(field="day", value=repr(day)), field="day")
    return {"kind": kind, "uuid": validate.record_id(rec.get("uuid"), required=True),
            "version": version, "device": device, "row": {"at": at, "day": day, **stored}}


# --- merging ----------------------------------------------------------------------

def read_states(journal: Journal, folder: str) -> dict[tuple[str, str], ReadState]:
    """Return (device, file) -> where this journal stopped reading that file in ``folder``."""
    rows = journal.execute_read("SELECT device, file, position, tail, records, line FROM "
                                "sync_reads WHERE folder = ?", (folder,))
    return {(str(device), str(file)): ReadState(int(position), bytes(tail), int(records),
                                                int(line))
            for device, file, position, tail, records, line in rows}


def _known(conn: Any, kind: str, ids: list[str]) -> dict[str, tuple[str, str | None]]:
    found: dict[str, tuple[str, str | None]] = {}
    for start in range(0, len(ids), 500):
        chunk = ids[start:start + 500]
        marks = ", ".join("?" for _ in chunk)
        for uid, version, origin in conn.execute(
                f"SELECT uuid, version, origin FROM {kind} WHERE uuid IN ({marks})", chunk):
            found[uid] = (version, origin)
    return found


@dataclass(frozen=True)
class Merged:
    """What merging one file's records did."""

    #: How many records were new or newer here.
    changed: int
    #: (line number, what is wrong) for each record left out.
    refused: list[tuple[int, str]]


def merge(journal: Journal, me: str, arrived: Iterable[tuple[int, object]], *, folder: str,
          device: str, file: str, state: ReadState) -> Merged:
    """Check each record that ``device``'s ``file`` brought (numbered by line), merge those
    that keep the rules and save ``state`` for the file, in one transaction.

    A record that breaks a rule (see :func:`_clean`) is left out and named in
    ``Merged.refused``; the others are merged all the same.
    """
    records, refused = [], []
    for number, rec in arrived:
        try:
            records.append(_clean(rec, device))
        except ValidationError as exc:
            refused.append((number, str(exc)))
    changed = 0
    with journal.transaction() as conn:
        by_kind: dict[str, list[dict[str, Any]]] = {}
        for rec in records:
            by_kind.setdefault(rec["kind"], []).append(rec)
        for kind, recs in by_kind.items():
            if kind == SETTING:
                changed += _merge_settings(conn, me, recs)
                continue
            known = _known(conn, kind, [r["uuid"] for r in recs])
            names = list(recs[0]["row"])
            for rec in recs:
                mine = known.get(rec["uuid"])
                theirs = (rec["version"], rec["device"])
                if mine is None:
                    cols = ", ".join([*names, "uuid", "version", "origin"])
                    marks = ", ".join("?" for _ in range(len(names) + 3))
                    conn.execute(f"INSERT INTO {kind} ({cols}) VALUES ({marks})",
                                 [*rec["row"].values(), rec["uuid"], *theirs])
                elif clock.newer(theirs, (mine[0], mine[1] or me)):
                    sets = ", ".join(f"{n} = ?" for n in names)
                    conn.execute(f"UPDATE {kind} SET {sets}, version = ?, origin = ? "
                                 "WHERE uuid = ?", [*rec["row"].values(), *theirs, rec["uuid"]])
                else:
                    continue
                known[rec["uuid"]] = theirs
                changed += 1
        clock.observe(conn, (r["version"] for r in records))
        _save_state(conn, folder, device, file, state, changed)
    return Merged(changed, refused)


def _save_state(conn: Any, folder: str, device: str, file: str, state: ReadState,
                changed: int) -> None:
    conn.execute("INSERT INTO sync_reads (folder, device, file, position, tail, records, "
                 "read_at, line) VALUES (?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT(folder, device, "
                 "file) DO UPDATE SET position = excluded.position, tail = excluded.tail, "
                 "records = sync_reads.records + ?, read_at = excluded.read_at, "
                 "line = excluded.line",
                 (folder, device, file, state.position, state.tail, changed,
                  validate.now().isoformat(), state.line, changed))


def _merge_settings(conn: Any, me: str, recs: list[dict[str, Any]]) -> int:
    changed = 0
    for rec in recs:
        if rec["key"] in LOCAL_SETTINGS:
            continue
        row = conn.execute("SELECT version, origin FROM settings WHERE key = ?",
                           (rec["key"],)).fetchone()
        theirs = (rec["version"], rec["device"])
        if row is not None and not clock.newer(theirs, (row[0], row[1] or me)):
            continue
        conn.execute("INSERT INTO settings (key, value, at, version, origin) VALUES "
                     "(?, ?, ?, ?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value, "
                     "at = excluded.at, version = excluded.version, origin = excluded.origin",
                     (rec["key"], rec["value"], validate.now().isoformat(), *theirs))
        changed += 1
    return changed
