"""The boundaries check and the moving-on path: the rules, from the journal's frames.

Any "yes" or "not sure" in the boundaries check (the ex asked for no contact or blocked
you; they said clearly they don't want to get back together; violence, threats or
controlling behaviour; a protective order) puts the journey on the moving-on path: the
stages about reaching out (``gated = true`` in ``data/stages.toml``) show a respectful
explanation instead of their content. "Not
sure" counts as a yes, to be on the safe side, and says so. A latest decision of "move on"
does the same, more gently, and changes back when the decision does. While the check is
not fully answered, the stages that prepare contact ask for it first. Everything about the
person's own recovery stays open either way.
The notice itself is drawn by :mod:`exback_kit.notebook.gate_notice`.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date
from typing import TYPE_CHECKING, TypeVar

from exback_kit.content import texts
from exback_kit.domain import progress
from exback_kit.domain.newest import newest_last

if TYPE_CHECKING:
    import pandas as pd

    from exback_kit.content import Content

#: The stage of the moving-on road, recommended when the gate is on.
MOVING_ON_STAGE = "09_moving_on"
#: The stage that holds the boundaries check.
CHECK_STAGE = "00_start_here"
#: Boundary answers that mean the person may not be safe: the notice shows safety contacts.
SAFETY_QUESTIONS = ("harm_or_control", "protective_order")
#: Answers that put the journey on the moving-on path.
GATING_ANSWERS = ("yes", "not_sure")
#: Older journals saved the boundaries answers as True/False.
_AS_ANSWER: dict[object, str] = {True: "yes", False: "no", "yes": "yes", "no": "no",
                                  "not_sure": "not_sure"}
#: The roads a person can be on, each with the variants its words fall back to, most
#: specific first. A sentence keyed "default" holds on every road without its own variant.
#: "order": a protective order named (yes or not sure); "harm": violence, threats or control;
#: "boundaries": another boundaries yes or not sure; "decision": the decision "move on";
#: "unanswered": the check not fully answered yet; "open": every answer no, no move-on.
ROAD_VARIANTS: dict[str, tuple[str, ...]] = {
    "order": ("order", "harm", "boundaries", "moving_on"),
    "harm": ("harm", "boundaries", "moving_on"),
    "boundaries": ("boundaries", "moving_on"),
    "decision": ("decision", "moving_on"),
    "unanswered": ("unanswered", "open"),
    "open": ("open",),
}
#: Every key a per-road variant may carry (besides "default").
VARIANT_KEYS = ("order", "harm", "boundaries", "decision", "moving_on", "unanswered", "open")

T = TypeVar("T")


@dataclass(frozen=True)
class Journey:
    """Where the journey stands.

    ``path`` is "open" or "moving_on"; ``by`` is None, "boundaries" or "decision"
    (boundaries win when both apply); ``reasons`` are plain-language sentences;
    ``decision`` is the latest step-2 decision (None if there is none yet);
    ``boundaries`` the latest answer to each boundaries question: "yes", "no",
    "not_sure" or None (not answered); ``gated`` the stages that prepare contact
    (``gated = true`` in stages.toml, 02 and 05–07): set aside on the moving-on path,
    asking for the boundaries check first while it is unanswered.
    """

    path: str
    by: str | None = None
    reasons: list[str] = field(default_factory=list)
    decision: str | None = None
    boundaries: dict[str, str | None] = field(default_factory=dict)
    gated: tuple[str, ...] = ()

    @property
    def unsafe(self) -> bool:
        """True when harm, control or a protective order was named (yes or not sure)."""
        return any(self.boundaries.get(q) in GATING_ANSWERS for q in SAFETY_QUESTIONS)

    @property
    def order(self) -> bool:
        """True when the person said there is (or may be) a protective order."""
        return self.boundaries.get("protective_order") in GATING_ANSWERS

    @property
    def unsure(self) -> bool:
        """True when a "not sure" answer is part of why the path is moving on."""
        return "not_sure" in self.boundaries.values()

    @property
    def unanswered(self) -> bool:
        """True while any boundaries question has no answer."""
        return any(v is None for v in self.boundaries.values())

    @property
    def moving_on(self) -> bool:
        """True on the moving-on path."""
        return self.path == "moving_on"

    @property
    def open_road(self) -> bool:
        """True when every boundaries answer is "no" and the decision is not "move on":
        only then are the words about the pace of getting in touch shown."""
        return not self.moving_on and not self.unanswered

    @property
    def countdown(self) -> bool:
        """False after harm, control or an order was named: contact then follows the order
        (or the person's safety), so No-Contact has no target day and no countdown."""
        return not self.unsafe

    @property
    def road(self) -> str:
        """The road in force, one of :data:`ROAD_VARIANTS`: "order", "harm", "boundaries",
        "decision", "unanswered" or "open" (the first that applies, in that order)."""
        if self.order:
            return "order"
        if self.unsafe:
            return "harm"
        if self.by == "boundaries":
            return "boundaries"
        if self.moving_on:
            return "decision"
        return "unanswered" if self.unanswered else "open"

    def words(self, variants: Mapping[str, T]) -> T:
        """Return the variant of a sentence for this road (see :func:`for_road`)."""
        return for_road(variants, self)


def for_road(variants: Mapping[str, T], journey: Journey) -> T:
    """Return the variant of a sentence (or of any value) that the road in force calls for.

    ``variants`` maps variant keys (:data:`VARIANT_KEYS`) and "default" to words; the road's
    own key is tried first, then the more general ones (:data:`ROAD_VARIANTS`), then
    "default". Every word the kit says that differs by road is chosen here.

    Raises:
        KeyError: no variant fits and there is no "default" (names the road).
    """
    for key in (*ROAD_VARIANTS[journey.road], "default"):
        if key in variants:
            return variants[key]
    raise KeyError(f"no words for the road {journey.road!r} and no 'default'")


def as_answer(value: object) -> str | None:
    """Return a stored boundaries answer as "yes", "no" or "not_sure" (None: not answered)."""
    try:
        return _AS_ANSWER.get(value)
    except TypeError:  # an unhashable value (a list) is no answer
        return None


def boundary_answers(answers: pd.DataFrame, *, kit: Content) -> dict[str, str | None]:
    """Return the latest answer to each of ``kit``'s boundaries questions ("yes", "no",
    "not_sure", None)."""
    latest = progress.latest_answers(answers, 0)
    return {q: as_answer(latest.get(q)) for q in kit.boundary_questions}


def journey(answers: pd.DataFrame, decisions: pd.DataFrame, *, kit: Content) -> Journey:
    """Return the journey: moving on when a boundary answer is yes or not sure, or the
    latest decision is move on.

    Args:
        answers: the ``answers`` table; decisions: the ``decisions`` table.
        kit: the kit's content (its boundaries questions and gated stages).
    """
    given = boundary_answers(answers, kit=kit)
    reasons = [texts.GATE_REASONS[q] for q, a in given.items() if a == "yes"]
    reasons += [texts.GATE_REASONS_NOT_SURE[q] for q, a in given.items() if a == "not_sure"]
    by = "boundaries" if reasons else None
    decision = None
    if len(decisions):
        latest = newest_last(decisions).iloc[-1]
        decision = str(latest["decision"])
        if decision == "move_on":
            day = latest["day"]
            reasons.append(texts.say(texts.GATE_REASONS["decision"],
                                     day=day.date() if hasattr(day, "date") else day))
            by = by or "decision"
    return Journey("moving_on" if by else "open", by, reasons, decision, given,
                   kit.gated_stages)


def journey_of(tables: Mapping[str, pd.DataFrame], *, kit: Content) -> Journey:
    """Return the journey that typed ``tables`` (with ``answers`` and ``decisions``) give."""
    return journey(tables["answers"], tables["decisions"], kit=kit)


def review_day(value: object, journey: Journey, today: date) -> date | None:
    """Return the review day still ahead (from the setting's ``value``), or None.

    Only the open road has one: after a boundaries yes or a decision to move on there is
    nothing left to review, so no day is shown or put in the calendar.
    """
    if not journey.open_road or not isinstance(value, str):
        return None
    try:
        day = date.fromisoformat(value)
    except ValueError:
        return None
    return day if day >= today else None


def is_gated(stage_id: str, journey: Journey) -> bool:
    """Return True when ``stage_id`` shows the gate notice instead of its content."""
    return journey.moving_on and stage_id in journey.gated


def asks_first(stage_id: str, journey: Journey) -> bool:
    """Return True when ``stage_id`` asks for the boundaries check before showing anything."""
    return (not journey.moving_on and journey.unanswered
            and stage_id in journey.gated)


def set_aside(journey: Journey) -> tuple[str, ...]:
    """Return the stages that don't count toward progress on this journey."""
    return journey.gated if journey.moving_on else ()
