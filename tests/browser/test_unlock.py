"""A locked journal in the app view, opened without the key `exback app` hands to kernels.

The server starts on a plain journal, which is then locked with a passphrase, so no
hand-off file exists and every Voila kernel starts without a key: the situation of
a notebook opened "any other way". The page must show the Passphrase field and
Unlock, say calmly that the journal is locked, and offer nothing that writes; a
wrong passphrase changes no file; the right one brings the forms, and a check-in
saved from the page is in the journal; "Lock now" forgets the key again.
"""

from __future__ import annotations

import hashlib
import importlib.util
import shutil
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from exback_kit import Journal
from exback_kit.content import texts
from exback_kit.store import keys, locking

pytestmark = pytest.mark.browser

PASSPHRASE = "a long walk by the river"  # noqa: S105 (a made-up test passphrase)
MARKER = "unlock-marker-4711 tea on the balcony"
#: Anything a person could type into or press to change the journal (the Passphrase field
#: and Unlock are the only controls a locked page may show).
WRITING = ("button.exback-save, textarea, select, input:not([type=password]),"
           " button:not(.exback-unlock)")
KEYRING_ENV = "PYTHON_KEYRING_BACKEND"
WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]


# --- helpers (candidates for tests/browser/conftest.py) ----------------------------------

def _harness() -> Any:
    """Load the browser conftest's helpers under a name of their own.

    ``import conftest`` would get whichever conftest pytest loaded last (tests/ has one
    too, and tests/browser is no package); a module-scoped server over a journal made
    beforehand needs :func:`start_kit_server` itself, not the ``app`` fixture.
    """
    spec = importlib.util.spec_from_file_location(
        "exback_browser_harness", Path(__file__).with_name("conftest.py"))
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up there
    spec.loader.exec_module(module)
    return module


HARNESS = _harness()
ARTIFACTS: Path = HARNESS.ARTIFACTS
KitServer = Any


def run_axe(page: Any) -> list[Any]:
    """Run axe-core's WCAG 2.0/2.1 A+AA rules on the page; return the serious/critical ones."""
    try:
        import axe_playwright_python
    except ImportError:
        pytest.skip("axe-playwright-python is missing (pip install -e '.[test]')")
    if not page.evaluate("() => typeof window.axe !== 'undefined'"):
        page.add_script_tag(path=str(Path(axe_playwright_python.__file__).parent / "axe.min.js"))
    found = page.evaluate("async (tags) => (await axe.run(document, {runOnly: {type: 'tag',"
                          " values: tags}})).violations", WCAG_TAGS)
    print("axe:", ", ".join(f"{v['id']}:{v['impact']}" for v in found) or "none")
    return [f"{v['id']} ({v['impact']}): {v['nodes'][0]['html'][:160]}" for v in found
            if v["impact"] in ("serious", "critical")]


def shot(page: Any, name: str) -> None:
    """Keep a full-page screenshot as test-artifacts/unlock_<name>.png."""
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / f"unlock_{name}.png"), full_page=True)


def fingerprint(folder: Path) -> dict[str, str]:
    """Return every file under ``folder`` (journal, -wal, -shm, key file, backups) -> sha256."""
    return {str(p.relative_to(folder)): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(folder.rglob("*")) if p.is_file()}


def open_locked(page: Any, server: KitServer, name: str) -> None:
    """Open ``name`` in the app view and wait until its first cell offers Unlock."""
    page.goto(f"{server.base}/voila/render/{name}?token={server.token}")
    page.locator("button.exback-unlock").wait_for()
    page.locator(".exback-part-next .exback-locked").wait_for()  # the last cell ran too


def unlock(page: Any, passphrase: str) -> None:
    """Type ``passphrase`` into the Passphrase field and press Unlock."""
    page.locator(".exback-unlock-password input[type=password]").fill(passphrase)
    page.locator("button.exback-unlock").click()


def assert_calmly_locked(page: Any, note: str) -> None:
    """The page says it is locked, shows the Unlock form, and nothing that would write."""
    from playwright.sync_api import expect

    page.locator(".exback-locked-note").filter(has_text=note).wait_for()
    field = page.get_by_label(texts.NB_PASSWORD, exact=True)
    assert field.get_attribute("type") == "password"
    # after Lock now the note comes first and the parts turn locked one by one
    expect(page.locator(WRITING)).to_have_count(0, timeout=60_000)
    parts = page.locator(".exback-locked")
    assert parts.count() >= 1
    assert set(parts.all_inner_texts()) == {texts.NB_LOCKED_PART}
    assert page.locator(".exback-part-error").count() == 0
    assert "Traceback" not in page.locator("body").inner_text()


# --- the server ---------------------------------------------------------------------------

