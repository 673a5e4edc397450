"""Sync that can't be turned against the person: the newest answer wins everywhere, only
lines signed with the folder's key are believed, clocks can't be pushed, links are never
followed, damage repairs itself, and a new folder gets everything (issue 21, items 1–6, 9)."""

from __future__ import annotations

import json
import os
import shutil
import time
from pathlib import Path

import pytest

from exback_kit import Journal, content
from exback_kit.domain import gate
from exback_kit.errors import ValidationError
from exback_kit.interchange import sync_folder
from exback_kit.interchange.sync_folder import change_files, no_links, signing
from exback_kit.store import clock, sync_folders, validate
from exback_kit.store.device import device_id
from tests.interchange.sync_kit import code_of, join, journal_at, own_file

HARM = "harm_or_control"





def _key(journal: Journal, folder: Path) -> tuple[bytes, str]:
    claim = json.loads((folder / "exback-sync.json").read_text())
    member = sync_folders.membership(journal, claim["folder"])
    assert member is not None
    return signing.folder_key(member.code, claim["folder"]), claim["folder"]


def _checkin(device: str, *, version: str, at: str, day: str, note: str) -> dict[str, object]:
    return {"kind": "checkins", "uuid": clock.new_uuid(), "version": version, "device": device,
            "at": at, "day": day, "values": {"mood": 5, "note": note}}


def _stamp(ms: int) -> str:
    return f"{ms:013d}.000000"


# --- 1. latest means newest by version ------------------------------------------------

def test_an_older_boundaries_answer_arriving_later_never_undoes_a_newer_one(pair, monkeypatch):
    a, b, folder = pair
    asked = content.load().boundary_questions
    earlier = time.time() - 3600
    with monkeypatch.context() as m:  # B answered every question "no", an hour ago
        m.setattr(clock.time, "time", lambda: earlier)
        for question in asked:
            b.save_answer(step=0, question=question, value="no")
        b.add("decisions", decision="try_again")
    code = sync_folder.sync(b, folder).code
    a.save_answer(step=0, question=HARM, value="yes")  # newer: violence was named
    a.add("decisions", decision="move_on")
    sync_folder.sync(a, folder, join=code)  # B's older rows arrive after A's newer ones
    sync_folder.sync(b, folder)
    for journal in (a, b):
        assert journal.latest_answers(0)[HARM] == "yes"
        answers, decisions = journal.table("answers"), journal.table("decisions")
        assert gate.boundary_answers(answers, kit=content.load())[HARM] == "yes"
        assert gate.journey(answers, decisions, kit=content.load()).path == "moving_on"
        latest = journal.latest_record("decisions")
        assert latest is not None and latest["decision"] == "move_on"


# --- 2. every line authenticated ------------------------------------------------------

def test_a_planted_line_from_a_device_without_the_key_is_refused_and_the_person_told(pair):
    a, b, folder = pair
    a.set_setting("crisis_contacts", [{"name": "my sister", "detail": "0123"}])
    sync_folder.sync(a, folder)
    join(b, folder, a)
    stranger = "abcdef0123456789"
    forged = os.urandom(32)  # a key that isn't the folder's
    folder_id = json.loads((folder / "exback-sync.json").read_text())["folder"]
    planted = folder / "devices" / stranger / "changes.jsonl"
    planted.parent.mkdir()
    setting = {"kind": "setting", "key": "crisis_contacts", "value": "Call me instead",
               "version": _stamp(clock.now_ms()), "device": stranger}
    planted.write_bytes(change_files.header(forged, folder_id, stranger, False)
                        + signing.sign(forged, stranger, setting))
    bare = folder / "devices" / "zz" / "changes.jsonl"  # the old, unsigned format
    bare.parent.mkdir()
    bare.write_text(json.dumps({**setting, "version": "999999999999999999999999"}) + "\n")
    for journal in (a, b):
        result = sync_folder.sync(journal, folder)
        said = "\n".join(result.problems)
        assert f"{planted}, line 1, isn't signed" in said
        assert "zz" in said and result.merged == {}
        assert journal.get_setting("crisis_contacts") == [{"name": "my sister", "detail": "0123"}]
        journal.add_checkin(mood=4)  # the clock was not pushed
        newest = journal.execute_read("SELECT max(version) FROM checkins")[0][0]
        assert not clock.ahead_of_clock(newest) and len(newest) == 20


