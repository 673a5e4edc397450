"""A locked journal's data key kept in the OS keyring, only when the person asks.

What is kept: the unwrapped data key (hex) under the service :data:`SERVICE`, with
the journal's resolved path as the user name. Never the passphrase: changing the
passphrase leaves the entry valid (the data key stays the same), and the entry
cannot be turned back into the passphrase. Anyone who can use this login's keyring
can then open the journal without typing anything; that is what remembering means.

Where no keyring exists (a headless Linux: keyring's ``fail`` backend), or the one
there keeps nothing (``null``) or keeps it in a plain file (``keyrings.alt``'s file
backends, which would leave the unlocked key on the disk the lock protects), nothing is
kept, and every function here says so by its return value instead of raising: the
passphrase keeps working as before.

``keyring`` is imported inside these functions only, and they are called only for a
locked journal opened without ``EXBACK_PASSPHRASE``: the plain ``exback checkin``
never loads it. This module also holds the keys this process took from the keyring
(:func:`give` / :func:`given`), which :func:`locking.data_key_for` uses.
"""

from __future__ import annotations

from pathlib import Path

from exback_kit.errors import JournalError
from exback_kit.store.keys import KEY_BYTES, key_matches, read_key_file

TYPE_CHECKING = False  # as typing's, without importing typing at start-up
if TYPE_CHECKING:
    from typing import Any

#: The keyring's service name for every journal's entry (the user name is the path).
SERVICE = "exback-kit"

_GIVEN: dict[Path, bytes] = {}


def _user(path: Path) -> str:
    return str(Path(path).resolve())


#: Backends that keep nothing, or keep it in a plain file (which would put the unlocked key
#: on the disk the lock protects): treated as no keyring at all.
_REFUSED = ("keyring.backends.fail.", "keyring.backends.null.", "keyrings.alt.file.")


def _storing(backend: Any) -> Any:
    """Return the backend an entry would be written to (a chainer writes to its first)."""
    chained = getattr(type(backend), "backends", None)
    if type(backend).__name__ == "ChainerBackend" and chained:
        return chained[0]
    return backend


def _keyring() -> Any:
    """Return the keyring module with a usable backend, or None (not installed, or none)."""
    try:
        import keyring
    except ImportError:
        return None
    try:
        backend = _storing(keyring.get_keyring())
    except Exception:  # a broken backend configuration: behave as if there is none
        return None
    name = f"{type(backend).__module__}.{type(backend).__qualname__}"
    return None if name.startswith(_REFUSED) else keyring


def _errors() -> tuple[type[Exception], ...]:
    from keyring.errors import KeyringError

    return (KeyringError, OSError)


def available() -> bool:
    """Return True when this computer has a keyring the kit can keep a key in."""
    return _keyring() is not None


def remember(path: Path, key: bytes) -> bool:
    """Keep ``key`` for the journal at ``path`` in the keyring; False if there is none."""
    keyring = _keyring()
    if keyring is None:
        return False
    try:
        keyring.set_password(SERVICE, _user(path), key.hex())
        kept = keyring.get_password(SERVICE, _user(path)) == key.hex()  # read it back
    except _errors():
        return False
    return kept


def recall(path: Path) -> bytes | None:
    """Return the remembered data key of the journal at ``path``, or None.

    None also when the keyring has none, or the key no longer matches the key file
    (the journal was locked anew since): then the passphrase is asked as usual.
    """
    keyring = _keyring()
    if keyring is None:
        return None
    try:
        found = keyring.get_password(SERVICE, _user(path))
    except _errors():
        return None
    try:
        key = bytes.fromhex(found) if isinstance(found, str) else b""
        ok = len(key) == KEY_BYTES and key_matches(read_key_file(path), key)
    except (ValueError, JournalError):
        ok = False
    return key if ok else None


def forget(path: Path) -> bool:
    """Remove the remembered key of the journal at ``path``; True if one was removed."""
    keyring = _keyring()
    if keyring is None:
        return False
    try:
        if keyring.get_password(SERVICE, _user(path)) is None:
            return False
        keyring.delete_password(SERVICE, _user(path))
    except _errors():
        return False
    _GIVEN.pop(Path(_user(path)), None)
    return True


def give(path: Path, key: bytes) -> None:
    """Let this process open the journal at ``path`` with ``key`` (taken from the keyring)."""
    _GIVEN[Path(_user(path))] = key


def given(path: Path) -> bytes | None:
    """Return the key :func:`give` left for the journal at ``path``, or None."""
    return _GIVEN.get(Path(_user(path))) if _GIVEN else None
