"""Opening a journal file safely, and SQLite or file failures put in plain words.

A journal is a plain file with the kit's header; anything else is refused
untouched. A full disk is named as such (never "damaged"), and a journal
deleted or replaced under an open connection is recognised by its identity.
"""

from __future__ import annotations

import errno
import os
import sqlite3
from pathlib import Path
from types import ModuleType
from typing import Any

from exback_kit.content import texts
from exback_kit.errors import JournalError
from exback_kit.store import locking
from exback_kit.store.migrations import SCHEMA_VERSION
from exback_kit.store.sqlite_header import APPLICATION_ID, SQLITE_HEADER

#: SQLite's result code for "database or disk is full".
SQLITE_FULL = 13
#: Below this much free space, an SQLite I/O error is taken to be a full disk.
NEARLY_FULL_BYTES = 256 * 1024
#: The errors a plain journal can raise besides the kit's own; a locked one adds
#: SQLCipher's (see :func:`exback_kit.store.locking.db_errors`, which the CLI catches).
DATABASE_ERRORS: tuple[type[Exception], ...] = (sqlite3.Error,)


# --- failures in plain words ------------------------------------------------

def disk_is_full(exc: BaseException, folder: Path) -> bool:
    """Return True if ``exc`` comes from a full disk (or one too full to go on)."""
    if isinstance(exc, OSError):
        return exc.errno in (errno.ENOSPC, errno.EDQUOT)
    if getattr(exc, "sqlite_errorcode", None) == SQLITE_FULL or "disk is full" in str(exc):
        return True
    if isinstance(exc, locking.db_errors()):
        # A sidecar (-shm, -wal) cut short by a full disk makes later statements fail
        # with I/O errors that look like damage but are not: the file is fine once
        # there is space again.
        import shutil

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


# --- opening safely ---------------------------------------------------------

class NotAJournal(JournalError):
    """The file is not a kit journal, or is too damaged to open (restore can replace it)."""


def _refuse(path: Path) -> JournalError:
    from exback_kit.store.backups import list_backups

    backups = list_backups(path)
    hint = (texts.BACKUP_HINT.format(backup=backups[-1]) if backups else texts.NO_BACKUP_HINT)
    message = texts.NOT_A_JOURNAL.format(path=path, backup_hint=hint)
    if locking.is_encrypted(path) and not locking.key_path(path).exists():
        message += texts.LOCK_FOREIGN_HINT.format(key_file=locking.key_path(path))
    return NotAJournal(message)


def _refuse_locked(path: Path) -> JournalError:
    """The key (from the key file, checked by its MAC) doesn't open the locked file.

    Either the key file came from another journal (copied over, or the journal was
    replaced), or the journal itself is damaged: the message names both.
    """
    from exback_kit.store.backups import list_backups

    backups = list_backups(path)
    hint = (texts.BACKUP_HINT.format(backup=backups[-1]) if backups else texts.NO_BACKUP_HINT)
    return NotAJournal(texts.LOCK_KEY_FILE_NOT_THIS.format(
        path=path, key_file=locking.key_path(path), backup_hint=hint))


def _check_existing(path: Path, conn: Any, db: ModuleType = sqlite3,
                    locked: bool = False) -> int:
    """Return the file's schema version, or raise if it is not ours to open.

    A locked file (``locked``, opened through SQLCipher ``db``) has no plain header to check.
    """
    if not locked:
        with open(path, "rb") as fh:
            if fh.read(16) != SQLITE_HEADER:
                raise _refuse(path)
    try:
        app_id = conn.execute("PRAGMA application_id").fetchone()[0]
        version = conn.execute("PRAGMA user_version").fetchone()[0]
        tables = conn.execute("SELECT count(*) FROM sqlite_master").fetchone()[0]
    except db.DatabaseError as exc:
        if disk_is_full(exc, path.parent):
            raise JournalError(texts.DISK_FULL) from None
        raise (_refuse_locked(path) if locked else _refuse(path)) from None
    if app_id == 0 and version == 0 and tables == 0:
        return 0  # an empty database: treat as new
    if app_id != APPLICATION_ID:
        raise _refuse(path)
    if version > SCHEMA_VERSION:
        raise JournalError(texts.NEWER_JOURNAL.format(path=path, found=version,
                                                      known=SCHEMA_VERSION))
    return int(version)


def _check_plain_file(path: Path) -> bool:
    """Return True if ``path`` holds something; refuse folders, devices and odd files.

    A journal is a plain file: ``/dev/null`` or a folder is refused, and so is a
    file that reports size 0 but still has content (such as ``/proc/self/status``).
    """
    if not path.exists():
        return False
    if not path.is_file():
        raise JournalError(texts.JOURNAL_NOT_A_FILE.format(path=path))
    if path.stat().st_size > 0:
        return True
    with open(path, "rb") as fh:
        if fh.read(1):
            raise _refuse(path)
    return False


def _identity(path: Path) -> tuple[int, int] | None:
    """Return (device, inode) of the file at ``path``, or None if nothing is there."""
    try:
        st = os.stat(path)
    except OSError:
        return None
    return st.st_dev, st.st_ino


def connect(path: Path, key: bytes | None = None, *,
            read_only: bool = False) -> tuple[Any, ModuleType]:
    """Return (connection, DB-API module) for ``path``: sqlite3, or SQLCipher with ``key``.

    A plain journal never imports SQLCipher. For a locked one the key is the first
    statement on the connection, then the cipher settings.
    """
    target: Any = f"{path.resolve().as_uri()}?mode=ro" if read_only else path
    if key is None:
        return sqlite3.connect(target, isolation_level=None, check_same_thread=False,
                               uri=read_only), sqlite3
    db = locking.cipher()
    conn = db.connect(str(target), isolation_level=None, check_same_thread=False,
                      uri=read_only)
    # A key that doesn't fit is put in words (_refuse_locked), not logged on stderr.
    conn.execute("PRAGMA cipher_log_level = NONE")
    return locking.keyed(conn, key), db
