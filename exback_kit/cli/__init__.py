"""The ``exback`` command: core commands, ``lab``/``app`` and ``status``.

Imports nothing heavy at start-up, so ``exback checkin`` stays fast.
"""

from exback_kit.cli.commands import build_parser, main

__all__ = ["build_parser", "main"]
