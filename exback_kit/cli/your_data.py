"""The person's journal as a whole, from the command line: backup, restore and forget
(export and import are :mod:`exback_kit.cli.exchange`)."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from exback_kit.cli.talk import confirmed, open_journal, say
from exback_kit.cli.unlocking import key_first
from exback_kit.content import texts
from exback_kit.errors import ValidationError
from exback_kit.store import Journal, list_backups, remembered, resolve_path
from exback_kit.store.backups import check_source, forget, set_aside
from exback_kit.store.opening import NotAJournal

EXIT_OK = 0


def cmd_backup(args: argparse.Namespace) -> int:
    """Copy the journal to its backups folder (or --to PATH)."""
    with open_journal(args) as journal:
        path = journal.backup(args.to)
    say(texts.CLI_BACKED_UP.format(path=path))
    return EXIT_OK


def cmd_restore(args: argparse.Namespace) -> int:
    """Bring back a backup (the newest one unless a file is named)."""
    backups = list_backups(args.journal)  # complete backups of this journal only
    if args.list:
        for b in backups:
            say(str(b))
        return EXIT_OK
    source = Path(args.backup) if args.backup else (backups[-1] if backups else None)
    if source is None:
        raise ValidationError(texts.CLI_NO_BACKUPS, field="backup")
    key_first(args.journal)  # a locked journal asks for its passphrase before the question
    if not confirmed(args, texts.CLI_CONFIRM_RESTORE.format(source=source), "yes"):
        say(texts.CLI_CANCELLED)
        return EXIT_OK
    check_source(source)
    kept = None
    try:
        journal = Journal.open(args.journal, backup=False)
    except NotAJournal:  # damaged: keep it aside and restore into a fresh file
        kept = set_aside(resolve_path(args.journal))
        journal = Journal.open(args.journal, backup=False)
    with journal:
        safety = journal.restore_from(source)
    say(texts.CLI_RESTORED.format(source=source, safety=safety) if kept is None else
         texts.CLI_RESTORED_DAMAGED.format(source=source, kept=kept))
    return EXIT_OK


def cmd_forget(args: argparse.Namespace) -> int:
    """Delete the journal, its key, and its own backups, after confirmation."""
    path = resolve_path(args.journal)
    if not path.exists() and not list_backups(path):
        say(texts.CLI_NOTHING_TO_FORGET.format(path=path))
        return EXIT_OK
    if not confirmed(args, texts.CLI_CONFIRM_FORGET.format(path=path), "delete"):
        say(texts.CLI_CANCELLED)
        return EXIT_OK

    gone = forget(path)
    say(texts.say(texts.CLI_FORGOTTEN, count=len(gone), files="\n".join(f"  {f}" for f in gone)))
    if remembered.forget(path):  # a key once remembered, even if the journal was plain by now
        say(texts.REMEMBER_REMOVED)
    return EXIT_OK


def add_cli(sub: Any) -> None:
    """Add backup, restore and forget to ``exback`` (once for all three)."""
    if "backup" in sub.choices:
        return
    p = sub.add_parser("backup", help=texts.CLI_HELP_BACKUP)
    p.add_argument("--to", metavar="PATH")
    p.set_defaults(func=cmd_backup)

    p = sub.add_parser("restore", help=texts.CLI_HELP_RESTORE)
    p.add_argument("backup", nargs="?")
    p.add_argument("--list", action="store_true")
    p.add_argument("--yes", action="store_true")
    p.set_defaults(func=cmd_restore)

    p = sub.add_parser("forget", help=texts.CLI_HELP_FORGET)
    p.add_argument("--yes", action="store_true")
    p.set_defaults(func=cmd_forget)
