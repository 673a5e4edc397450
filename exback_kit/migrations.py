"""The journal's schema, version by version. Each migration is code; never edit a shipped one.

``PRAGMA user_version`` holds the version a journal is at; :data:`MIGRATIONS`
maps each version to the code that brings the previous version there.
"""

from __future__ import annotations

import sqlite3

from exback_kit.schema import TABLES, Field

SCHEMA_VERSION = 2

_SQL_TYPE = {"int": "INTEGER", "float": "REAL", "bool": "INTEGER"}


def _columns_sql(specs: tuple[Field, ...]) -> str:
    cols = [f"{f.name} {_SQL_TYPE.get(f.kind, 'TEXT')}" for f in specs]
    return ", ".join(["id INTEGER PRIMARY KEY", "at TEXT NOT NULL", "day TEXT NOT NULL", *cols])


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
_V2_KINDS = ("decisions", "nocontact_periods", "signals", "meetings", "unsent", "reachouts",
             "instrument_results", "patterns", "repairs", "agreements", "milestones",
             "old_habits")


def _migrate_v2(conn: sqlite3.Connection) -> None:
    conn.execute("ALTER TABLE checkins ADD COLUMN energy INTEGER")
    for kind in _V2_KINDS:
        conn.execute(f"CREATE TABLE {kind} ({_columns_sql(TABLES[kind])})")
    conn.execute("CREATE INDEX urges_day ON urges(day)")


def _migrate_v1(conn: sqlite3.Connection) -> None:
    for statement in _V1.split(";"):
        if statement.strip():
            conn.execute(statement)


#: version reached -> code that brings the previous version there.
MIGRATIONS = {1: _migrate_v1, 2: _migrate_v2}