@pytest.fixture(scope="module")
def locked_app(tmp_path_factory: pytest.TempPathFactory) -> Iterator[KitServer]:
    """`exback app` started on a plain journal with 14 days, locked once the server is up."""
    root = tmp_path_factory.mktemp("app-locked")
    HARNESS.journal_with_days(root / "home", 14)
    shutil.rmtree(root / "made")
    with pytest.MonkeyPatch.context() as env:  # the server copies this environment
        for name in (keys.PASSPHRASE_ENV, keys.RECOVERY_ENV):
            env.delenv(name, raising=False)
        # Kernels must find no remembered key (and never touch a real keyring here).
        env.setenv(KEYRING_ENV, "keyring.backends.fail.Keyring")
        server = HARNESS.start_kit_server("app", root)
    try:
        locking.encrypt(server.journal, PASSPHRASE)
        assert texts.LAUNCH_UNLOCKED not in "".join(server.log)  # no key was handed over
        yield server
    finally:
        server.stop()


@pytest.fixture(scope="module")
def page(chromium: Any) -> Iterator[Any]:
    """One browser page for the module (each page load is a new kernel in Voila)."""
    context = chromium.new_context(viewport={"width": 1280, "height": 1400})
    context.set_default_timeout(180_000)
    pg = context.new_page()
    yield pg
    context.close()


# --- the tests ----------------------------------------------------------------------------

def test_a_locked_start_page_offers_only_unlock_and_passes_axe(locked_app: KitServer,
                                                               page: Any) -> None:
    open_locked(page, locked_app, "00_start_here.ipynb")
    assert_calmly_locked(page, texts.NB_LOCKED)
    assert page.locator(".exback-checkin, .exback-chart img").count() == 0
    assert run_axe(page) == []
    shot(page, "00_locked")


def test_a_wrong_passphrase_says_so_plainly_and_changes_no_file(locked_app: KitServer,
                                                                page: Any) -> None:
    open_locked(page, locked_app, "00_start_here.ipynb")
    before = fingerprint(locked_app.journal.parent)
    field = page.get_by_label(texts.NB_PASSWORD, exact=True)
    field.fill("not the passphrase")
    field.press("Tab")  # by keyboard alone: Tab reaches Unlock, Enter presses it
    assert page.evaluate("() => document.activeElement.classList.contains('exback-unlock')")
    page.keyboard.press("Enter")
    status = page.locator(".exback-unlock-status")
    status.filter(has_text="doesn't open").wait_for()
    assert status.inner_text().strip() == texts.LOCK_WRONG_PASSPHRASE.format(
        path=locked_app.journal.resolve())
    assert page.locator(".exback-unlock-password input").input_value() == ""  # not kept
    assert_calmly_locked(page, texts.NB_LOCKED)
    assert fingerprint(locked_app.journal.parent) == before
    shot(page, "00_wrong_passphrase")


def test_the_right_passphrase_unlocks_a_checkin_saves_and_lock_now_forgets(
        locked_app: KitServer, page: Any, ui: Any) -> None:
    open_locked(page, locked_app, "00_start_here.ipynb")
    unlock(page, PASSPHRASE)
    page.locator(f"{ui.checkin} button.exback-save").wait_for()
    page.locator(ui.mood_img).wait_for()  # the charts are back too
    page.locator(".exback-locked, .exback-locked-note").first.wait_for(state="detached")
    assert page.locator(".exback-unlock-password input").count() == 0
    shot(page, "00_unlocked")

    ui.save_checkin(page, mood=7, energy=4, note=MARKER)
    page.locator(f"{ui.checkin} .exback-status").filter(has_text=texts.CHECKIN_SAVED).wait_for()
    with Journal.open(locked_app.journal, passphrase=PASSPHRASE, backup=False) as j:
        row = j.records("checkins", newest_first=True, limit=1)[0]
    assert (row["mood"], row["energy"], row["note"]) == (7, 4, MARKER)
    on_disk = [name for name, p in ((n, locked_app.journal.parent / n)
                                    for n in fingerprint(locked_app.journal.parent))
               if MARKER.encode() in p.read_bytes()]
    assert on_disk == []  # the note is in the journal, locked: its bytes are nowhere

    page.locator("button.exback-lock-now").click()
    assert_calmly_locked(page, texts.NB_LOCKED_AGAIN)
    assert page.locator(f"{ui.checkin}, {ui.mood_img}").count() == 0
    shot(page, "00_locked_again")
    unlock(page, "not the passphrase")  # locked again for real: the old key is gone
    page.locator(".exback-unlock-status").filter(has_text="doesn't open").wait_for()


def test_a_stage_with_forms_waits_for_its_own_unlock(locked_app: KitServer, page: Any) -> None:
    """04 (urge log, vault, plans) shows no form while locked; each page's kernel unlocks alone."""
    open_locked(page, locked_app, "04_holding_steady.ipynb")
    assert_calmly_locked(page, texts.NB_LOCKED)
    assert run_axe(page) == []
    shot(page, "04_locked")
    unlock(page, PASSPHRASE)
    page.locator(".exback-urge button.exback-save").wait_for()
    page.locator(".exback-locked").first.wait_for(state="detached")  # parts rebuild in turn
    assert page.locator(".exback-unlock-password input").count() == 0
    shot(page, "04_unlocked")
