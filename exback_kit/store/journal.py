"""The journal: one SQLite file on the person's own disk.

Reads and writes go through :class:`Journal`. Every write is validated first
(see :mod:`exback_kit.store.validate`) and runs inside ``BEGIN IMMEDIATE … COMMIT``
with WAL and ``synchronous=FULL``, so several notebooks and the command line
can write at once and a saved entry survives a killed process or a power cut.
This module never imports pandas at start-up; :meth:`Journal.table` does.

``Journal`` is the one owner of the connection and its key: backups, locking, opening,
imports, the queries and the search queue below it work on what it hands them.
"""

from __future__ import annotations

import contextlib
import os
import sqlite3
from collections.abc import Callable, Mapping
from pathlib import Path

from exback_kit.content import texts
from exback_kit.errors import JournalError, ValidationError
from exback_kit.store import backups, clock, imports, queries, search_queue, validate
from exback_kit.store.encryption import is_encrypted
from exback_kit.store.failures import db_errors, explain_failure
from exback_kit.store.merging import merge_rows
from exback_kit.store.migrations import MIGRATIONS, SCHEMA_VERSION
from exback_kit.store.opening import check_existing, configure, connect, file_identity, prepare_file
from exback_kit.store.paths import resolve_path
from exback_kit.store.schema import TABLES, UPDATABLE, known_fields
from exback_kit.store.settings import DEMO_JOURNAL_SETTING, check_setting
from exback_kit.store.sqlite_header import APPLICATION_ID
from exback_kit.store.transactions import write_transaction

TYPE_CHECKING = False  # as typing's, without importing typing at start-up
if TYPE_CHECKING:
    from types import ModuleType  # sqlite3, or sqlcipher3.dbapi2 for a locked journal
    from typing import Any

    import pandas as pd


