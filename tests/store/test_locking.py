"""The locked journal in the store: key files, passphrases, the recovery key, conversion."""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import sqlite3
import subprocess
import sys
from pathlib import Path

import pandas as pd
import pytest

from exback_kit import Journal, JournalError, ValidationError
from exback_kit.errors import JournalLocked
from exback_kit.interchange.kit_files import snapshot
from exback_kit.store import encryption, handoff, keys, locking, migrations, sqlite_header
from exback_kit.store import journal as journal_module
from exback_kit.store.sqlite_header import APPLICATION_ID

DATA = Path(__file__).parents[1] / "data"
PW = "a long walk by the river"


@pytest.fixture(autouse=True)
def _no_passphrase_in_env(monkeypatch):
    for name in (keys.PASSPHRASE_ENV, keys.NEW_PASSPHRASE_ENV, keys.RECOVERY_ENV,
                 handoff.KEY_HANDOFF_ENV):
        monkeypatch.delenv(name, raising=False)


def _fill(j: Journal) -> None:
    j.add_checkin(mood=4, energy=3, sleep_hours=6.5, habits=["exercise"], note="rainy day",
                  at="2026-03-01T08:00")
    j.add_checkin(mood=7, note="", at="2026-03-02T21:30")
    j.log_contact(initiated_by="them", logistics=True, note="the keys", at="2026-03-02T12:00")
    j.log_urge(intensity=8, trigger="late night", helped="a walk", at="2026-03-03T23:40")
    j.save_answer(1, "love_now", "not sure", at="2026-03-03T10:00")
    j.set_setting("crisis_contacts", [{"name": "a line", "detail": "123"}])


def _locked(tmp_path: Path, name: str = "journal.sqlite3") -> tuple[Path, str]:
    path = tmp_path / name
    with Journal.open(path) as j:
        _fill(j)
    recovery, _ = locking.encrypt(path, PW)
    return path, recovery


def _fingerprint(folder: Path) -> dict[str, str]:
    """Every file under ``folder`` with a hash of its bytes."""
    return {str(p.relative_to(folder)): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(folder.rglob("*")) if p.is_file()}


# --- opening -------------------------------------------------------------------------

def test_locked_journal_starts_with_random_bytes_not_the_sqlite_header(tmp_path):
    path, _ = _locked(tmp_path)
    assert path.read_bytes()[:16] != sqlite_header.SQLITE_HEADER
    assert encryption.is_encrypted(path)
    assert locking.key_path(path).stat().st_mode & 0o777 == 0o600
    assert path.stat().st_mode & 0o777 == 0o600


def test_locked_journal_opened_without_a_passphrase_says_it_is_locked(tmp_path):
    path, _ = _locked(tmp_path)
    before = _fingerprint(tmp_path)
    with pytest.raises(JournalLocked, match="is locked with a passphrase"):
        Journal.open(path)
    assert _fingerprint(tmp_path) == before


def test_passphrase_comes_from_the_environment_when_not_given(tmp_path, monkeypatch):
    path, _ = _locked(tmp_path)
    monkeypatch.setenv(keys.PASSPHRASE_ENV, PW)
    with Journal.open(path) as j:
        assert j.encrypted and j.count("checkins") == 2


def test_a_passphrase_given_for_a_plain_journal_is_ignored(tmp_path):
    with Journal.open(tmp_path / "j.sqlite3", passphrase="anything") as j:
        j.add_checkin(mood=5)
        assert not j.encrypted
    assert (tmp_path / "j.sqlite3").read_bytes()[:16] == sqlite_header.SQLITE_HEADER
    assert not locking.key_path(tmp_path / "j.sqlite3").exists()


def test_locked_journal_reads_the_same_rows_and_types_as_the_plain_one(tmp_path):
    plain = tmp_path / "plain.sqlite3"
    with Journal.open(plain) as j:
        _fill(j)
        expected = {kind: j.table(kind) for kind in ("checkins", "contacts", "urges", "answers")}
        records = j.records("checkins")
    shutil.copy(plain, tmp_path / "locked.sqlite3")
    locking.encrypt(tmp_path / "locked.sqlite3", PW)
    with Journal.open(tmp_path / "locked.sqlite3", passphrase=PW) as j:
        for kind, frame in expected.items():
            pd.testing.assert_frame_equal(j.table(kind), frame)
        assert j.records("checkins") == records
        assert j.get_setting("crisis_contacts") == [{"name": "a line", "detail": "123"}]


