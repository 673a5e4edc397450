"""End to end in the app view: `exback app` (Voila, code hidden) in headless Chromium."""

from __future__ import annotations

from typing import Any

import pytest
from kit_pages import answer_boundaries, open_app, settle

from exback_kit import Journal
from exback_kit.content import texts

pytestmark = pytest.mark.browser

XSS = "<img src=x onerror=\"document.title='pwned'\">"


def test_checkin_in_the_app_view_saves_and_redraws(app: Any, kit_page: Any, ui: Any) -> None:
    """Same flow as in JupyterLab, with no code on the page."""
    open_app(kit_page, app, "00_start_here.ipynb", ui.mood_img)
    assert kit_page.locator(".jp-CodeMirrorEditor, .jp-InputPrompt").count() == 0
    assert "stages.header(" not in kit_page.content()  # the code is hidden
    kit_page.locator(".exback-part-next .exback-next").first.wait_for()
    before = ui.chart_src(kit_page)
    ui.save_checkin(kit_page, mood=8, energy=5, note="coffee with my sister")
    kit_page.locator(f"{ui.checkin} .exback-status").filter(has_text=texts.CHECKIN_SAVED).wait_for()
    ui.wait_src_changes(kit_page, before)
    with Journal.open(app.journal) as j:
        rows = j.records("checkins")
    assert [(r["mood"], r["energy"], r["note"]) for r in rows] == [
        (8, 5, "coffee with my sister")]
    ui.screenshot(kit_page, "voila_00_start_here.png")


def test_markup_in_a_note_stays_text_in_the_app_view(app: Any, kit_page: Any, ui: Any) -> None:
    """The latest note is hidden until "show my latest note" is turned on (then remembered);
    the <img onerror> note shows literally after a reload and never changes the title."""
    open_app(kit_page, app, "00_start_here.ipynb", ui.mood_img)
    ui.save_checkin(kit_page, mood=5, energy=5, note=XSS)
    where = kit_page.locator(".exback-where")
    where.filter(has_text=texts.WHERE_NOTE_HIDDEN).first.wait_for()
    assert "onerror" not in where.first.inner_text()
    assert kit_page.locator(".exback-latest-note").count() == 0
    kit_page.get_by_role("checkbox", name=texts.WHERE_SHOW_NOTE).check()
    kit_page.locator(".exback-latest-note").filter(has_text=XSS).first.wait_for()
    open_app(kit_page, app, "00_start_here.ipynb", ".exback-latest-note")
    assert kit_page.locator(".exback-latest-note").first.inner_text().strip() == XSS
    assert kit_page.locator(".exback-part img[src='x']").count() == 0
    settle(kit_page)  # an image that failed to load has fired its onerror by now
    assert kit_page.title() != "pwned"


COACHING = ("invit", "flirt", "coffee", "drinks with", "first date", "early date",
            "physical intimacy", "sleep together", "meeting up", "talk about the future")


def test_a_boundaries_yes_in_the_app_view_sets_05_aside(app: Any, kit_page: Any, ui: Any) -> None:
    """Before the check, 05 asks for it; after a "Yes", 05 shows only the notice and the road."""
    open_app(kit_page, app, "05_reconnecting.ipynb", ".exback-ask-first")
    assert kit_page.locator("button.exback-save").count() == 0
    ui.screenshot(kit_page, "voila_05_before_the_check.png")

    open_app(kit_page, app, "00_start_here.ipynb", ".exback-boundaries")
    answer_boundaries(kit_page, "no_contact_asked")
    with Journal.open(app.journal) as j:
        assert j.latest_answers(0)["no_contact_asked"] == "yes"

    open_app(kit_page, app, "05_reconnecting.ipynb", ".exback-gate-notice")
    page_text = kit_page.locator("body").inner_text()
    assert texts.GATE_HEADING_BOUNDARIES in page_text
    assert [w for w in COACHING if w in page_text.lower()] == []
    assert kit_page.locator("button.exback-save").count() == 0
    # Moving on is linked once, in the notice: the bottom navigation doesn't say it again
    assert kit_page.locator(".exback-gate a[href$='09_moving_on.ipynb']").count() == 1
    assert kit_page.locator("a[href$='09_moving_on.ipynb']").count() == 1
    assert "1-800-799-7233" not in page_text  # no harm was named
    ui.screenshot(kit_page, "voila_05_set_aside.png")
