"""The command line never shows a traceback: every failure is a message and exit 1 or 2."""

from __future__ import annotations

import errno
import os
import shutil
import sqlite3
import subprocess
import sys
import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest

from exback_kit import Journal
from exback_kit.cli import commands, main
from exback_kit.content import texts

OTHER_UID = 1001


def exback(*args: str | bytes, stdin: int | None = None, closed_stdin: bool = False,
           env: dict[str, str] | None = None,
           user: int | None = None) -> subprocess.CompletedProcess[str]:
    """Run the console script as a person would (optionally as another user / stdin closed)."""
    script = shutil.which("exback") or "exback"
    argv: list[str | bytes] = [script, *args]
    if user is not None:
        argv = ["setpriv", f"--reuid={user}", f"--regid={user}", "--clear-groups", *argv]
    result = subprocess.run(argv, capture_output=True, timeout=60, stdin=stdin, check=False,
                            env={**os.environ, **(env or {})},
                            preexec_fn=(lambda: os.close(0)) if closed_stdin else None)
    return subprocess.CompletedProcess(result.args, result.returncode,
                                       result.stdout.decode("utf-8", "replace"),
                                       result.stderr.decode("utf-8", "replace"))


def assert_message(result: subprocess.CompletedProcess[str], status: int) -> None:
    assert result.returncode == status, (result.stdout, result.stderr)
    assert "Traceback" not in result.stderr and result.stderr.strip()


@pytest.fixture
def jpath(tmp_path: Path) -> Path:
    path = tmp_path / "journal.sqlite3"
    with Journal.open(path) as journal:
        journal.add_checkin(5)
    return path


# --- files that can't be journals ----------------------------------------------------

@pytest.mark.parametrize("target", ["/dev/null", "/dev/zero", "/proc/self/status"])
def test_a_device_or_proc_file_as_journal_is_refused_with_a_message(target):
    result = exback("--journal", target, "checkin", "--mood", "5")
    assert_message(result, 1)
    assert target in result.stderr or "isn't an exback-kit journal" in result.stderr


# --- permissions (as another user: root ignores file modes) ----------------------------

@pytest.fixture
def other_users_folder() -> Iterator[Path]:
    if os.geteuid() != 0 or shutil.which("setpriv") is None:
        pytest.skip("needs root and setpriv to act as another user")
    probe = exback("where", user=OTHER_UID, env={"EXBACK_HOME": tempfile.gettempdir()})
    if probe.returncode != 0:
        pytest.skip(f"uid {OTHER_UID} cannot run the kit here ({probe.stderr.strip()[:120]}); "
                    "the interpreter's folders must be reachable (.ci/run makes them so)")
    folder = Path(tempfile.mkdtemp(prefix="exback-perm-"))
    folder.chmod(0o755)
    os.chown(folder, OTHER_UID, OTHER_UID)
    yield folder
    shutil.rmtree(folder, ignore_errors=True)


def _as_other(folder: Path, *args: str) -> subprocess.CompletedProcess[str]:
    env = {"HOME": str(folder), "EXBACK_HOME": str(folder), "XDG_DATA_HOME": str(folder)}
    return exback(*args, env=env, user=OTHER_UID)


def _journal_owned_by_other(folder: Path) -> Path:
    path = folder / "journal.sqlite3"
    with Journal.open(path) as journal:
        journal.add_checkin(5)
    for p in [folder, *folder.rglob("*")]:
        os.chown(p, OTHER_UID, OTHER_UID)
    return path


def test_checkin_into_a_read_only_journal_is_a_message(other_users_folder):
    path = _journal_owned_by_other(other_users_folder)
    path.chmod(0o400)
    result = _as_other(other_users_folder, "--journal", str(path), "checkin", "--mood", "6")
    assert_message(result, 1)
    assert "Saved" not in result.stdout
    with Journal.open(path, backup=False) as journal:
        assert journal.count("checkins") == 1


def test_export_into_a_folder_without_permission_names_the_file(other_users_folder, tmp_path):
    path = _journal_owned_by_other(other_users_folder)
    locked = other_users_folder / "locked"
    locked.mkdir(mode=0o555)
    out = locked / "e.zip"
    result = _as_other(other_users_folder, "--journal", str(path), "export", str(out))
    assert_message(result, 2)
    assert str(out) in result.stderr and ".partial" not in result.stderr


