"""Which module adds each feature command to ``exback`` (see :mod:`exback_kit.cli.commands`).

A module is imported only when its command is used (or for ``--help``), so a new
command costs ``exback checkin`` nothing: add one line here and an ``add_cli(sub)``
in the module.
"""

from __future__ import annotations

#: command name -> module providing add_cli(sub) for it.
CLI_MODULES: dict[str, str] = {
    "export": "exback_kit.cli.your_data",
    "import": "exback_kit.cli.your_data",
    "backup": "exback_kit.cli.your_data",
    "restore": "exback_kit.cli.your_data",
    "forget": "exback_kit.cli.your_data",
    "remind": "exback_kit.interchange.reminders",
    "import-daylio": "exback_kit.cli.daylio",
    "report": "exback_kit.report.pdf",
    "lab": "exback_kit.cli.launch",
    "app": "exback_kit.cli.launch",
    "demo": "exback_kit.interchange.demo",
    "urges": "exback_kit.cli.plans",
    "plan": "exback_kit.cli.plans",
    "encrypt": "exback_kit.cli.lock",
    "decrypt": "exback_kit.cli.lock",
    "passphrase": "exback_kit.cli.lock",
    "remember": "exback_kit.cli.lock",
    "sync": "exback_kit.cli.sync",
    "search": "exback_kit.cli.search",
    "sos": "exback_kit.cli.sos",
}
