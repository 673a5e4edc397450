"""Charts drawn once per change: this kernel's rendered charts, kept in memory only.

A chart is drawn from the journal's tables and the day. Drawing it again from the
same inputs gives the same PNG, so the kernel keeps what it drew and hands it back
while nothing the chart read has changed. What a chart reads is watched as it is
drawn (not listed by hand, so a chart that starts reading another table is followed
at once), and each table's stamp (:meth:`Journal.table_stamps`, renewed by triggers
on every write from any process) says whether it changed. A Save to the urge log
therefore redraws the charts that read ``urges`` and no other; and a chart whose
table changed but whose prepared data did not (the same fingerprint) is not drawn
again either.

Nothing here is written to disk — not for a locked journal, not at all: the PNGs
live in this kernel's memory, at most :data:`MAX_CHARTS` of them and
:data:`MAX_BYTES` in all (least recently shown first out), and they are forgotten
when the journal is closed or locked (:func:`forget`).

    >>> png, summary = drawn("mood", session().tables())      # doctest: +SKIP
"""

from __future__ import annotations

from collections import OrderedDict
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from exback_kit.content import language

#: At most this many rendered charts are kept (the kit has twelve; two journals, two days).
MAX_CHARTS = 48
#: And at most this many bytes of PNG in all (a ten-year chart is 30–90 KB).
MAX_BYTES = 8 * 1024 * 1024


@dataclass(frozen=True)
class Drawn:
    """One rendered chart and what it was drawn from."""

    png: bytes = field(repr=False)
    summary: str = field(repr=False)
    reads: tuple[tuple[str, object], ...]  # (table, its stamp when drawn), for each table read
    digest: bytes | None = field(default=None, repr=False)  # of the data it was drawn from


class Watched(dict[str, Any]):
    """The tables a chart is drawn from, noting each one the chart looks at."""

    def __init__(self, tables: dict[str, Any]) -> None:
        super().__init__()
        self._tables = tables
        self.read: set[str] = set()

    def __getitem__(self, kind: str) -> Any:
        frame = self._tables[kind]
        self.read.add(kind)
        return frame

    def __missing__(self, kind: str) -> Any:
        return self[kind]

    def get(self, kind: str, default: Any = None) -> Any:
        return self[kind] if kind in self._tables else default

    def __contains__(self, kind: object) -> bool:
        return kind in self._tables

    def _every(self) -> dict[str, Any]:
        self.read.update(self._tables)
        return {k: self._tables[k] for k in self._tables}

    def __iter__(self) -> Iterator[str]:
        return iter(self._every())

    def __len__(self) -> int:
        return len(self._tables)

    def keys(self) -> Any:
        return self._every().keys()

    def items(self) -> Any:
        return self._every().items()

    def values(self) -> Any:
        return self._every().values()

    def copy(self) -> dict[str, Any]:
        return self._every()


class ChartCache:
    """Rendered charts by (journal, chart, day), each with the stamps of what it read."""

    def __init__(self, max_charts: int = MAX_CHARTS, max_bytes: int = MAX_BYTES) -> None:
        self.max_charts = max_charts
        self.max_bytes = max_bytes
        self._kept: OrderedDict[tuple[str, str, date, str], Drawn] = OrderedDict()
        #: Charts drawn, and handed back unchanged, since the last :meth:`forget`.
        self.drawn_count = 0
        self.kept_count = 0

    def __len__(self) -> int:
        return len(self._kept)

    @property
    def size(self) -> int:
        """Return the bytes of PNG held now."""
        return sum(len(d.png) for d in self._kept.values())

    def drawn(self, name: str, tables: dict[str, Any],
              today: date | None = None) -> tuple[bytes, str]:
        """Return chart ``name`` as PNG bytes with its summary, drawn only if its inputs changed.

        ``tables`` are the session's tables (with ``stamps`` and ``source``); plain
        tables without stamps are drawn every time.
        """
        from matplotlib.figure import Figure

        # late import: matplotlib loads on the first chart drawn, not when a notebook opens
        from exback_kit import charts

        today = today or date.today()
        stamps: dict[str, object] | None = getattr(tables, "stamps", None)
        if stamps is None:
            fig, summary = charts.render(name, tables, today)
            self.drawn_count += 1
            return charts.to_png(fig), summary
        # a chart holds words: one picture per language
        key = (str(getattr(tables, "source", "")), name, today, language.current())
        kept = self._kept.get(key)
        if kept is not None and all(stamps.get(k) == v for k, v in kept.reads):
            self._kept.move_to_end(key)
            self.kept_count += 1
            return kept.png, kept.summary
        watched = Watched(tables)
        chart = charts.spec(name)
        data = chart.prepare(watched, today)
        reads = tuple((kind, stamps.get(kind)) for kind in sorted(watched.read))
        digest = _digest(data)
        if kept is not None and digest is not None and kept.digest == digest:
            # a table it reads changed, but not what it shows (an urge for the mood chart's
            # first-day fallback, a check-in without "mind"): the same picture, kept
            self._keep(key, Drawn(kept.png, kept.summary, reads, digest))
            self.kept_count += 1
            return kept.png, kept.summary
        figure = chart.draw(data).get_figure()
        assert isinstance(figure, Figure)
        summary = chart.summarize(data)
        png = charts.to_png(figure)
        self.drawn_count += 1
        self._keep(key, Drawn(png, summary, reads, digest))
        return png, summary

    def _keep(self, key: tuple[str, str, date, str], drawn: Drawn) -> None:
        self._kept.pop(key, None)
        if len(drawn.png) > self.max_bytes:
            return
        self._kept[key] = drawn
        while len(self._kept) > self.max_charts or self.size > self.max_bytes:
            self._kept.popitem(last=False)

    def forget(self) -> None:
        """Drop every kept chart and start the counts again."""
        self._kept.clear()
        self.drawn_count = self.kept_count = 0


def _digest(data: Any) -> bytes | None:
    """Return a fingerprint of a chart's prepared data (None if it can't be taken).

    Equal fingerprints mean equal data, so the kept picture is still true; unequal
    ones (or none) only cost a redraw.
    """
    import hashlib
    import pickle

    try:
        return hashlib.blake2b(pickle.dumps(data, protocol=5), digest_size=20).digest()
    except Exception:  # anything that can't be pickled is simply drawn
        return None


_CACHE = ChartCache()


def cache() -> ChartCache:
    """Return this kernel's chart cache."""
    return _CACHE


def drawn(name: str, tables: dict[str, Any], today: date | None = None) -> tuple[bytes, str]:
    """Return chart ``name`` as (PNG, summary) from this kernel's cache (:class:`ChartCache`)."""
    return _CACHE.drawn(name, tables, today)


def forget() -> None:
    """Forget every chart this kernel drew (on closing or locking the journal)."""
    _CACHE.forget()
