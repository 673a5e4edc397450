"""Notebook tests: each starts with a new kernel session, as a newly opened notebook would."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from exback_kit import Journal, stages
from exback_kit.notebook import session


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
