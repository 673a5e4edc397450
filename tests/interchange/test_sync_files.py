"""What sync tools do to files, and folders that are not this journal's: clear messages,
nothing half-merged."""

from __future__ import annotations

import json
import os

import pytest

from exback_kit.errors import ValidationError
from exback_kit.interchange import sync_folder
from exback_kit.interchange.sync_folder import signing
from exback_kit.interchange.sync_folder.change_files import NewerFormat
from exback_kit.store import sync_folders
from exback_kit.store.device import device_id
from tests.interchange.sync_kit import join, journal_at, own_file


def test_a_third_empty_device_catches_up_with_everything(pair, tmp_path):
    a, b, folder = pair
    for mood in range(1, 6):
        a.add_checkin(mood=mood, note=f"a{mood}")
    sync_folder.sync(a, folder)
    b.log_urge(intensity=4, note="b")
    b.set_setting("habits", ["rest"])
    join(b, folder, a)
    c = journal_at(tmp_path, "c")
    result = join(c, folder, b)  # any of the journals gives the code
    assert result.joined and result.problems == []
    assert sorted(r["note"] for r in c.records("checkins")) == [f"a{m}" for m in range(1, 6)]
    assert [r["note"] for r in c.records("urges")] == ["b"]
    assert c.get_setting("habits") == ["rest"]
    c.close()


@pytest.mark.parametrize("entries", [0, 1])
def test_a_journal_is_refused_without_the_join_code_and_nothing_is_merged(pair, entries):
    a, b, folder = pair
    a.add_checkin(mood=5)
    sync_folder.sync(a, folder)
    for _ in range(entries):
        b.add_checkin(mood=2)
    with pytest.raises(ValidationError, match="--join CODE"):
        sync_folder.sync(b, folder)
    with pytest.raises(ValidationError, match="doesn't open"):
        sync_folder.sync(b, folder, join="AAAA-BBBB-CCCC-DDDD-EEEE-FFFF")
    with pytest.raises(ValidationError, match="--join: 'nope' isn't a join code"):
        sync_folder.sync(b, folder, join="nope")
    assert b.count("checkins") == entries
    assert not (folder / "devices" / device_id(b.path)).exists()  # nothing written either
    result = join(b, folder, a)
    assert result.joined and b.count("checkins") == 1 + entries


def test_a_truncated_last_line_is_read_up_to_its_last_record_and_finished_next_time(pair):
    a, b, folder = pair
    sync_folder.sync(a, folder)
    a.add_checkin(mood=1, note="one")
    a.add_checkin(mood=2, note="two")
    sync_folder.sync(a, folder)
    path = own_file(folder, a)
    full = path.read_bytes()
    path.write_bytes(full[:-15])  # the sync tool has not finished copying
    assert join(b, folder, a).problems == []
    assert [r["note"] for r in b.records("checkins")] == ["one"]
    path.write_bytes(full)
    assert sync_folder.sync(b, folder).problems == []
    assert [r["note"] for r in b.records("checkins")] == ["one", "two"]


def test_an_older_shorter_copy_put_back_loses_nothing_and_is_caught_up_later(pair):
    a, b, folder = pair
    a.add_checkin(mood=1, note="one")
    sync_folder.sync(a, folder)
    older = own_file(folder, a).read_bytes()
    a.add_checkin(mood=2, note="two")
    sync_folder.sync(a, folder)
    full = own_file(folder, a).read_bytes()
    join(b, folder, a)
    own_file(folder, a).write_bytes(older)
    assert sync_folder.sync(b, folder).problems == []
    assert b.count("checkins") == 2
    own_file(folder, a).write_bytes(full)
    a.add_checkin(mood=3, note="three")
    sync_folder.sync(a, folder)
    sync_folder.sync(b, folder)
    assert [r["note"] for r in b.records("checkins")] == ["one", "two", "three"]


def test_a_device_whose_own_file_was_rolled_back_writes_it_again(pair):
    a, b, folder = pair
    a.add_checkin(mood=1, note="one")
    sync_folder.sync(a, folder)
    older = own_file(folder, a).read_bytes()
    a.add_checkin(mood=2, note="two")
    sync_folder.sync(a, folder)
    own_file(folder, a).write_bytes(older)  # "two" is no longer in the folder
    sync_folder.sync(a, folder)
    join(b, folder, a)
    assert [r["note"] for r in b.records("checkins")] == ["one", "two"]


