"""The ``exback`` command.

Core commands live here; feature modules add their own through a registry:
:data:`exback_kit.cli.registry.CLI_MODULES` maps a command name to a module that defines
``add_cli(sub)``, which calls ``sub.add_parser(name, ...)`` and
``set_defaults(func=run)`` where ``run(args) -> int``. A module is imported
only when its command is used (or for ``--help``), and must import nothing
heavy at module level: ``exback checkin`` never loads pandas or matplotlib.

``args.journal`` holds ``--journal PATH`` (or None) for every command. A
``ValidationError`` or ``JournalError`` raised by a command is printed as a
plain message with exit status 2 (bad input) or 1 (journal problem).
"""

from __future__ import annotations

import argparse
import errno
import importlib
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from exback_kit.cli.pipes import flushed, reader_gone
from exback_kit.cli.registry import CLI_MODULES
from exback_kit.content import texts
from exback_kit.content.vocab import CHANNELS
from exback_kit.errors import JournalError, ValidationError
from exback_kit.store import Journal, backup_dir, list_backups, resolve_path
from exback_kit.store.backups import check_source, forget, set_aside
from exback_kit.store.locking import db_errors, is_encrypted
from exback_kit.store.opening import NotAJournal, explain_failure

if TYPE_CHECKING:
    from exback_kit.domain.gate import Journey

EXIT_OK, EXIT_JOURNAL, EXIT_BAD_INPUT = 0, 1, 2


class _Parser(argparse.ArgumentParser):
    """argparse that reports usage mistakes in the kit's words, with exit status 2."""

    def error(self, message: str) -> Any:
        self.print_usage(sys.stderr)
        self.exit(EXIT_BAD_INPUT, texts.CLI_USAGE_ERROR.format(prog=self.prog, problem=message))


def _open(args: argparse.Namespace) -> Journal:
    from exback_kit.interchange import autosync

    return autosync.attach(Journal.open(args.journal))  # each save goes to the sync folder


def _say(message: str) -> None:
    print(message)


class Stopped(Exception):
    """The person ended the questions with Ctrl-D: stop, and save nothing."""


def _has_terminal() -> bool:
    """Return True if a person can answer questions (stdin is an open terminal)."""
    stdin = sys.stdin
    return stdin is not None and not stdin.closed and stdin.isatty()


def _ask(prompt: str) -> str:
    try:
        return input(prompt)
    except EOFError:
        print()
        raise Stopped from None


def _confirmed(args: argparse.Namespace, question: str, word: str) -> bool:
    if getattr(args, "yes", False):
        return True
    if not _has_terminal():
        raise ValidationError(texts.CLI_NEEDS_YES, field="--yes")
    return _ask(question).strip().lower() == word


# --- commands ---------------------------------------------------------------------

def cmd_where(args: argparse.Namespace) -> int:
    """Print where the journal lives."""
    path = resolve_path(args.journal)
    _say(str(path))
    if args.verbose:
        from exback_kit.store.locking import is_encrypted

        locked = texts.LOCK_IS_LOCKED if is_encrypted(path) else texts.LOCK_IS_PLAIN
        _say(texts.CLI_WHERE_DETAIL.format(exists="yes" if path.exists() else "not yet",
                                           locked=locked, backups=backup_dir(path)))
    return EXIT_OK


def _interactive_checkin() -> dict[str, Any]:
    """Ask for a check-in at the terminal, re-asking until each answer is allowed."""
    from exback_kit.store import validate
    from exback_kit.store.schema import fields

    specs = {f.name: f for f in fields("checkins")}
    values: dict[str, Any] = {}
    for name, prompt, (low, high) in (  # the scales' ends as the notebook's check-in names them
            ("mood", texts.CLI_ASK_MOOD, texts.CHECKIN_MOOD_ENDS),
            ("energy", texts.CLI_ASK_ENERGY, texts.CHECKIN_ENERGY_ENDS),
            ("sleep_hours", texts.CLI_ASK_SLEEP, ("", "")),
            ("mind", texts.CLI_ASK_MIND, texts.CHECKIN_MIND_ENDS)):
        while True:
            raw = _ask(prompt.format(low=low, high=high)).strip()
            if not raw and name != "mood":
                break
            try:
                values[name] = validate.clean(specs[name], raw or None)
                break
            except ValidationError as exc:
                _say(str(exc))
    habits = _ask(texts.CLI_ASK_HABITS).strip()
    values["habits"] = [h.strip() for h in habits.split(",") if h.strip()]
    values["note"] = _ask(texts.CLI_ASK_NOTE)
    return values


