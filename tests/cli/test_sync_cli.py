"""`exback sync DIR`: messages, exit codes, and two real processes writing while syncing."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from exback_kit import Journal
from exback_kit.content import texts


def _exback(*args: str, home: Path, env: dict[str, str] | None = None
            ) -> subprocess.CompletedProcess[str]:
    full = {**os.environ, "EXBACK_HOME": str(home), **(env or {})}
    return subprocess.run([sys.executable, "-m", "exback_kit.cli", *args], env=full,
                          capture_output=True, text=True, timeout=120, stdin=subprocess.DEVNULL)


def test_sync_claims_refuses_without_join_joins_and_shows_status(tmp_path):
    a, b, folder = tmp_path / "a", tmp_path / "b", tmp_path / "DIR"
    _exback("checkin", "--mood", "6", home=a)
    _exback("checkin", "--mood", "3", home=b)
    first = _exback("sync", str(folder), home=a)
    assert first.returncode == 0 and "owns" in first.stdout, first.stderr
    code = _code(first.stdout)
    refused = _exback("sync", str(folder), home=b)
    assert refused.returncode == 2 and "--join CODE" in refused.stderr + refused.stdout
    assert "Traceback" not in refused.stderr
    joined = _exback("sync", str(folder), "--join", code.lower(), home=b)
    assert joined.returncode == 0 and "brought in 1" in joined.stdout
    status = _exback("sync", str(folder), "--status", home=b)
    assert status.returncode == 0 and "(this computer)" in status.stdout
    assert "brought 1 record here" in status.stdout
    with Journal.open(b / "journal.sqlite3") as j:
        assert sorted(r["mood"] for r in j.records("checkins")) == [3, 6]


def _code(said: str) -> str:
    """Return the join code a first sync showed."""
    import re

    found = re.search(r"--join ([A-Z2-7]{4}(?:-[A-Z2-7]{4}){5})", said)
    assert found, said
    return found.group(1)


def test_sync_into_the_journal_folder_is_refused_in_plain_words(tmp_path):
    out = _exback("sync", str(tmp_path / "a"), home=tmp_path / "a")
    assert out.returncode == 2 and "outside" in out.stdout + out.stderr
    assert "Traceback" not in out.stderr


WRITER = """
import sys
from exback_kit import Journal
j = Journal.open(sys.argv[1], backup=False)
for i in range(int(sys.argv[2])):
    j.add_checkin(mood=1 + i % 10, note=f"{sys.argv[3]}-{i}")
