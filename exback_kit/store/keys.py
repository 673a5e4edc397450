"""Key material of a locked journal: passphrases, the recovery key and the key file.

The data key never sits on disk as it is: the key file beside the journal
(``journal.sqlite3.key``, mode 0600, JSON, versioned) keeps it wrapped by a key
derived from the passphrase with scrypt. The recovery key is the data key itself,
written in groups with a checksum, so it opens the journal even without the key file.

Why the wrap is written here rather than taken from a library: the standard library
has scrypt and HMAC but no cipher, and wrapping one random 32-byte key needs none.
Each wrap draws a fresh salt, so the 32 bytes scrypt gives for it are a one-time pad
(XOR), and a second 32 bytes key an HMAC-SHA256 over the parameters and the wrapped
key (encrypt-then-MAC). A wrong passphrase fails the MAC before SQLCipher ever sees
a key, so it never logs "hmac check failed" and no file is touched. Nothing here
imports SQLCipher.
"""

from __future__ import annotations

import json
from pathlib import Path

from exback_kit.content import texts
from exback_kit.errors import JournalError, JournalLocked, ValidationError
from exback_kit.store.files import replacing
from exback_kit.store.paths import key_file

TYPE_CHECKING = False  # as typing's, without importing typing at start-up
if TYPE_CHECKING:
    from typing import Any

# hashlib (OpenSSL), hmac, secrets, base64 and unicodedata are imported where they are
# used: a plain journal's check-in imports this module but never needs them (~4 ms).

#: Environment variables: the passphrase, a new one (``exback passphrase``), the recovery key.
PASSPHRASE_ENV = "EXBACK_PASSPHRASE"  # noqa: S105 (the variable's name, not a passphrase)
NEW_PASSPHRASE_ENV = "EXBACK_NEW_PASSPHRASE"  # noqa: S105 (same)
RECOVERY_ENV = "EXBACK_RECOVERY_KEY"
KEY_FILE_FORMAT = "exback-kit key file"
KEY_FILE_VERSION = 1
KEY_BYTES = 32
# scrypt cost: n=2**17, r=8 (128 MiB), OWASP's minimum for scrypt; age uses 2**18 and the
# sync folder's sealed key 2**19. About 0.45 s an unlock in a fresh process here: speed
# comes from not deriving at all (a remembered key, an unlocked `exback lab`), never from
# a cheaper derivation. Each key file records its own n, r and p; a file below this cost
# is re-wrapped at this cost the next time its passphrase opens it (see ``weaker``).
# Tests lower SCRYPT_N only by monkeypatching it (tests/conftest.py); the product has no
# setting, variable or argument that reaches it.
SCRYPT_N, SCRYPT_R, SCRYPT_P = 2**17, 8, 1
_SCRYPT_MAXMEM = 256 * 1024 * 1024
#: The largest cost a key file may name (any more is damage, not a choice the kit made):
#: n up to 2**20, r up to 32, p up to 16, and no more memory than _SCRYPT_MAXMEM.
_MAX_N, _MAX_R, _MAX_P = 2**20, 32, 16
#: The cipher profile a key file names (its SQLCipher settings live in locking.py).
CIPHER_PROFILE = 1
_CHECK_LABEL = b"exback-kit data key check"
_RECOVERY_GROUP = 5

# --- passphrases and the recovery key --------------------------------------------

def check_passphrase(passphrase: object, field: str = "passphrase") -> bytes:
    """Return the passphrase as bytes (Unicode NFC), refusing an empty one.

    Raises:
        ValidationError: the passphrase is empty, only spaces, or not text.
    """
    if not isinstance(passphrase, str) or not passphrase.strip():
        raise ValidationError(texts.LOCK_EMPTY_PASSPHRASE.format(field=field), field=field)
    import unicodedata
    return unicodedata.normalize("NFC", passphrase).encode("utf-8")


#: A passphrase shorter than this gets a warning (never a refusal).
PASSPHRASE_ADVISED_LENGTH = 12


