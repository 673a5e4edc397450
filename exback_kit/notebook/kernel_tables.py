"""The tables a kernel has read: each re-read only when its stamp moves, asked once a view.

A notebook kernel shows the same journal for hours while the person (or the terminal,
another notebook, a sync) writes to it. :class:`LazyTables` reads a table on first use and
keeps its frame while its stamp (:meth:`Journal.table_stamps`) stays; :class:`KernelTables`
keeps one per journal and, while a view is built (a part, or every part after a Save), asks
for the stamps once, so every helper of that view gets the same frames from one state of
the journal and the next view sees any write.
"""

from __future__ import annotations

import contextlib
from collections.abc import Iterator
from typing import Any

from exback_kit.store import Journal
from exback_kit.store.schema import TABLES


class LazyTables(dict[str, Any]):
    """The journal's typed tables, each read on first use; a dict, as charts and tracking expect.

    Looking one up reads only that table; iterating (``items()``, ``keys()``…) reads all.
    ``stamps`` (:meth:`Journal.table_stamps`) say which tables changed since ``previous``:
    the frames of the others are taken over from it, not read again.
    """

    def __init__(self, journal: Journal, stamps: dict[str, object] | None = None,
                 previous: LazyTables | None = None) -> None:
        super().__init__()
        #: The journal these tables are read from.
        self.journal = journal
        self.stamps = stamps if stamps is not None else journal.table_stamps()
        self.source = str(journal.path)
        #: Values worked out from these tables (the journey), dropped with them.
        self.derived: dict[str, Any] = {}
        if previous is not None and previous.source == self.source:
            self.update((kind, frame) for kind, frame in dict.items(previous)
                        if previous.stamps.get(kind) == self.stamps.get(kind))

    def __missing__(self, kind: str) -> Any:
        if kind not in TABLES:
            raise KeyError(kind)
        frame = self.journal.table(kind)
        self[kind] = frame
        return frame

    def _all(self) -> LazyTables:
        for kind in [k for k in TABLES if not dict.__contains__(self, k)]:
            self.__missing__(kind)
        return self

    def __iter__(self) -> Any:
        return super(LazyTables, self._all()).__iter__()

    def __len__(self) -> int:
        return len(TABLES)

    def __contains__(self, kind: object) -> bool:
        return kind in TABLES

    def keys(self) -> Any:
        return super(LazyTables, self._all()).keys()

    def items(self) -> Any:
        return super(LazyTables, self._all()).items()

    def values(self) -> Any:
        return super(LazyTables, self._all()).values()

    def get(self, kind: str, default: Any = None) -> Any:
        return self[kind] if kind in TABLES else default

    def copy(self) -> dict[str, Any]:
        return dict(self._all())


class KernelTables:
    """Every journal's tables as this kernel last read them, and the view being built."""

    def __init__(self) -> None:
        #: id(journal) -> (table stamps, its tables).
        self.kept: dict[int, tuple[dict[str, object], LazyTables]] = {}
        #: While a view is built: id(journal) -> the tables it reads (stamps asked once).
        self.viewing: dict[int, LazyTables] | None = None

    def tables(self, journal: Journal) -> LazyTables:
        """Return ``journal``'s tables, re-reading only those whose stamp moved."""
        seen = self.viewing.get(id(journal)) if self.viewing is not None else None
        if seen is not None and seen.journal is journal:
            return seen  # this view already asked for the stamps
        stamps = journal.table_stamps()
        cached = self.kept.get(id(journal))
        if cached is None or cached[0] != stamps or cached[1].journal is not journal:
            previous = cached[1] if cached else None
            cached = (stamps, LazyTables(journal, stamps, previous))
            self.kept[id(journal)] = cached
        if self.viewing is not None:
            self.viewing[id(journal)] = cached[1]
        return cached[1]

    @contextlib.contextmanager
    def view(self) -> Iterator[None]:
        """Within, each journal's stamps are asked once; a nested view is part of the outer."""
        outer = self.viewing is None
        if outer:
            self.viewing = {}
        try:
            yield
        finally:
            if outer:
                self.viewing = None

    def forget(self) -> None:
        """Drop every frame read (a journal closed, locked or another one shown)."""
        self.kept.clear()
        if self.viewing is not None:
            self.viewing.clear()
