"""Locking and unlocking a journal: its data key from a passphrase, converting the file.

A locked journal is a SQLCipher database opened with a random 256-bit **data key**;
how a locked file is told apart and connected to is :mod:`exback_kit.store.encryption`,
the key file and the recovery key that hold the key are :mod:`exback_kit.store.keys`.

Converting writes a complete new file and renames it into place while the old one
is held exclusively, so a conversion killed halfway leaves a journal that still opens.
This module imports ``sqlcipher3`` only when a locked journal is used.
"""

from __future__ import annotations

import contextlib
import os
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from exback_kit.content import texts
from exback_kit.errors import JournalError, JournalLocked
from exback_kit.store.backup_files import list_backups
from exback_kit.store.encryption import CIPHER_PRAGMAS, cipher, is_encrypted, key_opens, keyed
from exback_kit.store.files import fsync_folder, replacing
from exback_kit.store.keys import (
    KEY_BYTES,
    PASSPHRASE_ENV,
    RECOVERY_ENV,
    check_passphrase,
    key_matches,
    parse_recovery_key,
    read_key_file,
    recovery_key,
    unwrap,
    weaker,
    write_key_file,
)
from exback_kit.store.opening import refusal
from exback_kit.store.paths import journal_files, key_file
from exback_kit.store.remembered import given

TYPE_CHECKING = False  # as typing's, without importing typing at start-up
if TYPE_CHECKING:
    from typing import Any


def key_path(journal_path: Path) -> Path:
    """Return the key file of a journal: ``<journal path>.key`` (see ``paths.key_file``)."""
    return key_file(journal_path)


# --- unlocking ------------------------------------------------------------------

def unlock(journal_path: Path, passphrase: str | None = None,
           recovery: str | None = None) -> bytes:
    """Return the data key of a locked journal from a passphrase or the recovery key.

    Without arguments it uses ``EXBACK_PASSPHRASE`` (else ``EXBACK_RECOVERY_KEY``).

    Raises:
        JournalLocked: no passphrase was given, or it does not open the journal.
        JournalError: the key file is missing or damaged (the recovery key still works).
        ValidationError: the passphrase is empty or the recovery key mistyped.
    """
    if passphrase is None and recovery is None:
        passphrase = os.environ.get(PASSPHRASE_ENV) or None  # set but empty: not given
        recovery = os.environ.get(RECOVERY_ENV) if passphrase is None else None
    if passphrase is None and recovery is None:
        raise JournalLocked(texts.LOCK_LOCKED.format(path=journal_path))
    if recovery is not None:
        data_key = parse_recovery_key(recovery)
        kpath = key_path(journal_path)
        # the journal itself decides when its key file is another journal's (or damaged)
        ok = ((kpath.exists() and _matches_key_file(journal_path, data_key))
              or key_opens(journal_path, data_key))
        if not ok:
            raise JournalLocked(texts.LOCK_WRONG_RECOVERY_KEY.format(path=journal_path))
        return data_key
    secret = check_passphrase(passphrase)
    doc = read_key_file(journal_path)
    data_key = unwrap(doc, secret, journal_path)
    if weaker(doc):  # an older, cheaper wrap: the same key, wrapped again at today's cost
        # a read-only folder: the journal still opens; the next unlock tries again
        with contextlib.suppress(OSError):
            write_key_file(journal_path, data_key, secret)
    return data_key


def _matches_key_file(journal_path: Path, data_key: bytes) -> bool:
    try:
        return key_matches(read_key_file(journal_path), data_key)
    except JournalError:
        return False


def data_key_for(path: Path, passphrase: str | None = None, key: bytes | None = None
                 ) -> bytes | None:
    """Return the data key that opens the journal at ``path``, or None if it is plain.

    ``key`` (from ``exback lab``) is checked against the key file; else the passphrase
    (or ``EXBACK_PASSPHRASE`` / ``EXBACK_RECOVERY_KEY``) unwraps it. A passphrase for a
    plain journal is ignored.

    Raises:
        JournalLocked: locked, and no passphrase (or a wrong one, or a stale key) was given.
        JournalError: neither plain SQLite nor beside a key file, and no way to open it
            (not a journal, or its key file is lost: the message names the recovery key).
    """
    if not is_encrypted(path):
        return None
    kpath = key_path(path)
    if key is None and passphrase is None:
        key = given(path)  # taken from the OS keyring by the command
    asked = passphrase is not None or any(os.environ.get(n) for n in (PASSPHRASE_ENV,
                                                                       RECOVERY_ENV))
    if key is None and not kpath.exists() and not asked:
        raise refusal(path)
    if key is None:
        return unlock(path, passphrase)
    if kpath.exists() and not key_matches(read_key_file(path), key):
        raise JournalLocked(texts.LOCK_WRONG_KEY.format(path=path))
    return key


# --- converting a journal (encrypt, decrypt) ---------------------------------------

@contextmanager
def _alone(path: Path, key: bytes | None) -> Iterator[Any]:
    """Hold the journal exclusively until the block ends, or refuse if it is in use.

    ``locking_mode = EXCLUSIVE`` keeps the lock after the first transaction, so no
    other process writes to the file while it is copied and replaced. The journal
    leaves WAL mode first, so closing afterwards deletes no ``-wal`` file by name
    (it would belong to the new file by then).
    """
    db = cipher()
    conn = db.connect(path, isolation_level=None, timeout=0.2)
    try:
        if key is not None:
            keyed(conn, key)
        conn.execute("PRAGMA locking_mode = EXCLUSIVE")
        try:
            conn.execute("BEGIN EXCLUSIVE")
        except db.OperationalError:
            raise JournalError(texts.LOCK_IN_USE.format(path=path)) from None
        conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
        conn.execute("COMMIT")
        conn.execute("PRAGMA journal_mode = DELETE")
        yield conn
    finally:
        conn.close()


