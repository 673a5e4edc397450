"""Rebuild tests/data/journal_v1.sqlite3: a journal as version 1 of the kit wrote it.

Run once from the repository root: ``python tests/data/make_v1_journal.py``.
The file is committed; the migration test copies it into tmp_path.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path

from exback_kit.store.migrations import _migrate_v1
from exback_kit.store.sqlite_header import APPLICATION_ID

OUT = Path(__file__).with_name("journal_v1.sqlite3")


def main() -> None:
    OUT.unlink(missing_ok=True)
    conn = sqlite3.connect(OUT)
    _migrate_v1(conn)
    conn.executemany(
        "INSERT INTO checkins (at, day, mood, sleep_hours, habits, note) VALUES (?,?,?,?,?,?)",
        [("2025-01-03T21:10:00+01:00", "2025-01-03", 4, 6.0, '["exercise"]', "first week"),
         ("2025-01-04T08:00:00+01:00", "2025-01-04", 6, None, "[]", "")])
    conn.execute("INSERT INTO contacts (at, day, initiated_by, channel, replied, logistics, "
                 "note) VALUES ('2025-01-05T12:00:00+01:00', '2025-01-05', 'them', 'text', 0, "
                 "1, 'keys')")
    conn.execute("INSERT INTO urges (at, day, intensity, trigger, acted_on, helped, note) "
                 "VALUES ('2025-01-05T23:30:00+01:00', '2025-01-05', 8, 'late night', 0, "
                 "'walk', '')")
    conn.execute("INSERT INTO answers (at, day, step, question, value) "
                 "VALUES ('2025-01-06T10:00:00+01:00', '2025-01-06', 2, 'still_in_love', "
                 "'\"yes\"')")
    conn.execute("INSERT INTO settings (key, value, at) VALUES ('habits', '[\"exercise\"]', "
                 "'2025-01-03T21:00:00+01:00')")
    conn.execute(f"PRAGMA application_id = {APPLICATION_ID}")
    conn.execute("PRAGMA user_version = 1")
    conn.commit()
    conn.close()


if __name__ == "__main__":
    main()
