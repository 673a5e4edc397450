"""Sync that happens by itself (issue 21, item 8), conflict copies merged and tidied, and
any order of delivery ending in the same journal."""

from __future__ import annotations

import shutil
import tempfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from exback_kit import Journal, content
from exback_kit.interchange import autosync, sync_folder
from exback_kit.interchange.sync_folder import signing
from exback_kit.store import locking, reads
from exback_kit.store.device import device_id
from exback_kit.store.schema import TABLES
from tests.interchange.sync_kit import code_of, join, journal_at, own_file

PW = "a long walk by the river"




def _set_folder(journal: Journal, folder: Path) -> None:
    journal.set_setting(sync_folder.FOLDER_SETTING, str(folder))


def test_each_save_is_sent_and_a_start_round_says_one_line_when_something_came_in(tmp_path):
    folder = tmp_path / "DIR"
    with journal_at(tmp_path, "a") as a, journal_at(tmp_path, "b") as b:
        sync_folder.sync(a, folder)
        join(b, folder, a)
        for journal in (a, b):
            _set_folder(autosync.attach(journal), folder)
        before = own_file(folder, a).read_bytes()
        a.add_checkin(mood=6, note="sent by itself")
        assert b"sent by itself" in own_file(folder, a).read_bytes() != before
        assert b.count("checkins") == 0  # sending never merges: that waits for a start
        assert autosync.round_at_start(b) == [
            f"Synced with {folder}: 1 change came in from your other computers."]
        assert [r["note"] for r in b.records("checkins")] == ["sent by itself"]
        assert autosync.round_at_start(b) == []  # nothing new: quiet
        assert autosync.said_at_start(b) == []


def test_without_a_folder_set_or_with_the_folder_away_nothing_happens(tmp_path):
    with journal_at(tmp_path, "a") as a:
        autosync.attach(a)
        a.add_checkin(mood=3)
        assert autosync.round_at_start(a) == []
        sync_folder.sync(a, tmp_path / "STICK")
        _set_folder(a, tmp_path / "STICK")
        shutil.rmtree(tmp_path / "STICK")  # the USB stick is not plugged in
        a.add_checkin(mood=4)  # the save works, nothing is written anywhere
        assert autosync.round_at_start(a) == [] and not (tmp_path / "STICK").exists()


def test_a_locked_round_needs_no_passphrase_and_no_key_derivation(tmp_path, monkeypatch):
    folder = tmp_path / "DIR"
    journals = []
    for name in ("a", "b"):
        path = tmp_path / name / "journal.sqlite3"
        Journal.open(path, backup=False).close()
        locking.encrypt(path, PW)
        journals.append(Journal.open(path, passphrase=PW, backup=False))
    a, b = journals
    code = sync_folder.sync(a, folder, passphrase=PW).code
    sync_folder.sync(b, folder, passphrase=PW, join=code)
    for journal in journals:
        _set_folder(autosync.attach(journal), folder)

    def no_scrypt(*_: object) -> None:
        raise AssertionError("a round unsealed the folder's identity again")

    monkeypatch.setattr(signing, "open_folder_identity", no_scrypt)
    monkeypatch.setattr(signing, "seal_identity", no_scrypt)
    a.add_checkin(mood=5, note="locked and quick")
    assert b"locked and quick" not in own_file(folder, a).read_bytes()  # sealed
    assert autosync.round_at_start(b)[0].endswith("1 change came in from your other computers.")
    assert [r["note"] for r in b.records("checkins")] == ["locked and quick"]
    for journal in journals:
        journal.close()


def test_a_conflict_copy_is_merged_then_removed_with_a_line(tmp_path):
    folder = tmp_path / "DIR"
    with journal_at(tmp_path, "a") as a, journal_at(tmp_path, "b") as b:
        a.add_checkin(mood=1, note="one")
        sync_folder.sync(a, folder)
        older = own_file(folder, a).read_bytes()
        a.add_checkin(mood=2, note="two")
        sync_folder.sync(a, folder)
        newer = own_file(folder, a).read_bytes()
        copy = own_file(folder, a).with_name("changes.sync-conflict-20261207-101010-ABCDEFG.jsonl")
        copy.write_bytes(newer)  # Syncthing keeps one version under the name, one beside it
        own_file(folder, a).write_bytes(older)
        join(b, folder, a)
        assert b.count("checkins") == 2  # the copy is read like the file
        result = sync_folder.sync(a, folder)
        assert result.tidied == [copy.name] and not copy.exists()
        assert sync_folder.said(result)[-1].startswith(f"Your sync tool had made 1 conflict file "
                                                f"({copy.name}).")
        assert b"two" in own_file(folder, a).read_bytes()  # the file holds every line again
        c = journal_at(tmp_path, "c")
        sync_folder.sync(c, folder, join=code_of(a, folder))
        assert sorted(r["note"] for r in c.records("checkins")) == ["one", "two"]
        c.close()


