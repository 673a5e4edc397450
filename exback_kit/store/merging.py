"""Imports add rows the journal lacks: a row equal to one already stored is skipped."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from exback_kit.store import validate
from exback_kit.store.schema import TABLES


def merge_rows(conn: Any, prepared: Mapping[str, list[tuple[Any, ...]]],
               settings: Mapping[str, Any]) -> dict[str, int]:
    """Add already-validated rows (at, day, fields…) missing from the journal; return counts.

    Runs inside the caller's transaction on ``conn``. Settings already set here are kept.
    """
    added: dict[str, int] = {}
    for kind, rows in prepared.items():
        names = ["at", "day", *(f.name for f in TABLES[kind])]
        cols = ", ".join(names)
        seen = set(conn.execute(f"SELECT {cols} FROM {kind}").fetchall())
        marks = ", ".join("?" for _ in names)
        new = [row for row in rows if row not in seen]
        conn.executemany(f"INSERT INTO {kind} ({cols}) VALUES ({marks})", new)
        added[kind] = len(new)
    stamp = validate.now().isoformat()
    for key, value in settings.items():
        if key == "demo":  # an import never turns a real journal into a demo
            continue
        conn.execute("INSERT OR IGNORE INTO settings (key, value, at) VALUES (?, ?, ?)",
                     (*validate.setting(key, value), stamp))
    return added
