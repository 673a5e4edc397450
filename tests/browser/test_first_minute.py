"""The first minute in JupyterLab: nothing to learn before the first check-in, a tidy server.

A kit notebook runs when it opens (the kit's JupyterLab extension) and no other notebook
does, whatever its metadata says, a Run All pressed while
the kernel is still starting waits for it instead of running nothing, saving keeps a
repository notebook byte-identical, closing a notebook shuts its kernel down, and the
server prints no deprecation warning.
"""

from __future__ import annotations

import json
import re
from typing import Any

import pytest
from kit_pages import REPO, api, contents_written, kernel_idle, wait_ran

from exback_kit import Journal
from exback_kit.content import texts

pytestmark = pytest.mark.browser

CHECKIN_INPUT = ".exback-checkin .exback-field-mood input[type=range]"


def goto(page: Any, lab: Any, name: str, workspace: str) -> None:
    page.goto(f"{lab.base}/lab/workspaces/{workspace}/tree/{name}?reset&token={lab.token}")
    page.locator(".jp-NotebookPanel").first.wait_for()


def menu(page: Any, top: str, item: str, attempts: int = 100) -> None:
    """Choose ``top`` → ``item`` once the item is enabled (it is greyed out until the
    notebook is the current document); reopen the menu until then."""
    from playwright.sync_api import TimeoutError as PlaywrightTimeout

    enabled = page.locator(".lm-Menu-item:not(.lm-mod-disabled) .lm-Menu-itemLabel").filter(
        has_text=re.compile(rf"^{item}$"))
    for _ in range(attempts):
        page.locator(".lm-MenuBar-itemLabel").filter(has_text=re.compile(rf"^{top}$")).click()
        try:
            enabled.wait_for(timeout=250)
        except PlaywrightTimeout:
            page.keyboard.press("Escape")
            continue
        enabled.click()
        return
    pytest.fail(f"{top} → {item} never became enabled")


def test_opening_00_shows_a_checkin_that_saves_without_any_menu(lab: Any, kit_page: Any,
                                                                ui: Any) -> None:
    """No Run All: the check-in appears on its own and accepts a save."""
    goto(kit_page, lab, "00_start_here.ipynb", "fm-open")
    kit_page.locator(CHECKIN_INPUT).wait_for()
    ui.save_checkin(kit_page, mood=6, energy=5, note="first minute")
    kit_page.locator(f"{ui.checkin} .exback-status").filter(
        has_text=texts.CHECKIN_SAVED).wait_for()
    with Journal.open(lab.journal) as j:
        assert [(r["mood"], r["note"]) for r in j.records("checkins")] == [(6, "first minute")]


def _foreign_renamed(nb: dict[str, Any]) -> dict[str, Any]:
    return nb  # the kit's cells and mark, under a name that is no stage's


def _foreign_extra_cell(nb: dict[str, Any]) -> dict[str, Any]:
    nb["cells"].insert(1, {"cell_type": "code", "execution_count": None, "metadata": {},
                           "outputs": [], "source": ["import os"]})
    return nb


@pytest.mark.parametrize(("path", "change"), [
    ("downloaded.ipynb", _foreign_renamed),
    ("downloads/00_start_here.ipynb", _foreign_extra_cell),
], ids=["marked-but-another-name", "kit-name-with-import-os"])
def test_a_notebook_that_only_claims_to_be_the_kits_does_not_run_on_open(
        lab: Any, kit_page: Any, path: str, change: Any) -> None:
    """Anyone can write the autorun mark, and `exback lab`'s kernels can read the journal's
    key: a marked copy under another name, or a kit name with other code, waits for Run All.

    The copy opens first; then 00 opens in a second page and runs to its end. The copy's
    kernel was ready before 00's, so had it been going to run on its own it would have.
    """
    nb = change(json.loads((REPO / "notebooks" / "00_start_here.ipynb").read_text()))
    assert nb["metadata"]["exback"] == {"autorun": True}
    target = lab.notebooks / path
    target.parent.mkdir(exist_ok=True)
    target.write_text(json.dumps(nb))
    try:
        goto(kit_page, lab, path, "fm-foreign")
        kernel_idle(kit_page)
        own = kit_page.context.new_page()
        goto(own, lab, "00_start_here.ipynb", "fm-own")
        wait_ran(own, CHECKIN_INPUT)  # the kit's own notebook still runs by itself
        own.close()
        kernel_idle(kit_page)
        prompts = kit_page.locator(".jp-CodeCell .jp-InputPrompt").all_text_contents()
        assert len(prompts) == sum(c["cell_type"] == "code" for c in nb["cells"])
        assert not any(re.search(r"\[\d+\]", p) for p in prompts), prompts
        assert kit_page.locator(".jp-OutputArea-output").count() == 0
        assert kit_page.locator(CHECKIN_INPUT).count() == 0
    finally:
        target.unlink()


