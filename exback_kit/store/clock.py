"""The journal's hybrid logical clock: the version stamp of every record and setting.

A version is ``"<milliseconds>.<counter>"`` (zero-padded, so text order is time
order). It is the wall clock when that is ahead, otherwise one step past the
newest version this journal has seen from any device, so an edit made on a device
whose clock runs slow still counts as newer than what it has already read. Ties
between devices are broken by device id (see :func:`newer`). The clock itself is
one row of ``sync_state``, read and advanced inside the writer's transaction.
"""

from __future__ import annotations

import os
import time
from collections.abc import Iterable

TYPE_CHECKING = False  # as typing's, without importing typing at start-up
if TYPE_CHECKING:
    from typing import Any

CLOCK_KEY = "clock"
#: A stamp from another device may run this far ahead of this device's clock, no further.
MAX_AHEAD_MS = 24 * 3600 * 1000
#: This device never stamps further ahead of its own clock than this (half the above), so
#: a device whose clock runs up to that much behind still takes its stamps.
OWN_AHEAD_MS = MAX_AHEAD_MS // 2
#: The counter has six digits; at its end the stamp moves on a millisecond.
COUNTER_MAX = 999_999
#: The one rule for which version of the person's answers, settings, plans and decisions is
#: the newest: the version stamp, ties by device id (as :func:`newer`), rows stamped before
#: sync ('') first in the order they were saved. Every "latest" read orders by this.
WRITTEN_PARTS = ("version", "coalesce(origin, '')", "id")
WRITTEN_ORDER = ", ".join(WRITTEN_PARTS)
#: Columns every record table has besides id, at, day and its fields (schema version 5).
SYNC_COLUMNS = ("uuid", "version", "origin")


def _parse(version: str) -> tuple[int, int]:
    ms, _, counter = version.partition(".")
    return (int(ms), int(counter or 0)) if ms.isdigit() else (0, 0)


def _format(ms: int, counter: int) -> str:
    return f"{ms:013d}.{counter:06d}"


def new_uuid() -> str:
    """Return a fresh random record id: an RFC 4122 version-4 UUID in canonical form.

    Made from ``os.urandom`` as :func:`uuid.uuid4` does, but without importing
    :mod:`uuid`, which imports :mod:`platform` (about 4 ms of every check-in's start).
    """
    raw = bytearray(os.urandom(16))
    raw[6] = (raw[6] & 0x0F) | 0x40  # version 4
    raw[8] = (raw[8] & 0x3F) | 0x80  # the RFC 4122 variant
    h = raw.hex()
    return f"{h[:8]}-{h[8:12]}-{h[12:16]}-{h[16:20]}-{h[20:]}"


def _stored(conn: Any) -> tuple[int, int]:
    row = conn.execute("SELECT value FROM sync_state WHERE key = ?", (CLOCK_KEY,)).fetchone()
    return _parse(row[0]) if row else (0, 0)


def _store(conn: Any, ms: int, counter: int) -> None:
    conn.execute("INSERT INTO sync_state (key, value) VALUES (?, ?) ON CONFLICT(key) "
                 "DO UPDATE SET value = excluded.value", (CLOCK_KEY, _format(ms, counter)))


def now_ms() -> int:
    """Return this device's clock in milliseconds."""
    return int(time.time() * 1000)


def tick(conn: Any, count: int = 1) -> list[str]:
    """Return ``count`` new versions, each newer than anything this journal has seen.

    A stored clock pushed more than :data:`OWN_AHEAD_MS` ahead (by a stamp from before
    stamps were checked) is not followed: no device would take what it stamps.
    """
    last_ms, counter = _stored(conn)
    now = now_ms()
    if last_ms > now + OWN_AHEAD_MS:
        last_ms, counter = now, 0
    out = []
    for _ in range(count):
        if now > last_ms:
            last_ms, counter = now, 0
        elif counter >= COUNTER_MAX:
            last_ms, counter = last_ms + 1, 0
        else:
            counter += 1
        out.append(_format(last_ms, counter))
    _store(conn, last_ms, counter)
    return out


def ahead_of_clock(version: str) -> bool:
    """Return True if ``version`` is further ahead of this device's clock than allowed."""
    return _parse(version)[0] > now_ms() + MAX_AHEAD_MS


def observe(conn: Any, versions: Iterable[str]) -> None:
    """Move the clock past every version in ``versions`` (read from other devices), never
    further than this device stamps ahead of its own clock."""
    newest = min(max((_parse(v) for v in versions), default=(0, 0)),
                 (now_ms() + OWN_AHEAD_MS, 0))
    if newest > _stored(conn):
        _store(conn, *newest)


def insert(conn: Any, kind: str, rows: list[dict[str, Any]]) -> list[int]:
    """Insert validated rows of ``kind``, each with a new uuid and version; return their ids."""
    cols = ", ".join([*rows[0], "uuid", "version"])
    marks = ", ".join("?" for _ in range(len(rows[0]) + 2))
    sql = f"INSERT INTO {kind} ({cols}) VALUES ({marks})"
    return [int(conn.execute(sql, [*row.values(), new_uuid(), version]).lastrowid or 0)
            for row, version in zip(rows, tick(conn, len(rows)), strict=True)]


def put_setting(conn: Any, key: str, encoded: str, at: str) -> None:
    """Set a setting here: a new version, not yet sent to other devices."""
    conn.execute("INSERT INTO settings (key, value, at, version, origin) VALUES (?, ?, ?, ?, NULL) "
                 "ON CONFLICT(key) DO UPDATE SET value = excluded.value, at = excluded.at, "
                 "version = excluded.version, origin = NULL", (key, encoded, at, tick(conn)[0]))


def newest_first() -> str:
    """Return :data:`WRITTEN_ORDER` turned round: the newest version first."""
    return ", ".join(f"{part} DESC" for part in WRITTEN_PARTS)


def reader_columns(specs: Iterable[Any]) -> str:
    """Return the columns a reader sees: id, at, day and the fields (not the sync stamps)."""
    return ", ".join(["id", "at", "day", *(s.name for s in specs)])


def newer(a: tuple[str, str | None], b: tuple[str, str | None]) -> bool:
    """Return True if (version, device) ``a`` wins over ``b``: newest, then larger device id."""
    return (_parse(a[0]), a[1] or "") > (_parse(b[0]), b[1] or "")
