"""The journal's schema, version by version. Each migration is code; never edit a shipped one.

``PRAGMA user_version`` holds the version a journal is at; :data:`MIGRATIONS`
maps each version to the code that brings the previous version there.
"""

from __future__ import annotations

import sqlite3

from exback_kit.store import search_words
from exback_kit.store.search_words import (
    COLUMNS,
    SEARCH_STRIDE,
    SOURCES_V7,
    SOURCES_V9,
    fill,
    index_row,
    search_queue_sql,
)

SCHEMA_VERSION = 11

# Version 1 as it shipped: the four core logs and settings. Frozen: never edit.
_V1 = """
CREATE TABLE settings (key TEXT PRIMARY KEY, value TEXT NOT NULL, at TEXT NOT NULL);
CREATE TABLE checkins (id INTEGER PRIMARY KEY, at TEXT NOT NULL, day TEXT NOT NULL,
    mood INTEGER NOT NULL, sleep_hours REAL, habits TEXT, note TEXT);
CREATE TABLE contacts (id INTEGER PRIMARY KEY, at TEXT NOT NULL, day TEXT NOT NULL,
    initiated_by TEXT NOT NULL, channel TEXT, replied INTEGER, logistics INTEGER, note TEXT);
CREATE TABLE urges (id INTEGER PRIMARY KEY, at TEXT NOT NULL, day TEXT NOT NULL,
    intensity INTEGER NOT NULL, trigger TEXT, acted_on INTEGER, helped TEXT, note TEXT);
CREATE TABLE answers (id INTEGER PRIMARY KEY, at TEXT NOT NULL, day TEXT NOT NULL,
    step INTEGER NOT NULL, question TEXT NOT NULL, value TEXT NOT NULL);
CREATE INDEX checkins_day ON checkins(day);
CREATE INDEX contacts_day ON contacts(day);
CREATE INDEX answers_step ON answers(step, question);
"""

# Tables added in version 2, in the shape they had then.
# Version 2 as it shipped: energy in check-ins and one table per stage tool. Frozen: never edit.
_V2 = """
ALTER TABLE checkins ADD COLUMN energy INTEGER;
CREATE INDEX urges_day ON urges(day);
CREATE TABLE decisions (id INTEGER PRIMARY KEY, at TEXT NOT NULL, day TEXT NOT NULL,
    decision TEXT, reasons TEXT);
CREATE TABLE nocontact_periods (id INTEGER PRIMARY KEY, at TEXT NOT NULL, day TEXT NOT NULL,
    start_day TEXT, target_days INTEGER, note TEXT);
CREATE TABLE signals (id INTEGER PRIMARY KEY, at TEXT NOT NULL, day TEXT NOT NULL,
    source TEXT, what TEXT, warmth INTEGER, note TEXT);
CREATE TABLE meetings (id INTEGER PRIMARY KEY, at TEXT NOT NULL, day TEXT NOT NULL,
    place TEXT, felt INTEGER, their_engagement INTEGER, light_topics INTEGER,
    old_wounds INTEGER, flirting TEXT, flirt_landed TEXT, intimacy_waited INTEGER, note TEXT);
CREATE TABLE unsent (id INTEGER PRIMARY KEY, at TEXT NOT NULL, day TEXT NOT NULL,
    text TEXT, cooling_hours INTEGER, status TEXT, reviewed_at TEXT, review_note TEXT);
CREATE TABLE reachouts (id INTEGER PRIMARY KEY, at TEXT NOT NULL, day TEXT NOT NULL,
    plan TEXT, expectation TEXT, why TEXT, outcome TEXT, outcome_at TEXT);
CREATE TABLE instrument_results (id INTEGER PRIMARY KEY, at TEXT NOT NULL, day TEXT NOT NULL,
    instrument TEXT, items TEXT, raw INTEGER, score REAL);
CREATE TABLE patterns (id INTEGER PRIMARY KEY, at TEXT NOT NULL, day TEXT NOT NULL,
    pattern TEXT, root TEXT, plan TEXT);
CREATE TABLE repairs (id INTEGER PRIMARY KEY, at TEXT NOT NULL, day TEXT NOT NULL,
    issue TEXT, plan TEXT, status TEXT);
CREATE TABLE agreements (id INTEGER PRIMARY KEY, at TEXT NOT NULL, day TEXT NOT NULL,
    text TEXT, note TEXT);
CREATE TABLE milestones (id INTEGER PRIMARY KEY, at TEXT NOT NULL, day TEXT NOT NULL,
    title TEXT, target_day TEXT, done_day TEXT, note TEXT);
CREATE TABLE old_habits (id INTEGER PRIMARY KEY, at TEXT NOT NULL, day TEXT NOT NULL,
    habit TEXT, note TEXT);
"""

