"""The PDF progress report over ten years of data, start to finish.

Times ``build_report`` as a person would wait for it: reading every table,
preparing and drawing all eight charts, the figure and wellbeing pages and
(second case) the answers to all 19 steps, and writing the PDF. Three rounds,
medians reported. Last line: ``report seconds X.XX (target <= 5)`` for the
slower case; exit status 1 when it is over target.
"""

from __future__ import annotations

import statistics
import sys
import tempfile
import time
from datetime import date
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from benchmarks._data import fill_years
from exback_kit import Journal, report

TARGET_S = 5.0
ROUNDS = 3
ALL_STEPS = tuple(range(19))


def _timed(journal: Journal, out: Path, steps: tuple[int, ...], today: date) -> float:
    start = time.perf_counter()
    report.build_report(journal, out, include_steps=steps, today=today)
    return time.perf_counter() - start


def main() -> int:
    """Run the benchmark; return the exit status."""
    today = date.today()
    with (tempfile.TemporaryDirectory() as folder,
          Journal.open(Path(folder) / "journal.sqlite3", backup=False) as journal):
        counts = fill_years(journal, today=today)
        print(f"data: {counts['checkins']:,} check-ins, {counts['urges']:,} urges, "
              f"{counts['contacts']:,} contacts, {counts['answers']:,} answers over 10 years")
        out = Path(folder) / "report.pdf"
        _timed(journal, out, (), today)  # warm caches (content, fonts)
        cases = {"charts, figures, wellbeing": (), "and answers to all 19 steps": ALL_STEPS}
        medians = {}
        for label, steps in cases.items():
            medians[label] = statistics.median(_timed(journal, out, steps, today)
                                               for _ in range(ROUNDS))
            pages = report.write_report(journal, out, include_steps=steps, today=today)[1]
            print(f"  {label:<28} {medians[label]:5.2f} s  ({pages} pages, "
                  f"{out.stat().st_size / 1024:.0f} KiB, median of {ROUNDS})")
    worst = max(medians.values())
    print(f"report seconds {worst:.2f} (target <= {TARGET_S:g})")
    return 0 if worst <= TARGET_S else 1


if __name__ == "__main__":
    sys.exit(main())
