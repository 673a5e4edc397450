"""Finding what you wrote in the app view: the search box with the keyboard alone, escaped
results that pass axe, and "Your words" paging, in Chromium."""

from __future__ import annotations

from typing import Any

import pytest
from kit_pages import blocking, open_app, report, run_axe

from exback_kit import Journal

pytestmark = pytest.mark.browser

SEARCH = ".exback-search"
WORDS = ".exback-words"
EVIL = '<img src=x onerror="document.title=\'XSS\'"> the lake at night'


def test_search_with_the_keyboard_shows_escaped_marked_results_that_pass_axe(
        app: Any, kit_page: Any) -> None:
    with Journal.open(app.journal) as j:
        j.add_checkin(mood=5, note=EVIL, at="2026-03-14T21:00")
        j.log_urge(6, note="walked to the café by the lake", at="2026-03-15T22:00")
    open_app(kit_page, app, "08_dashboard.ipynb", SEARCH)
    box = kit_page.get_by_label("Find words you wrote")
    box.focus()
    kit_page.keyboard.type("cafe OR night")
    kit_page.keyboard.press("Enter")
    results = kit_page.locator(f"{SEARCH} ol.exback-hits li")
    results.first.wait_for()
    assert results.count() == 2
    assert results.nth(0).inner_text().startswith("2026-03-15 · Urge")
    assert kit_page.locator(f"{SEARCH} mark").all_inner_texts() == ["café", "night"]
    assert kit_page.locator(f"{SEARCH} img").count() == 0  # the note's <img> is text
    assert '<img src=x onerror="document.title=\'XSS\'">' in results.nth(1).inner_text()
    assert "XSS" not in kit_page.title()
    link = results.nth(0).get_by_role("link")
    assert link.get_attribute("href") == "04_holding_steady.ipynb"
    violations = run_axe(kit_page, include=SEARCH)
    report("search results", violations)
    assert blocking(violations) == []
    words = kit_page.locator(WORDS)
    assert "2026-03-15" not in words.inner_text()  # folded until asked
    show = words.get_by_role("button", name="Show your words")
    show.focus()
    kit_page.keyboard.press("Enter")
    words.filter(has_text="2026-03-15").wait_for()
    assert "Days 1–2 of 2" in words.inner_text()
    violations = run_axe(kit_page, include=WORDS)
    report("your words", violations)
    assert blocking(violations) == []
