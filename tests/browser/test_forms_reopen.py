"""Forms re-open showing what was saved, in the app view (Voila) in headless Chromium."""

from __future__ import annotations

from typing import Any

import pytest
from kit_pages import open_app, wait_settled

from exback_kit import Journal, content

pytestmark = pytest.mark.browser

ANSWERS = ("no", "no", "yes")  # the reported case: No / No / Yes, the fourth left blank


def _checked(page: Any, question: str) -> list[str]:
    """Return the visible labels of the picked options of one question."""
    field = page.locator(f".exback-boundaries .exback-field-{question}")
    return [str(t).strip() for t in field.locator("label:has(input:checked)").all_inner_texts()]


def test_the_boundaries_check_reopens_no_no_yes(app: Any, kit_page: Any) -> None:
    """Answered No / No / Yes and saved, the check re-opens with each of the three picked
    (two groups once shared one radio name, so picking in one unpicked another)."""
    questions = content.load().boundary_questions
    open_app(kit_page, app, "00_start_here.ipynb", ".exback-boundaries")
    check = kit_page.locator(".exback-boundaries")
    for question, answer in zip(questions, ANSWERS, strict=False):
        check.locator(f".exback-field-{question} label").filter(
            has_text="Yes" if answer == "yes" else "No").first.click()
    check.locator("button.exback-save").click()
    check.locator(".exback-status").filter(has_text="Saved 3").wait_for()
    with Journal.open(app.journal) as j:
        saved = j.latest_answers(0)
    assert [saved[q] for q in questions[:3]] == list(ANSWERS)

    open_app(kit_page, app, "00_start_here.ipynb", ".exback-boundaries")
    wait_settled(kit_page, "00_start_here.ipynb")
    shown = [_checked(kit_page, q) for q in questions]
    assert [len(s) for s in shown] == [1, 1, 1, 0]
    assert ["Yes" in s[0] for s in shown[:3]] == [a == "yes" for a in ANSWERS]
