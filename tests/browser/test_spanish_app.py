"""The Spanish kit in the app view (Voila) on a phone: the language set in the journal,
00 speaks Spanish (title, headings, closing links, no English copy from the markdown)
and the longer words never make the page scroll sideways at 390 px."""

from __future__ import annotations

from typing import Any

import kit_pages
import pytest
from kit_pages import settle, wait_settled

from exback_kit import Journal
from exback_kit.content import language

pytestmark = pytest.mark.browser

PHONE = {"width": 390, "height": 844}


def test_start_here_in_spanish_fits_a_phone(app: Any, kit_page: Any) -> None:
    with Journal.open(app.journal) as j:
        j.set_setting(language.SETTING, "es")
    kit_page.set_viewport_size(PHONE)
    kit_pages.open_app(kit_page, app, "00_start_here.ipynb", until=".exback-page-title")
    wait_settled(kit_page, "00_start_here.ipynb")
    settle(kit_page)
    body = kit_page.locator("body").inner_text()
    assert "Empieza aquí" in body and "Lo que sigue" in body
    assert "Puedes saltarte cualquier pregunta." in body
    for english in ("Start here", "What comes next", "Every question can be skipped."):
        assert english not in body
    overflow, scrollers = kit_pages.sideways(kit_page)
    assert overflow[0] <= overflow[1], f"00 scrolls sideways at 390 px in Spanish: {overflow}"
    assert scrollers == [], f"something scrolls sideways at 390 px in Spanish: {scrollers}"
