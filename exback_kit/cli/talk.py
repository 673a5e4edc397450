"""How an ``exback`` command talks with the person: the journal it opens, what it says,
and the questions it asks at a terminal (Ctrl-D stops them, and nothing is saved)."""

from __future__ import annotations

import argparse
import sys

from exback_kit.content import language, texts
from exback_kit.errors import ValidationError
from exback_kit.store import Journal


def open_journal(args: argparse.Namespace) -> Journal:
    """Open the journal ``--journal`` names (or the person's own); each save is synced."""
    # late import: the sync hook loads when a journal opens, not for every command's --help
    from exback_kit.interchange import autosync

    journal = autosync.attach(Journal.open(args.journal))  # each save goes to the sync folder
    if not getattr(args, "lang", None):  # `--lang` wins for this command; else the setting
        language.follow(journal.get_setting(language.SETTING))
    return journal


def say(message: str) -> None:
    """Tell the person something (standard output)."""
    print(message)


class Stopped(Exception):
    """The person ended the questions with Ctrl-D: stop, and save nothing."""


def has_terminal() -> bool:
    """Return True if a person can answer questions (stdin is an open terminal)."""
    stdin = sys.stdin
    return stdin is not None and not stdin.closed and stdin.isatty()


def ask(prompt: str) -> str:
    """Return the answer typed at the terminal.

    Raises:
        Stopped: the person pressed Ctrl-D.
    """
    try:
        return input(prompt)
    except EOFError:
        print()
        raise Stopped from None


def confirmed(args: argparse.Namespace, question: str, word: str) -> bool:
    """Return True if ``--yes`` was given or the person typed ``word``.

    Raises:
        ValidationError: no ``--yes`` and no terminal to ask at.
    """
    if getattr(args, "yes", False):
        return True
    if not has_terminal():
        raise ValidationError(texts.CLI_NEEDS_YES, field="--yes")
    return ask(question).strip().lower() == word
