"""Moving on (09) in the app view, as someone on the moving-on road would use it."""

from __future__ import annotations

import re
from datetime import date, datetime, time, timedelta
from typing import Any

import pytest
from kit_pages import open_app, whole_app_page

from exback_kit import Journal
from exback_kit.content import texts

pytestmark = pytest.mark.browser


def _fill(path: Any) -> None:
    """Three weeks of check-ins with mind ratings, one clear-eyed line, a protective order."""
    today = date.today()
    with Journal.open(path) as j:
        j.save_answer(0, "protective_order", True)
        for i in range(21):
            when = datetime.combine(today - timedelta(days=21 - i), time(20)).astimezone()
            j.add_checkin(mood=3 + i // 5, mind=max(0, 9 - i // 3), at=when)
        j.add("reappraisals", what="We stopped making plans.", pleasant="A swim",
              feelings_before=8, mood_before=3, feelings_after=7, mood_after=5,
              after_at=datetime.now().astimezone(),
              at=datetime.combine(today - timedelta(days=6), time(19)).astimezone())


def test_moving_on_in_the_app_view_saves_lists_and_charts(app: Any, kit_page: Any) -> None:
    _fill(app.journal)
    page = kit_page
    open_app(page, app, "09_moving_on.ipynb", ".exback-chart-reappraisal img")
    # Open on this road: no set-aside note, and every form is there.
    assert page.locator(".exback-set-aside").count() == 0
    for css in ("grief", "clear-eyed", "self-compassion", "devices", "untangling", "future",
                "checkin"):
        assert page.locator(f".exback-{css}").count() == 1, css
    # The clear-eyed list: before, the line, something pleasant; saved and listed.
    form = page.locator(".exback-clear-eyed")
    form.locator(".exback-field-feelings_before label").filter(
        has_text=re.compile(r"^\s*7\s*$")).click()
    form.locator(".exback-field-mood_before label").filter(
        has_text=re.compile(r"^\s*4\s*$")).click()
    form.locator(".exback-field-what textarea").fill("I kept my plans small for them.")
    form.locator(".exback-field-pleasant input").fill("Dinner with Sam")
    form.locator("button.exback-save").first.click()
    form.locator(".exback-status").filter(has_text=texts.CLEAR_EYED_SAVED).wait_for()
    form.get_by_text("Next: Dinner with Sam").wait_for()
    # Devices: tick a suggestion, add it, mark it done today.
    devices = page.locator(".exback-devices")
    devices.get_by_label("Mute their chats").check()
    devices.locator("button.exback-save").first.click()
    devices.locator(".exback-status").filter(
        has_text=texts.say(texts.CHECKLIST_ADDED, count=1)).wait_for()
    devices.locator("button.exback-checklist-done").first.click()
    devices.get_by_text(f"✓ Mute their chats · done {date.today()}").wait_for()
    with Journal.open(app.journal) as j:
        rows = j.records("reappraisals")
        items = j.records("checklist_items")
    assert [r["what"] for r in rows][-1] == "I kept my plans small for them."
    assert [(i["item"], i["done_day"]) for i in items] == [
        ("Mute their chats", date.today())]
    assert page.locator(".exback-chart-mind .exback-chart-summary").inner_text().startswith(
        "Over the last 7 days they took up your mind")
    whole_app_page(page, "voila_09_moving_on.png")