def test_random_bytes_in_a_file_refuse_that_file_only_with_its_name(pair, tmp_path):
    a, b, folder = pair
    a.add_checkin(mood=1, note="good")
    sync_folder.sync(a, folder)
    bad = folder / "devices" / "f00d" / "changes.jsonl"
    bad.parent.mkdir()
    bad.write_bytes(os.urandom(300).replace(b"\n", b"x") + b"\n")
    result = join(b, folder, a)
    assert len(result.problems) == 1 and str(bad) in result.problems[0]
    assert "line 1" in result.problems[0]
    assert [r["note"] for r in b.records("checkins")] == ["good"]


def test_a_file_from_a_newer_format_is_refused_by_name_and_nothing_is_merged(pair):
    a, b, folder = pair
    a.add_checkin(mood=1)
    sync_folder.sync(a, folder)
    newer = folder / "devices" / "beef" / "changes.jsonl"
    newer.parent.mkdir()
    folder_id = json.loads((folder / "exback-sync.json").read_text())["folder"]
    member = sync_folders.membership(a, folder_id)
    assert member is not None
    key = signing.folder_key(member.code, folder_id)  # a newer kit of the same folder
    newer.write_bytes(signing.sign(key, "beef", {"exback_sync": 3, "folder": folder_id,
                                                   "device": "beef"}))
    with pytest.raises(NewerFormat, match=r"beef.*format 3"):
        join(b, folder, a)
    assert b.count("checkins") == 0


def test_the_journal_itself_is_never_put_in_the_sync_folder(tmp_path):
    with journal_at(tmp_path, "synced") as j, pytest.raises(ValidationError, match="outside"):
        sync_folder.sync(j, tmp_path / "synced")
    with journal_at(tmp_path, "synced2") as j, pytest.raises(ValidationError, match="outside"):
        sync_folder.sync(j, tmp_path)
    assert not (tmp_path / "exback-sync.json").exists()


def test_a_demo_journal_never_syncs_with_a_real_one(pair, tmp_path):
    a, _, folder = pair
    sync_folder.sync(a, folder)
    demo = journal_at(tmp_path, "demo")
    demo.set_setting("demo", True)
    with pytest.raises(ValidationError, match="demo"):
        join(demo, folder, a)
    assert a.count("checkins") == 0
    demo.close()


def test_the_vault_stays_on_this_device_unless_included(pair):
    a, b, folder = pair
    a.add("unsent", text="never sent words")
    a.add_checkin(mood=3)
    sync_folder.sync(a, folder)
    join(b, folder, a)
    assert b.count("unsent") == 0 and b.count("checkins") == 1
    assert b"never sent" not in own_file(folder, a).read_bytes()
    sync_folder.sync(a, folder, include_vault=True)
    sync_folder.sync(b, folder)
    assert [r["text"] for r in b.records("unsent")] == ["never sent words"]


def test_everything_written_in_the_folder_is_private(pair):
    a, _, folder = pair
    a.add_checkin(mood=3)
    sync_folder.sync(a, folder)
    for path in [folder, *folder.rglob("*")]:
        assert path.stat().st_mode & 0o777 == (0o700 if path.is_dir() else 0o600), path


def test_a_copied_journal_on_another_computer_is_a_new_device(pair, tmp_path, monkeypatch):
    a, _, _ = pair
    first = device_id(a.path)
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "other-computer"))
    assert device_id(a.path) != first


def test_status_names_the_devices_and_what_each_brought(pair):
    a, b, folder = pair
    a.add_checkin(mood=3)
    a.add_checkin(mood=4)
    sync_folder.sync(a, folder)
    join(b, folder, a)
    seen = {d.device: d for d in sync_folder.status(b, folder)}
    assert seen[device_id(a.path)].brought == 2 and not seen[device_id(a.path)].this_one
    assert seen[device_id(b.path)].this_one and seen[device_id(b.path)].last_wrote is not None


def test_syncing_twice_changes_nothing_and_sends_nothing(pair):
    a, b, folder = pair
    a.add_checkin(mood=3)
    sync_folder.sync(a, folder)
    join(b, folder, a)
    size = own_file(folder, a).stat().st_size
    again = sync_folder.sync(a, folder)
    assert again.sent == 0 and again.merged == {}
    assert own_file(folder, a).stat().st_size == size