def cmd_checkin(args: argparse.Namespace) -> int:
    """Save a check-in from flags, or ask for one at the terminal."""
    if args.mood is None and not _has_terminal():
        raise ValidationError(texts.CLI_MOOD_NEEDED, field="mood")
    # Opened first: a locked journal asks for its passphrase before the questions, not after.
    with _open(args) as journal:
        if args.mood is None:
            values = _interactive_checkin()
        else:
            values = {"mood": args.mood, "energy": args.energy, "sleep_hours": args.sleep,
                      "mind": args.mind, "habits": args.habit, "note": args.note}
        journal.add_checkin(at=args.at, **values)
    _say(texts.CLI_SAVED_CHECKIN.format(mood=values["mood"]))
    return EXIT_OK


def cmd_contact(args: argparse.Namespace) -> int:
    """Log a contact with the ex."""
    with _open(args) as journal:
        journal.log_contact(initiated_by=args.by, channel=args.channel, replied=args.replied,
                            logistics=args.logistics, note=args.note, at=args.at)
        road = _road(journal)
    _say(texts.CONTACT_SAVED_ORDER if road.order else texts.CLI_SAVED_LOGISTICS if args.logistics
         else texts.CLI_SAVED_CONTACT)
    return EXIT_OK


def cmd_urge(args: argparse.Namespace) -> int:
    """Log an urge to reach out."""
    with _open(args) as journal:
        journal.log_urge(intensity=args.intensity, trigger=args.trigger, acted_on=args.acted_on,
                         helped=args.helped, note=args.note, at=args.at)
        road = _road(journal)
    _say(road.words(texts.URGE_SAVED_ACTED_BY_ROAD) if args.acted_on else texts.CLI_SAVED_URGE)
    return EXIT_OK


def _road(journal: Journal) -> Journey:
    """Return the journey in force, whose road chooses the reply's words."""
    from exback_kit.domain import gate
    return gate.journey(journal.table("answers"), journal.table("decisions"))


def cmd_status(args: argparse.Namespace) -> int:
    """Print the No-Contact streak, the latest mood and the current stage."""
    from exback_kit.cli.status import status_lines
    from exback_kit.interchange import autosync

    with _open(args) as journal:
        for line in autosync.round_at_start(journal):
            _say(line)
        for line in status_lines(journal):
            _say(line)
    return EXIT_OK


def cmd_export(args: argparse.Namespace) -> int:
    """Export the journal: a zip of CSVs, one JSON file or your words as Markdown (sealed with
    --encrypt; Markdown from a locked journal always)."""
    from exback_kit.interchange import exports
    words = args.format == "markdown" or (args.out or "").lower().endswith(".md")
    # Your words from a locked journal are sealed like the journal, never left plain.
    if words and not args.encrypt and is_encrypted(resolve_path(args.journal)):
        args.encrypt = True
        args.out = args.out + ".age" if args.out and not args.out.endswith(".age") else args.out
    if args.encrypt:
        from exback_kit.cli.lock import export_sealed

        return export_sealed(args)
    out = Path(args.out) if args.out else Path(exports.timestamped_name(args.format or "csv"))
    with _open(args) as journal:
        written = exports.export(journal, out, args.format)
    _say(texts.CLI_EXPORTED.format(path=written))
    _say(texts.LOCK_EXPORT_PLAIN)
    return EXIT_OK


def cmd_import(args: argparse.Namespace) -> int:
    """Add the entries of an export (plain, or sealed with a passphrase) to the journal."""
    from exback_kit.cli.lock import import_passphrase
    from exback_kit.interchange import exports

    secret = import_passphrase(args.file)
    with _open(args) as journal:
        added = exports.import_file(journal, args.file, passphrase=secret)
    _say(texts.say(texts.CLI_IMPORTED, count=sum(added.values()),
                   kinds=", ".join(f"{k} {n}" for k, n in added.items() if n) or "nothing new"))
    return EXIT_OK


def cmd_backup(args: argparse.Namespace) -> int:
    """Copy the journal to its backups folder (or --to PATH)."""
    with _open(args) as journal:
        path = journal.backup(args.to)
    _say(texts.CLI_BACKED_UP.format(path=path))
    return EXIT_OK


def cmd_restore(args: argparse.Namespace) -> int:
    """Bring back a backup (the newest one unless a file is named)."""
    backups = list_backups(args.journal)  # complete backups of this journal only
    if args.list:
        for b in backups:
            _say(str(b))
        return EXIT_OK
    source = Path(args.backup) if args.backup else (backups[-1] if backups else None)
    if source is None:
        raise ValidationError(texts.CLI_NO_BACKUPS, field="backup")
    from exback_kit.cli.lock import key_first
    key_first(args.journal)  # a locked journal asks for its passphrase before the question
    if not _confirmed(args, texts.CLI_CONFIRM_RESTORE.format(source=source), "yes"):
        _say(texts.CLI_CANCELLED)
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
    _say(texts.CLI_RESTORED.format(source=source, safety=safety) if kept is None else
         texts.CLI_RESTORED_DAMAGED.format(source=source, kept=kept))
    return EXIT_OK


