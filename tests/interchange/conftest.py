"""Shared fixtures of the interchange tests."""

from __future__ import annotations

import pytest

from tests.interchange.sync_kit import journal_at


@pytest.fixture
def pair(tmp_path):
    """Two devices' journals, a and b, and the sync folder they will share (not made yet)."""
    a, b = journal_at(tmp_path, "a"), journal_at(tmp_path, "b")
    yield a, b, tmp_path / "DIR"
    a.close()
    b.close()
