"""Making, rotating, checking and restoring a journal's backups, given its connection and key.

A backup counts only when it is complete: it is copied to a temporary name with
SQLite's backup API, checked (``PRAGMA quick_check`` and the kit's header), flushed
to disk and only then renamed (see :func:`exback_kit.store.files.replacing`). Which
files are a journal's backups, and their names, is :mod:`exback_kit.store.backup_files`.

A locked journal's backups are locked with the same data key: the copy is made
through a keyed SQLCipher connection and checked with the key (see
:mod:`exback_kit.store.encryption`).
"""

from __future__ import annotations

import os
import sqlite3
import time
from datetime import datetime
from functools import partial
from pathlib import Path

from exback_kit.content import texts
from exback_kit.errors import JournalError, ValidationError
from exback_kit.store.backup_files import (
    backup_dir,
    backup_name,
    list_backups,
    newest_backup,
    own_files,
)
from exback_kit.store.encryption import check_locked_copy, is_encrypted, key_opens, looks_locked
from exback_kit.store.failures import db_errors, explain_failure
from exback_kit.store.files import check_target, fsync_folder, replacing
from exback_kit.store.migrations import SCHEMA_VERSION
from exback_kit.store.opening import connect
from exback_kit.store.paths import SIDECAR_SUFFIXES, journal_files, key_file, resolve_path
from exback_kit.store.sqlite_header import APPLICATION_ID, read_header

TYPE_CHECKING = False  # as typing's, without importing typing at start-up
if TYPE_CHECKING:
    from typing import Any

BACKUP_EVERY_S = 24 * 3600
BACKUPS_KEPT = 10


def check_backup(path: Path, key: bytes | None = None) -> None:
    """Raise unless ``path`` is a complete kit journal: header, application id, quick_check.

    A locked copy (``key`` given) is checked through SQLCipher with that key.

    Raises:
        JournalError: the copy is incomplete or damaged (names the file).
    """
    problem = JournalError(texts.BACKUP_INCOMPLETE.format(path=path))
    if key is not None:
        if not check_locked_copy(path, key):
            raise problem
        return
    head = read_header(path)
    if head is None or head.application_id != APPLICATION_ID:
        raise problem
    conn = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)
    try:
        if conn.execute("PRAGMA quick_check").fetchone()[0] != "ok":
            raise problem
    except sqlite3.DatabaseError:
        raise problem from None
    finally:
        conn.close()


def _copy_into(conn: Any, key: bytes | None, temp: Path) -> None:
    copy = connect(temp, key)[0]  # keyed like the journal when it is locked
    try:
        conn.backup(copy)
        copy.execute("PRAGMA journal_mode = DELETE")  # a backup is one self-contained file
    finally:
        copy.close()


def _refuse_other_file(target: Path) -> None:
    """An explicit ``--to`` may replace an older kit backup, never someone's other file."""
    check_target(target)
    if target.exists() and target.stat().st_size > 0:
        head = read_header(target)
        if head is None or head.application_id != APPLICATION_ID:
            raise ValidationError(texts.BACKUP_OVER_OTHER_FILE.format(path=target), field="to")


def backup(conn: Any, path: Path, key: bytes | None,
           dest: str | os.PathLike[str] | None = None, *, label: str = "") -> Path:
    """Copy the journal open on ``conn`` with SQLite's backup API; return the copy's path.

    ``path`` is the journal's file and ``key`` its data key (None when it is plain).

    Without ``dest`` the copy goes to ``backups/``, named after the journal and the
    time (and ``label``), and only the newest :data:`BACKUPS_KEPT` good copies of
    this journal are kept. The copy appears under its name only once it is complete
    and checked; a failure (a full disk, say) leaves nothing behind.

    Raises:
        JournalError: the copy could not be made (disk full, a damaged copy).
        ValidationError: ``dest`` is a link, a folder or a file that is not a kit journal.
    """
    if dest is not None:
        target = Path(dest).expanduser()
        _refuse_other_file(target)
    else:
        target = backup_dir(path) / backup_name(path, datetime.now(), label)
    failures: tuple[type[BaseException], ...] = (*db_errors(), OSError)
    try:
        with replacing(target, check=partial(check_backup, key=key),
                       make_folder=dest is None) as temp:
            _copy_into(conn, key, temp)
    except failures as exc:
        raise explain_failure(exc, target) from None
    if dest is None:
        rotate(path)
    return target


