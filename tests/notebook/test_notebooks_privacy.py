"""Saved notebooks keep no journal text and no chart images; committed ones are thin and clean.

Each notebook is executed against a journal holding a unique marker in every
kind of free text, then saved the way JupyterLab saves it by default (widget
state not stored: ``saveState`` is false), and the saved file is searched for
the marker and for any PNG. A control notebook that shows the person's text
the wrong way proves the check can fail.
"""

from __future__ import annotations

import json
import os
import re
import uuid
from datetime import date, timedelta
from pathlib import Path
from typing import Any

import nbformat
import pytest

from exback_kit import Journal

REPO = Path(__file__).resolve().parents[2]
NOTEBOOKS = sorted((REPO / "notebooks").glob("*.ipynb"))
STAGE_IDS = ["00_start_here", "01_space_and_clarity", "02_reading_the_signals",
             "03_rebuilding_you", "04_holding_steady", "05_reconnecting",
             "06_the_conversation", "07_relationship_2_0", "08_dashboard"]
PNG_SIGNS = ("image/png", "iVBORw0KGgo")  # the mimetype, and a base64 PNG header
ALLOWED_CALL = re.compile(r'^(from exback_kit import stages|stages\.\w+\("[\w.]+"(, "\w+")?\))$')


def _fill(journal: Journal, marker: str) -> None:
    """Give every free-text field a marked value, and enough days for every chart."""
    today = date.today()
    for i in range(12):
        journal.add_checkin(mood=3 + i % 6, energy=4 + i % 5, sleep_hours=7,
                            habits=["exercise"] if i % 2 else [], note=f"{marker} day {i}",
                            at=today - timedelta(days=12 - i))
    journal.add("nocontact_periods", start_day=today - timedelta(days=10), target_days=30,
                note=marker)
    journal.log_contact(initiated_by="them", note=marker, at=today - timedelta(days=3))
    journal.log_urge(intensity=6, trigger=marker[:40], helped=marker[:40], note=marker)
    journal.add("signals", source=marker[:40], what=marker, warmth=3)
    journal.add("unsent", text=f"{marker} unsent")
    journal.add("patterns", pattern=marker[:40], root=marker, plan=marker)
    journal.add("decisions", decision="not_sure", reasons=marker)
    journal.add("reachouts", plan=marker, expectation=marker)
    journal.add("meetings", place=marker[:40], felt=6, note=marker)
    journal.add("repairs", issue=marker, plan=marker)
    journal.add("agreements", text=marker)
    journal.add("milestones", title=marker[:40], note=marker)
    journal.add("old_habits", habit=marker[:40], note=marker)
    journal.save_answer(0, "breakup_date", (today - timedelta(days=40)).isoformat())
    journal.save_answer(2, "still_love", marker)
    journal.save_answer(4, "my_part", marker)
    journal.set_setting("habits", ["exercise", marker])


@pytest.fixture(scope="module")
def marked_home(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, str]:
    """A journal folder whose free text all carries one unique marker."""
    home = tmp_path_factory.mktemp("marked-home")
    marker = f"MARKER-{uuid.uuid4().hex}"
    with Journal.open(home / "journal.sqlite3") as j:
        _fill(j, marker)
    return home, marker


def _execute(nb: Any, home: Path, cwd: Path) -> Any:
    """Run a notebook in a fresh kernel against ``home``; save it as JupyterLab would."""
    from nbclient import NotebookClient

    env = dict(os.environ, EXBACK_HOME=str(home), XDG_DATA_HOME=str(home / "xdg"))
    env.pop("EXBACK_JOURNAL", None)
    client = NotebookClient(nb, timeout=300, kernel_name="python3", allow_errors=False,
                            resources={"metadata": {"path": str(cwd)}})
    client.execute(env=env)
    # JupyterLab's default (saveState: false) stores no widget state in the file.
    nb.metadata.pop("widgets", None)
    return nb


def _saved_text(nb: Any, path: Path) -> str:
    nbformat.write(nb, path)
    return path.read_text()


@pytest.mark.slow
@pytest.mark.parametrize("notebook", NOTEBOOKS, ids=lambda p: p.stem)
def test_a_saved_notebook_keeps_no_journal_text_or_images(
        notebook: Path, marked_home: tuple[Path, str], tmp_path: Path) -> None:
    home, marker = marked_home
    nb = _execute(nbformat.read(notebook, as_version=4), home, tmp_path)
    saved = _saved_text(nb, tmp_path / notebook.name)
    assert marker not in saved
    for sign in PNG_SIGNS:
        assert sign not in saved
    views = [o for c in nb.cells if c.cell_type == "code" for o in c.get("outputs", [])
             if "application/vnd.jupyter.widget-view+json" in o.get("data", {})]
    assert views, "the notebook showed no kit widgets at all"
    for view in views:
        assert view["data"]["text/plain"].startswith("exback-kit part ")


@pytest.mark.slow
def test_the_check_catches_a_widget_that_shows_the_persons_text(
        marked_home: tuple[Path, str], tmp_path: Path) -> None:
    """Control: an HTML widget shown directly as a cell result leaks its value into the file."""
    home, marker = marked_home
    nb = nbformat.v4.new_notebook()
    nb.cells = [nbformat.v4.new_code_cell(
        "import ipywidgets as w\nfrom exback_kit import Journal\n"
        "w.HTML(Journal.open().records('checkins')[-1]['note'])")]
    saved = _saved_text(_execute(nb, home, tmp_path), tmp_path / "control.ipynb")
    assert marker in saved


@pytest.mark.parametrize("notebook", NOTEBOOKS, ids=lambda p: p.stem)
def test_committed_notebooks_carry_no_outputs(notebook: Path) -> None:
    nb = json.loads(notebook.read_text())
    assert "widgets" not in nb["metadata"]
    for cell in nb["cells"]:
        if cell["cell_type"] == "code":
            assert cell["outputs"] == []
            assert cell["execution_count"] is None


@pytest.mark.parametrize("notebook", NOTEBOOKS, ids=lambda p: p.stem)
def test_notebooks_are_thin(notebook: Path) -> None:
    """Code cells only import the kit and make one call: no functions, SQL or pandas."""
    nb = nbformat.read(notebook, as_version=4)
    code = [c.source for c in nb.cells if c.cell_type == "code"]
    assert code
    for source in code:
        lines = [ln for ln in source.splitlines() if ln.strip()]
        assert 1 <= len(lines) <= 2
        for line in lines:
            assert ALLOWED_CALL.match(line), line
    assert nb.cells[0].cell_type == "markdown"


def test_there_is_one_notebook_per_stage() -> None:
    assert [p.stem for p in NOTEBOOKS] == STAGE_IDS
