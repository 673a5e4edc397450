"""A full disk says so: never "damaged", never a restore hint, and nothing is lost.

Uses a real, small tmpfs (we are root in CI); skipped where mounting is not allowed.
"""

from __future__ import annotations

import contextlib
import os
import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest

from exback_kit import Journal, JournalError
from exback_kit.content import texts
from exback_kit.store import list_backups


@pytest.fixture
def small_disk(tmp_path: Path) -> Iterator[Path]:
    """A 2 MiB tmpfs, unmounted afterwards (saves also queue their words for search)."""
    folder = tmp_path / "small"
    folder.mkdir()
    mounted = subprocess.run(["mount", "-t", "tmpfs", "-o", "size=2048k", "tmpfs", str(folder)],
                             capture_output=True, check=False)
    if mounted.returncode != 0:
        pytest.skip("mounting a small tmpfs is not permitted here")
    try:
        yield folder
    finally:
        subprocess.run(["umount", "-l", str(folder)], check=False)


def fill(folder: Path) -> Path:
    """Fill the disk to the last byte; return the filler file (delete it to free space)."""
    filler = folder / "filler"
    with contextlib.suppress(OSError), open(filler, "wb") as fh:
        while True:
            fh.write(b"\0" * 4096)
            fh.flush()
    return filler


def exback(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(["exback", *args], capture_output=True, text=True, timeout=60,
                          env=os.environ.copy(), check=False)


def assert_plain_disk_full(message: str) -> None:
    assert texts.DISK_FULL in message
    assert "damaged" not in message and "restore" not in message
    assert "Traceback" not in message


def test_saving_on_a_full_disk_says_the_disk_is_full(small_disk):
    with Journal.open(small_disk / "journal.sqlite3") as journal:
        journal.add_checkin(5)
        filler = fill(small_disk)
        with pytest.raises(JournalError) as info:
            for _ in range(200):
                journal.add_checkin(6, note="x" * 4000)
        assert_plain_disk_full(str(info.value))
        filler.unlink()
        journal.add_checkin(7)  # fine again once there is space
        assert journal.count("checkins") >= 2


def test_opening_on_a_full_disk_is_not_called_damaged(small_disk):
    path = small_disk / "journal.sqlite3"
    with Journal.open(path) as journal:
        journal.add_checkin(5)
    filler = fill(small_disk)
    try:
        with Journal.open(path) as journal:
            journal.add_checkin(6, note="y" * 20_000)
    except JournalError as exc:
        assert_plain_disk_full(str(exc))
    filler.unlink()
    with Journal.open(path) as journal:
        assert journal.count("checkins") >= 1


def test_checkin_on_a_full_disk_is_a_message_with_exit_1(small_disk):
    path = small_disk / "journal.sqlite3"
    with Journal.open(path) as journal:
        journal.add_checkin(5)
    fill(small_disk)
    result = exback("--journal", str(path), "checkin", "--mood", "6", "--note", "z" * 9000)
    assert result.returncode == 1
    assert_plain_disk_full(result.stderr)
    assert "Saved" not in result.stdout


def test_a_backup_on_a_full_disk_leaves_no_partial_copy(small_disk):
    path = small_disk / "journal.sqlite3"
    with Journal.open(path) as journal:
        journal.add_checkin(5, note="n" * 2000)
        good = journal.backup()
        filler = fill(small_disk)
        with pytest.raises(JournalError) as info:
            journal.backup()
        assert_plain_disk_full(str(info.value))
        assert list_backups(path) == [good]
        assert sorted(p.name for p in good.parent.iterdir()) == [good.name]
        filler.unlink()


def test_a_reexport_on_a_nearly_full_disk_keeps_the_old_export(small_disk):
    from exback_kit.interchange import exports

    path = small_disk / "journal.sqlite3"
    out = small_disk / "export.json"
    with Journal.open(path) as journal:
        journal.add_checkin(5)
        exports.export(journal, out)
        old = out.read_bytes()
        journal.add_many("checkins", [{"mood": 5, "note": "w" * 5000} for _ in range(40)])
        filler = fill(small_disk)
        with pytest.raises(OSError):
            exports.export(journal, out)
        assert out.read_bytes() == old
        filler.unlink()
        result = exback("--journal", str(path), "export", str(out))
        assert result.returncode == 0, result.stderr
        assert len(out.read_bytes()) > len(old)


def test_export_on_a_full_disk_from_the_command_line_says_so(small_disk):
    path = small_disk / "journal.sqlite3"
    with Journal.open(path) as journal:
        journal.add_many("checkins", [{"mood": 5, "note": "w" * 5000} for _ in range(40)])
    fill(small_disk)
    result = exback("--journal", str(path), "export", str(small_disk / "e.json"))
    assert result.returncode == 1
    assert_plain_disk_full(result.stderr)
    assert not (small_disk / "e.json").exists()
