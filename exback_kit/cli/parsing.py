"""argparse, set up for the kit: its own words in the kit's language, its layout told the
terminal's width, usage mistakes said in the kit's words with exit status 2.

**Words.** argparse asks gettext for each of its messages ("usage:", "options", "the
following arguments are required: …"), from the process's gettext domain in the language
the environment names. The kit's language is chosen per command (``--lang``, the person's
setting), so the kit answers argparse's look-ups from its own catalogue
(``texts.ARGPARSE``). In English, the source, argparse's words come back as they are and
nothing is looked up. It also spares every command argparse's search for a catalogue that
isn't there: six look-ups, each across four environment variables, and the ``locale``
module they import. A message not in the table (one only a programming mistake raises)
stays argparse's. The look-ups are set for the whole process the first time a
:class:`KitParser` is made, and stay: in a process that also runs other argparse programs
(a test run, a notebook calling ``main([...])``) their known messages read the kit's way.

**Width.** argparse makes a help formatter for every option it is given and, without a
width, imports ``shutil`` (with ``bz2``, ``lzma`` and ``zlib``, ~2.8 ms of a check-in in a
fresh environment) only to ask the terminal's size. :class:`KitParser`'s formatter is told
the width, worked out as ``shutil.get_terminal_size`` does (``COLUMNS``, else the terminal
on standard output, else 80 columns); written here because shutil's import is the cost.
"""

from __future__ import annotations

import argparse
import math
import os
import sys

from exback_kit.content import texts

TYPE_CHECKING = False  # as typing's, without importing typing at start-up
if TYPE_CHECKING:
    from typing import Any

#: The command's exit statuses: done; a journal or disk problem; a usage mistake (a value,
#: a file name, no terminal to ask). Ctrl-C ends with 130.
EXIT_OK, EXIT_JOURNAL, EXIT_BAD_INPUT = 0, 1, 2


def word(message: str) -> str:
    """Return argparse's ``message`` in the language in force."""
    found: str = texts.ARGPARSE.get(message, message)
    return found


def counted(one: str, many: str, n: int) -> str:
    """Return argparse's message for ``n`` things; none of those reaches a person (the kit
    gives no option a fixed count of values), so the English plural rule is enough."""
    return word(one if n == 1 else many)


def speak_for_argparse() -> None:
    """Make argparse's look-ups this module's (once for the process; repeating is harmless).

    argparse reads its module's ``_`` and ``ngettext`` each time it says something
    (``from gettext import gettext as _, ngettext``), so setting them is enough.
    """
    setattr(argparse, "_", word)  # noqa: B010 (no stub declares argparse's private names)
    setattr(argparse, "ngettext", counted)  # noqa: B010


def columns() -> int:
    """Return the terminal's width as ``shutil.get_terminal_size().columns`` would."""
    try:
        found = int(os.environ.get("COLUMNS", ""))
    except ValueError:
        found = 0
    if found > 0:
        return found
    stdout = sys.__stdout__
    if stdout is None:
        return 80
    try:
        return os.get_terminal_size(stdout.fileno()).columns or 80
    except (AttributeError, ValueError, OSError):  # closed, detached, or not a terminal
        return 80


def whole_number(text: str) -> int:
    """Read an option's whole number (argparse ``type``); a mistake is said in the kit's words
    ("'seven' isn't a whole number"), not argparse's "invalid int value"."""
    try:
        return int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(texts.CLI_NOT_WHOLE_NUMBER.format(value=text)) from None


def number(text: str) -> float:
    """Read an option's number, with a decimal point or a decimal comma ("6.5", "6,5").

    A comma before three digits ("1,234") could be either a decimal comma or a thousands
    separator, so it is refused rather than guessed; so are "nan" and "inf".
    """
    whole, comma, part = text.strip().partition(",")
    if comma and "." not in text and part.isdigit() and len(part) < 3:
        text = f"{whole}.{part}"
    try:
        found = float(text)
    except ValueError:
        found = math.nan
    if not math.isfinite(found):
        raise argparse.ArgumentTypeError(texts.CLI_NOT_A_NUMBER.format(value=text))
    return found


class KitFormatter(argparse.HelpFormatter):
    """argparse's help layout, given the terminal's width instead of asking shutil."""

    def __init__(self, prog: str, indent_increment: int = 2, max_help_position: int = 24,
                 width: int | None = None) -> None:
        super().__init__(prog, indent_increment, max_help_position,
                         columns() - 2 if width is None else width)


class KitParser(argparse.ArgumentParser):
    """argparse that speaks the kit's words, lays out help with :class:`KitFormatter` and
    reports usage mistakes with exit status 2."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        speak_for_argparse()  # before argparse says its first word ("options")
        kwargs.setdefault("formatter_class", KitFormatter)
        super().__init__(*args, **kwargs)

    def error(self, message: str) -> Any:
        self.print_usage(sys.stderr)
        self.exit(EXIT_BAD_INPUT, texts.CLI_USAGE_ERROR.format(prog=self.prog, problem=message))
