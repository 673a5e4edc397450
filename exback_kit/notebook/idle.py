"""Lock after idle: an unlocked notebook or app view forgets the key after a quiet while.

The while is ``EXBACK_LOCK_AFTER`` minutes (``exback lab --lock-after``), 30 unless set;
0 turns it off. "Use" is anything that reads or writes the journal (a Save, a chart
re-drawn, a section opened). The check runs on the kernel's own event loop when there
is one (so it never races a button's handler), else on a timer thread (tests, plain
Python). The key is also forgotten, before anything is read, when an action comes after
the while has passed but the check has not run yet (a busy kernel).
"""

from __future__ import annotations

import os
import time
from collections.abc import Callable, Mapping
from typing import Any

from exback_kit.content import texts
from exback_kit.errors import ValidationError

#: Minutes without use before an unlocked journal is locked again in a notebook.
LOCK_AFTER_ENV = "EXBACK_LOCK_AFTER"
DEFAULT_MINUTES = 30.0
#: The longest while the setting allows (a day); 0 means never.
MAX_MINUTES = 24 * 60.0


def minutes_from(text: str | None) -> float:
    """Return the minutes in ``text`` (None or empty: the default).

    Raises:
        ValidationError: not a number from 0 to a day's minutes (the message names the field).
    """
    if text is None or not str(text).strip():
        return DEFAULT_MINUTES
    try:
        minutes = float(str(text).strip())
    except ValueError:
        minutes = -1.0
    if not 0 <= minutes <= MAX_MINUTES:  # also refuses nan
        raise ValidationError(texts.IDLE_BAD_MINUTES.format(
            field="--lock-after", value=text, hi=int(MAX_MINUTES)), field="--lock-after")
    return minutes


def configured_minutes(environ: Mapping[str, str] | None = None) -> float:
    """Return the minutes set in ``environ`` (this process's); a bad value is the default."""
    try:
        return minutes_from((os.environ if environ is None else environ).get(LOCK_AFTER_ENV))
    except ValidationError:
        return DEFAULT_MINUTES


def _now() -> float:
    return time.monotonic()


class IdleLock:
    """Calls ``on_idle`` once the journal has gone unused for the configured while."""

    def __init__(self, on_idle: Callable[[], None]) -> None:
        self._on_idle = on_idle
        self._last_use = _now()
        self._handle: Any = None
        self.minutes = configured_minutes()

    @property
    def seconds(self) -> float:
        return self.minutes * 60.0

    def used(self) -> None:
        """Note a use now, and make sure a check is waiting."""
        self._last_use = _now()
        if self._handle is None and self.seconds > 0:
            self._arm(self.seconds)

    def expired(self) -> bool:
        """Return True when the while has passed since the last use."""
        return self.seconds > 0 and _now() - self._last_use >= self.seconds

    def stop(self) -> None:
        """Cancel a waiting check (the key is gone anyway)."""
        if self._handle is not None:
            self._handle.cancel()
        self._handle = None

    def _arm(self, delay: float) -> None:
        import asyncio

        try:
            loop = asyncio.get_running_loop()
        except RuntimeError:  # no event loop here (tests, plain Python): a timer thread
            import threading

            timer = threading.Timer(delay, self._check)
            timer.daemon = True
            timer.start()
            self._handle = timer
        else:
            self._handle = loop.call_later(delay, self._check)

    def _check(self) -> None:
        self._handle = None
        left = self.seconds - (_now() - self._last_use)
        if self.seconds <= 0:
            return
        if left > 0:
            self._arm(left)
        else:
            self._on_idle()
