"""``exback sos``: ride out a strong urge at the terminal, with the keyboard alone.

Rate it (1–10, or Enter to skip), then a guided wait of about 90 seconds whose countdown
is redrawn in place on one line; Enter stops it early. Meanwhile the person's own words
(see :mod:`exback_kit.domain.sos`) and their if-then plan for this hour are shown. Then
rate again, and only a "y" saves it to the urge log. Ctrl-C or Ctrl-D at any moment ends
it kindly and saves nothing.

Start-up stays light: a locked journal's key is checked first (so its passphrase is asked
before the first question, once); then the first question is asked before the journal is
opened and before the SOS's rules (``dataclasses`` through the plans' windows) or pandas
are loaded; the road is read from the journal's frames once the person has answered it.
"""

from __future__ import annotations

import argparse
import select
import sys
import time
from collections.abc import Callable
from datetime import datetime
from typing import Any, TextIO

from exback_kit import content
from exback_kit.cli.parsing import whole_number
from exback_kit.cli.unlocking import key_first
from exback_kit.content import texts
from exback_kit.content.vocab import SOS_MAX_SECONDS, SOS_MIN_SECONDS, SOS_SECONDS
from exback_kit.errors import ValidationError
from exback_kit.store import Journal

#: wait(seconds) -> True when the person pressed Enter to stop.
Wait = Callable[[float], bool]


class _Ended(Exception):
    """Ctrl-D at a question: end without saving."""


def _enter_pressed(seconds: float) -> bool:
    """Wait up to ``seconds``; return True (and swallow the line) if Enter was pressed."""
    try:
        ready, _, _ = select.select([sys.stdin], [], [], seconds)
    except (OSError, ValueError):  # no select on this stdin: just wait
        time.sleep(seconds)
        return False
    if ready:
        sys.stdin.readline()
        return True
    return False


def _ask(prompt: str) -> str:
    """Ask at the terminal. Written and read in two Python calls rather than ``input()``: a
    Ctrl-C that lands while ``input()`` is still writing its prompt waits for Enter."""
    sys.stdout.write(prompt)
    sys.stdout.flush()
    line = sys.stdin.readline()
    if not line:  # Ctrl-D
        print()
        raise _Ended
    return line.rstrip("\n")


def ask_rating(prompt: str) -> int | None:
    """Ask for 1–10 until given, or None when the person just presses Enter."""
    while True:
        raw = _ask(prompt).strip()
        if not raw:
            return None
        if raw.isdigit() and 1 <= int(raw) <= 10:
            return int(raw)
        print(texts.SOS_CLI_BAD_RATING)


def _own_words(journal: Journal, now: datetime, *, open_road: bool) -> list[str]:
    # late import: the first question comes before pandas and the rules (module docstring)
    from exback_kit.domain import sos
    from exback_kit.store.reads import own_words_sources

    reasons = sos.own_reasons(**own_words_sources(journal), open_road=open_road)
    lines = [texts.SOS_REASONS_HEADING]
    lines += [f"  {r.label}: {r.text}" for r in reasons] or ["  " + texts.SOS_REASONS_NONE]
    plan = sos.plan_for_now(journal.records("plans"), now)
    if plan:
        lines.append(texts.SOS_PLAN.format(action=plan))
    return lines


def countdown(seconds: int, out: TextIO, wait: Wait = _enter_pressed) -> bool:
    """Show the guided wait: each guidance line once, the clock redrawn in place.

    Returns:
        True when the whole wait ran, False when the person stopped it.
    """
    # late import: the first question comes before pandas and the rules (module docstring)
    from exback_kit.domain import sos

    shown = ""
    width = 0
    for elapsed in range(seconds):
        line = sos.guide_line(elapsed, seconds)
        if line != shown:
            out.write("\r" + " " * width + "\r" + line + "\n")
            shown = line
        clock = texts.SOS_LEFT.format(time=sos.clock_text(seconds - elapsed))
        width = max(width, len(clock))
        out.write("\r" + clock.ljust(width))
        out.flush()
        if wait(1.0):
            out.write("\n")
            return False
    out.write("\r" + " " * width + "\r")
    return True


def ride_it_out(journal: Journal, seconds: int, before: int | None, *,
                out: TextIO = sys.stdout, wait: Wait = _enter_pressed) -> int:
    """Run the SOS at the terminal after the first rating; return the exit status (nothing
    saved unless asked)."""
    # late import: the first question comes before pandas and the rules (module docstring)
    from exback_kit.domain import gate, sos

    road = gate.journey(journal.table("answers"), journal.table("decisions"), kit=content.load())
    print(f"\n{texts.SOS_HEADING}\n{sos.intro(road.open_road, seconds)}\n")
    for line in _own_words(journal, datetime.now().astimezone(), open_road=road.open_road):
        print(line)
    print(f"\n{texts.SOS_CLI_HOW}\n")
    done = countdown(seconds, out, wait)
    print(texts.SOS_DONE if done else texts.SOS_STOPPED)
    after = ask_rating(texts.SOS_CLI_RATE_AFTER)
    if before is None or _ask(texts.SOS_CLI_SAVE).strip().lower() not in ("y", "yes"):
        print(texts.SOS_CLI_NOTHING)
        return 0
    journal.add("urges", **sos.urge_values(before, after))
    print(sos.saved_message(before, after))
    return 0


def run(args: argparse.Namespace) -> int:
    """``exback sos [--seconds N]``."""
    seconds = args.seconds
    if not SOS_MIN_SECONDS <= seconds <= SOS_MAX_SECONDS:
        raise ValidationError(texts.BAD_VALUE.format(
            field="--seconds", value=seconds,
            allowed=texts.WHOLE_NUMBER.format(lo=SOS_MIN_SECONDS, hi=SOS_MAX_SECONDS)),
            field="--seconds")
    stdin = sys.stdin
    if stdin is None or stdin.closed or not stdin.isatty():
        print(texts.SOS_CLI_NO_TERMINAL, file=sys.stderr)
        return 2

    # A locked journal asks for its passphrase before the first question, not after it:
    # run_unlocking reruns the command once the passphrase is given, which asked it twice.
    key_first(args.journal)
    try:
        before = ask_rating(texts.SOS_CLI_RATE_BEFORE)  # asked before the journal is read
        with Journal.open(args.journal) as journal:
            return ride_it_out(journal, seconds, before)
    except (KeyboardInterrupt, _Ended):
        print("\n" + texts.SOS_CLI_INTERRUPTED)
        return 130


def add_cli(sub: Any) -> None:
    """Add ``exback sos`` to the command line."""
    p = sub.add_parser("sos", help=texts.CLI_HELP_SOS)
    p.add_argument("--seconds", type=whole_number, default=SOS_SECONDS,
                   help=texts.CLI_HELP_SOS_SECONDS.format(lo=SOS_MIN_SECONDS, hi=SOS_MAX_SECONDS,
                                                          default=SOS_SECONDS))
    p.set_defaults(func=run)
