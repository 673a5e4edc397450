"""`exback lab` / `exback app`: where the notebooks come from, the server commands, Ctrl-C."""

from __future__ import annotations

import argparse
import http.client
import json
import os
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path

import pytest

from exback_kit.cli import build_parser, launch, notebook_folder
from exback_kit.content import texts
from exback_kit.errors import ValidationError

REPO = Path(__file__).resolve().parents[2]


def _notebook(path: Path, marker: str) -> None:
    path.write_text(json.dumps({"cells": [], "metadata": {"marker": marker},
                                "nbformat": 4, "nbformat_minor": 4}))


@pytest.fixture
def installed(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Pretend the package is installed (no checkout beside it) with bundled notebooks."""
    package = tmp_path / "site-packages" / "exback_kit"
    bundled = package / "notebooks"
    bundled.mkdir(parents=True)
    for name in ("00_start_here", "01_space_and_clarity"):
        _notebook(bundled / f"{name}.ipynb", "kit")
    monkeypatch.setattr(notebook_folder, "_package_dir", lambda: package)
    return bundled


def test_a_checkout_serves_its_own_notebooks_folder() -> None:
    assert notebook_folder.checkout_notebooks() == REPO / "notebooks"
    assert notebook_folder.notebooks_dir() == REPO / "notebooks"


def test_an_install_copies_the_notebooks_to_the_data_folder(installed: Path,
                                                            _isolated_home: Path) -> None:
    folder = notebook_folder.notebooks_dir()
    assert folder == _isolated_home / "notebooks"
    assert sorted(p.name for p in folder.glob("*.ipynb")) == [
        "00_start_here.ipynb", "01_space_and_clarity.ipynb"]
    assert oct(folder.stat().st_mode & 0o777) == oct(0o700)


def test_the_persons_copy_is_never_overwritten(installed: Path, _isolated_home: Path,
                                               capsys: pytest.CaptureFixture[str]) -> None:
    """Edits survive later runs; a notebook new in the kit is added beside them."""
    folder = notebook_folder.notebooks_dir()
    assert texts.LAUNCH_COPIED.format(folder=folder) in capsys.readouterr().out
    _notebook(folder / "00_start_here.ipynb", "mine")
    _notebook(installed / "02_reading_the_signals.ipynb", "kit")
    assert notebook_folder.notebooks_dir() == folder
    mine = json.loads((folder / "00_start_here.ipynb").read_text())
    assert mine["metadata"]["marker"] == "mine"
    assert (folder / "02_reading_the_signals.ipynb").exists()
    assert str(folder) in capsys.readouterr().out
    notebook_folder.notebooks_dir()
    assert capsys.readouterr().out == ""  # nothing new to copy, nothing said


def test_an_explicit_folder_gets_missing_notebooks_only(installed: Path, tmp_path: Path) -> None:
    chosen = tmp_path / "my notebooks"
    chosen.mkdir()
    _notebook(chosen / "00_start_here.ipynb", "mine")
    assert notebook_folder.notebooks_dir(chosen) == chosen
    assert json.loads((chosen / "00_start_here.ipynb").read_text())["metadata"]["marker"] == "mine"
    assert (chosen / "01_space_and_clarity.ipynb").exists()


def test_a_broken_install_says_how_to_fix_it(tmp_path: Path,
                                             monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(notebook_folder, "_package_dir",
                        lambda: tmp_path / "nowhere" / "exback_kit")
    with pytest.raises(ValidationError) as err:
        notebook_folder.notebooks_dir()
    assert err.value.field == "notebooks"
    assert "Reinstalling" in str(err.value)


def test_a_busy_port_is_refused_with_a_plain_message() -> None:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        s.listen()
        port = s.getsockname()[1]
        with pytest.raises(ValidationError) as err:
            launch.check_port(port)
    assert err.value.field == "--port"
    assert str(port) in str(err.value)


@pytest.mark.parametrize("port", [0, -1, 65536])
def test_a_port_out_of_range_is_refused(port: int) -> None:
    with pytest.raises(ValidationError, match="1 to 65535"):
        launch.check_port(port)


def test_free_port_is_usable() -> None:
    assert launch.check_port(launch.free_port()) > 0


@pytest.mark.parametrize("make", [launch.lab_server, launch.app_server])
def test_servers_listen_on_localhost_and_keep_the_token_off_the_command_line(
        make: object, tmp_path: Path) -> None:
    server = make(tmp_path, 8123, "secret-token")  # type: ignore[operator]
    joined = " ".join(server.argv)
    assert "127.0.0.1" in joined and "0.0.0.0" not in joined  # noqa: S104 (asserting its absence)
    assert "secret-token" not in joined  # other users can read a command line
    assert str(tmp_path) in joined
    assert server.url.startswith("http://127.0.0.1:8123/")
    assert server.url.endswith("?token=secret-token")
    assert server.url.split("?")[0].endswith(("/exback/checkin", "/00_start_here.ipynb"))


def test_lab_makes_no_network_calls_and_opens_on_the_quick_checkin(tmp_path: Path) -> None:
    argv = launch.lab_server(tmp_path, 8123, "t").argv
    assert "--LabApp.news_url=None" in argv
    assert ("--LabApp.check_for_updates_class="
            "jupyterlab.handlers.announcements.NeverCheckForUpdate") in argv
    assert "--LabApp.extension_manager=readonly" in argv
    assert "--LabApp.default_url=/lab/tree/00_start_here.ipynb" in argv
    assert "/exback/checkin?token=t" in launch.lab_server(tmp_path, 1, "t").url
    assert "'exback_kit.cli.checkin_server': True" in " ".join(argv)


def test_app_hides_the_code(tmp_path: Path) -> None:
    server = launch.app_server(tmp_path, 8123, "t")
    assert "--strip_sources=True" in server.argv
    assert "/voila/render/00_start_here.ipynb" in server.url


def test_server_env_carries_the_token_and_the_chosen_journal(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv(launch.JOURNAL_ENV, raising=False)
    env = launch.server_env("tok", str(tmp_path / "j.sqlite3"))
    assert env["JUPYTER_TOKEN"] == "tok"  # noqa: S105 (a test value)
    assert env[launch.JOURNAL_ENV] == str((tmp_path / "j.sqlite3").resolve())
    assert launch.JOURNAL_ENV not in launch.server_env("tok", None)


def test_the_commands_parse_their_options() -> None:
    args = build_parser("lab").parse_args(["lab", "--port", "9999", "--no-browser"])
    assert (args.port, args.no_browser, args.func) == (9999, True, launch.cmd_lab)
    args = build_parser("app").parse_args(["app"])
    assert (args.port, args.no_browser, args.func) == (None, False, launch.cmd_app)


def test_app_without_voila_says_how_to_install_it(monkeypatch: pytest.MonkeyPatch) -> None:
    import importlib.util

    real = importlib.util.find_spec
    monkeypatch.setattr(importlib.util, "find_spec",
                        lambda name, *a: None if name == "voila" else real(name, *a))
    args = argparse.Namespace(notebooks=None, port=None, no_browser=True, journal=None)
    with pytest.raises(ValidationError, match=r"exback-kit\[app\]"):
        launch.cmd_app(args)


def test_a_server_that_dies_at_once_is_reported(capsys: pytest.CaptureFixture[str]) -> None:
    server = launch.Server("Test server", [sys.executable, "-c", "raise SystemExit(3)"],
                           "http://127.0.0.1:1/", launch.free_port())
    assert launch.serve(server, dict(os.environ), open_browser=False) == 1
    assert "exit status 3" in capsys.readouterr().err


def _status(port: int, path: str) -> tuple[int, str]:
    """GET a path of our local server without following redirects: (status, Location)."""
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=60)
    try:
        conn.request("GET", path)
        response = conn.getresponse()
        return response.status, response.getheader("Location") or ""
    finally:
        conn.close()


def _start(kind: str, tmp_path: Path) -> tuple[subprocess.Popen[str], str]:
    env = dict(os.environ, EXBACK_HOME=str(tmp_path / "home"), PYTHONUNBUFFERED="1",
               JUPYTER_RUNTIME_DIR=str(tmp_path / "runtime"))
    proc = subprocess.Popen([sys.executable, "-m", "exback_kit.cli", kind, "--no-browser",
                             "--notebooks", str(tmp_path / "nb")], env=env, text=True,
                            stdout=subprocess.PIPE, stderr=subprocess.DEVNULL)
    assert proc.stdout is not None
    for line in proc.stdout:
        if line.strip().startswith("http://127.0.0.1:"):
            return proc, line.strip()
    pytest.fail(f"exback {kind} printed no URL (exit status {proc.wait()})")


def _listening(port: int) -> bool:
    with socket.socket() as s:
        return s.connect_ex(("127.0.0.1", port)) == 0


@pytest.mark.slow
@pytest.mark.parametrize("kind", ["lab", "app"])
def test_the_server_answers_with_the_token_and_stops_on_ctrl_c(kind: str, tmp_path: Path) -> None:
    """The printed URL works, a request without the token does not, Ctrl-C stops it all."""
    proc, url = _start(kind, tmp_path)
    port = int(url.split(":")[2].split("/")[0])
    path = "/" + url.split("/", 3)[3]
    try:
        assert (tmp_path / "nb" / "00_start_here.ipynb").exists()
        assert _status(port, path)[0] == 200
        status, where = _status(port, path.split("?")[0])
        assert status in (401, 403) or (status == 302 and "/login" in where)
        proc.send_signal(signal.SIGINT)
        out, _ = proc.communicate(timeout=60)
    finally:
        if proc.poll() is None:
            proc.kill()
    assert proc.returncode == 0
    assert "stopped" in out
    deadline = time.monotonic() + 20
    while _listening(port) and time.monotonic() < deadline:
        time.sleep(0.2)
    assert not _listening(port), "the server kept running after Ctrl-C"


def test_the_browser_is_given_a_private_file_never_the_token(tmp_path: Path, monkeypatch) -> None:
    """A browser's command line can be read by every user of the computer: `serve` hands it
    a 0600 page in the runtime folder that sends it on, and removes the page at the end."""
    run = tmp_path / "run"
    run.mkdir(mode=0o700)
    monkeypatch.setenv("XDG_RUNTIME_DIR", str(run))
    port = launch.free_port()
    url = f"http://127.0.0.1:{port}/exback/checkin?token=secret-token"
    server = launch.Server("Test", [sys.executable, "-m", "http.server", str(port),
                                    "--bind", "127.0.0.1"], url, port)
    opened: list[str] = []

    def open_it(address: str) -> bool:
        opened.append(address)
        page = Path(address.removeprefix("file://"))
        assert page.stat().st_mode & 0o777 == 0o600 and page.parent.parent == run
        assert "secret-token" in page.read_text() and 'http-equiv="refresh"' in page.read_text()
        raise KeyboardInterrupt  # the person presses Ctrl-C once the browser is open

    monkeypatch.setattr(launch.webbrowser, "open", open_it)
    assert launch.serve(server, dict(os.environ), open_browser=True) == 0
    [address] = opened
    assert address.startswith("file://") and "secret-token" not in address
    assert not Path(address.removeprefix("file://")).exists()
