"""Journal.add_checkin vs a bare sqlite3 insert, and reading 10 years of check-ins.

The bare baseline has the same durability: WAL, synchronous=FULL, one
BEGIN IMMEDIATE … COMMIT per row. Batches alternate between the bare insert, the
plain journal and a locked (SQLCipher) journal, and the medians are compared with
the same bare plain save. Last lines: ``locked store ratio X.XX (target <= 2.0)`` and
``store ratio X.XX (target <= 2.0)``; exit status 1 when a ratio or a table read
(plain < 50 ms, locked < 60 ms) is over target.
"""

from __future__ import annotations

import sqlite3
import statistics
import sys
import tempfile
import time
from datetime import datetime, timedelta
from pathlib import Path

from exback_kit import Journal
from exback_kit.store import locking

TARGET = 2.0
TABLE_TARGET_MS = 50.0
LOCKED_TABLE_TARGET_MS = 60.0
PASSPHRASE = "a benchmark passphrase"  # noqa: S105 (a throwaway journal)
BATCH = 200
BATCHES = 9


def _bare(path: Path) -> sqlite3.Connection:
    conn = sqlite3.connect(path, isolation_level=None)
    conn.execute("PRAGMA busy_timeout = 10000")
    conn.execute("PRAGMA journal_mode = WAL")
    conn.execute("PRAGMA synchronous = FULL")
    conn.execute("CREATE TABLE checkins (id INTEGER PRIMARY KEY, at TEXT NOT NULL, day TEXT "
                 "NOT NULL, mood INTEGER, energy INTEGER, sleep_hours REAL, habits TEXT, "
                 "note TEXT)")
    return conn


def _bare_batch(conn: sqlite3.Connection) -> float:
    start = time.perf_counter()
    for _ in range(BATCH):
        now = datetime.now().astimezone()
        conn.execute("BEGIN IMMEDIATE")
        conn.execute("INSERT INTO checkins (at, day, mood, energy, sleep_hours, habits, note) "
                     "VALUES (?, ?, ?, ?, ?, ?, ?)",
                     (now.isoformat(), now.date().isoformat(), 6, 4, 7.0, '["exercise"]', "ok"))
        conn.execute("COMMIT")
    return (time.perf_counter() - start) / BATCH


def _kit_batch(journal: Journal) -> float:
    start = time.perf_counter()
    for _ in range(BATCH):
        journal.add_checkin(mood=6, energy=4, sleep_hours=7.0, habits=["exercise"], note="ok")
    return (time.perf_counter() - start) / BATCH


def _ten_years(journal: Journal) -> int:
    start = datetime(2016, 1, 1, 8, 0).astimezone()
    rows = [{"mood": 1 + (i * 7) % 10, "energy": 1 + i % 10, "sleep_hours": 6 + (i % 4) / 2,
             "habits": ["exercise"] if i % 3 else ["drank alcohol", "saw friends"],
             "note": f"entry {i}", "at": start + timedelta(hours=12 * i)}
            for i in range(3650 * 2)]
    journal.add_many("checkins", rows)
    return len(rows)


def _locked(path: Path) -> Journal:
    """Open a locked journal at ``path`` (made plain, then locked as a person would)."""
    Journal.open(path).close()
    locking.encrypt(path, PASSPHRASE)
    return Journal.open(path, passphrase=PASSPHRASE)


def _read_ms(journal: Journal) -> float:
    reads = []
    for _ in range(7):
        start = time.perf_counter()
        journal.table("checkins")
        reads.append((time.perf_counter() - start) * 1000)
    return statistics.median(reads)


def main() -> int:
    with tempfile.TemporaryDirectory() as tmp:
        bare = _bare(Path(tmp) / "bare.sqlite3")
        kit = Journal.open(Path(tmp) / "kit.sqlite3")
        locked = _locked(Path(tmp) / "locked.sqlite3")
        kit_t, bare_t, locked_t = [], [], []
        for _ in range(BATCHES):
            bare_t.append(_bare_batch(bare))
            kit_t.append(_kit_batch(kit))
            locked_t.append(_kit_batch(locked))
        k, b, e = (statistics.median(kit_t), statistics.median(bare_t),
                   statistics.median(locked_t))
        ratio, locked_ratio = k / b, e / b
        big = Journal.open(Path(tmp) / "ten_years.sqlite3")
        n = _ten_years(big)
        read_ms = _read_ms(big)
        big.close()
        locking.encrypt(Path(tmp) / "ten_years.sqlite3", PASSPHRASE)
        big = Journal.open(Path(tmp) / "ten_years.sqlite3", passphrase=PASSPHRASE)
        locked_read_ms = _read_ms(big)
        for journal in (kit, locked, big):
            journal.close()
        bare.close()
    print(f"add_checkin median {k * 1000:.3f} ms, locked {e * 1000:.3f} ms, bare insert "
          f"median {b * 1000:.3f} ms ({BATCHES} batches of {BATCH}, interleaved)")
    print(f"table('checkins') over {n:,} rows: median {read_ms:.1f} ms "
          f"(target < {TABLE_TARGET_MS:.0f} ms), locked {locked_read_ms:.1f} ms "
          f"(target < {LOCKED_TABLE_TARGET_MS:.0f} ms)")
    print(f"locked store ratio {locked_ratio:.2f} (target <= {TARGET})")
    print(f"store ratio {ratio:.2f} (target <= {TARGET})")
    ok = (ratio <= TARGET and locked_ratio <= TARGET and read_ms < TABLE_TARGET_MS
          and locked_read_ms < LOCKED_TABLE_TARGET_MS)
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
