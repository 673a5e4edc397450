"""The journal: one SQLite file on the person's own disk.

Reads and writes go through :class:`Journal`. Every write is validated first
(see :mod:`exback_kit.store.validate`) and runs inside ``BEGIN IMMEDIATE … COMMIT``
with WAL and ``synchronous=FULL``, so several notebooks and the command line
can write at once and a saved entry survives a killed process or a power cut.
This module never imports pandas at start-up; :meth:`Journal.table` does.
"""

from __future__ import annotations

import contextlib
import json
import os
import sqlite3
import time
from collections.abc import Callable, Iterator, Mapping
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Any

from exback_kit.content import texts
from exback_kit.errors import JournalError, ValidationError
from exback_kit.store import clock, imports, locking, validate
from exback_kit.store.backups import backup_dir
from exback_kit.store.files import (
    create_private_file,
    make_private_folder,
    sweep_unfinished,
    tighten_folder,
)
from exback_kit.store.migrations import MIGRATIONS, SCHEMA_VERSION
from exback_kit.store.opening import (
    _check_existing,
    _check_plain_file,
    _identity,
    connect,
    disk_is_full,
    explain_failure,
)
from exback_kit.store.paths import default_path, resolve_path
from exback_kit.store.reads import JournalReads
from exback_kit.store.schema import UPDATABLE, fields
from exback_kit.store.search import INDEX_PENDING
from exback_kit.store.sqlite_header import APPLICATION_ID

if TYPE_CHECKING:
    from types import ModuleType  # sqlite3, or sqlcipher3.dbapi2 for a locked journal


BUSY_TIMEOUT_MS = 10_000
WRITE_DEADLINE_S = 60.0


