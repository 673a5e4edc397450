"""The search queue: words a save queued (the search migration's triggers), moved into the index.

A save only queues its words in ``search_pending``; a search first moves what is
queued into ``search_index`` in one write transaction (:meth:`Journal.index_pending`).
"""

from __future__ import annotations

TYPE_CHECKING = False  # as typing's, without importing typing at start-up
if TYPE_CHECKING:
    from typing import Any

#: The queued words into the index, in one transaction: old rows out, new rows in, queue emptied.
INDEX_PENDING = (
    "DELETE FROM search_index WHERE rowid IN (SELECT rowid FROM search_pending)",
    "INSERT INTO search_index (rowid, body, kind, place, day, at) "
    "SELECT rowid, body, kind, place, day, at FROM search_pending WHERE body <> ''",
    "DELETE FROM search_pending",
)


def has_pending(conn: Any) -> bool:
    """Return True when a save has queued words the index does not hold yet."""
    return conn.execute("SELECT 1 FROM search_pending LIMIT 1").fetchone() is not None


def index_pending(conn: Any) -> None:
    """Move the queued words into the index (run inside a write transaction)."""
    for statement in INDEX_PENDING:
        conn.execute(statement)
