"""Usable by everyone, in the app view (Voila): axe-core, keyboard only, a phone-sized window.

The session's `exback app` serves it, over a journal holding 60 days of entries,
and one Chromium page the whole module. axe-core comes from the axe-playwright-python package (its
bundled ``axe.min.js``; nothing is downloaded) and runs the WCAG 2.0/2.1 A and AA
rules; any serious or critical violation fails, and every rule id found is
printed. The JupyterLab side (output areas, dark theme) is test_accessibility_lab.py.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import kit_pages
import pytest
from kit_pages import (
    ARTIFACTS,
    BLOCKING,
    NOTEBOOKS,
    blocking,
    report,
    run_axe,
    settle,
    wait_settled,
)

from exback_kit import Journal, content
from exback_kit.content import texts

pytestmark = pytest.mark.browser

PHONE = {"width": 390, "height": 844}
#: Notebooks whose phone-sized view is kept as a screenshot in test-artifacts/.
PHONE_SHOTS = ("00_start_here.ipynb", "04_holding_steady.ipynb")


@pytest.fixture(scope="module")
def page(module_page: Any) -> Any:
    """The module's one browser page."""
    return module_page


def open_app(page: Any, app: Any, name: str) -> Any:
    """Open ``name`` in the app view at desktop width; return once every part has rendered."""
    page.set_viewport_size({"width": 1280, "height": 1000})
    kit_pages.open_app(page, app, name)
    return wait_settled(page, name)


@pytest.mark.parametrize("name", NOTEBOOKS)
def test_each_notebook_in_the_app_view_passes_axe_and_fits_a_phone(
        app_full: Any, page: Any, name: str) -> None:
    """No serious/critical axe violation; the title names the stage; 390 px: no sideways scroll."""
    open_app(page, app_full, name)
    violations = run_axe(page)
    report(f"app view {name}", violations)
    assert blocking(violations) == []
    stage = content.load().stage(name.removesuffix(".ipynb"))
    assert page.title() == texts.PAGE_TITLE.format(stage=stage.title)
    page.set_viewport_size(PHONE)
    settle(page)
    overflow, scrollers = kit_pages.sideways(page)
    assert overflow[0] <= overflow[1], f"{name} scrolls sideways at 390 px: {overflow}"
    assert scrollers == [], f"{name}: something scrolls sideways at 390 px"
    wide = page.evaluate(
        """() => [...document.querySelectorAll('.exback-part input, .exback-part textarea,'
             + ' .exback-part button, .exback-part select, .exback-part img')]
           .filter(e => e.getBoundingClientRect().width > 0)
           .filter(e => e.getBoundingClientRect().right > window.innerWidth + 1)
           .map(e => e.outerHTML.slice(0, 120))""")
    assert wide == [], f"{name}: controls reach past a 390 px window"
    if name in PHONE_SHOTS:
        ARTIFACTS.mkdir(exist_ok=True)
        page.set_viewport_size({"width": PHONE["width"], "height": 6000})  # scrolls inside
        settle(page)
        page.screenshot(path=str(ARTIFACTS / f"app_390_{name.removesuffix('.ipynb')}.png"),
                        full_page=True)


# --- keyboard only ----------------------------------------------------------------------------

def focused(page: Any) -> dict[str, Any]:
    """Describe the focused element: tag, type, the kit field it belongs to, its outline."""
    return dict(page.evaluate(
        """() => { const e = document.activeElement;
             const field = e.closest('[class*="exback-field-"]');
             const name = field ? [...field.classList].find(c => c.startsWith('exback-field-'))
                                : '';
             const ring = e.closest('label') && e.type === 'radio' ? e.closest('label') : e;
             const s = getComputedStyle(ring);
             return {tag: e.tagName.toLowerCase(), type: e.type || '', field: name,
                     save: e.classList.contains('exback-save'),
                     form: e.closest('.exback-form') ? [...e.closest('.exback-form').classList]
                           .find(c => c !== 'exback-form' && c.startsWith('exback-')) : '',
                     outline: s.outlineStyle, outlineWidth: parseFloat(s.outlineWidth)}; }"""))