j.close()
"""


@pytest.mark.slow
def test_two_processes_writing_while_sync_runs_on_both_lose_nothing(tmp_path):
    folder = tmp_path / "DIR"
    homes = [tmp_path / "a", tmp_path / "b"]
    for home in homes:
        Journal.open(home / "journal.sqlite3").close()
    first = _exback("sync", str(folder), home=homes[0])  # the first claims the folder
    assert _exback("sync", str(folder), "--join", _code(first.stdout),
                   home=homes[1]).returncode == 0
    env = {**os.environ}
    writers = [subprocess.Popen([sys.executable, "-c", WRITER, str(h / "journal.sqlite3"),
                                 "300", h.name], env=env) for h in homes]
    rounds = 0
    while any(w.poll() is None for w in writers) or rounds < 2:
        for home in homes:
            out = _exback("sync", str(folder), home=home)
            assert out.returncode == 0, out.stdout + out.stderr
        rounds += 1
    assert [w.wait(timeout=120) for w in writers] == [0, 0]
    for _ in range(2):
        for home in homes:
            assert _exback("sync", str(folder), home=home).returncode == 0
    expected = {f"{h.name}-{i}" for h in homes for i in range(300)}
    for home in homes:
        with Journal.open(home / "journal.sqlite3") as j:
            notes = [r["note"] for r in j.records("checkins")]
        assert len(notes) == 600 and set(notes) == expected


def test_a_locked_journal_syncs_with_its_passphrase_from_the_environment(tmp_path):
    from exback_kit.store import locking

    secret = "river stones at dusk"
    homes = [tmp_path / "a", tmp_path / "b"]
    for home in homes:
        Journal.open(home / "journal.sqlite3").close()
        locking.encrypt(home / "journal.sqlite3", secret)
    env = {"EXBACK_PASSPHRASE": secret}
    assert _exback("checkin", "--mood", "7", home=homes[0], env=env).returncode == 0
    first = _exback("sync", str(tmp_path / "DIR"), home=homes[0], env=env)
    assert first.returncode == 0
    no_secret = _exback("sync", str(tmp_path / "DIR"), "--join", _code(first.stdout),
                        home=homes[1])
    assert no_secret.returncode != 0 and "Traceback" not in no_secret.stderr
    assert "passphrase" in (no_secret.stdout + no_secret.stderr).lower()
    out = _exback("sync", str(tmp_path / "DIR"), "--join", _code(first.stdout), home=homes[1],
                  env=env)
    assert out.returncode == 0 and "brought in 1" in out.stdout, out.stderr


def test_locking_a_synced_journal_says_the_old_folder_is_plain_and_forget_folder_cleans_it(
        tmp_path):
    home, folder = tmp_path / "a", tmp_path / "DIR"
    _exback("checkin", "--mood", "6", "--note", "in the clear", home=home)
    assert _exback("sync", str(folder), home=home).returncode == 0
    mine = next((folder / "devices").iterdir())
    locked = _exback("encrypt", home=home, env={"EXBACK_PASSPHRASE": "river stones at dusk"})
    assert locked.returncode == 0, locked.stderr
    assert f"{folder} still holds this journal's entries unlocked" in locked.stdout
    assert f"exback sync {folder} --forget-folder" in locked.stdout
    forgot = _exback("sync", str(folder), "--forget-folder", home=home,
                     env={"EXBACK_PASSPHRASE": "river stones at dusk"})
    assert forgot.returncode == 0, forgot.stderr
    assert str(mine / "changes.jsonl") in forgot.stdout and "on each" in forgot.stdout
    assert not mine.exists()
    assert b"in the clear" not in b"".join(p.read_bytes() for p in folder.rglob("*")
                                           if p.is_file())


def test_status_merges_first_and_says_one_line_when_something_came_in(tmp_path):
    a, b, folder = tmp_path / "a", tmp_path / "b", tmp_path / "DIR"
    first = _exback("sync", str(folder), home=a)
    assert _exback("sync", str(folder), "--join", _code(first.stdout), home=b).returncode == 0
    assert _exback("checkin", "--mood", "4", home=b).returncode == 0  # sent by itself
    status = _exback("status", home=a)
    assert status.returncode == 0 and "1 change came in" in status.stdout, status.stderr
    assert "came in" not in _exback("status", home=a).stdout  # quiet when nothing is new


def test_sync_status_prints_planted_device_names_escaped(tmp_path):
    home, folder = tmp_path / "a", tmp_path / "DIR"
    assert _exback("sync", str(folder), home=home).returncode == 0
    (folder / "devices" / "\x1b[2Jgone").mkdir()
    out = _exback("sync", str(folder), "--status", home=home)
    assert out.returncode == 0 and "\x1b" not in out.stdout and "\\x1b[2Jgone" in out.stdout


def test_an_empty_passphrase_on_a_locked_sync_says_the_journal_is_locked(tmp_path):
    from exback_kit.store import locking

    home = tmp_path / "a"
    Journal.open(home / "journal.sqlite3").close()
    locking.encrypt(home / "journal.sqlite3", "river stones at dusk")
    out = _exback("sync", str(tmp_path / "DIR"), home=home, env={"EXBACK_PASSPHRASE": ""})
    said = out.stdout + out.stderr
    assert out.returncode != 0 and "Traceback" not in said
    assert "can't lock anything" not in said and "is locked with a passphrase" in said


def test_forget_folder_says_what_it_left_because_the_kit_did_not_write_it(tmp_path):
    home, folder = tmp_path / "a", tmp_path / "DIR"
    assert _exback("sync", str(folder), home=home).returncode == 0
    mine = next((folder / "devices").iterdir())
    (mine / "readme.txt").write_text("the person's own")
    forgot = _exback("sync", str(folder), "--forget-folder", home=home)
    assert forgot.returncode == 0, forgot.stderr
    assert texts.SYNC_FORGOT_LEFT in forgot.stdout and str(mine / "readme.txt") in forgot.stdout
    assert (mine / "readme.txt").read_text() == "the person's own"
    assert not (mine / "changes.jsonl").exists()
