"""A locked journal syncs through sealed files, and merges only with the passphrase."""

from __future__ import annotations

from pathlib import Path

import pytest

from exback_kit import Journal
from exback_kit.errors import ValidationError
from exback_kit.interchange import sync_folder
from exback_kit.store import locking

PW = "a long walk by the river"


def _locked(root: Path, name: str, notes: list[str]) -> Journal:
    path = root / name / "journal.sqlite3"
    with Journal.open(path, backup=False) as j:
        for note in notes:
            j.add_checkin(mood=4, note=note)
    locking.encrypt(path, PW)
    return Journal.open(path, passphrase=PW, backup=False)


def test_locked_journals_write_sealed_files_and_merge_with_the_passphrase(tmp_path):
    folder = tmp_path / "DIR"
    a = _locked(tmp_path, "a", ["quiet morning"])
    b = _locked(tmp_path, "b", [])
    code = sync_folder.sync(a, folder, passphrase=PW).code
    for file in folder.rglob("*"):
        if file.is_file():
            assert b"quiet morning" not in file.read_bytes()
            assert PW.encode() not in file.read_bytes()
    with pytest.raises(ValidationError, match="passphrase"):
        sync_folder.sync(b, folder, join=code)  # no passphrase: nothing merged
    with pytest.raises(ValidationError, match="doesn't open"):
        sync_folder.sync(b, folder, passphrase="not it", join=code)
    assert b.count("checkins") == 0
    sync_folder.sync(b, folder, passphrase=PW, join=code)
    assert [r["note"] for r in b.records("checkins")] == ["quiet morning"]
    a.close()
    b.close()


def test_a_plain_journal_stays_out_of_a_locked_folder_and_the_other_way_round(tmp_path):
    a = _locked(tmp_path, "a", ["x"])
    code = sync_folder.sync(a, tmp_path / "DIR", passphrase=PW).code
    with Journal.open(tmp_path / "plain" / "j.sqlite3") as plain:
        with pytest.raises(ValidationError, match="isn't locked"):
            sync_folder.sync(plain, tmp_path / "DIR", join=code)
        plain_code = sync_folder.sync(plain, tmp_path / "PLAIN").code
    with pytest.raises(ValidationError, match="in the clear"):
        sync_folder.sync(a, tmp_path / "PLAIN", passphrase=PW, join=plain_code)
    a.close()