# Version 3: how much the ex took up your mind (check-ins) and the moving-on stage's tables.
# Frozen: never edit.
_V3 = """
ALTER TABLE checkins ADD COLUMN mind INTEGER;
CREATE TABLE reflections (id INTEGER PRIMARY KEY, at TEXT NOT NULL, day TEXT NOT NULL,
    topic TEXT NOT NULL, question TEXT NOT NULL, value TEXT NOT NULL);
CREATE INDEX reflections_topic ON reflections(topic, question);
CREATE TABLE reappraisals (id INTEGER PRIMARY KEY, at TEXT NOT NULL, day TEXT NOT NULL,
    what TEXT, pleasant TEXT, feelings_before INTEGER, mood_before INTEGER,
    feelings_after INTEGER, mood_after INTEGER, after_at TEXT, note TEXT);
CREATE TABLE checklist_items (id INTEGER PRIMARY KEY, at TEXT NOT NULL, day TEXT NOT NULL,
    checklist TEXT, item TEXT, done_day TEXT, note TEXT);
"""

# Version 4: if-then plans for risky windows of the week. Frozen: never edit.
_V4 = """
CREATE TABLE plans (id INTEGER PRIMARY KEY, at TEXT NOT NULL, day TEXT NOT NULL,
    weekday TEXT, start_time TEXT, action TEXT, ended_at TEXT);
"""


