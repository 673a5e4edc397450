"""The locked journal: key files, passphrases, the recovery key and converting a journal.

A locked journal is a SQLCipher database opened with a random 256-bit **data key**
(``PRAGMA key = "x'…'"``). The data key never sits on disk as it is: the key file
beside the journal (``journal.sqlite3.key``, mode 0600) keeps it wrapped by a key
derived from the passphrase with scrypt. Changing the passphrase rewrites only the
key file. The **recovery key** shown once when locking is the data key itself,
written in groups with a checksum, so it opens the journal even when the key file
is lost or damaged.

Why the wrap is written here rather than taken from a library: the standard library
has scrypt and HMAC but no cipher, and wrapping one random 32-byte key needs none.
Each wrap draws a fresh salt, so the 32 bytes scrypt gives for it are a one-time pad
(XOR), and a second 32 bytes key an HMAC-SHA256 over the parameters and the wrapped
key (encrypt-then-MAC). A wrong passphrase fails the MAC before SQLCipher ever sees
a key, so it never logs "hmac check failed" and no file is touched.

Whether a journal is locked is read from the file's first bytes (a plain SQLite file
starts with ``SQLite format 3``), never from the key file being there: a conversion
killed halfway may leave a plain journal beside a key file, and it still opens.
This module imports ``sqlcipher3`` only when a locked journal is used.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import json
import os
import secrets
import unicodedata
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Any

from exback_kit.content import texts
from exback_kit.errors import JournalError, JournalLocked, ValidationError
from exback_kit.store.files import fsync_folder, make_private_folder, replacing
from exback_kit.store.header import SQLITE_HEADER
from exback_kit.store.paths import journal_files, key_file

if TYPE_CHECKING:
    from types import ModuleType

#: Environment variables: the passphrase, a new one (``exback passphrase``), the recovery key.
PASSPHRASE_ENV = "EXBACK_PASSPHRASE"  # noqa: S105 (the variable's name, not a passphrase)
NEW_PASSPHRASE_ENV = "EXBACK_NEW_PASSPHRASE"  # noqa: S105 (same)
RECOVERY_ENV = "EXBACK_RECOVERY_KEY"
#: Names the 0600 file through which `exback lab` / `app` hand the data key to kernels.
KEY_HANDOFF_ENV = "EXBACK_KEY_FILE"

KEY_FILE_FORMAT = "exback-kit key file"
KEY_FILE_VERSION = 1
KEY_BYTES = 32
# scrypt cost: about 0.1 s an unlock on the development machine (n=2**15, r=8: 32 MiB).
SCRYPT_N, SCRYPT_R, SCRYPT_P = 2**15, 8, 1
_SCRYPT_MAXMEM = 256 * 1024 * 1024
#: SQLCipher settings of cipher profile 1, run after the key on every connection.
#: HMAC_SHA256 and 1 KiB pages keep a save near a plain one; SQLCipher's defaults
#: (HMAC_SHA512, 4 KiB) cost ~30 µs more a commit (see benchmarks/README.md).
CIPHER_PROFILE = 1
PAGE_SIZE = 1024
CIPHER_PRAGMAS = (f"PRAGMA cipher_page_size = {PAGE_SIZE}",
                  "PRAGMA cipher_hmac_algorithm = HMAC_SHA256")
_CHECK_LABEL = b"exback-kit data key check"
_RECOVERY_GROUP = 5


# --- is it locked? -------------------------------------------------------------------

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


def key_path(journal_path: Path) -> Path:
    """Return the key file of a journal: ``<journal path>.key`` (see ``paths.key_file``)."""
    return key_file(journal_path)



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


def check_locked_copy(path: Path, key: bytes) -> bool:
    """Return True when ``key`` opens the copy at ``path`` and it is a whole kit journal."""
    from exback_kit.store.header import APPLICATION_ID

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


def cipher() -> ModuleType:
    """Return SQLCipher's DB-API module (imported only for locked journals)."""
    from sqlcipher3 import dbapi2

    return dbapi2


def db_errors() -> tuple[type[Exception], ...]:
    """Return the DB-API error classes in use: sqlite3's, and SQLCipher's once it is loaded.

    SQLCipher's exceptions are its own classes, so ``except sqlite3.Error`` misses them.
    """
    import sqlite3
    import sys

    module = sys.modules.get("sqlcipher3.dbapi2")
    return (sqlite3.Error, module.Error) if module is not None else (sqlite3.Error,)


def keyed(conn: Any, key: bytes) -> Any:
    """Give an open SQLCipher connection its data key and settings; return it."""
    conn.execute(f"PRAGMA key = \"x'{key.hex()}'\"")
    for pragma in CIPHER_PRAGMAS:
        conn.execute(pragma)
    return conn


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


# --- passphrases and the recovery key --------------------------------------------

