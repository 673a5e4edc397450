"""A locked journal's file: telling it from a plain one, and SQLCipher connections with a key.

A locked journal is a SQLCipher database opened with a random 256-bit **data key**
(``PRAGMA key = "x'…'"``, the first statement on every connection, then the cipher
settings). Whether a file is locked is read from its first bytes (a plain SQLite file
starts with ``SQLite format 3``), never from a key file being there. ``sqlcipher3`` is
imported only when a locked file is opened.
"""

from __future__ import annotations

from pathlib import Path

from exback_kit.store.sqlite_header import APPLICATION_ID, SQLITE_HEADER

TYPE_CHECKING = False  # as typing's, without importing typing at start-up
if TYPE_CHECKING:
    from types import ModuleType
    from typing import Any

#: SQLCipher settings of cipher profile 1, run after the key on every connection.
#: HMAC_SHA256 and 1 KiB pages keep a save near a plain one; SQLCipher's defaults
#: (HMAC_SHA512, 4 KiB) cost ~30 µs more a commit (see benchmarks/README.md).
PAGE_SIZE = 1024
CIPHER_PRAGMAS = (f"PRAGMA cipher_page_size = {PAGE_SIZE}",
                  "PRAGMA cipher_hmac_algorithm = HMAC_SHA256")


def is_encrypted(path: Path) -> bool:
    """Return True when ``path`` holds data that is not a plain SQLite file.

    An empty or missing file is a new journal (plain). A foreign file also counts
    as "not plain"; opening it then fails with the usual "isn't a journal" message.
    """
    try:
        with open(path, "rb") as fh:
            head = fh.read(len(SQLITE_HEADER))
    except FileNotFoundError:
        return False
    return bool(head) and head != SQLITE_HEADER


def looks_locked(path: Path) -> bool:
    """Return True if ``path`` looks like a whole locked copy: not plain, whole pages.

    Reads no more than the header, so listing many backups stays fast; the key
    check (:func:`check_locked_copy`) runs when a copy is made or restored.
    """
    try:
        size = path.stat().st_size
    except OSError:
        return False
    return size > 0 and size % PAGE_SIZE == 0 and is_encrypted(path)


def cipher() -> ModuleType:
    """Return SQLCipher's DB-API module (imported only for locked journals)."""
    from sqlcipher3 import dbapi2  # only for a locked journal: a plain one never loads it

    return dbapi2


def keyed(conn: Any, key: bytes) -> Any:
    """Give an open SQLCipher connection its data key and settings; return it."""
    conn.execute(f"PRAGMA key = \"x'{key.hex()}'\"")
    for pragma in CIPHER_PRAGMAS:
        conn.execute(pragma)
    return conn


def check_locked_copy(path: Path, key: bytes) -> bool:
    """Return True when ``key`` opens the copy at ``path`` and it is a whole kit journal."""
    db = cipher()
    conn = db.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)
    try:
        conn.execute("PRAGMA cipher_log_level = NONE")
        keyed(conn, key)
        app_id = conn.execute("PRAGMA application_id").fetchone()[0]
        return bool(app_id == APPLICATION_ID
                    and conn.execute("PRAGMA quick_check").fetchone()[0] == "ok")
    except db.DatabaseError:
        return False
    finally:
        conn.close()


def key_opens(path: Path, key: bytes) -> bool:
    """Return True when ``key`` opens the locked file at ``path`` (nothing is written)."""
    db = cipher()
    # immutable: read without creating -shm/-wal files beside it
    conn = db.connect(f"{path.resolve().as_uri()}?mode=ro&immutable=1", uri=True)
    try:
        conn.execute("PRAGMA cipher_log_level = NONE")  # a wrong key is expected here
        keyed(conn, key)
        conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
        return True
    except db.DatabaseError:
        return False
    finally:
        conn.close()