# Version 5: several devices, no server. Every record gets a stable UUID (the same entry
# is the same entry on every device), a version (a hybrid logical clock stamp; '' for
# rows written before this) and the device that wrote that version (NULL until this
# device first sends it). Settings get a version and origin too; sync_state keeps
# the clock and the folders this journal joined, sync_reads the read position of
# every sync file. Frozen: never edit.
_V5 = """
ALTER TABLE checkins ADD COLUMN uuid TEXT;
ALTER TABLE checkins ADD COLUMN version TEXT NOT NULL DEFAULT '';
ALTER TABLE checkins ADD COLUMN origin TEXT;
CREATE UNIQUE INDEX checkins_uuid ON checkins(uuid);
ALTER TABLE contacts ADD COLUMN uuid TEXT;
ALTER TABLE contacts ADD COLUMN version TEXT NOT NULL DEFAULT '';
ALTER TABLE contacts ADD COLUMN origin TEXT;
CREATE UNIQUE INDEX contacts_uuid ON contacts(uuid);
ALTER TABLE urges ADD COLUMN uuid TEXT;
ALTER TABLE urges ADD COLUMN version TEXT NOT NULL DEFAULT '';
ALTER TABLE urges ADD COLUMN origin TEXT;
CREATE UNIQUE INDEX urges_uuid ON urges(uuid);
ALTER TABLE answers ADD COLUMN uuid TEXT;
ALTER TABLE answers ADD COLUMN version TEXT NOT NULL DEFAULT '';
ALTER TABLE answers ADD COLUMN origin TEXT;
CREATE UNIQUE INDEX answers_uuid ON answers(uuid);
ALTER TABLE decisions ADD COLUMN uuid TEXT;
ALTER TABLE decisions ADD COLUMN version TEXT NOT NULL DEFAULT '';
ALTER TABLE decisions ADD COLUMN origin TEXT;
CREATE UNIQUE INDEX decisions_uuid ON decisions(uuid);
ALTER TABLE nocontact_periods ADD COLUMN uuid TEXT;
ALTER TABLE nocontact_periods ADD COLUMN version TEXT NOT NULL DEFAULT '';
ALTER TABLE nocontact_periods ADD COLUMN origin TEXT;
CREATE UNIQUE INDEX nocontact_periods_uuid ON nocontact_periods(uuid);
ALTER TABLE signals ADD COLUMN uuid TEXT;
ALTER TABLE signals ADD COLUMN version TEXT NOT NULL DEFAULT '';
ALTER TABLE signals ADD COLUMN origin TEXT;
CREATE UNIQUE INDEX signals_uuid ON signals(uuid);
ALTER TABLE meetings ADD COLUMN uuid TEXT;
ALTER TABLE meetings ADD COLUMN version TEXT NOT NULL DEFAULT '';
ALTER TABLE meetings ADD COLUMN origin TEXT;
CREATE UNIQUE INDEX meetings_uuid ON meetings(uuid);
ALTER TABLE unsent ADD COLUMN uuid TEXT;
ALTER TABLE unsent ADD COLUMN version TEXT NOT NULL DEFAULT '';
ALTER TABLE unsent ADD COLUMN origin TEXT;
CREATE UNIQUE INDEX unsent_uuid ON unsent(uuid);
ALTER TABLE reachouts ADD COLUMN uuid TEXT;
ALTER TABLE reachouts ADD COLUMN version TEXT NOT NULL DEFAULT '';
ALTER TABLE reachouts ADD COLUMN origin TEXT;
CREATE UNIQUE INDEX reachouts_uuid ON reachouts(uuid);
ALTER TABLE instrument_results ADD COLUMN uuid TEXT;
ALTER TABLE instrument_results ADD COLUMN version TEXT NOT NULL DEFAULT '';
ALTER TABLE instrument_results ADD COLUMN origin TEXT;
CREATE UNIQUE INDEX instrument_results_uuid ON instrument_results(uuid);
ALTER TABLE patterns ADD COLUMN uuid TEXT;
ALTER TABLE patterns ADD COLUMN version TEXT NOT NULL DEFAULT '';
ALTER TABLE patterns ADD COLUMN origin TEXT;
CREATE UNIQUE INDEX patterns_uuid ON patterns(uuid);
ALTER TABLE repairs ADD COLUMN uuid TEXT;
ALTER TABLE repairs ADD COLUMN version TEXT NOT NULL DEFAULT '';
ALTER TABLE repairs ADD COLUMN origin TEXT;
CREATE UNIQUE INDEX repairs_uuid ON repairs(uuid);
ALTER TABLE agreements ADD COLUMN uuid TEXT;
ALTER TABLE agreements ADD COLUMN version TEXT NOT NULL DEFAULT '';
ALTER TABLE agreements ADD COLUMN origin TEXT;
CREATE UNIQUE INDEX agreements_uuid ON agreements(uuid);
ALTER TABLE milestones ADD COLUMN uuid TEXT;
ALTER TABLE milestones ADD COLUMN version TEXT NOT NULL DEFAULT '';
ALTER TABLE milestones ADD COLUMN origin TEXT;
CREATE UNIQUE INDEX milestones_uuid ON milestones(uuid);
ALTER TABLE old_habits ADD COLUMN uuid TEXT;
ALTER TABLE old_habits ADD COLUMN version TEXT NOT NULL DEFAULT '';
ALTER TABLE old_habits ADD COLUMN origin TEXT;
CREATE UNIQUE INDEX old_habits_uuid ON old_habits(uuid);
ALTER TABLE reflections ADD COLUMN uuid TEXT;
ALTER TABLE reflections ADD COLUMN version TEXT NOT NULL DEFAULT '';
ALTER TABLE reflections ADD COLUMN origin TEXT;
CREATE UNIQUE INDEX reflections_uuid ON reflections(uuid);
ALTER TABLE reappraisals ADD COLUMN uuid TEXT;
ALTER TABLE reappraisals ADD COLUMN version TEXT NOT NULL DEFAULT '';
ALTER TABLE reappraisals ADD COLUMN origin TEXT;
CREATE UNIQUE INDEX reappraisals_uuid ON reappraisals(uuid);
ALTER TABLE checklist_items ADD COLUMN uuid TEXT;
ALTER TABLE checklist_items ADD COLUMN version TEXT NOT NULL DEFAULT '';
ALTER TABLE checklist_items ADD COLUMN origin TEXT;
CREATE UNIQUE INDEX checklist_items_uuid ON checklist_items(uuid);
ALTER TABLE plans ADD COLUMN uuid TEXT;
ALTER TABLE plans ADD COLUMN version TEXT NOT NULL DEFAULT '';
ALTER TABLE plans ADD COLUMN origin TEXT;
CREATE UNIQUE INDEX plans_uuid ON plans(uuid);
ALTER TABLE settings ADD COLUMN version TEXT NOT NULL DEFAULT '';
ALTER TABLE settings ADD COLUMN origin TEXT;
CREATE TABLE sync_state (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE sync_reads (folder TEXT NOT NULL, device TEXT NOT NULL, file TEXT NOT NULL,
    position INTEGER NOT NULL, tail BLOB NOT NULL, records INTEGER NOT NULL,
    read_at TEXT NOT NULL, PRIMARY KEY (folder, device, file));
"""