def tab_to(page: Any, want: Any, limit: int = 120) -> dict[str, Any]:
    """Press Tab until ``want(focused)`` holds; fail if it never does."""
    for _ in range(limit):
        page.keyboard.press("Tab")
        now = focused(page)
        if want(now):
            return now
    pytest.fail(f"Tab never reached the wanted element (last: {focused(page)})")


def tab_into(page: Any, form: str, field: str) -> dict[str, Any]:
    """Press Tab once the next field (``field`` in ``form``) is on the page; return the focus.

    A Tab pressed while a field is still rendering skips it (focus lands on the one after).
    """
    page.locator(f".{form} .exback-field-{field}").locator(
        "input, textarea, select, button").first.wait_for()
    page.keyboard.press("Tab")
    return focused(page)


def assert_visible_focus(now: dict[str, Any]) -> None:
    assert now["outline"] not in ("none", "") and now["outlineWidth"] >= 2, now


def test_the_daily_checkin_works_with_the_keyboard_alone(app_full: Any, page: Any) -> None:
    """Tab, arrows, Space and Enter fill in and save the check-in; focus is always visible."""
    open_app(page, app_full, "00_start_here.ipynb")
    page.locator("body").click(position={"x": 1, "y": 1})
    now = tab_to(page, lambda f: f["form"] == "exback-checkin")
    assert now["field"] == "exback-field-mood" and now["type"] == "range"
    assert_visible_focus(now)
    page.keyboard.press("Home")
    for _ in range(6):
        page.keyboard.press("ArrowRight")  # 1 -> 7
    now = tab_into(page, "exback-checkin", "energy")
    assert now["field"] == "exback-field-energy" and now["type"] == "radio"
    assert_visible_focus(now)
    page.keyboard.press("Space")  # picks 1
    for _ in range(5):
        page.keyboard.press("ArrowRight")  # 1 -> 6
    assert tab_into(page, "exback-checkin", "sleep_hours")["field"] == "exback-field-sleep_hours"
    page.keyboard.type("7.5")
    now = tab_into(page, "exback-checkin", "mind")
    assert now["field"] == "exback-field-mind" and now["type"] == "radio"  # optional: pass it
    assert_visible_focus(now)
    now = tab_into(page, "exback-checkin", "habits")
    assert now["type"] == "checkbox"
    assert_visible_focus(now)
    page.keyboard.press("Space")  # the first habit
    tab_to(page, lambda f: f["field"] == "exback-field-note")
    page.keyboard.type("a quiet evening, typed with keys only")
    now = tab_to(page, lambda f: f["save"] and f["form"] == "exback-checkin")
    assert_visible_focus(now)
    page.keyboard.press("Enter")
    page.locator(".exback-checkin .exback-status").filter(
        has_text=texts.CHECKIN_SAVED).wait_for()
    with Journal.open(app_full.journal) as j:
        row = j.records("checkins", newest_first=True, limit=1)[0]
    first_habit = j_first_habit(app_full.journal)
    assert (row["mood"], row["energy"], row["sleep_hours"], row["note"]) == (
        7, 6, 7.5, "a quiet evening, typed with keys only")
    assert list(row["habits"]) == [first_habit]


def j_first_habit(path: Path) -> str:
    """Return the first habit the check-in offers for this journal."""
    from exback_kit.notebook.daily_logs import habit_list

    with Journal.open(path) as j:
        return habit_list(j)[0]


def test_the_urge_log_works_with_the_keyboard_alone(app_full: Any, page: Any) -> None:
    """The urge log: intensity by arrows, text typed, the check box by Space, Save by Space."""
    open_app(page, app_full, "04_holding_steady.ipynb")
    page.locator("body").click(position={"x": 1, "y": 1})
    with Journal.open(app_full.journal) as j:
        before = j.count("urges")
    now = tab_to(page, lambda f: f["form"] == "exback-urge")
    assert now["field"] == "exback-field-intensity" and now["type"] == "range"
    page.keyboard.press("End")
    page.keyboard.press("ArrowLeft")  # 10 -> 9
    assert tab_into(page, "exback-urge", "trigger")["field"] == "exback-field-trigger"
    page.keyboard.type("a song in a shop")
    now = tab_into(page, "exback-urge", "acted_on")
    assert now["field"] == "exback-field-acted_on" and now["type"] == "checkbox"
    assert_visible_focus(now)
    assert tab_into(page, "exback-urge", "helped")["field"] == "exback-field-helped"
    page.keyboard.type("walked home the long way")
    now = tab_to(page, lambda f: f["save"] and f["form"] == "exback-urge")
    page.keyboard.press("Space")
    page.locator(".exback-urge .exback-status").filter(has_text=re.compile(r"\S")).wait_for()
    with Journal.open(app_full.journal) as j:
        assert j.count("urges") == before + 1
        row = j.records("urges", newest_first=True, limit=1)[0]
    assert (row["intensity"], row["trigger"], bool(row["acted_on"]), row["helped"]) == (
        9, "a song in a shop", False, "walked home the long way")


