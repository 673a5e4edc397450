"""Handing the key to kernels: a private socket, never a file holding the key; stale ones swept."""

from __future__ import annotations

import json
import os
import stat
import subprocess
import sys
import time
import warnings
from pathlib import Path

import pytest

from exback_kit import Journal, JournalError
from exback_kit.store import handoff, locking

PW = "a long walk by the river"


@pytest.fixture
def runtime(tmp_path, monkeypatch):
    """A per-user runtime folder like the one the login session makes (mode 0700)."""
    folder = tmp_path / "run"
    folder.mkdir(mode=0o700)
    monkeypatch.setenv("XDG_RUNTIME_DIR", str(folder))
    monkeypatch.delenv(handoff.KEY_HANDOFF_ENV, raising=False)
    return folder


@pytest.fixture
def locked(tmp_path) -> Path:
    path = tmp_path / "journal.sqlite3"
    with Journal.open(path) as j:
        j.add_checkin(mood=4, note="rainy day")
    locking.encrypt(path, PW)
    return path


def _everything_written(folder: Path) -> bytes:
    return b"".join(f.read_bytes() for f in folder.rglob("*") if f.is_file())


def test_the_key_is_told_through_a_private_socket_and_never_written(locked, runtime,
                                                                    monkeypatch):
    key = locking.unlock(locked, PW)
    with handoff.KeyHandoff(locked, key) as server:
        assert stat.S_ISSOCK(server.path.lstat().st_mode)
        assert server.path.stat().st_mode & 0o777 == 0o600
        assert server.path.parent.stat().st_mode & 0o777 == 0o700
        assert key.hex().encode() not in _everything_written(runtime)
        assert handoff.read_handoff(locked) is None  # not named in the environment
        monkeypatch.setenv(handoff.KEY_HANDOFF_ENV, str(server.path))
        assert handoff.read_handoff(locked) == key
        assert handoff.read_handoff(locked) == key  # a second kernel gets it too
        assert handoff.read_handoff(locked.parent / "another.sqlite3") is None
        with Journal.open(locked, key=handoff.read_handoff(locked)) as j:
            assert j.count("checkins") == 1
    assert not server.path.exists()
    assert handoff.read_handoff(locked) is None  # the server stopped: nothing answers


def test_a_kernel_in_another_process_gets_the_key(locked, runtime):
    key = locking.unlock(locked, PW)
    with handoff.KeyHandoff(locked, key) as server:
        child = subprocess.run(
            [sys.executable, "-c", "import sys; from pathlib import Path; "
             "from exback_kit.store.handoff import read_handoff; "
             "k = read_handoff(Path(sys.argv[1])); print(k.hex() if k else '')", str(locked)],
            env={**os.environ, handoff.KEY_HANDOFF_ENV: str(server.path)},
            capture_output=True, text=True, timeout=60, check=True)
    assert child.stdout.strip() == key.hex()


def test_hand_offs_of_servers_that_died_are_swept_and_counted(locked, runtime):
    dead = subprocess.run([sys.executable, "-c", "import os; print(os.getpid())"],
                          capture_output=True, text=True, check=True).stdout.strip()
    folder = handoff.runtime_dir()
    old_file = folder / "key-0000.json"  # an earlier kit's hand-off: it held the key itself
    old_file.write_text(json.dumps({"journal": str(locked), "key": "00" * 32, "pid": int(dead)}))
    import socket

    dead_socket = folder / "k-000000000000.sock"
    with socket.socket(socket.AF_UNIX, socket.SOCK_STREAM) as s:
        s.bind(str(dead_socket))  # bound, then closed: what a `kill -9` leaves
    with handoff.KeyHandoff(locked, locking.unlock(locked, PW)) as live, \
            handoff.KeyHandoff(locked, locking.unlock(locked, PW)) as second:
        assert live.swept == 2 and not old_file.exists() and not dead_socket.exists()
        assert second.swept == 0 and live.path.exists()  # a running server's socket stays


def test_without_xdg_runtime_dir_the_kit_makes_its_own_private_folder_quietly(
        tmp_path, monkeypatch):
    monkeypatch.delenv("XDG_RUNTIME_DIR", raising=False)
    monkeypatch.setenv("TMPDIR", str(tmp_path))
    import tempfile

    monkeypatch.setattr(tempfile, "tempdir", None)  # read TMPDIR again
    with warnings.catch_warnings():
        warnings.simplefilter("error")  # platformdirs' fallback warned here
        folder = handoff.runtime_dir()
    assert folder == tmp_path / f"exback-kit-{os.getuid()}"
    assert folder.stat().st_mode & 0o777 == 0o700


