"""Table stamps: which entry tables changed, renewed by triggers on every write from anywhere."""

from __future__ import annotations

import shutil
import sqlite3
from pathlib import Path

from exback_kit import Journal
from exback_kit.store.migrations import MIGRATIONS
from exback_kit.store.schema import TABLES

DATA = Path(__file__).resolve().parent.parent / "data"


def _changed(before: dict[str, object], after: dict[str, object]) -> set[str]:
    return {kind for kind in TABLES if before[kind] != after[kind]}


def test_a_write_renews_the_stamp_of_its_own_table_only(journal: Journal) -> None:
    before = journal.table_stamps()
    assert set(before) == set(TABLES)
    journal.add_checkin(mood=5)
    after = journal.table_stamps()
    assert _changed(before, after) == {"checkins"}
    entry = journal.add("patterns", pattern="jealousy", root="old fear")
    journal.update("patterns", entry, plan="talk it through")
    assert _changed(after, journal.table_stamps()) == {"patterns"}


def test_a_write_from_another_connection_renews_it(journal: Journal) -> None:
    before = journal.table_stamps()
    with Journal.open(journal.path, backup=False) as other:
        other.log_urge(intensity=4)
    assert _changed(before, journal.table_stamps()) == {"urges"}


def test_a_delete_outside_the_kit_renews_it(journal: Journal) -> None:
    journal.log_contact(initiated_by="them")
    before = journal.table_stamps()
    conn = sqlite3.connect(journal.path)
    with conn:
        conn.execute("DELETE FROM contacts")
    conn.close()
    assert _changed(before, journal.table_stamps()) == {"contacts"}


def test_an_older_journal_gains_stamps_and_triggers(tmp_path: Path) -> None:
    path = tmp_path / "journal.sqlite3"
    shutil.copy(DATA / "journal_v2.sqlite3", path)
    with Journal.open(path, backup=False) as journal:
        assert journal.schema_version == max(MIGRATIONS)
        before = journal.table_stamps()
        assert all(isinstance(v, int) for v in before.values())
        journal.add_checkin(mood=3)
        assert _changed(before, journal.table_stamps()) == {"checkins"}


def test_without_the_stamps_table_any_write_counts_as_a_change(journal: Journal) -> None:
    conn = sqlite3.connect(journal.path)
    with conn:
        for (name,) in conn.execute("SELECT name FROM sqlite_master WHERE type = 'trigger'"
                                    " AND name LIKE '%_changed_%'").fetchall():
            conn.execute(f"DROP TRIGGER {name}")
        conn.execute("DROP TABLE table_stamps")
    conn.close()
    before = journal.table_stamps()
    assert journal.table_stamps() == before
    journal.add_checkin(mood=5)
    assert _changed(before, journal.table_stamps()) == set(TABLES)
