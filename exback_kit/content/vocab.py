"""The fixed choices the kit offers (ids, not words): habits, channels, decisions, statuses.

The store's schema allows exactly these; the words for each live in :mod:`texts`.
"""

from __future__ import annotations

from exback_kit.content import texts

#: Habits offered in the daily check-in. The last two are habits to reduce.
DEFAULT_HABITS = (
    "exercise",
    "time outside",
    "mindfulness",
    "ate well",
    "saw friends",
    "hobby",
    "checked their social media",
    "drank alcohol",
)
#: Habits the kit treats as ones to do less of (shown and charted that way).
HABITS_TO_REDUCE = ("checked their social media", "drank alcohol")


def habit_names(saved: object) -> list[str]:
    """Return the habits the check-in offers: the person's list (the ``habits`` setting's
    value) when it is a non-empty list of names, else :data:`DEFAULT_HABITS`."""
    if isinstance(saved, list) and saved and all(isinstance(h, str) for h in saved):
        return list(saved)
    return list(DEFAULT_HABITS)


def habit_choices(names: list[str]) -> list[tuple[str, str]]:
    """Return (id, words) for each habit the check-in offers: the kit's own habits in the
    kit's words (stored by id), the person's own as they typed them, and a habit to reduce
    marked as one."""
    shown = [(h, texts.HABIT_NAMES.get(h, h)) for h in names]
    return [(h, texts.CHECKIN_TO_REDUCE.format(habit=words) if h in HABITS_TO_REDUCE else words)
            for h, words in shown]

#: The keys a sentence's per-road variants may carry (besides "default"); the road in force
#: chooses among them (:func:`exback_kit.domain.gate.for_road`). "moving_on" covers every road
#: off the open one; "order", "harm", "boundaries" and "decision" are more specific.
ROAD_VARIANT_KEYS = ("order", "harm", "boundaries", "decision", "moving_on", "unanswered", "open")
#: Words that speak to trying again. On a stage that stays open on every road, a sentence with
#: them needs a decision for the other roads: a "moving_on" variant, ``open_road_only`` (or
#: ``open_notes``), or ``every_road = true`` when it was read and holds on every road.
ROAD_WORDS = (r"going back|back together|tr(y|ying) again|win (them|someone|your ex) back"
              r"|still have feelings|willing to change|each side|making up|reunion|reconcil"
              r"|as good an outcome")

CHANNELS = ("text", "call", "in_person", "social_media", "email", "other")
DECISIONS = ("try_again", "not_sure", "move_on")
UNSENT_STATUSES = ("waiting", "still_want", "let_go", "rewritten", "kept")
REPAIR_STATUSES = ("open", "in_progress", "resolved")
FLIRTING = ("none", "a_little", "clearly")
FLIRT_LANDED = ("not_applicable", "well", "unclear", "badly")
INSTRUMENTS = ("who5", "rosenberg")

#: The last of the 18 steps (step 0 is the start-here profile and boundaries check).
LAST_STEP = 18
#: Hours an unsent message waits before the vault asks about it again, unless the person chose.
DEFAULT_COOLING_HOURS = 72
#: The moving-on checklists (09): their presence on your devices, practical untangling.
CHECKLISTS = ("devices", "untangling")
#: Ride it out: the guided wait in seconds, and what ``exback sos --seconds`` allows.
SOS_SECONDS = 90
SOS_MIN_SECONDS, SOS_MAX_SECONDS = 30, 600
#: "Who am I now": what a note is about, and whether it was yours before or is new ("" = not said).
SELF_KINDS = ("like", "value", "do")
SELF_SINCE = ("", "before", "new")
#: The "when it happens" cards (09): each keeps a small plan; dated ones go into the calendar.
MOMENTS = ("someone_new", "running_into", "dates", "shared_friends", "needed_contact")
#: The days of the "dates" card ("" for the other cards).
OCCASIONS = ("", "birthday", "anniversary", "holiday", "other")
#: Weekdays of a plan's window, Monday first (the index is Python's ``date.weekday()``).
WEEKDAY_IDS = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")
#: How long one window of the week lasts, and where each window starts (local wall clock).
BLOCK_HOURS = 2
BLOCK_STARTS = tuple(f"{hour:02d}:00" for hour in range(0, 24, BLOCK_HOURS))