@pytest.mark.parametrize("forged", [None, os.urandom(32)], ids=["unsigned", "forged"])
def test_a_planted_header_from_a_newer_kit_blocks_only_its_own_file(pair, forged):
    """Only a header signed with the folder's key can say 'update the kit': an unsigned or
    forged one is that file's problem, named, and every other device's lines are merged."""
    a, b, folder = pair
    sync_folder.sync(a, folder)
    join(b, folder, a)
    b.add_checkin(mood=2, note="from b")
    sync_folder.sync(b, folder)
    planted = folder / "devices" / "abcdef" / "changes.jsonl"
    planted.parent.mkdir()
    newer = {"exback_sync": 99, "folder": "x", "device": "abcdef"}
    planted.write_bytes(json.dumps(newer).encode() + b"\n" if forged is None
                        else signing.sign(forged, "abcdef", newer))
    result = sync_folder.sync(a, folder)
    assert [str(planted) in p for p in result.problems] == [True]
    assert "newer" not in "\n".join(result.problems)
    assert [r["note"] for r in a.records("checkins")] == ["from b"]


def test_an_unsigned_line_among_signed_ones_is_left_out_by_number(pair):
    a, b, folder = pair
    a.add_checkin(mood=3, note="real")
    sync_folder.sync(a, folder)
    me = device_id(a.path)
    with open(own_file(folder, a), "ab") as fh:  # someone appends a line in the right shape
        fh.write(b'{"mac":"' + b"0" * 64 + b'",' + json.dumps(_checkin(
            me, version=_stamp(clock.now_ms()), at=validate.now().isoformat(),
            day=validate.now().date().isoformat(), note="planted"))[1:].encode() + b"\n")
    result = join(b, folder, a)
    assert [r["note"] for r in b.records("checkins")] == ["real"]
    assert any("line 3, isn't signed" in p for p in result.problems)


# --- 3 and 9. clocks that can't be pushed; synced dates checked -------------------------

def test_stamps_and_days_too_far_ahead_are_refused(pair):
    a, b, folder = pair
    a.add_checkin(mood=3, note="today")
    sync_folder.sync(a, folder)
    key, _ = _key(a, folder)
    me = device_id(a.path)
    now = validate.now()
    two_days = clock.now_ms() + 2 * 86_400_000
    lines = [
        _checkin(me, version=_stamp(two_days), at=now.isoformat(), day=now.date().isoformat(),
                 note="stamp ahead"),
        _checkin(me, version=_stamp(clock.now_ms()), at="9999-12-31T12:00:00+00:00",
                 day="9999-12-31", note="far day"),
        _checkin(me, version=_stamp(clock.now_ms()), at=now.isoformat(), day="9999-12-31",
                 note="far day only"),
    ]
    with open(own_file(folder, a), "ab") as fh:
        fh.write(b"".join(signing.sign(key, me, line) for line in lines))
    result = join(b, folder, a)
    said = "\n".join(result.problems)
    assert "more than a day ahead" in said and "9999-12-31" in said and "in the future" in said
    assert [r["note"] for r in b.records("checkins")] == ["today"]
    assert not clock.ahead_of_clock(b.execute_read("SELECT value FROM sync_state "
                                                    "WHERE key = 'clock'")[0][0])


def test_the_clock_never_stamps_what_another_device_would_refuse(tmp_path):
    with journal_at(tmp_path, "j") as j, j.transaction() as conn:
        clock._store(conn, clock.now_ms() + 10 * 86_400_000, 7)  # pushed before stamps were checked
        assert not clock.ahead_of_clock(clock.tick(conn)[0])
        clock._store(conn, clock.now_ms() + 60_000, clock.COUNTER_MAX)  # a full counter
        for stamp in clock.tick(conn, 3):
            assert validate.version(stamp) == stamp and not clock.ahead_of_clock(stamp)


# --- 4 and 9. no links; private folders; names shown escaped ---------------------------