def rotate(path: Path, keep: int = BACKUPS_KEPT) -> list[Path]:
    """Delete this journal's good backups beyond the ``keep`` newest; return what went.

    Only complete copies named as this journal's count and are deleted: a damaged
    one, another journal's and any other file stay where they are.
    """
    old = list_backups(path)[:-keep] if keep else list_backups(path)
    for file in old:
        file.unlink(missing_ok=True)
    return old


def backup_if_due(conn: Any, path: Path, key: bytes | None) -> Path | None:
    """Back up when the newest good backup is more than a day old; return the new copy."""
    newest = newest_backup(path)
    if newest is not None and time.time() - newest.stat().st_mtime < BACKUP_EVERY_S:
        return None
    return backup(conn, path, key)


def open_source(source: Path, key: bytes | None = None) -> Any:
    """Open a restore source read-only; return its connection (the caller closes it).

    A locked source opens only with ``key``, the journal's own (never into a plain one).

    Raises:
        JournalError: the source is missing, empty, damaged, newer than this kit or
            not a kit journal.
    """
    refusal = JournalError(texts.NOT_A_BACKUP.format(path=source))
    if not source.is_file():
        raise refusal
    if is_encrypted(source):
        if key is None or not key_opens(source, key):
            raise refusal
        other = connect(source, key, read_only=True)[0]
    elif read_header(source) is None:
        raise refusal
    else:
        other = sqlite3.connect(f"{source.resolve().as_uri()}?mode=ro", uri=True)
    try:
        try:  # ask SQLite, not the header bytes: a copy's schema may still sit in its -wal
            app_id = other.execute("PRAGMA application_id").fetchone()[0]
            version = other.execute("PRAGMA user_version").fetchone()[0]
            tables = other.execute("SELECT count(*) FROM sqlite_master").fetchone()[0]
            healthy = other.execute("PRAGMA quick_check").fetchone()[0] == "ok"
        except db_errors():
            raise refusal from None
        if app_id != APPLICATION_ID or not version or not tables or not healthy:
            raise refusal
        if version > SCHEMA_VERSION:
            raise JournalError(texts.NEWER_JOURNAL.format(path=source, found=version,
                                                          known=SCHEMA_VERSION))
    except BaseException:
        other.close()
        raise
    return other


def check_source(source: str | os.PathLike[str]) -> None:
    """Raise unless ``source`` can be restored (a complete kit journal this kit can read).

    A locked source is only checked for its shape here; its key is checked on restore.
    """
    source = Path(source).expanduser()
    if is_encrypted(source):
        if not (source.is_file() and looks_locked(source)):
            raise JournalError(texts.NOT_A_BACKUP.format(path=source))
        return
    open_source(source).close()


def set_aside(path: Path) -> Path:
    """Rename a journal that can't be opened (and its sidecars) out of the way; return it.

    Nothing is deleted: the file stays beside the journal as
    ``<name>.damaged-<stamp>``, so a restore can start from a fresh file.
    """
    kept = path.with_name(f"{path.name}.damaged-{datetime.now():%Y%m%d-%H%M%S}")
    for file, suffix in zip(journal_files(path), ("", *SIDECAR_SUFFIXES), strict=True):
        if file.exists():
            os.replace(file, f"{kept}{suffix}")
    fsync_folder(path.parent)
    return kept


def forget(path: str | os.PathLike[str] | None = None) -> list[Path]:
    """Delete the journal, its SQLite sidecars, its key file and its own backups.

    Other journals' backups and any file the kit did not write stay; an emptied
    ``backups/`` folder is removed.

    Returns:
        The files deleted, journal first.

    Raises:
        JournalError: the file at ``path`` is not a kit journal (nothing is deleted).
    """
    path = resolve_path(path)
    if path.exists():
        if not path.is_file():
            raise JournalError(texts.JOURNAL_NOT_A_FILE.format(path=path))
        head = read_header(path)
        # A locked journal can't show its header; its key file (the kit's own) vouches for it.
        locked = is_encrypted(path) and key_file(path).is_file()
        if path.stat().st_size > 0 and not locked and (
                head is None or head.application_id != APPLICATION_ID):
            raise JournalError(texts.FORGET_NOT_A_JOURNAL.format(path=path))
    candidates = [*journal_files(path), key_file(path), *own_files(path)]
    gone = []
    for file in candidates:
        if file.is_file() and not file.is_symlink():
            file.unlink()
            gone.append(file)
    folder = backup_dir(path)
    if folder.is_dir() and not any(folder.iterdir()):
        folder.rmdir()
    if gone:
        fsync_folder(path.parent)
    return gone
