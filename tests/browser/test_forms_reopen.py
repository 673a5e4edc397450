"""Forms re-open showing what was saved, in the app view (Voila) in headless Chromium."""

from __future__ import annotations

from typing import Any

import pytest
from kit_pages import ARTIFACTS, open_app, open_notebook, wait_settled

from exback_kit import Journal, content
from exback_kit.content import texts

pytestmark = pytest.mark.browser

UI_SHOT = ARTIFACTS / "boundaries_390px.png"
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


def test_each_clear_sits_under_its_question_and_the_choice_shows_a_mark(app: Any,
                                                                        kit_page: Any) -> None:
    """At 390 px: each Clear button is named "Clear: <question>" and sits between its
    question and the next (no grid of four below Save); a picked option carries a ✓,
    not only a colour."""
    start = content.load().start
    questions = start.group("boundaries")
    kit_page.set_viewport_size({"width": 390, "height": 900})
    open_app(kit_page, app, "00_start_here.ipynb", ".exback-boundaries")
    check = kit_page.locator(".exback-boundaries")
    check.locator(f".exback-field-{questions[0].id} label").filter(has_text="No").first.click()
    tops = []
    for q in questions:
        button = check.get_by_role("button", name=texts.BOUNDARIES_CLEAR.format(question=q.text))
        box, field = button.bounding_box(), check.locator(f".exback-field-{q.id}").bounding_box()
        assert box is not None and field is not None
        assert box["y"] >= field["y"] + field["height"] - 1, q.id  # under its own question
        assert box["x"] + box["width"] <= 390, q.id
        tops.append(box["y"])
    fields = [check.locator(f".exback-field-{q.id}").bounding_box() for q in questions]
    for i in range(len(questions) - 1):
        assert tops[i] < fields[i + 1]["y"], questions[i].id  # before the next question
    picked = check.locator(f".exback-field-{questions[0].id} label:has(input:checked) span")
    mark = picked.evaluate("e => getComputedStyle(e, '::before').content")
    assert "✓" in mark
    UI_SHOT.parent.mkdir(exist_ok=True)
    check.screenshot(path=str(UI_SHOT))


def test_the_app_view_speaks_of_the_app_view_only(app: Any, kit_page: Any) -> None:
    """No "choose Run → Run All Cells" where there are no cells to run; the skip note stays."""
    open_app(kit_page, app, "00_start_here.ipynb")
    title = kit_page.locator(".exback-page-title")
    title.wait_for()
    hints = kit_page.locator(".exback-lab-only")
    assert hints.count() >= 1 and not any(h.is_visible() for h in hints.all())
    assert "Run All Cells" not in kit_page.locator("body").inner_text()
    assert title.get_by_text("Every question can be skipped.").first.is_visible()


def test_jupyterlab_still_shows_how_to_run_the_cells(lab: Any, kit_page: Any) -> None:
    """The kit's title keeps the hint's class, and nothing in JupyterLab hides it; the
    markdown's English copy is hidden once the kit runs (the kit speaks the person's language)."""
    open_notebook(kit_page, lab, "00_start_here.ipynb")
    hint = kit_page.locator(".exback-page-title .exback-lab-only")
    hint.wait_for()
    assert hint.is_visible() and "Run All Cells" in hint.inner_text()
    assert not kit_page.locator(".jp-MarkdownOutput .exback-md").first.is_visible()