def cmd_forget(args: argparse.Namespace) -> int:
    """Delete the journal, its key, and its own backups, after confirmation."""
    path = resolve_path(args.journal)
    if not path.exists() and not list_backups(path):
        _say(texts.CLI_NOTHING_TO_FORGET.format(path=path))
        return EXIT_OK
    if not _confirmed(args, texts.CLI_CONFIRM_FORGET.format(path=path), "delete"):
        _say(texts.CLI_CANCELLED)
        return EXIT_OK
    from exback_kit.store import remembered

    gone = forget(path)
    _say(texts.say(texts.CLI_FORGOTTEN, count=len(gone), files="\n".join(f"  {f}" for f in gone)))
    if remembered.forget(path):  # a key once remembered, even if the journal was plain by now
        _say(texts.REMEMBER_REMOVED)
    return EXIT_OK


# --- the parser -------------------------------------------------------------------

def _common(p: argparse.ArgumentParser) -> None:
    p.add_argument("--journal", metavar="PATH", default=argparse.SUPPRESS,
                   help=texts.CLI_HELP_JOURNAL)


def _with_at(p: argparse.ArgumentParser) -> None:
    p.add_argument("--at", help=texts.CLI_HELP_AT)
    p.add_argument("--note", default="", help=texts.CLI_HELP_NOTE)


def _core(sub: Any) -> None:
    p = sub.add_parser("where", help=texts.CLI_HELP_WHERE)
    p.add_argument("-v", "--verbose", action="store_true")
    p.set_defaults(func=cmd_where)

    p = sub.add_parser("checkin", help=texts.CLI_HELP_CHECKIN)
    p.add_argument("--mood", type=int, help="1–10")
    p.add_argument("--energy", type=int, help="1–10")
    p.add_argument("--sleep", type=float, help=texts.CLI_HELP_SLEEP)
    p.add_argument("--mind", type=int, help=texts.CLI_HELP_MIND)
    p.add_argument("--habit", action="append", default=[], help=texts.CLI_HELP_HABIT)
    _with_at(p)
    p.set_defaults(func=cmd_checkin)

    p = sub.add_parser("contact", help=texts.CLI_HELP_CONTACT)
    p.add_argument("--by", choices=("me", "them"), required=True)
    p.add_argument("--channel", choices=CHANNELS, default="text")
    p.add_argument("--replied", action="store_true", help=texts.CLI_HELP_REPLIED)
    p.add_argument("--logistics", action="store_true", help=texts.CLI_HELP_LOGISTICS)
    _with_at(p)
    p.set_defaults(func=cmd_contact)

    p = sub.add_parser("urge", help=texts.CLI_HELP_URGE)
    p.add_argument("--intensity", type=int, required=True, help="1–10")
    p.add_argument("--trigger", default="")
    p.add_argument("--acted-on", action="store_true", help=texts.CLI_HELP_ACTED_ON)
    p.add_argument("--helped", default="", help=texts.CLI_HELP_HELPED)
    _with_at(p)
    p.set_defaults(func=cmd_urge)

    sub.add_parser("status", help=texts.CLI_HELP_STATUS).set_defaults(func=cmd_status)

    p = sub.add_parser("export", help=texts.CLI_HELP_EXPORT)
    p.add_argument("out", nargs="?", help=texts.CLI_HELP_EXPORT_OUT)
    p.add_argument("--format", choices=("csv", "json", "markdown"))
    p.add_argument("--encrypt", action="store_true", help=texts.CLI_HELP_EXPORT_ENCRYPT)
    p.set_defaults(func=cmd_export)

    p = sub.add_parser("import", help=texts.CLI_HELP_IMPORT)
    p.add_argument("file")
    p.set_defaults(func=cmd_import)

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


def build_parser(command: str | None = None) -> argparse.ArgumentParser:
    """Return the parser; registered modules load only for ``command`` (all if None)."""
    parser = _Parser(prog="exback", description=texts.CLI_DESCRIPTION)
    parser.add_argument("--journal", metavar="PATH", default=None, help=texts.CLI_HELP_JOURNAL)
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser)
    _core(sub)
    for name, module in CLI_MODULES.items():
        if command is None or command == name:
            importlib.import_module(module).add_cli(sub)
    for p in sub.choices.values():
        _common(p)
    return parser


def _command_in(argv: Sequence[str]) -> str | None:
    skip = False
    for arg in argv:
        if skip:
            skip = False
        elif arg == "--journal":
            skip = True
        elif not arg.startswith("-"):
            return arg
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
    _plain_output()
    argv = list(sys.argv[1:] if argv is None else argv)
    command = _command_in(argv)
    parser = build_parser(command if command in CLI_MODULES else ("" if command else None))
    args = parser.parse_args(argv)
    if not getattr(args, "func", None):
        parser.print_help()
        return EXIT_BAD_INPUT
    run: Callable[[argparse.Namespace], int] = args.func
    try:
        from exback_kit.cli.lock import run_unlocking, sweep_unfinished_files

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
