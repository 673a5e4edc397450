"""Steps the browser tests share: open a notebook (JupyterLab or the app view), wait until
every part has rendered, and run axe-core on what the kit drew.

Imported by the test modules and by conftest.py (this folder is on sys.path, as pytest puts
a conftest's folder there when the folder is not a package).
"""

from __future__ import annotations

import json
import re
import urllib.request
from pathlib import Path
from typing import Any

import pytest

REPO = Path(__file__).resolve().parents[2]
NOTEBOOKS = sorted(p.name for p in (REPO / "notebooks").glob("*.ipynb"))
ARTIFACTS = REPO / "test-artifacts"
#: Milliseconds: kernels, Voila's full execution and first renders are slow on a busy CI box.
SLOW_MS = 180_000
#: The last part of every stage: once it is on the page, all cells ran.
DONE = ".exback-part-next .exback-next"
WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]
BLOCKING = ("serious", "critical")

#: True once ``n`` kit parts are on the page and nothing in it changed for a second
#: (widget views render one after another, after the last cell's output arrived).
SETTLED = """([n]) => {
  const now = document.querySelectorAll('.exback-part').length >= n
    ? document.body.innerHTML.length : -1;
  const w = window;
  if (now < 0 || now !== w.__exbackSize) { w.__exbackSize = now; w.__exbackSince = Date.now(); }
  return now >= 0 && Date.now() - w.__exbackSince > 1000;
}"""


def parts_in(name: str) -> int:
    """Return how many kit parts the notebook shows (one per code cell)."""
    nb = json.loads((REPO / "notebooks" / name).read_text())
    return sum(1 for cell in nb["cells"] if cell["cell_type"] == "code")


#: True once every image on the page has loaded and nothing changed size for two frames.
STILL = """() => new Promise(done => {
  const size = () => document.body.scrollHeight + ':' + document.body.innerHTML.length;
  const before = size();
  requestAnimationFrame(() => requestAnimationFrame(() => done(
    size() === before && [...document.images].every(i => i.complete))));
})"""


#: Elements (not text fields) that scroll sideways inside the page.
SIDEWAYS_SCROLLERS = """() => [...document.querySelectorAll('body, body *')]
   .filter(e => !['TEXTAREA', 'INPUT', 'SELECT'].includes(e.tagName))
   .filter(e => ['auto', 'scroll'].includes(getComputedStyle(e).overflowX))
   .filter(e => e.scrollWidth > e.clientWidth + 1)
   .map(e => e.tagName + '.' + e.className + ' ' + e.scrollWidth + '>' + e.clientWidth)"""


def sideways(page: Any) -> tuple[list[int], list[str]]:
    """Return the page's [scroll width, window width] and whatever scrolls sideways in it."""
    overflow = page.evaluate("() => [document.documentElement.scrollWidth, window.innerWidth]")
    return overflow, page.evaluate(SIDEWAYS_SCROLLERS)


def settle(page: Any) -> Any:
    """Wait until the page has laid itself out again (after a resize or a scroll)."""
    page.wait_for_function(STILL, polling=100)
    return page


def wait_settled(page: Any, name: str) -> Any:
    """Wait until every part of notebook ``name`` is on the page and the page is still."""
    page.wait_for_function(SETTLED, arg=[parts_in(name)], polling=250, timeout=60_000)
    return page


def journal_with_days(home: Path, days: int) -> Path:
    """Write a person's journal (not marked as a demo) with ``days`` days of made-up entries."""
    from exback_kit import Journal
    from exback_kit.interchange import demo

    made = demo.make_demo(home.parent / "made" / "journal.sqlite3", days=days)
    home.mkdir(parents=True, exist_ok=True)
    target = home / "journal.sqlite3"
    with Journal.open(made, backup=False) as source:
        source.backup(target)
    with Journal.open(target, backup=False) as j:
        j.set_setting("demo", False)
    return target


#: Days of entries in the journal the accessibility tests look at.
FULL_DAYS = 60


# --- the app view (Voila) -------------------------------------------------------------------

def open_app(page: Any, app: Any, name: str, until: str = DONE) -> Any:
    """Open ``name`` in the app view and wait until ``until`` has rendered."""
    page.goto(f"{app.base}/voila/render/{name}?token={app.token}")
    page.locator(until).first.wait_for()
    return page


def answer_boundaries(page: Any, yes: str) -> None:
    """In the open boundaries check, answer ``yes`` Yes and every other question No; save."""
    from exback_kit import content

    check = page.locator(".exback-boundaries")
    for question in content.load().boundary_questions:
        check.locator(f".exback-field-{question} label").filter(
            has_text="Yes" if question == yes else "No").first.click()
    check.locator("button.exback-save").click()
    check.locator(".exback-status").filter(has_text="Saved").wait_for()


