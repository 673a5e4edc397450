"""The ``exback`` command.

Core commands live here; feature modules add their own through a registry:
:data:`exback_kit.cli.registry.COMMANDS` maps a command name to a function that
imports its cli/ module and calls its ``add_cli(sub)``, which calls
``sub.add_parser(name, ...)`` and ``set_defaults(func=run)`` where
``run(args) -> int``. A module is imported only when its command is used (or for
``--help``): ``exback checkin`` never loads pandas or matplotlib.

``args.journal`` holds ``--journal PATH`` (or None) for every command. A
``ValidationError`` or ``JournalError`` raised by a command is printed as a
plain message with exit status 2 (bad input) or 1 (journal problem).
"""

from __future__ import annotations

import argparse
import errno
import gc
import sys
from collections.abc import Callable, Sequence

from exback_kit import content
from exback_kit.cli.parsing import (
    EXIT_BAD_INPUT,
    EXIT_JOURNAL,
    EXIT_OK,
    KitParser,
    number,
    whole_number,
)
from exback_kit.cli.pipes import flushed, reader_gone
from exback_kit.cli.registry import COMMANDS
from exback_kit.cli.talk import Stopped, ask, has_terminal, open_journal, say
from exback_kit.cli.unlocking import run_unlocking, sweep_unfinished_files
from exback_kit.content import language, texts
from exback_kit.content.vocab import CHANNELS
from exback_kit.errors import JournalError, ValidationError
from exback_kit.store import Journal, backup_dir, resolve_path, validate
from exback_kit.store.encryption import is_encrypted
from exback_kit.store.failures import db_errors, explain_failure
from exback_kit.store.schema import fields

TYPE_CHECKING = False  # as typing's, without importing typing at start-up
if TYPE_CHECKING:
    from typing import Any

    from exback_kit.domain.gate import Journey


# --- commands ---------------------------------------------------------------------

def cmd_where(args: argparse.Namespace) -> int:
    """Print where the journal lives."""
    path = resolve_path(args.journal)
    say(str(path))
    if args.verbose:
        locked = texts.LOCK_IS_LOCKED if is_encrypted(path) else texts.LOCK_IS_PLAIN
        say(texts.CLI_WHERE_DETAIL.format(exists="yes" if path.exists() else "not yet",
                                           locked=locked, backups=backup_dir(path)))
    return EXIT_OK


def _interactive_checkin() -> dict[str, Any]:
    """Ask for a check-in at the terminal, re-asking until each answer is allowed."""
    specs = {f.name: f for f in fields("checkins")}
    values: dict[str, Any] = {}
    for name, prompt, (low, high) in (  # the scales' ends as the notebook's check-in names them
            ("mood", texts.CLI_ASK_MOOD, texts.CHECKIN_MOOD_ENDS),
            ("energy", texts.CLI_ASK_ENERGY, texts.CHECKIN_ENERGY_ENDS),
            ("sleep_hours", texts.CLI_ASK_SLEEP, ("", "")),
            ("mind", texts.CLI_ASK_MIND, texts.CHECKIN_MIND_ENDS)):
        while True:
            raw = ask(prompt.format(low=low, high=high)).strip()
            if not raw and name != "mood":
                break
            try:
                values[name] = validate.clean(specs[name], raw or None)
                break
            except ValidationError as exc:
                say(str(exc))
    habits = ask(texts.CLI_ASK_HABITS).strip()
    values["habits"] = [h.strip() for h in habits.split(",") if h.strip()]
    values["note"] = ask(texts.CLI_ASK_NOTE)
    return values


def cmd_checkin(args: argparse.Namespace) -> int:
    """Save a check-in from flags, or ask for one at the terminal."""
    if args.mood is None and not has_terminal():
        raise ValidationError(texts.CLI_MOOD_NEEDED, field="mood")
    # Opened first: a locked journal asks for its passphrase before the questions, not after.
    with open_journal(args) as journal:
        if args.mood is None:
            values = _interactive_checkin()
        else:
            values = {"mood": args.mood, "energy": args.energy, "sleep_hours": args.sleep,
                      "mind": args.mind, "habits": args.habit, "note": args.note}
        journal.add_checkin(at=args.at, **values)
    say(texts.CLI_SAVED_CHECKIN.format(mood=values["mood"]))
    return EXIT_OK


def cmd_contact(args: argparse.Namespace) -> int:
    """Log a contact with the ex."""
    with open_journal(args) as journal:
        journal.log_contact(initiated_by=args.by, channel=args.channel, replied=args.replied,
                            logistics=args.logistics, note=args.note, at=args.at)
        road = _road(journal)
    say(texts.CONTACT_SAVED_ORDER if road.order else texts.CLI_SAVED_LOGISTICS if args.logistics
         else texts.CLI_SAVED_CONTACT)
    return EXIT_OK