def test_a_run_all_pressed_before_the_kernel_is_ready_still_runs(lab: Any,
                                                                 kit_page: Any) -> None:
    """Run → Run All Cells while the notebook's kernel is still being started: it waits, runs.

    The notebook is a copy of 00 without the kit's mark (so it does not run by itself), and
    the request that starts its kernel is held until the menu command has been chosen.
    """
    nb = json.loads((REPO / "notebooks" / "00_start_here.ipynb").read_text())
    del nb["metadata"]["exback"]
    (lab.notebooks / "unmarked_00.ipynb").write_text(json.dumps(nb))
    held: list[Any] = []

    def hold(route: Any) -> None:
        if route.request.method == "POST":
            held.append(route)
        else:
            route.continue_()

    kit_page.route(re.compile(r".*/api/sessions(\?.*)?$"), hold)
    with kit_page.expect_request(lambda r: r.method == "POST" and "/api/sessions" in r.url):
        goto(kit_page, lab, "unmarked_00.ipynb", "fm-early")
        assert api(lab, "/api/sessions") == []
        menu(kit_page, "Run", "Run All Cells")
        assert api(lab, "/api/sessions") == []  # no kernel yet when Run All was chosen
    # The page asked for its session; Playwright hands the held route over (its message comes
    # right after the request's) while it talks to the page.
    while not held:
        kit_page.evaluate("() => 0")
    for route in held:
        route.continue_()
    kit_page.unroute(re.compile(r".*/api/sessions(\?.*)?$"))
    kit_page.locator(CHECKIN_INPUT).wait_for()
    kernel_idle(kit_page)


def test_a_repository_notebook_is_byte_identical_after_opening_and_saving(
        lab: Any, kit_page: Any) -> None:
    """Open 00 (it runs), save it through JupyterLab: the file is the committed one, unchanged."""
    path = lab.notebooks / "00_start_here.ipynb"
    committed = (REPO / "notebooks" / "00_start_here.ipynb").read_bytes()
    assert path.read_bytes() == committed
    before = path.stat().st_mtime_ns
    goto(kit_page, lab, "00_start_here.ipynb", "fm-save")
    kit_page.locator(CHECKIN_INPUT).wait_for()
    kernel_idle(kit_page)
    with contents_written(kit_page, path.name):
        menu(kit_page, "File", "Save Notebook")
    assert path.stat().st_mtime_ns != before  # it was written ...
    assert path.read_bytes() == committed  # ... in the committed form


def test_closing_a_notebook_shuts_its_kernel_down(lab: Any, kit_page: Any) -> None:
    """At most one kernel per open notebook: closing its tab ends the kernel."""
    goto(kit_page, lab, "00_start_here.ipynb", "fm-close")
    kit_page.locator(CHECKIN_INPUT).wait_for()
    kernel_idle(kit_page)
    assert len(api(lab, "/api/kernels")) == 1
    # The page ends the notebook's session; the server answers once the kernel has stopped.
    with kit_page.expect_response(lambda r: r.request.method == "DELETE"
                                  and "/api/sessions/" in r.url):
        menu(kit_page, "File", "Close Tab")
        kit_page.wait_for_function("() => document.querySelector('.jp-Dialog')"
                                   " || !document.querySelector('.jp-NotebookPanel')")
        dialog = kit_page.locator(".jp-Dialog")
        if dialog.count():  # the run changed the page: "save your changes?"
            dialog.locator("button").filter(
                has_text=re.compile(r"^(Discard|Don't Save)$")).click()
    assert api(lab, "/api/kernels") == []


def test_the_server_printed_no_deprecation_warning(lab: Any) -> None:
    """Everything `exback lab` printed in this session (run after the tests above)."""
    log = "".join(lab.log)
    assert "JupyterLab is running" in log
    assert not re.search(r"deprecat", log, re.IGNORECASE), log
