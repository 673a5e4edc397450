"""Harness for the end-to-end tests: a real `exback lab` / `exback app` and headless Chromium.

One `exback lab` and one `exback app` serve the whole session (per xdist worker), each
started through the real command on a free port with a temporary copy of the notebooks
and temporary Jupyter config, settings, workspaces and runtime folders (JupyterLab's
news prompt off, lazy rendering off for full-page screenshots). Their journal folder
(``EXBACK_HOME``) is a symlink that each test points at a folder of its own: a fresh,
empty one for ``lab`` / ``app``, the session's 60-day journal for ``lab_full`` /
``app_full``. Kernels open the journal when they start, so before the folder changes
JupyterLab's sessions are shut down (Voila starts a new kernel for every page load) and
the notebooks are copied afresh. The servers are stopped the way a person would stop
them (Ctrl-C) at the end of the session.

The tests skip with a reason when Chromium (or Playwright) is missing, unless
``CI`` is set: then they fail, because CI must install them.
"""

from __future__ import annotations

import itertools
import json
import os
import queue
import shutil
import signal
import subprocess
import sys
import threading
import urllib.request
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest
from kit_pages import ARTIFACTS, FULL_DAYS, REPO, SLOW_MS, journal_with_days, settle

from exback_kit.cli.launch import LAB_SETTINGS_FOLDER

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", "--no-first-run",
                 "--disable-quic"]
START_TIMEOUT_S = 180
LAB_SETTINGS = {
    "@jupyterlab/apputils-extension/notification.jupyterlab-settings":
        {"fetchNews": "false", "checkForUpdates": False},
    "@jupyterlab/notebook-extension/tracker.jupyterlab-settings": {"windowingMode": "none"},
}


def _missing(what: str) -> None:
    if os.environ.get("CI"):
        pytest.fail(f"{what} is missing, and CI is set: CI must install it for the browser tests")
    pytest.skip(f"{what} is missing; browser tests skipped (apt-get install chromium)")


@pytest.fixture(scope="module")
def chromium() -> Iterator[Any]:
    """A headless Debian Chromium driven by Playwright, shared by one test module.

    Module scope: Playwright's event loop is gone before tests that run their own
    (nbclient) start.
    """
    if not CHROMIUM.exists():
        _missing(f"Chromium at {CHROMIUM}")
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        _missing("the Python package playwright")
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=str(CHROMIUM), headless=True,
                                    args=CHROMIUM_ARGS)
        yield browser
        browser.close()


@dataclass
class KitServer:
    """A running `exback lab` or `exback app`, its folders and its address."""

    kind: str
    proc: subprocess.Popen[str]
    url: str
    base: str
    token: str
    journal: Path
    notebooks: Path
    log: list[str]
    reader: threading.Thread | None = None

    def stop(self) -> None:
        """Press Ctrl-C (SIGINT) like a person; kill only if it does not stop. Returns once
        the server's last line is in :attr:`log`."""
        if self.proc.poll() is None:
            self.proc.send_signal(signal.SIGINT)
            try:
                self.proc.wait(60)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait(10)
        if self.reader is not None:
            self.reader.join(10)


def _write_lab_settings(folder: Path) -> None:
    for name, values in LAB_SETTINGS.items():
        path = folder / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(json.dumps(values))


def _base_jupyter_paths(env: dict[str, str]) -> dict[str, str]:
    """In a venv made with --system-site-packages, point Jupyter at the base Python's data.

    Jupyter looks for Voila's templates, the widget extension and JupyterLab's own
    files under ``sys.prefix``, which in such a venv is empty; the packages (and so
    their data) live under ``sys.base_prefix``.
    """
    base = Path(sys.base_prefix) / "share" / "jupyter"
    if sys.prefix == sys.base_prefix or not base.is_dir():
        return {}
    paths = [p for p in env.get("JUPYTER_PATH", "").split(os.pathsep) if p]
    out = {"JUPYTER_PATH": os.pathsep.join([*paths, str(base)])}
    if "JUPYTERLAB_DIR" not in env and (base / "lab").is_dir():
        out["JUPYTERLAB_DIR"] = str(base / "lab")
    return out


def _reader(stream: Any, lines: queue.Queue[str], log: list[str]) -> None:
    for line in stream:
        log.append(line)
        lines.put(line)


