"""`exback remember`, `lab/app --remember`: the locked journal's key in the OS keyring.

In-process runs use the file-backed test keyring through ``keyring.set_keyring``;
child processes choose it (or keyring's "no backend") with PYTHON_KEYRING_BACKEND.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import keyring
import pytest
from keyring.backends import fail

from exback_kit import Journal
from exback_kit.cli import launch, main
from exback_kit.content import texts
from exback_kit.store import handoff, keys, locking, remembered

from .keyring_file import FILE_ENV, FileKeyring

PW = "a red bicycle in the hall"
NOT_IT = "a blue bicycle"
HERE = Path(__file__).resolve().parent
SECRETS = (keys.PASSPHRASE_ENV, keys.NEW_PASSPHRASE_ENV, keys.RECOVERY_ENV,
           handoff.KEY_HANDOFF_ENV)


@pytest.fixture(autouse=True)
def _clean(monkeypatch, tmp_path) -> None:
    monkeypatch.setattr(keys, "SCRYPT_N", 2**10)
    for name in SECRETS:
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setattr(remembered, "_GIVEN", {})
    monkeypatch.setenv(FILE_ENV, str(tmp_path / "keyring.json"))


@pytest.fixture
def ring(tmp_path) -> Iterator[Path]:
    """The test keyring for this process; yields the file its entries are in."""
    before = keyring.get_keyring()
    keyring.set_keyring(FileKeyring())
    yield tmp_path / "keyring.json"
    keyring.set_keyring(before)


@pytest.fixture
def no_keyring() -> Iterator[None]:
    before = keyring.get_keyring()
    keyring.set_keyring(fail.Keyring())
    yield
    keyring.set_keyring(before)


@pytest.fixture
def jpath(tmp_path: Path) -> Path:
    path = tmp_path / "home" / "journal.sqlite3"
    with Journal.open(path) as j:
        j.add_checkin(mood=5, note="a quiet evening")
    locking.encrypt(path, PW)
    return path


def run(*args: str, passphrase: str | None = None) -> int:
    if passphrase is not None:
        os.environ[keys.PASSPHRASE_ENV] = passphrase
    try:
        return main(list(args))
    finally:
        os.environ.pop(keys.PASSPHRASE_ENV, None)


def exback(*args: str, backend: str, env: dict[str, str] | None = None
           ) -> subprocess.CompletedProcess[str]:
    """Run the console script with keyring ``backend``, no terminal, no passphrase unless given."""
    base = {k: v for k, v in os.environ.items() if k not in SECRETS}
    base.update({"PYTHON_KEYRING_BACKEND": backend,
                 "PYTHONPATH": os.pathsep.join([str(HERE), *sys.path])})
    return subprocess.run(["exback", *args], capture_output=True, text=True, timeout=120,
                          env={**base, **(env or {})}, stdin=subprocess.DEVNULL)


# --- in other processes, as a person runs them --------------------------------------------

def test_once_remembered_a_checkin_needs_no_passphrase_until_forgotten(jpath, tmp_path):
    store = tmp_path / "keyring.json"
    j = ("--journal", str(jpath))
    result = exback("remember", *j, backend="keyring_file.FileKeyring",
                    env={keys.PASSPHRASE_ENV: PW})
    assert result.returncode == 0, result.stderr
    assert "Anyone who can log in as you can now open the journal" in result.stdout
    entries = json.loads(store.read_text())
    assert entries == {f"{remembered.SERVICE} {jpath.resolve()}":
                       locking.unlock(jpath, PW).hex()}  # the data key, never the passphrase
    assert exback("checkin", "--mood", "8", *j, backend="keyring_file.FileKeyring").returncode == 0
    with Journal.open(jpath, passphrase=PW) as jr:
        assert [r["mood"] for r in jr.records("checkins")] == [5, 8]

    result = exback("remember", "--forget", *j, backend="keyring_file.FileKeyring")
    assert result.returncode == 0 and "no longer remembered" in result.stdout
    assert json.loads(store.read_text()) == {}
    result = exback("checkin", "--mood", "3", *j, backend="keyring_file.FileKeyring")
    assert result.returncode == 1 and "is locked with a passphrase" in result.stderr


def test_without_a_keyring_remember_says_so_and_the_passphrase_still_works(jpath):
    j = ("--journal", str(jpath))
    result = exback("remember", *j, backend="keyring.backends.fail.Keyring",
                    env={keys.PASSPHRASE_ENV: PW})
    assert result.returncode == 1
    assert result.stdout.strip() == texts.REMEMBER_NO_KEYRING
    assert "Traceback" not in result.stderr
    result = exback("checkin", "--mood", "6", *j, backend="keyring.backends.fail.Keyring",
                    env={keys.PASSPHRASE_ENV: PW})
    assert result.returncode == 0, result.stderr
    result = exback("checkin", "--mood", "6", *j, backend="keyring.backends.fail.Keyring")
    assert result.returncode == 1 and "is locked with a passphrase" in result.stderr


def test_keyring_is_never_imported_on_the_plain_path_or_with_the_passphrase(jpath, tmp_path):
    code = ("import sys; from exback_kit.cli import main; "
            "s = main(['checkin', '--mood', '5', '--journal', sys.argv[1]]); "
            "print(s, 'keyring' in sys.modules)")
    env = {k: v for k, v in os.environ.items() if k not in SECRETS}
    plain = tmp_path / "plain.sqlite3"
    for path, extra in ((plain, {}), (jpath, {keys.PASSPHRASE_ENV: PW})):
        out = subprocess.run([sys.executable, "-c", code, str(path)], capture_output=True,
                             text=True, env={**env, **extra}, check=True, timeout=120)
        assert out.stdout.splitlines()[-1].split() == ["0", "False"], (path, out.stderr)


# --- in this process ------------------------------------------------------------------------

def test_a_wrong_passphrase_remembers_nothing(ring, jpath, capsys):
    assert run("remember", "--journal", str(jpath), passphrase=NOT_IT) == 1
    assert "doesn't open" in capsys.readouterr().err
    assert not ring.exists()


def test_the_passphrase_variable_wins_over_a_remembered_key(ring, jpath, capsys):
    assert run("remember", "--journal", str(jpath), passphrase=PW) == 0
    assert run("checkin", "--mood", "4", "--journal", str(jpath), passphrase=NOT_IT) == 1
    assert "doesn't open" in capsys.readouterr().err
    with Journal.open(jpath, passphrase=PW) as j:
        assert j.count("checkins") == 1


def test_remember_on_a_plain_journal_keeps_nothing(ring, tmp_path, capsys):
    plain = tmp_path / "plain.sqlite3"
    Journal.open(plain).close()
    assert run("remember", "--journal", str(plain)) == 0
    assert "isn't locked" in capsys.readouterr().out and not ring.exists()


def test_a_new_passphrase_leaves_the_remembered_key_and_says_so(ring, jpath, capsys,
                                                                monkeypatch):
    assert run("remember", "--journal", str(jpath), passphrase=PW) == 0
    monkeypatch.setenv(keys.NEW_PASSPHRASE_ENV, "a green door")
    assert run("passphrase", "--journal", str(jpath), passphrase=PW) == 0
    assert texts.REMEMBER_STILL in capsys.readouterr().out
    assert remembered.recall(jpath) == locking.unlock(jpath, "a green door")


def test_decrypt_and_forget_remove_the_remembered_key(ring, jpath, capsys):
    assert run("remember", "--journal", str(jpath), passphrase=PW) == 0
    assert run("decrypt", "--journal", str(jpath), passphrase=PW) == 0
    assert texts.REMEMBER_REMOVED in capsys.readouterr().out
    assert json.loads(ring.read_text()) == {}

    locking.encrypt(jpath, PW)
    assert run("remember", "--journal", str(jpath), passphrase=PW) == 0
    assert run("forget", "--yes", "--journal", str(jpath)) == 0
    assert texts.REMEMBER_REMOVED in capsys.readouterr().out
    assert json.loads(ring.read_text()) == {} and not jpath.exists()


def test_forget_removes_a_remembered_key_even_when_the_journal_is_plain_by_then(ring, jpath,
                                                                                 capsys):
    """Decrypted without the CLI (or a plain backup restored), the old key must still go."""
    assert run("remember", "--journal", str(jpath), passphrase=PW) == 0
    locking.decrypt(jpath, PW, None)
    assert json.loads(ring.read_text()) != {}
    assert run("forget", "--yes", "--journal", str(jpath)) == 0
    assert texts.REMEMBER_REMOVED in capsys.readouterr().out
    assert json.loads(ring.read_text()) == {} and not jpath.exists()


# --- exback lab / app --remember -----------------------------------------------------------

@pytest.fixture
def served(monkeypatch, tmp_path) -> list[dict[str, str]]:
    """Stand in for the server: record the environment each `exback lab` would start it with."""
    run_dir = tmp_path / "run"
    run_dir.mkdir(mode=0o700)
    monkeypatch.setenv("XDG_RUNTIME_DIR", str(run_dir))
    seen: list[dict[str, str]] = []

    def fake_serve(server, env, *, open_browser):
        with monkeypatch.context() as kernel:  # what a kernel of the server would be told
            kernel.setenv(handoff.KEY_HANDOFF_ENV, env[handoff.KEY_HANDOFF_ENV])
            key = handoff.read_handoff(Path(env[launch.JOURNAL_ENV]))
        seen.append({**env, "handed": key.hex() if key else ""})
        return 0

    monkeypatch.setattr(launch, "serve", fake_serve)
    monkeypatch.setattr(launch, "notebooks_dir", lambda explicit: tmp_path)
    return seen


@pytest.mark.parametrize("kind", ["lab", "app"])
def test_launch_remember_keeps_the_key_and_the_next_start_asks_nothing(
        ring, jpath, served, capsys, monkeypatch, kind):
    if kind == "app":
        monkeypatch.setattr("importlib.util.find_spec", lambda name: object())
    key = locking.unlock(jpath, PW).hex()
    assert run(kind, "--no-browser", "--remember", "--journal", str(jpath), passphrase=PW) == 0
    assert texts.REMEMBER_DONE.format(path=jpath.resolve()) in capsys.readouterr().out
    assert run(kind, "--no-browser", "--journal", str(jpath)) == 0  # no passphrase, no terminal
    out = capsys.readouterr().out
    assert texts.REMEMBER_USED in out and texts.LAUNCH_UNLOCKED in out
    assert [env["handed"] for env in served] == [key, key]
    assert all(PW not in str(env.values()) for env in served)


@pytest.mark.usefixtures("no_keyring")
def test_launch_remember_without_a_keyring_still_serves_with_the_passphrase(jpath, served,
                                                                           capsys):
    assert run("lab", "--no-browser", "--remember", "--journal", str(jpath), passphrase=PW) == 0
    out = capsys.readouterr().out
    assert texts.REMEMBER_NO_KEYRING in out and texts.LAUNCH_UNLOCKED in out
    assert len(served) == 1
    assert run("lab", "--no-browser", "--journal", str(jpath)) == 2  # asks: no terminal here
    assert len(served) == 1


def test_at_a_terminal_remember_asks_once_and_then_checkin_asks_only_the_questions(jpath):
    pexpect = pytest.importorskip("pexpect")
    env = {k: v for k, v in os.environ.items() if k not in SECRETS}
    env.update({"PYTHON_KEYRING_BACKEND": "keyring_file.FileKeyring",
                "PYTHONPATH": os.pathsep.join([str(HERE), *sys.path])})
    child = pexpect.spawn("exback", ["remember", "--journal", str(jpath)], env=env,
                          encoding="utf-8", timeout=60)
    child.expect("Passphrase for your journal")
    child.sendline(PW)
    child.expect(pexpect.EOF)
    child.close()
    assert child.exitstatus == 0 and PW not in child.before  # never echoed
    child = pexpect.spawn("exback", ["checkin", "--journal", str(jpath)], env=env,
                          encoding="utf-8", timeout=60)
    index = child.expect(["Passphrase for your journal", "Mood"])
    assert index == 1, "a remembered key should not be asked for"
    child.sendline("7")
    for _ in range(5):  # energy, sleep, on your mind, habits, note: all skipped
        child.sendline("")
    child.expect(pexpect.EOF)
    child.close()
    assert child.exitstatus == 0
    with Journal.open(jpath, passphrase=PW) as j:
        assert [r["mood"] for r in j.records("checkins")] == [5, 7]


def test_at_a_terminal_a_locked_checkin_asks_the_passphrase_before_the_questions_once(jpath):
    """Before: the questions came first, and after the passphrase they were all asked again."""
    pexpect = pytest.importorskip("pexpect")
    env = {k: v for k, v in os.environ.items() if k not in SECRETS}
    env["PYTHON_KEYRING_BACKEND"] = "keyring.backends.fail.Keyring"
    child = pexpect.spawn("exback", ["checkin", "--journal", str(jpath)], env=env,
                          encoding="utf-8", timeout=60)
    assert child.expect(["Passphrase for your journal", "Mood"]) == 0
    child.sendline(PW)
    child.expect("Mood")
    child.sendline("4")
    for _ in range(5):
        child.sendline("")
    child.expect(pexpect.EOF)
    child.close()
    assert child.exitstatus == 0 and child.before.count("Mood") == 0
    with Journal.open(jpath, passphrase=PW) as j:
        assert [r["mood"] for r in j.records("checkins")] == [5, 4]


def test_at_a_terminal_restoring_a_locked_journal_asks_the_passphrase_then_yes_once(jpath):
    """Before: "Type yes", then the passphrase, then "Type yes" a second time."""
    pexpect = pytest.importorskip("pexpect")
    with Journal.open(jpath, passphrase=PW) as j:
        j.backup()
    env = {k: v for k, v in os.environ.items() if k not in SECRETS}
    env["PYTHON_KEYRING_BACKEND"] = "keyring.backends.fail.Keyring"
    child = pexpect.spawn("exback", ["restore", "--journal", str(jpath)], env=env,
                          encoding="utf-8", timeout=60)
    asked = []
    while (i := child.expect(["Type yes: ", "Passphrase for your journal: ", pexpect.EOF])) < 2:
        asked.append(["yes", "passphrase"][i])
        child.sendline("yes" if i == 0 else PW)
    child.close()
    assert asked == ["passphrase", "yes"] and child.exitstatus == 0
    assert "Restored from" in child.before