def test_sync_never_writes_through_a_link_to_a_file_in_the_home_folder(pair, tmp_path):
    a, _, folder = pair
    a.add_checkin(mood=3, note="mine")
    sync_folder.sync(a, folder)
    elsewhere = tmp_path / "home-notes.txt"
    elsewhere.write_text("my own file\n")
    own = own_file(folder, a)
    own.unlink()
    own.symlink_to(elsewhere)
    a.add_checkin(mood=4, note="later")
    result = sync_folder.sync(a, folder)
    assert elsewhere.read_text() == "my own file\n"  # nothing went through the link
    assert any("is a link" in p for p in result.problems)
    assert not own.is_symlink() and b"later" in own.read_bytes()


def test_a_linked_folder_or_claim_in_the_sync_folder_is_refused(pair, tmp_path):
    a, _, folder = pair
    sync_folder.sync(a, folder)
    outside = tmp_path / "outside"
    outside.mkdir()
    mine = folder / "devices" / device_id(a.path)
    shutil.rmtree(mine)
    mine.symlink_to(outside)
    a.add_checkin(mood=2)
    with pytest.raises(ValidationError, match="is a link"):
        sync_folder.sync(a, folder)
    assert list(outside.iterdir()) == []
    claim = folder / "exback-sync.json"
    (tmp_path / "claim.json").write_bytes(claim.read_bytes())
    claim.unlink()
    claim.symlink_to(tmp_path / "claim.json")
    with pytest.raises(ValidationError, match="is a link"):
        sync_folder.sync(a, folder)


def test_folders_made_for_sync_are_private_all_the_way_down(tmp_path):
    with journal_at(tmp_path, "j") as j:
        sync_folder.sync(j, tmp_path / "deep" / "a" / "b")
    for part in ("deep", "deep/a", "deep/a/b", "deep/a/b/devices"):
        assert (tmp_path / part).stat().st_mode & 0o777 == 0o700, part


def test_status_shows_planted_device_names_escaped(pair):
    a, _, folder = pair
    sync_folder.sync(a, folder)
    (folder / "devices" / "\x1b[2J\x1b[31mred").mkdir()
    shown = [d.device for d in sync_folder.status(a, folder)]
    assert "\\x1b[2J\\x1b[31mred" in shown and not any("\x1b" in d for d in shown)
    result = sync_folder.sync(a, folder)
    assert not any("\x1b" in p for p in result.problems)


# --- 5. damage repairs itself; size caps -----------------------------------------------

def test_a_damaged_line_is_skipped_by_number_and_its_owner_writes_the_file_again(pair):
    a, b, folder = pair
    a.add_checkin(mood=1, note="one")
    sync_folder.sync(a, folder)
    with open(own_file(folder, a), "ab") as fh:
        fh.write(b"\x00garbage from a bad disk\n")
    first = join(b, folder, a)
    assert any("line 3" in p and "left out" in p for p in first.problems)
    a.add_checkin(mood=2, note="two")
    repaired = sync_folder.sync(a, folder)
    assert repaired.repaired and b"garbage" not in own_file(folder, a).read_bytes()
    assert sync_folder.said(repaired)[0].startswith("This computer's file")
    again = sync_folder.sync(b, folder)
    assert again.problems == []
    assert [r["note"] for r in b.records("checkins")] == ["one", "two"]


def test_files_and_lines_over_the_caps_are_not_read(pair, monkeypatch):
    a, b, folder = pair
    a.add_checkin(mood=1, note="x" * 2000)
    sync_folder.sync(a, folder)
    monkeypatch.setattr(change_files, "MAX_LINE_BYTES", 1000)
    result = join(b, folder, a)
    assert any("longer than any line" in p and "line 2" in p for p in result.problems)
    assert b.count("checkins") == 0
    monkeypatch.setattr(no_links, "MAX_FILE_BYTES", 500)
    result = sync_folder.sync(b, folder)
    assert any("larger than" in p for p in result.problems)


# --- 6. "sent" is per folder -------------------------------------------------------------

def test_a_new_folder_gets_everything_and_a_recreated_one_heals(pair, tmp_path):
    a, b, first = pair
    a.add_checkin(mood=1, note="one")
    a.add_checkin(mood=2, note="two")
    code = sync_folder.sync(a, first).code
    second = tmp_path / "SECOND"
    assert sync_folder.sync(a, second).sent == 2  # a first sync into a folder sends everything
    join(b, second, a)
    assert b.count("checkins") == 2
    shutil.rmtree(first)  # the folder is gone, then made again
    again = sync_folder.sync(a, first)
    assert not again.claimed and again.sent == 2  # the same folder, with the same code
    c = journal_at(tmp_path, "c")
    sync_folder.sync(c, first, join=code)
    assert sorted(r["note"] for r in c.records("checkins")) == ["one", "two"]
    c.close()


