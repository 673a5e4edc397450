"""Opening a journal file safely: only a plain file with the kit's header, or a locked one.

Anything else is refused untouched, with the newest backup named. A journal deleted
or replaced under an open connection is recognised by its identity (:func:`file_identity`).
"""

from __future__ import annotations

import os
import sqlite3
from pathlib import Path
from types import ModuleType

from exback_kit.content import texts
from exback_kit.errors import JournalError
from exback_kit.store.backup_files import backup_dir, list_backups
from exback_kit.store.encryption import cipher, is_encrypted, keyed
from exback_kit.store.failures import disk_is_full
from exback_kit.store.files import (
    create_private_file,
    make_private_folder,
    sweep_unfinished,
    tighten_folder,
)
from exback_kit.store.migrations import SCHEMA_VERSION
from exback_kit.store.paths import default_path, key_file
from exback_kit.store.sqlite_header import APPLICATION_ID, SQLITE_HEADER

TYPE_CHECKING = False  # as typing's, without importing typing at start-up
if TYPE_CHECKING:
    from typing import Any

#: How long a statement waits for another connection's write lock.
BUSY_TIMEOUT_MS = 10_000


class NotAJournal(JournalError):
    """The file is not a kit journal, or is too damaged to open (restore can replace it)."""


def _backup_hint(path: Path) -> str:
    backups = list_backups(path)
    return texts.BACKUP_HINT.format(backup=backups[-1]) if backups else texts.NO_BACKUP_HINT


def refusal(path: Path) -> JournalError:
    """Return the error that refuses ``path``: not a kit journal (names the newest backup)."""
    message = texts.NOT_A_JOURNAL.format(path=path, backup_hint=_backup_hint(path))
    if is_encrypted(path) and not key_file(path).exists():
        message += texts.LOCK_FOREIGN_HINT.format(key_file=key_file(path))
    return NotAJournal(message)


def _refusal_locked(path: Path) -> JournalError:
    """The key (from the key file, checked by its MAC) doesn't open the locked file.

    Either the key file came from another journal (copied over, or the journal was
    replaced), or the journal itself is damaged: the message names both.
    """
    return NotAJournal(texts.LOCK_KEY_FILE_NOT_THIS.format(
        path=path, key_file=key_file(path), backup_hint=_backup_hint(path)))


def check_existing(path: Path, conn: Any, db: ModuleType = sqlite3,
                   locked: bool = False) -> int:
    """Return the file's schema version, or raise if it is not ours to open.

    A locked file (``locked``, opened through SQLCipher ``db``) has no plain header to check.

    Raises:
        NotAJournal: not a kit journal, or too damaged to open.
        JournalError: the disk is full, or the journal is newer than this kit.
    """
    if not locked:
        with open(path, "rb") as fh:
            if fh.read(16) != SQLITE_HEADER:
                raise refusal(path)
    try:
        app_id = conn.execute("PRAGMA application_id").fetchone()[0]
        version = conn.execute("PRAGMA user_version").fetchone()[0]
        tables = conn.execute("SELECT count(*) FROM sqlite_master").fetchone()[0]
    except db.DatabaseError as exc:
        if disk_is_full(exc, path.parent):
            raise JournalError(texts.DISK_FULL) from None
        raise (_refusal_locked(path) if locked else refusal(path)) from None
    if app_id == 0 and version == 0 and tables == 0:
        return 0  # an empty database: treat as new
    if app_id != APPLICATION_ID:
        raise refusal(path)
    if version > SCHEMA_VERSION:
        raise JournalError(texts.NEWER_JOURNAL.format(path=path, found=version,
                                                      known=SCHEMA_VERSION))
    return int(version)


def check_plain_file(path: Path) -> bool:
    """Return True if ``path`` holds something; refuse folders, devices and odd files.

    A journal is a plain file: ``/dev/null`` or a folder is refused, and so is a
    file that reports size 0 but still has content (such as ``/proc/self/status``).

    Raises:
        JournalError: ``path`` is not a plain file, or is not a kit journal.
    """
    if not path.exists():
        return False
    if not path.is_file():
        raise JournalError(texts.JOURNAL_NOT_A_FILE.format(path=path))
    if path.stat().st_size > 0:
        return True
    with open(path, "rb") as fh:
        if fh.read(1):
            raise refusal(path)
    return False


def prepare_file(path: Path) -> bool:
    """Make the journal's folder private, sweep copies a kill left, create an empty file.

    Returns:
        True if a journal (anything but an empty file) was already there.

    Raises:
        JournalError: the disk is full, or ``path`` is not a plain file or not a kit journal.
    """
    try:
        make_private_folder(path.parent)
        if path.parent == default_path().parent:
            tighten_folder(path.parent)  # the kit's data folder is 0700, whoever made it
        sweep_unfinished(path.parent, backup_dir(path))  # copies a kill left behind
        existed = check_plain_file(path)
        if not path.exists():
            create_private_file(path)
    except OSError as exc:
        if disk_is_full(exc, path.parent):
            raise JournalError(texts.DISK_FULL) from None
        raise
    return existed


def file_identity(path: Path) -> tuple[int, int] | None:
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
    db = cipher()
    conn = db.connect(str(target), isolation_level=None, check_same_thread=False,
                      uri=read_only)
    # A key that doesn't fit is put in words (a refusal), not logged on stderr.
    conn.execute("PRAGMA cipher_log_level = NONE")
    return keyed(conn, key), db


def configure(conn: Any) -> None:
    """Set a journal connection's pragmas: busy timeout, WAL, ``synchronous=FULL``, foreign keys.

    WAL persists in the file; the others hold for this connection only.
    """
    conn.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
    if conn.execute("PRAGMA journal_mode").fetchone()[0] != "wal":
        conn.execute("PRAGMA journal_mode = WAL")
    conn.execute("PRAGMA synchronous = FULL")
    conn.execute("PRAGMA foreign_keys = ON")
