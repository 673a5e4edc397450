"""The search queue: the entries a save changed, read into the index on the next search.

A save's trigger (schema version 11) only queues which entry changed, by its index rowid,
in ``search_pending``; a search first moves the queue into ``search_index`` in one write
transaction (:meth:`Journal.index_pending`): the queued entries' rows out, their words
as they are now back in (read the way :mod:`exback_kit.store.search_words` says), the
queue emptied. An entry deleted or emptied since has no words to read: it is no longer
found. Reading the words here rather than in the trigger keeps the triggers short, and
SQLite parses every trigger each time a connection first reads the journal.
"""

from __future__ import annotations

from exback_kit.store.search_words import SEARCH_SOURCES, SEARCH_STRIDE, fill

TYPE_CHECKING = False  # as typing's, without importing typing at start-up
if TYPE_CHECKING:
    from typing import Any


def has_pending(conn: Any) -> bool:
    """Return True when a save has queued an entry the index does not hold as it is now."""
    return conn.execute("SELECT 1 FROM search_pending LIMIT 1").fetchone() is not None


def reindex(number: int, table: str, columns: tuple[str, ...]) -> str:
    """Return the SQL that reads the queued entries of one kind into the index."""
    # rowid = id * stride + number, for any id (one set by hand may be negative: SQLite's
    # / and % round toward zero, so the id is taken from rowid - number)
    return fill(number, table, columns, only=(
        f"e.id IN (SELECT (rowid - {number}) / {SEARCH_STRIDE} FROM search_pending "
        f"WHERE (rowid - {number}) % {SEARCH_STRIDE} = 0)"))


def index_pending(conn: Any) -> None:
    """Move the queued entries' words into the index (run inside a write transaction)."""
    conn.execute("DELETE FROM search_index WHERE rowid IN (SELECT rowid FROM search_pending)")
    kinds = {n for (n,) in conn.execute(
        f"SELECT DISTINCT ((rowid % {SEARCH_STRIDE}) + {SEARCH_STRIDE}) % {SEARCH_STRIDE} "
        "FROM search_pending")}
    for number, table, columns in SEARCH_SOURCES:
        if number in kinds:
            conn.execute(reindex(number, table, columns))
    conn.execute("DELETE FROM search_pending")