def test_reading_a_locked_table_gives_no_pandas_warning(tmp_path, recwarn):
    path, _ = _locked(tmp_path)
    with Journal.open(path, passphrase=PW) as j:
        j.table("checkins")
    assert not [w for w in recwarn if "SQLAlchemy" in str(w.message)]


def test_a_plain_journal_never_imports_sqlcipher(tmp_path):
    code = ("import sys; from exback_kit import Journal; "
            f"j = Journal.open({str(tmp_path / 'j.sqlite3')!r}); j.add_checkin(mood=5); "
            "j.table('checkins'); j.backup(); j.close(); "
            "print('sqlcipher3' in sys.modules)")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                         check=True)
    assert out.stdout.strip() == "False"


# --- bad input --------------------------------------------------------------------------

def test_wrong_passphrase_is_refused_and_every_file_stays_byte_identical(tmp_path):
    path, _ = _locked(tmp_path)
    with Journal.open(path, passphrase=PW) as j:
        j.backup()
    before = _fingerprint(tmp_path)
    with pytest.raises(JournalLocked, match="doesn't open"):
        Journal.open(path, passphrase="a long walk by the rivers")
    with pytest.raises(JournalLocked):
        locking.decrypt(path, "wrong")
    with pytest.raises(JournalLocked):
        locking.rewrap(path, locking.unlock(path, "wrong"), "new one")
    assert _fingerprint(tmp_path) == before


def test_wrong_passphrase_is_caught_before_sqlcipher_logs_anything(tmp_path):
    path, _ = _locked(tmp_path)
    code = ("from exback_kit import Journal\n"
            f"try: Journal.open({str(path)!r}, passphrase='wrong')\n"
            "except Exception as exc: print(type(exc).__name__)\n")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                         check=True)
    assert out.stdout.strip() == "JournalLocked"
    assert "hmac" not in out.stderr.lower() and out.stderr == ""


@pytest.mark.parametrize("empty", ["", "   ", "\n"])
def test_an_empty_passphrase_is_refused_and_nothing_changes(tmp_path, empty):
    path = tmp_path / "j.sqlite3"
    with Journal.open(path) as j:
        j.add_checkin(mood=5)
    before = _fingerprint(tmp_path)
    with pytest.raises(ValidationError, match="empty passphrase"):
        locking.encrypt(path, empty)
    assert _fingerprint(tmp_path) == before


def test_a_missing_key_file_is_named_and_the_recovery_key_still_opens_it(tmp_path,
                                                                         monkeypatch):
    path, recovery = _locked(tmp_path)
    locking.key_path(path).unlink()
    with pytest.raises(JournalError) as info:
        Journal.open(path, passphrase=PW)
    assert str(locking.key_path(path)) in str(info.value)
    assert "recovery key" in str(info.value)
    with pytest.raises(JournalError, match="recovery key"):
        Journal.open(path)  # neither plain nor a key file: the message points to the way back
    monkeypatch.setenv(keys.RECOVERY_ENV, recovery)
    with Journal.open(path) as j:
        assert j.count("checkins") == 2
    locking.rewrap(path, locking.unlock(path, recovery=recovery), "a new passphrase")
    monkeypatch.delenv(keys.RECOVERY_ENV)
    with Journal.open(path, passphrase="a new passphrase") as j:
        assert j.count("urges") == 1


def _damage_json(doc: dict) -> bytes:
    doc["wrapped"] = doc["wrapped"][:-2] + ("00" if doc["wrapped"][-2:] != "00" else "11")
    return json.dumps(doc).encode()


