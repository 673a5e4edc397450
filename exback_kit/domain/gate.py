"""The boundaries check and the moving-on path: the rules, from the journal's frames.

Any "yes" in the boundaries check (the ex asked for no contact or blocked you;
violence, threats or controlling behaviour; a protective order) puts the journey
on the moving-on path: the stages about reaching out (``gated = true`` in
``data/stages.toml``) show a respectful explanation instead of their content. A
latest decision of "move on" does the same, more gently, and changes back when the
decision does. Everything about the person's own recovery stays open either way.
The notice itself is drawn by :mod:`exback_kit.notebook.gate_notice`.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from exback_kit import content
from exback_kit.content import texts
from exback_kit.domain import progress

if TYPE_CHECKING:
    import pandas as pd

#: Boundary answers that mean the person may not be safe: the notice shows safety contacts.
SAFETY_QUESTIONS = ("harm_or_control", "protective_order")


@dataclass(frozen=True)
class Journey:
    """Where the journey stands.

    ``path`` is "open" or "moving_on"; ``by`` is None, "boundaries" or "decision"
    (boundaries win when both apply); ``reasons`` are plain-language sentences;
    ``decision`` is the latest step-2 decision (None if there is none yet);
    ``boundaries`` the latest answer to each boundaries question (None = not answered).
    """

    path: str
    by: str | None = None
    reasons: list[str] = field(default_factory=list)
    decision: str | None = None
    boundaries: dict[str, Any] = field(default_factory=dict)

    @property
    def unsafe(self) -> bool:
        """True when harm, control or a protective order was named."""
        return any(self.boundaries.get(q) is True for q in SAFETY_QUESTIONS)


def boundary_answers(answers: pd.DataFrame) -> dict[str, bool | None]:
    """Return the latest answer to each boundaries question (None = not answered)."""
    latest = progress.latest_answers(answers, 0)
    return {q: latest[q] if isinstance(latest.get(q), bool) else None
            for q in content.load().boundary_questions}


def journey(answers: pd.DataFrame, decisions: pd.DataFrame) -> Journey:
    """Return the journey: moving on when a boundary answer is yes or the decision is move on.

    Args:
        answers: the ``answers`` table; decisions: the ``decisions`` table.
    """
    given = boundary_answers(answers)
    reasons = [texts.GATE_REASONS[q] for q, yes in given.items() if yes]
    by = "boundaries" if reasons else None
    decision = None
    if len(decisions):
        latest = decisions.sort_values(["at", "id"]).iloc[-1]
        decision = str(latest["decision"])
        if decision == "move_on":
            reasons.append(texts.GATE_REASONS["decision"].format(day=latest["day"].date()))
            by = by or "decision"
    return Journey("moving_on" if by else "open", by, reasons, decision, given)


def is_gated(stage_id: str, journey: Journey) -> bool:
    """Return True when ``stage_id`` shows the gate notice instead of its content."""
    return journey.path == "moving_on" and stage_id in content.load().gated_stages
