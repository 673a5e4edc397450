"""Ride it out: the rules of the urge SOS, as plain values (no pandas, so ``exback sos`` starts
quickly).

The person's own reasons come only from what they wrote themselves: their clear-eyed list
(09), the note and hope of their No-Contact period, why they chose to move on, and what
happened after an earlier reach-out (the decision journal). The kit never adds reasons of
its own. The guided wait is a countdown of whole seconds with a line of guidance that
changes every few seconds; nothing here sleeps, so callers choose the clock.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from datetime import datetime
from typing import Any, NamedTuple

from exback_kit.content import texts
from exback_kit.content.vocab import SOS_MAX_SECONDS as MAX_SECONDS
from exback_kit.content.vocab import SOS_MIN_SECONDS as MIN_SECONDS
from exback_kit.content.vocab import SOS_SECONDS
from exback_kit.domain.windows import Window, active_for

__all__ = ["MAX_REASONS", "MAX_REASON_CHARS", "MAX_SECONDS", "MIN_SECONDS", "SOS_SECONDS",
           "Reason", "clock_text", "guide_line", "intro", "own_reasons", "plan_for_now",
           "saved_message", "urge_values"]
#: At most this many of the person's own reasons are shown, and this much of each.
MAX_REASONS = 6
MAX_REASON_CHARS = 300


class Reason(NamedTuple):
    """One of the person's own reasons: where it comes from (a key of
    ``texts.SOS_SOURCES``) and their words, unescaped. A NamedTuple, not a dataclass: the
    ``dataclasses`` import was most of what ``exback sos`` added before its first question."""

    source: str
    text: str

    @property
    def label(self) -> str:
        """Where the words come from, in the kit's words."""
        return texts.SOS_SOURCES[self.source]


def _short(text: str) -> str:
    text = " ".join(text.split())
    return text if len(text) <= MAX_REASON_CHARS else text[:MAX_REASON_CHARS - 1] + "…"


def _newest(rows: Iterable[Mapping[str, Any]]) -> list[Mapping[str, Any]]:
    return sorted(rows, key=lambda r: (r["at"], r["id"]), reverse=True)


def own_reasons(*, reappraisals: Iterable[Mapping[str, Any]] = (),
                nocontact_periods: Iterable[Mapping[str, Any]] = (),
                quiet_hope: object = None,
                decisions: Iterable[Mapping[str, Any]] = (),
                reachouts: Iterable[Mapping[str, Any]] = (),
                most: int = MAX_REASONS, open_road: bool = True) -> list[Reason]:
    """Return the person's own reasons, newest first within each source, at most ``most``.

    Off the open road only the clear-eyed list, the decision to move on and the No-Contact
    note are used: the quiet hope and past reach-out outcomes may be hopeful words about the
    ex, and are not shown mid-urge there.

    Args:
        reappraisals, nocontact_periods, decisions, reachouts: the journal's records (dicts).
        quiet_hope: the answer to step 1's "What do you hope this quiet stretch will give you?".
        open_road: the journey is on the open road (:attr:`gate.Journey.open_road`).
    """
    found: list[Reason] = []
    latest_decision = next(iter(_newest(decisions)), None)
    if latest_decision is not None and latest_decision["decision"] == "move_on":
        found.append(Reason("decision", str(latest_decision["reasons"] or "")))
    found += [Reason("clear_eyed", str(r["what"] or "")) for r in _newest(reappraisals)]
    period = next(iter(_newest(nocontact_periods)), None)
    if period is not None:
        found.append(Reason("no_contact", str(period["note"] or "")))
    if open_road and isinstance(quiet_hope, str):
        found.append(Reason("quiet_hope", quiet_hope))
    if open_road:
        found += [Reason("reachout", str(r["outcome"] or "")) for r in _newest(reachouts)]
    kept = [Reason(r.source, _short(r.text)) for r in found if r.text.strip()]
    return kept[:most]


def plan_for_now(plans: list[dict[str, object]], now: datetime) -> str | None:
    """Return the action of the active if-then plan whose window holds ``now`` (local), or None."""
    plan = active_for(plans, Window.holding(now.weekday(), now.hour))
    return None if plan is None else str(plan["action"])


def clock_text(seconds: int) -> str:
    """Return seconds left as a clock: 90 -> "1:30"."""
    seconds = max(0, int(seconds))
    return f"{seconds // 60}:{seconds % 60:02d}"


def guide_line(elapsed: int, total: int, lines: Sequence[str] | None = None) -> str:
    """Return the guidance for ``elapsed`` seconds into a wait of ``total``: the lines in
    turn (default: the kit's, in the language in force), each for an equal share of the time."""
    lines = texts.SOS_GUIDE if lines is None else lines
    if total <= 0:
        return lines[-1]
    share = total / len(lines)
    return lines[min(len(lines) - 1, int(max(0, elapsed) // share))]


def intro(open_road: bool, seconds: int = SOS_SECONDS) -> str:
    """Return the opening words: only the open road (:attr:`gate.Journey.open_road`; not
    while the boundaries check is unanswered) mentions getting in touch."""
    return (texts.SOS_INTRO if open_road else texts.SOS_INTRO_MOVING_ON).format(seconds=seconds)


def saved_message(before: int, after: int | None) -> str:
    """Return what saving says: the strength at the start and, if given, afterwards."""
    if after is None:
        return texts.SOS_SAVED_NO_AFTER.format(before=before)
    return texts.SOS_SAVED.format(before=before, after=after)


def urge_values(before: int, after: int | None) -> dict[str, object]:
    """Return the urge-log entry of a wait ridden out (never "acted on")."""
    return {"intensity": before, "intensity_after": after, "rode_it_out": True,
            "acted_on": False}
