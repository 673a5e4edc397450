"""Windows of the week: a weekday and a 2-hour block of the local clock, as plain values.

No pandas here, so the light commands (``exback plan add``/``list``/``end``) stay quick.
Blocks run 00:00–02:00 … 22:00–24:00 and never straddle midnight.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from exback_kit.content import language, texts
from exback_kit.content.vocab import BLOCK_HOURS, BLOCK_STARTS, WEEKDAY_IDS
from exback_kit.errors import ValidationError

BLOCKS_A_DAY = 24 // BLOCK_HOURS


@dataclass(frozen=True, order=True)
class Window:
    """One window of the week: ``weekday`` (0 = Monday) and the block's first local hour."""

    weekday: int
    start_hour: int

    def __post_init__(self) -> None:
        if not (0 <= self.weekday < 7 and 0 <= self.start_hour < 24
                and self.start_hour % BLOCK_HOURS == 0):
            raise ValueError(f"no such window: weekday {self.weekday}, hour {self.start_hour}")

    @classmethod
    def holding(cls, weekday: int, hour: int) -> Window:
        """Return the window that holds ``hour`` (0–23) on ``weekday``."""
        return cls(weekday, hour - hour % BLOCK_HOURS)

    @classmethod
    def stored(cls, weekday: str, start_time: str) -> Window:
        """Return the window a plan row stores (``weekday`` id, ``start_time`` "HH:00")."""
        return cls(WEEKDAY_IDS.index(weekday), BLOCK_STARTS.index(start_time) * BLOCK_HOURS)

    @classmethod
    def at_key(cls, key: int) -> Window:
        """Return the window at place ``key`` of the week (see :attr:`key`)."""
        return cls(key // BLOCKS_A_DAY, key % BLOCKS_A_DAY * BLOCK_HOURS)

    @property
    def end_hour(self) -> int:
        """The hour the window ends (24 for the last block of a day)."""
        return self.start_hour + BLOCK_HOURS

    @property
    def key(self) -> int:
        """The window's place in the week, 0 (Monday 00:00) to 83 (Sunday 22:00)."""
        return self.weekday * BLOCKS_A_DAY + self.start_hour // BLOCK_HOURS

    @property
    def ids(self) -> dict[str, str]:
        """The stored form: ``{"weekday": "sat", "start_time": "22:00"}``."""
        return {"weekday": WEEKDAY_IDS[self.weekday],
                "start_time": BLOCK_STARTS[self.start_hour // BLOCK_HOURS]}


def describe(window: Window, *, plural: bool = True) -> str:
    """Return the window in words: "Saturdays 22:00–24:00" (or "Saturday 22:00–24:00")."""
    day = (texts.WEEKDAYS_RECURRING if plural else language.weekdays("wide"))[window.weekday]
    return texts.PLAN_WINDOW.format(weekday=day,
                                    start=f"{window.start_hour:02d}:00",
                                    end=f"{window.end_hour:02d}:00")


def all_windows() -> list[Window]:
    """Return every window of the week, Monday 00:00 first."""
    return [Window(d, h) for d in range(len(WEEKDAY_IDS)) for h in range(0, 24, BLOCK_HOURS)]


# --- parsing "sat 22:00" --------------------------------------------------------------

def parse_when(value: str, field: str = "--when") -> Window:
    """Return the window holding a weekday and a time, e.g. "sat 22:00" or "Sunday 0:30".

    Raises:
        ValidationError: the weekday or the time is not one the kit knows (names the value).
    """
    parts = (value or "").split()
    if len(parts) != 2:
        raise ValidationError(texts.PLAN_BAD_WHEN.format(field=field, value=value), field=field)
    day, clock = parts[0].casefold(), parts[1]
    # a weekday's id, or its name in the language in force (read now: it can change)
    names = {name.casefold(): i for i, name in enumerate(language.weekdays("wide"))}
    weekday = WEEKDAY_IDS.index(day) if day in WEEKDAY_IDS else names.get(day)
    if weekday is None:
        raise ValidationError(texts.PLAN_BAD_WEEKDAY.format(
            field=field, value=parts[0], allowed=", ".join(WEEKDAY_IDS)), field=field)
    match = re.fullmatch(r"(\d{1,2})(?::(\d{2}))?", clock)
    if not match or int(match[1]) > 23 or int(match[2] or 0) > 59:
        raise ValidationError(texts.PLAN_BAD_TIME.format(field=field, value=clock), field=field)
    return Window.holding(weekday, int(match[1]))




# --- plans as plain rows (Journal.records) ------------------------------------------------------

def window_of(plan: dict[str, object]) -> Window:
    """Return the window of a stored plan row."""
    return Window.stored(str(plan["weekday"]), str(plan["start_time"]))


def active_for(plans: list[dict[str, object]], window: Window) -> dict[str, object] | None:
    """Return the active (not ended) plan for ``window`` among stored rows, or None."""
    return next((p for p in plans if not p.get("ended_at") and window_of(p) == window), None)


def sentence(window: Window, action: str) -> str:
    """Return the plan as one if-then sentence."""
    return texts.PLAN_SENTENCE.format(window=describe(window, plural=False), action=action)
