"""What every command does around its journal: sweep a killed command's leftovers, and
open a locked journal with the key the person chose to remember, or ask once.

Every ``exback`` command runs through :func:`run_unlocking`. A plain journal never needs
the lock's machinery (the key file, the keyring, SQLCipher), so this module loads it only
when a journal turns out to be locked; the lock commands themselves (``exback encrypt``,
``decrypt``, ``passphrase``, ``remember``) are in :mod:`exback_kit.cli.lock`.
"""

from __future__ import annotations

import os
import sys

from exback_kit.content import texts
from exback_kit.errors import JournalLocked
from exback_kit.store import backup_dir, encryption, resolve_path
from exback_kit.store.files import sweep_unfinished

TYPE_CHECKING = False  # as typing's, without importing typing at start-up
if TYPE_CHECKING:
    import argparse
    from collections.abc import Callable


def at_terminal() -> bool:
    """Return True when a person can be asked (standard input is a terminal)."""
    return sys.stdin is not None and sys.stdin.isatty()


def ask(prompt: str) -> str:
    """Ask for a secret at the terminal, never echoed."""
    import getpass  # only when a terminal is asked: it loads termios, which a check-in never needs
    return getpass.getpass(prompt)


def sweep_unfinished_files(journal: str | None) -> None:
    """Remove copies a killed command left beside the journal (or its backups); say so.

    A killed ``exback encrypt`` or ``decrypt`` leaves a whole copy of the journal under a
    ``.exback-*.partial`` name, plain after a decrypt; nothing else would ever remove it.
    """
    path = resolve_path(journal)
    swept = sweep_unfinished(path.parent, backup_dir(path))
    if swept:
        print(texts.say(texts.CLI_SWEPT_UNFINISHED, count=len(swept), folder=path.parent),
              file=sys.stderr)


def key_first(journal: str | None) -> None:
    """Check that a locked journal opens before a command asks the person anything.

    Raises:
        JournalLocked: no passphrase (or remembered key) opens it yet: run_unlocking then
            asks for it once, and the command runs again, asking its question once.
    """
    path = resolve_path(journal)
    if encryption.is_encrypted(path):
        # late import: the lock's machinery, for a locked journal only
        from exback_kit.store import locking

        if locking.key_path(path).exists():
            locking.data_key_for(path)


def _from_keyring(args: argparse.Namespace) -> bool:
    """Return True if the OS keyring holds the key of the locked journal (now given)."""
    # late import: the keyring, for a locked journal only (its import is ~40 ms)
    from exback_kit.store import remembered

    path = resolve_path(getattr(args, "journal", None))
    key = remembered.recall(path) if encryption.is_encrypted(path) else None
    if key is not None:
        remembered.give(path, key)
    return key is not None


def run_unlocking(run: Callable[[argparse.Namespace], int], args: argparse.Namespace) -> int:
    """Run a command; if a locked journal stops it at a terminal, ask once and run it again.

    The passphrase then sits in this process's environment only (as if EXBACK_PASSPHRASE
    had been set), so every command gets the same prompt; it is never written anywhere.
    A locked journal is found when it is opened, before the command has written anything.
    Before asking, a key the person chose to remember in the OS keyring is tried.
    """
    try:
        return run(args)
    except JournalLocked:
        # late import: the lock's names, for a locked journal only
        from exback_kit.store.keys import PASSPHRASE_ENV, RECOVERY_ENV

        if any(os.environ.get(n) is not None for n in (PASSPHRASE_ENV, RECOVERY_ENV)):
            raise
        if _from_keyring(args):
            return run(args)
        if not at_terminal():
            raise
    os.environ[PASSPHRASE_ENV] = ask(texts.LOCK_ASK)
    return run(args)
