"""Imports add rows the journal lacks: a row whose uuid is here (or, without a uuid, a row
equal to one already stored) is skipped."""

from __future__ import annotations

from collections.abc import Mapping

from exback_kit.store import clock, validate
from exback_kit.store.schema import TABLES
from exback_kit.store.settings import LOCAL_SETTINGS, check_setting

TYPE_CHECKING = False  # as typing's, without importing typing at start-up
if TYPE_CHECKING:
    from typing import Any


def merge_rows(conn: Any, prepared: Mapping[str, list[tuple[Any, ...]]],
               settings: Mapping[str, Any]) -> dict[str, int]:
    """Add already-validated rows (at, day, fields…, uuid or None) missing from the journal.

    Returns counts per kind. A row keeps its uuid, so the same entry stays one entry
    across devices; rows from exports made before records had one (uuid None) are
    compared by value and get a new uuid. Runs inside the caller's transaction on
    ``conn``. Settings already set here are kept, and those that belong to one computer
    (:data:`~exback_kit.store.settings.LOCAL_SETTINGS`) are left out: an import never turns
    a real journal into a demo, nor points it at another computer's sync folder.
    """
    added: dict[str, int] = {}
    for kind, rows in prepared.items():
        names = ["at", "day", *(f.name for f in TABLES[kind])]
        cols = ", ".join(names)
        seen = set(conn.execute(f"SELECT {cols} FROM {kind}").fetchall())
        ids = {r[0] for r in conn.execute(f"SELECT uuid FROM {kind}")}
        marks = ", ".join("?" for _ in range(len(names) + 2))
        new = [(*row[:-1], row[-1] or clock.new_uuid()) for row in rows
               if row[-1] not in ids and (row[-1] is not None or row[:-1] not in seen)]
        conn.executemany(f"INSERT INTO {kind} ({cols}, uuid, version) VALUES ({marks})",
                         [(*row, v) for row, v in
                          zip(new, clock.tick(conn, len(new)), strict=True)])
        added[kind] = len(new)
    stamp = validate.now().isoformat()
    for key, value in settings.items():
        if key in LOCAL_SETTINGS:
            continue
        conn.execute("INSERT OR IGNORE INTO settings (key, value, at) VALUES (?, ?, ?)",
                     (*check_setting(key, value), stamp))
    return added
