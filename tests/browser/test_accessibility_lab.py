"""Usable by everyone, in JupyterLab: axe-core on the kit's output areas, light and dark theme.

One `exback lab` and one Chromium serve the whole module, with a journal holding
60 days of entries. axe-core runs only inside the notebooks' output areas (the
kit's widgets; JupyterLab's own chrome is not ours to fix). The dark-theme test
switches JupyterLab to "JupyterLab Dark" through its settings folder, re-opens a
notebook with forms and charts, runs axe (its colour-contrast rule included) and
saves a screenshot under test-artifacts/ for a person to look at.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from exback_kit.content import texts

pytestmark = pytest.mark.browser

REPO = Path(__file__).resolve().parents[2]
NOTEBOOKS = sorted(p.name for p in (REPO / "notebooks").glob("*.ipynb"))
WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]
BLOCKING = ("serious", "critical")
OUTPUTS = ".jp-OutputArea-output"
DONE = ".exback-part-next .exback-next"
SLOW_MS = 180_000
ARTIFACTS = REPO / "test-artifacts"
DARK = {"@jupyterlab/apputils-extension/themes.jupyterlab-settings":
        {"theme": "JupyterLab Dark"}}
#: The dark-theme check looks at the notebooks with the most forms and charts.
DARK_NOTEBOOKS = ("00_start_here.ipynb", "04_holding_steady.ipynb")


def axe_script() -> Path:
    """Return the axe-core script that axe-playwright-python ships (skip if it is missing)."""
    try:
        import axe_playwright_python
    except ImportError:
        pytest.skip("axe-playwright-python is missing (pip install -e '.[test]')")
    return Path(axe_playwright_python.__file__).parent / "axe.min.js"


def axe_outputs(page: Any) -> list[Any]:
    """Run axe-core's WCAG A/AA rules inside the notebook's output areas only."""
    if not page.evaluate("() => typeof window.axe !== 'undefined'"):
        page.add_script_tag(path=str(axe_script()))
    return list(page.evaluate(
        "async ([sel, tags]) => (await axe.run({include: [[sel]]},"
        " {runOnly: {type: 'tag', values: tags}})).violations", [OUTPUTS, WCAG_TAGS]))


def blocking(violations: list[Any]) -> list[str]:
    """Return 'rule (impact): n nodes, first: <html>' for each serious or critical violation."""
    return [f"{v['id']} ({v['impact']}): {len(v['nodes'])} nodes, first: "
            f"{v['nodes'][0]['html'][:160]}" for v in violations if v["impact"] in BLOCKING]


def parts_in(name: str) -> int:
    nb = json.loads((REPO / "notebooks" / name).read_text())
    return sum(1 for cell in nb["cells"] if cell["cell_type"] == "code")


SETTLED = """([n]) => {
  const now = document.querySelectorAll('.exback-part').length >= n
    ? document.body.innerHTML.length : -1;
  const w = window;
  if (now < 0 || now !== w.__exbackSize) { w.__exbackSize = now; w.__exbackSince = Date.now(); }
  return now >= 0 && Date.now() - w.__exbackSince > 1000;
}"""


def kernel_idle(page: Any) -> None:
    page.locator(".jp-StatusBar-TextItem").filter(has_text=re.compile(r"\| Idle$")).first.wait_for()
    page.locator(".jp-Notebook-ExecutionIndicator[data-status='idle']").first.wait_for(
        state="attached")


def open_and_run(page: Any, lab: Any, name: str, workspace: str) -> None:
    """Open ``name`` in a fresh workspace, wait for its kernel, then Run → Run All Cells."""
    page.goto(f"{lab.base}/lab/workspaces/{workspace}/tree/{name}?reset&token={lab.token}")
    page.locator(".jp-NotebookPanel").first.wait_for()
    kernel_idle(page)
    page.locator(".lm-MenuBar-itemLabel").filter(has_text=re.compile(r"^Run$")).click()
    page.locator(".lm-Menu-itemLabel").filter(has_text=re.compile(r"^Run All Cells$")).click()


def finished(page: Any, name: str) -> Any:
    """Wait until every part of ``name`` has rendered in ``page`` (Run All again if dropped)."""
    try:
        page.locator(DONE).first.wait_for(timeout=90_000)
    except Exception:  # a kernel that reported idle too early can drop the first request
        page.locator(".lm-MenuBar-itemLabel").filter(has_text=re.compile(r"^Run$")).click()
        page.locator(".lm-Menu-itemLabel").filter(
            has_text=re.compile(r"^Run All Cells$")).click()
        page.locator(DONE).first.wait_for()
    page.wait_for_function(SETTLED, arg=[parts_in(name)], polling=250, timeout=60_000)
    return page


@pytest.fixture(scope="module")
def page(chromium: Any) -> Iterator[Any]:
    """The module's one browser page (a tall one, for whole-notebook screenshots)."""
    context = chromium.new_context(viewport={"width": 1280, "height": 1600})
    context.set_default_timeout(SLOW_MS)
    pg = context.new_page()
    yield pg
    context.close()


@pytest.mark.parametrize("name", NOTEBOOKS)
def test_the_kits_widgets_in_jupyterlab_pass_axe(lab_full: Any, page: Any, name: str) -> None:
    open_and_run(page, lab_full, name, f"a11y-{name[:2]}")
    finished(page, name)
    violations = axe_outputs(page)
    print(f"axe lab {name}: " + (", ".join(f"{v['id']}:{v['impact']}" for v in violations)
                                 or "none"))
    assert blocking(violations) == []


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
    finished(page, name)
    violations = axe_outputs(page)
    print(f"axe lab dark {name}: " + (", ".join(f"{v['id']}:{v['impact']}"
                                                for v in violations) or "none"))
    assert blocking(violations) == []
    # The kit's light boxes and chart cards keep their own dark text on light ground.
    where = page.locator(".exback-where div[style*='background']").first
    assert where.evaluate("e => getComputedStyle(e).color") == "rgb(31, 35, 40)"
    ARTIFACTS.mkdir(exist_ok=True)
    page.set_viewport_size({"width": 1280, "height": 4200})  # the notebook scrolls inside
    page.wait_for_timeout(1500)
    page.evaluate("document.querySelectorAll('.jp-WindowedPanel-outer')"
                  ".forEach(e => { e.scrollTop = 0; })")
    page.screenshot(path=str(ARTIFACTS / f"lab_dark_{name.removesuffix('.ipynb')}.png"),
                    full_page=True)
    assert texts.WHERE_HEADING in page.locator(".exback-where").first.inner_text()
