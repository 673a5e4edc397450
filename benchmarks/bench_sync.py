"""Sync: a new device catching up 10 years of another device's entries, and a daily round,
for plain and for locked journals (signed lines; sealed batches when locked).

Device A holds 10 years (benchmarks/_data.py) and sends them to a sync folder. Then
an empty device B joins and catches up; after that, five times, A writes one day of
entries and both run a round (A sends, B receives), as they do by themselves after a
save and when a session starts. The same again with both journals locked: the folder's
identity is unsealed once, when B joins, so a daily round costs no key derivation.
Each is printed beside the bare cost of reading the same bytes and parsing every JSON
line (what any reader of the files must do). Last line: the daily rounds and catch-ups
with their targets; exit status 1 when a catch-up takes 20 s or more or a daily round
(send + receive) 300 ms or more.
"""

from __future__ import annotations

import json
import os
import shutil
import statistics
import sys
import tempfile
import time
from datetime import datetime
from pathlib import Path
from typing import Any

CATCH_UP_TARGET_S = 20.0
DAILY_TARGET_MS = 300.0
PASSPHRASE = "benchmark river stones at dusk"  # noqa: S105 (a throwaway journal)


def _bare_read(files: list[Path], start: dict[Path, int] | None = None) -> float:
    begin = time.perf_counter()
    for path in files:
        with open(path, "rb") as fh:
            fh.seek((start or {}).get(path, 0))
            for line in fh.read().splitlines():
                json.loads(line)
    return time.perf_counter() - begin


def _journals(root: Path, locked: bool) -> tuple[Any, Any]:
    from benchmarks._data import fill_years
    from exback_kit import Journal
    from exback_kit.store import locking

    paths = [root / name / "journal.sqlite3" for name in ("a", "b")]
    with Journal.open(paths[0], backup=False) as a:
        fill_years(a)
    Journal.open(paths[1], backup=False).close()
    if locked:
        for path in paths:
            locking.encrypt(path, PASSPHRASE)
    secret = PASSPHRASE if locked else None
    return tuple(Journal.open(p, backup=False, passphrase=secret) for p in paths)  # type: ignore[return-value]


def run(root: Path, locked: bool) -> tuple[float, float]:
    """Return (catch-up seconds, median daily round in ms) for one kind of journal."""
    from exback_kit.interchange import sync_folder

    name = "locked" if locked else "plain"
    a, b = _journals(root / name, locked)
    secret = PASSPHRASE if locked else None
    folder = root / name / "DIR"
    start = time.perf_counter()
    first = sync_folder.sync(a, folder, passphrase=secret)
    send_s = time.perf_counter() - start
    files = sorted(folder.rglob("changes*.jsonl"))
    size = sum(f.stat().st_size for f in files)
    print(f"[{name}] device A: first send of {first.sent} records took {send_s:.2f} s "
          f"({size / 1e6:.1f} MB of lines)")
    start = time.perf_counter()
    merged = sum(sync_folder.sync(b, folder, passphrase=secret, join=first.code).merged.values())
    catch_up_s = time.perf_counter() - start
    bare_s = statistics.median(_bare_read(files) for _ in range(5))
    print(f"[{name}] new device catching up {merged} records: {catch_up_s:.2f} s (bare read + "
          f"parse of the same files {bare_s * 1000:.0f} ms)")

    rounds, sends, bare = [], [], []
    for _ in range(5):
        files = sorted(folder.rglob("changes*.jsonl"))
        ends = {f: f.stat().st_size for f in files}
        now = datetime.now().astimezone()
        a.add_checkin(mood=6, energy=5, sleep_hours=7.0, habits=["exercise"], note="a day",
                      at=now)
        a.add_checkin(mood=5, note="evening", at=now)
        a.log_urge(intensity=4, trigger="a song", helped="went for a walk", at=now)
        start = time.perf_counter()
        sync_folder.sync(a, folder)  # no passphrase: the journal keeps the folder's identity
        middle = time.perf_counter()
        got = sum(sync_folder.sync(b, folder).merged.values())
        rounds.append(time.perf_counter() - start)
        sends.append(middle - start)
        bare.append(_bare_read(files, ends))
        assert got == 3, got
    daily_ms = statistics.median(rounds) * 1000
    print(f"[{name}] daily round (A sends one day, 3 entries; B receives it): {daily_ms:.0f} ms"
          f", of which sending {statistics.median(sends) * 1000:.0f} ms (bare read + parse of "
          f"the new lines {statistics.median(bare) * 1000:.2f} ms)")
    assert a.count("checkins") == b.count("checkins") and a.count("urges") == b.count("urges")
    a.close()
    b.close()
    return catch_up_s, daily_ms


def main() -> int:
    root = Path(tempfile.mkdtemp(prefix="exback-bench-sync-"))
    os.environ["XDG_CONFIG_HOME"] = str(root / "config")  # device ids of throwaway journals
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
    try:
        plain = run(root, locked=False)
        locked = run(root, locked=True)
    finally:
        shutil.rmtree(root, ignore_errors=True)
    print(f"daily round {plain[1]:.0f} ms plain, {locked[1]:.0f} ms locked (target < "
          f"{DAILY_TARGET_MS:.0f} ms); catch-up {plain[0]:.2f} s plain, {locked[0]:.2f} s "
          f"locked (target < {CATCH_UP_TARGET_S:.0f} s)")
    ok = all(c < CATCH_UP_TARGET_S and d < DAILY_TARGET_MS for c, d in (plain, locked))
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