def check_passphrase(passphrase: object, field: str = "passphrase") -> bytes:
    """Return the passphrase as bytes (Unicode NFC), refusing an empty one.

    Raises:
        ValidationError: the passphrase is empty, only spaces, or not text.
    """
    if not isinstance(passphrase, str) or not passphrase.strip():
        raise ValidationError(texts.LOCK_EMPTY_PASSPHRASE.format(field=field), field=field)
    return unicodedata.normalize("NFC", passphrase).encode("utf-8")


def recovery_key(data_key: bytes) -> str:
    """Return the recovery key for ``data_key``: base32 groups ending in a 2-byte checksum."""
    raw = data_key + hashlib.sha256(data_key).digest()[:2]
    letters = base64.b32encode(raw).decode("ascii").rstrip("=")
    return "-".join(letters[i:i + _RECOVERY_GROUP]
                    for i in range(0, len(letters), _RECOVERY_GROUP))


def parse_recovery_key(text: str) -> bytes:
    """Return the data key written in a recovery key (spaces, dashes and case don't matter).

    Raises:
        ValidationError: it is not a recovery key, or a character is mistyped.
    """
    letters = "".join(ch for ch in str(text).upper() if ch.isalnum())
    try:
        raw = base64.b32decode(letters + "=" * (-len(letters) % 8))
    except ValueError:
        raw = b""
    if len(raw) != KEY_BYTES + 2 or hashlib.sha256(raw[:KEY_BYTES]).digest()[:2] != raw[-2:]:
        raise ValidationError(texts.LOCK_BAD_RECOVERY_KEY, field="recovery key")
    return raw[:KEY_BYTES]


# --- the key file ------------------------------------------------------------------

def _derive(passphrase: bytes, salt: bytes, n: int, r: int, p: int) -> tuple[bytes, bytes]:
    out = hashlib.scrypt(passphrase, salt=salt, n=n, r=r, p=p, maxmem=_SCRYPT_MAXMEM,
                         dklen=2 * KEY_BYTES)
    return out[:KEY_BYTES], out[KEY_BYTES:]


def _xor(a: bytes, b: bytes) -> bytes:
    return bytes(x ^ y for x, y in zip(a, b, strict=True))


def _mac_input(doc: dict[str, Any]) -> bytes:
    fields = {k: doc[k] for k in ("format", "version", "cipher", "kdf", "n", "r", "p", "salt",
                                  "wrapped", "check")}
    return json.dumps(fields, sort_keys=True).encode("utf-8")


def wrap(data_key: bytes, passphrase: bytes) -> dict[str, Any]:
    """Return the key file's contents: ``data_key`` wrapped by ``passphrase``."""
    salt = secrets.token_bytes(16)
    pad, mac_key = _derive(passphrase, salt, SCRYPT_N, SCRYPT_R, SCRYPT_P)
    doc: dict[str, Any] = {
        "format": KEY_FILE_FORMAT, "version": KEY_FILE_VERSION, "cipher": CIPHER_PROFILE,
        "kdf": "scrypt", "n": SCRYPT_N, "r": SCRYPT_R, "p": SCRYPT_P, "salt": salt.hex(),
        "wrapped": _xor(data_key, pad).hex(),
        "check": hmac.new(data_key, _CHECK_LABEL, "sha256").hexdigest(),
    }
    doc["mac"] = hmac.new(mac_key, _mac_input(doc), "sha256").hexdigest()
    return doc


def read_key_file(journal_path: Path) -> dict[str, Any]:
    """Return the journal's key file, checked for shape (not yet for the passphrase).

    Raises:
        JournalError: the key file is missing, damaged, or from a newer kit.
    """
    kpath = key_path(journal_path)
    try:
        doc = json.loads(kpath.read_bytes().decode("utf-8"))
    except FileNotFoundError:
        raise JournalError(texts.LOCK_KEY_FILE_MISSING.format(
            path=journal_path, key_file=kpath)) from None
    except (OSError, UnicodeDecodeError, ValueError):
        raise JournalError(texts.LOCK_KEY_FILE_DAMAGED.format(key_file=kpath)) from None
    try:
        if doc["format"] != KEY_FILE_FORMAT:
            raise ValueError
        if int(doc["version"]) > KEY_FILE_VERSION or int(doc["cipher"]) > CIPHER_PROFILE:
            raise JournalError(texts.LOCK_KEY_FILE_NEWER.format(key_file=kpath))
        if doc["kdf"] != "scrypt" or not all(isinstance(doc[k], int) and 0 < doc[k] <= 2**20
                                             for k in ("n", "r", "p")):
            raise ValueError
        for name, size in (("salt", 16), ("wrapped", KEY_BYTES), ("check", 32), ("mac", 32)):
            if len(bytes.fromhex(doc[name])) != size:
                raise ValueError
    except (KeyError, TypeError, ValueError, AttributeError):
        raise JournalError(texts.LOCK_KEY_FILE_DAMAGED.format(key_file=kpath)) from None
    return dict(doc)


