"""What the journal holds: every kind of record, its fields and their rules.

This is the contract between the store (which validates and writes), the forms
(which collect values) and the analytics (which read typed DataFrames).
Each record kind maps to one SQLite table with ``id``, ``at`` (a timezone-aware
ISO-8601 moment) and ``day`` (the person's local date of ``at``) plus its fields.
"""

from __future__ import annotations

from exback_kit.content import texts
from exback_kit.content.vocab import (
    BLOCK_STARTS,
    CHANNELS,
    CHECKLISTS,
    DECISIONS,
    DEFAULT_COOLING_HOURS,
    FLIRT_LANDED,
    FLIRTING,
    INSTRUMENTS,
    LAST_STEP,
    MOMENTS,
    OCCASIONS,
    REPAIR_STATUSES,
    SELF_KINDS,
    SELF_SINCE,
    UNSENT_STATUSES,
    WEEKDAY_IDS,
)
from exback_kit.errors import ValidationError

TYPE_CHECKING = False  # as typing's, without importing typing at start-up
if TYPE_CHECKING:
    from typing import NamedTuple
else:
    from exback_kit.store.named_tuple import NamedTuple

SHORT_TEXT = 200
LONG_TEXT = 20_000


class Field(NamedTuple):
    """One field of a record kind and the values it allows.

    kind is one of: int, float, bool, text, choice, list, date, moment, json.
    A NamedTuple rather than a dataclass: ``exback checkin`` imports this module, and
    the ``dataclasses`` module (with ``inspect``) was a large part of its start-up.
    """

    name: str
    kind: str
    required: bool = False
    lo: float | None = None
    hi: float | None = None
    choices: tuple[str, ...] = ()
    max_len: int = LONG_TEXT
    default: object = None
    future_ok: bool = False
    help: str = ""


def _scale(name: str, lo: int = 1, hi: int = 10, *, required: bool = False) -> Field:
    return Field(name, "int", required=required, lo=lo, hi=hi)


def _text(name: str, *, required: bool = False, short: bool = False) -> Field:
    return Field(name, "text", required=required, max_len=SHORT_TEXT if short else LONG_TEXT,
                 default="")


def _flag(name: str) -> Field:
    return Field(name, "bool", default=False)


