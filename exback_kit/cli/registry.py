"""Which function adds each feature command to ``exback`` (see :mod:`exback_kit.cli.commands`).

Each function below imports its cli/ module only when it is called, that is when
its command is used (or for ``--help``): so a new command costs ``exback checkin``
nothing, and import-linter and a reader can follow every arrow. To add a command,
write its ``add_cli(sub)`` and ``run(args)`` in a cli/ module, a function here, and
one line in :data:`COMMANDS`.
"""

from __future__ import annotations

TYPE_CHECKING = False  # as typing's, without importing typing at start-up
if TYPE_CHECKING:
    from collections.abc import Callable
    from typing import Any

    AddCommand = Callable[[Any], None]

# The imports sit inside the functions so that `exback checkin` loads none of these
# modules (nor what they import): start-up time, not a circle.


def exchange(sub: Any) -> None:
    """Add export and import."""
    from exback_kit.cli import exchange as module
    module.add_cli(sub)


def your_data(sub: Any) -> None:
    """Add backup, restore and forget."""
    from exback_kit.cli import your_data as module
    module.add_cli(sub)


def remind(sub: Any) -> None:
    """Add ``exback remind``."""
    from exback_kit.cli import remind as module
    module.add_cli(sub)


def daylio(sub: Any) -> None:
    """Add ``exback import-daylio``."""
    from exback_kit.cli import daylio as module
    module.add_cli(sub)


def report(sub: Any) -> None:
    """Add ``exback report``."""
    from exback_kit.cli import report as module
    module.add_cli(sub)


def launch(sub: Any) -> None:
    """Add ``exback lab`` and ``exback app``."""
    from exback_kit.cli import launch as module
    module.add_cli(sub)


def demo(sub: Any) -> None:
    """Add ``exback demo``."""
    from exback_kit.cli import demo as module
    module.add_cli(sub)


def plans(sub: Any) -> None:
    """Add ``exback urges`` and ``exback plan``."""
    from exback_kit.cli import plans as module
    module.add_cli(sub)


def lock(sub: Any) -> None:
    """Add encrypt, decrypt, passphrase and remember."""
    from exback_kit.cli import lock as module
    module.add_cli(sub)


def sync(sub: Any) -> None:
    """Add ``exback sync``."""
    from exback_kit.cli import sync as module
    module.add_cli(sub)


def search(sub: Any) -> None:
    """Add ``exback search``."""
    from exback_kit.cli import search as module
    module.add_cli(sub)


def sos(sub: Any) -> None:
    """Add ``exback sos``."""
    from exback_kit.cli import sos as module
    module.add_cli(sub)


#: command name -> the function that adds it (and its siblings) to the subparsers, in
#: the order ``exback --help`` lists them.
COMMANDS: dict[str, AddCommand] = {
    "export": exchange,
    "import": exchange,
    "backup": your_data,
    "restore": your_data,
    "forget": your_data,
    "remind": remind,
    "import-daylio": daylio,
    "report": report,
    "lab": launch,
    "app": launch,
    "demo": demo,
    "urges": plans,
    "plan": plans,
    "encrypt": lock,
    "decrypt": lock,
    "passphrase": lock,
    "remember": lock,
    "sync": sync,
    "search": search,
    "sos": sos,
}
