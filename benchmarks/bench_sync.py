"""Sync: a new device catching up 10 years of another device's entries, and a daily sync.

Device A holds 10 years (benchmarks/_data.py) and sends them to a sync folder. Then
an empty device B catches up from it; after that A writes one day of entries and
sends them, and B syncs again. Each is printed beside the bare cost of reading the
same bytes and parsing every JSON line (what any reader of the files must do).
Last line: ``daily sync X ms (target < 500 ms)``; exit status 1 when catching up
takes over 20 s or the daily sync over 500 ms.
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

CATCH_UP_TARGET_S = 20.0
DAILY_TARGET_MS = 500.0


def _bare_read(files: list[Path], start: dict[Path, int] | None = None) -> float:
    begin = time.perf_counter()
    for path in files:
        with open(path, "rb") as fh:
            fh.seek((start or {}).get(path, 0))
            for line in fh.read().splitlines():
                json.loads(line)
    return time.perf_counter() - begin


def main() -> int:
    root = Path(tempfile.mkdtemp(prefix="exback-bench-sync-"))
    os.environ["XDG_CONFIG_HOME"] = str(root / "config")  # device ids of throwaway journals
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
    from benchmarks._data import fill_years
    from exback_kit import Journal
    from exback_kit.interchange import sync

    folder = root / "DIR"
    a = Journal.open(root / "a" / "journal.sqlite3", backup=False)
    counts = fill_years(a)
    start = time.perf_counter()
    sent = sync.sync(a, folder).sent
    send_s = time.perf_counter() - start
    files = sorted(folder.rglob("changes*.jsonl"))
    size = sum(f.stat().st_size for f in files)
    print(f"device A: {sum(counts.values())} entries over 10 years; first send of {sent} "
          f"records took {send_s:.2f} s ({size / 1e6:.1f} MB of JSON lines)")

    b = Journal.open(root / "b" / "journal.sqlite3", backup=False)
    start = time.perf_counter()
    merged = sum(sync.sync(b, folder).merged.values())
    catch_up_s = time.perf_counter() - start
    bare_s = statistics.median(_bare_read(files) for _ in range(5))
    print(f"new device catching up {merged} records: {catch_up_s:.2f} s "
          f"(bare read + parse of the same files {bare_s * 1000:.0f} ms, "
          f"ratio {catch_up_s / bare_s:.0f}x)")

    daily, bare_daily, send_daily = [], [], []
    for _ in range(5):
        ends = {f: f.stat().st_size for f in files}
        now = datetime.now().astimezone()
        a.add_checkin(mood=6, energy=5, sleep_hours=7.0, habits=["exercise"], note="a day",
                      at=now)
        a.add_checkin(mood=5, note="evening", at=now)
        a.log_urge(intensity=4, trigger="a song", helped="went for a walk", at=now)
        start = time.perf_counter()
        sync.sync(a, folder)
        send_daily.append(time.perf_counter() - start)
        start = time.perf_counter()
        sync.sync(b, folder)
        daily.append(time.perf_counter() - start)
        bare_daily.append(_bare_read(files, ends))
    daily_ms = statistics.median(daily) * 1000
    print(f"daily sync, sending one day (3 entries): {statistics.median(send_daily) * 1000:.0f} "
          f"ms; receiving it: {daily_ms:.0f} ms (bare read + parse of the new lines "
          f"{statistics.median(bare_daily) * 1000:.2f} ms)")
    assert a.count("checkins") == b.count("checkins") and a.count("urges") == b.count("urges")
    a.close()
    b.close()
    shutil.rmtree(root, ignore_errors=True)
    print(f"catch-up {catch_up_s:.2f} s (target < {CATCH_UP_TARGET_S:.0f} s); "
          f"daily sync {daily_ms:.0f} ms (target < {DAILY_TARGET_MS:.0f} ms)")
    return 0 if catch_up_s < CATCH_UP_TARGET_S and daily_ms < DAILY_TARGET_MS else 1


if __name__ == "__main__":
    sys.exit(main())
