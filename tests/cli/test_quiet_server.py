"""The server extension that keeps Jupyter's lines that say nothing to the person out of
their terminal (exback_kit/cli/quiet_server.py); `exback lab` as a whole is in
test_lab_config.py."""

from __future__ import annotations

import logging
from types import SimpleNamespace

import pytest

from exback_kit.cli import quiet_server


def _server(name: str, **settings: object) -> SimpleNamespace:
    log = logging.getLogger(name)
    log.setLevel(logging.WARNING)
    return SimpleNamespace(log=log, web_app=SimpleNamespace(settings=dict(settings)))


def test_the_two_lines_are_left_out_and_every_other_line_kept(caplog):
    server = _server("test-quiet-ServerApp")
    quiet_server._load_jupyter_server_extension(server)
    with caplog.at_level(logging.WARNING, logger="test-quiet-ServerApp"):
        server.log.warning("Notebook %s is not trusted", "00_start_here.ipynb")
        server.log.critical("received signal %s, stopping", 15)
        server.log.warning("Notebook %s could not be saved", "00_start_here.ipynb")
        server.log.error("Kernel %s died", "abc")
        server.log.critical("received signal %s, stopping, and more", 2)
    assert [r.getMessage() for r in caplog.records] == [
        "Notebook 00_start_here.ipynb could not be saved", "Kernel abc died",
        "received signal 2, stopping, and more"]


@pytest.mark.parametrize(("settings", "timeout"), [
    ({}, 30_000),  # jupyter_server's default interval: the timeout tornado would cap to
    ({"ws_ping_interval": 10_000}, 10_000),
    ({"ws_ping_interval": 10_000, "ws_ping_timeout": 5_000}, 5_000),  # the installation's own
])
def test_the_ping_timeout_is_the_interval_unless_the_installation_set_one(settings, timeout):
    server = _server("test-quiet-ping", **settings)
    quiet_server._load_jupyter_server_extension(server)
    assert server.web_app.settings["ws_ping_timeout"] == timeout


def test_the_default_interval_is_jupyter_servers_own():
    from jupyter_server.base.websocket import WS_PING_INTERVAL

    assert quiet_server.PING_INTERVAL_MS == WS_PING_INTERVAL
