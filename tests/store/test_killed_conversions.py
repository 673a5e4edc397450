"""A `kill -9` in encrypt or decrypt leaves a whole copy under a .partial name: swept next time."""

from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path

import pytest

from exback_kit import Journal
from exback_kit.store import encryption, keys, locking
from exback_kit.store.files import TEMP_PREFIX, TEMP_SUFFIX, replacing, sweep_unfinished

PW = "a long walk by the river"
NOTE = "words only this journal holds"

#: Runs encrypt or decrypt and SIGKILLs itself at the moment the copy would replace the journal.
KILLED_AT_RENAME = """
import os, signal, sys
from pathlib import Path
from exback_kit.store import locking

journal = Path(sys.argv[2])
real_replace = os.replace

def replace(src, dst):
    if Path(dst) == journal:
        os.kill(os.getpid(), signal.SIGKILL)
    return real_replace(src, dst)

os.replace = replace
if sys.argv[1] == "encrypt":
    locking.encrypt(journal, sys.argv[3])
else:
    locking.decrypt(journal, sys.argv[3])
"""


def _partials(folder: Path) -> list[Path]:
    return sorted(folder.rglob(f"{TEMP_PREFIX}*{TEMP_SUFFIX}"))


def _killed(what: str, path: Path) -> None:
    child = subprocess.run([sys.executable, "-c", KILLED_AT_RENAME, what, str(path), PW],
                           capture_output=True, timeout=120)
    assert child.returncode == -9, child.stderr


@pytest.fixture
def journal_path(tmp_path) -> Path:
    path = tmp_path / "home" / "journal.sqlite3"
    with Journal.open(path) as j:
        j.add_checkin(mood=5, note=NOTE)
        j.backup()
    return path


def test_a_killed_decrypt_leaves_plain_words_that_the_next_command_sweeps(journal_path):
    locking.encrypt(journal_path, PW)
    _killed("decrypt", journal_path)
    left = _partials(journal_path.parent)
    assert len(left) == 1 and NOTE.encode() in left[0].read_bytes()  # why it matters
    result = subprocess.run(["exback", "status", "--journal", str(journal_path)],
                            capture_output=True, text=True, timeout=120,
                            env={**os.environ, keys.PASSPHRASE_ENV: PW})
    assert result.returncode == 0, result.stderr
    assert "Cleared 1 unfinished file" in result.stderr
    assert _partials(journal_path.parent) == []
    with Journal.open(journal_path, passphrase=PW) as j:  # still locked, still whole
        assert j.encrypted and j.count("checkins") == 1


def test_a_killed_encrypt_is_swept_when_the_journal_is_next_opened(journal_path):
    _killed("encrypt", journal_path)
    assert len(_partials(journal_path.parent)) == 1
    assert not encryption.is_encrypted(journal_path)  # the rename never happened
    with Journal.open(journal_path) as j:
        assert j.count("checkins") == 1
    assert _partials(journal_path.parent) == []


def test_a_copy_still_being_written_is_left_alone(tmp_path):
    target = tmp_path / "export.json"
    ready = tmp_path / "ready"
    writer = subprocess.Popen([sys.executable, "-c", (
        "import sys, time; from pathlib import Path\n"
        "from exback_kit.store.files import replacing\n"
        "with replacing(Path(sys.argv[1])) as temp:\n"
        "    temp.write_bytes(b'new')\n"
        "    Path(sys.argv[2]).touch()\n"
        "    time.sleep(3)\n"), str(target), str(ready)])
    try:
        deadline = time.monotonic() + 60
        while not ready.exists() and time.monotonic() < deadline:
            time.sleep(0.05)
        assert ready.exists()
        assert sweep_unfinished(tmp_path) == []
        assert len(_partials(tmp_path)) == 1
        Journal.open(tmp_path / "journal.sqlite3").close()
        assert len(_partials(tmp_path)) == 1
    finally:
        assert writer.wait(60) == 0
    assert target.read_bytes() == b"new" and _partials(tmp_path) == []


def test_the_sweep_never_follows_a_link(tmp_path):
    outside = tmp_path / "outside.txt"
    outside.write_text("not the kit's")
    (tmp_path / "home").mkdir()
    link = tmp_path / "home" / f"{TEMP_PREFIX}x{TEMP_SUFFIX}"
    link.symlink_to(outside)
    assert sweep_unfinished(tmp_path / "home") == []
    assert outside.read_text() == "not the kit's"


def test_the_writer_still_replaces_the_file_as_before(tmp_path):
    target = tmp_path / "a.txt"
    with replacing(target) as temp:
        temp.write_text("one")
    assert target.read_text() == "one" and _partials(tmp_path) == []
