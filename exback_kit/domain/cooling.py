"""The unsent-message vault's cooling-off: when a message may be looked at again."""

from __future__ import annotations

import math
import numbers
from datetime import datetime, timedelta

from exback_kit.content.vocab import DEFAULT_COOLING_HOURS

__all__ = ["DEFAULT_COOLING_HOURS", "cooling_ends", "hours_left"]



def cooling_ends(written: datetime, hours: object) -> datetime:
    """Return when the cooling-off of a message written at ``written`` ends.

    ``hours`` is the message's own choice; a missing one (None, NaN, 0) means the default.
    """
    chosen = float(hours) if isinstance(hours, numbers.Real) and not isinstance(hours, bool) else 0
    return written + timedelta(hours=chosen if chosen > 0 else DEFAULT_COOLING_HOURS)


def hours_left(written: datetime, hours: object, now: datetime) -> int:
    """Return the whole hours of cooling-off left (0 once it is over)."""
    return max(0, math.ceil((cooling_ends(written, hours) - now).total_seconds() / 3600))
