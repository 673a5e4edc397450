"""The key file's derivation at today's standard; older files re-wrapped; odd costs are damage."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from exback_kit import Journal, JournalError
from exback_kit.cli import main
from exback_kit.content import texts
from exback_kit.store import encryption, keys, locking

PW = "a long walk by the river"


@pytest.fixture(autouse=True)
def _no_secrets_in_env(monkeypatch):
    for name in (keys.PASSPHRASE_ENV, keys.NEW_PASSPHRASE_ENV, keys.RECOVERY_ENV):
        monkeypatch.delenv(name, raising=False)


def _journal(tmp_path: Path) -> Path:
    path = tmp_path / "journal.sqlite3"
    with Journal.open(path) as j:
        j.add_checkin(mood=4, note="rainy day")
    return path


def _doc(path: Path) -> dict:
    return json.loads(locking.key_path(path).read_text())


@pytest.mark.real_kdf
def test_the_products_scrypt_cost_is_owasps_minimum_or_more():
    """Read in a fresh process that no test hook touched: n >= 2**17, r = 8."""
    env = {k: v for k, v in os.environ.items() if k != "EXBACK_TESTS_SCRYPT_N"}
    out = subprocess.run([sys.executable, "-c", "from exback_kit.store import keys; "
                          "print(keys.SCRYPT_N, keys.SCRYPT_R, keys.SCRYPT_P)"],
                         env=env, capture_output=True, text=True, check=True, timeout=60)
    n, r, p = map(int, out.stdout.split())
    assert n >= 2**17 and n & (n - 1) == 0 and r == 8 and p == 1
    assert (n, r) == (keys.SCRYPT_N, keys.SCRYPT_R)  # a real_kdf test sees the same


@pytest.mark.real_kdf
def test_an_old_2_14_key_file_is_rewrapped_at_todays_cost_on_the_next_unlock(tmp_path,
                                                                             monkeypatch):
    path = _journal(tmp_path)
    today = keys.SCRYPT_N
    monkeypatch.setattr(keys, "SCRYPT_N", 2**14)  # what the kit wrote until this change
    recovery, _ = locking.encrypt(path, PW)
    monkeypatch.setattr(keys, "SCRYPT_N", today)
    old = _doc(path)
    assert old["n"] == 2**14
    key = locking.unlock(path, recovery=recovery)  # no passphrase: nothing to wrap with
    assert _doc(path) == old
    assert locking.unlock(path, PW) == key
    new = _doc(path)
    assert (new["n"], new["r"]) == (today, 8) and new["salt"] != old["salt"]
    assert locking.key_path(path).stat().st_mode & 0o777 == 0o600
    with Journal.open(path, passphrase=PW) as j:  # the same key: the journal still opens
        assert j.count("checkins") == 1
    assert locking.unlock(path, recovery=recovery) == key
    again = _doc(path)
    locking.unlock(path, PW)
    assert _doc(path) == again  # at today's cost: not wrapped again


def test_a_read_only_folder_still_opens_an_old_key_file(tmp_path, monkeypatch):
    path = _journal(tmp_path)
    monkeypatch.setattr(keys, "SCRYPT_N", 2**10)
    locking.encrypt(path, PW)
    monkeypatch.setattr(keys, "SCRYPT_N", 2**11)

    def read_only(*_a, **_k):
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(locking, "write_key_file", read_only)
    assert len(locking.unlock(path, PW)) == keys.KEY_BYTES
    assert _doc(path)["n"] == 2**10


@pytest.mark.parametrize("field,value", [
    ("r", 2**20), ("p", 2**20), ("n", 2**21), ("n", 2**20), ("n", 3000), ("n", 1), ("r", 0),
    ("p", True), ("n", "16384"), ("n", 2**18 * 2**18),
])
def test_a_key_file_with_an_impossible_cost_is_damaged_not_a_traceback(tmp_path, field, value,
                                                                       capsys):
    """The MAC can't be checked before deriving, so the cost itself must be sane first."""
    path = _journal(tmp_path)
    locking.encrypt(path, PW)
    doc = _doc(path)
    doc[field] = value
    locking.key_path(path).write_text(json.dumps(doc))
    with pytest.raises(JournalError, match="is damaged"):
        locking.unlock(path, PW)
    os.environ[keys.PASSPHRASE_ENV] = PW
    try:
        assert main(["checkin", "--mood", "5", "--journal", str(path)]) == 1
    finally:
        del os.environ[keys.PASSPHRASE_ENV]
    err = capsys.readouterr().err
    assert "is damaged" in err and "Traceback" not in err and "memory limit" not in err


@pytest.mark.parametrize("passphrase,weak", [
    ("a", True), ("sunflowers", True), ("relationships", True), ("Butterflies2024!", True),
    ("blue door, second floor", False), ("correct-horse-battery", False),
    ("tea at four on fridays", False),
])
def test_short_or_single_word_passphrases_are_weak(passphrase, weak):
    assert keys.weak_passphrase(passphrase) is weak


@pytest.mark.parametrize("passphrase,warned", [("a", True), ("blue door, second floor", False)])
def test_encrypt_warns_about_a_weak_passphrase_but_never_refuses_it(tmp_path, monkeypatch,
                                                                     capsys, passphrase, warned):
    path = _journal(tmp_path)
    monkeypatch.setenv(keys.PASSPHRASE_ENV, passphrase)
    assert main(["encrypt", "--journal", str(path)]) == 0
    assert encryption.is_encrypted(path)
    assert (texts.LOCK_WEAK_PASSPHRASE in capsys.readouterr().err) is warned
    monkeypatch.setenv(keys.NEW_PASSPHRASE_ENV, "sunflowers")
    assert main(["passphrase", "--journal", str(path)]) == 0  # a new one is advised too
    assert texts.LOCK_WEAK_PASSPHRASE in capsys.readouterr().err
    assert locking.unlock(path, "sunflowers")