# Imported entries: which check-in each entry of another app's export became, keyed by
# the entry's identity (everything the export says about it), with the row as it was
# read. A re-import finds its check-ins here, so it updates them instead of adding
# copies. Local to this journal (the check-in itself syncs). Frozen: never edit.
_IMPORTED_ENTRIES = """
CREATE TABLE imported_entries (source TEXT NOT NULL, identity TEXT NOT NULL,
    checkin_uuid TEXT NOT NULL, raw TEXT NOT NULL, at TEXT NOT NULL,
    PRIMARY KEY (source, identity));
CREATE INDEX imported_entries_checkin ON imported_entries(checkin_uuid);
"""

# Sync folders this journal belongs to, with what the folder's lines are signed with: the
# join code (the folder key is derived from it; it never lies in the folder), a locked
# folder's age identity once unsealed (so a round costs no KDF), the folder's path here
# (a re-created folder heals) and the newest version this device wrote there ("sent" is
# per folder). Inside the journal, so a locked journal keeps them encrypted. sync_reads
# also keeps the number of the last line read (-1: not known), so a round reads only
# what is new of each file and still names a bad line by its number.
_SYNC_FOLDERS = """
CREATE TABLE sync_folders (folder TEXT PRIMARY KEY, path TEXT NOT NULL, code BLOB NOT NULL,
    identity TEXT, sent TEXT, joined_at TEXT NOT NULL);
ALTER TABLE sync_reads ADD COLUMN line INTEGER NOT NULL DEFAULT -1;
"""

# Version 9: hard moments and a self of your own. An urge ridden out with the SOS keeps its
# strength afterwards; "who am I now" notes, a weekly "I know who I am apart from them"
# rating, and a plan for each hard moment (a dated one goes into the calendar).
# Frozen: never edit.
_HARD_MOMENTS_AND_SELF = """
ALTER TABLE urges ADD COLUMN intensity_after INTEGER;
ALTER TABLE urges ADD COLUMN rode_it_out INTEGER;
CREATE TABLE self_notes (id INTEGER PRIMARY KEY, at TEXT NOT NULL, day TEXT NOT NULL,
    about TEXT, item TEXT, since TEXT, uuid TEXT, version TEXT NOT NULL DEFAULT '', origin TEXT);
CREATE UNIQUE INDEX self_notes_uuid ON self_notes(uuid);
CREATE TABLE clarity_ratings (id INTEGER PRIMARY KEY, at TEXT NOT NULL, day TEXT NOT NULL,
    rating INTEGER, uuid TEXT, version TEXT NOT NULL DEFAULT '', origin TEXT);
CREATE UNIQUE INDEX clarity_ratings_uuid ON clarity_ratings(uuid);
CREATE TABLE moment_plans (id INTEGER PRIMARY KEY, at TEXT NOT NULL, day TEXT NOT NULL,
    moment TEXT, occasion TEXT, occasion_day TEXT, plan TEXT, uuid TEXT,
    version TEXT NOT NULL DEFAULT '', origin TEXT);
CREATE UNIQUE INDEX moment_plans_uuid ON moment_plans(uuid);
"""

#: Every record a UUID, in one UPDATE per table (SQLite has no uuid4 of its own).
_UUID4 = ("lower(hex(randomblob(4))) || '-' || lower(hex(randomblob(2))) || '-4' || "
          "substr(lower(hex(randomblob(2))), 2) || '-' || "
          "substr('89ab', 1 + abs(random()) % 4, 1) || "
          "substr(lower(hex(randomblob(2))), 2) || '-' || lower(hex(randomblob(6)))")


