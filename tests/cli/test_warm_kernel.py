"""`exback lab` starts the start notebook's kernel, with the kit imported, while the page loads."""

from __future__ import annotations

import json
import os
import subprocess
import time
import urllib.request
from pathlib import Path

import pytest

from exback_kit.cli import launch, warm_kernel

NOTEBOOKS = Path(__file__).resolve().parents[2] / "notebooks"


def test_nothing_listening_means_no_head_start_and_no_error(
        monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(warm_kernel, "WAIT_S", 0.5)
    started = time.monotonic()
    warm_kernel.warm(launch.free_port(), "t", "00_start_here.ipynb")  # returns quietly
    assert time.monotonic() - started < 5


def test_a_server_that_refuses_the_session_is_ignored(monkeypatch: pytest.MonkeyPatch) -> None:
    """Any failure (here: a wrong token) leaves the page to start its kernel as usual."""
    import http.server
    import threading

    class Refuse(http.server.BaseHTTPRequestHandler):
        def do_POST(self) -> None:
            self.send_response(403)
            self.end_headers()

        def log_message(self, *args: object) -> None:
            pass

    server = http.server.HTTPServer(("127.0.0.1", 0), Refuse)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        warm_kernel.warm(server.server_address[1], "wrong", "00_start_here.ipynb")
    finally:
        server.shutdown()


@pytest.mark.slow
def test_the_start_notebooks_kernel_is_running_with_the_kit_imported(tmp_path: Path) -> None:
    from jupyter_client import BlockingKernelClient

    token, port = "t" * 24, launch.free_port()
    server = launch.lab_server(NOTEBOOKS, port, token, launch.lab_settings_dir(tmp_path))
    runtime = tmp_path / "rt"
    env = {**os.environ, "JUPYTER_TOKEN": token, "JUPYTER_RUNTIME_DIR": str(runtime),
           "JUPYTERLAB_SETTINGS_DIR": str(tmp_path / "u"), "EXBACK_HOME": str(tmp_path / "h")}
    proc = subprocess.Popen(server.argv, env=env, stdin=subprocess.DEVNULL,
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                            start_new_session=True)
    old = os.environ.get("JUPYTER_RUNTIME_DIR")
    os.environ["JUPYTER_RUNTIME_DIR"] = str(runtime)
    try:
        warm_kernel.warm(port, token, "00_start_here.ipynb")
        request = urllib.request.Request(
            f"http://127.0.0.1:{port}/api/sessions", headers={"Authorization": f"token {token}"})
        with urllib.request.urlopen(request, timeout=30) as reply:  # noqa: S310
            sessions = json.loads(reply.read())
        assert [s["path"] for s in sessions] == ["00_start_here.ipynb"]
        client = BlockingKernelClient(
            connection_file=str(runtime / f"kernel-{sessions[0]['kernel']['id']}.json"))
        client.load_connection_file()
        client.start_channels(hb=False)  # a kernel still starting misses heartbeats
        try:
            client.wait_for_ready(timeout=60)
            reply = client.execute_interactive(
                "", silent=True, timeout=60,
                user_expressions={"warm": "'exback_kit.stages' in __import__('sys').modules"})
        finally:
            client.stop_channels()
        assert reply["content"]["user_expressions"]["warm"]["data"]["text/plain"] == "True"
    finally:
        if old is None:
            os.environ.pop("JUPYTER_RUNTIME_DIR", None)
        else:
            os.environ["JUPYTER_RUNTIME_DIR"] = old
        launch.stop(proc)


def test_the_head_start_imports_without_opening_the_journal(tmp_path: Path) -> None:
    """A locked journal is opened by the notebook with its key, never by the head start."""
    import sys

    code = f"{warm_kernel.WARM_CODE}\nimport exback_kit.notebook.session as s\n" \
           "assert 'exback_kit.stages' in __import__('sys').modules"
    env = {**os.environ, "EXBACK_HOME": str(tmp_path / "home")}
    env.pop("EXBACK_JOURNAL", None)
    done = subprocess.run([sys.executable, "-c", code], env=env, capture_output=True,
                          text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    assert not (tmp_path / "home").exists() or not any((tmp_path / "home").iterdir())
