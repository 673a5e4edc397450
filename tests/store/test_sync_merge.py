"""The store's one way in for synced records: every record checked as untrusted, the good
ones merged with the file's read position in one transaction, and what was sent recorded
in one transaction too."""

from __future__ import annotations

from pathlib import Path

from exback_kit import Journal
from exback_kit.store import sync, sync_folders

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
