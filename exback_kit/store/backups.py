"""A journal's backups: daily copies in ``backups/``, the ten newest kept, and restore."""

from __future__ import annotations

import os
import sqlite3
import time
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING

from exback_kit.store.files import create_private_file, make_private_folder
from exback_kit.store.migrations import SCHEMA_VERSION
from exback_kit.store.paths import resolve_path

if TYPE_CHECKING:
    from exback_kit.store.journal import Journal

BACKUP_EVERY_S = 24 * 3600
BACKUPS_KEPT = 10


def backup_dir(path: Path) -> Path:
    """Return the folder that keeps a journal's automatic backups."""
    return path.parent / "backups"


def list_backups(path: str | os.PathLike[str] | None = None) -> list[Path]:
    """Return the journal's backups, oldest first."""
    folder = backup_dir(resolve_path(path))
    return sorted(folder.glob("*.sqlite3")) if folder.is_dir() else []


def backup(journal: Journal, dest: str | os.PathLike[str] | None = None, *,
           label: str = "") -> Path:
    """Copy the journal with SQLite's backup API; return the copy's path.

    Without ``dest`` the copy goes to ``backups/``, named by time (and ``label``)
    so names sort oldest first, and only the newest :data:`BACKUPS_KEPT` are kept.
    """
    stamp = f"{datetime.now():%Y%m%d-%H%M%S-%f}" + (f"-{label}" if label else "")
    name = f"{journal.path.stem}-{stamp}.sqlite3"
    target = Path(dest) if dest else backup_dir(journal.path) / name
    make_private_folder(target.parent)
    create_private_file(target)
    # A locked journal's backup is locked with the same key (its copy connection is keyed).
    copy = journal.connect_copy(target)
    try:
        journal._conn.backup(copy)
    finally:
        copy.close()
    target.chmod(0o600)
    if dest is None:
        for old in list_backups(journal.path)[:-BACKUPS_KEPT]:
            old.unlink(missing_ok=True)
    return target

def backup_if_due(journal: Journal) -> Path | None:
    """Back up when the newest backup is more than a day old; return the new copy."""
    existing = list_backups(journal.path)
    if existing and time.time() - existing[-1].stat().st_mtime < BACKUP_EVERY_S:
        return None
    return backup(journal, )

def restore_from(journal: Journal, source: str | os.PathLike[str]) -> Path:
    """Replace the journal's contents with a backup; return the safety copy made first.

    The backup is opened read-only and left exactly as it is.

    Raises:
        JournalError: the source is missing or not a kit journal (nothing changes).
    """
    from exback_kit.store.journal import _check_existing, _refuse

    source = Path(source)
    if not source.is_file() or source.stat().st_size == 0:
        raise _refuse(source)
    from exback_kit.store import locking

    locked = locking.is_encrypted(source)
    if locked and (not journal.encrypted or not locking.key_opens(source, journal._key or b"")):
        raise _refuse(source)
    other = (journal.connect_copy(source, read_only=True) if locked
             else sqlite3.connect(f"{source.resolve().as_uri()}?mode=ro", uri=True))
    try:
        _check_existing(source, other, journal._db if locked else sqlite3, locked)
        safety = backup(journal, label="before-restore")
        other.backup(journal._conn)
    finally:
        other.close()
    if journal.schema_version < SCHEMA_VERSION:
        journal._migrate()
    return safety