@pytest.mark.parametrize("damage", [
    lambda raw, doc: raw[: len(raw) // 2],                      # cut short
    lambda raw, doc: b"\x00\xff" * 40,                          # not text
    lambda raw, doc: json.dumps({**doc, "salt": "abc"}).encode(),  # wrong shape
    lambda raw, doc: json.dumps({k: v for k, v in doc.items() if k != "mac"}).encode(),
], ids=["truncated", "binary", "bad-salt", "no-mac"])
def test_a_damaged_key_file_is_named_and_nothing_changes(tmp_path, damage):
    path, _ = _locked(tmp_path)
    kpath = locking.key_path(path)
    raw = kpath.read_bytes()
    kpath.write_bytes(damage(raw, json.loads(raw)))
    before = _fingerprint(tmp_path)
    with pytest.raises(JournalError, match="damaged") as info:
        Journal.open(path, passphrase=PW)
    assert str(kpath) in str(info.value) and "recovery key" in str(info.value)
    assert _fingerprint(tmp_path) == before


def test_a_tampered_wrapped_key_fails_the_mac_like_a_wrong_passphrase(tmp_path):
    path, _ = _locked(tmp_path)
    kpath = locking.key_path(path)
    kpath.write_bytes(_damage_json(json.loads(kpath.read_bytes())))
    with pytest.raises(JournalLocked, match="doesn't open"):
        Journal.open(path, passphrase=PW)


def test_a_key_file_from_a_newer_kit_asks_for_an_update(tmp_path):
    path, _ = _locked(tmp_path)
    kpath = locking.key_path(path)
    kpath.write_text(json.dumps({**json.loads(kpath.read_text()), "version": 99}))
    with pytest.raises(JournalError, match="newer version"):
        Journal.open(path, passphrase=PW)


def test_recovery_key_survives_spacing_and_case_but_not_a_typo(tmp_path):
    path, recovery = _locked(tmp_path)
    assert locking.unlock(path, recovery=recovery.lower().replace("-", " "))
    typo = ("B" if recovery[0] != "B" else "C") + recovery[1:]
    with pytest.raises(ValidationError, match="recovery key"):
        locking.unlock(path, recovery=typo)


def test_a_recovery_key_of_another_journal_is_refused(tmp_path):
    path, _ = _locked(tmp_path, "a.sqlite3")
    _, other = _locked(tmp_path, "b.sqlite3")
    with pytest.raises(JournalLocked, match="recovery key doesn't open"):
        locking.unlock(path, recovery=other)
    locking.key_path(path).unlink()  # without a key file the journal itself is tried
    with pytest.raises(JournalLocked, match="recovery key doesn't open"):
        locking.unlock(path, recovery=other)


def test_a_plain_sqlite_tool_cannot_read_a_locked_journal(tmp_path):
    path, _ = _locked(tmp_path)
    conn = sqlite3.connect(path)
    with pytest.raises(sqlite3.DatabaseError, match="not a database"):
        conn.execute("SELECT * FROM checkins").fetchall()
    conn.close()


def test_a_foreign_file_is_still_refused_as_not_a_journal(tmp_path):
    path = tmp_path / "j.sqlite3"
    path.write_bytes(os.urandom(4096))
    before = _fingerprint(tmp_path)
    with pytest.raises(JournalError, match="isn't an exback-kit journal"):
        Journal.open(path)
    assert _fingerprint(tmp_path) == before


# --- what is on disk ---------------------------------------------------------------

def test_a_saved_marker_appears_in_no_file_beside_the_journal(tmp_path):
    path, _ = _locked(tmp_path)
    marker = "MARKER-7f3a9c-the-words-i-never-sent"
    with Journal.open(path, passphrase=PW) as j:
        j.add_checkin(mood=3, note=marker)
        j.log_urge(intensity=9, note=marker)
        j.backup()
        j.backup_if_due()
        # while still open: -wal and -shm are there too
        files = [p for p in tmp_path.rglob("*") if p.is_file()]
        assert any(p.name.endswith("-wal") for p in files)
        for p in files:
            assert marker.encode() not in p.read_bytes(), p
            assert marker.encode("utf-16-le") not in p.read_bytes(), p
    for p in (p for p in tmp_path.rglob("*") if p.is_file()):
        assert marker.encode() not in p.read_bytes(), p
    with Journal.open(path, passphrase=PW) as j:
        assert {r["note"] for r in j.records("checkins")} >= {marker}


def test_round_trip_encrypt_then_decrypt_keeps_every_row_and_the_file_marks(tmp_path):
    path = tmp_path / "journal.sqlite3"
    with Journal.open(path) as j:
        _fill(j)
        j.add_many("checkins", [{"mood": 1 + i % 10, "note": f"n{i}",
                                 "at": f"2025-01-{1 + i % 28:02d}T10:00"} for i in range(300)])
        before = snapshot(j)
        version = j.schema_version
    locking.encrypt(path, PW)
    with Journal.open(path, passphrase=PW) as j:
        assert snapshot(j) == before
    locking.decrypt(path, PW)
    assert path.read_bytes()[:16] == sqlite_header.SQLITE_HEADER
    assert not locking.key_path(path).exists()
    conn = sqlite3.connect(path)
    assert conn.execute("PRAGMA user_version").fetchone()[0] == version
    assert conn.execute("PRAGMA application_id").fetchone()[0] == APPLICATION_ID
    conn.close()
    with Journal.open(path) as j:
        assert snapshot(j) == before and not j.encrypted


def test_changing_the_passphrase_rewrites_only_the_key_file(tmp_path):
    path, recovery = _locked(tmp_path)
    journal_bytes = path.read_bytes()
    key_before = locking.key_path(path).read_bytes()
    locking.rewrap(path, locking.unlock(path, PW), "another passphrase")
    assert path.read_bytes() == journal_bytes
    assert locking.key_path(path).read_bytes() != key_before
    with pytest.raises(JournalLocked):
        Journal.open(path, passphrase=PW)
    with Journal.open(path, passphrase="another passphrase") as j:
        assert j.count("checkins") == 2
    assert locking.unlock(path, recovery=recovery)  # the recovery key stays the same


@pytest.mark.real_kdf
def test_scrypt_parameters_of_the_real_cost_are_recorded_in_the_key_file(tmp_path):
    """The product's cost is OWASP's minimum for scrypt or more: n >= 2**17, r = 8."""
    path, _ = _locked(tmp_path)
    doc = json.loads(locking.key_path(path).read_text())
    assert (doc["kdf"], doc["n"], doc["r"], doc["p"]) == ("scrypt", 2**17, 8, 1)
    assert doc["version"] == keys.KEY_FILE_VERSION
    assert PW not in locking.key_path(path).read_text()


def test_scrypt_cost_of_an_older_key_file_is_read_from_it_and_a_new_passphrase_rewraps(
        tmp_path, monkeypatch):
    """Key files written at another cost keep opening; a new passphrase wraps at today's."""
    now = keys.SCRYPT_N
    monkeypatch.setattr(keys, "SCRYPT_N", now * 2)
    path, _ = _locked(tmp_path)
    monkeypatch.setattr(keys, "SCRYPT_N", now)
    assert json.loads(locking.key_path(path).read_text())["n"] == now * 2
    key = locking.unlock(path, PW, None)
    with Journal.open(path, passphrase=PW, backup=False) as j:
        assert j.count("checkins") == 2
    locking.rewrap(path, key, "another passphrase")
    assert json.loads(locking.key_path(path).read_text())["n"] == keys.SCRYPT_N
    assert locking.unlock(path, "another passphrase", None) == key


# --- backups -------------------------------------------------------------------------

def test_backups_of_a_locked_journal_are_locked_with_the_same_key(tmp_path):
    path, _ = _locked(tmp_path)
    with Journal.open(path, passphrase=PW) as j:
        copy = j.backup()
        j.add_checkin(mood=2, note="after the backup")
        assert encryption.is_encrypted(copy)
        j.restore_from(copy)
        assert "after the backup" not in {r["note"] for r in j.records("checkins")}
    key = locking.unlock(path, PW)
    assert encryption.key_opens(copy, key)
    conn = sqlite3.connect(copy)
    with pytest.raises(sqlite3.DatabaseError):
        conn.execute("SELECT count(*) FROM checkins").fetchone()
    conn.close()


def test_encrypt_locks_old_backups_and_decrypt_unlocks_them(tmp_path):
    path = tmp_path / "journal.sqlite3"
    with Journal.open(path) as j:
        _fill(j)
        old = [j.backup(), j.backup()]
    _, count = locking.encrypt(path, PW)
    assert count == 2 and all(encryption.is_encrypted(b) for b in old)
    assert locking.decrypt(path, PW) == 2
    for b in old:
        conn = sqlite3.connect(b)
        assert conn.execute("SELECT count(*) FROM checkins").fetchone()[0] == 2
        assert conn.execute("PRAGMA application_id").fetchone()[0] == APPLICATION_ID
        conn.close()
    assert not [p for p in (tmp_path / "backups").iterdir() if p.name.endswith("-shm")]


def test_a_foreign_file_in_backups_is_left_exactly_as_it_is(tmp_path):
    path, _ = _locked(tmp_path)
    stranger = tmp_path / "backups" / "not-mine.sqlite3"
    stranger.parent.mkdir(exist_ok=True)
    stranger.write_bytes(os.urandom(2048))
    raw = stranger.read_bytes()
    locking.decrypt(path, PW)
    assert stranger.read_bytes() == raw


def test_restoring_a_locked_backup_into_a_plain_journal_is_refused(tmp_path):
    path, _ = _locked(tmp_path)
    with Journal.open(path, passphrase=PW) as j:
        copy = j.backup(tmp_path / "copy.sqlite3")
    with Journal.open(tmp_path / "other.sqlite3") as other, pytest.raises(
            JournalError, match="nothing was restored"):
        other.restore_from(copy)


# --- conversion is refused while others use the journal --------------------------------

def test_conversion_is_refused_while_another_process_has_the_journal_open(tmp_path):
    path = tmp_path / "journal.sqlite3"
    with Journal.open(path) as j:
        _fill(j)
    holder = subprocess.Popen(
        [sys.executable, "-c", "import sys, time; from exback_kit import Journal; "
         f"j = Journal.open({str(path)!r}); j.count('checkins'); print('open', flush=True); "
         "sys.stdin.read()"],
        stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
    try:
        assert holder.stdout is not None and holder.stdout.readline().strip() == "open"
        with pytest.raises(JournalError, match="is open in a notebook"):
            locking.encrypt(path, PW)
        assert not encryption.is_encrypted(path)
    finally:
        holder.communicate("", timeout=30)
    with Journal.open(path) as j:
        assert j.count("checkins") == 2


# --- migrations ------------------------------------------------------------------------

def test_a_locked_v1_journal_is_migrated_and_stays_locked(tmp_path):
    path = tmp_path / "journal.sqlite3"
    shutil.copy(DATA / "journal_v1.sqlite3", path)
    locking.encrypt(path, PW)  # locked as it is, still at version 1
    with Journal.open(path, passphrase=PW) as j:
        assert j.schema_version == migrations.SCHEMA_VERSION
        assert j.count("checkins") == 2 and j.encrypted
    assert encryption.is_encrypted(path)


def test_a_locked_v2_journal_takes_the_newer_migrations(tmp_path):
    """A journal locked while it was at version 2 upgrades through 3 and 4, still locked."""
    path = tmp_path / "journal.sqlite3"
    shutil.copy(DATA / "journal_v2.sqlite3", path)
    before = sqlite3.connect(path).execute("PRAGMA user_version").fetchone()[0]
    assert before == 2
    locking.encrypt(path, PW)  # locked as it is, still at version 2
    with Journal.open(path, passphrase=PW) as j:
        assert j.schema_version == migrations.SCHEMA_VERSION > 2
        assert j.count("checkins") > 0 and j.encrypted
        assert j.records("checkins")[0]["mind"] is None  # the version-3 column is there
        j.add("plans", weekday="sat", start_time="22:00", action="tea")  # version 4's table
    assert encryption.is_encrypted(path)


def test_a_locked_journal_takes_a_new_migration(tmp_path, monkeypatch):
    path, _ = _locked(tmp_path)
    later = migrations.SCHEMA_VERSION + 1

    def next_version(conn):
        conn.execute("CREATE TABLE later_kind (id INTEGER PRIMARY KEY, at TEXT)")

    monkeypatch.setitem(migrations.MIGRATIONS, later, next_version)
    monkeypatch.setattr(journal_module, "SCHEMA_VERSION", later)
    with Journal.open(path, passphrase=PW) as j:
        assert j.schema_version == later
        assert j.execute_read("SELECT count(*) FROM later_kind") == [(0,)]
        assert j.count("checkins") == 2
    assert encryption.is_encrypted(path)


# --- keys handed in (hand-off: tests/store/test_handoff.py) --------------------------

def test_a_stale_key_from_before_a_passphrase_change_still_matches_but_a_wrong_one_not(
        tmp_path):
    path, _ = _locked(tmp_path)
    with pytest.raises(JournalLocked, match="doesn't open"):
        Journal.open(path, key=os.urandom(32))


