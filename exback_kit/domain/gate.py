"""The boundaries check and the moving-on path.

Any "yes" in the boundaries check (the ex asked for no contact or blocked
you; violence, threats or controlling behaviour; a protective order) puts the
journey on the moving-on path: the stages about reaching out (02, 05, 06, 07)
show a respectful explanation instead of their forms. A latest decision of
"move on" does the same, more gently, and changes back when the decision does.
Everything about the person's own recovery stays open either way.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from exback_kit.content import texts

if TYPE_CHECKING:
    import ipywidgets as widgets

    from exback_kit.store import Journal

#: Stages that show the gate notice on the moving-on path.
GATED_STAGES = ("02_reading_the_signals", "05_reconnecting", "06_the_conversation",
                "07_relationship_2_0")
#: The boundaries-check questions (step 0), in the order they are asked.
BOUNDARY_QUESTIONS = ("no_contact_asked", "harm_or_control", "protective_order")


@dataclass(frozen=True)
class Journey:
    """Where the journey stands.

    ``path`` is "open" or "moving_on"; ``by`` is None, "boundaries" or "decision"
    (boundaries win when both apply); ``reasons`` are plain-language sentences;
    ``decision`` is the latest step-2 decision (None if there is none yet).
    """

    path: str
    by: str | None = None
    reasons: list[str] = field(default_factory=list)
    decision: str | None = None


def boundary_answers(journal: Journal) -> dict[str, bool | None]:
    """Return the latest answer to each boundaries question (None = not answered)."""
    latest = journal.latest_answers(0)
    return {q: latest[q] if isinstance(latest.get(q), bool) else None
            for q in BOUNDARY_QUESTIONS}


def journey(journal: Journal) -> Journey:
    """Return the journey: moving on when a boundary answer is yes or the decision is move on."""
    reasons = [texts.GATE_REASONS[q] for q, yes in boundary_answers(journal).items() if yes]
    by = "boundaries" if reasons else None
    latest = journal.records("decisions", newest_first=True, limit=1)
    decision = latest[0]["decision"] if latest else None
    if decision == "move_on":
        reasons.append(texts.GATE_REASONS["decision"].format(day=latest[0]["day"]))
        by = by or "decision"
    return Journey("moving_on" if by else "open", by, reasons, decision)


def is_gated(stage_id: str, journal: Journal) -> bool:
    """Return True when ``stage_id`` shows the gate notice instead of its forms."""
    return stage_id in GATED_STAGES and journey(journal).path == "moving_on"


def gate_notice(stage_id: str, journal: Journal) -> widgets.Widget:
    """Return the respectful explanation for a gated stage: why, what stays open, how to revisit.

    For a stage that isn't gated, returns an empty ``HTML`` widget.
    """
    import ipywidgets as widgets

    from exback_kit.notebook.form_kit import esc

    box = widgets.HTML("")
    box.add_class("exback-gate")
    if not is_gated(stage_id, journal):
        return box
    j = journey(journal)
    boundaries = j.by == "boundaries"
    heading = texts.GATE_HEADING_BOUNDARIES if boundaries else texts.GATE_HEADING_DECISION
    intro = texts.GATE_INTRO_BOUNDARIES if boundaries else texts.GATE_INTRO_DECISION
    revisit = [texts.GATE_REVISIT_BOUNDARIES] if boundaries else []
    if j.decision == "move_on":
        revisit.append(texts.GATE_REVISIT_DECISION)
    answers = boundary_answers(journal)
    unsafe = answers["harm_or_control"] or answers["protective_order"]
    safety = [texts.GATE_SAFETY] if unsafe else []
    items = "".join(f"<li>{esc(r)}</li>" for r in j.reasons)
    after = "".join(f"<p>{esc(line)}</p>" for line in [texts.GATE_STILL_OPEN, *revisit, *safety])
    box.value = (f'<div style="border-left:4px solid #4393c3;padding:0.4em 0.9em">'
                 f"<h4>{esc(heading)}</h4><p>{esc(intro)}</p><ul>{items}</ul>{after}</div>")
    return box