def test_a_damaged_conflict_copy_stays_until_it_can_be_read_whole(tmp_path):
    folder = tmp_path / "DIR"
    with journal_at(tmp_path, "a") as a:
        a.add_checkin(mood=1)
        sync_folder.sync(a, folder)
        copy = own_file(folder, a).with_name("changes (conflicted copy).jsonl")
        copy.write_bytes(own_file(folder, a).read_bytes() + b"damaged\n")
        result = sync_folder.sync(a, folder)
        assert copy.exists() and result.tidied == [] and result.problems


# --- any order of delivery -> the same journal --------------------------------------

def _snapshot(journal: Journal) -> tuple[object, ...]:
    rows = {kind: sorted(tuple(r.values()) for r in reads.stored_rows(journal, kind))
            for kind in TABLES}
    return rows, reads.all_settings(journal), journal.latest_answers(0)


@pytest.fixture(scope="module")
def delivered(tmp_path_factory):
    """Two devices' files after answers, edits and settings on both, older ones arriving later."""
    root = tmp_path_factory.mktemp("order")
    folder = root / "DIR"
    a, b = journal_at(root, "a"), journal_at(root, "b")
    harm = content.load().boundary_questions[2]
    code = sync_folder.sync(a, folder).code
    b.save_answer(step=0, question=harm, value="no")
    a.add("milestones", title="Walk")
    sync_folder.sync(a, folder)
    sync_folder.sync(b, folder, join=code)
    for i in range(3):
        a.save_answer(step=0, question=harm, value=["not_sure", "no", "yes"][i])
        b.set_setting("habits", [f"rest {i}"])
        b.update("milestones", b.records("milestones")[0]["id"], note=f"edit {i}")
        b.add_checkin(mood=i + 1)
        for journal in (a, b):
            sync_folder.sync(journal, folder)
    for journal in (a, b):
        sync_folder.sync(journal, folder)
    files = {d: (folder / "devices" / d / "changes.jsonl").read_bytes()
             for d in (device_id(a.path), device_id(b.path))}
    expected = _snapshot(a)
    assert _snapshot(b) == expected
    yield folder, code, files, expected
    a.close()
    b.close()


@settings(max_examples=25, deadline=None, suppress_health_check=[
    HealthCheck.too_slow, HealthCheck.function_scoped_fixture])
@given(steps=st.lists(st.tuples(st.integers(0, 1), st.floats(0, 1)), max_size=8))
def test_any_order_of_delivery_ends_in_the_same_journal(delivered, steps):
    folder, code, files, expected = delivered
    devices = sorted(files)
    with tempfile.TemporaryDirectory() as root_name:
        root = Path(root_name)
        seen = root / "DIR"
        seen.mkdir()
        shutil.copy(folder / "exback-sync.json", seen / "exback-sync.json")
        c = journal_at(root, "c")
        try:
            for which, share in steps:  # a prefix of one file (longer or shorter than before)
                data = files[devices[which]]
                lines = data.splitlines(keepends=True)
                target = seen / "devices" / devices[which] / "changes.jsonl"
                target.parent.mkdir(parents=True, exist_ok=True)
                target.write_bytes(b"".join(lines[:max(1, round(share * len(lines)))]))
                assert sync_folder.sync(c, seen, join=code).problems == []
            for device, data in files.items():
                target = seen / "devices" / device / "changes.jsonl"
                target.parent.mkdir(parents=True, exist_ok=True)
                target.write_bytes(data)
            assert sync_folder.sync(c, seen, join=code).problems == []
            assert _snapshot(c) == expected
        finally:
            c.close()
