"""The journal's schema, version by version. Each migration is code; never edit a shipped one.

``PRAGMA user_version`` holds the version a journal is at; :data:`MIGRATIONS`
maps each version to the code that brings the previous version there.
"""

from __future__ import annotations

import sqlite3

SCHEMA_VERSION = 4

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


#: version reached -> code that brings the previous version there.
MIGRATIONS = {1: _migrate_v1, 2: _migrate_v2, 3: _migrate_v3, 4: _migrate_v4}
