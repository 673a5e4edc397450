"""`exback encrypt`, `decrypt`, `passphrase` and `remember`: the locked journal.

Passphrases come from ``EXBACK_PASSPHRASE`` (and ``EXBACK_NEW_PASSPHRASE`` for a new
one) when set, for scripts and tests; otherwise they are asked with :func:`getpass`
(never echoed). They are never read from argv and never written anywhere. The
recovery key can stand in for the passphrase through ``EXBACK_RECOVERY_KEY``.
The crypto itself lives in :mod:`exback_kit.store.locking`; what every command does
with a locked journal (the remembered key, asking once) in :mod:`exback_kit.cli.unlocking`.
"""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

from exback_kit.cli.unlocking import ask, at_terminal
from exback_kit.content import texts
from exback_kit.errors import ValidationError
from exback_kit.store import (
    Journal,
    encryption,
    keys,
    locking,
    remembered,
    resolve_path,
)
from exback_kit.store.files import write_private
from exback_kit.store.keys import weak_passphrase

TYPE_CHECKING = False  # as typing's, without importing typing at start-up
if TYPE_CHECKING:
    from typing import Any


def passphrase_from(env: str, prompt: str, *, twice: bool = False,
                    field: str = "passphrase") -> str:
    """Return the passphrase in ``env``, or ask for it at the terminal (twice if ``twice``).

    Raises:
        ValidationError: no terminal and ``env`` unset, or the two entries differ.
    """
    value = os.environ.get(env)
    if value is not None:
        return value
    if not at_terminal():
        raise ValidationError(texts.LOCK_NO_TERMINAL.format(field=field, env=env), field=field)
    first = ask(prompt)
    if twice and ask(texts.LOCK_ASK_NEW_AGAIN) != first:
        raise ValidationError(texts.LOCK_MISMATCH, field=field)
    return first


def advise(passphrase: str) -> None:
    """Suggest several words when a new passphrase is short or one word (never refuse it)."""
    if weak_passphrase(passphrase):
        print(texts.LOCK_WEAK_PASSPHRASE, file=sys.stderr)


def unlocking_secret() -> tuple[str | None, str | None]:
    """Return (passphrase, recovery key) to unlock with: from the environment, else asked."""
    recovery = os.environ.get(keys.RECOVERY_ENV)
    if recovery is not None and os.environ.get(keys.PASSPHRASE_ENV) is None:
        return None, recovery
    return passphrase_from(keys.PASSPHRASE_ENV, texts.LOCK_ASK), None


def _reserve(path: Path) -> Path:
    """Create ``path`` empty (0600) before converting, so a bad path fails first."""
    fd = os.open(path, os.O_CREAT | os.O_EXCL | os.O_WRONLY, 0o600)
    os.close(fd)
    return path


def cmd_encrypt(args: argparse.Namespace) -> int:
    """Lock the journal and its backups; show the recovery key once."""
    # late import: every command passes through this module; the sync and export code does not
    from exback_kit.interchange import sync_folder

    path = resolve_path(args.journal)
    if encryption.is_encrypted(path):
        passphrase, recovery = unlocking_secret()
        key = locking.unlock(path, passphrase, recovery)
        count = locking.lock_backups(path, key)
        print(texts.say(texts.LOCK_ALREADY, count=count))
        return 0
    passphrase = passphrase_from(keys.PASSPHRASE_ENV, texts.LOCK_ASK_NEW, twice=True)
    keys.check_passphrase(passphrase)
    advise(passphrase)
    with Journal.open(path, backup=False) as plain:  # a kit journal, at the current schema
        synced = sync_folder.synced_folders(plain)  # their files stay in the clear: say so after
    reserved = _reserve(Path(args.recovery_file).expanduser()) if args.recovery_file else None
    try:
        recovery, count = locking.encrypt(path, passphrase)
    except BaseException:
        if reserved is not None:
            reserved.unlink(missing_ok=True)  # only the empty file made just above
        raise
    print(texts.say(texts.LOCK_ENCRYPTED, path=path, count=count, recovery=recovery))
    if reserved is not None:
        write_private(reserved, (recovery + "\n").encode("ascii"))
        print(texts.LOCK_RECOVERY_WRITTEN.format(path=reserved))
    for folder in synced:
        print(texts.SYNC_PLAIN_LEFT.format(folder=sync_folder.escaped(folder)))
    return 0


def cmd_decrypt(args: argparse.Namespace) -> int:
    """Unlock the journal and its backups for good."""
    path = resolve_path(args.journal)
    if not encryption.is_encrypted(path):
        print(texts.LOCK_NOT_LOCKED.format(path=path))
        return 0
    passphrase, recovery = unlocking_secret()
    count = locking.decrypt(path, passphrase, recovery)
    print(texts.say(texts.LOCK_DECRYPTED, path=path, count=count))
    if remembered.forget(path):  # a plain journal has no key to keep
        print(texts.REMEMBER_REMOVED)
    return 0


