"""A locked journal under stress: kills during conversion and writes, several writers."""

from __future__ import annotations

import os
import random
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from exback_kit import Journal
from exback_kit.store import backup_files, encryption, keys, locking

PW = "the kettle is still warm"

CONVERTER = """
import sys
from pathlib import Path
from exback_kit.store import encryption, locking
path, pw = Path(sys.argv[1]), sys.argv[2]
print("ready", flush=True)
while True:
    if encryption.is_encrypted(path):
        locking.decrypt(path, pw)
        print("decrypted", flush=True)
    else:
        locking.encrypt(path, pw)
        print("encrypted", flush=True)
"""

WRITER = """
import sys
from exback_kit import Journal
path, n, tag = sys.argv[1], int(sys.argv[2]), sys.argv[3]
j = Journal.open(path, backup=False)          # the passphrase comes from EXBACK_PASSPHRASE
print("ready", flush=True)
for i in range(n):
    j.add_checkin(mood=1 + i % 10, note=f"{tag}-{i}")
    print(f"{tag}-{i}", flush=True)   # acknowledged: add_checkin has returned
j.close()
"""


def _env() -> dict[str, str]:
    return {**os.environ, keys.PASSPHRASE_ENV: PW}


def _rows(path: Path, key: bytes | None) -> int:
    """Count check-ins in a journal or backup, plain or locked with ``key``."""
    from exback_kit.store.opening import connect

    conn, _ = connect(path, key if encryption.is_encrypted(path) else None)
    try:
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        return int(conn.execute("SELECT count(*) FROM checkins").fetchone()[0])
    finally:
        conn.close()


@pytest.mark.slow
def test_encrypt_and_decrypt_killed_at_any_moment_leave_a_journal_with_every_row(tmp_path):
    path = tmp_path / "journal.sqlite3"
    with Journal.open(path) as j:
        j.add_many("checkins", [{"mood": 1 + i % 10, "note": f"entry {i}"} for i in range(400)])
        for _ in range(3):
            j.backup()
    rng = random.Random(20261201)
    states = set()
    trials = 0
    while trials < 30 or (states != {True, False} and trials < 80):
        trials += 1
        proc = subprocess.Popen([sys.executable, "-c", CONVERTER, str(path), PW],
                                stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        assert proc.stdout is not None and proc.stdout.readline() == "ready\n"
        time.sleep(rng.uniform(0.0, 1.0))  # anywhere in the first conversion or two
        proc.send_signal(signal.SIGKILL)
        _, err = proc.communicate(timeout=30)
        assert "Traceback" not in err, err
        locked = encryption.is_encrypted(path)
        states.add(locked)
        key = locking.unlock(path, PW) if locked else None
        with Journal.open(path, passphrase=PW, backup=False) as j:  # ignored when plain
            assert j.count("checkins") == 400
            assert j.encrypted == locked
        for b in backup_files.list_backups(path):
            assert encryption.is_encrypted(b) <= locked  # a plain journal has no locked backup
            assert _rows(b, key) == 400
    assert states == {True, False}  # the kills landed in both directions


@pytest.mark.slow
def test_four_processes_writing_to_a_locked_journal_lose_nothing(tmp_path):
    path = tmp_path / "journal.sqlite3"
    Journal.open(path).close()
    locking.encrypt(path, PW)
    procs = [subprocess.Popen([sys.executable, "-c", WRITER, str(path), "500", f"w{k}"],
                              stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                              env=_env()) for k in range(4)]
    results = [p.communicate(timeout=600) for p in procs]
    assert [p.returncode for p in procs] == [0, 0, 0, 0], [err for _, err in results]
    assert all("locked" not in err for _, err in results)
    with Journal.open(path, passphrase=PW) as j:
        notes = {r["note"] for r in j.records("checkins")}
    assert notes == {f"w{k}-{i}" for k in range(4) for i in range(500)}


@pytest.mark.slow
def test_writer_killed_mid_loop_on_a_locked_journal_keeps_every_acknowledged_write(tmp_path):
    path = tmp_path / "journal.sqlite3"
    Journal.open(path).close()
    locking.encrypt(path, PW)
    rng = random.Random(20261202)
    acknowledged: set[str] = set()
    for round_ in range(20):
        proc = subprocess.Popen([sys.executable, "-c", WRITER, str(path), "100000",
                                 f"r{round_}"], stdout=subprocess.PIPE,
                                stderr=subprocess.PIPE, text=True, env=_env())
        assert proc.stdout is not None and proc.stdout.readline() == "ready\n"
        time.sleep(0.05 + rng.random() * 0.3)
        proc.send_signal(signal.SIGKILL)
        out, _ = proc.communicate(timeout=30)
        acknowledged.update(out.split("\n")[:-1])  # only whole lines were acknowledged
    assert len(acknowledged) > 100
    key = locking.unlock(path, PW)
    assert _rows(path, key) >= len(acknowledged)  # integrity_check is inside _rows
    with pytest.raises(sqlite3.DatabaseError):
        sqlite3.connect(path).execute("SELECT count(*) FROM checkins").fetchone()
    with Journal.open(path, passphrase=PW) as j:
        stored = {r["note"] for r in j.records("checkins")}
    assert acknowledged <= stored