def export_copy(conn: Any, target: Path, to_key: bytes | None) -> None:
    """Write a complete copy of ``conn``'s database to ``target``, locked with ``to_key``.

    ``None`` writes a plain copy. ``user_version`` and ``application_id`` are copied
    by hand (``sqlcipher_export`` leaves them out). The copy is checked and flushed
    to disk before this returns.
    """
    for old in journal_files(target):
        old.unlink(missing_ok=True)  # a copy left by a conversion that was stopped
    os.close(os.open(target, os.O_CREAT | os.O_WRONLY | os.O_TRUNC, 0o600))
    literal = f"x'{to_key.hex()}'" if to_key is not None else ""
    conn.execute("ATTACH DATABASE ? AS copy KEY ?", (str(target), literal))
    try:
        if to_key is not None:
            for pragma in CIPHER_PRAGMAS:
                conn.execute(pragma.replace("PRAGMA ", "PRAGMA copy."))
        # The copy is a scratch file until it is renamed: no journal, one fsync at the end.
        conn.execute("PRAGMA copy.journal_mode = OFF")
        conn.execute("PRAGMA copy.synchronous = OFF")
        conn.execute("SELECT sqlcipher_export('copy')")
        version = conn.execute("PRAGMA main.user_version").fetchone()[0]
        app_id = conn.execute("PRAGMA main.application_id").fetchone()[0]
        conn.execute(f"PRAGMA copy.user_version = {int(version)}")
        conn.execute(f"PRAGMA copy.application_id = {int(app_id)}")
        if conn.execute("PRAGMA copy.integrity_check").fetchone()[0] != "ok":
            raise JournalError(texts.LOCK_CONVERT_FAILED.format(path=target))
    finally:
        conn.execute("DETACH DATABASE copy")
    fd = os.open(target, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def _convert_in_place(path: Path, *, from_key: bytes | None, to_key: bytes | None,
                      before_rename: Any = None) -> None:
    """Replace ``path`` by a complete copy locked with ``to_key`` (None: plain).

    The copy is written under a temporary name by the kit's safe writer, checked,
    flushed and renamed over ``path`` while the old file is still held exclusively.
    """
    def check(temp: Path) -> None:
        if before_rename is not None:
            before_rename()

    with _alone(path, from_key) as conn, replacing(path, check=check) as temp:
        export_copy(conn, temp, to_key)


def _convert_backups(path: Path, *, want_locked: bool, key: bytes) -> int:
    """Lock (or unlock) every backup not yet in the wanted state; return how many."""
    done = 0
    for b in list_backups(path):
        if is_encrypted(b) == want_locked:
            continue
        if want_locked:
            _convert_in_place(b, from_key=None, to_key=key)
        elif key_opens(b, key):
            _convert_in_place(b, from_key=key, to_key=None)
        else:
            continue  # a foreign file in backups/: left exactly as it is
        done += 1
    return done


def lock_backups(path: Path, key: bytes) -> int:
    """Lock every backup of a locked journal that is still plain; return how many."""
    return _convert_backups(path, want_locked=True, key=key)


def encrypt(path: Path, passphrase: str) -> tuple[str, int]:
    """Lock a plain journal and its backups with ``passphrase``.

    Order (each step survives a kill): the key file is written, then a locked copy
    of the journal is renamed over it, then each backup is locked the same way.

    Returns:
        The recovery key, and how many backups were locked.

    Raises:
        JournalError: another notebook or command has the journal open.
        ValidationError: the passphrase is empty.
    """
    secret = check_passphrase(passphrase)
    data_key = os.urandom(KEY_BYTES)  # what secrets.token_bytes gives, without its imports
    # Nothing locked depends on a key file while the journal is plain: safe to replace.
    _convert_in_place(path, from_key=None, to_key=data_key,
                      before_rename=lambda: write_key_file(path, data_key, secret))
    return recovery_key(data_key), lock_backups(path, data_key)


def decrypt(path: Path, passphrase: str | None = None, recovery: str | None = None) -> int:
    """Unlock a journal for good; return how many backups were unlocked with it.

    Backups go first, then the journal, then the key file is removed: whatever is
    still locked after a kill still has its key file.

    Raises:
        JournalLocked: the passphrase (or recovery key) does not open it.
        JournalError: another notebook or command has the journal open.
    """
    if not is_encrypted(path):
        return 0
    key = unlock(path, passphrase, recovery)
    done = _convert_backups(path, want_locked=False, key=key)
    _convert_in_place(path, from_key=key, to_key=None)
    key_path(path).unlink(missing_ok=True)
    fsync_folder(path.parent)
    return done


def rewrap(path: Path, key: bytes, new: str) -> Path:
    """Wrap the data key with a ``new`` passphrase (only the key file changes); return it.

    Given the key from the recovery key, this also replaces a missing or damaged key file.
    """
    return write_key_file(path, key, check_passphrase(new, "new passphrase"))
