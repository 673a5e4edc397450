"""The quick check-in page `exback lab` opens on, in Chromium and over HTTP.

The address `exback lab` prints is the page: the check-in takes input long before
JupyterLab has loaded, saves with the keyboard alone, comes back with every answer when a
value is refused, passes axe and fits a phone, answers only the server's own logged-in
pages, and steps aside to the start notebook once today's check-in is in.

The page allows no script (its Content-Security-Policy), so the context that runs axe-core
here bypasses that policy: axe is injected by the test, never by the kit.
"""

from __future__ import annotations

import urllib.error
import urllib.request
from collections.abc import Iterator
from typing import Any

import pytest
from kit_pages import ARTIFACTS, blocking, report, run_axe, sideways

from exback_kit import Journal
from exback_kit.content import language, texts

pytestmark = pytest.mark.browser

PHONE = {"width": 390, "height": 844}


@pytest.fixture(scope="module")
def context(chromium: Any) -> Iterator[Any]:
    """A browser context of the module's own; it lets the test inject axe-core."""
    ctx = chromium.new_context(viewport={"width": 1280, "height": 1000}, bypass_csp=True)
    ctx.set_default_timeout(60_000)
    yield ctx
    ctx.close()


@pytest.fixture
def page(context: Any) -> Iterator[Any]:
    """A fresh page; the login cookie of the context stays."""
    p = context.new_page()
    yield p
    p.close()


def checkins(lab: Any) -> list[dict[str, Any]]:
    if not lab.journal.exists():
        return []
    with Journal.open(lab.journal, backup=False) as j:
        return j.records("checkins")


def focused(page: Any) -> dict[str, Any]:
    """The focused element: its id, name, type and the outline around it (or its label)."""
    return dict(page.evaluate(
        """() => { const e = document.activeElement;
             const shown = e.labels && e.labels.length && e.type !== 'number' ? e.labels[0] : e;
             const s = getComputedStyle(shown);
             return {id: e.id, name: e.name || '', type: e.type || e.tagName.toLowerCase(),
                     checked: !!e.checked, outline: s.outlineStyle,
                     width: parseFloat(s.outlineWidth)}; }"""))


def tab_to(page: Any, name: str, limit: int = 60) -> dict[str, Any]:
    """Press Tab until the focus is on an input named ``name``."""
    for _ in range(limit):
        page.keyboard.press("Tab")
        now = focused(page)
        if now["name"] == name:
            return now
    pytest.fail(f"Tab never reached {name} (last: {focused(page)})")


def test_lab_opens_on_the_quick_checkin_which_saves_with_the_keyboard_alone(
        lab: Any, page: Any) -> None:
    """The printed address is the page; a check-in typed with the keyboard only is saved
    whole; opening the address again leads into the kit, today being checked in."""
    assert "/exback/checkin?token=" in lab.url
    page.goto(lab.url)
    page.locator("#mood-1").wait_for(state="attached")
    now = tab_to(page, "mood")
    assert now["id"] == "mood-1" and now["outline"] != "none" and now["width"] >= 2, now
    page.keyboard.press("Space")
    for _ in range(5):
        page.keyboard.press("ArrowRight")
    assert focused(page)["id"] == "mood-6" and focused(page)["checked"]
    now = tab_to(page, "energy")
    assert now["id"] == "energy-skip" and now["checked"]  # left out until chosen
    for _ in range(3):
        page.keyboard.press("ArrowRight")
    assert focused(page)["id"] == "energy-3"
    tab_to(page, "sleep_hours")
    page.keyboard.type("7.5")
    tab_to(page, "habits")
    page.keyboard.press("Space")
    tab_to(page, "note")
    page.keyboard.type("a quiet day <3")
    page.keyboard.press("Tab")
    assert focused(page)["type"] == "submit"
    page.keyboard.press("Enter")
    page.locator(".saved").wait_for()
    assert page.locator(".saved").inner_text() == texts.CHECKIN_SAVED
    [saved] = checkins(lab)
    assert (saved["mood"], saved["energy"], saved["sleep_hours"], saved["mind"],
            saved["habits"], saved["note"]) == (6, 3, 7.5, None, ["exercise"], "a quiet day <3")
    page.reload()  # the "saved" page again: it names the entry, so nothing is saved twice
    assert len(checkins(lab)) == 1
    page.goto(lab.url)
    page.wait_for_url("**/lab/tree/00_start_here.ipynb")
    page.locator(".jp-NotebookPanel").first.wait_for()


