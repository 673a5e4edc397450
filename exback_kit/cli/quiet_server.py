"""Jupyter's lines that say nothing to the person, kept out of their terminal.

`exback lab` and `exback app` show their server's warnings and errors (``log_level=WARN``),
so that a real problem reaches the person. Three lines came in every ordinary session, and
each could only alarm:

* "Notebook 00_start_here.ipynb is not trusted". Jupyter's trust is about outputs saved
  inside a notebook (HTML, scripts), shown only once the notebook is signed. The kit's
  notebooks are saved without outputs (:mod:`exback_kit.cli.kit_notebooks`), so nothing
  is held back, and JupyterLab's own page still shows a notebook's trust.
* "The websocket_ping_timeout (90000) cannot be longer than the websocket_ping_interval
  (30000). Setting websocket_ping_timeout=30000". jupyter_server asks for three pings'
  wait; tornado (6.5 and later) allows one, uses one, and says so once per server. Nothing
  is wrong and nothing changes: the line is left out, the behaviour is tornado's.
* "received signal 15, stopping": `exback lab` stopping its server because the person
  pressed Ctrl-C. It then says "JupyterLab stopped" in its own words. (A server stopped by
  anything else is still reported: `exback lab` says it ended, with its exit status.)

:func:`quiet_logs` runs in the server's process before the server starts
(:data:`exback_kit.cli.lab_config.QUIET_LOGS`). Everything else the server logs is kept.
"""

from __future__ import annotations

import logging

#: The loggers of the two servers the kit starts (traitlets names them by class): JupyterLab's
#: (its lines read "[W … ServerApp]") and Voila's ("[Voila] WARNING | …").
SERVER_LOGGERS = ("ServerApp", "Voila")
#: Their messages left out, by template (before the values go in).
LEFT_OUT = frozenset({"Notebook %s is not trusted", "received signal %s, stopping"})
#: tornado's logger, and the start of its message left out (written whole, no template).
TORNADO_LOGGER = "tornado.general"
PING_NOTICE = "The websocket_ping_timeout ("


class LeaveOut(logging.Filter):
    """Drop the records :data:`LEFT_OUT` and :data:`PING_NOTICE` name; keep every other."""

    def filter(self, record: logging.LogRecord) -> bool:
        if not isinstance(record.msg, str):  # a filter must never break the code logging
            return True
        return record.msg not in LEFT_OUT and not record.msg.startswith(PING_NOTICE)


def quiet_logs() -> None:
    """Leave those lines out of both servers' logs and tornado's."""
    for name in (*SERVER_LOGGERS, TORNADO_LOGGER):
        logging.getLogger(name).addFilter(LeaveOut())
