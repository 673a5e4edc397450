"""The risky-times computations over ten years of urges vs bare pandas counting the same things.

The kit's side is everything "Your risky times" and ``exback urges`` compute from
the typed frames: the risky windows of the last 8 weeks, what helped (with contact
within 24 hours), the share of urges followed by contact, the suggestions and the
review of two plans. The baseline is plain pandas over the same frames: a groupby
of the last 8 weeks by weekday and 2-hour block, a groupby of what helped by its
case-folded text, and a merge_asof of urges onto the next contact. Rounds
alternate; medians are compared. Last line: ``plans ratio X.XX (target <= 3.0)``;
exit status 1 when the ratio or the kit's time (target < 100 ms) is over target.
"""

from __future__ import annotations

import statistics
import sys
import tempfile
import time
from datetime import date
from pathlib import Path

import pandas as pd

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from benchmarks._data import fill_years
from exback_kit import Journal
from exback_kit.domain import plans
from exback_kit.store import reads

TARGET = 3.0
KIT_TARGET_MS = 100.0
ROUNDS = 9


def kit(tables: dict[str, pd.DataFrame], today: date) -> object:
    urges, contacts, saved = tables["urges"], tables["contacts"], tables["plans"]
    return (plans.risky_windows(urges, today), plans.what_helped(urges, contacts, today),
            plans.contact_share(urges, contacts, today), plans.suggestions(urges, contacts, today),
            plans.plan_review(urges, saved, today))


def bare(tables: dict[str, pd.DataFrame], today: date) -> object:
    urges, contacts = tables["urges"], tables["contacts"]
    recent = urges[urges["day"] > pd.Timestamp(today) - pd.Timedelta(weeks=8)]
    windows = recent.groupby([recent["day"].dt.day_of_week, recent["hour"] // 2]).agg(
        urges=("id", "size"), acted=("acted_on", "sum"))
    helped = urges.groupby(urges["helped"].str.strip().str.casefold()).agg(
        uses=("id", "size"), acted=("acted_on", "sum"))
    nxt = pd.merge_asof(urges[["at"]].sort_values("at"),
                        contacts[["at"]].rename(columns={"at": "next"}).sort_values("next"),
                        left_on="at", right_on="next", direction="forward")
    followed = int(((nxt["next"] - nxt["at"]) <= pd.Timedelta(hours=24)).sum())
    return windows[windows["urges"] >= 3], helped[helped["uses"] >= 3], followed


def main() -> int:
    with tempfile.TemporaryDirectory() as tmp:
        journal = Journal.open(Path(tmp) / "j.sqlite3")
        counts = fill_years(journal)
        journal.add("plans", weekday="sat", start_time="22:00", action="call a friend")
        journal.add("plans", weekday="sun", start_time="00:00", action="make tea")
        tables = reads.load_tables(journal, ("urges", "contacts", "plans"))
        journal.close()
    today = date.today()
    kit_s, bare_s = [], []
    for _ in range(ROUNDS):
        start = time.perf_counter()
        kit(tables, today)
        kit_s.append(time.perf_counter() - start)
        start = time.perf_counter()
        bare(tables, today)
        bare_s.append(time.perf_counter() - start)
    k, b = statistics.median(kit_s), statistics.median(bare_s)
    print(f"{counts['urges']:,} urges, {counts['contacts']:,} contacts")
    print(f"kit {k * 1000:.1f} ms (target < {KIT_TARGET_MS:.0f} ms), bare {b * 1000:.1f} ms")
    ratio = k / b
    print(f"plans ratio {ratio:.2f} (target <= {TARGET})")
    return 0 if ratio <= TARGET and k * 1000 < KIT_TARGET_MS else 1


if __name__ == "__main__":
    sys.exit(main())
