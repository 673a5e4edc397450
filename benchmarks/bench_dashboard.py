"""`08_dashboard` Run All against a ten-year journal vs a bare notebook drawing the same charts.

Both notebooks run through nbclient in a kernel of their own. The bare notebook is
what a person might write by hand: it reads the same tables with ``pandas.read_sql``
and draws ten comparable charts (daily mood, mood × energy, a year grid, No-Contact
days, an urge heatmap, habits, wellbeing, the journey, "took up your mind", before
and after) with matplotlib, each shown as a PNG; no forms, no checklist, no report.

- **cold**: a fresh kernel each round; the time covers starting it, running every
  cell and shutting it down.
- **warm**: the same kernel runs every cell again with nothing changed in the journal
  (what pressing Run All a second time costs). The kit's kernel hands back the charts
  it drew (:mod:`exback_kit.notebook.chart_cache`) and reads no table again; the bare
  notebook has no such memory and draws everything anew.

Rounds alternate between the two notebooks; medians are compared. Last lines:
``dashboard warm ratio X.XX (target <= 0.5)`` and ``dashboard cold ratio X.XX
(target <= 1.1)``; exit status 1 when either is over target.
"""

from __future__ import annotations

import statistics
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

import nbformat
from nbclient import NotebookClient

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from benchmarks._data import ten_year_home  # noqa: E402 (after the path is set)

COLD_TARGET = 1.1
WARM_TARGET = 0.5
ROUNDS = 5

BARE_CELLS = [
    """\
import io, os, sqlite3
import numpy as np
import pandas as pd
from matplotlib.figure import Figure
from IPython.display import Image, display
conn = sqlite3.connect(os.path.join(os.environ["EXBACK_HOME"], "journal.sqlite3"))
def read(table):
    return pd.read_sql(f"SELECT * FROM {table} ORDER BY at", conn, parse_dates=["at", "day"])
def show(fig):
    buf = io.BytesIO()
    fig.savefig(buf, format="png", dpi=100)
    display(Image(buf.getvalue()))
""",
    """\
checkins, urges, contacts = read("checkins"), read("urges"), read("contacts")
scales, answers = read("instrument_results"), read("answers")
reappraisals = read("reappraisals")
daily = checkins.groupby(checkins["day"].dt.date)["mood"].mean()
""",
    """\
fig = Figure(figsize=(7.5, 3.4)); ax = fig.add_subplot()
ax.plot(daily.index, daily.values); ax.plot(daily.index, daily.rolling(7).mean().values)
ax.set_title("Mood"); show(fig)
""",
    """\
fig = Figure(figsize=(6.5, 5)); ax = fig.add_subplot()
recent = checkins.tail(180)
ax.scatter(recent["mood"], recent["energy"]); ax.set_title("Mood and energy"); show(fig)
""",
    """\
fig = Figure(figsize=(7.5, 3.4)); ax = fig.add_subplot()
last = daily.tail(371).to_numpy()
ax.imshow(np.resize(last, (7, 53)), aspect="auto"); ax.set_title("Year in pixels"); show(fig)
""",
    """\
fig = Figure(figsize=(7.5, 3.4)); ax = fig.add_subplot()
per_day = contacts.groupby(contacts["day"].dt.date).size()
ax.bar(per_day.index, per_day.values); ax.set_title("No contact"); show(fig)
""",
    """\
fig = Figure(figsize=(7.5, 3.4)); ax = fig.add_subplot()
grid = urges.pivot_table(index=urges["at"].dt.weekday, columns=urges["at"].dt.hour,
                         values="intensity", aggfunc="count", fill_value=0)
ax.imshow(grid.to_numpy(), aspect="auto"); ax.set_title("Urges"); show(fig)
""",
    """\
fig = Figure(figsize=(7.5, 3.4)); ax = fig.add_subplot()
habits = checkins["habits"].fillna("[]").str.strip("[]").str.split(",").explode().str.strip()
counts = habits[habits != ""].value_counts()
ax.barh(counts.index, counts.values); ax.set_title("Habits"); show(fig)
""",
    """\
fig = Figure(figsize=(7.5, 3.4)); ax = fig.add_subplot()
for name, rows in scales.groupby("instrument"):
    ax.plot(rows["day"], rows["score"], marker="o", label=name)
ax.legend(); ax.set_title("Wellbeing"); show(fig)
""",
    """\
fig = Figure(figsize=(7.5, 3.4)); ax = fig.add_subplot()
steps = answers.groupby("step").size()
ax.barh(steps.index.astype(str), steps.values); ax.set_title("Journey"); show(fig)
""",
    """\
fig = Figure(figsize=(7.5, 3.4)); ax = fig.add_subplot()
mind = checkins.groupby(checkins["day"].dt.date)["mind"].mean().tail(90)
ax.plot(mind.index, mind.values); ax.set_title("Mind"); show(fig)
""",
    """\
fig = Figure(figsize=(7.5, 3.4)); ax = fig.add_subplot()
ax.plot(reappraisals["feelings_before"], "o"); ax.plot(reappraisals["feelings_after"], "o")
ax.set_title("Before and after"); show(fig)
""",
]


