"""Journal.add_checkin vs a bare sqlite3 insert, and reading 10 years of check-ins.

The bare baseline has the same durability: WAL, synchronous=FULL, one
BEGIN IMMEDIATE … COMMIT per row. Batches alternate between the two and the
medians are compared. Last line: ``store ratio X.XX (target <= 2.0)``; exit
status 1 when the ratio or the table read (target < 50 ms) is over target.
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

TARGET = 2.0
TABLE_TARGET_MS = 50.0
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


def main() -> int:
    with tempfile.TemporaryDirectory() as tmp:
        bare = _bare(Path(tmp) / "bare.sqlite3")
        kit = Journal.open(Path(tmp) / "kit.sqlite3")
        kit_t, bare_t = [], []
        for _ in range(BATCHES):
            bare_t.append(_bare_batch(bare))
            kit_t.append(_kit_batch(kit))
        k, b = statistics.median(kit_t), statistics.median(bare_t)
        ratio = k / b
        big = Journal.open(Path(tmp) / "ten_years.sqlite3")
        n = _ten_years(big)
        reads = []
        for _ in range(7):
            start = time.perf_counter()
            big.table("checkins")
            reads.append((time.perf_counter() - start) * 1000)
        read_ms = statistics.median(reads)
        kit.close()
        big.close()
        bare.close()
    print(f"add_checkin median {k * 1000:.3f} ms, bare insert median {b * 1000:.3f} ms "
          f"({BATCHES} batches of {BATCH}, interleaved)")
    print(f"table('checkins') over {n:,} rows: median {read_ms:.1f} ms "
          f"(target < {TABLE_TARGET_MS:.0f} ms)")
    print(f"store ratio {ratio:.2f} (target <= {TARGET})")
    return 0 if ratio <= TARGET and read_ms < TABLE_TARGET_MS else 1


if __name__ == "__main__":
    sys.exit(main())
