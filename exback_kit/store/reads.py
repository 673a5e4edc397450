"""The reads other rooms need over an open journal, each done once per view.

Every function here takes a :class:`~exback_kit.store.Journal` and uses only its
public reads (:meth:`~exback_kit.store.Journal.table`, ``records``, ``execute_read``…),
so it sits above the journal and never touches its connection.
"""

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


def checklist_items(journal: Journal, checklist: str) -> list[dict[str, Any]]:
    """Return the items of one of the person's moving-on checklists, oldest first."""
    return [r for r in journal.records("checklist_items") if r["checklist"] == checklist]


def own_words_sources(journal: Journal) -> dict[str, Any]:
    """Return what the urge SOS draws the person's own reasons from, as keyword arguments of
    :func:`exback_kit.domain.sos.own_reasons` (records, plus step 1's "quiet_hope" answer)."""
    kinds = ("reappraisals", "nocontact_periods", "decisions", "reachouts")
    return {**{kind: journal.records(kind) for kind in kinds},
            "quiet_hope": journal.latest_answers(1).get("quiet_hope")}


def imported_entries(journal: Journal, source: str) -> dict[str, str]:
    """Return {identity: check-in uuid} of every entry imported from ``source`` before."""
    rows = journal.execute_read(
        "SELECT identity, checkin_uuid FROM imported_entries WHERE source = ?", (source,))
    return {identity: uuid for identity, uuid in rows}


def unclaimed_checkins(journal: Journal, first: date,
                       last: date) -> list[tuple[str, str, int, str]]:
    """Return (uuid, at, mood, note) of check-ins from ``first`` to ``last`` no import claims.

    An import made before imports were recorded left check-ins like these; a new
    import adopts the one that matches an entry instead of adding a second.
    """
    rows = journal.execute_read(
        "SELECT uuid, at, mood, note FROM checkins WHERE day BETWEEN ? AND ? AND uuid NOT IN "
        "(SELECT checkin_uuid FROM imported_entries) ORDER BY at, id",
        (first.isoformat(), last.isoformat()))
    return [(uuid, at, int(mood), note or "") for uuid, at, mood, note in rows]

