"""``exback remind OUT.ics``: write the calendar reminders (see
:mod:`exback_kit.interchange.reminders`)."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from exback_kit.cli.talk import say
from exback_kit.content import texts
from exback_kit.interchange.reminders import build_calendar, parse_clock
from exback_kit.store import Journal
from exback_kit.store.files import write_private


def run(args: argparse.Namespace) -> int:
    """``exback remind OUT.ics [--time HH:MM]``: write the reminders file."""
    checkin_time = parse_clock(args.time)
    with Journal.open(args.journal) as journal:
        data = build_calendar(journal, checkin_time=checkin_time)
    out = write_private(Path(args.out), data)
    say(texts.REMIND_WRITTEN.format(count=data.count(b"BEGIN:VEVENT"), path=out))
    return 0


def add_cli(sub: Any) -> None:
    """Add ``exback remind`` to the command line."""
    p = sub.add_parser("remind", help=texts.CLI_HELP_REMIND)
    p.add_argument("out", help=texts.CLI_HELP_REMIND_OUT)
    p.add_argument("--time", default="20:00", help=texts.CLI_HELP_REMIND_TIME)
    p.set_defaults(func=run)
