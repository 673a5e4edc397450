"""Where the journal lives: --journal, EXBACK_JOURNAL, EXBACK_HOME, else the data folder."""

from __future__ import annotations

import os
from pathlib import Path

APP_NAME = "exback-kit"
FILE_NAME = "journal.sqlite3"
#: Names the journal's folder (the journal is ``journal.sqlite3`` inside it).
HOME_ENV = "EXBACK_HOME"
#: Names the journal file for notebook kernels (set by ``exback lab`` / ``exback app``).
JOURNAL_ENV = "EXBACK_JOURNAL"
#: Files SQLite keeps beside a journal while it is open or mid-write.
SIDECAR_SUFFIXES = ("-wal", "-shm", "-journal")
#: A locked journal keeps its wrapped key beside it: ``journal.sqlite3.key``.
KEY_SUFFIX = ".key"
#: The setting naming where this computer's sync folder is (another computer has its own
#: path). Here, not in :mod:`exback_kit.store.sync`: every save asks for it, and a journal
#: without a sync folder never loads the sync machinery.
FOLDER_SETTING = "sync_folder"


def default_path() -> Path:
    """Return the journal path: ``EXBACK_HOME`` if set, else the per-user data folder."""
    home = os.environ.get(HOME_ENV)
    if home:
        return Path(home).expanduser() / FILE_NAME
    import platformdirs

    return platformdirs.user_data_path(APP_NAME, appauthor=False) / FILE_NAME


def resolve_path(path: str | os.PathLike[str] | None = None) -> Path:
    """Return the journal path: an explicit path wins over ``EXBACK_HOME`` and the default."""
    return Path(path).expanduser() if path is not None else default_path()


def journal_files(path: Path) -> list[Path]:
    """Return the journal file and its SQLite sidecar files (which may not exist)."""
    return [path, *(Path(f"{path}{suffix}") for suffix in SIDECAR_SUFFIXES)]


def key_file(path: Path) -> Path:
    """Return where a locked journal keeps its wrapped key (it may not exist)."""
    return Path(f"{path}{KEY_SUFFIX}")
