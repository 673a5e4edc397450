"""Results worked out from frames, kept while those very frames are the ones in use.

A kernel's session hands the same DataFrame objects to every chart and view until a table
changes (then it reads a new frame), so a result keyed by the identity of the frames it was
worked out from stays right exactly as long as those frames are the ones handed in: one
computation per change of the tables, not one per caller. The frames are held weakly and
compared by identity, so a new frame that reuses a freed one's ``id`` is never mistaken for
it, and nothing here keeps a table alive.
"""

from __future__ import annotations

import weakref
from collections import OrderedDict
from collections.abc import Callable, Hashable, Sequence
from typing import Generic, TypeVar

Value = TypeVar("Value")

#: How many results each memo keeps (the latest used; a result is a small frame or value).
SIZE = 4


class FrameMemo(Generic[Value]):
    """The latest few results of one computation, each with the frames it was made from."""

    def __init__(self, size: int = SIZE) -> None:
        self.size = size
        self.made = 0
        self.entries: OrderedDict[tuple[Hashable, ...],
                                  tuple[list[weakref.ref[object]], Value]] = OrderedDict()

    def get(self, frames: Sequence[object], key: Hashable,
            make: Callable[[], Value]) -> Value:
        """Return the result kept for exactly these ``frames`` and ``key``, or ``make()`` it.

        Args:
            frames: every frame the result is worked out from (by identity, not content), and
                any other object it reads that is replaced rather than changed (the content,
                one per language).
            key: everything else it depends on (the day, a road…), hashable.
            make: works the result out when none is kept.
        """
        ids = (*(id(f) for f in frames), key)
        kept = self.entries.get(ids)
        if kept is not None and all(r() is f for r, f in zip(kept[0], frames, strict=True)):
            self.entries.move_to_end(ids)
            return kept[1]
        value = make()
        self.made += 1
        self.entries[ids] = ([weakref.ref(f) for f in frames], value)
        self.entries.move_to_end(ids)
        while len(self.entries) > self.size:
            self.entries.popitem(last=False)
        return value
