"""End to end in JupyterLab: what a person does in `exback lab`, in headless Chromium."""

from __future__ import annotations

import re
from typing import Any

import pytest
from kit_pages import contents_written, kernel_idle, open_notebook, run_all, settle

from exback_kit import Journal
from exback_kit.content import texts
from exback_kit.notebook.stage_words import SHOW_NOTE_SETTING

pytestmark = pytest.mark.browser

XSS = "<img src=x onerror=\"document.title='pwned'\">"


def test_checkin_saves_and_redraws_the_mood_chart(lab: Any, kit_page: Any, ui: Any) -> None:
    """Run 00_start_here, check in: status says saved, the row is in the journal, chart redraws."""
    open_notebook(kit_page, lab, "00_start_here.ipynb")
    run_all(kit_page, ui.mood_img)
    before = ui.chart_src(kit_page)
    ui.save_checkin(kit_page, mood=7, energy=6, note="a calm walk by the river")
    status = kit_page.locator(f"{ui.checkin} .exback-status")
    status.filter(has_text=texts.CHECKIN_SAVED).wait_for()
    ui.wait_src_changes(kit_page, before)
    with Journal.open(lab.journal) as j:
        rows = j.records("checkins")
    assert [(r["mood"], r["energy"], r["note"]) for r in rows] == [
        (7, 6, "a calm walk by the river")]
    ui.screenshot(kit_page, "lab_00_start_here.png")
    saved = save_notebook(kit_page, lab.notebooks / "00_start_here.ipynb")
    assert "a calm walk" not in saved  # JupyterLab's own save keeps no journal text
    assert "image/png" not in saved and "iVBORw0KGgo" not in saved
    assert "application/vnd.jupyter.widget-view+json" not in saved  # the kit's form: no outputs


def save_notebook(page: Any, path: Any) -> str:
    """File → Save Notebook, then return the file's text once JupyterLab has written it."""
    with contents_written(page, path.name):
        page.locator(".lm-MenuBar-itemLabel").filter(has_text=re.compile(r"^File$")).click()
        page.locator(".lm-Menu-itemLabel").filter(
            has_text=re.compile(r"^Save Notebook$")).click()
    return str(path.read_text())


def test_a_note_with_markup_shows_literally_and_runs_nothing(lab: Any, kit_page: Any,
                                                             ui: Any) -> None:
    """A note holding an <img onerror> never runs: the title stays, the text shows as typed."""
    with Journal.open(lab.journal) as j:
        j.set_setting(SHOW_NOTE_SETTING, True)  # the latest note is hidden until turned on
    open_notebook(kit_page, lab, "00_start_here.ipynb")
    run_all(kit_page, ui.mood_img)
    ui.save_checkin(kit_page, mood=4, energy=3, note=XSS)
    kit_page.locator(f"{ui.checkin} .exback-status").filter(has_text=texts.CHECKIN_SAVED).wait_for()
    kit_page.locator(".exback-latest-note").filter(has_text=XSS).first.wait_for()
    assert kit_page.title() != "pwned"
    kit_page.reload()
    kit_page.locator(".jp-NotebookPanel").first.wait_for()
    kernel_idle(kit_page)
    run_all(kit_page, ".exback-latest-note")
    note = kit_page.locator(".exback-latest-note").first
    assert note.inner_text().strip() == XSS
    assert kit_page.locator(".exback-part img[src='x']").count() == 0
    settle(kit_page)  # an image that failed to load has fired its onerror by now
    assert kit_page.title() != "pwned"


def test_a_yes_in_the_boundaries_check_sets_reconnecting_aside(lab: Any, kit_page: Any,
                                                               ui: Any) -> None:
    """After a yes in the boundaries check, 05_reconnecting shows the explanation, no forms."""
    open_notebook(kit_page, lab, "00_start_here.ipynb")
    run_all(kit_page, ".exback-boundaries")
    form = kit_page.locator(".exback-boundaries")
    form.locator(".exback-field-no_contact_asked label").filter(
        has_text=re.compile(rf"^\s*{re.escape(texts.YES)}\s*$")).click()
    form.locator("button.exback-save").click()
    form.locator(".exback-status").filter(has_text=re.compile(r"\S")).wait_for()
    with Journal.open(lab.journal) as j:
        assert j.latest_answers(0).get("no_contact_asked") == "yes"
    open_notebook(kit_page, lab, "05_reconnecting.ipynb")
    run_all(kit_page, ".exback-part-next .exback-next")
    assert kit_page.locator(".exback-gate-notice").first.is_visible()
    assert kit_page.locator(".exback-gate a[href$='09_moving_on.ipynb']").count() == 1
    assert kit_page.locator("button.exback-save").count() == 0
    assert kit_page.locator(".exback-form").count() == 0
