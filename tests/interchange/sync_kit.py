"""Helpers for the sync tests: the join code a journal keeps for a folder, and joining."""

from __future__ import annotations

import json
from pathlib import Path

from exback_kit import Journal
from exback_kit.interchange import sync_folder
from exback_kit.interchange.sync_folder.signing import code_text
from exback_kit.store import sync_folders
from exback_kit.store.device import device_id


def code_of(journal: Journal, folder: Path) -> str:
    """Return the join code ``journal`` keeps for ``folder`` (what its first sync showed)."""
    claim = json.loads((folder / "exback-sync.json").read_text())
    member = sync_folders.membership(journal, claim["folder"])
    assert member is not None, "this journal never synced there"
    return code_text(member.code)


def join(journal: Journal, folder: Path, owner: Journal, **kwargs: object) -> sync_folder.Result:
    """Sync ``journal`` with ``folder``, joining with the code ``owner`` keeps."""
    return sync_folder.sync(journal, folder, join=code_of(owner, folder), **kwargs)  # type: ignore[arg-type]


def journal_at(root: Path, name: str) -> Journal:
    """Open (or make) the journal of the device called ``name`` under ``root``."""
    return Journal.open(root / name / "journal.sqlite3", backup=False)


def own_file(folder: Path, journal: Journal) -> Path:
    """Return the file ``journal``'s device writes its changes to in ``folder``."""
    return folder / "devices" / device_id(journal.path) / "changes.jsonl"
