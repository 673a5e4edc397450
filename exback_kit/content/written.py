"""Where each kind of entry is written: the notebook a found word links back to, and the
question an answer was given to."""

from __future__ import annotations

from exback_kit import content
from exback_kit.content import texts

#: kind of entry -> the notebook (stage id) where a person writes it.
WRITTEN_IN = {
    "checkins": "00_start_here", "contacts": "01_space_and_clarity",
    "urges": "04_holding_steady", "decisions": "01_space_and_clarity",
    "nocontact_periods": "01_space_and_clarity", "signals": "02_reading_the_signals",
    "meetings": "05_reconnecting", "unsent": "04_holding_steady",
    "reachouts": "04_holding_steady", "patterns": "03_rebuilding_you",
    "repairs": "06_the_conversation", "agreements": "06_the_conversation",
    "milestones": "07_relationship_2_0", "old_habits": "07_relationship_2_0",
    "reflections": "09_moving_on", "reappraisals": "09_moving_on",
    "checklist_items": "09_moving_on", "plans": "04_holding_steady",
    "self_notes": "09_moving_on", "moment_plans": "09_moving_on",
}


def _split(place: str) -> tuple[str, str]:
    owner, _, question = place.partition(":")
    return owner, question


def written_in(kind: str, place: str = "") -> str:
    """Return the stage id of the notebook where an entry of ``kind`` is written.

    ``place`` is an answer's "step:question" (its step decides the notebook).
    """
    owner, _ = _split(place)
    if kind == "answers" and owner.lstrip("-").isdigit():
        return content.load().stage_of_step(int(owner)) or WRITTEN_IN["checkins"]
    return WRITTEN_IN.get(kind, WRITTEN_IN["checkins"])


def question_text(kind: str, place: str) -> str:
    """Return the question an answer or reflection answers ("" if the kit no longer asks it)."""
    owner, question = _split(place)
    try:
        if kind == "answers":
            return content.load().step(int(owner)).question(question).text
        if kind == "reflections":
            return content.load().topic(owner).question(question).text
    except (KeyError, ValueError):
        pass
    return ""


def notebook_title(stage_id: str) -> str:
    """Return a notebook's title as the person sees it (its id if unknown)."""
    try:
        return content.load().stage(stage_id).title
    except KeyError:
        return stage_id


def kind_label(kind: str) -> str:
    """Return what an entry of ``kind`` is called in lists of the person's words."""
    return texts.WORDS_KINDS.get(kind, kind)
