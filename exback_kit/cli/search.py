"""`exback search WORDS`: find the words you wrote, newest first (or best first).

One line per entry: its day, what kind of entry it is, and a snippet with the match
marked ``**like this**``; ``--json`` prints the same for scripts. Exit status 0 when
something matched, 1 when nothing did, 2 for a bad option.
"""

from __future__ import annotations

import argparse
import json
import sys
from datetime import date
from typing import Any

from exback_kit.cli.parsing import whole_number
from exback_kit.cli.talk import open_journal
from exback_kit.content import texts
from exback_kit.store import search, validate

MARK = "**"


def add_cli(sub: Any) -> None:
    """Add ``exback search`` to the subparsers."""
    p = sub.add_parser("search", help=texts.CLI_HELP_SEARCH, description=texts.CLI_HELP_SEARCH)
    p.add_argument("words", nargs="+", help=texts.CLI_HELP_SEARCH_WORDS)
    p.add_argument("--from", dest="first", metavar="DATE", help=texts.CLI_HELP_SEARCH_FROM)
    p.add_argument("--to", dest="last", metavar="DATE", help=texts.CLI_HELP_SEARCH_TO)
    p.add_argument("--kind", action="append", default=[], help=texts.CLI_HELP_SEARCH_KIND)
    p.add_argument("--limit", type=whole_number, default=20, help=texts.CLI_HELP_SEARCH_LIMIT)
    p.add_argument("--rank", action="store_true", help=texts.CLI_HELP_SEARCH_RANK)
    p.add_argument("--include-vault", action="store_true", help=texts.CLI_HELP_INCLUDE_VAULT)
    p.add_argument("--json", action="store_true", help=texts.CLI_HELP_SEARCH_JSON)
    p.set_defaults(func=run)


def _day(value: str | None, field: str) -> date | None:
    return None if value is None else date.fromisoformat(
        validate.day(value, field, future_ok=True))


def _line(hit: Any) -> str:
    snippet = "".join(f"{MARK}{text}{MARK}" if match else text for text, match in hit.parts)
    return texts.say(texts.SEARCH_HIT, day=hit.day,
                                   kind=texts.WORDS_KINDS.get(hit.kind, hit.kind),
                                   snippet=" / ".join(snippet.split("\n")))


def _as_json(hit: Any) -> dict[str, Any]:
    return {"day": hit.day.isoformat(), "at": hit.at.isoformat(), "kind": hit.kind,
            "place": hit.place, "entry_id": hit.entry_id, "snippet": hit.snippet,
            "matches": [text for text, match in hit.parts if match]}


def run(args: argparse.Namespace) -> int:
    """Search the journal and print what matched; return 1 when nothing did."""
    words = " ".join(args.words)
    first, last = _day(args.first, "from"), _day(args.last, "to")
    with open_journal(args) as journal:
        found = search.search(journal, words, first=first, last=last, kinds=args.kind,
                              include_vault=args.include_vault, limit=args.limit,
                              order="rank" if args.rank else "newest")
    if found.problem:
        print(found.problem, file=sys.stderr)
    if args.json:
        print(json.dumps({"problem": found.problem, "hits": [_as_json(h) for h in found.hits]},
                         ensure_ascii=False, indent=1))
    elif found.hits:
        print(texts.say(texts.SEARCH_COUNT_RANKED if args.rank else texts.SEARCH_COUNT,
                        count=len(found.hits)))
        for hit in found.hits:
            print(_line(hit))
    else:
        print(texts.SEARCH_NOTHING.format(words=words))
        if not args.include_vault and "unsent" not in args.kind:
            print(texts.SEARCH_NOTHING_VAULT)
    return 0 if found.hits else 1