def bare_notebook() -> Any:
    """Return the hand-written notebook: read the tables, draw ten charts."""
    nb = nbformat.v4.new_notebook()
    nb.cells = [nbformat.v4.new_code_cell(code) for code in BARE_CELLS]
    return nb


def run_twice(nb: Any, env: dict[str, str], cwd: Path) -> tuple[float, float]:
    """Run every cell of ``nb`` in a fresh kernel, then again; return (cold, warm) seconds."""
    client = NotebookClient(nb, timeout=600, kernel_name="python3",
                            resources={"metadata": {"path": str(cwd)}})
    start = time.perf_counter()
    with client.setup_kernel(env=env):
        for index, cell in enumerate(nb.cells):
            client.execute_cell(cell, index)
        cold = time.perf_counter() - start
        start = time.perf_counter()
        for index, cell in enumerate(nb.cells):
            client.execute_cell(cell, index)
        warm = time.perf_counter() - start
    return cold, warm


def main() -> int:
    """Build the journal, time both notebooks in alternating rounds, print the ratios."""
    with tempfile.TemporaryDirectory() as tmp:
        env, _ = ten_year_home(tmp)
        kit_nb = nbformat.read(REPO / "notebooks" / "08_dashboard.ipynb", as_version=4)
        runs: dict[str, list[tuple[float, float]]] = {"kit": [], "bare": []}
        makers = {"kit": lambda: nbformat.from_dict(kit_nb), "bare": bare_notebook}
        for label in ("bare", "kit"):  # warm the disk and bytecode caches for both
            run_twice(makers[label](), env, Path(tmp))
        for i in range(ROUNDS):
            for label in (("bare", "kit") if i % 2 == 0 else ("kit", "bare")):
                runs[label].append(run_twice(makers[label](), env, Path(tmp)))
    med = {label: (statistics.median(c for c, _ in r), statistics.median(w for _, w in r))
           for label, r in runs.items()}
    for label, (cold, warm) in med.items():
        print(f"{label}: cold {cold:.2f} s, warm re-run {warm:.2f} s (medians of {ROUNDS}); "
              "cold rounds " + " ".join(f"{c:.2f}" for c, _ in runs[label]))
    cold_ratio = med["kit"][0] / med["bare"][0]
    warm_ratio = med["kit"][1] / med["bare"][1]
    print(f"dashboard warm ratio {warm_ratio:.2f} (target <= {WARM_TARGET})")
    print(f"dashboard cold ratio {cold_ratio:.2f} (target <= {COLD_TARGET})")
    return 0 if cold_ratio <= COLD_TARGET and warm_ratio <= WARM_TARGET else 1


if __name__ == "__main__":
    sys.exit(main())
