"""Usable by everyone, in JupyterLab: axe-core on the kit's output areas, light and dark theme.

The session's `exback lab` serves it, over a journal holding 60 days of entries, and
one Chromium page the whole module. axe-core runs only inside the notebooks' output
areas (the kit's widgets; JupyterLab's own chrome is not ours to fix). The dark-theme
test switches JupyterLab to "JupyterLab Dark" through its settings folder, re-opens a
notebook with forms and charts, runs axe (its colour-contrast rule included) and saves
a screenshot under test-artifacts/ for a person to look at.

Every notebook is checked with axe in the app view (test_accessibility.py), and the
widgets are the same ipywidgets views in both; what JupyterLab adds is its output
areas, theme and styles around them. So the light-theme check here runs on the
notebooks that together hold every kind of widget the kit builds (LAB_NOTEBOOKS; a
test in this module checks that they still do), and the dark one on 00 and 04.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from kit_pages import (
    ARTIFACTS,
    DONE,
    FULL_DAYS,
    NOTEBOOKS,
    blocking,
    journal_with_days,
    open_notebook,
    report,
    run_all,
    run_axe,
    settle,
    wait_settled,
)

from exback_kit.content import texts

pytestmark = pytest.mark.browser

OUTPUTS = ".jp-OutputArea-output"
DARK = {"@jupyterlab/apputils-extension/themes.jupyterlab-settings":
        {"theme": "JupyterLab Dark"}}
#: The dark-theme check looks at the notebooks with the most forms and charts.
DARK_NOTEBOOKS = ("00_start_here.ipynb", "04_holding_steady.ipynb")
#: The light-theme check: 04 holds most kinds of widget (sliders, choice groups, check
#: groups, dates, a dropdown, a combobox, number and text fields, charts), 03 adds the
#: tags input, 08 the progress bars and the multiple selection. 00 (check-in, charts)
#: is checked in the dark theme.
LAB_NOTEBOOKS = ("03_rebuilding_you.ipynb", "04_holding_steady.ipynb", "08_dashboard.ipynb")


@pytest.fixture(scope="module")
def page(module_page: Any) -> Iterator[Any]:
    """The module's one browser page, tall (for whole-notebook screenshots)."""
    module_page.set_viewport_size({"width": 1280, "height": 1600})
    yield module_page


def open_and_run(page: Any, lab: Any, name: str, workspace: str) -> Any:
    """Open ``name`` in a fresh workspace (it runs by itself), wait until every part rendered."""
    open_notebook(page, lab, name, workspace)
    run_all(page, DONE)
    return wait_settled(page, name)


def in_outputs(page: Any, where: str) -> list[Any]:
    """Run axe-core inside the output areas; print every rule found; return the violations."""
    violations = run_axe(page, include=OUTPUTS)
    report(f"lab {where}", violations)
    return violations


@pytest.mark.parametrize("name", LAB_NOTEBOOKS)
def test_the_kits_widgets_in_jupyterlab_pass_axe(lab_full: Any, page: Any, name: str) -> None:
    open_and_run(page, lab_full, name, f"a11y-{name[:2]}")
    assert blocking(in_outputs(page, name)) == []


def test_the_lab_notebooks_hold_every_kind_of_widget_the_kit_shows(tmp_path: Path) -> None:
    """What the JupyterLab checks open still shows every widget class any notebook shows."""
    from exback_kit import Journal, stages
    from exback_kit.notebook import session

    def kinds(w: Any) -> set[str]:
        return {type(w).__name__}.union(*(kinds(c) for c in getattr(w, "children", ())))

    path = journal_with_days(tmp_path / "home", FULL_DAYS)
    shown: dict[str, set[str]] = {}
    try:
        for name in NOTEBOOKS:
            session.reset()
            with Journal.open(path, backup=False) as j:
                stages.use_journal(j)
                shown[name] = kinds(stages.show(name.removesuffix(".ipynb")))
    finally:
        session.reset()
    checked = set().union(*(shown[n] for n in (*LAB_NOTEBOOKS, *DARK_NOTEBOOKS)))
    assert len(checked) > 15  # forms, charts and their inputs, not just boxes
    assert set().union(*shown.values()) - checked == set()


@pytest.mark.parametrize("name", DARK_NOTEBOOKS)
def test_forms_and_charts_stay_readable_in_the_dark_theme(
        lab_full: Any, page: Any, name: str) -> None:
    """Dark theme: axe's contrast rule passes in the output areas; the screenshot is kept."""
    settings = lab_full.notebooks.parent / "lab-settings"
    for file, values in DARK.items():
        (settings / file).parent.mkdir(parents=True, exist_ok=True)
        (settings / file).write_text(json.dumps(values))
    open_and_run(page, lab_full, name, f"a11y-dark-{name[:2]}")
    page.locator("body[data-jp-theme-light='false']").wait_for(state="attached")
    assert blocking(in_outputs(page, f"dark {name}")) == []
    # The kit's light boxes and chart cards keep their own dark text on light ground.
    where = page.locator(".exback-where div[style*='background']").first
    assert where.evaluate("e => getComputedStyle(e).color") == "rgb(31, 35, 40)"
    ARTIFACTS.mkdir(exist_ok=True)
    page.set_viewport_size({"width": 1280, "height": 4200})  # the notebook scrolls inside
    settle(page)
    page.evaluate("document.querySelectorAll('.jp-WindowedPanel-outer')"
                  ".forEach(e => { e.scrollTop = 0; })")
    page.screenshot(path=str(ARTIFACTS / f"lab_dark_{name.removesuffix('.ipynb')}.png"),
                    full_page=True)
    assert texts.WHERE_HEADING in page.locator(".exback-where").first.inner_text()
