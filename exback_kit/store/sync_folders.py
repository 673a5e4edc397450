"""The sync folders this journal belongs to, and what it keeps for each.

For each folder: its join code (the key every line in the folder is signed with is
derived from it; neither ever lies in the folder), a locked folder's age identity once
unsealed (so later rounds cost no key derivation), the folder's path on this computer
(a re-created folder is claimed again with the same code) and the newest version this
device wrote there ("sent" is per folder: a new or re-created folder gets everything).
All of it is inside the journal, so a locked journal keeps it encrypted.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from exback_kit.store import validate

if TYPE_CHECKING:
    from exback_kit.store.journal import Journal

_COLUMNS = "folder, path, code, identity, sent"


@dataclass(frozen=True)
class Membership:
    """This journal's place in one sync folder."""

    folder: str
    path: str
    code: bytes
    identity: str | None
    sent: str | None


def _one(rows: list[tuple[Any, ...]]) -> Membership | None:
    if not rows:
        return None
    folder, path, code, identity, sent = rows[0]
    return Membership(str(folder), str(path), bytes(code), identity, sent)


def membership(journal: Journal, folder: str) -> Membership | None:
    """Return this journal's membership of the folder with id ``folder``, or None."""
    return _one(journal.execute_read(f"SELECT {_COLUMNS} FROM sync_folders WHERE folder = ?",
                                     (folder,)))


def membership_at(journal: Journal, path: str) -> Membership | None:
    """Return the membership last joined at ``path`` on this computer, or None."""
    return _one(journal.execute_read(f"SELECT {_COLUMNS} FROM sync_folders WHERE path = ? "
                                     "ORDER BY joined_at DESC LIMIT 1", (path,)))


def memberships(journal: Journal) -> list[Membership]:
    """Return every folder this journal belongs to."""
    return [m for row in journal.execute_read(f"SELECT {_COLUMNS} FROM sync_folders "
                                              "ORDER BY joined_at")
            if (m := _one([row])) is not None]


def remember(journal: Journal, folder: str, path: str, code: bytes,
             identity: str | None = None) -> None:
    """Record that this journal belongs to ``folder`` at ``path``, with its join code."""
    with journal.transaction() as conn:
        conn.execute("INSERT INTO sync_folders (folder, path, code, identity, sent, joined_at) "
                     "VALUES (?, ?, ?, ?, NULL, ?) ON CONFLICT(folder) DO UPDATE SET "
                     "path = excluded.path, identity = coalesce(excluded.identity, identity)",
                     (folder, path, code, identity, validate.now().isoformat()))


def keep_identity(journal: Journal, folder: str, identity: str) -> None:
    """Keep a locked folder's unsealed identity, so it is unsealed only once."""
    with journal.transaction() as conn:
        conn.execute("UPDATE sync_folders SET identity = ? WHERE folder = ?", (identity, folder))


def forget(journal: Journal, folder: str) -> None:
    """Forget ``folder``: its code, identity and read positions."""
    with journal.transaction() as conn:
        conn.execute("DELETE FROM sync_folders WHERE folder = ?", (folder,))
        conn.execute("DELETE FROM sync_reads WHERE folder = ?", (folder,))


def brought(journal: Journal, folder: str) -> dict[str, int]:
    """Return device id -> how many records its files brought into this journal."""
    rows = journal.execute_read("SELECT device, sum(records) FROM sync_reads WHERE folder = ? "
                                "GROUP BY device", (folder,))
    return {str(d): int(n) for d, n in rows}
