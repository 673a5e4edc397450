"""Save → its chart redrawn, on a ten-year journal, in the kernel a notebook runs.

A stage is shown whole (``stages.show``: header, forms, charts, what comes next), as
its notebook does; then an entry is saved and the session's Save callback runs, which
re-reads the changed table and redraws every part that follows a Save. The time is
the save plus that redraw — what a person waits for after pressing Save. Cases:

- 00 Start here: a check-in → the mood chart;
- 04 Holding steady: an urge → the urge chart (the mood meter is kept: it reads no urges);
- 08 Dashboard: an urge → the urge chart, the other nine charts kept.

Each case runs ROUNDS times; the median is compared with the target. Last line:
``save ratio X.XX (worst median / 0.3 s target)``; exit status 1 when over.
"""

from __future__ import annotations

import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from datetime import date, datetime, timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from benchmarks._data import fill_years
from exback_kit import Journal, stages
from exback_kit.notebook import chart_cache, session

TARGET_S = 0.3
ROUNDS = 7


def _moment(minutes: int) -> datetime:
    yesterday = datetime.combine(date.today() - timedelta(days=1), datetime.min.time())
    return (yesterday + timedelta(minutes=minutes)).astimezone()


def _cases(journal: Journal) -> dict[str, tuple[str, Callable[[int], object]]]:
    return {
        "00 check-in -> mood": ("00_start_here",
                                lambda i: journal.add_checkin(mood=5, at=_moment(i))),
        "04 urge -> urges": ("04_holding_steady",
                             lambda i: journal.log_urge(intensity=6, at=_moment(i))),
        "08 urge -> urges": ("08_dashboard",
                             lambda i: journal.log_urge(intensity=6, at=_moment(i))),
    }


def main() -> int:
    """Show each stage over ten years, time Save → redraw, print the worst median."""
    worst = 0.0
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "journal.sqlite3"
        with Journal.open(path, backup=False) as journal:
            fill_years(journal)
        minute = 0
        for label in _cases(journal):
            session.reset()  # a new kernel: it closes the journal it had
            journal = Journal.open(path, backup=False)
            stage, save = _cases(journal)[label]
            stages.use_journal(journal)
            stages.show(stage)
            times, drawn = [], []
            for _ in range(ROUNDS):
                minute += 1
                before = chart_cache.cache().drawn_count
                start = time.perf_counter()
                save(minute)
                session.session().saved()
                times.append(time.perf_counter() - start)
                drawn.append(chart_cache.cache().drawn_count - before)
            median = statistics.median(times)
            worst = max(worst, median)
            print(f"{label}: median {median * 1000:.0f} ms, rounds "
                  + " ".join(f"{t * 1000:.0f}" for t in times)
                  + f"; charts redrawn per save {max(drawn)}")
        session.reset()
    ratio = worst / TARGET_S
    print(f"worst Save -> redraw {worst * 1000:.0f} ms (target <= {TARGET_S * 1000:.0f} ms)")
    print(f"save ratio {ratio:.2f} (worst median / {TARGET_S} s target)")
    return 0 if worst <= TARGET_S else 1


if __name__ == "__main__":
    sys.exit(main())
