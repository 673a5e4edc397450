"""Every file the kit writes replaces the old one whole, or not at all."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from exback_kit import Journal, JournalError, ValidationError
from exback_kit.store import files
from exback_kit.store.files import open_replacing, replacing, write_private


def test_a_failure_while_writing_keeps_the_old_file_and_no_temp(tmp_path):
    out = tmp_path / "report.pdf"
    out.write_bytes(b"the old report")
    class Killed(Exception):
        pass

    with pytest.raises(Killed), open_replacing(out) as fh:
        fh.write(b"half a new rep")
        raise Killed
    assert out.read_bytes() == b"the old report"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["report.pdf"]


def test_a_failed_check_keeps_the_old_file(tmp_path):
    out = tmp_path / "copy.sqlite3"
    out.write_bytes(b"old copy")

    def refuse(path: Path) -> None:
        raise JournalError("not good")

    with pytest.raises(JournalError), replacing(out, check=refuse) as temp:
        temp.write_bytes(b"bad copy")
    assert out.read_bytes() == b"old copy"


def test_the_new_content_is_fsynced_before_the_rename(tmp_path, monkeypatch):
    calls: list[str] = []
    real_fsync, real_replace = os.fsync, os.replace
    monkeypatch.setattr(files.os, "fsync", lambda fd: (calls.append("fsync"), real_fsync(fd)))
    monkeypatch.setattr(files.os, "replace",
                        lambda a, b: (calls.append("replace"), real_replace(a, b)))
    write_private(tmp_path / "x.ics", b"data")
    assert calls == ["fsync", "replace", "fsync"]  # file, rename, then the folder


def test_writing_over_a_symlink_is_refused(tmp_path):
    target = tmp_path / "elsewhere.txt"
    target.write_text("keep")
    link = tmp_path / "out.json"
    link.symlink_to(target)
    with pytest.raises(ValidationError, match="link"):
        write_private(link, b"x")
    assert target.read_text() == "keep"


@pytest.mark.parametrize("fmt", ["csv", "json"])
def test_a_failed_reexport_keeps_the_old_export(journal, tmp_path, monkeypatch, fmt):
    from exback_kit.interchange import exports

    out = tmp_path / f"e.{'zip' if fmt == 'csv' else 'json'}"
    journal.add_checkin(5)
    exports.export(journal, out)
    before = out.read_bytes()
    real_fsync = os.fsync

    def disk_full(fd: int) -> None:
        real_fsync(fd)
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(files.os, "fsync", disk_full)
    journal.add_checkin(6)
    with pytest.raises(OSError):
        exports.export(journal, out)
    assert out.read_bytes() == before


# --- a journal deleted or replaced under an open Journal ------------------------------

def test_a_journal_deleted_under_an_open_journal_refuses_the_next_save(tmp_path):
    path = tmp_path / "journal.sqlite3"
    kernel = Journal.open(path)
    kernel.add_checkin(5)
    for name in ("", "-wal", "-shm"):
        Path(f"{path}{name}").unlink(missing_ok=True)  # what `exback forget --yes` does
    with pytest.raises(JournalError, match="deleted or replaced"):
        kernel.add_checkin(6)
    kernel.close()
    assert not path.exists()


def test_a_journal_replaced_under_an_open_journal_refuses_the_next_save(tmp_path):
    path = tmp_path / "journal.sqlite3"
    kernel = Journal.open(path)
    with Journal.open(tmp_path / "other.sqlite3") as other:
        other.add_checkin(2)
    os.replace(tmp_path / "other.sqlite3", path)
    with pytest.raises(JournalError, match="deleted or replaced"):
        kernel.log_urge(5)
    assert kernel.count("urges") == 0  # nothing went into the file it still holds
    kernel.close()


def test_forget_from_the_command_line_stops_a_kernels_later_saves(tmp_path):
    from exback_kit.cli import main

    path = tmp_path / "journal.sqlite3"
    kernel = Journal.open(path)
    kernel.add_checkin(5)
    assert main(["--journal", str(path), "forget", "--yes"]) == 0
    with pytest.raises(JournalError, match="deleted or replaced"):
        kernel.set_setting("habits", ["yoga"])
    kernel.close()
