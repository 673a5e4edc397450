"""A journal made before plans existed (schema version 2) gains the plans table, keeping all."""

from __future__ import annotations

import sqlite3
from datetime import date

from exback_kit import Journal
from exback_kit.store import SCHEMA_VERSION
from exback_kit.store.migrations import MIGRATIONS, _migrate_v1, _migrate_v2
from exback_kit.store.migrations import SCHEMA_VERSION as NEWEST
from exback_kit.store.schema import TABLES
from exback_kit.store.sqlite_header import APPLICATION_ID


def _v2_journal(path) -> None:
    """Write a journal exactly as version 2 of the kit left it, with one urge in it."""
    conn = sqlite3.connect(path, isolation_level=None)
    _migrate_v1(conn)
    _migrate_v2(conn)
    conn.execute("INSERT INTO urges (at, day, intensity, trigger, acted_on, helped, note) "
                 "VALUES ('2026-10-03T22:30:00+02:00', '2026-10-03', 7, 'late', 0, 'tea', '')")
    conn.execute(f"PRAGMA application_id = {APPLICATION_ID}")
    conn.execute("PRAGMA user_version = 2")
    conn.close()


def test_a_version_2_journal_gains_the_plans_table_and_keeps_its_urges(tmp_path):
    path = tmp_path / "old.sqlite3"
    _v2_journal(path)
    with Journal.open(path, backup=False) as j:
        assert j.schema_version == SCHEMA_VERSION >= 4
        columns = {row[1] for row in j.execute_read("PRAGMA table_info(plans)")}
        assert columns == {"id", "at", "day", *(f.name for f in TABLES["plans"]),
                           "uuid", "version", "origin"}  # the sync stamps of version 5
        [urge] = j.records("urges")
        assert (urge["day"], urge["helped"], urge["acted_on"]) == (date(2026, 10, 3), "tea", False)
        pid = j.add("plans", weekday="sat", start_time="22:00", action="make tea")
        j.update("plans", pid, action="make tea and text Jo")
    with Journal.open(path, backup=False) as j:  # opening again migrates nothing twice
        assert j.records("plans")[0]["action"] == "make tea and text Jo"


def test_every_version_up_to_the_newest_has_its_migration():
    assert sorted(MIGRATIONS) == list(range(1, NEWEST + 1))