def test_a_refused_answer_comes_back_whole_and_nothing_is_saved(lab: Any, page: Any) -> None:
    page.goto(lab.url)
    page.locator("label[for=mood-7]").click()
    page.locator("label[for=habit-1]").click()
    page.evaluate("() => document.getElementById('sleep_hours').removeAttribute('max')")
    page.fill("#sleep_hours", "30")
    page.fill("#note", "kept, whatever happens")
    with page.expect_response(lambda r: r.request.method == "POST") as reply:
        page.locator("button[type=submit]").click()
    assert reply.value.status == 400
    problem = page.locator("#problem")
    assert problem.get_attribute("role") == "alert"
    assert "Nothing was saved" in problem.inner_text()
    assert "sleep_hours" in page.locator("#problem-sleep_hours").inner_text()
    assert page.locator("#sleep_hours").get_attribute("aria-invalid") == "true"
    assert focused(page)["id"] == "sleep_hours"  # the field to mend has the focus
    assert page.title().startswith(texts.QUICK_NOT_SAVED_TITLE)
    assert page.locator("#mood-7").is_checked() and page.locator("#habit-1").is_checked()
    assert page.locator("#note").input_value() == "kept, whatever happens"
    assert checkins(lab) == []
    page.fill("#sleep_hours", "8")
    page.locator("button[type=submit]").click()
    page.locator(".saved").wait_for()
    [saved] = checkins(lab)
    assert (saved["mood"], saved["sleep_hours"], saved["note"]) == (7, 8.0,
                                                                    "kept, whatever happens")


def test_a_save_pressed_twice_saves_one_checkin(lab: Any, page: Any) -> None:
    """The same form sent twice (a double click) saves once; both answers lead to it."""
    page.goto(lab.url)
    fields = {name: page.locator(f"input[name={name}]").get_attribute("value")
              for name in ("_xsrf", "once")}
    form = {**fields, "mood": "5", "note": "once"}
    first = page.request.post(f"{lab.base}/exback/checkin", form=form)
    second = page.request.post(f"{lab.base}/exback/checkin", form=form)
    assert first.ok and second.ok and first.url == second.url and "saved=" in first.url
    assert [c["note"] for c in checkins(lab)] == ["once"]
    page.goto(lab.url + "&again=1")
    fresh = page.locator("input[name=once]").get_attribute("value")
    assert fresh != fields["once"]  # a new form, a new Save
    page.request.post(f"{lab.base}/exback/checkin", form={**form, "once": fresh})
    assert len(checkins(lab)) == 2


def test_the_quick_page_passes_axe_and_fits_a_phone(lab: Any, page: Any) -> None:
    page.goto(lab.url)
    page.locator("#mood-1").wait_for(state="attached")
    violations = run_axe(page)
    report("quick check-in", violations)
    assert blocking(violations) == []
    page.set_viewport_size(PHONE)
    overflow, scrollers = sideways(page)
    assert overflow[0] <= overflow[1] and scrollers == []
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / "quick-checkin-390.png"), full_page=True)
    page.locator("label[for=mood-4]").click()
    page.locator("button[type=submit]").click()
    page.locator(".saved").wait_for()
    assert blocking(run_axe(page)) == []


def test_a_chosen_answer_is_ticked_not_only_coloured(lab: Any, page: Any) -> None:
    """A chosen number, "Leave out" while it stands, and a ticked habit each show a check
    mark before their words, not only a colour; an unchosen one shows none. The mark is the
    style sheet's ``::before`` content, read as the browser draws it (it once showed its
    own escape, ``\\2713\\00a0``, as text)."""
    page.goto(lab.url)
    page.locator("#mood-1").wait_for(state="attached")

    def mark(label_for: str) -> str:
        return str(page.evaluate("f => getComputedStyle(document.querySelector(`label[for=${f}]`),"
                                 " '::before').content", label_for))

    tick, tick_space = '"\u2713"', '"\u2713\u00a0"'
    assert mark("energy-skip") == tick_space  # chosen until another is
    page.locator("label[for=mood-7]").click()
    assert mark("mood-7") == tick_space
    assert mark("mood-6") in ("none", "normal")
    assert mark("habit-0") == '""'  # the empty box
    page.locator("label[for=habit-0]").click()
    assert mark("habit-0") == tick
    shown = page.locator("label[for=mood-7]").inner_text()
    assert "\\" not in shown and "2713" not in page.locator("form").inner_text()