def start_kit_server(kind: str, root: Path) -> KitServer:
    """Start `exback <kind>` (lab or app) with every folder under ``root``; wait for its URL."""
    home, notebooks = root / "home", root / "notebooks"
    shutil.copytree(REPO / "notebooks", notebooks,
                    ignore=shutil.ignore_patterns(".ipynb_checkpoints", "conftest.py"))
    settings = root / "lab-settings"
    _write_lab_settings(settings)
    env = dict(os.environ)
    env.pop("EXBACK_JOURNAL", None)
    env.update({
        "EXBACK_HOME": str(home), "XDG_DATA_HOME": str(root / "xdg"),
        "JUPYTER_CONFIG_DIR": str(root / "jupyter-config"),
        "JUPYTERLAB_SETTINGS_DIR": str(settings),
        "JUPYTERLAB_WORKSPACES_DIR": str(root / "workspaces"),
        "JUPYTER_RUNTIME_DIR": str(root / "runtime"),
        "PYTHONUNBUFFERED": "1",
    })
    env.update(_base_jupyter_paths(env))
    argv = [sys.executable, "-m", "exback_kit.cli", kind, "--no-browser",
            "--notebooks", str(notebooks)]
    proc = subprocess.Popen(argv, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                            stdin=subprocess.DEVNULL, text=True, cwd=root)
    lines: queue.Queue[str] = queue.Queue()
    log: list[str] = []
    reader = threading.Thread(target=_reader, args=(proc.stdout, lines, log), daemon=True)
    reader.start()
    url = _wait_for_url(proc, lines, log)
    base = url.split("/", 3)[:3]
    token = url.split("token=", 1)[1]
    return KitServer(kind, proc, url, "/".join(base), token, home / "journal.sqlite3",
                     notebooks, log, reader)


def _wait_for_url(proc: subprocess.Popen[str], lines: queue.Queue[str], log: list[str]) -> str:
    while True:
        try:
            line = lines.get(timeout=START_TIMEOUT_S)
        except queue.Empty:
            proc.kill()
            pytest.fail("the server printed no URL in time:\n" + "".join(log))
        if line.strip().startswith("http://127.0.0.1:"):
            return line.strip()
        if proc.poll() is not None and lines.empty():
            pytest.fail("the server stopped before it was ready:\n" + "".join(log))


@dataclass
class SharedServer:
    """One server for the session whose journal folder each test can point elsewhere.

    ``server.journal`` and ``server.notebooks`` stay the same paths throughout: the
    journal folder is a symlink that :meth:`use_home` moves.
    """

    server: KitServer
    root: Path
    current: Path
    first: Path
    fresh: Iterator[int] = field(default_factory=itertools.count)

    def use_home(self, home: Path) -> None:
        """Point the journal folder at ``home``; JupyterLab's kernels and notebooks start over.

        Voila needs nothing more: every page load starts a kernel, which opens the journal
        then. JupyterLab keeps a notebook's kernel (with the old journal open) until its
        session is shut down, and keeps what a test saved into the notebook files.
        """
        if self.server.kind == "lab":
            self._shut_down_sessions()
            self._restore_notebooks()
        if home == self.current:
            return
        home.mkdir(parents=True, exist_ok=True)
        settings = self.first / LAB_SETTINGS_FOLDER
        if settings.is_dir() and not (home / LAB_SETTINGS_FOLDER).exists():
            shutil.copytree(settings, home / LAB_SETTINGS_FOLDER)  # what `exback lab` wrote
        link = self.root / "home"
        tmp = self.root / "home.next"
        tmp.unlink(missing_ok=True)
        tmp.symlink_to(home, target_is_directory=True)
        os.replace(tmp, link)  # at once: a kernel sees the old folder or the new one
        self.current = home

    def fresh_home(self) -> Path:
        """Point the journal folder at a new, empty folder; return it."""
        home = self.root / "homes" / f"fresh-{next(self.fresh)}"
        self.use_home(home)
        return home

    def _api(self, method: str, path: str) -> Any:
        request = urllib.request.Request(  # noqa: S310 (the server's own http://127.0.0.1 address)
            f"{self.server.base}{path}", method=method,
            headers={"Authorization": f"token {self.server.token}"})
        with urllib.request.urlopen(request, timeout=60) as reply:  # noqa: S310
            body = reply.read()
        return json.loads(body) if body else None

    def _shut_down_sessions(self) -> None:
        for session in self._api("GET", "/api/sessions"):
            self._api("DELETE", f"/api/sessions/{session['id']}")

    def _restore_notebooks(self) -> None:
        notebooks = self.server.notebooks
        shutil.rmtree(notebooks / ".ipynb_checkpoints", ignore_errors=True)
        for nb in (REPO / "notebooks").glob("*.ipynb"):
            shutil.copyfile(nb, notebooks / nb.name)
        settings = self.root / "lab-settings"
        shutil.rmtree(settings, ignore_errors=True)  # a test's theme goes too
        _write_lab_settings(settings)


#: Jupyter's lines kept out of the person's terminal, as they would read there.
SAYS_NOTHING = ("is not trusted", "websocket_ping_timeout", "received signal",
                "without encryption")  # the kernels, Voila's too, are encrypted


