"""`exback sync DIR`: merge this journal with its copies on other devices, through a folder.

Imports nothing heavy: the sync engine is loaded when the command runs.
"""

from __future__ import annotations

import argparse
import os
import sys
from typing import Any

from exback_kit.cli.talk import open_journal
from exback_kit.content import texts
from exback_kit.interchange import sync_folder
from exback_kit.store.keys import PASSPHRASE_ENV


def add_cli(sub: Any) -> None:
    p = sub.add_parser("sync", help=texts.CLI_HELP_SYNC, description=texts.CLI_HELP_SYNC)
    p.add_argument("folder", metavar="DIR", help=texts.CLI_HELP_SYNC_DIR)
    p.add_argument("--join", metavar="CODE", help=texts.CLI_HELP_SYNC_JOIN)
    p.add_argument("--status", action="store_true", help=texts.CLI_HELP_SYNC_STATUS)
    p.add_argument("--forget-folder", action="store_true", help=texts.CLI_HELP_SYNC_FORGET)
    p.add_argument("--include-vault", action="store_true", help=texts.CLI_HELP_SYNC_VAULT)
    p.set_defaults(func=run)


def _passphrase() -> str | None:
    value = os.environ.get(PASSPHRASE_ENV)
    if value is not None or not (sys.stdin is not None and sys.stdin.isatty()):
        return value
    import getpass

    return getpass.getpass(texts.LOCK_ASK)


def run(args: argparse.Namespace) -> int:
    with open_journal(args) as journal:
        if args.forget_folder:
            return _forget(journal, args.folder)
        if args.status:
            seen = sync_folder.status(journal, args.folder)
            print(texts.SYNC_STATUS_HEAD.format(folder=sync_folder.escaped(args.folder)))
            for d in seen:
                when = d.last_wrote.astimezone().strftime("%Y-%m-%d %H:%M") if d.last_wrote \
                    else "—"
                print(texts.say(texts.SYNC_STATUS_LINE,
                    device=d.device, this=texts.SYNC_STATUS_THIS if d.this_one else "",
                    when=when, brought=d.brought, files=d.files))
            if not seen:
                print(texts.SYNC_STATUS_NONE)
            return 0
        result = sync_folder.sync(journal, args.folder, join=args.join,
                           include_vault=args.include_vault,
                           passphrase=_passphrase() if journal.encrypted else None)
        if journal.get_setting(sync_folder.FOLDER_SETTING) != str(result.folder):
            # it syncs by itself from now on
            journal.set_setting(sync_folder.FOLDER_SETTING, str(result.folder))
    if result.claimed:
        print(texts.SYNC_CLAIMED.format(folder=result.folder, code=result.code))
    elif result.joined:
        print(texts.SYNC_JOINED.format(folder=result.folder))
    print(texts.say(texts.SYNC_DONE, folder=result.folder, sent=result.sent,
                                 merged=sum(result.merged.values())))
    for line in sync_folder.said(result):
        print(line)
    if result.problems:
        print(texts.SYNC_PROBLEMS, file=sys.stderr)
        for problem in result.problems:
            print(f"  {sync_folder.escaped(problem)}", file=sys.stderr)
        return 1
    return 0


def _forget(journal: Any, folder: str) -> int:
    forgotten = sync_folder.forget_folder(journal, folder)
    shown = sync_folder.escaped(folder)
    if forgotten.removed:
        print(texts.SYNC_FORGOT.format(folder=shown))
        for path in forgotten.removed:
            print(f"  {sync_folder.escaped(path)}")
    else:
        print(texts.SYNC_FORGOT_NONE.format(folder=shown))
    if forgotten.left:
        print(texts.SYNC_FORGOT_LEFT)
        for path in forgotten.left:
            print(f"  {sync_folder.escaped(path)}")
    print(texts.SYNC_FORGOT_OTHERS.format(folder=shown))
    return 0
