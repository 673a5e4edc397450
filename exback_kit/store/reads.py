"""The reads other rooms need, each done once per view and handed down as typed frames."""

from __future__ import annotations

import json
from collections.abc import Iterable
from datetime import date
from typing import TYPE_CHECKING, Any

from exback_kit.store.schema import TABLES

if TYPE_CHECKING:
    import pandas as pd

    from exback_kit.store.journal import Journal


def load_tables(journal: Journal, kinds: Iterable[str] = tuple(TABLES)) -> dict[str, pd.DataFrame]:
    """Return the journal's tables (all, or just ``kinds``) as typed DataFrames, each read once.

    Args:
        journal: an open :class:`~exback_kit.store.Journal`.
        kinds: which tables to read; default every one.
    """
    return {kind: journal.table(kind) for kind in kinds}


def stored_rows(journal: Journal, kind: str) -> list[dict[str, Any]]:
    """Return the rows of ``kind`` as stored (``at``, ``day``, fields, ``uuid``; JSON as text).

    The uuid travels with the row, so importing an export on another device (or
    twice) keeps one entry one entry.
    """
    names = ["at", "day", *(f.name for f in TABLES[kind]), "uuid"]
    rows = journal.execute_read(f"SELECT {', '.join(names)} FROM {kind} ORDER BY at, id")
    return [dict(zip(names, row, strict=True)) for row in rows]


def all_settings(journal: Journal) -> dict[str, Any]:
    """Return every setting, decoded."""
    rows = journal.execute_read("SELECT key, value FROM settings ORDER BY key")
    return {key: json.loads(value) for key, value in rows}


def checkin_keys(journal: Journal, first: date, last: date) -> list[tuple[str, int, str]]:
    """Return (at, mood, note) of the check-ins whose local day is from ``first`` to ``last``."""
    rows = journal.execute_read("SELECT at, mood, note FROM checkins WHERE day BETWEEN ? AND ?",
                                (first.isoformat(), last.isoformat()))
    return [(at, int(mood), note or "") for at, mood, note in rows]
