"""``exback demo``: make a journal of invented entries to look around in (see
:mod:`exback_kit.interchange.demo`)."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from exback_kit.cli.parsing import whole_number
from exback_kit.cli.talk import say
from exback_kit.content import texts
from exback_kit.interchange.demo import DEFAULT_DAYS, DEFAULT_SEED, demo_path, make_demo


def run(args: argparse.Namespace) -> int:
    """Create the demo journal for ``exback demo``; return the exit status."""
    path = Path(args.path) if args.path else demo_path(args.journal)
    made = make_demo(path, days=args.days, seed=args.seed)
    say(texts.DEMO_MADE.format(path=made, days=args.days))
    return 0


def add_cli(sub: Any) -> None:
    """Add ``exback demo`` to the command line."""
    p = sub.add_parser("demo", help=texts.CLI_HELP_DEMO)
    p.add_argument("--days", type=whole_number, default=DEFAULT_DAYS, help=texts.CLI_HELP_DEMO_DAYS)
    p.add_argument("--seed", type=whole_number, default=DEFAULT_SEED, help=texts.CLI_HELP_DEMO_SEED)
    p.add_argument("--path", default=None, help=texts.CLI_HELP_DEMO_PATH)
    p.set_defaults(func=run)