# Version 7: full-text search over every free text the person wrote, inside the journal
# itself (so a locked journal's index is encrypted with it); search_words.py says which
# words of each entry, and how an index row is laid out.
# A save only queues the entry's words in search_pending (its triggers: every write, a
# synced one included); a search first moves what is queued into the index in one
# transaction (Journal.index_pending). Writing FTS5 in each save's own transaction cost
# 1.26x a save's CPU and twice its -wal pages. An empty body queued means "no longer
# there". Frozen: never edit (version 11 changed what a save queues).
_SEARCH_TABLES = (
    "CREATE VIRTUAL TABLE search_index USING fts5(body, kind UNINDEXED, place UNINDEXED, "
    "day UNINDEXED, at UNINDEXED, tokenize = 'unicode61 remove_diacritics 2', prefix = '2 3')",
    "CREATE TABLE search_pending (rowid INTEGER PRIMARY KEY, body TEXT NOT NULL, kind TEXT, "
    "place TEXT, day TEXT, at TEXT)",
)


def _search_statements() -> list[str]:
    return [*_SEARCH_TABLES, *_search_triggers(SOURCES_V7)]


def _search_triggers(sources: tuple[tuple[int, str, tuple[str, ...]], ...]) -> list[str]:
    """Return the triggers that queue each source's words, and its existing rows' index rows."""
    out = []
    for number, table, columns in sources:
        body, values = search_words.body("new", columns), index_row("new", number, table, columns)
        old = f"old.id * {SEARCH_STRIDE} + {number}"
        unqueue = f"DELETE FROM search_pending WHERE rowid = {old}"
        out += [
            f"CREATE TRIGGER search_{table}_insert AFTER INSERT ON {table} WHEN {body} <> '' "
            f"BEGIN INSERT INTO search_pending {COLUMNS} VALUES ({values}); END",
            f"CREATE TRIGGER search_{table}_update AFTER UPDATE OF at, day, "
            f"{', '.join(columns)} ON {table} BEGIN {unqueue}; "
            f"INSERT INTO search_pending {COLUMNS} VALUES ({values}); END",
            f"CREATE TRIGGER search_{table}_delete AFTER DELETE ON {table} BEGIN {unqueue}; "
            f"INSERT INTO search_pending (rowid, body) VALUES ({old}, ''); END",
            # The entries written before this version go straight into the index.
            fill(number, table, columns),
        ]
    return out


def _run(conn: sqlite3.Connection, script: str) -> None:
    # One statement at a time: executescript() would COMMIT the caller's transaction.
    for statement in script.split(";"):
        if statement.strip():
            conn.execute(statement)


def _migrate_v1(conn: sqlite3.Connection) -> None:
    _run(conn, _V1)


def _migrate_v2(conn: sqlite3.Connection) -> None:
    _run(conn, _V2)


def _migrate_v3(conn: sqlite3.Connection) -> None:
    _run(conn, _V3)


def _migrate_v4(conn: sqlite3.Connection) -> None:
    _run(conn, _V4)


def _migrate_v5(conn: sqlite3.Connection) -> None:
    _run(conn, _V5)
    for table in ("checkins", "contacts", "urges", "answers", "decisions",
                  "nocontact_periods", "signals", "meetings", "unsent", "reachouts",
                  "instrument_results", "patterns", "repairs", "agreements", "milestones",
                  "old_habits", "reflections", "reappraisals", "checklist_items", "plans"):
        conn.execute(f"UPDATE {table} SET uuid = {_UUID4} WHERE uuid IS NULL")


def _migrate_imported_entries(conn: sqlite3.Connection) -> None:
    _run(conn, _IMPORTED_ENTRIES)


def _migrate_search_index(conn: sqlite3.Connection) -> None:
    # Not _run: a trigger's body holds semicolons of its own.
    for statement in _search_statements():
        conn.execute(statement)


def _migrate_sync_folders(conn: sqlite3.Connection) -> None:
    _run(conn, _SYNC_FOLDERS)


