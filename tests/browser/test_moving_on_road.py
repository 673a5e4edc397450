"""The moving-on road in the app view, as a person meets it after naming harm in the check:
09 shows the safety contacts and counts what they write; 04 no longer asks about the pace
of getting in touch; the dashboard's journey counts 09, not the set-aside stages, from the
breakup as day 0."""

from __future__ import annotations

from datetime import date, datetime, time, timedelta
from pathlib import Path
from typing import Any

import pytest
from kit_pages import answer_boundaries, open_app, whole_app_page

from exback_kit import Journal, content
from exback_kit.content import texts

pytestmark = pytest.mark.browser
PACE = content.load().step(9).question("pace").text


def _fill(path: Path) -> None:
    """Three weeks of check-ins with "on your mind", a profile, two answered steps."""
    today = date.today()
    with Journal.open(path) as j:
        j.save_answer(0, "breakup_date", (today - timedelta(days=50)).isoformat())
        for i in range(21):
            when = datetime.combine(today - timedelta(days=21 - i), time(20)).astimezone()
            j.add_checkin(mood=3 + i // 5, mind=max(0, 9 - i // 3), at=when)
        j.save_answer(1, "quiet_hope", "some room to breathe")
        j.save_answer(9, "pace", "one message, then a week")


def _bottom(locator: Any) -> float:
    box = locator.bounding_box()
    return float(box["y"] + box["height"])




def test_the_moving_on_road_after_naming_harm(app: Any, kit_page: Any) -> None:
    _fill(app.journal)
    page = kit_page
    open_app(page, app, "00_start_here.ipynb", ".exback-boundaries")
    answer_boundaries(page, "harm_or_control")

    # 09: the safety contacts at the top, and what is written counts at once.
    open_app(page, app, "09_moving_on.ipynb", ".exback-chart-mind img")
    safety = page.locator(".exback-moving-on-safety")
    assert "1-800-799-7233" in safety.inner_text() and "0808 2000 247" in safety.inner_text()
    grief = page.locator(".exback-grief")
    grief.locator(".exback-field-learned textarea").fill("That I can ask for help.")
    grief.locator("button.exback-save").first.click()
    grief.locator(".exback-status").filter(has_text=texts.say(texts.REFLECTION_SAVED,
                                                              count=1)).wait_for()
    parts = sum(len(t.questions) or 1 for t in content.load().stage_topics("09_moving_on"))
    page.locator(".exback-where").filter(
        has_text=texts.WHERE_TOPICS.format(answered=1, parts=parts)).wait_for()
    # A label above a one-line input (date, drop-down) leaves room for the help below it.
    when = page.locator(".exback-checkin .exback-field-at")
    help_line = when.locator("xpath=following-sibling::*[1]")
    assert help_line.bounding_box()["y"] >= _bottom(when.locator("input"))
    whole_app_page(page, "voila_09_after_harm.png")

    # 04: step 9 keeps its saved answer but no longer asks about pace.
    open_app(page, app, "04_holding_steady.ipynb", ".exback-step-9")
    assert page.locator(".exback-step-9 .exback-field-pace").count() == 0
    assert PACE not in page.locator("body").inner_text()
    with Journal.open(app.journal) as j:
        assert j.latest_answers(9)["pace"] == "one message, then a week"
    whole_app_page(page, "voila_04_after_harm.png")

    # 08: the journey counts moving on, not the set-aside stages, from the breakup (day 0).
    open_app(page, app, "08_dashboard.ipynb", ".exback-chart-journey img")
    summary = page.locator(".exback-chart-journey .exback-chart-summary").inner_text()
    assert "most recently in Moving on" in summary
    assert "as day 0, you began on day" in summary and "today is day 50" in summary
    alt = page.locator(".exback-chart-journey img").get_attribute("alt") or ""
    assert "Moving on" in alt
    assert "Most recently you worked on: Moving on." in page.locator(".exback-where").inner_text()
    whole_app_page(page, "voila_08_after_harm.png")
