"""``exback report [OUT.pdf]``: write the progress report (see :mod:`exback_kit.report`)."""

from __future__ import annotations

import argparse
from typing import Any

from exback_kit.cli.talk import say
from exback_kit.content import texts
from exback_kit.report.pdf import default_path, parse_steps, pdf_path, write_report
from exback_kit.store import Journal


def run(args: argparse.Namespace) -> int:
    """``exback report [OUT.pdf] [--include-steps 2,4]``: write the report."""
    steps = parse_steps(args.include_steps)
    out = args.out and pdf_path(args.out, "OUT")
    with Journal.open(args.journal) as journal:
        written, pages = write_report(journal, out or default_path(journal), include_steps=steps)
    say(texts.REPORT_WRITTEN.format(path=written, pages=pages))
    return 0


def add_cli(sub: Any) -> None:
    """Add ``exback report`` to the command line."""
    p = sub.add_parser("report", help=texts.CLI_HELP_REPORT)
    p.add_argument("out", nargs="?", help=texts.CLI_HELP_REPORT_OUT)
    p.add_argument("--include-steps", default="", metavar="2,4", help=texts.CLI_HELP_INCLUDE_STEPS)
    p.set_defaults(func=run)