def test_a_slider_moved_twice_while_the_kernel_is_busy_saves_its_last_value(
        app: Any, page: Any) -> None:
    """The widgets' protocol holds back a widget's second update until the kernel answers
    its first, while a Save press goes out at once. The kit's slider sends its value when it
    is left, which comes before the press: End, an arrow and Save, typed while the kernel
    is busy with something else, save the value the person saw (10 was saved, not 9)."""
    from jupyter_client import BlockingKernelClient

    open_app(page, app, "00_start_here.ipynb")
    client = BlockingKernelClient(connection_file=str(newest_kernel_file(app.proc.pid)))
    client.load_connection_file()
    client.start_channels(hb=False)
    try:
        page.locator("body").click(position={"x": 1, "y": 1})
        now = tab_to(page, lambda f: f["form"] == "exback-checkin")
        assert now["field"] == "exback-field-mood" and now["type"] == "range"
        asked = client.execute("import time; time.sleep(4)")  # a slow chart, say
        while client.get_iopub_msg(timeout=30)["parent_header"].get("msg_id") != asked:
            pass  # until the kernel has taken it up (its "busy" for it)
        page.keyboard.press("End")
        page.keyboard.press("ArrowLeft")  # 10 -> 9
        assert focused(page)["field"] == "exback-field-mood"
        said = page.locator(".exback-checkin .exback-field-mood input[type=range]")
        assert re.match(r"9 \(", said.get_attribute("aria-valuetext") or "")  # read out now
        now = tab_to(page, lambda f: f["save"] and f["form"] == "exback-checkin")
        page.keyboard.press("Space")
        page.locator(".exback-checkin .exback-status").filter(
            has_text=texts.CHECKIN_SAVED).wait_for(timeout=60_000)
    finally:
        client.stop_channels()
    with Journal.open(app.journal) as j:
        assert [r["mood"] for r in j.records("checkins")] == [9]


def newest_kernel_file(server: int) -> Path:
    """Return the connection file of the newest kernel under the server process ``server``:
    Voila keeps them in a folder of its own, named on each kernel's command line."""
    parents: dict[int, int] = {}
    argvs: dict[int, list[bytes]] = {}
    for proc in Path("/proc").glob("[0-9]*"):
        try:
            status = (proc / "status").read_text().splitlines()
            parent = next(x.split()[1] for x in status if x.startswith("PPid:"))
            parents[int(proc.name)] = int(parent)
            argvs[int(proc.name)] = (proc / "cmdline").read_bytes().split(b"\0")
        except (OSError, StopIteration):
            continue  # gone meanwhile

    def under(pid: int) -> bool:
        while pid > 1:
            pid = parents.get(pid, 0)
            if pid == server:
                return True
        return False

    files = [Path(a.decode()) for pid, argv in argvs.items() if under(pid)
             for a in argv if re.search(rb"kernel-[\w-]+\.json$", a)]
    return max(files, key=lambda f: f.stat().st_mtime)


def test_the_axe_check_catches_an_unlabelled_input_and_a_bare_image(page: Any) -> None:
    """Control: the same axe run reports a nameless input and an image without alt text."""
    page.evaluate("""() => { const part = document.querySelector('.exback-part');
        part.insertAdjacentHTML('beforeend',
          '<input type="text" class="control"><img class="control" src="data:,">'); }""")
    found = {v["id"] for v in run_axe(page) if v["impact"] in BLOCKING}
    page.evaluate("() => document.querySelectorAll('.control').forEach(e => e.remove())")
    assert {"label", "image-alt"} <= found