def cmd_passphrase(args: argparse.Namespace) -> int:
    """Change the passphrase (only the key file is rewritten)."""
    path = resolve_path(args.journal)
    if not encryption.is_encrypted(path):
        print(texts.LOCK_NOT_LOCKED.format(path=path))
        return 0
    passphrase, recovery = unlocking_secret()
    key = locking.unlock(path, passphrase, recovery)  # check the old one before asking anew
    new = passphrase_from(keys.NEW_PASSPHRASE_ENV, texts.LOCK_ASK_NEW, twice=True,
                          field="new passphrase")
    kpath = locking.rewrap(path, key, new)
    advise(new)
    print(texts.LOCK_CHANGED.format(key_file=kpath))
    if remembered.recall(path) is not None:
        print(texts.REMEMBER_STILL)
    return 0


def remember_key(path: Path, key: bytes) -> bool:
    """Keep ``key`` in the OS keyring and say what that means (or that there is none)."""
    done = remembered.remember(path, key)
    print(texts.REMEMBER_DONE.format(path=path) if done else texts.REMEMBER_NO_KEYRING)
    return done


def cmd_remember(args: argparse.Namespace) -> int:
    """Keep the data key in the OS keyring (asks the passphrase); ``--forget`` removes it."""
    path = resolve_path(args.journal)
    if args.forget:
        gone = remembered.forget(path)
        print((texts.REMEMBER_FORGOTTEN if gone else texts.REMEMBER_NOTHING).format(path=path))
        return 0
    if not encryption.is_encrypted(path):
        print(texts.REMEMBER_NOT_LOCKED.format(path=path))
        return 0
    passphrase, recovery = unlocking_secret()
    return 0 if remember_key(path, locking.unlock(path, passphrase, recovery)) else 1


def _export_passphrase(args: argparse.Namespace) -> tuple[str, Journal]:
    """Return the passphrase for a sealed export and the open journal.

    On a locked journal it is the journal's own (it opens the journal, so it is checked);
    on a plain one it is asked twice (or taken from EXBACK_PASSPHRASE).
    """
    if encryption.is_encrypted(resolve_path(args.journal)):
        secret = passphrase_from(keys.PASSPHRASE_ENV, texts.LOCK_ASK)
        return secret, Journal.open(args.journal, passphrase=secret)
    secret = passphrase_from(keys.PASSPHRASE_ENV, texts.LOCK_ASK_EXPORT, twice=True)
    return secret, Journal.open(args.journal)


def export_sealed(args: argparse.Namespace, *, locked: bool = False) -> int:
    """``exback export --encrypt [FILE]``: the export as an age file, sealed with a passphrase.

    Args:
        locked: sealed because the journal is locked (not asked for): the message says so and
            names ``--plain`` for a clear copy.
    """
    # late import: every command passes through this module; the sync and export code does not
    from exback_kit.interchange import exports

    out = Path(args.out) if args.out else exports.sealed_path(
        exports.timestamped_name(args.format or "csv"))
    secret, journal = _export_passphrase(args)
    with journal:
        written = exports.export(journal, out, args.format, passphrase=secret)
    print(texts.CLI_EXPORTED.format(path=written))
    print(texts.LOCK_EXPORT_SEALED_LOCKED if locked else texts.LOCK_EXPORT_SEALED)
    return 0


def import_passphrase(file: str) -> str | None:
    """Return the passphrase for a sealed export (None for a plain one)."""
    # late import: every command passes through this module; the sync and export code does not
    from exback_kit.interchange.sealed import is_sealed

    if not is_sealed(file):
        return None
    return passphrase_from(keys.PASSPHRASE_ENV, texts.LOCK_ASK_EXPORT, field="file")


def add_cli(sub: Any) -> None:
    """Add ``exback encrypt``, ``decrypt`` and ``passphrase`` to the subparsers."""
    names = sub.choices.keys()
    if "encrypt" not in names:
        p = sub.add_parser("encrypt", help=texts.CLI_HELP_ENCRYPT)
        p.add_argument("--recovery-file", metavar="FILE", help=texts.CLI_HELP_RECOVERY_FILE)
        p.set_defaults(func=cmd_encrypt)
    if "decrypt" not in names:
        sub.add_parser("decrypt", help=texts.CLI_HELP_DECRYPT).set_defaults(func=cmd_decrypt)
    if "passphrase" not in names:
        sub.add_parser("passphrase", help=texts.CLI_HELP_PASSPHRASE).set_defaults(
            func=cmd_passphrase)
    if "remember" not in names:
        p = sub.add_parser("remember", help=texts.CLI_HELP_REMEMBER)
        p.add_argument("--forget", action="store_true", help=texts.CLI_HELP_REMEMBER_FORGET)
        p.set_defaults(func=cmd_remember)
