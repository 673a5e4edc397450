"""Executing 00_start_here against a ten-year journal vs a notebook that only imports.

Both notebooks run headless through nbclient, each in a fresh kernel, the way
CI executes notebooks: the time covers starting the kernel, running every cell
and shutting it down. The baseline is a one-cell notebook holding the imports a
plain analysis notebook starts with (``import pandas``, ``matplotlib.pyplot``
and ``ipywidgets``); the kit's notebook builds the header, the three forms, the
mood chart over ten years and "what comes next" from a journal of about 3,650
days. Rounds alternate between the two (A B, then B A, to cancel drift). The
ratio compares each notebook's fastest round, as Python's ``timeit`` advises:
other processes on a shared machine only ever add time, so the minimum is the
closest to the notebook's own cost; medians are printed beside it.
Last line: ``notebooks ratio X.XX (target <= 1.2)``; exit status 1 over target.
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

TARGET = 1.2
ROUNDS = 8
BASELINE_CODE = "import pandas as pd\nimport matplotlib.pyplot as plt\nimport ipywidgets as widgets"


def baseline_notebook() -> Any:
    """Return the one-cell notebook that only imports pandas, matplotlib and ipywidgets."""
    nb = nbformat.v4.new_notebook()
    nb.cells = [nbformat.v4.new_code_cell(BASELINE_CODE)]
    return nb


def run_once(nb: Any, env: dict[str, str], cwd: Path) -> float:
    """Execute ``nb`` in a fresh kernel; return the seconds it took, kernel start included."""
    client = NotebookClient(nb, timeout=600, kernel_name="python3",
                            resources={"metadata": {"path": str(cwd)}})
    start = time.perf_counter()
    client.execute(env=env)
    return time.perf_counter() - start


def main() -> int:
    """Build the journal, time both notebooks in alternating rounds, print the ratio."""
    with tempfile.TemporaryDirectory() as tmp:
        env, _ = ten_year_home(tmp)
        kit_nb = nbformat.read(REPO / "notebooks" / "00_start_here.ipynb", as_version=4)
        run_once(baseline_notebook(), env, Path(tmp))  # warm the disk cache for both
        run_once(nbformat.from_dict(kit_nb), env, Path(tmp))
        kit: list[float] = []
        base: list[float] = []
        for i in range(ROUNDS):
            order = [(base, baseline_notebook), (kit, lambda: nbformat.from_dict(kit_nb))]
            for times, make in order if i % 2 == 0 else order[::-1]:
                times.append(run_once(make(), env, Path(tmp)))
    for label, times in (("baseline (imports only)", base), ("00_start_here, 10 years", kit)):
        print(f"{label}: min {min(times):.2f} s, median {statistics.median(times):.2f} s; "
              "rounds " + " ".join(f"{t:.2f}" for t in times))
    print(f"median ratio {statistics.median(kit) / statistics.median(base):.2f}")
    ratio = min(kit) / min(base)
    print(f"notebooks ratio {ratio:.2f} (target <= {TARGET})")
    return 0 if ratio <= TARGET else 1


if __name__ == "__main__":
    sys.exit(main())