def test_a_runtime_folder_that_is_a_link_or_someone_elses_is_refused(tmp_path, monkeypatch):
    base = tmp_path / "run"
    base.mkdir(mode=0o700)
    monkeypatch.setenv("XDG_RUNTIME_DIR", str(base))
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    (base / "exback-kit").symlink_to(elsewhere)
    with pytest.raises(JournalError, match="isn't a private folder of yours"):
        handoff.runtime_dir()
    (base / "exback-kit").unlink()
    if os.getuid() == 0:  # only root can give a folder to another user
        (base / "exback-kit").mkdir(mode=0o700)
        os.chown(base / "exback-kit", 1001, 1001)
        with pytest.raises(JournalError, match="isn't a private folder of yours"):
            handoff.runtime_dir()


def test_the_hand_off_forgets_the_key_when_no_kernel_asked_for_the_idle_while(locked, runtime,
                                                                              monkeypatch):
    key = locking.unlock(locked, PW)
    told: list[str] = []
    server = handoff.KeyHandoff(locked, key, idle_seconds=0.3,
                                on_forget=lambda: told.append("forgotten"))
    try:
        monkeypatch.setenv(handoff.KEY_HANDOFF_ENV, str(server.path))
        assert handoff.read_handoff(locked) == key  # a notebook opened at once gets it
        deadline = time.monotonic() + 30
        while server.answering and time.monotonic() < deadline:
            time.sleep(0.05)
        assert not server.answering and told == ["forgotten"]
        assert handoff.read_handoff(locked) is None  # a notebook opened now asks
        assert not server.path.exists()
    finally:
        server.close()


def _dead_pid() -> int:
    return int(subprocess.run([sys.executable, "-c", "import os; print(os.getpid())"],
                              capture_output=True, text=True, check=True).stdout)


@pytest.mark.parametrize("xdg", [True, False], ids=["XDG_RUNTIME_DIR set", "unset"])
def test_key_files_an_earlier_kit_left_in_platformdirs_runtime_folder_are_swept(
        locked, tmp_path, monkeypatch, xdg):
    """The previous release wrote ``key-*.json`` (the plain key) to platformdirs' runtime
    folder; a start removes the stale ones there too and counts them, touching nothing else."""
    monkeypatch.delenv(handoff.KEY_HANDOFF_ENV, raising=False)
    if xdg:
        (tmp_path / "run").mkdir(mode=0o700)
        monkeypatch.setenv("XDG_RUNTIME_DIR", str(tmp_path / "run"))
    else:
        monkeypatch.delenv("XDG_RUNTIME_DIR", raising=False)
        monkeypatch.setenv("TMPDIR", str(tmp_path))
        import tempfile

        monkeypatch.setattr(tempfile, "tempdir", None)
    legacy = tmp_path / "runtime-legacy" / "exback-kit"
    legacy.mkdir(parents=True, mode=0o700)
    monkeypatch.setattr(handoff, "legacy_dirs", lambda: [legacy])
    stale = legacy / "key-1234.json"
    stale.write_text(json.dumps({"journal": str(locked), "key": "00" * 32, "pid": _dead_pid()}))
    running = legacy / "key-5678.json"  # an earlier `exback lab` still running: left
    running.write_text(json.dumps({"journal": str(locked), "key": "11" * 32, "pid": os.getpid()}))
    other = legacy / "notes.json"
    other.write_text(json.dumps({"pid": _dead_pid()}))
    target = tmp_path / "elsewhere.json"
    target.write_text(json.dumps({"pid": _dead_pid()}))
    (legacy / "key-link.json").symlink_to(target)
    with handoff.KeyHandoff(locked, locking.unlock(locked, PW)) as server:
        assert server.swept == 1 and server.path.parent != legacy
    assert sorted(p.name for p in legacy.iterdir()) == ["key-5678.json", "key-link.json",
                                                       "notes.json"]
    assert target.exists()


def test_a_legacy_folder_that_is_a_link_is_never_swept(locked, runtime, tmp_path, monkeypatch):
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    (elsewhere / "key-1.json").write_text(json.dumps({"pid": _dead_pid()}))
    (tmp_path / "legacy").symlink_to(elsewhere)
    monkeypatch.setattr(handoff, "legacy_dirs", lambda: [tmp_path / "legacy"])
    with handoff.KeyHandoff(locked, locking.unlock(locked, PW)) as server:
        assert server.swept == 0
    assert (elsewhere / "key-1.json").exists()


def test_the_legacy_folder_is_where_platformdirs_put_it_and_asks_platformdirs_nothing(
        monkeypatch):
    monkeypatch.delenv("XDG_RUNTIME_DIR", raising=False)
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        found = handoff.legacy_dirs()
    if sys.platform == "darwin":
        assert Path.home() / "Library/Caches/TemporaryItems/exback-kit" in found
    else:
        assert Path(f"/tmp/runtime-{os.getuid()}/exback-kit") in found  # noqa: S108
