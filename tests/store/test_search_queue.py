"""The search queue since schema version 11: a save's trigger queues only which entry changed
(and renews its table's stamp); the words are read from the entry on the next search."""

from __future__ import annotations

import sqlite3

import pytest

from exback_kit import Journal
from exback_kit.store import search
from exback_kit.store.migrations import _STAMPED, MIGRATIONS, _migrate_queue_by_entry
from exback_kit.store.search_words import SEARCH_SOURCES, SEARCH_STRIDE
from tests.store.test_search import REQUIRED, journal_before

#: What only the words' expressions hold: a trigger that has none of it queues ids only.
WORDS_SQL = ("rtrim(", "json_extract(", "coalesce(", "CASE ")


def _triggers(conn: sqlite3.Connection) -> dict[str, str]:
    return dict(conn.execute("SELECT name, sql FROM sqlite_master WHERE type = 'trigger'"))


def _pending(journal: Journal) -> list[int]:
    return [r[0] for r in journal.execute_read("SELECT rowid FROM search_pending ORDER BY 1")]


def _found(journal: Journal, words: str) -> list[tuple[str, int]]:
    return [(h.kind, h.entry_id) for h in search.search(journal, words, include_vault=True).hits]


def test_one_short_trigger_per_table_and_event_and_nothing_else(journal):
    conn = sqlite3.connect(journal.path)
    found = _triggers(conn)
    conn.close()
    assert set(found) == {f"{t}_changed_{e}" for t in _STAMPED for e in ("INSERT", "UPDATE",
                                                                          "DELETE")}
    assert [name for name, sql in found.items() if any(w in sql for w in WORDS_SQL)] == []
    searched = {table for _, table, _ in SEARCH_SOURCES}
    assert searched <= set(_STAMPED)
    for name, sql in found.items():
        assert ("search_pending" in sql) == (name.rsplit("_changed_", 1)[0] in searched), name


def _write(journal: Journal, sql: str, *params: object) -> None:
    """Write as another program would (the kit changes few fields; a synced merge may)."""
    conn = sqlite3.connect(journal.path)
    with conn:
        conn.execute(sql, params)
    conn.close()


@pytest.mark.parametrize(("number", "kind", "columns"), SEARCH_SOURCES,
                         ids=[kind for _, kind, _ in SEARCH_SOURCES])
def test_each_write_queues_its_entry_once_and_the_search_reads_its_words_as_they_are_now(
        journal, number, kind, columns):
    json_value = columns == ("value",)
    entry = journal.add(kind, **REQUIRED[kind],
                        **{c: "a kestrel hovering" if json_value else "kestrel" for c in columns})
    assert _pending(journal) == [entry * SEARCH_STRIDE + number]
    assert _found(journal, "kestrel") == [(kind, entry)]
    assert _pending(journal) == []
    osprey = '"an osprey diving"' if json_value else "osprey"
    every = ", ".join(f"{c} = ?" for c in columns)
    for _ in range(2):
        _write(journal, f"UPDATE {kind} SET {every} WHERE id = ?",
               *[osprey] * len(columns), entry)
    assert _pending(journal) == [entry * SEARCH_STRIDE + number]  # twice changed, queued once
    assert _found(journal, "kestrel") == []
    assert _found(journal, "osprey") == [(kind, entry)]
    _write(journal, f"DELETE FROM {kind} WHERE id = ?", entry)
    assert _pending(journal) == [entry * SEARCH_STRIDE + number]
    assert _found(journal, "osprey") == []
    assert journal.execute_read("SELECT count(*) FROM search_index")[0][0] == 0