class Journal:
    """An open journal. Use :meth:`open`; close it, or use it as a context manager."""

    def __init__(self, conn: Any, path: Path, db: ModuleType = sqlite3,
                 key: bytes | None = None) -> None:
        self._conn = conn
        self.path = path
        self._db = db
        self._key = key
        self._identity = file_identity(path)
        #: Called with the journal after each save of the person's (sync sends from here).
        self.after_save: list[Callable[[Journal], None]] = []

    # -- lifecycle ---------------------------------------------------------

    @classmethod
    def open(cls, path: str | os.PathLike[str] | None = None, *, backup: bool = True,
             passphrase: str | None = None, key: bytes | None = None) -> Journal:
        """Open (or create) the journal and bring its schema up to date.

        Args:
            path: the journal file; default ``EXBACK_HOME`` or the per-user data folder.
            backup: copy the journal to ``backups/`` if the newest copy is a day old.
            passphrase: opens a locked journal (default ``EXBACK_PASSPHRASE``); else ignored.
            key: the data key itself (notebook kernels get it from ``exback lab``).

        Raises:
            JournalLocked: the journal is locked and no passphrase (or a wrong one) was given.
            JournalError: the file is not a kit journal, is damaged, is newer than this
                kit, can't be written, or the disk is full.
        """
        path = resolve_path(path)
        existed = prepare_file(path)
        data_key = None
        if existed and is_encrypted(path):
            # late import: the lock's machinery (key file, keyring), for a locked journal only
            from exback_kit.store.locking import data_key_for

            data_key = data_key_for(path, passphrase, key)
        try:
            conn, db = connect(path, data_key)
        except db_errors() as exc:
            raise JournalError(texts.NETWORK_FOLDER.format(path=path, reason=exc)) from None
        try:
            version = check_existing(path, conn, db, data_key is not None) if existed else 0
            journal = cls(conn, path, db, data_key)
            configure(conn)
            if version < SCHEMA_VERSION:
                if backup and version > 0:  # a copy as it was: a migration can't be undone
                    journal.backup(label=f"before-v{SCHEMA_VERSION}")
                journal._migrate()
        except db.Error as exc:
            conn.close()
            raise explain_failure(exc, path) from None
        except BaseException:
            conn.close()
            raise
        if path.stat().st_mode & 0o077:
            path.chmod(0o600)
        if backup and existed:
            try:
                journal.backup_if_due()
            except BaseException:
                journal.close()
                raise
        return journal

    def _ensure_same_file(self) -> None:
        """Raise unless the journal's path still names the file this Journal opened.

        ``exback forget``, a restore by hand or a sync tool can delete or replace the
        file while a notebook holds it open; SQLite would then keep writing into the
        unlinked file, and every "saved" would be a lie.

        Raises:
            JournalError: the file was deleted or replaced; nothing is written.
        """
        if file_identity(self.path) != self._identity:
            raise JournalError(texts.JOURNAL_GONE.format(path=self.path))

    def _migrate(self) -> None:
        with self.transaction() as conn:
            # Another process may have migrated while we waited for the lock.
            version = conn.execute("PRAGMA user_version").fetchone()[0]
            for target in range(version + 1, SCHEMA_VERSION + 1):
                MIGRATIONS[target](conn)
            conn.execute(f"PRAGMA application_id = {APPLICATION_ID}")
            conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION}")
        # Move the new schema into the main file so file-level checks see it.
        self._conn.execute("PRAGMA wal_checkpoint(PASSIVE)")

    def close(self) -> None:
        """Close the connection. Everything saved is already on disk."""
        self._conn.close()

    def __enter__(self) -> Journal:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    @property
    def encrypted(self) -> bool:
        """True when the journal is locked with a passphrase (SQLCipher)."""
        return self._key is not None

    @property
    def schema_version(self) -> int:
        """Return the journal's schema version (``PRAGMA user_version``)."""
        return int(self._conn.execute("PRAGMA user_version").fetchone()[0])

    # -- writing -------------------------------------------------------------

    def transaction(self) -> contextlib.AbstractContextManager[Any]:
        """Return a write transaction (``BEGIN IMMEDIATE`` … ``COMMIT``, yielding the
        connection) that first checks the file is still the one opened; the store's own
        writers above the journal (sync, sync folders) write through it."""
        return write_transaction(self._conn, self._db, self.path, self._ensure_same_file)

    def add(self, kind: str, *, at: object = None, **values: object) -> int:
        """Validate and save one entry of ``kind``; return its id.

        Args:
            kind: a table of :data:`exback_kit.schema.TABLES`, e.g. ``"urges"``.
            at: when it happened (datetime, date or ISO text); default now.
            **values: the entry's fields.

        Raises:
            ValidationError: a field is missing or not allowed; nothing was written.
        """
        specs = known_fields(kind)
        row = validate.record(kind, specs, values)
        when = validate.moment(at)
        row = {"at": when.isoformat(), "day": when.date().isoformat(), **row}
        with self.transaction() as conn:
            entry = clock.insert(conn, kind, [row])[0]
        self._saved()
        return entry

    def add_many(self, kind: str, entries: list[Mapping[str, object]]) -> list[int]:
        """Validate and save many entries in one transaction; return their ids.

        Each entry is a mapping of fields, optionally with ``at``. All are checked
        before anything is written: one bad entry means none is saved.

        Raises:
            ValidationError: names the entry (counted from 1) and the field.
        """
        specs = known_fields(kind)
        rows = []
        for number, entry in enumerate(entries, start=1):
            values = dict(entry)
            try:
                when = validate.moment(values.pop("at", None))
                row = validate.record(kind, specs, values)
            except ValidationError as exc:
                raise ValidationError(texts.IN_ENTRY.format(number=number, problem=exc),
                                      field=exc.field) from None
            rows.append({"at": when.isoformat(), "day": when.date().isoformat(), **row})
        if not rows:
            return []
        with self.transaction() as conn:
            ids = clock.insert(conn, kind, rows)
        self._saved()
        return ids

    def update(self, kind: str, entry_id: int, **values: object) -> None:
        """Change the updatable fields of one entry (e.g. an unsent message's status).

        Raises:
            ValidationError: the field cannot change, a value is not allowed, or no such entry.
        """
        specs = known_fields(kind)
        allowed = UPDATABLE.get(kind, ())
        for name in values:
            if name not in allowed and name in {s.name for s in specs}:
                raise ValidationError(texts.NOT_UPDATABLE.format(
                    field=name, kind=kind, allowed=", ".join(allowed) or "none"), field=name)
        row = validate.record(kind, specs, values, partial=True)
        if not row:
            return
        # An edit is a new version of the record, which this device has not sent yet.
        sets = ", ".join(f"{name} = ?" for name in row) + ", version = ?, origin = NULL"
        with self.transaction() as conn:
            cur = conn.execute(f"UPDATE {kind} SET {sets} WHERE id = ?",
                               [*row.values(), clock.tick(conn)[0], entry_id])
            if cur.rowcount == 0:
                raise ValidationError(texts.NO_SUCH_ENTRY.format(kind=kind, id=entry_id),
                                      field="id")
        self._saved()

    def add_checkin(self, mood: object, energy: object = None, sleep_hours: object = None,
                    habits: object = (), note: object = "", at: object = None,
                    mind: object = None) -> int:
        """Save a check-in; return its id.

        Mood and energy are 1–10, sleep in hours, ``mind`` how much the ex took up
        your mind today (0–10, optional).
        """
        return self.add("checkins", at=at, mood=mood, energy=energy, sleep_hours=sleep_hours,
                        habits=habits, note=note, mind=mind)

    def log_contact(self, initiated_by: object, channel: object = "text", replied: object = False,
                    logistics: object = False, note: object = "", at: object = None) -> int:
        """Save a contact with the ex (who started it, how, replied, logistics); return its id."""
        return self.add("contacts", at=at, initiated_by=initiated_by, channel=channel,
                        replied=replied, logistics=logistics, note=note)

    def log_urge(self, intensity: object, trigger: object = "", acted_on: object = False,
                 helped: object = "", note: object = "", at: object = None) -> int:
        """Save an urge to reach out (intensity 1–10, trigger, acted on, what helped)."""
        return self.add("urges", at=at, intensity=intensity, trigger=trigger,
                        acted_on=acted_on, helped=helped, note=note)

    def save_answer(self, step: object, question: object, value: object, at: object = None) -> int:
        """Save an answer to a step's question as a new row (earlier answers are kept)."""
        return self.add("answers", at=at, step=step, question=question, value=value)

    def merge_rows(self, prepared: Mapping[str, list[tuple[Any, ...]]],
                   settings: Mapping[str, Any]) -> dict[str, int]:
        """Add already-validated rows that the journal lacks, in one transaction; return counts."""
        with self.transaction() as conn:
            return merge_rows(conn, prepared, settings)

    def import_checkins(self, source: str,
                        entries: list[Mapping[str, object]]) -> imports.ImportCounts:
        """Bring in check-ins from another app's export in one transaction; return counts.

        Each entry holds ``identity`` (everything the export says about it), ``uuid``
        (the check-in it is or becomes), ``raw`` (the row as read), ``at`` and the
        check-in fields the import sets. A check-in that already has the uuid is
        updated where those fields differ; otherwise one is added. Every entry is
        checked first: one bad entry means nothing is saved.

        Raises:
            ValidationError: names the entry (counted from 1) and the field.
        """
        rows = imports.prepare(known_fields("checkins"), entries)
        if not rows:
            return imports.ImportCounts(0, 0, 0)
        with self.transaction() as conn:
            return imports.apply(conn, source, rows)

    def index_pending(self) -> None:
        """Move the words saved since the last search into the index (one write, if any)."""
        if not search_queue.has_pending(self._conn):
            return
        with self.transaction() as conn:
            search_queue.index_pending(conn)

    # -- settings --------------------------------------------------------------

    def set_setting(self, key: str, value: object) -> None:
        """Store ``value`` under ``key`` if it keeps that key's rule (store/settings.py)."""
        key, encoded = check_setting(key, value)
        with self.transaction() as conn:
            clock.put_setting(conn, key, encoded, validate.now().isoformat())
        self._saved()

    def _saved(self) -> None:
        for hook in list(self.after_save):
            hook(self)

    def get_setting(self, key: str, default: Any = None) -> Any:
        """Return the setting stored under ``key``, or ``default``."""
        return queries.setting(self._conn, key, default)

    @property
    def is_demo(self) -> bool:
        """True for the synthetic demo journal, which never mixes with a real one."""
        return bool(self.get_setting(DEMO_JOURNAL_SETTING, False))

    # -- backups (see :mod:`exback_kit.store.backups`) --------------------------

    def backup(self, dest: str | os.PathLike[str] | None = None, *, label: str = "") -> Path:
        """Copy the journal with SQLite's backup API; return the copy's path."""
        return backups.backup(self._conn, self.path, self._key, dest, label=label)

    def backup_if_due(self) -> Path | None:
        """Back up when the newest backup is more than a day old; return the new copy."""
        return backups.backup_if_due(self._conn, self.path, self._key)

    def restore_from(self, source: str | os.PathLike[str]) -> Path:
        """Replace the journal's contents with a backup; return the safety copy made first.

        The backup is opened read-only and left exactly as it is.

        Raises:
            JournalError: the source is missing, empty, damaged or not a kit journal
                (nothing changes).
        """
        other = backups.open_source(Path(source).expanduser(), self._key)
        try:
            safety = self.backup(label="before-restore")
            self._ensure_same_file()
            other.backup(self._conn)
        finally:
            other.close()
        if self.schema_version < SCHEMA_VERSION:
            self._migrate()
        return safety

    # -- reading (the SQL is in :mod:`exback_kit.store.queries`) -----------------

    def records(self, kind: str, *, limit: int | None = None,
                newest_first: bool = False) -> list[dict[str, Any]]:
        """Return entries of ``kind`` as dicts with decoded values (no pandas needed).

        ``at`` and moment fields are aware ``datetime``, ``day`` and date fields ``date``.
        """
        return queries.records(self._conn, kind, limit=limit, newest_first=newest_first)

    def table(self, kind: str) -> pd.DataFrame:
        """Return all entries of ``kind`` as a DataFrame with typed columns.

        ``at`` is a UTC-aware datetime, ``day`` the local date (datetime64), ``hour``
        the local hour; ints are ``Int64``, yes/no are ``bool``, lists stay lists;
        ``written`` ranks the rows by version stamp (the last is the newest version).
        """
        return queries.table(self._conn, kind)

    def count(self, kind: str) -> int:
        """Return how many entries of ``kind`` the journal holds."""
        return queries.count(self._conn, kind)

    def is_empty(self) -> bool:
        """Return True when the journal holds no entries of any kind yet."""
        return all(self.count(kind) == 0 for kind in TABLES)

    def latest_answers(self, step: int) -> dict[str, Any]:
        """Return the newest answer to each question of ``step``: {question: value}."""
        return queries.latest(self._conn, "answers", "step", step)

    def latest_reflections(self, topic: str) -> dict[str, Any]:
        """Return the newest answer to each question of a moving-on topic: {question: value}."""
        return queries.latest(self._conn, "reflections", "topic", topic)

    def latest_record(self, kind: str) -> dict[str, Any] | None:
        """Return the newest entry of ``kind`` by version stamp (the person's current decision,
        say), or None; an older entry that arrived later by sync never wins."""
        return queries.latest_record(self._conn, kind)

    def change_key(self) -> tuple[int, int]:
        """Return a pair that changes whenever anyone (this or another connection) writes."""
        return queries.change_key(self._conn)

    def table_stamps(self) -> dict[str, object]:
        """Return a value per entry table that changes whenever anyone writes to that table."""
        return queries.table_stamps(self._conn)

    def execute_read(self, sql: str, params: tuple[object, ...] = ()) -> list[tuple[Any, ...]]:
        """Run a read-only query (for exports and tests); return all rows."""
        return list(self._conn.execute(sql, params).fetchall())