def cmd_urge(args: argparse.Namespace) -> int:
    """Log an urge to reach out."""
    with open_journal(args) as journal:
        journal.log_urge(intensity=args.intensity, trigger=args.trigger, acted_on=args.acted_on,
                         helped=args.helped, note=args.note, at=args.at)
        road = _road(journal)
    say(road.words(texts.URGE_SAVED_ACTED_BY_ROAD) if args.acted_on else texts.CLI_SAVED_URGE)
    return EXIT_OK


def _road(journal: Journal) -> Journey:
    """Return the journey in force, whose road chooses the reply's words."""
    # late import: the road's rules load pandas; only an urge saved at the terminal needs them
    from exback_kit.domain import gate
    return gate.journey(journal.table("answers"), journal.table("decisions"), kit=content.load())


def cmd_status(args: argparse.Namespace) -> int:
    """Print the No-Contact streak, the latest mood and the current stage."""
    # late import: pandas and the sync machinery, which a check-in never loads
    from exback_kit.cli.status import status_lines
    from exback_kit.interchange import autosync

    with open_journal(args) as journal:
        for line in autosync.round_at_start(journal):
            say(line)
        for line in status_lines(journal):
            say(line)
    return EXIT_OK


# --- the parser -------------------------------------------------------------------

def _common(p: argparse.ArgumentParser) -> None:
    p.add_argument("--journal", metavar="PATH", default=argparse.SUPPRESS,
                   help=texts.CLI_HELP_JOURNAL)
    p.add_argument("--lang", metavar="LANG", default=argparse.SUPPRESS, help=texts.CLI_HELP_LANG)


def _with_at(p: argparse.ArgumentParser) -> None:
    p.add_argument("--at", help=texts.CLI_HELP_AT)
    p.add_argument("--note", default="", help=texts.CLI_HELP_NOTE)


def _where(sub: Any) -> None:
    p = sub.add_parser("where", help=texts.CLI_HELP_WHERE)
    p.add_argument("-v", "--verbose", action="store_true")
    p.set_defaults(func=cmd_where)


def _checkin(sub: Any) -> None:
    p = sub.add_parser("checkin", help=texts.CLI_HELP_CHECKIN)
    p.add_argument("--mood", type=whole_number, help="1–10")
    p.add_argument("--energy", type=whole_number, help="1–10")
    p.add_argument("--sleep", type=number, help=texts.CLI_HELP_SLEEP)
    p.add_argument("--mind", type=whole_number, help=texts.CLI_HELP_MIND)
    p.add_argument("--habit", action="append", default=[], help=texts.CLI_HELP_HABIT)
    _with_at(p)
    p.set_defaults(func=cmd_checkin)


def _contact(sub: Any) -> None:
    p = sub.add_parser("contact", help=texts.CLI_HELP_CONTACT)
    p.add_argument("--by", choices=("me", "them"), required=True)
    p.add_argument("--channel", choices=CHANNELS, default="text")
    p.add_argument("--replied", action="store_true", help=texts.CLI_HELP_REPLIED)
    p.add_argument("--logistics", action="store_true", help=texts.CLI_HELP_LOGISTICS)
    _with_at(p)
    p.set_defaults(func=cmd_contact)


def _urge(sub: Any) -> None:
    p = sub.add_parser("urge", help=texts.CLI_HELP_URGE)
    p.add_argument("--intensity", type=whole_number, required=True, help="1–10")
    p.add_argument("--trigger", default="")
    p.add_argument("--acted-on", action="store_true", help=texts.CLI_HELP_ACTED_ON)
    p.add_argument("--helped", default="", help=texts.CLI_HELP_HELPED)
    _with_at(p)
    p.set_defaults(func=cmd_urge)


def _status(sub: Any) -> None:
    sub.add_parser("status", help=texts.CLI_HELP_STATUS).set_defaults(func=cmd_status)


#: The core commands, in the order ``exback --help`` lists them (before the registered ones).
CORE: dict[str, Callable[[Any], None]] = {"where": _where, "checkin": _checkin,
                                          "contact": _contact, "urge": _urge, "status": _status}


def build_parser(command: str | None = None) -> argparse.ArgumentParser:
    """Return the parser: every command's if ``command`` is None, else only ``command``'s.

    Each subparser costs argparse's set-up and its help's words, so ``exback checkin``
    builds its own alone; each command's ``--help`` reads the same either way (tested). A
    name that is no command (``""`` too) gets the core commands, so argparse's "invalid
    choice" lists them.
    """
    parser = KitParser(prog="exback", description=texts.CLI_DESCRIPTION)
    parser.add_argument("--journal", metavar="PATH", default=None, help=texts.CLI_HELP_JOURNAL)
    parser.add_argument("--lang", metavar="LANG", default=None, help=texts.CLI_HELP_LANG)
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=KitParser)
    if command in CORE:
        CORE[command](sub)
    elif command not in COMMANDS:
        for add_core in CORE.values():
            add_core(sub)
    for name, add_command in COMMANDS.items():
        if command is None or command == name:
            add_command(sub)
    for p in sub.choices.values():
        _common(p)
    return parser