# --- JupyterLab -----------------------------------------------------------------------------

def contents_written(page: Any, name: str) -> Any:
    """Wait (``with``) for JupyterLab's save of ``name``: the server answers once it wrote it."""
    return page.expect_response(lambda r: r.request.method == "PUT"
                                and r.url.split("?")[0].endswith(f"/api/contents/{name}"))


def kernel_idle(page: Any) -> None:
    """Wait until the kernel is connected and idle (status bar and execution indicator)."""
    page.locator(".jp-StatusBar-TextItem").filter(has_text=re.compile(r"\| Idle$")).first.wait_for()
    page.locator(".jp-Notebook-ExecutionIndicator[data-status='idle']").first.wait_for(
        state="attached")


def api(lab: Any, path: str) -> Any:
    """GET one of the server's own REST addresses (``/api/kernels``) with its token."""
    request = urllib.request.Request(  # noqa: S310 (the server's own http://127.0.0.1 address)
        f"{lab.base}{path}", headers={"Authorization": f"token {lab.token}"})
    with urllib.request.urlopen(request, timeout=60) as reply:  # noqa: S310
        return json.loads(reply.read())


def open_notebook(page: Any, lab: Any, name: str, workspace: str | None = None) -> None:
    """Open a notebook in a fresh workspace and wait for its kernel to be idle."""
    workspace = workspace or name[:2]
    page.goto(f"{lab.base}/lab/workspaces/{workspace}/tree/{name}?reset&token={lab.token}")
    page.locator(".jp-NotebookPanel").first.wait_for()
    kernel_idle(page)


def wait_ran(page: Any, until: str) -> None:
    """Wait until the opened kit notebook has run on its own and its kernel is idle.

    Kit notebooks run when they open (the kit's JupyterLab extension): no menu is used, and
    choosing Run All as well would run every cell twice and redraw the forms under the test.
    """
    page.locator(until).first.wait_for()
    kernel_idle(page)
    page.wait_for_function(  # every code cell has its run count: the last output is in
        "() => [...document.querySelectorAll('.jp-CodeCell .jp-InputPrompt')]"
        ".every(p => /\\[\\d+\\]/.test(p.textContent))", polling=250)


#: The name the tests used before kit notebooks ran on their own (kept for them).
run_all = wait_ran


# --- axe-core -------------------------------------------------------------------------------

def axe_script() -> Path:
    """Return the axe-core script that axe-playwright-python ships (skip if it is missing)."""
    try:
        import axe_playwright_python
    except ImportError:
        pytest.skip("axe-playwright-python is missing (pip install -e '.[test]')")
    return Path(axe_playwright_python.__file__).parent / "axe.min.js"


def run_axe(page: Any, include: str | None = None, rules: list[str] | None = None) -> list[Any]:
    """Run axe-core's WCAG A/AA rules on the page (or only inside ``include``)."""
    if not page.evaluate("() => typeof window.axe !== 'undefined'"):
        page.add_script_tag(path=str(axe_script()))
    options: dict[str, Any] = {"runOnly": {"type": "tag", "values": WCAG_TAGS}}
    if rules:
        options = {"runOnly": {"type": "rule", "values": rules}}
    context = {"include": [[include]]} if include else None
    return list(page.evaluate(
        "async ([context, options]) => (await axe.run(context || document, options)).violations",
        [context, options]))


def blocking(violations: list[Any]) -> list[str]:
    """Return 'rule (impact): n nodes, first: <html>' for each serious or critical violation."""
    return [f"{v['id']} ({v['impact']}): {len(v['nodes'])} nodes, first: "
            f"{v['nodes'][0]['html'][:160]}" for v in violations if v["impact"] in BLOCKING]


def report(where: str, violations: list[Any]) -> None:
    """Print every rule id axe found (blocking or not), for the test log."""
    found = ", ".join(f"{v['id']}:{v['impact']}" for v in violations) or "none"
    print(f"axe {where}: {found}")


def whole_app_page(page: Any, name: str) -> None:
    """Screenshot the whole app view from its top into test-artifacts/ (Voila scrolls inside
    a container, so the viewport grows to the content first)."""
    height = page.evaluate("() => Math.max(...Array.from(document.querySelectorAll('*'))"
                           ".map(e => e.scrollHeight))")
    page.set_viewport_size({"width": 1280, "height": min(int(height) + 200, 16000)})
    page.evaluate("() => document.querySelectorAll('*').forEach(e => { e.scrollTop = 0; })")
    settle(page)
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / name), full_page=True)
