"""Jupyter's lines that say nothing to the person, kept out of their terminal
(exback_kit/cli/quiet_server.py); `exback lab` and `exback app` as a whole are in
test_lab_config.py and the browser tests."""

from __future__ import annotations

import logging

import pytest

from exback_kit.cli import quiet_server

EVERY_LOGGER = (*quiet_server.SERVER_LOGGERS, quiet_server.TORNADO_LOGGER)


@pytest.fixture
def quiet(monkeypatch: pytest.MonkeyPatch) -> None:
    """quiet_logs() on this process's loggers, their filters put back afterwards."""
    for name in EVERY_LOGGER:
        monkeypatch.setattr(logging.getLogger(name), "filters", [])
    quiet_server.quiet_logs()


@pytest.mark.parametrize("name", quiet_server.SERVER_LOGGERS)
def test_a_servers_two_lines_are_left_out_and_every_other_line_kept(quiet, caplog, name):
    log = logging.getLogger(name)
    with caplog.at_level(logging.WARNING, logger=name):
        log.warning("Notebook %s is not trusted", "00_start_here.ipynb")
        log.critical("received signal %s, stopping", 15)
        log.warning("Notebook %s could not be saved", "00_start_here.ipynb")
        log.error("Kernel %s died", "abc")
        log.critical("received signal %s, stopping, and more", 2)
        log.warning({"not": "text"})  # a message that isn't a string passes, unharmed
    assert [r.getMessage() for r in caplog.records] == [
        "Notebook 00_start_here.ipynb could not be saved", "Kernel abc died",
        "received signal 2, stopping, and more", "{'not': 'text'}"]


def test_tornados_ping_notice_is_left_out_and_its_other_lines_kept(quiet, caplog):
    log = logging.getLogger(quiet_server.TORNADO_LOGGER)
    with caplog.at_level(logging.WARNING, logger=quiet_server.TORNADO_LOGGER):
        log.warning("The websocket_ping_timeout (90000) cannot be longer than the "
                    "websocket_ping_interval (30000).\nSetting websocket_ping_timeout=30000")
        log.warning("Uncaught exception in %s", "/api/kernels")
    assert [r.getMessage() for r in caplog.records] == ["Uncaught exception in /api/kernels"]


def test_the_ping_notice_left_out_is_tornados_own_words():
    """The line is matched by its start: hold it to the installed tornado's source, so a
    rewording there shows here rather than in the person's terminal."""
    import inspect

    from tornado import websocket

    source = inspect.getsource(websocket)
    if "cannot be longer" not in source:
        pytest.skip("this tornado caps the ping timeout silently: no notice to leave out")
    assert f'f"{quiet_server.PING_NOTICE}{{timeout}})' in source
