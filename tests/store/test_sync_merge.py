"""The store's one way in for synced records: every record checked as untrusted, the good
ones merged with the file's read position in one transaction, and what was sent recorded
in one transaction too."""

from __future__ import annotations

import time
from datetime import datetime, timedelta
from pathlib import Path

import pytest

from exback_kit import Journal
from exback_kit.store import settings, sync, sync_folders

FOLDER = "f" * 32
SENDER = "abc123"


def _sent_by_another(tmp_path: Path) -> list[dict[str, object]]:
    with Journal.open(tmp_path / "other" / "journal.sqlite3", backup=False) as other:
        other.add_checkin(6, note="a walk by the river")
        return sync.outgoing(other, SENDER)


def test_merge_leaves_out_a_bad_record_by_its_line_and_merges_the_rest(journal, tmp_path):
    good = _sent_by_another(tmp_path)
    forged = {**good[0], "device": "someone-else"}  # another device's record in this file
    unknown = {**good[0], "kind": "passwords"}
    arrived = [(2, good[0]), (3, forged), (4, unknown), (5, "not a record")]
    state = sync.ReadState(120, b"tail\n", line=5)

    merged = sync.merge(journal, "beef", arrived, folder=FOLDER, device=SENDER,
                        file="changes.jsonl", state=state)

    assert merged.changed == 1
    assert [number for number, _ in merged.refused] == [3, 4, 5]
    assert "someone-else" in merged.refused[0][1]
    assert [row["note"] for row in journal.records("checkins")] == ["a walk by the river"]
    saved = sync.read_states(journal, FOLDER)[(SENDER, "changes.jsonl")]
    assert (saved.position, saved.tail, saved.line, saved.records) == (120, b"tail\n", 5, 1)


def test_merging_the_same_records_again_changes_nothing(journal, tmp_path):
    good = _sent_by_another(tmp_path)
    numbered = list(enumerate(good, start=2))
    state = sync.ReadState(10, b"x\n", line=2)
    first = sync.merge(journal, "beef", numbered, folder=FOLDER, device=SENDER,
                       file="changes.jsonl", state=state)
    again = sync.merge(journal, "beef", numbered, folder=FOLDER, device=SENDER,
                       file="changes.jsonl", state=state)
    assert first.changed == len(good) and again.changed == 0
    assert len(journal.records("checkins")) == 1


def test_record_sent_marks_the_records_the_folder_and_this_files_end_together(journal):
    journal.add_checkin(4)
    sync_folders.remember(journal, FOLDER, "/somewhere", b"c" * 15)
    out = sync.outgoing(journal, "beef")
    end = sync.ReadState(300, b"end\n", line=3)

    sync.record_sent(journal, "beef", out, folder=FOLDER, file="changes.jsonl",
                     restarted=True, own=end)

    assert sync.outgoing(journal, "beef", since=max(str(r["version"]) for r in out)) == []
    member = sync_folders.membership(journal, FOLDER)
    assert member is not None and member.sent == max(str(r["version"]) for r in out)
    saved = sync.read_states(journal, FOLDER)[("beef", "changes.jsonl")]
    assert (saved.position, saved.tail, saved.line, saved.records) == (300, b"end\n", 3, 0)


def _setting(key: str, value: object, version: str) -> dict[str, object]:
    return {"kind": "setting", "key": key, "value": value, "version": version, "device": SENDER}


def _stamp(seconds_from_now: float) -> str:
    return f"{int((time.time() + seconds_from_now) * 1000):013d}.000000"


def _merge(journal: Journal, records: list[object]) -> sync.Merged:
    return sync.merge(journal, "beef", list(enumerate(records, start=1)), folder=FOLDER,
                      device=SENDER, file="changes.jsonl", state=sync.ReadState(1, b"\n", line=1))


@pytest.mark.parametrize(("offset", "wins"), [(-3600, False), (60, True)])
def test_a_setting_from_the_folder_wins_only_when_it_is_newer(journal, offset, wins):
    journal.set_setting("review_day", "2026-03-01")
    merged = _merge(journal, [_setting("review_day", "2026-04-01", _stamp(offset))])
    assert merged.changed == (1 if wins else 0) and merged.refused == []
    assert journal.get_setting("review_day") == ("2026-04-01" if wins else "2026-03-01")


def test_this_computers_own_settings_never_come_from_the_folder(journal):
    journal.set_setting(settings.FOLDER_SETTING, "/my/folder")
    merged = _merge(journal, [_setting(settings.FOLDER_SETTING, "/their/folder", _stamp(60))])
    assert merged.changed == 0
    assert journal.get_setting(settings.FOLDER_SETTING) == "/my/folder"


@pytest.mark.parametrize("days", [3, 30])
def test_an_entry_dated_beyond_a_days_leeway_is_refused(journal, tmp_path, days):
    good = _sent_by_another(tmp_path)[0]
    ahead = (datetime.now().astimezone() + timedelta(days=days)).isoformat()
    merged = _merge(journal, [{**good, "at": ahead}])
    assert merged.changed == 0 and [n for n, _ in merged.refused] == [1]
    assert journal.records("checkins") == []


def test_a_stamp_far_ahead_of_this_clock_is_refused(journal):
    merged = _merge(journal, [_setting("review_day", "2026-04-01", _stamp(3 * 24 * 3600))])
    assert merged.changed == 0 and [n for n, _ in merged.refused] == [1]
    assert journal.get_setting("review_day") is None