def weak_passphrase(passphrase: str) -> bool:
    """Return True for a passphrase worth a warning: under 12 characters, or one word.

    "One word" is letters only, perhaps with a few digits or a mark at the end
    ("sunflowers", "Butterflies2024!"): a guesser tries dictionary words first. The kit
    ships no dictionary, so every single word counts, however rare.
    """
    import re

    text = passphrase.strip()
    if len(text) < PASSPHRASE_ADVISED_LENGTH:
        return True
    return re.fullmatch(r"[^\W\d_]+\d{0,4}[^\w\s]{0,2}", text) is not None


def recovery_key(data_key: bytes) -> str:
    """Return the recovery key for ``data_key``: base32 groups ending in a 2-byte checksum."""
    import base64
    import hashlib
    raw = data_key + hashlib.sha256(data_key).digest()[:2]
    letters = base64.b32encode(raw).decode("ascii").rstrip("=")
    return "-".join(letters[i:i + _RECOVERY_GROUP]
                    for i in range(0, len(letters), _RECOVERY_GROUP))


def parse_recovery_key(text: str) -> bytes:
    """Return the data key written in a recovery key (spaces, dashes and case don't matter).

    Raises:
        ValidationError: it is not a recovery key, or a character is mistyped.
    """
    import base64
    import hashlib
    letters = "".join(ch for ch in str(text).upper() if ch.isalnum())
    try:
        raw = base64.b32decode(letters + "=" * (-len(letters) % 8))
    except ValueError:
        raw = b""
    if len(raw) != KEY_BYTES + 2 or hashlib.sha256(raw[:KEY_BYTES]).digest()[:2] != raw[-2:]:
        raise ValidationError(texts.LOCK_BAD_RECOVERY_KEY, field="recovery key")
    return raw[:KEY_BYTES]


# --- the key file ------------------------------------------------------------------

def scrypt_cost_allowed(n: object, r: object, p: object) -> bool:
    """Return True for scrypt parameters a kit key file can hold (n a power of two, in bounds).

    Anything else (r or p of 2**20, say, which would ask for terabytes) is a damaged file:
    refused before scrypt runs, so it never turns into a memory error.
    """
    if not (type(n) is int and type(r) is int and type(p) is int):  # JSON true is not 1
        return False
    if not (2 <= n <= _MAX_N and n & (n - 1) == 0 and 0 < r <= _MAX_R and 0 < p <= _MAX_P):
        return False
    return 128 * r * (n + 2 + p) <= _SCRYPT_MAXMEM  # what OpenSSL's scrypt allocates


def weaker(doc: dict[str, Any]) -> bool:
    """Return True when a key file was wrapped at less than today's scrypt cost."""
    return bool(doc["n"] < SCRYPT_N or doc["r"] < SCRYPT_R)


def _derive(passphrase: bytes, salt: bytes, n: int, r: int, p: int) -> tuple[bytes, bytes]:
    import hashlib
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
    import hmac
    import secrets
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
    kpath = key_file(journal_path)
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
        if doc["kdf"] != "scrypt" or not scrypt_cost_allowed(doc["n"], doc["r"], doc["p"]):
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
    import hmac
    try:
        pad, mac_key = _derive(passphrase, bytes.fromhex(doc["salt"]), doc["n"], doc["r"],
                               doc["p"])
    except (ValueError, MemoryError):  # a cost scrypt refuses here: not a file the kit wrote
        raise JournalError(texts.LOCK_KEY_FILE_DAMAGED.format(
            key_file=key_file(journal_path))) from None
    mac = hmac.new(mac_key, _mac_input(doc), "sha256").hexdigest()
    if not hmac.compare_digest(mac, doc["mac"]):
        raise JournalLocked(texts.LOCK_WRONG_PASSPHRASE.format(path=journal_path))
    return _xor(bytes.fromhex(doc["wrapped"]), pad)


def key_matches(doc: dict[str, Any], data_key: bytes) -> bool:
    """Return True when ``data_key`` is the one the key file wraps."""
    import hmac
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
    kpath = key_file(journal_path)
    doc = wrap(data_key, passphrase)
    write_atomic(kpath, (json.dumps(doc, indent=1) + "\n").encode("utf-8"))
    return kpath


