"""nbval runs Moving on (09) cleanly on the moving-on road, over a journal with data in it.

The README's ``pytest --nbval-lax --nbval-current-env notebooks/`` runs every notebook on
an empty journal; this runs 09 the way someone on the moving-on road meets it: a
protective order named, check-ins with "on your mind", a clear-eyed entry, a checklist.
The notebook is copied out of the repository so the repository's conftest (which points
nbval at a fresh, empty journal) stays out of the way.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from datetime import date, timedelta
from pathlib import Path

import pytest

from exback_kit import Journal

pytestmark = pytest.mark.slow
REPO = Path(__file__).resolve().parents[2]
KINDS = ("answers", "checkins", "reappraisals", "checklist_items", "reflections")


def test_nbval_runs_moving_on_on_the_moving_on_road(tmp_path: Path) -> None:
    pytest.importorskip("nbval")
    home = tmp_path / "home"
    home.mkdir()
    today = date.today()
    with Journal.open(home / "journal.sqlite3") as j:
        j.save_answer(0, "protective_order", "yes")
        j.save_answer(0, "breakup_date", (today - timedelta(days=40)).isoformat())
        for n in range(14):
            j.add_checkin(mood=4 + n % 4, mind=8 - n // 2, at=today - timedelta(days=14 - n))
        j.add("reappraisals", what="We never made plans", pleasant="a swim",
              feelings_before=7, mood_before=4, feelings_after=6, mood_after=6)
        j.add("checklist_items", checklist="devices", item="Mute their chats")
        j.add("reflections", topic="grief", question="learned", value="to ask for help")
        before = {kind: len(j.records(kind)) for kind in KINDS}
    run = tmp_path / "run"
    run.mkdir()
    shutil.copy(REPO / "notebooks" / "09_moving_on.ipynb", run)
    (run / "pytest.ini").write_text("[pytest]\n")
    env = {k: v for k, v in os.environ.items() if k != "EXBACK_JOURNAL"}
    env["EXBACK_HOME"] = str(home)
    done = subprocess.run(
        [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", "--nbval-lax",
         "--nbval-current-env", "09_moving_on.ipynb"],
        cwd=run, env=env, capture_output=True, text=True, timeout=600, check=False)
    assert done.returncode == 0, done.stdout[-3000:] + done.stderr[-2000:]
    assert " passed" in done.stdout and "failed" not in done.stdout
    with Journal.open(home / "journal.sqlite3") as j:  # running it adds no entries
        assert {kind: len(j.records(kind)) for kind in KINDS} == before
