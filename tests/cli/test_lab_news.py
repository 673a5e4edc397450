"""`exback lab` turns off JupyterLab's news prompt and update check (no network calls)."""

from __future__ import annotations

import json
import os
import subprocess
import urllib.request
from pathlib import Path

import pytest

from exback_kit.cli import launch

PLUGIN = "@jupyterlab/apputils-extension:notification"


def test_the_settings_folder_turns_news_and_update_checks_off(tmp_path):
    folder = launch.lab_settings_dir(tmp_path, defaults=tmp_path / "none")
    overrides = json.loads((folder / "overrides.json").read_text())
    assert overrides[PLUGIN] == {"fetchNews": "false", "checkForUpdates": False}
    assert (folder / "overrides.json").stat().st_mode & 0o077 == 0


def test_existing_overrides_of_the_installation_are_kept(tmp_path):
    defaults = tmp_path / "app-settings"
    defaults.mkdir()
    (defaults / "overrides.json").write_text(json.dumps({
        "@jupyterlab/apputils-extension:themes": {"theme": "JupyterLab Dark"},
        PLUGIN: {"doNotDisturbMode": True, "fetchNews": "true"}}))
    folder = launch.lab_settings_dir(tmp_path / "home", defaults=defaults)
    overrides = json.loads((folder / "overrides.json").read_text())
    assert overrides["@jupyterlab/apputils-extension:themes"] == {"theme": "JupyterLab Dark"}
    assert overrides[PLUGIN] == {"doNotDisturbMode": True, "fetchNews": "false",
                                 "checkForUpdates": False}


def test_the_lab_command_uses_the_kits_settings_folder(tmp_path):
    argv = launch.lab_server(tmp_path, 8123, "t", tmp_path / "s").argv
    assert f"--LabApp.app_settings_dir={tmp_path / 's'}" in argv


@pytest.mark.slow
def test_a_running_lab_reports_news_off(tmp_path):
    """Start JupyterLab as `exback lab` would and ask it for the notification setting."""
    token = "t" * 24
    port = launch.free_port()
    settings = launch.lab_settings_dir(tmp_path)
    nb = Path(__file__).resolve().parents[2] / "notebooks"
    server = launch.lab_server(nb, port, token, settings)
    env = {**os.environ, "JUPYTER_TOKEN": token, "JUPYTERLAB_SETTINGS_DIR": str(tmp_path / "u"),
           "JUPYTER_RUNTIME_DIR": str(tmp_path / "rt")}
    proc = subprocess.Popen(server.argv, env=env, stdin=subprocess.DEVNULL,
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                            start_new_session=True)
    try:
        assert launch.wait_until_listening(proc, port, timeout=90)
        url = f"http://127.0.0.1:{port}/lab/api/settings/{PLUGIN}?token={token}"
        with urllib.request.urlopen(url, timeout=30) as response:
            schema = json.loads(response.read())["schema"]["properties"]
    finally:
        launch.stop(proc)
    # The overrides become the defaults (JupyterLab's own are "none" = ask, and true).
    assert schema["fetchNews"]["default"] == "false"
    assert schema["checkForUpdates"]["default"] is False