def test_an_update_queues_its_entry_only_when_its_index_row_would_change(journal):
    """A sync records each sent entry's origin, a merge its version: neither is in the
    index row, so neither requeues the entry; its place is (an answer's step:question)."""
    note = journal.add_checkin(mood=5, note="a kestrel")
    answer = journal.save_answer(2, "what_drove_us_apart", "the long distance, mostly")
    _found(journal, "kestrel")
    _write(journal, "UPDATE checkins SET origin = 'elsewhere', version = version + 1")
    _write(journal, "UPDATE answers SET origin = 'elsewhere'")
    assert _pending(journal) == []
    _write(journal, "UPDATE answers SET question = 'what_i_miss' WHERE id = ?", answer)
    assert _pending(journal) == [answer * SEARCH_STRIDE + 4]
    assert [h.place for h in search.search(journal, "distance").hits] == ["2:what_i_miss"]
    _write(journal, "UPDATE checkins SET id = 40 WHERE id = ?", note)
    assert _pending(journal) == [note * SEARCH_STRIDE + 1, 40 * SEARCH_STRIDE + 1]
    assert _found(journal, "kestrel") == [("checkins", 40)]


def test_an_entry_whose_id_was_set_below_zero_by_hand_is_still_found(journal):
    journal.add_checkin(mood=5, note="a heron")
    _write(journal, "UPDATE checkins SET id = -3")
    assert _found(journal, "heron") == [("checkins", -3)]


def test_an_entry_without_words_is_queued_and_leaves_no_index_row(journal):
    journal.add_checkin(mood=5)
    journal.log_urge(6)
    assert len(_pending(journal)) == 2
    assert _found(journal, "anything") == []
    assert _pending(journal) == []
    assert journal.execute_read("SELECT count(*) FROM search_index")[0][0] == 0


def test_a_table_without_words_renews_its_stamp_and_queues_nothing(journal):
    before = journal.table_stamps()["clarity_ratings"]
    journal.add("clarity_ratings", rating=5)
    assert journal.table_stamps()["clarity_ratings"] != before
    assert _pending(journal) == []


def _journal_at_version_10(path) -> None:
    """A journal as version 10 left it: words a save queued, with their bodies, not yet indexed."""
    conn = journal_before(path, _migrate_queue_by_entry)
    conn.execute("INSERT INTO checkins (at, day, mood, note, uuid) VALUES "
                 "('2026-05-01T08:00:00+00:00', '2026-05-01', 5, 'a heron at dawn', 'u1')")
    conn.execute("INSERT INTO patterns (at, day, pattern, uuid) VALUES "
                 "('2026-05-02T08:00:00+00:00', '2026-05-02', 'heron-still waiting', 'u2')")
    conn.execute("UPDATE patterns SET pattern = 'waiting like a heron' WHERE uuid = 'u2'")
    assert conn.execute("SELECT count(*) FROM search_pending").fetchone()[0] == 2
    assert len(_triggers(conn)) == 132
    conn.close()


def test_version_10s_queue_is_indexed_by_the_migration_and_its_triggers_replaced(tmp_path):
    path = tmp_path / "journal.sqlite3"
    _journal_at_version_10(path)
    with Journal.open(path, backup=False) as journal:
        assert journal.schema_version == max(MIGRATIONS)
        assert _pending(journal) == []
        assert journal.execute_read("SELECT count(*) FROM search_index")[0][0] == 2
        assert sorted(_found(journal, "heron")) == [("checkins", 1), ("patterns", 1)]
        before = journal.table_stamps()
        journal.add_checkin(mood=6, note="the heron again")
        assert journal.table_stamps()["checkins"] != before["checkins"]
        assert journal.table_stamps()["patterns"] == before["patterns"]
        assert len(_found(journal, "heron")) == 3
    conn = sqlite3.connect(path)
    assert len(_triggers(conn)) == 3 * len(_STAMPED)
    conn.close()


def test_a_trigger_the_kit_did_not_write_is_kept(tmp_path):
    """The migration drops only its own triggers, by name: nothing the kit didn't write."""
    path = tmp_path / "journal.sqlite3"
    _journal_at_version_10(path)
    conn = sqlite3.connect(path, isolation_level=None)
    conn.execute("CREATE TABLE mine (n INTEGER)")
    conn.execute("CREATE TRIGGER my_own AFTER INSERT ON checkins BEGIN "
                 "INSERT INTO mine VALUES (new.mood); END")
    conn.close()
    with Journal.open(path, backup=False) as journal:
        journal.add_checkin(mood=8)
    conn = sqlite3.connect(path)
    assert "my_own" in _triggers(conn)
    assert conn.execute("SELECT n FROM mine").fetchall() == [(8,)]
    conn.close()
