"""`kill -9` of `exback lab` / `app`: the server stops too, and no key is left anywhere."""

from __future__ import annotations

import contextlib
import os
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path

import pytest

from exback_kit import Journal
from exback_kit.cli import launch, server_life
from exback_kit.store import handoff, keys, locking

PW = "blue door, second floor"


def _children(pid: int) -> list[int]:
    found = []
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                fields = (entry / "stat").read_text().rsplit(")", 1)[1].split()
            except OSError:
                continue
            if int(fields[1]) == pid:
                found.append(int(entry.name))
    return found


def _alive(pid: int) -> bool:
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except OSError:
        return False
    return state != "Z"  # a zombie has ended; only its exit status is left


def _listening(port: int) -> bool:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.settimeout(1)
        return s.connect_ex(("127.0.0.1", port)) == 0


def _written(folder: Path) -> bytes:
    out = b""
    for f in folder.rglob("*"):
        try:
            if f.is_file() and not f.is_symlink():
                out += f.read_bytes()
        except OSError:
            continue
    return out


def test_the_launcher_runs_the_server_under_a_watch_for_this_process():
    argv = server_life.ends_with_us(["/bin/true", "x"])
    if sys.platform.startswith("linux"):
        assert argv[:2] == [sys.executable, "-c"] and argv[4:] == ["/bin/true", "x"]
        assert argv[3] == str(os.getpid())  # the launcher checks its parent is still this one
    else:
        assert argv == ["/bin/true", "x"]


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="PR_SET_PDEATHSIG is Linux's")
def test_a_child_started_through_the_launcher_ends_when_its_parent_is_killed(tmp_path):
    """The mechanism alone, in a second: a parent killed with SIGKILL takes its server along."""
    code = ("import subprocess, sys, time\n"
            "from exback_kit.cli.server_life import ends_with_us\n"
            "p = subprocess.Popen(ends_with_us([sys.executable, '-c', "
            "'import time; time.sleep(300)']))\n"
            "print(p.pid, flush=True)\n"
            "time.sleep(300)\n")
    parent = subprocess.Popen([sys.executable, "-c", code], stdout=subprocess.PIPE, text=True)
    try:
        assert parent.stdout is not None
        child = int(parent.stdout.readline())
        assert _alive(child)
        parent.send_signal(signal.SIGKILL)
        parent.wait(30)
        deadline = time.monotonic() + 30
        while _alive(child) and time.monotonic() < deadline:
            time.sleep(0.1)
        assert not _alive(child)
    finally:
        parent.kill()


@pytest.mark.slow
@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="PR_SET_PDEATHSIG is Linux's")
@pytest.mark.parametrize("kind", ["lab", "app"])
def test_kill_9_of_exback_lab_leaves_no_key_file_and_no_server(tmp_path, kind):
    path = tmp_path / "home" / "journal.sqlite3"
    with Journal.open(path) as j:
        j.add_checkin(mood=5, note="a quiet evening")
    locking.encrypt(path, PW)
    key = locking.unlock(path, PW)
    run_dir = tmp_path / "run"
    run_dir.mkdir(mode=0o700)
    env = {**os.environ, "XDG_RUNTIME_DIR": str(run_dir), keys.PASSPHRASE_ENV: PW,
           "JUPYTERLAB_SETTINGS_DIR": str(tmp_path / "lab-user"),
           "JUPYTER_RUNTIME_DIR": str(tmp_path / "jupyter-runtime"),
           "JUPYTER_DATA_DIR": str(tmp_path / "jupyter-data")}
    port = launch.free_port()
    lab = subprocess.Popen(["exback", kind, "--no-browser", "--port", str(port), "--journal",
                            str(path)], env=env, stdin=subprocess.DEVNULL,
                           stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True,
                           start_new_session=True)
    servers: list[int] = []
    try:
        assert lab.stdout is not None
        deadline = time.monotonic() + 240
        said = ""
        while "is running" not in said and time.monotonic() < deadline and lab.poll() is None:
            said += lab.stdout.readline()
        assert "is running" in said, said
        servers = _children(lab.pid)
        assert servers and all(_alive(p) for p in servers)
        sockets = list((run_dir / "exback-kit").glob("k-*.sock"))
        assert len(sockets) == 1
        assert key.hex().encode() not in _written(tmp_path)  # not on disk while it runs either

        lab.send_signal(signal.SIGKILL)
        lab.wait(30)
        deadline = time.monotonic() + 120
        while (any(_alive(p) for p in servers) or _listening(port)) \
                and time.monotonic() < deadline:
            time.sleep(0.2)
        assert not any(_alive(p) for p in servers), "the server outlived exback " + kind
        assert not _listening(port)
        assert key.hex().encode() not in _written(tmp_path)
        os.environ[handoff.KEY_HANDOFF_ENV] = str(sockets[0])
        try:
            assert handoff.read_handoff(path) is None  # nothing answers with the key
        finally:
            del os.environ[handoff.KEY_HANDOFF_ENV]
        os.environ["XDG_RUNTIME_DIR"] = str(run_dir)
        try:
            with handoff.KeyHandoff(path, key) as next_start:
                assert next_start.swept == 1 and not sockets[0].exists()
        finally:
            del os.environ["XDG_RUNTIME_DIR"]
    finally:
        for pid in [lab.pid, *servers]:
            with contextlib.suppress(ProcessLookupError):
                os.kill(pid, signal.SIGKILL)
