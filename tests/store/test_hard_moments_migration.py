"""A journal from before "Ride it out" gains the urge's strength afterwards and the tables of
who-am-I notes, clarity ratings and moment plans, keeping every urge it had."""

from __future__ import annotations

import sqlite3

from exback_kit import Journal
from exback_kit.store.migrations import MIGRATIONS
from exback_kit.store.schema import TABLES
from exback_kit.store.sqlite_header import APPLICATION_ID

NEW_TABLES = ("self_notes", "clarity_ratings", "moment_plans")


def _journal_before(path) -> int:
    """Write a journal at the version just before this migration, with one urge in it."""
    before = next(v for v, step in MIGRATIONS.items()
                  if step.__name__ == "_migrate_hard_moments_and_self") - 1
    conn = sqlite3.connect(path, isolation_level=None)
    for version in range(1, before + 1):
        MIGRATIONS[version](conn)
    conn.execute("INSERT INTO urges (at, day, intensity, trigger, acted_on, helped, note, uuid) "
                 "VALUES ('2026-10-03T22:30:00+02:00', '2026-10-03', 7, 'late', 0, 'tea', '', "
                 "'0b6c0f8e-0000-4000-8000-000000000001')")
    conn.execute(f"PRAGMA application_id = {APPLICATION_ID}")
    conn.execute(f"PRAGMA user_version = {before}")
    conn.close()
    return before


def test_an_older_journal_gains_the_new_columns_and_tables(tmp_path):
    path = tmp_path / "old.sqlite3"
    before = _journal_before(path)
    with Journal.open(path, backup=False) as j:
        assert j.schema_version > before
        [urge] = j.records("urges")
        assert (urge["intensity"], urge["intensity_after"], urge["rode_it_out"]) == (7, None, None)
        assert j.table("urges")["rode_it_out"].tolist() == [False]  # typed: not ridden out
        for table in NEW_TABLES:
            columns = {row[1] for row in j.execute_read(f"PRAGMA table_info({table})")}
            assert columns == {"id", "at", "day", *(f.name for f in TABLES[table]),
                               "uuid", "version", "origin"}
        j.add("urges", intensity=8, intensity_after=4, rode_it_out=True)
        j.add("moment_plans", moment="dates", occasion="birthday", occasion_day="2027-01-02",
              plan="brunch with Jo")
    with Journal.open(path, backup=False) as j:  # opening again migrates nothing twice
        assert [u["intensity_after"] for u in j.records("urges")] == [None, 4]
        assert j.count("moment_plans") == 1


def test_a_ridden_out_urge_refuses_a_strength_outside_1_to_10(journal):
    import pytest

    from exback_kit.errors import ValidationError

    with pytest.raises(ValidationError, match="intensity_after"):
        journal.add("urges", intensity=5, intensity_after=11)
    assert journal.count("urges") == 0
