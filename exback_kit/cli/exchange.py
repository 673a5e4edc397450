"""Exchange from the command line: ``exback export`` in any format the kit writes and
``exback import`` of any it reads (see :mod:`exback_kit.interchange.formats`)."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from exback_kit.cli.daylio import run as import_daylio
from exback_kit.cli.lock import export_sealed, import_passphrase
from exback_kit.cli.talk import open_journal, say
from exback_kit.content import texts
from exback_kit.interchange import exports, formats
from exback_kit.store import resolve_path
from exback_kit.store.encryption import is_encrypted

EXIT_OK = 0


def cmd_export(args: argparse.Namespace) -> int:
    """Export the journal: a zip of CSVs, one JSON file or your words as Markdown; sealed with
    --encrypt, and from a locked journal always unless --plain asks for a clear copy."""
    if not args.encrypt and not args.plain and is_encrypted(resolve_path(args.journal)):
        # A locked journal's export is sealed like the journal (its passphrase), named so.
        args.out = str(exports.sealed_path(args.out)) if args.out else None
        return export_sealed(args, locked=True)
    if args.encrypt:
        return export_sealed(args)
    out = Path(args.out) if args.out else Path(exports.timestamped_name(args.format or "csv"))
    with open_journal(args) as journal:
        written = exports.export(journal, out, args.format)
    say(texts.CLI_EXPORTED.format(path=written))
    say(texts.LOCK_EXPORT_PLAIN)
    return EXIT_OK


def cmd_import(args: argparse.Namespace) -> int:
    """Add the entries of an export (plain, or sealed with a passphrase) or of a Daylio
    export to the journal."""
    fmt = formats.FORMATS.get(args.format) if args.format else formats.by_extension(args.file)
    if fmt is not None and fmt.name == formats.DAYLIO:  # its moods map first, as import-daylio
        return import_daylio(argparse.Namespace(**vars(args), map_mood=[], map_activity=[],
                                                dry_run=False, skip_unmapped=False))
    secret = import_passphrase(args.file)
    with open_journal(args) as journal:
        added = exports.import_file(journal, args.file, passphrase=secret, fmt=args.format)
    kinds = ", ".join(f"{k} {n}" for k, n in added.items() if n)
    say(texts.say(texts.CLI_IMPORTED, count=sum(added.values()),
                  kinds=kinds or texts.CLI_IMPORTED_NOTHING_NEW))
    return EXIT_OK


def add_cli(sub: Any) -> None:
    """Add export and import to ``exback`` (once for both)."""
    if "export" in sub.choices:
        return
    p = sub.add_parser("export", help=texts.CLI_HELP_EXPORT)
    p.add_argument("out", nargs="?", help=texts.CLI_HELP_EXPORT_OUT)
    p.add_argument("--format", choices=formats.writable())
    sealing = p.add_mutually_exclusive_group()
    sealing.add_argument("--encrypt", action="store_true", help=texts.CLI_HELP_EXPORT_ENCRYPT)
    sealing.add_argument("--plain", action="store_true", help=texts.CLI_HELP_EXPORT_PLAIN)
    p.set_defaults(func=cmd_export)

    p = sub.add_parser("import", help=texts.CLI_HELP_IMPORT)
    p.add_argument("file")
    p.add_argument("--format", choices=formats.readable())
    p.set_defaults(func=cmd_import)
