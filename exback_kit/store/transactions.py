"""One write: ``BEGIN IMMEDIATE … COMMIT`` on a connection, waiting out other writers.

Several notebooks and the command line write to one journal at once. A plain
(deferred) ``BEGIN`` fails at once with "database is locked" when a read must be
upgraded; ``BEGIN IMMEDIATE`` takes the write lock first and the busy timeout applies.
"""

from __future__ import annotations

import contextlib
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from types import ModuleType

from exback_kit.content import texts
from exback_kit.errors import JournalError
from exback_kit.store.failures import explain_failure

TYPE_CHECKING = False  # as typing's, without importing typing at start-up
if TYPE_CHECKING:
    from typing import Any

#: How long a write waits for other writers before it gives up in words.
WRITE_DEADLINE_S = 60.0


@contextmanager
def write_transaction(conn: Any, db: ModuleType, path: Path,
                      check: Callable[[], None]) -> Iterator[Any]:
    """Run the block inside BEGIN IMMEDIATE … COMMIT on ``conn``; yield the connection.

    ``check`` runs once the write lock is held and before the block (the journal's file
    is still the one opened, say); anything it or the block raises rolls back.

    Raises:
        JournalError: the journal stayed busy past :data:`WRITE_DEADLINE_S`, or SQLite
            failed (put in plain words).
    """
    deadline = time.monotonic() + WRITE_DEADLINE_S
    while True:
        try:
            conn.execute("BEGIN IMMEDIATE")
            break
        except db.OperationalError as exc:
            if "locked" not in str(exc) and "busy" not in str(exc):
                raise explain_failure(exc, path) from None
            if time.monotonic() > deadline:
                raise JournalError(texts.JOURNAL_BUSY.format(
                    path=path, seconds=WRITE_DEADLINE_S)) from None
        except db.Error as exc:
            raise explain_failure(exc, path) from None
    try:
        check()
        yield conn
        conn.execute("COMMIT")
    except BaseException as exc:
        _rollback(conn, db)
        if isinstance(exc, db.Error):
            raise explain_failure(exc, path) from None
        raise


def _rollback(conn: Any, db: ModuleType) -> None:
    if conn.in_transaction:
        # SQLite may have rolled back on its own (a full disk does that).
        with contextlib.suppress(db.Error):
            conn.execute("ROLLBACK")
