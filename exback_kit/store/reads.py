"""The reads other rooms need, each done once per view and handed down as typed frames."""

from __future__ import annotations

import json
from collections.abc import Iterable
from typing import TYPE_CHECKING, Any

from exback_kit.content import texts
from exback_kit.errors import ValidationError
from exback_kit.store import clock
from exback_kit.store.frames import ROW_DECODERS, _same, decoder, read_frame, typed_frame
from exback_kit.store.locking import db_errors
from exback_kit.store.schema import TABLES, Field, fields

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


class JournalReads:
    """The reading half of :class:`~exback_kit.store.Journal` (it needs ``_conn``)."""

    _conn: Any

    def _specs(self, kind: str) -> tuple[Field, ...]:
        try:
            return fields(kind)
        except KeyError:
            raise ValidationError(texts.UNKNOWN_KIND.format(
                kind=kind, allowed=", ".join(TABLES)), field="kind") from None

    def records(self, kind: str, *, limit: int | None = None,
                newest_first: bool = False) -> list[dict[str, Any]]:
        """Return entries of ``kind`` as dicts with decoded values (no pandas needed).

        ``at`` and moment fields are aware ``datetime``, ``day`` and date fields ``date``.
        """
        specs = self._specs(kind)
        order = "DESC" if newest_first else "ASC"
        sql = f"SELECT {clock.reader_columns(specs)} FROM {kind} ORDER BY at {order}, id {order}"
        cur = self._conn.execute(sql + (f" LIMIT {int(limit)}" if limit else ""))
        names = [d[0] for d in cur.description]
        decoders = {**ROW_DECODERS, **{s.name: decoder(s) for s in specs}}
        return [{n: decoders.get(n, _same)(v) for n, v in zip(names, row, strict=True)}
                for row in cur.fetchall()]

    def count(self, kind: str) -> int:
        """Return how many entries of ``kind`` the journal holds."""
        self._specs(kind)
        return int(self._conn.execute(f"SELECT count(*) FROM {kind}").fetchone()[0])

    def latest_answers(self, step: int) -> dict[str, Any]:
        """Return the newest answer to each question of ``step``: {question: value}."""
        return self._latest("answers", "step", step)

    def latest_reflections(self, topic: str) -> dict[str, Any]:
        """Return the newest answer to each question of a moving-on topic: {question: value}."""
        return self._latest("reflections", "topic", topic)

    def _latest(self, kind: str, within: str, value: object) -> dict[str, Any]:
        """Return {question: value} of the newest row per question (by version stamp)."""
        rows = self._conn.execute(
            f"SELECT question, value FROM (SELECT question, value, row_number() OVER "
            f"(PARTITION BY question ORDER BY {clock.newest_first()}) AS n FROM {kind} "
            f"WHERE {within} = ?) WHERE n = 1", (value,))
        return {q: json.loads(v) for q, v in rows}

    def latest_record(self, kind: str) -> dict[str, Any] | None:
        """Return the newest entry of ``kind`` by version stamp (the person's current decision,
        say), or None; an older entry that arrived later by sync never wins."""
        specs = self._specs(kind)
        cur = self._conn.execute(f"SELECT {clock.reader_columns(specs)} FROM {kind} "
                                 f"ORDER BY {clock.newest_first()} LIMIT 1")
        names = [d[0] for d in cur.description]
        decoders = {**ROW_DECODERS, **{s.name: decoder(s) for s in specs}}
        row = cur.fetchone()
        return None if row is None else {n: decoders.get(n, _same)(v)
                                         for n, v in zip(names, row, strict=True)}

    def table(self, kind: str) -> pd.DataFrame:
        """Return all entries of ``kind`` as a DataFrame with typed columns.

        ``at`` is a UTC-aware datetime, ``day`` the local date (datetime64), ``hour``
        the local hour; ints are ``Int64``, yes/no are ``bool``, lists stay lists;
        ``written`` ranks the rows by version stamp (the last is the newest version).
        """
        specs = self._specs(kind)
        cols = clock.reader_columns(specs)
        written = f"row_number() OVER (ORDER BY {clock.WRITTEN_ORDER}) AS written"
        df = read_frame(self._conn, f"SELECT {cols}, {written} FROM {kind} ORDER BY at, id")
        return typed_frame(df, specs)

    def change_key(self) -> tuple[int, int]:
        """Return a pair that changes whenever anyone (this or another connection) writes."""
        version = self._conn.execute("PRAGMA data_version").fetchone()[0]
        return int(version), int(self._conn.total_changes)

    def table_stamps(self) -> dict[str, object]:
        """Return a value per entry table that changes whenever anyone writes to that table.

        Triggers renew a random stamp in ``table_stamps`` on every insert, update or
        delete, from this or any other process, in the write's own transaction. A table
        without a stamp (a journal restored from before they existed, or a table added
        later without triggers) gets :meth:`change_key`, which changes with any write.
        """
        try:
            rows = dict(self._conn.execute("SELECT name, stamp FROM table_stamps").fetchall())
        except db_errors():  # no such table (sqlite3's or SQLCipher's error class)
            rows = {}
        return {kind: rows.get(kind, ("any", *self.change_key())) for kind in TABLES}

    def is_empty(self) -> bool:
        """Return True when the journal holds no entries of any kind yet."""
        return all(self.count(kind) == 0 for kind in TABLES)

    def execute_read(self, sql: str, params: tuple[object, ...] = ()) -> list[tuple[Any, ...]]:
        """Run a read-only query (for exports and tests); return all rows."""
        return list(self._conn.execute(sql, params).fetchall())