def test_the_join_code_is_the_only_way_in_and_works_from_any_member(pair, tmp_path):
    a, b, folder = pair
    code = sync_folder.sync(a, folder).code
    assert code is not None and code == code_of(a, folder)
    assert code not in "".join(p.read_text(errors="replace") for p in folder.rglob("*")
                               if p.is_file())
    assert code.encode() not in b"".join(p.read_bytes() for p in folder.rglob("*")
                                         if p.is_file())
    join(b, folder, a)
    assert code_of(b, folder) == code


def test_joining_a_folder_nobody_set_up_yet_claims_nothing(tmp_path):
    with journal_at(tmp_path, "b") as b:
        with pytest.raises(ValidationError, match="nothing to join"):
            sync_folder.sync(b, tmp_path / "DIR", join="AAAA-BBBB-CCCC-DDDD-EEEE-FFFF")
        assert not (tmp_path / "DIR" / "exback-sync.json").exists()


def test_a_folder_set_up_before_lines_were_signed_is_refused_in_plain_words(tmp_path):
    folder = tmp_path / "DIR"
    folder.mkdir()
    (folder / "exback-sync.json").write_text(json.dumps(
        {"exback_sync": 1, "folder": "0" * 32, "demo": False, "locked": False}))
    with journal_at(tmp_path, "a") as a:
        a.add_checkin(mood=3)
        with pytest.raises(ValidationError, match="earlier version of the kit"):
            sync_folder.sync(a, folder)
        assert not (folder / "devices").exists()


def test_a_round_reads_only_what_is_new_and_still_names_lines_by_their_number(pair, monkeypatch):
    a, b, folder = pair
    a.add_checkin(mood=1)
    a.add_checkin(mood=2)
    sync_folder.sync(a, folder)
    join(b, folder, a)  # B has read lines 1-3 of A's file
    with open(own_file(folder, a), "ab") as fh:
        fh.write(b"garbage\n")  # line 4
    whole_reads = []
    real = no_links.read_file

    def spy(folder_: Path, parts: list[str], **kw: object) -> bytes | None:
        whole_reads.append(parts[-1])
        return real(folder_, parts, **kw)  # type: ignore[arg-type]

    monkeypatch.setattr(no_links, "read_file", spy)
    result = sync_folder.sync(b, folder)
    assert any(", line 4, " in p for p in result.problems), result.problems
    assert "changes.jsonl" not in whole_reads  # only the new part of each file was read


def test_forget_folder_removes_only_the_files_the_kit_wrote_and_names_the_rest(pair, tmp_path):
    """Nothing the kit didn't write is ever deleted: another name, a subfolder and a link stay
    (the link's target too), the change file and a sync tool's copy go, the folder is forgotten."""
    a, _b, folder = pair
    a.add_checkin(mood=3)
    sync_folder.sync(a, folder)
    mine = own_file(folder, a).parent
    copy = mine / "changes.sync-conflict-20260101-000000-ABC.jsonl"
    copy.write_bytes(own_file(folder, a).read_bytes())
    (mine / "notes.txt").write_text("mine, not the kit's")
    (mine / "photos").mkdir()
    (mine / "photos" / "changes.jsonl").write_text("kept")
    target = tmp_path / "elsewhere.jsonl"
    target.write_text("kept")
    (mine / "changes.link.jsonl").symlink_to(target)
    forgotten = sync_folder.forget_folder(a, folder)
    assert sorted(forgotten.removed) == sorted([mine / "changes.jsonl", copy])
    assert sorted(forgotten.left) == sorted(
        [mine / "notes.txt", mine / "photos", mine / "changes.link.jsonl"])
    assert sorted(p.name for p in mine.iterdir()) == ["changes.link.jsonl", "notes.txt", "photos"]
    assert (mine / "photos" / "changes.jsonl").read_text() == "kept"
    assert target.read_text() == "kept"
    assert sync_folders.memberships(a) == []
