"""SQLite and file failures put in plain words: a full disk, a read-only folder, the rest.

A full disk is named as such, never "damaged". The DB-API error classes in use are
sqlite3's, plus SQLCipher's once a locked journal has loaded it (:func:`db_errors`).
"""

from __future__ import annotations

import errno
import sqlite3
import sys
from pathlib import Path

from exback_kit.content import texts
from exback_kit.errors import JournalError

#: SQLite's result code for "database or disk is full".
SQLITE_FULL = 13
#: Below this much free space, an SQLite I/O error is taken to be a full disk.
NEARLY_FULL_BYTES = 256 * 1024


def db_errors() -> tuple[type[Exception], ...]:
    """Return the DB-API error classes in use: sqlite3's, and SQLCipher's once it is loaded.

    SQLCipher's exceptions are its own classes, so ``except sqlite3.Error`` misses them.
    """
    module = sys.modules.get("sqlcipher3.dbapi2")
    return (sqlite3.Error, module.Error) if module is not None else (sqlite3.Error,)


def disk_is_full(exc: BaseException, folder: Path) -> bool:
    """Return True if ``exc`` comes from a full disk (or one too full to go on)."""
    if isinstance(exc, OSError):
        return exc.errno in (errno.ENOSPC, errno.EDQUOT)
    if getattr(exc, "sqlite_errorcode", None) == SQLITE_FULL or "disk is full" in str(exc):
        return True
    if isinstance(exc, db_errors()):
        # A sidecar (-shm, -wal) cut short by a full disk makes later statements fail
        # with I/O errors that look like damage but are not: the file is fine once
        # there is space again.
        import shutil  # only on a failure: start-up speed of `exback checkin`

        try:
            return shutil.disk_usage(folder).free < NEARLY_FULL_BYTES
        except OSError:
            return False
    return False


def explain_failure(exc: BaseException, path: Path) -> JournalError:
    """Return a plain message for an SQLite or file error on ``path`` (never "damaged")."""
    if disk_is_full(exc, path.parent):
        return JournalError(texts.DISK_FULL)
    reason = exc.strerror if isinstance(exc, OSError) and exc.strerror else str(exc)
    if "readonly" in reason or "read-only" in reason or (
            isinstance(exc, OSError) and exc.errno in (errno.EACCES, errno.EPERM, errno.EROFS)):
        return JournalError(texts.JOURNAL_READ_ONLY.format(path=path))
    return JournalError(texts.JOURNAL_FAILED.format(path=path, reason=reason))