def _migrate_hard_moments_and_self(conn: sqlite3.Connection) -> None:
    _run(conn, _HARD_MOMENTS_AND_SELF)
    for statement in _search_triggers(SOURCES_V9):  # their words are found too
        conn.execute(statement)


# Table stamps: a random stamp per entry table, renewed by triggers on every insert, update
# or delete from any process, so a kernel knows which tables changed without reading them.
# Random rather than a counter: a restored backup or a rewrite never repeats a newer stamp.
# Frozen: never edit.
_TABLE_STAMPS = """
CREATE TABLE table_stamps (name TEXT PRIMARY KEY, stamp INTEGER NOT NULL) WITHOUT ROWID;
INSERT INTO table_stamps (name, stamp) VALUES ('{table}', random());
CREATE TRIGGER {table}_stamp_{event} AFTER {event} ON {table}
    BEGIN UPDATE table_stamps SET stamp = random() WHERE name = '{table}'; END
"""
_STAMPED = ("checkins", "contacts", "urges", "answers", "decisions", "nocontact_periods",
            "signals", "meetings", "unsent", "reachouts", "instrument_results", "patterns",
            "repairs", "agreements", "milestones", "old_habits", "reflections", "reappraisals",
            "checklist_items", "plans", "self_notes", "clarity_ratings", "moment_plans")


def _migrate_table_stamps(conn: sqlite3.Connection) -> None:
    create, insert, trigger = _TABLE_STAMPS.strip().split("\n", 2)
    conn.execute(create.rstrip(";"))
    for table in _STAMPED:
        conn.execute(insert.rstrip(";").format(table=table))
        for event in ("INSERT", "UPDATE", "DELETE"):
            conn.execute(trigger.format(table=table, event=event))


# Version 11: one trigger per table and event, which renews the table's stamp and, for a
# table with words, queues only which entry changed (its index rowid); the entry's words
# are read when the queue moves into the index (search_queue.py), no longer in the
# trigger. An update queues the entry only when something its index row holds changed
# (not, say, the origin a sync records). SQLite parses every trigger of the schema on a
# connection's first read: the schema cost 12.0 M instructions at every open, 10.2 M of
# it the 132 triggers (8.3 M the words' expressions); about 6 M with these 69. Version 10's
# queue is moved into the index first. Frozen: never edit.
_V10_QUEUE_INTO_THE_INDEX = (
    "DELETE FROM search_index WHERE rowid IN (SELECT rowid FROM search_pending)",
    "INSERT INTO search_index (rowid, body, kind, place, day, at) "
    "SELECT rowid, body, kind, place, day, at FROM search_pending WHERE body <> ''",
    "DROP TABLE search_pending",
    "CREATE TABLE search_pending (rowid INTEGER PRIMARY KEY)",
)
_CHANGED = """CREATE TRIGGER {table}_changed_{event} AFTER {event} ON {table}
    BEGIN {queue}UPDATE table_stamps SET stamp = random() WHERE name = '{table}'; END"""


def _migrate_queue_by_entry(conn: sqlite3.Connection) -> None:
    for statement in _V10_QUEUE_INTO_THE_INDEX:
        conn.execute(statement)
    sources = {table: (number, columns) for number, table, columns in SOURCES_V7 + SOURCES_V9}
    for table in _STAMPED:
        for event in ("INSERT", "UPDATE", "DELETE"):
            conn.execute(f"DROP TRIGGER IF EXISTS {table}_stamp_{event}")
            conn.execute(f"DROP TRIGGER IF EXISTS search_{table}_{event.lower()}")
            queue = ""
            if table in sources:
                number, columns = sources[table]
                queue = search_queue_sql(event, number, table, columns)
            conn.execute(_CHANGED.format(table=table, event=event, queue=queue))


#: version reached -> code that brings the previous version there.
MIGRATIONS = {1: _migrate_v1, 2: _migrate_v2, 3: _migrate_v3, 4: _migrate_v4, 5: _migrate_v5,
              6: _migrate_imported_entries, 7: _migrate_search_index,
              8: _migrate_sync_folders, 9: _migrate_hard_moments_and_self,
              10: _migrate_table_stamps, 11: _migrate_queue_by_entry}
