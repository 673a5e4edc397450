"""``exback urges`` and ``exback plan add|list|end``: risky times and if-then plans.

Registered through :data:`exback_kit.cli.registry.COMMANDS`. Nothing heavy at
module level: ``plan`` needs no pandas; ``urges`` loads it when it runs.
Bad input (an unknown weekday or time, an empty ``--then``, an unknown id) is a
``ValidationError`` naming the value: exit 2, nothing written.
"""

from __future__ import annotations

import argparse
from typing import Any

from exback_kit.cli.parsing import whole_number
from exback_kit.content import texts
from exback_kit.domain.windows import active_for, describe, parse_when, sentence, window_of
from exback_kit.errors import ValidationError
from exback_kit.store import Journal, check_values, resolve_path, validate
from exback_kit.store.reads import load_tables


def _say(message: str) -> None:
    print(message)


# --- exback urges ----------------------------------------------------------------------------

def urges_lines(tables: dict[str, Any]) -> list[str]:
    """Return what ``exback urges`` prints, from the urges, contacts and plans frames."""
    # late import: pandas loads for ``urges`` only; ``plan`` never needs it
    from exback_kit.domain import plans, urges

    logged, contacts = tables["urges"], tables["contacts"]
    weeks, least = plans.WINDOW_WEEKS, plans.MIN_URGES
    windows = plans.risky_windows(logged, weeks=weeks, least=least)
    lines = [texts.CLI_URGES_WINDOWS.format(weeks=weeks, least=least) if len(windows)
             else texts.CLI_URGES_NO_WINDOWS.format(weeks=weeks, least=least)]
    lines += ["  " + line for line in plans.window_lines(windows, weeks=weeks)]
    lines.append(texts.CLI_URGES_TRIGGERS)
    triggers = urges.urge_triggers(logged)
    lines += [texts.say(texts.CLI_URGES_TRIGGER_ROW, label=label, count=int(row["count"]),
                        resisted=int(row["resisted"])) for label, row in triggers.iterrows()]
    if triggers.empty:
        lines.append(texts.CLI_URGES_NONE)
    lines.append(texts.CLI_URGES_HELPED.format(least=plans.MIN_USES))
    lines += ["  " + line for line in plans.helped_sentences(logged, contacts)]
    lines.append(texts.CLI_URGES_PLANS)
    active = plans.active_plans(tables["plans"])
    for row, review in zip(active.itertuples(), plans.review_lines(logged, active),
                           strict=True):
        lines.append("  " + texts.CLI_PLAN_ROW.format(id=row.id, window=plans.describe(row.window),
                                                      action=row.action))
        lines.append("     " + review)
    if active.empty:
        lines.append(texts.CLI_URGES_NONE)
    return lines


def cmd_urges(args: argparse.Namespace) -> int:
    """Print the risky windows, the triggers, what helped and the plans."""
    with Journal.open(args.journal) as journal:
        tables = load_tables(journal, ("urges", "contacts", "plans"))
    for line in urges_lines(tables):
        _say(line)
    return 0


# --- exback plan ---------------------------------------------------------------------------

def _action(value: str | None) -> str:
    """Return the --then text as it will be stored, or raise naming --then."""
    if not (value or "").strip():
        raise ValidationError(texts.PLAN_EMPTY_THEN.format(field="--then"), field="--then")
    try:
        check_values("plans", {"weekday": "mon", "start_time": "00:00", "action": value})
    except ValidationError as exc:
        # The store names its own field ("action"); the person typed --then.
        message = str(exc).replace("action:", "--then:", 1)
        raise ValidationError(message, field="--then") from None
    return str(value)


def cmd_add(args: argparse.Namespace) -> int:
    """Save a plan for the window holding ``--when``."""
    window = parse_when(args.when)
    action = _action(args.then)
    with Journal.open(args.journal) as journal:
        same = active_for(journal.records("plans"), window)
        if same is not None:
            raise ValidationError(texts.PLAN_DUPLICATE.format(
                field="--when", id=same["id"], window=describe(window)), field="--when")
        entry = journal.add("plans", action=action, **window.ids)
    _say(texts.CLI_PLAN_ADDED.format(id=entry, sentence=sentence(window, action)))
    return 0


def cmd_list(args: argparse.Namespace) -> int:
    """Print the active plans (``--all``: ended ones too), one a line, id first."""
    with Journal.open(args.journal) as journal:
        rows = journal.records("plans")
    shown = [r for r in rows if args.all or not r["ended_at"]]
    shown.sort(key=lambda r: (bool(r["ended_at"]), window_of(r).key, r["id"]))
    for r in shown:
        values = {"id": r["id"], "window": describe(window_of(r)), "action": r["action"]}
        if r["ended_at"]:
            _say(texts.say(texts.CLI_PLAN_ROW_ENDED, day=r["ended_at"].date(), **values))
        else:
            _say(texts.CLI_PLAN_ROW.format(**values))
    if not shown:
        _say(texts.CLI_PLAN_NONE)
    return 0


def cmd_end(args: argparse.Namespace) -> int:
    """End one plan; it stays in the journal's history."""
    missing = ValidationError(texts.PLAN_NO_SUCH.format(field="ID", value=args.id), field="ID")
    if not resolve_path(args.journal).exists():
        raise missing  # don't create a journal just to say so
    with Journal.open(args.journal) as journal:
        row = next((r for r in journal.records("plans") if r["id"] == args.id), None)
        if row is None:
            raise missing
        if row["ended_at"]:
            raise ValidationError(texts.PLAN_ALREADY_ENDED.format(field="ID", value=args.id),
                                  field="ID")
        journal.update("plans", args.id, ended_at=validate.now())
    _say(texts.CLI_PLAN_ENDED.format(id=args.id, window=describe(window_of(row))))
    return 0


def _journal_option(p: argparse.ArgumentParser) -> None:
    p.add_argument("--journal", metavar="PATH", default=argparse.SUPPRESS,
                   help=texts.CLI_HELP_JOURNAL)


def add_cli(sub: Any) -> None:
    """Add ``exback urges`` and ``exback plan`` (each once, whichever name loaded this)."""
    if "urges" not in sub.choices:
        sub.add_parser("urges", help=texts.CLI_HELP_URGES).set_defaults(func=cmd_urges)
    if "plan" in sub.choices:
        return
    p = sub.add_parser("plan", help=texts.CLI_HELP_PLAN)
    actions = p.add_subparsers(dest="plan_command", metavar="ACTION", required=True)
    add = actions.add_parser("add", help=texts.CLI_HELP_PLAN_ADD)
    add.add_argument("--when", required=True, help=texts.CLI_HELP_PLAN_WHEN)
    add.add_argument("--then", required=True, help=texts.CLI_HELP_PLAN_THEN)
    add.set_defaults(func=cmd_add)
    listing = actions.add_parser("list", help=texts.CLI_HELP_PLAN_LIST)
    listing.add_argument("--all", action="store_true", help=texts.CLI_HELP_PLAN_ALL)
    listing.set_defaults(func=cmd_list)
    end = actions.add_parser("end", help=texts.CLI_HELP_PLAN_END)
    end.add_argument("id", metavar="ID", type=whole_number, help=texts.CLI_HELP_PLAN_ID)
    end.set_defaults(func=cmd_end)
    for nested in (add, listing, end):
        _journal_option(nested)