# --- odd input ------------------------------------------------------------------------

def test_backup_to_a_symlink_is_a_message(jpath, tmp_path):
    target = tmp_path / "precious.txt"
    target.write_text("precious")
    link = tmp_path / "link.sqlite3"
    link.symlink_to(target)
    result = exback("--journal", str(jpath), "backup", "--to", str(link))
    assert_message(result, 2)
    assert target.read_text() == "precious"


def test_invalid_utf8_in_a_note_is_a_message_and_nothing_is_saved(jpath):
    result = exback("--journal", str(jpath), "checkin", "--mood", "6", "--note", b"caf\xe9")
    assert_message(result, 2)
    assert "note" in result.stderr
    with Journal.open(jpath, backup=False) as journal:
        assert journal.count("checkins") == 1


def test_checkin_with_stdin_closed_asks_for_mood_flag(jpath):
    result = exback("--journal", str(jpath), "checkin", closed_stdin=True)
    assert_message(result, 2)
    assert "--mood" in result.stderr


def test_forget_with_stdin_closed_needs_yes_and_deletes_nothing(jpath):
    result = exback("--journal", str(jpath), "forget", closed_stdin=True)
    assert_message(result, 2)
    assert "--yes" in result.stderr and jpath.exists()


def test_restore_with_stdin_closed_needs_yes(jpath):
    with Journal.open(jpath) as journal:
        journal.backup()
    result = exback("--journal", str(jpath), "restore", closed_stdin=True)
    assert_message(result, 2)


def test_remind_copes_with_an_unsent_message_without_cooling_hours(jpath, tmp_path):
    with Journal.open(jpath) as journal:
        journal.add("unsent", text="a message I won't send", cooling_hours=None)
    result = exback("--journal", str(jpath), "remind", str(tmp_path / "r.ics"))
    assert result.returncode == 0, result.stderr
    assert (tmp_path / "r.ics").read_bytes().count(b"BEGIN:VEVENT") >= 3


# --- Ctrl-D ---------------------------------------------------------------------------

class _Terminal:
    """A stdin that is a terminal whose person presses Ctrl-D after ``answers``."""

    closed = False

    def isatty(self) -> bool:
        return True


@pytest.mark.parametrize("answers", [[], ["6"], ["6", "5", "7", "walk"]])
def test_ctrl_d_at_any_prompt_stops_and_saves_nothing(jpath, monkeypatch, capsys, answers):
    given = iter(answers)

    def fake_input(prompt: str = "") -> str:
        try:
            return next(given)
        except StopIteration:
            raise EOFError from None

    monkeypatch.setattr(sys, "stdin", _Terminal())
    monkeypatch.setattr("builtins.input", fake_input)
    assert main(["--journal", str(jpath), "checkin"]) == 1
    assert texts.CLI_STOPPED in capsys.readouterr().err
    with Journal.open(jpath, backup=False) as journal:
        assert journal.count("checkins") == 1


# --- errors the commands did not expect -------------------------------------------------

@pytest.mark.parametrize(("error", "status", "expected"), [
    (sqlite3.OperationalError("disk I/O error"), 1, "couldn't be read or written"),
    (sqlite3.DatabaseError("file is not a database"), 1, "couldn't be read or written"),
    (OSError(errno.EIO, "Input/output error"), 2, "The computer reported a problem"),
    (OSError(errno.ENOSPC, "No space left on device"), 1, texts.DISK_FULL),
    (UnicodeDecodeError("utf-8", b"\xe9", 0, 1, "invalid"), 2, "valid characters"),
])
def test_unexpected_errors_become_messages(monkeypatch, capsys, jpath, error, status, expected):
    def boom(args: object) -> int:
        raise error

    monkeypatch.setattr(commands, "cmd_status", boom)
    assert main(["--journal", str(jpath), "status"]) == status
    err = capsys.readouterr().err
    assert expected in err and "Traceback" not in err and ". :" not in err