def _command_in(argv: Sequence[str]) -> str | None:
    """Return the command ``argv`` names, or None when it names none or asks for
    ``exback``'s own help first (``exback -h checkin`` lists every command)."""
    skip = False
    for arg in argv:
        if skip:
            skip = False
        elif arg in ("--journal", "--lang"):
            skip = True
        elif arg == "-h" or (len(arg) > 2 and "--help".startswith(arg)):
            return None
        elif not arg.startswith("-"):
            return arg
    return None


def _language_in(argv: Sequence[str]) -> str | None:
    """Return the language ``--lang`` names (read before the parser: its help is words too)."""
    for i, arg in enumerate(argv):
        if arg == "--lang" and i + 1 < len(argv):
            return argv[i + 1]
        if arg.startswith("--lang="):
            return arg.partition("=")[2]
    return None


def _plain_output() -> None:
    """Print text a terminal can't encode (e.g. bytes from argv) as escapes, not a crash."""
    for stream in (sys.stdout, sys.stderr):
        if (reconfigure := getattr(stream, "reconfigure", None)) is not None:
            reconfigure(errors="backslashreplace")


def _problem(message: str, status: int) -> int:
    # Not told twice: the message already says what was left alone.
    said = any(f"Nothing was {w}" in message for w in ("changed", "read", "imported"))
    print(message if said else texts.CLI_PROBLEM.format(problem=message), file=sys.stderr)
    return status


def _file_problem(exc: OSError) -> str:
    if exc.errno in (errno.ENOSPC, errno.EDQUOT):
        return texts.DISK_FULL
    reason = exc.strerror or str(exc)
    if exc.filename:
        return texts.CLI_FILE_PROBLEM.format(path=exc.filename, reason=reason)
    return texts.CLI_OS_PROBLEM.format(reason=reason)


def main(argv: Sequence[str] | None = None) -> int:
    """Run the ``exback`` command; return its exit status.

    Every failure is a message on stderr, never a traceback: 2 for bad input
    (a value, a file name, no terminal to ask), 1 for a journal or disk problem,
    130 for Ctrl-C.
    """
    status = _run(list(sys.argv[1:] if argv is None else argv))
    if argv is None:  # the `exback` program itself, whose process ends on return
        _ending()
    return status


def _ending() -> None:
    """Spare the ending process the interpreter's last garbage collections.

    At exit Python collects every object several times over before freeing it
    (5–10 ms here, a tenth of a check-in). By now the command is done: the journal
    is closed, every file written and flushed, the output flushed. Frozen objects are
    left out of those collections; the system frees them with the process.
    ``atexit`` handlers still run. Never called when ``main`` is given its arguments
    (tests, a notebook), whose process goes on.
    """
    gc.freeze()


def _run(argv: list[str]) -> int:
    _plain_output()
    command = _command_in(argv)
    try:
        if (asked := _language_in(argv)) is not None:
            language.choose(asked)
    except language.UnknownLanguage as exc:
        return _problem(texts.LANGUAGE_UNKNOWN.format(code=exc.code, allowed=", ".join(exc.known)),
                        EXIT_BAD_INPUT)
    parser = build_parser(command)
    args = parser.parse_args(argv)
    if not getattr(args, "func", None):
        parser.print_help()
        return EXIT_BAD_INPUT
    run: Callable[[argparse.Namespace], int] = args.func
    try:
        sweep_unfinished_files(args.journal)
        return flushed(run_unlocking(run, args))
    except BrokenPipeError:  # `exback … | head`: the reader has all it wanted
        return reader_gone()
    except ValidationError as exc:
        return _problem(str(exc), EXIT_BAD_INPUT)
    except JournalError as exc:
        return _problem(str(exc), EXIT_JOURNAL)
    except Stopped:
        print(texts.CLI_STOPPED, file=sys.stderr)
        return EXIT_JOURNAL
    except db_errors() as exc:  # an SQLite failure the store did not put in words
        return _problem(str(explain_failure(exc, resolve_path(args.journal))), EXIT_JOURNAL)
    except OSError as exc:  # a folder that doesn't exist, a file without permission, a full disk
        full = exc.errno in (errno.ENOSPC, errno.EDQUOT)
        return _problem(_file_problem(exc), EXIT_JOURNAL if full else EXIT_BAD_INPUT)
    except UnicodeError:
        return _problem(texts.CLI_BAD_TEXT, EXIT_BAD_INPUT)
    except KeyboardInterrupt:
        print(texts.CLI_INTERRUPTED, file=sys.stderr)
        return 130


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
