"""Which files are a journal's backups: their folder, their names, and which are complete.

Backups belong to one journal. ``journal.sqlite3`` keeps its copies as
``backups/journal-<YYYYmmdd-HHMMSS-ffffff>[-label].sqlite3``, so several journals
can share a folder without touching each other's copies, and a file the kit did
not write there (any other name) is never listed, rotated or deleted.

Listing re-checks each file's header cheaply
(see :func:`exback_kit.store.sqlite_header.looks_complete`), so an empty or cut-short
file left by an older kit is never counted as "the newest".
A locked copy's header is random bytes, so listing counts it by its size (whole pages)
instead, and only beside a key file. Making, rotating and restoring copies is
:mod:`exback_kit.store.backups`.
"""

from __future__ import annotations

import os
import re
from datetime import datetime
from pathlib import Path

from exback_kit.store.encryption import looks_locked
from exback_kit.store.files import TEMP_PREFIX, TEMP_SUFFIX
from exback_kit.store.paths import key_file, resolve_path
from exback_kit.store.sqlite_header import looks_complete

TYPE_CHECKING = False  # as typing's, without importing typing at start-up
if TYPE_CHECKING:
    from collections.abc import Callable

_STAMP = r"\d{8}-\d{6}-\d{6}"


def backup_dir(path: Path) -> Path:
    """Return the folder that keeps a journal's automatic backups."""
    return path.parent / "backups"


def _suffix(path: Path) -> str:
    return path.suffix or ".backup"


def backup_name(path: Path, stamp: datetime, label: str = "") -> str:
    """Return the file name of ``path``'s backup made at ``stamp`` (sorts oldest first)."""
    return f"{path.stem}-{stamp:%Y%m%d-%H%M%S-%f}{'-' + label if label else ''}{_suffix(path)}"


def _pattern(path: Path) -> re.Pattern[str]:
    """Match the names of ``path``'s backups (group 1: the time stamp)."""
    return re.compile(rf"{re.escape(path.stem)}-({_STAMP})(?:-[a-z][a-z0-9-]*)?"
                      rf"{re.escape(_suffix(path))}")


def _leftover(path: Path) -> re.Pattern[str]:
    """Match temporary files of ``path``'s backups that a killed process left behind."""
    return re.compile(rf"{re.escape(TEMP_PREFIX)}{_pattern(path).pattern}\.[^/]*"
                      rf"{re.escape(TEMP_SUFFIX)}")


def _named(path: Path) -> list[Path]:
    """Return every file in ``backups/`` named as one of ``path``'s backups, oldest first."""
    folder = backup_dir(path)
    if not folder.is_dir():
        return []
    pattern = _pattern(path)
    found = [(m[1], p) for p in folder.iterdir() if (m := pattern.fullmatch(p.name))]
    return [p for _, p in sorted(found)]


def _is_good(path: Path) -> Callable[[Path], bool]:
    """Return the test of one of ``path``'s backups: complete by its header."""
    # Locked copies count only beside a key file: the kit wrote them, not someone else.
    locked_ok = key_file(path).is_file()
    return lambda p: looks_complete(p) or (locked_ok and looks_locked(p))


def list_backups(path: str | os.PathLike[str] | None = None) -> list[Path]:
    """Return the journal's complete backups, oldest first (unfinished or damaged ones left out)."""
    path = resolve_path(path)
    good = _is_good(path)
    return [p for p in _named(path) if good(p)]


def newest_backup(path: str | os.PathLike[str] | None = None) -> Path | None:
    """Return the journal's newest complete backup, or None: the last of :func:`list_backups`,
    found by reading headers from the newest down (the daily check at every open reads one
    copy's header, not all ten)."""
    path = resolve_path(path)
    good = _is_good(path)
    return next((p for p in reversed(_named(path)) if good(p)), None)


def own_files(path: str | os.PathLike[str] | None = None) -> list[Path]:
    """Return every backup file the kit made for this journal, good or not (for ``forget``)."""
    path = resolve_path(path)
    folder = backup_dir(path)
    leftover = _leftover(path)
    temps = sorted(p for p in folder.iterdir() if leftover.fullmatch(p.name)) \
        if folder.is_dir() else []
    return [*_named(path), *temps]