def unwrap(doc: dict[str, Any], passphrase: bytes, journal_path: Path) -> bytes:
    """Return the data key in a key file, or refuse a wrong passphrase.

    Raises:
        JournalLocked: the passphrase does not open it (nothing was touched).
    """
    pad, mac_key = _derive(passphrase, bytes.fromhex(doc["salt"]), doc["n"], doc["r"], doc["p"])
    mac = hmac.new(mac_key, _mac_input(doc), "sha256").hexdigest()
    if not hmac.compare_digest(mac, doc["mac"]):
        raise JournalLocked(texts.LOCK_WRONG_PASSPHRASE.format(path=journal_path))
    return _xor(bytes.fromhex(doc["wrapped"]), pad)


def key_matches(doc: dict[str, Any], data_key: bytes) -> bool:
    """Return True when ``data_key`` is the one the key file wraps."""
    check = hmac.new(data_key, _CHECK_LABEL, "sha256").hexdigest()
    return hmac.compare_digest(check, str(doc["check"]))


def write_atomic(target: Path, data: bytes) -> None:
    """Write ``data`` to ``target`` (mode 0600) through the kit's one safe writer.

    A kill at any moment leaves either the old file or the new one, never half of one.
    """
    with replacing(target) as temp:
        temp.write_bytes(data)


def write_key_file(journal_path: Path, data_key: bytes, passphrase: bytes) -> Path:
    """Write (or replace) the journal's key file; return its path."""
    kpath = key_path(journal_path)
    doc = wrap(data_key, passphrase)
    write_atomic(kpath, (json.dumps(doc, indent=1) + "\n").encode("utf-8"))
    return kpath


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
        passphrase = os.environ.get(PASSPHRASE_ENV)
        recovery = os.environ.get(RECOVERY_ENV) if passphrase is None else None
    if passphrase is None and recovery is None:
        raise JournalLocked(texts.LOCK_LOCKED.format(path=journal_path))
    if recovery is not None:
        data_key = parse_recovery_key(recovery)
        kpath = key_path(journal_path)
        ok = (key_matches(read_key_file(journal_path), data_key) if kpath.exists()
              else key_opens(journal_path, data_key))
        if not ok:
            raise JournalLocked(texts.LOCK_WRONG_RECOVERY_KEY.format(path=journal_path))
        return data_key
    secret = check_passphrase(passphrase)
    return unwrap(read_key_file(journal_path), secret, journal_path)


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


def _backups_of(path: Path) -> list[Path]:
    from exback_kit.store.backups import list_backups

    return list_backups(path)


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
    for b in _backups_of(path):
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
    data_key = secrets.token_bytes(KEY_BYTES)
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


# --- handing the key to notebook kernels -------------------------------------------

def runtime_dir() -> Path:
    """Return the per-user runtime folder (mode 0700) for key hand-off files."""
    import platformdirs

    folder = platformdirs.user_runtime_path("exback-kit", appauthor=False)
    make_private_folder(folder)
    folder.chmod(0o700)
    return folder


def _sweep_handoffs(folder: Path) -> None:
    """Remove hand-off files whose server is gone (killed before it could remove its own)."""
    for old in folder.glob("key-*.json"):
        try:
            pid = int(json.loads(old.read_text(encoding="utf-8"))["pid"])
            os.kill(pid, 0)
        except ProcessLookupError:
            old.unlink(missing_ok=True)
        except (OSError, ValueError, KeyError, TypeError):
            continue


def write_handoff(journal_path: Path, key: bytes) -> Path:
    """Write the data key for kernels to a fresh 0600 file; return its path."""
    folder = runtime_dir()
    _sweep_handoffs(folder)
    target = folder / f"key-{secrets.token_hex(8)}.json"
    doc = {"journal": str(journal_path.resolve()), "key": key.hex(), "pid": os.getpid()}
    fd = os.open(target, os.O_CREAT | os.O_EXCL | os.O_WRONLY, 0o600)
    with os.fdopen(fd, "w", encoding="utf-8") as fh:
        json.dump(doc, fh)
    return target


def read_handoff(journal_path: Path) -> bytes | None:
    """Return the key handed over by `exback lab` / `app` for this journal, or None."""
    name = os.environ.get(KEY_HANDOFF_ENV)
    if not name:
        return None
    try:
        doc = json.loads(Path(name).read_text(encoding="utf-8"))
        if Path(doc["journal"]) != journal_path.resolve():
            return None
        key = bytes.fromhex(doc["key"])
    except (OSError, ValueError, KeyError, TypeError):
        return None
    return key if len(key) == KEY_BYTES else None
