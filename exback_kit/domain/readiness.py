"""The readiness checklist shown before the reconnecting stage.

Each item is computed from the person's own journal and says what it was
based on. The checklist advises; it never blocks (only the boundaries gate,
:mod:`exback_kit.domain.gate`, closes stages).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date, timedelta
from typing import TYPE_CHECKING

from exback_kit.content import texts
from exback_kit.domain import gate, nocontact, scales
from exback_kit.domain.newest import newest_last

if TYPE_CHECKING:
    import pandas as pd

    from exback_kit.content import Content

#: Days of the urge log the checklist looks at.
URGE_WINDOW_DAYS = 14
#: WHO-5 percent above which wellbeing counts as fine (when no safety message would show).
WELLBEING_FINE_ABOVE = 50
#: Share of urges let pass (not acted on) that counts as "mostly".
URGES_MOSTLY = 0.75


@dataclass(frozen=True)
class ReadinessItem:
    """One checklist line.

    ``ok`` is True, False, or None when there is no data yet or nothing to get
    ready for (a decision to move on or not sure yet); ``state`` is the item's own
    wording when the generic one ("looks ready", "not yet") would not fit.
    """

    key: str
    ok: bool | None
    label: str
    based_on: str
    state: str = ""

    @property
    def shown_state(self) -> str:
        """The state as the checklist shows it."""
        return self.state or texts.READINESS_STATE[self.ok]

    @property
    def mark(self) -> str:
        """The mark before the line: neutral for a state that is neither ready nor missing."""
        if self.state and self.ok is None:
            return texts.READINESS_MARK_NEUTRAL
        return texts.READINESS_MARKS[self.ok]


def _item(key: str, ok: bool | None, based_key: str, *, state: str = "",
          **values: object) -> ReadinessItem:
    return ReadinessItem(key, ok, texts.READINESS_LABELS[key],
                         texts.say(texts.READINESS_BASED[based_key], **values),
                         texts.READINESS_STATES.get(state, ""))


#: The tables a readiness check reads (a view reads them once and hands them down).
KINDS = ("answers", "decisions", "contacts", "nocontact_periods", "urges", "instrument_results",
         "patterns")


def readiness(tables: Mapping[str, pd.DataFrame], today: date | None = None, *,
              kit: Content) -> list[ReadinessItem]:
    """Return the checklist: boundaries, No-Contact target, decision, urges, wellbeing, patterns.

    Args:
        tables: the journal's typed tables (at least :data:`KINDS`).
        today: the day to measure up to (default: the local date).
        kit: the kit's content (the boundaries questions).
    """
    today = today or date.today()
    road = gate.journey_of(tables, kit=kit)
    return [_boundaries(road), _no_contact(tables, today),
            _decision(tables["decisions"], road), _urges(tables["urges"], today),
            _wellbeing(tables["instrument_results"], today), _patterns(tables["patterns"])]


def _boundaries(road: gate.Journey) -> ReadinessItem:
    given = road.boundaries
    answered = sum(v is not None for v in given.values())
    if any(v in gate.GATING_ANSWERS for v in given.values()):
        return _item("boundaries", None, "boundaries", state="boundaries_yes",
                     answered=answered, questions=len(given))
    if answered < len(given):
        key = "boundaries" if answered else "boundaries_none"
        return _item("boundaries", None, key, answered=answered, questions=len(given))
    return _item("boundaries", True, "boundaries", answered=answered, questions=len(given))


def _no_contact(tables: Mapping[str, pd.DataFrame], today: date) -> ReadinessItem:
    summary = nocontact.no_contact(tables["contacts"], tables["nocontact_periods"], today)
    if summary.start_day is None or not summary.target_days:
        return _item("no_contact", None, "no_contact_none")
    return _item("no_contact", bool(summary.target_reached), "no_contact",
                 target=summary.target_days, start=summary.start_day,
                 current=summary.current_streak, longest=summary.longest_streak)


def _decision(decisions: pd.DataFrame, road: gate.Journey) -> ReadinessItem:
    """The decision never leans either way: each choice gets a neutral mark and its own words;
    on the moving-on road the item says "set aside"."""
    if decisions.empty:
        return _item("decision", None, "decision_none")
    row = newest_last(decisions).iloc[-1]
    state = "set_aside" if road.moving_on else row["decision"]
    return _item("decision", None, "decision", state=state, day=row["day"].date(),
                 decision=texts.DECISION_CHOICES[row["decision"]])


def _urges(urges: pd.DataFrame, today: date) -> ReadinessItem:
    first = today - timedelta(days=URGE_WINDOW_DAYS - 1)
    days = urges["day"].dt.date if len(urges) else urges["day"]
    recent = urges[(days >= first) & (days <= today)] if len(urges) else urges
    if recent.empty:
        return _item("urges", None, "urges_none")
    passed = int((~recent["acted_on"].astype(bool)).sum())
    return _item("urges", passed / len(recent) >= URGES_MOSTLY, "urges", count=len(recent),
                 passed=passed)


def _wellbeing(results: pd.DataFrame, today: date) -> ReadinessItem:
    latest = scales.latest_who5(results, today)
    if latest is None:
        return _item("wellbeing", None, "wellbeing_none")
    age = (today - latest.day).days
    ago = texts.READINESS_TODAY if age == 0 else texts.say(texts.READINESS_AGO, age=age)
    # Fine only when no safety message would show and WHO-5 is above 50 %.
    fine = not latest.result.needs_care and latest.result.percent > WELLBEING_FINE_ABOVE
    return _item("wellbeing", fine, "wellbeing", day=latest.day, ago=ago,
                 percent=latest.result.percent)


def _patterns(patterns: pd.DataFrame) -> ReadinessItem:
    if patterns.empty:
        return _item("patterns", None, "patterns_none")
    planned = int(patterns["plan"].str.strip().astype(bool).sum())
    return _item("patterns", planned == len(patterns), "patterns", planned=planned,
                 count=len(patterns))