def _shared(kind: str, factory: pytest.TempPathFactory) -> Iterator[SharedServer]:
    root = factory.mktemp(f"{kind}-shared")
    first = root / "homes" / "first"
    first.mkdir(parents=True)
    (root / "home").symlink_to(first, target_is_directory=True)
    server = start_kit_server(kind, root)
    yield SharedServer(server, root, first, first)
    server.stop()
    said = "".join(server.log)
    # Every page and notebook the session opened, and the stop: none of Jupyter's lines
    # that say nothing to the person reached their terminal (cli/quiet_server.py).
    for line in SAYS_NOTHING:
        assert line not in said, said


@pytest.fixture(scope="session")
def _lab_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[SharedServer]:
    """The session's one `exback lab`."""
    yield from _shared("lab", tmp_path_factory)


@pytest.fixture(scope="session")
def _app_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[SharedServer]:
    """The session's one `exback app` (Voila)."""
    yield from _shared("app", tmp_path_factory)


@pytest.fixture(scope="session")
def _full_home(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A journal folder with 60 days of entries, made once for the session."""
    home = tmp_path_factory.mktemp("full") / "home"
    journal_with_days(home, FULL_DAYS)
    return home


@pytest.fixture
def lab(_lab_server: SharedServer) -> KitServer:
    """The running `exback lab`, over a fresh, empty journal of this test's own."""
    _lab_server.fresh_home()
    return _lab_server.server


@pytest.fixture
def app(_app_server: SharedServer) -> KitServer:
    """The running `exback app` (Voila), over a fresh, empty journal of this test's own."""
    _app_server.fresh_home()
    return _app_server.server


@pytest.fixture
def app_full(_app_server: SharedServer, _full_home: Path) -> KitServer:
    """The running `exback app`, over the session's journal with 60 days of entries."""
    _app_server.use_home(_full_home)
    return _app_server.server


@pytest.fixture
def lab_full(_lab_server: SharedServer, _full_home: Path) -> KitServer:
    """The running `exback lab`, over the session's journal with 60 days of entries."""
    _lab_server.use_home(_full_home)
    return _lab_server.server


def _page(chromium: Any, height: int) -> Iterator[Any]:
    """A page in a context of its own, 1280 px wide, patient with slow renders."""
    context = chromium.new_context(viewport={"width": 1280, "height": height})
    context.set_default_timeout(SLOW_MS)
    yield context.new_page()
    context.close()


@pytest.fixture(scope="module")
def module_page(chromium: Any) -> Iterator[Any]:
    """One browser page kept for a whole module (one server, many notebooks)."""
    yield from _page(chromium, 1000)


@pytest.fixture
def kit_page(chromium: Any) -> Iterator[Any]:
    """A fresh browser page with a tall viewport (for whole-notebook screenshots)."""
    yield from _page(chromium, 1600)


class UI:
    """What a person does in the page, shared by the JupyterLab and Voila tests."""

    checkin = ".exback-checkin"
    mood_img = ".exback-chart-mood img"

    @staticmethod
    def set_slider(field: Any, value: int) -> None:
        """Move the kit's slider (a native range input) to ``value``."""
        field.locator("input[type=range]").fill(str(value))

    @staticmethod
    def save_checkin(page: Any, mood: int, energy: int, note: str) -> None:
        """Fill in the check-in in the page and press its Save button."""
        import re

        form = page.locator(UI.checkin)
        UI.set_slider(form.locator(".exback-field-mood"), mood)
        form.locator(".exback-field-energy label").filter(
            has_text=re.compile(rf"^{energy}$")).click()
        form.locator(".exback-field-note textarea").fill(note)
        form.locator("button.exback-save").click()

    @staticmethod
    def chart_src(page: Any) -> str:
        """Return the mood chart's image address (a new blob: URL after each redraw)."""
        img = page.locator(UI.mood_img)
        img.wait_for()
        return str(img.get_attribute("src"))

    @staticmethod
    def wait_src_changes(page: Any, before: str) -> None:
        """Wait until the mood chart shows a new image."""
        page.wait_for_function(
            "([sel, old]) => { const i = document.querySelector(sel);"
            " return i && i.src && i.src !== old; }", arg=[UI.mood_img, before])


    @staticmethod
    def screenshot(page: Any, name: str) -> Path:
        """Save a full-page screenshot under test-artifacts/ (gitignored); return its path."""
        ARTIFACTS.mkdir(exist_ok=True)
        path = ARTIFACTS / name
        page.set_viewport_size({"width": 1280, "height": 4200})  # the notebook scrolls inside
        page.evaluate("document.querySelectorAll('.jp-WindowedPanel-outer')"
                      ".forEach(e => { e.scrollTop = 0; })")
        settle(page)
        page.screenshot(path=str(path), full_page=True)
        return path


@pytest.fixture
def ui() -> type[UI]:
    """The shared page actions."""
    return UI