class Journal(JournalReads):
    """An open journal. Use :meth:`open`; close it, or use it as a context manager."""

    def __init__(self, conn: Any, path: Path, db: ModuleType = sqlite3,
                 key: bytes | None = None) -> None:
        self._conn = conn
        self.path = path
        self._db = db
        self._key = key
        self._identity = _identity(path)
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
        try:
            make_private_folder(path.parent)
            if path.parent == default_path().parent:
                tighten_folder(path.parent)  # the kit's data folder is 0700, whoever made it
            sweep_unfinished(path.parent, backup_dir(path))  # copies a kill left behind
            existed = _check_plain_file(path)
            if not path.exists():
                create_private_file(path)
        except OSError as exc:
            if disk_is_full(exc, path.parent):
                raise JournalError(texts.DISK_FULL) from None
            raise
        data_key = locking.data_key_for(path, passphrase, key) if existed else None
        try:
            conn, db = connect(path, data_key)
        except locking.db_errors() as exc:
            raise JournalError(texts.NETWORK_FOLDER.format(path=path, reason=exc)) from None
        try:
            version = _check_existing(path, conn, db, data_key is not None) if existed else 0
            journal = cls(conn, path, db, data_key)
            journal._configure()
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

    def _configure(self) -> None:
        conn = self._conn
        conn.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
        if conn.execute("PRAGMA journal_mode").fetchone()[0] != "wal":
            conn.execute("PRAGMA journal_mode = WAL")
        conn.execute("PRAGMA synchronous = FULL")
        conn.execute("PRAGMA foreign_keys = ON")

    def _ensure_same_file(self) -> None:
        """Raise unless the journal's path still names the file this Journal opened.

        ``exback forget``, a restore by hand or a sync tool can delete or replace the
        file while a notebook holds it open; SQLite would then keep writing into the
        unlinked file, and every "saved" would be a lie.

        Raises:
            JournalError: the file was deleted or replaced; nothing is written.
        """
        if _identity(self.path) != self._identity:
            raise JournalError(texts.JOURNAL_GONE.format(path=self.path))

    def _migrate(self) -> None:
        with self._transaction() as conn:
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

    def connect_copy(self, path: Path, *, read_only: bool = False) -> Any:
        """Return a connection to another file with this journal's lock (backups use it)."""
        return connect(path, self._key, read_only=read_only)[0]

    @property
    def schema_version(self) -> int:
        """Return the journal's schema version (``PRAGMA user_version``)."""
        return int(self._conn.execute("PRAGMA user_version").fetchone()[0])

    # -- writing -------------------------------------------------------------

    @contextmanager
    def _transaction(self) -> Iterator[Any]:
        """Run the block inside BEGIN IMMEDIATE … COMMIT, waiting out other writers.

        Before anything is written the journal's file is checked to be the one this
        Journal opened. SQLite errors come out as a plain :class:`JournalError`.
        """
        deadline = time.monotonic() + WRITE_DEADLINE_S
        while True:
            try:
                self._conn.execute("BEGIN IMMEDIATE")
                break
            except self._db.OperationalError as exc:
                if "locked" not in str(exc) and "busy" not in str(exc):
                    raise explain_failure(exc, self.path) from None
                if time.monotonic() > deadline:
                    raise JournalError(texts.JOURNAL_BUSY.format(
                        path=self.path, seconds=WRITE_DEADLINE_S)) from None
            except self._db.Error as exc:
                raise explain_failure(exc, self.path) from None
        try:
            self._ensure_same_file()
            yield self._conn
            self._conn.execute("COMMIT")
        except BaseException as exc:
            self._rollback()
            if isinstance(exc, self._db.Error):
                raise explain_failure(exc, self.path) from None
            raise

    def _rollback(self) -> None:
        if self._conn.in_transaction:
            # SQLite may have rolled back on its own (a full disk does that).
            with contextlib.suppress(self._db.Error):
                self._conn.execute("ROLLBACK")

    def add(self, kind: str, *, at: object = None, **values: object) -> int:
        """Validate and save one entry of ``kind``; return its id.

        Args:
            kind: a table of :data:`exback_kit.schema.TABLES`, e.g. ``"urges"``.
            at: when it happened (datetime, date or ISO text); default now.
            **values: the entry's fields.

        Raises:
            ValidationError: a field is missing or not allowed; nothing was written.
        """
        specs = self._specs(kind)
        row = validate.record(kind, specs, values)
        when = validate.moment(at)
        row = {"at": when.isoformat(), "day": when.date().isoformat(), **row}
        with self._transaction() as conn:
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
        specs = self._specs(kind)
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
        with self._transaction() as conn:
            ids = clock.insert(conn, kind, rows)
        self._saved()
        return ids

    def update(self, kind: str, entry_id: int, **values: object) -> None:
        """Change the updatable fields of one entry (e.g. an unsent message's status).

        Raises:
            ValidationError: the field cannot change, a value is not allowed, or no such entry.
        """
        specs = self._specs(kind)
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
        with self._transaction() as conn:
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
                        habits=list(habits) if isinstance(habits, tuple) else habits, note=note,
                        mind=mind)

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
        from exback_kit.store.merging import merge_rows

        with self._transaction() as conn:
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
        rows = imports.prepare(self._specs("checkins"), entries)
        if not rows:
            return imports.ImportCounts(0, 0, 0)
        with self._transaction() as conn:
            return imports.apply(conn, source, rows)

    def index_pending(self) -> None:
        """Move the words saved since the last search into the search index.

        A save only queues them (see the search migration); this runs in one write transaction,
        and only when something is queued.
        """
        if self._conn.execute("SELECT 1 FROM search_pending LIMIT 1").fetchone() is None:
            return
        with self._transaction() as conn:
            for statement in INDEX_PENDING:
                conn.execute(statement)

    # -- settings --------------------------------------------------------------

    def set_setting(self, key: str, value: object) -> None:
        """Store a setting (any JSON value) under ``key``, replacing the old one."""
        key, encoded = validate.setting(key, value)
        with self._transaction() as conn:
            clock.put_setting(conn, key, encoded, validate.now().isoformat())
        self._saved()

    def _saved(self) -> None:
        for hook in list(self.after_save):
            hook(self)

    def get_setting(self, key: str, default: Any = None) -> Any:
        """Return the setting stored under ``key``, or ``default``."""
        row = self._conn.execute("SELECT value FROM settings WHERE key = ?", (key,)).fetchone()
        return json.loads(row[0]) if row else default

    @property
    def is_demo(self) -> bool:
        """True for the synthetic demo journal, which never mixes with a real one."""
        return bool(self.get_setting("demo", False))

    # -- backups (see :mod:`exback_kit.store.backups`) --------------------------

    def backup(self, dest: str | os.PathLike[str] | None = None, *, label: str = "") -> Path:
        """Copy the journal with SQLite's backup API; return the copy's path."""
        from exback_kit.store import backups

        return backups.backup(self, dest, label=label)

    def backup_if_due(self) -> Path | None:
        """Back up when the newest backup is more than a day old; return the new copy."""
        from exback_kit.store import backups

        return backups.backup_if_due(self)

    def restore_from(self, source: str | os.PathLike[str]) -> Path:
        """Replace the journal's contents with a backup; return the safety copy made first.

        Raises:
            JournalError: the source is missing or not a kit journal (nothing changes).
        """
        from exback_kit.store import backups

        return backups.restore_from(self, source)


def check_values(kind: str, values: Mapping[str, object]) -> dict[str, object]:
    """Validate an entry without saving it; return the stored form (forms use this)."""
    return validate.record(kind, fields(kind), values)