def _request(url: str, data: bytes | None = None,
             headers: dict[str, str] | None = None) -> tuple[int, str, str]:
    request = urllib.request.Request(url, data=data, headers=headers or {})  # noqa: S310
    try:
        with urllib.request.urlopen(request, timeout=60) as reply:  # noqa: S310 (127.0.0.1)
            return reply.status, reply.geturl(), reply.read().decode()
    except urllib.error.HTTPError as exc:
        return exc.code, url, exc.read().decode(errors="replace")


def test_only_the_servers_own_logged_in_pages_can_save(lab: Any, page: Any) -> None:
    """No token, no page; a post without the server's anti-forgery field saves nothing;
    a "saved" address naming no saved check-in says nothing is saved."""
    status, where, body = _request(f"{lab.base}/exback/checkin")
    assert "/login" in where and 'name="mood"' not in body
    status, _, body = _request(f"{lab.base}/exback/checkin", data=b"mood=5")
    assert status == 403 and 'name="mood"' not in body
    page.goto(lab.url)  # logged in (the token's cookie) ...
    forged = page.request.post(f"{lab.base}/exback/checkin", form={"mood": "5"})
    assert forged.status == 403  # ... but no _xsrf field: refused
    assert checkins(lab) == []
    page.goto(f"{lab.base}/exback/checkin?saved=1")
    assert page.locator(".saved").count() == 0 and page.locator("#mood-1").count() == 1
    headers = page.request.get(f"{lab.base}/exback/checkin").headers
    policy = headers["content-security-policy"]
    assert "default-src 'none'" in policy and "script-src" not in policy


def test_a_journal_that_cannot_be_used_says_why_and_keeps_the_answers(lab: Any,
                                                                     page: Any) -> None:
    page.goto(lab.url)
    page.locator("label[for=mood-3]").click()
    page.fill("#note", "the words I typed")
    lab.journal.write_bytes(b"not a journal at all " * 200)  # damaged while the page was open
    page.locator("button[type=submit]").click()
    problem = page.locator("#problem")
    problem.wait_for()
    words = page.inner_text("body")
    assert "Nothing was saved" in words and "Traceback" not in words
    assert page.locator("#note").input_value() == "the words I typed"
    assert page.locator("#mood-3").is_checked()
    reply = page.goto(lab.url)
    assert reply is not None and reply.status == 503
    assert "Traceback" not in page.inner_text("body")
    assert page.locator("[role=alert]").count() == 1


def test_the_page_speaks_the_language_the_person_chose(lab: Any, page: Any) -> None:
    lab.journal.parent.mkdir(parents=True, exist_ok=True)
    with Journal.open(lab.journal, backup=False) as j:
        j.set_setting(language.SETTING, "es")
    page.goto(lab.url)
    assert page.locator("html").get_attribute("lang") == "es"
    words = page.inner_text("main")
    try:
        language.choose("es")
        spanish = (texts.CHECKIN_HEADING, texts.CHECKIN_MOOD, texts.QUICK_WELCOME)
    finally:
        language.choose("en")
    assert all(w in words for w in spanish)
    assert texts.CHECKIN_HEADING not in words and "Leave out" not in words


def test_the_demo_journal_goes_straight_to_the_notebooks(lab: Any, page: Any) -> None:
    """The demo is for looking around the notebooks (which say it is the demo); the quick
    page never asks for a real check-in to be saved among made-up entries."""
    lab.journal.parent.mkdir(parents=True, exist_ok=True)
    with Journal.open(lab.journal, backup=False) as j:
        j.set_setting("demo", True)
    page.goto(lab.url)
    page.wait_for_url("**/lab/tree/00_start_here.ipynb")
    assert checkins(lab) == []
