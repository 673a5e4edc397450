"""Your risky times in the app view: a plan made with the keyboard and mouse, in Chromium."""

from __future__ import annotations

import re
from datetime import datetime, timedelta
from typing import Any

import pytest
from kit_pages import open_app

from exback_kit import Journal

pytestmark = pytest.mark.browser

FORM = ".exback-plans"


def _saturday_urges(path: Any) -> None:
    now = datetime.now().astimezone()
    last_sat = now - timedelta(days=(now.weekday() - 5) % 7 or 7)
    with Journal.open(path) as j:
        j.add_many("urges", [{"at": last_sat.replace(hour=22, minute=20) - timedelta(weeks=w),
                              "intensity": 7, "helped": "called Sam"} for w in range(3)])


def test_a_plan_for_the_riskiest_window_is_saved_and_outlined(app: Any, kit_page: Any,
                                                            ui: Any) -> None:
    _saturday_urges(app.journal)
    open_app(kit_page, app, "04_holding_steady.ipynb", FORM)
    form = kit_page.locator(FORM).first
    form.locator(".exback-plans-windows li").filter(
        has_text="Saturdays 22:00–24:00: 3 urges in 8 weeks, 3 let pass — no plan yet").wait_for()
    box = form.locator(".exback-field-action input")
    box.fill("call Sam <b>first</b>")
    box.press("Tab")
    form.locator("button.exback-save").click()
    form.locator(".exback-status").filter(
        has_text="Saved your plan for Saturdays 22:00–24:00.").wait_for()
    form.locator(".exback-plans-windows li").filter(
        has_text="your plan: call Sam <b>first</b>").wait_for()  # shown as text
    # No <b> made of the person's words (the kit's own bold sentence holds them as text).
    assert form.locator("b", has_text=re.compile(r"^\s*first\s*$")).count() == 0
    kit_page.locator(".exback-chart-urges .exback-chart-summary").filter(
        has_text="outlines the times you have a plan for (Saturdays 22:00–24:00)").wait_for()
    with Journal.open(app.journal) as j:
        [row] = j.records("plans")
    assert (row["weekday"], row["start_time"], row["action"]) == (
        "sat", "22:00", "call Sam <b>first</b>")
    ui.screenshot(kit_page, "voila_04_risky_times.png")
