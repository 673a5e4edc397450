"""The readiness checklist shown before the reconnecting stage.

Each item is computed from the person's own journal and says what it was
based on. The checklist advises; it never blocks (only the boundaries gate,
:mod:`exback_kit.domain.gate`, closes stages).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from typing import TYPE_CHECKING

from exback_kit.content import texts
from exback_kit.domain import gate, scales

if TYPE_CHECKING:
    import ipywidgets as widgets

    from exback_kit.store import Journal

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


def readiness(journal: Journal, today: date | None = None) -> list[ReadinessItem]:
    """Return the checklist: boundaries, No-Contact target, decision, urges, wellbeing, patterns.

    Args:
        journal: the person's journal.
        today: the day to measure up to (default: the local date).
    """
    today = today or date.today()
    road = gate.journey(journal.table("answers"), journal.table("decisions"))
    return [_boundaries(road), _no_contact(journal, today), _decision(journal, road),
            _urges(journal, today), _wellbeing(journal, today), _patterns(journal)]


def _boundaries(road: gate.Journey) -> ReadinessItem:
    answers = road.boundaries
    answered = sum(v is not None for v in answers.values())
    if any(v in gate.GATING_ANSWERS for v in answers.values()):
        return _item("boundaries", None, "boundaries", state="boundaries_yes",
                     answered=answered, questions=len(answers))
    if answered < len(answers):
        key = "boundaries" if answered else "boundaries_none"
        return _item("boundaries", None, key, answered=answered, questions=len(answers))
    return _item("boundaries", True, "boundaries", answered=answered, questions=len(answers))


def _no_contact(journal: Journal, today: date) -> ReadinessItem:
    from exback_kit.domain import tracking
    summary = tracking.no_contact(journal.table("contacts"), journal.table("nocontact_periods"),
                                  today)
    if summary.start_day is None or not summary.target_days:
        return _item("no_contact", None, "no_contact_none")
    return _item("no_contact", bool(summary.target_reached), "no_contact",
                 target=summary.target_days, start=summary.start_day,
                 current=summary.current_streak, longest=summary.longest_streak)


def _decision(journal: Journal, road: gate.Journey) -> ReadinessItem:
    """The decision never leans either way: each choice gets a neutral mark and its own words;
    on the moving-on road the item says "set aside"."""
    latest = journal.records("decisions", newest_first=True, limit=1)
    if not latest:
        return _item("decision", None, "decision_none")
    row = latest[0]
    state = "set_aside" if road.moving_on else row["decision"]
    return _item("decision", None, "decision", state=state, day=row["day"],
                 decision=texts.DECISION_CHOICES[row["decision"]])


def _urges(journal: Journal, today: date) -> ReadinessItem:
    first = (today - timedelta(days=URGE_WINDOW_DAYS - 1)).isoformat()
    rows = journal.records("urges", where="day >= ? AND day <= ?",
                           params=(first, today.isoformat()))
    if not rows:
        return _item("urges", None, "urges_none")
    passed = sum(not r["acted_on"] for r in rows)
    return _item("urges", passed / len(rows) >= URGES_MOSTLY, "urges", count=len(rows),
                 passed=passed)


def _wellbeing(journal: Journal, today: date) -> ReadinessItem:
    rows = journal.records("instrument_results", where="instrument = ? AND day <= ?",
                           params=("who5", today.isoformat()), newest_first=True, limit=1)
    if not rows:
        return _item("wellbeing", None, "wellbeing_none")
    result = scales.score_who5(rows[0]["items"])
    age = (today - date.fromisoformat(rows[0]["day"])).days
    ago = texts.READINESS_TODAY if age == 0 else texts.say(texts.READINESS_AGO, age=age)
    # Fine only when no safety message would show and WHO-5 is above 50 %.
    fine = not result.needs_care and result.percent > WELLBEING_FINE_ABOVE
    return _item("wellbeing", fine, "wellbeing", day=rows[0]["day"], ago=ago,
                 percent=result.percent)


def _patterns(journal: Journal) -> ReadinessItem:
    rows = journal.records("patterns")
    if not rows:
        return _item("patterns", None, "patterns_none")
    planned = sum(bool(r["plan"].strip()) for r in rows)
    return _item("patterns", planned == len(rows), "patterns", planned=planned,
                 count=len(rows))


def readiness_widget(journal: Journal, today: date | None = None) -> widgets.Widget:
    """Return the checklist as a widget: each item with its mark, state and what it is based on."""
    import ipywidgets as widgets

    from exback_kit.notebook.form_kit import esc

    items = readiness(journal, today)
    lines = [texts.READINESS_LINE.format(mark=i.mark, label=i.label, state=i.shown_state,
                                         based_on=i.based_on)
             for i in items]
    road = gate.journey(journal.table("answers"), journal.table("decisions"))
    notes = [texts.READINESS_GATED] if road.moving_on else []
    body = "".join(f"<li>{esc(line)}</li>" for line in lines)
    extra = "".join(f"<p><b>{esc(n)}</b></p>" for n in notes)
    box = widgets.HTML(f"<h4>{esc(texts.READINESS_HEADING)}</h4><p>{esc(texts.READINESS_INTRO)}"
                       f'</p>{extra}<ul style="list-style:none">{body}</ul>')
    box.add_class("exback-readiness")
    return box
