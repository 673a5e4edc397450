"""Ride it out, Who am I now and When it happens in the app view (Voila), in Chromium: the SOS
started, its countdown seen moving, stopped early and saved as an urge with before and after;
a card's plan saved and shown again; screenshots at 1280 px and 390 px."""

from __future__ import annotations

import re
from typing import Any

import pytest
from kit_pages import ARTIFACTS, blocking, open_app, report, run_axe, settle

from exback_kit import Journal

pytestmark = pytest.mark.browser

CARD = ".exback-sos"


def _shot(page: Any, selector: str, name: str) -> None:
    """Screenshot one element at 1280 px and at 390 px wide (a phone)."""
    ARTIFACTS.mkdir(exist_ok=True)
    for width in (1280, 390):
        page.set_viewport_size({"width": width, "height": 1400})
        settle(page)
        element = page.locator(selector).first
        element.scroll_into_view_if_needed()
        element.screenshot(path=str(ARTIFACTS / f"{name}_{width}.png"))


def test_ride_it_out_counts_down_stops_early_and_saves_before_and_after(app: Any,
                                                                       kit_page: Any) -> None:
    with Journal.open(app.journal) as j:
        j.add("reappraisals", what="<img src=x onerror=\"document.title='XSS'\">he never listened")
    open_app(kit_page, app, "04_holding_steady.ipynb", CARD)
    card = kit_page.locator(CARD).first
    card.locator(".exback-field-before label").filter(has_text=re.compile(r"^8$")).click()
    card.locator("button.exback-sos-start").click()
    clock = card.locator(".exback-sos-clock")
    clock.filter(has_text=re.compile(r"1:2\d left")).wait_for()  # it moves on its own
    first = clock.inner_text()
    kit_page.wait_for_function(
        "([sel, old]) => document.querySelector(sel).innerText !== old",
        arg=[f"{CARD} .exback-sos-clock", first])
    card.locator(".exback-sos-words").filter(has_text="he never listened").wait_for()
    assert kit_page.title() != "XSS"  # the person's words are shown as text
    violations = run_axe(kit_page, CARD)
    report("04 ride it out", violations)
    assert blocking(violations) == []
    _shot(kit_page, CARD, "voila_04_ride_it_out_running")
    card.locator("button.exback-sos-stop").click()
    card.locator(".exback-sos-guide").filter(has_text="Stopped").wait_for()
    card.locator(".exback-field-after label").filter(has_text=re.compile(r"^4$")).click()
    card.locator("button.exback-save").click()
    card.locator(".exback-status").filter(
        has_text="Saved to your urge log: 8 at the start, 4 afterwards.").wait_for()
    with Journal.open(app.journal) as j:
        [row] = j.records("urges")
    assert (row["intensity"], row["intensity_after"], row["rode_it_out"]) == (8, 4, True)
    _shot(kit_page, CARD, "voila_04_ride_it_out_saved")


def test_a_cards_plan_is_saved_and_shown_again_and_who_am_i_is_drawn(app: Any,
                                                                     kit_page: Any) -> None:
    with Journal.open(app.journal) as j:
        j.add("clarity_ratings", rating=4, at="2026-11-02T09:00:00+00:00")
        j.add("self_notes", about="do", item="Sunday swims", since="new")
        j.add_checkin(mood=6, note="We used to cook. I cooked for friends tonight.")
    open_app(kit_page, app, "09_moving_on.ipynb", ".exback-moment-running_into")
    card = kit_page.locator(".exback-moment-running_into").first
    box = card.locator(".exback-field-plan textarea")
    box.fill("Walk to the café next door, text Jo")
    box.press("Tab")
    card.locator("button.exback-save").click()
    card.locator(".exback-status").filter(has_text="Saved").wait_for()
    with Journal.open(app.journal) as j:
        [row] = j.records("moment_plans")
    assert row["plan"] == "Walk to the café next door, text Jo"
    _shot(kit_page, ".exback-moments", "voila_09_when_it_happens")
    kit_page.locator(".exback-we-i input[type=checkbox]").check()  # acts at once, no Save
    kit_page.locator(".exback-chart-we_i .exback-chart-summary").filter(
        has_text="1 “we”, 1 “I”").wait_for()
    for part in (".exback-moments", ".exback-part-section-who_am_i"):
        violations = run_axe(kit_page, part)
        report(part, violations)
        assert blocking(violations) == []
    _shot(kit_page, ".exback-part-section-who_am_i", "voila_09_who_am_i")
    open_app(kit_page, app, "09_moving_on.ipynb", ".exback-moment-running_into")
    kit_page.wait_for_function(
        "() => Array.from(document.querySelectorAll('.exback-moment-running_into textarea'))"
        ".some(t => t.value === 'Walk to the café next door, text Jo')")


def test_ride_it_out_with_the_keyboard_alone(app: Any, kit_page: Any) -> None:
    open_app(kit_page, app, "04_holding_steady.ipynb", CARD)
    card = kit_page.locator(CARD).first
    card.locator(".exback-field-before input[type=radio]").first.focus()  # Tab lands here
    for _ in range(5):
        kit_page.keyboard.press("ArrowRight")  # 1 -> 6
    kit_page.keyboard.press("Space")
    kit_page.keyboard.press("Tab")  # to Start
    kit_page.keyboard.press("Enter")
    card.locator(".exback-sos-clock").filter(has_text=re.compile(r"1:\d\d left")).wait_for()
    kit_page.wait_for_function("() => document.activeElement && "
                               "document.activeElement.closest('.exback-sos-stop')")
    kit_page.keyboard.press("Enter")  # Stop, which has the focus
    card.locator(".exback-sos-guide").filter(has_text="Stopped").wait_for()
    kit_page.wait_for_function("() => document.activeElement && "
                               "document.activeElement.closest('.exback-save')")
    kit_page.keyboard.press("Enter")  # Save, with no second rating (it can be skipped)
    card.locator(".exback-status").filter(has_text="Saved to your urge log: 6 at the start."
                                          ).wait_for()
    with Journal.open(app.journal) as j:
        [row] = j.records("urges")
    assert (row["intensity"], row["intensity_after"]) == (6, None)
