"""Jupyter's lines that say nothing to the person, kept out of their terminal (a server
extension `exback lab` turns on).

`exback lab` shows the server's warnings and errors (``log_level=WARN``), so that a real
problem reaches the person. Three lines came in every ordinary session, and each could
only alarm:

* "Notebook 00_start_here.ipynb is not trusted". Jupyter's trust is about outputs saved
  inside a notebook (HTML, scripts), shown only once the notebook is signed. The kit's
  notebooks are saved without outputs (:mod:`exback_kit.cli.kit_notebooks`), so nothing
  is held back, and JupyterLab's own page still shows a notebook's trust.
* "The websocket_ping_timeout (90000) cannot be longer than the websocket_ping_interval
  (30000)". jupyter_server waits three pings for an answer by default; tornado (6.5 and
  later) allows one and says so for each server. The timeout is set here to the interval,
  which is what tornado uses anyway, unless the installation set its own.
* "received signal 15, stopping": `exback lab` stopping its server because the person
  pressed Ctrl-C. It then says "JupyterLab stopped" in its own words.

Everything else the server logs is left as it is.
"""

from __future__ import annotations

import logging
from typing import Any

#: The log messages (their templates, before the values go in) left out.
LEFT_OUT = frozenset({"Notebook %s is not trusted", "received signal %s, stopping"})
#: jupyter_server's websocket ping interval when none is set (milliseconds).
PING_INTERVAL_MS = 30_000


class LeaveOut(logging.Filter):
    """Drop the records whose message template is in :data:`LEFT_OUT`."""

    def filter(self, record: logging.LogRecord) -> bool:
        return record.msg not in LEFT_OUT


def _jupyter_server_extension_points() -> list[dict[str, str]]:
    return [{"module": __name__}]


def _load_jupyter_server_extension(serverapp: Any) -> None:
    """Filter the server's log and settle the ping timeout (Jupyter calls this at start)."""
    serverapp.log.addFilter(LeaveOut())
    settings = serverapp.web_app.settings
    settings.setdefault("ws_ping_timeout", settings.get("ws_ping_interval", PING_INTERVAL_MS))
