"""Notebook tests: each starts with a new kernel session, as a newly opened notebook would."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from exback_kit import Journal, stages
from exback_kit.notebook import session
from exback_kit.store import locking

#: The passphrase of the ``locked`` journal.
LOCKED_PASSPHRASE = "the blue mug on the shelf"  # noqa: S105 (a test journal's)


@pytest.fixture(autouse=True)
def _fresh_session() -> Iterator[None]:
    """Forget the journal, gate and parts an earlier test left in the session, before and after."""
    session.reset()
    yield
    session.reset()


@pytest.fixture
def mine(journal: Journal) -> Journal:
    """The person's (empty) journal, the one the stage notebooks use."""
    stages.use_journal(journal)
    return journal


@pytest.fixture
def locked(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A locked journal with one check-in, the one the stage notebooks open."""
    path = tmp_path / "journal.sqlite3"
    with Journal.open(path) as j:
        j.add_checkin(mood=6, note="tea with a friend")
    locking.encrypt(path, LOCKED_PASSPHRASE)
    monkeypatch.setenv(session.JOURNAL_ENV, str(path))
    return path
