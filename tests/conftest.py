"""Shared fixtures: every test gets its own journal folder, never the real one."""

from __future__ import annotations

from pathlib import Path

import pytest


@pytest.fixture(autouse=True)
def _isolated_home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Point EXBACK_HOME and the XDG data/config folders at a fresh folder for each test."""
    home = tmp_path / "exback-home"
    monkeypatch.setenv("EXBACK_HOME", str(home))
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "xdg"))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "xdg-config"))  # device ids
    return home


@pytest.fixture
def journal(tmp_path: Path):
    """An open, empty journal in tmp_path, closed after the test."""
    from exback_kit import Journal
    j = Journal.open(tmp_path / "journal.sqlite3")
    yield j
    j.close()


@pytest.fixture
def unchecked_setting():
    """Return a writer that stores a setting past its key's check, as a journal from before
    settings were checked may hold it, so readers can be tested against odd values."""
    import json

    def write(journal, key: str, value: object) -> None:
        with journal.transaction() as conn:
            conn.execute("INSERT INTO settings (key, value, at) VALUES (?, ?, '2026-01-01') "
                         "ON CONFLICT(key) DO UPDATE SET value = excluded.value",
                         (key, json.dumps(value)))
    return write
