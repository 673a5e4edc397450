"""Domain tests build frames in memory: a journal stand-in with the same write calls, no SQLite.

Values are checked and stored exactly as the store would (``validate``), and the tables
come out typed by the store's own ``typed_frame`` — so domain rules are tested on the
frames they get in real use, without a database file.
"""

from __future__ import annotations

from typing import Any

import pandas as pd
import pytest

from exback_kit.domain import scales
from exback_kit.store import validate
from exback_kit.store.frames import typed_frame
from exback_kit.store.schema import TABLES, UPDATABLE, fields


class MemoryJournal:
    """The write calls of :class:`exback_kit.Journal`, keeping rows in lists."""

    def __init__(self) -> None:
        self.rows: dict[str, list[dict[str, Any]]] = {kind: [] for kind in TABLES}
        self.settings: dict[str, Any] = {}

    def add(self, kind: str, *, at: object = None, **values: object) -> int:
        row = validate.record(kind, fields(kind), values)
        when = validate.moment(at)
        entry = {"id": len(self.rows[kind]) + 1, "at": when.isoformat(),
                 "day": when.date().isoformat(), **row}
        self.rows[kind].append(entry)
        return int(entry["id"])

    def update(self, kind: str, entry_id: int, **values: object) -> None:
        assert set(values) <= set(UPDATABLE[kind])
        row = validate.record(kind, fields(kind), values, partial=True)
        self.rows[kind][entry_id - 1].update(row)

    def add_checkin(self, mood: object, energy: object = None, sleep_hours: object = None,
                    habits: object = (), note: object = "", at: object = None) -> int:
        return self.add("checkins", at=at, mood=mood, energy=energy, sleep_hours=sleep_hours,
                        habits=list(habits) if isinstance(habits, tuple) else habits, note=note)

    def log_contact(self, initiated_by: object, channel: object = "text",
                    replied: object = False, logistics: object = False, note: object = "",
                    at: object = None) -> int:
        return self.add("contacts", at=at, initiated_by=initiated_by, channel=channel,
                        replied=replied, logistics=logistics, note=note)

    def log_urge(self, intensity: object, trigger: object = "", acted_on: object = False,
                 helped: object = "", note: object = "", at: object = None) -> int:
        return self.add("urges", at=at, intensity=intensity, trigger=trigger,
                        acted_on=acted_on, helped=helped, note=note)

    def save_answer(self, step: object, question: object, value: object,
                    at: object = None) -> int:
        return self.add("answers", at=at, step=step, question=question, value=value)

    def save_scale(self, instrument: str, items: list[int], at: object = None) -> int:
        values, _ = scales.result_values(instrument, items)
        return self.add("instrument_results", at=at, **values)

    def table(self, kind: str) -> pd.DataFrame:
        names = ["id", "at", "day", *(f.name for f in fields(kind))]
        raw = pd.DataFrame(self.rows[kind], columns=names)
        raw = raw.sort_values(["at", "id"], kind="stable").reset_index(drop=True)
        return typed_frame(raw, fields(kind))

    def tables(self) -> dict[str, pd.DataFrame]:
        return {kind: self.table(kind) for kind in TABLES}


@pytest.fixture
def journal() -> MemoryJournal:
    """A journal kept in memory (overrides the SQLite one for domain tests)."""
    return MemoryJournal()
