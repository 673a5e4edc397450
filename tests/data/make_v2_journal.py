"""Rebuild tests/data/journal_v2.sqlite3: a journal as version 2 of the kit wrote it.

Run once from the repository root: ``python tests/data/make_v2_journal.py``.
The file is committed; the migration test copies it into tmp_path.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path

from exback_kit.store.migrations import _migrate_v1, _migrate_v2
from exback_kit.store.sqlite_header import APPLICATION_ID

OUT = Path(__file__).with_name("journal_v2.sqlite3")


def main() -> None:
    OUT.unlink(missing_ok=True)
    conn = sqlite3.connect(OUT)
    _migrate_v1(conn)
    _migrate_v2(conn)
    conn.executemany(
        "INSERT INTO checkins (at, day, mood, energy, sleep_hours, habits, note) "
        "VALUES (?,?,?,?,?,?,?)",
        [("2025-03-03T21:10:00+01:00", "2025-03-03", 4, 3, 6.0, '["exercise"]', "a long day"),
         ("2025-03-04T08:00:00+01:00", "2025-03-04", 6, None, None, "[]", "")])
    conn.execute("INSERT INTO decisions (at, day, decision, reasons) "
                 "VALUES ('2025-03-05T12:00:00+01:00', '2025-03-05', 'move_on', 'it is time')")
    conn.execute("INSERT INTO milestones (at, day, title, target_day, done_day, note) "
                 "VALUES ('2025-03-05T12:30:00+01:00', '2025-03-05', 'a walk', '2025-03-09', "
                 "NULL, '')")
    conn.execute("INSERT INTO answers (at, day, step, question, value) "
                 "VALUES ('2025-03-06T10:00:00+01:00', '2025-03-06', 2, 'still_in_love', "
                 "'\"no\"')")
    conn.execute(f"PRAGMA application_id = {APPLICATION_ID}")
    conn.execute("PRAGMA user_version = 2")
    conn.commit()
    conn.close()


if __name__ == "__main__":
    main()
