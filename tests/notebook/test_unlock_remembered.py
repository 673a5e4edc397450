"""A notebook opened any other way takes a key the person chose to remember in the OS keyring."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import keyring
import pytest
from keyring.backends import fail
from memory_keyring import MemoryKeyring

from exback_kit import Journal, stages
from exback_kit.content import texts
from exback_kit.notebook import session as stageview
from exback_kit.store import handoff, keys, locking, remembered

from .test_unlock import having
from .widget_tree import words

PW = "the kettle on the stove"


@pytest.fixture(autouse=True)
def _fresh(monkeypatch) -> Iterator[None]:
    monkeypatch.setattr(keys, "SCRYPT_N", 2**10)
    for name in (keys.PASSPHRASE_ENV, keys.RECOVERY_ENV, handoff.KEY_HANDOFF_ENV):
        monkeypatch.delenv(name, raising=False)
    before = keyring.get_keyring()
    stageview.reset()
    yield
    stageview.reset()
    keyring.set_keyring(before)


@pytest.fixture
def locked(tmp_path: Path, monkeypatch) -> Path:
    path = tmp_path / "journal.sqlite3"
    with Journal.open(path) as j:
        j.add_checkin(mood=6)
    locking.encrypt(path, PW)
    monkeypatch.setenv(stageview.JOURNAL_ENV, str(path))
    return path


def test_a_remembered_key_opens_the_notebook_and_lock_now_still_locks_it(locked):
    keyring.set_keyring(MemoryKeyring())
    assert remembered.remember(locked, locking.unlock(locked, PW))
    header = stages.header("00_start_here")
    assert not having(header, "exback-unlock")
    assert stages.journal().count("checkins") == 1
    having(header, "exback-lock-now")[0].click()  # the keyring is not asked again here
    assert stageview.session().locked()
    assert having(header, "exback-unlock")


def test_without_a_keyring_the_notebook_asks_for_the_passphrase(locked):
    keyring.set_keyring(fail.Keyring())
    header = stages.header("00_start_here")
    assert having(header, "exback-unlock")
    assert stageview.session().locked()


def test_lock_now_says_the_keyring_still_remembers_the_key(locked):
    """Lock now can't be mistaken for final while the keyring would unlock the next notebook."""
    keyring.set_keyring(MemoryKeyring())
    assert remembered.remember(locked, locking.unlock(locked, PW))
    header = stages.header("00_start_here")
    having(header, "exback-lock-now")[0].click()
    assert texts.NB_LOCKED_AGAIN_REMEMBERED in words(header)
    assert "exback remember --forget" in texts.NB_LOCKED_AGAIN_REMEMBERED


class CountingKeyring(MemoryKeyring):
    asked = 0

    def get_password(self, service: str, username: str) -> str | None:
        type(self).asked += 1
        return super().get_password(service, username)


def test_a_locked_page_asks_the_keyring_once_not_once_per_part(locked):
    """Each ask can be a keychain prompt; a page of ten parts asks once."""
    CountingKeyring.asked = 0
    keyring.set_keyring(CountingKeyring())
    for stage in ("00_start_here", "04_holding_steady"):
        stages.show(stage)
    assert stageview.session().locked()
    assert CountingKeyring.asked == 1


def test_a_recovery_key_in_the_environment_is_used_before_the_keyring(locked, monkeypatch):
    ring = CountingKeyring()
    keyring.set_keyring(ring)
    assert remembered.remember(locked, locking.unlock(locked, PW))
    monkeypatch.setenv(keys.RECOVERY_ENV, "the person's recovery key")
    CountingKeyring.asked = 0
    assert stageview.session()._remembered(locked) is None
    assert CountingKeyring.asked == 0
