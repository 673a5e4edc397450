"""The road after a protective order is named, in the app view as a person meets it: 08's
readiness checklist is only its set-aside note (no marks), nothing counts down to a target,
01 has no target to pick, and the safety box brings the journal's lock and a device check."""

from __future__ import annotations

from datetime import date, datetime, time, timedelta
from pathlib import Path
from typing import Any

import pytest
from kit_pages import answer_boundaries, open_app, whole_app_page

from exback_kit import Journal
from exback_kit.content import texts

pytestmark = pytest.mark.browser


def _fill(path: Path) -> None:
    """Two weeks of check-ins, a 30-day No-Contact period, an urge acted on."""
    today = date.today()
    with Journal.open(path) as j:
        for i in range(14):
            j.add_checkin(mood=4 + i % 3, at=datetime.combine(today - timedelta(days=14 - i),
                                                              time(20)).astimezone())
        j.add("nocontact_periods", start_day=today - timedelta(days=10), target_days=30)
        j.log_urge(intensity=7, trigger="late night", acted_on=True)


def test_the_dashboard_and_no_contact_after_a_protective_order(app: Any, kit_page: Any) -> None:
    _fill(app.journal)
    page = kit_page
    open_app(page, app, "00_start_here.ipynb", ".exback-boundaries")
    answer_boundaries(page, "protective_order")

    open_app(page, app, "08_dashboard.ipynb", ".exback-readiness")
    readiness = page.locator(".exback-readiness").inner_text()
    assert texts.READINESS_GATED in readiness
    for mark in texts.READINESS_MARKS.values():
        assert mark not in readiness
    assert "looks ready" not in page.locator("body").inner_text()
    where = page.locator(".exback-where").inner_text()
    assert "Days without contact" in where and "of 30" not in where
    whole_app_page(page, "voila_08_after_order.png")

    open_app(page, app, "01_space_and_clarity.ipynb", ".exback-nocontact")
    nocontact = page.locator(".exback-nocontact").inner_text()
    assert texts.NOCONTACT_NO_COUNTDOWN["order"] in nocontact
    assert "21 days" not in nocontact
    whole_app_page(page, "voila_01_after_order.png")

    open_app(page, app, "05_reconnecting.ipynb", ".exback-gate")
    gate = page.locator(".exback-gate").inner_text()
    assert texts.DEVICE_SAFETY_HEADING in gate and "exback encrypt" in gate
    assert gate.count("Moving on (09)") == 1
