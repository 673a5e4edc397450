"""The SELECTs behind :class:`~exback_kit.store.Journal`'s reads, each on a connection it is given.

Rows come back decoded (``records``: dicts, no pandas) or as typed frames (``table``);
both use one column list and the decoders of :mod:`exback_kit.store.frames`.
"""

from __future__ import annotations

from exback_kit.store import clock
from exback_kit.store.failures import db_errors
from exback_kit.store.frames import ROW_DECODERS, decoder, read_frame, same, typed_frame
from exback_kit.store.schema import TABLES, known_fields

TYPE_CHECKING = False  # as typing's, without importing typing at start-up
if TYPE_CHECKING:
    from typing import Any

    import pandas as pd


def _decoded(cur: Any, kind: str) -> list[dict[str, Any]]:
    names = [d[0] for d in cur.description]
    decoders = {**ROW_DECODERS, **{s.name: decoder(s) for s in known_fields(kind)}}
    return [{n: decoders.get(n, same)(v) for n, v in zip(names, row, strict=True)}
            for row in cur.fetchall()]


def records(conn: Any, kind: str, *, limit: int | None = None,
            newest_first: bool = False) -> list[dict[str, Any]]:
    """Return entries of ``kind`` as dicts with decoded values, in the order written down."""
    specs = known_fields(kind)
    order = "DESC" if newest_first else "ASC"
    sql = f"SELECT {clock.reader_columns(specs)} FROM {kind} ORDER BY at {order}, id {order}"
    return _decoded(conn.execute(sql + (f" LIMIT {int(limit)}" if limit else "")), kind)


def latest_record(conn: Any, kind: str) -> dict[str, Any] | None:
    """Return the newest entry of ``kind`` by version stamp, or None."""
    specs = known_fields(kind)
    cur = conn.execute(f"SELECT {clock.reader_columns(specs)} FROM {kind} "
                       f"ORDER BY {clock.newest_first()} LIMIT 1")
    rows = _decoded(cur, kind)
    return rows[0] if rows else None


def count(conn: Any, kind: str) -> int:
    """Return how many entries of ``kind`` the journal holds."""
    known_fields(kind)
    return int(conn.execute(f"SELECT count(*) FROM {kind}").fetchone()[0])


def latest(conn: Any, kind: str, within: str, value: object) -> dict[str, Any]:
    """Return {question: value} of the newest row per question (by version stamp)."""
    rows = conn.execute(
        f"SELECT question, value FROM (SELECT question, value, row_number() OVER "
        f"(PARTITION BY question ORDER BY {clock.newest_first()}) AS n FROM {kind} "
        f"WHERE {within} = ?) WHERE n = 1", (value,))
    import json

    return {q: json.loads(v) for q, v in rows}


def table(conn: Any, kind: str) -> pd.DataFrame:
    """Return all entries of ``kind`` as a DataFrame with typed columns (see Journal.table)."""
    specs = known_fields(kind)
    cols = clock.reader_columns(specs)
    written = f"row_number() OVER (ORDER BY {clock.WRITTEN_ORDER}) AS written"
    df = read_frame(conn, f"SELECT {cols}, {written} FROM {kind} ORDER BY at, id")
    return typed_frame(df, specs)


def change_key(conn: Any) -> tuple[int, int]:
    """Return a pair that changes whenever anyone (this or another connection) writes."""
    version = conn.execute("PRAGMA data_version").fetchone()[0]
    return int(version), int(conn.total_changes)


def table_stamps(conn: Any) -> dict[str, object]:
    """Return a value per entry table that changes whenever anyone writes to that table.

    Triggers renew a random stamp in ``table_stamps`` on every insert, update or
    delete, from this or any other process, in the write's own transaction.
    A table without a stamp (a journal restored from before they existed, or a table
    added later without triggers) gets :func:`change_key`, which changes with any write.
    """
    try:
        rows = dict(conn.execute("SELECT name, stamp FROM table_stamps").fetchall())
    except db_errors():  # no such table (sqlite3's or SQLCipher's error class)
        rows = {}
    return {kind: rows.get(kind, ("any", *change_key(conn))) for kind in TABLES}


def setting(conn: Any, key: str, default: Any = None) -> Any:
    """Return the setting stored under ``key``, or ``default``.

    The language and the sync folder are read by every command, and ``json``'s import is a
    check-in's largest cost after argparse; so a value JSON spells one way only is read
    here: ``true``, ``false``, ``null``, or a string of printable characters with no
    quote or backslash inside (JSON's text for it is exactly those characters between
    quotes). Anything else, escapes, numbers, lists, and a value that isn't JSON, is
    read by json, as before.
    """
    row = conn.execute("SELECT value FROM settings WHERE key = ?", (key,)).fetchone()
    if row is None:
        return default
    value = row[0]
    if isinstance(value, str):
        if value in _WORDS:
            return _WORDS[value]
        inner = value[1:-1]
        if (len(value) >= 2 and value[0] == value[-1] == '"' and '"' not in inner
                and "\\" not in inner and inner.isprintable()):
            return inner
    import json

    return json.loads(value)


#: JSON's three words, as json reads them.
_WORDS = {"true": True, "false": False, "null": None}
