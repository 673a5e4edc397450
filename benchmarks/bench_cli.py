"""`exback checkin --mood 6` as a whole process vs a bare python that inserts one row.

Both sides start a fresh interpreter, open a WAL journal with synchronous=FULL
and commit one row inside BEGIN IMMEDIATE; runs are interleaved and the medians
compared, so machine noise hits both alike. Last line:
``cli ratio X.XX (target <= 1.3)``; before it ``locked cli ratio X.XX (target <= 3.0)``
for ``exback checkin`` on a locked journal with ``EXBACK_PASSPHRASE`` (one scrypt
unwrap, SQLCipher) against the same bare plain process; exit status 1 when over target.

Both sides run with Python's bytecode cache on, as an installed kit does (pip
compiles a package when it installs it; an editable install writes its cache on
the first run): ``PYTHONDONTWRITEBYTECODE`` is dropped from their environment, so
a shell that sets it doesn't time the compiling of every module on every run.
"""

from __future__ import annotations

import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

TARGET = 1.3
LOCKED_TARGET = 3.0
RUNS = 25
PASSPHRASE = "a benchmark passphrase"  # noqa: S105 (a throwaway journal)

BARE = """
import sqlite3, sys
c = sqlite3.connect(sys.argv[1], isolation_level=None)
c.execute("PRAGMA busy_timeout = 10000")
c.execute("PRAGMA journal_mode = WAL")
c.execute("PRAGMA synchronous = FULL")
c.execute("CREATE TABLE IF NOT EXISTS checkins "
          "(id INTEGER PRIMARY KEY, at TEXT, day TEXT, mood INTEGER)")
c.execute("BEGIN IMMEDIATE")
c.execute("INSERT INTO checkins (at, day, mood) "
          "VALUES ('2026-01-01T12:00:00+00:00', '2026-01-01', 6)")
c.execute("COMMIT")
c.close()
"""


def _time(cmd: list[str], env: dict[str, str]) -> float:
    start = time.perf_counter()
    subprocess.run(cmd, check=True, env=env, stdout=subprocess.DEVNULL)
    return time.perf_counter() - start


def main() -> int:
    exback = shutil.which("exback")
    if exback is None:
        print("exback is not on PATH: run `pip install -e .` first")
        return 2
    base = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    with tempfile.TemporaryDirectory() as tmp:
        env = {**base, "EXBACK_HOME": str(Path(tmp) / "home")}
        locked_env = {**base, "EXBACK_HOME": str(Path(tmp) / "locked"),
                      "EXBACK_PASSPHRASE": PASSPHRASE}
        kit = [exback, "checkin", "--mood", "6"]
        bare = [sys.executable, "-c", BARE, str(Path(tmp) / "bare.sqlite3")]
        _time(kit, env)  # create the journals and their first backups outside the timing
        _time(kit, locked_env)
        subprocess.run([exback, "encrypt"], check=True, env=locked_env,
                       stdout=subprocess.DEVNULL)
        _time(kit, locked_env)
        _time(bare, env)
        kit_t, bare_t, locked_t = [], [], []
        for _ in range(RUNS):
            kit_t.append(_time(kit, env))
            bare_t.append(_time(bare, env))
            locked_t.append(_time(kit, locked_env))
    k, b, e = statistics.median(kit_t), statistics.median(bare_t), statistics.median(locked_t)
    ratio, locked_ratio = k / b, e / b
    print(f"exback checkin median {k * 1000:.1f} ms, locked {e * 1000:.1f} ms, bare "
          f"python+sqlite median {b * 1000:.1f} ms ({RUNS} runs each, interleaved)")
    print(f"locked cli ratio {locked_ratio:.2f} (target <= {LOCKED_TARGET})")
    print(f"cli ratio {ratio:.2f} (target <= {TARGET})")
    return 0 if ratio <= TARGET and locked_ratio <= LOCKED_TARGET else 1


if __name__ == "__main__":
    sys.exit(main())
