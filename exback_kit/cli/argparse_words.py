"""argparse's own words ("usage:", "options", its usage errors) in the kit's language.

argparse asks gettext for each of its messages, from the process's gettext domain in the
language the environment names. The kit's language is chosen per command (``--lang``, the
person's setting), so the kit answers argparse's look-ups from its own catalogue
(``texts.ARGPARSE``). In English, the source, argparse's words come back as they are and
nothing is looked up. It also spares every command argparse's search for a catalogue that
isn't there: six look-ups, each across four environment variables, and the ``locale``
module they import (~1.5 ms of an ``exback checkin``).

A message not in the table (one only a programming mistake raises) stays argparse's.
"""

from __future__ import annotations

import argparse

from exback_kit.content import texts


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
