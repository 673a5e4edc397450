"""The data key in the OS keyring (store/remembered.py): what is kept, and no keyring at all."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import keyring
import pytest
from keyring.backend import KeyringBackend
from keyring.backends import fail, null
from keyring.errors import KeyringLocked
from memory_keyring import MemoryKeyring

from exback_kit import Journal
from exback_kit.errors import JournalLocked
from exback_kit.store import keys, locking, remembered

PW = "the lamp by the window"


class LockedKeyring(MemoryKeyring):
    """A keyring the person did not unlock: every use fails."""

    def get_password(self, service: str, username: str) -> str | None:
        raise KeyringLocked("locked")

    def set_password(self, service: str, username: str, password: str) -> None:
        raise KeyringLocked("locked")


def _use(backend: KeyringBackend) -> Iterator[KeyringBackend]:
    before = keyring.get_keyring()
    keyring.set_keyring(backend)
    try:
        yield backend
    finally:  # even when an assert inside the loop fails, later tests get the old backend
        keyring.set_keyring(before)


@pytest.fixture
def ring() -> Iterator[KeyringBackend]:
    yield from _use(MemoryKeyring())


@pytest.fixture
def locked(tmp_path: Path, monkeypatch) -> tuple[Path, bytes]:
    monkeypatch.setattr(keys, "SCRYPT_N", 2**10)
    for name in (keys.PASSPHRASE_ENV, keys.RECOVERY_ENV):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setattr(remembered, "_GIVEN", {})
    path = tmp_path / "journal.sqlite3"
    with Journal.open(path) as j:
        j.add_checkin(mood=6)
    locking.encrypt(path, PW)
    return path, locking.unlock(path, PW)


def test_the_data_key_is_kept_under_the_kit_and_the_resolved_path_never_the_passphrase(
        ring, locked, monkeypatch):
    path, key = locked
    monkeypatch.chdir(path.parent)
    assert remembered.remember(Path(path.name), key)  # a relative path names the same journal
    assert ring.entries == {(remembered.SERVICE, str(path.resolve())): key.hex()}
    assert PW not in str(ring.entries)
    assert remembered.recall(path) == key


def test_a_key_that_no_longer_opens_the_journal_is_not_offered(ring, locked):
    """Locked anew (a new data key): the old entry is ignored and the passphrase is asked."""
    path, key = locked
    remembered.remember(path, key)
    locking.decrypt(path, PW)
    locking.encrypt(path, PW)
    assert remembered.recall(path) is None
    ring.entries[(remembered.SERVICE, str(path.resolve()))] = "not hex at all"
    assert remembered.recall(path) is None


def test_forget_removes_the_entry_and_says_whether_there_was_one(ring, locked):
    path, key = locked
    assert remembered.forget(path) is False
    remembered.remember(path, key)
    assert remembered.forget(path) is True
    assert ring.entries == {} and remembered.recall(path) is None


class PlainFileKeyring(MemoryKeyring):
    """Stands for keyrings.alt's PlaintextKeyring: entries in a plain file on the disk."""


PlainFileKeyring.__module__ = "keyrings.alt.file"


class ForgetfulKeyring(MemoryKeyring):
    """Takes an entry without an error and keeps nothing (like a misbehaving backend)."""

    def set_password(self, service: str, username: str, password: str) -> None:
        pass


@pytest.mark.parametrize("backend", [fail.Keyring, null.Keyring, PlainFileKeyring,
                                     LockedKeyring, ForgetfulKeyring],
                         ids=["no keyring", "keyring disabled", "a plain file on the disk",
                              "a keyring that refuses", "a keyring that keeps nothing"])
def test_without_a_usable_keyring_nothing_is_kept_and_nothing_raises(locked, backend):
    path, key = locked
    for _ in _use(backend()):
        usable = backend in (LockedKeyring, ForgetfulKeyring)  # there, but it doesn't keep it
        assert remembered.available() is usable
        assert remembered.remember(path, key) is False
        assert remembered.recall(path) is None
        assert remembered.forget(path) is False
        with Journal.open(path, passphrase=PW) as j:  # the passphrase works as before
            assert j.count("checkins") == 1


def test_a_key_given_to_the_process_opens_the_journal_without_a_passphrase(locked):
    path, key = locked
    with pytest.raises(JournalLocked):
        Journal.open(path)
    remembered.give(path, key)
    with Journal.open(path) as j:
        assert j.count("checkins") == 1