#: Every record kind: table name -> its fields (id, at and day are implicit).
TABLES: dict[str, tuple[Field, ...]] = {
    "checkins": (
        _scale("mood", required=True),
        _scale("energy"),
        Field("sleep_hours", "float", lo=0, hi=24),
        # How much the ex took up the person's mind today (0 = not at all); optional.
        _scale("mind", 0, 10),
        Field("habits", "list", max_len=100, default=()),
        _text("note"),
    ),
    "contacts": (
        Field("initiated_by", "choice", required=True, choices=("me", "them")),
        Field("channel", "choice", choices=CHANNELS, default="text"),
        _flag("replied"),
        _flag("logistics"),
        _text("note"),
    ),
    "urges": (
        _scale("intensity", required=True),
        _text("trigger", short=True),
        _flag("acted_on"),
        _text("helped", short=True),
        _text("note"),
        # Ridden out with the SOS ("Ride it out"): how strong it was afterwards.
        _scale("intensity_after"),
        _flag("rode_it_out"),
    ),
    "answers": (
        Field("step", "int", required=True, lo=0, hi=LAST_STEP),
        Field("question", "text", required=True, max_len=64),
        Field("value", "json", required=True),
    ),
    "decisions": (
        Field("decision", "choice", required=True, choices=DECISIONS),
        _text("reasons"),
    ),
    "nocontact_periods": (
        Field("start_day", "date", required=True),
        Field("target_days", "int", required=True, lo=1, hi=365),
        _text("note"),
    ),
    "signals": (
        _text("source", short=True),
        _text("what", required=True),
        _scale("warmth", 1, 5),
        _text("note"),
    ),
    "meetings": (
        _text("place", short=True),
        _scale("felt"),
        _scale("their_engagement"),
        _flag("light_topics"),
        _flag("old_wounds"),
        Field("flirting", "choice", choices=FLIRTING, default="none"),
        Field("flirt_landed", "choice", choices=FLIRT_LANDED, default="not_applicable"),
        # No longer asked (closeness is a choice, not a test); kept so old entries stay.
        Field("intimacy_waited", "bool", default=None),
        _text("note"),
    ),
    "unsent": (
        _text("text", required=True),
        Field("cooling_hours", "int", lo=1, hi=24 * 30, default=DEFAULT_COOLING_HOURS),
        Field("status", "choice", choices=UNSENT_STATUSES, default="waiting"),
        Field("reviewed_at", "moment"),
        _text("review_note"),
    ),
    "reachouts": (
        _text("plan", required=True),
        _text("expectation"),
        _text("why"),
        _text("outcome"),
        Field("outcome_at", "moment"),
    ),
    "instrument_results": (
        Field("instrument", "choice", required=True, choices=INSTRUMENTS),
        Field("items", "list", required=True, max_len=10),
        Field("raw", "int", required=True, lo=0, hi=30),
        Field("score", "float", required=True, lo=0, hi=100),
    ),
    "patterns": (
        _text("pattern", required=True, short=True),
        _text("root"),
        _text("plan"),
    ),
    "repairs": (
        _text("issue", required=True),
        _text("plan"),
        Field("status", "choice", choices=REPAIR_STATUSES, default="open"),
    ),
    "agreements": (
        _text("text", required=True),
        _text("note"),
    ),
    "milestones": (
        _text("title", required=True, short=True),
        Field("target_day", "date", future_ok=True),
        Field("done_day", "date"),
        _text("note"),
    ),
    "old_habits": (
        _text("habit", required=True, short=True),
        _text("note"),
    ),
    # Moving on (09): answers to the topic prompts, like ``answers`` but keyed by topic.
    "reflections": (
        Field("topic", "text", required=True, max_len=64),
        Field("question", "text", required=True, max_len=64),
        Field("value", "json", required=True),
    ),
    # A clear-eyed list: what didn't work, something pleasant next, feelings and mood 0–10.
    "reappraisals": (
        _text("what", required=True),
        _text("pleasant", short=True),
        _scale("feelings_before", 0, 10),
        _scale("mood_before", 0, 10),
        _scale("feelings_after", 0, 10),
        _scale("mood_after", 0, 10),
        Field("after_at", "moment"),
        _text("note"),
    ),
    # The person's own checklists (devices, untangling): each item and the day it was done.
    "checklist_items": (
        Field("checklist", "choice", required=True, choices=CHECKLISTS),
        _text("item", required=True, short=True),
        Field("done_day", "date"),
        _text("note"),
    ),
    # An if-then plan for one window of the week (weekday + 2-hour block, local time).
    "plans": (
        Field("weekday", "choice", required=True, choices=WEEKDAY_IDS),
        Field("start_time", "choice", required=True, choices=BLOCK_STARTS),
        _text("action", required=True, short=True),
        Field("ended_at", "moment"),
    ),
    # "Who am I now": something you like, value or do, yours from before or new.
    "self_notes": (
        Field("about", "choice", required=True, choices=SELF_KINDS),
        _text("item", required=True, short=True),
        Field("since", "choice", choices=SELF_SINCE, default=""),
    ),
    # "I know who I am apart from them", 0–10, asked at most once a week.
    "clarity_ratings": (
        _scale("rating", 0, 10, required=True),
    ),
    # A plan for one "when it happens" card; the latest for a card (and occasion) is in force.
    "moment_plans": (
        Field("moment", "choice", required=True, choices=MOMENTS),
        Field("occasion", "choice", choices=OCCASIONS, default=""),
        Field("occasion_day", "date", future_ok=True),
        _text("plan", required=True),
    ),
}

#: Fields that may change after a record is written (everything else is history).
UPDATABLE: dict[str, tuple[str, ...]] = {
    "unsent": ("status", "reviewed_at", "review_note"),
    "reachouts": ("outcome", "outcome_at"),
    "repairs": ("plan", "status"),
    "milestones": ("target_day", "done_day", "note"),
    "patterns": ("root", "plan"),
    "reappraisals": ("feelings_after", "mood_after", "after_at"),
    "checklist_items": ("done_day", "note"),
    "plans": ("action", "ended_at"),
}


def fields(kind: str) -> tuple[Field, ...]:
    """Return the fields of a record kind.

    Raises:
        KeyError: the kind is not one the journal knows.
    """
    return TABLES[kind]


def known_fields(kind: str) -> tuple[Field, ...]:
    """Return the fields of a record kind the person (or a caller) named.

    Raises:
        ValidationError: the kind is not one the journal knows (names the kinds there are).
    """
    try:
        return TABLES[kind]
    except KeyError:
        raise ValidationError(texts.UNKNOWN_KIND.format(
            kind=kind, allowed=", ".join(TABLES)), field="kind") from None
