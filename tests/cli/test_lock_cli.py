"""`exback encrypt`, `decrypt`, `passphrase`, sealed exports, and what status/where say."""

from __future__ import annotations

import hashlib
import os
import shutil
import stat
import subprocess
import sys
from pathlib import Path

import pytest

from exback_kit import Journal
from exback_kit.cli import launch, main
from exback_kit.store import encryption, handoff, keys, locking

PW = "blue door, second floor"


@pytest.fixture(autouse=True)
def _cheap_scrypt_and_clean_env(monkeypatch):
    """In-process runs wrap with a small scrypt cost (recorded in the key file)."""
    monkeypatch.setattr(keys, "SCRYPT_N", 2**10)
    for name in (keys.PASSPHRASE_ENV, keys.NEW_PASSPHRASE_ENV, keys.RECOVERY_ENV,
                 handoff.KEY_HANDOFF_ENV):
        monkeypatch.delenv(name, raising=False)


@pytest.fixture
def jpath(tmp_path: Path) -> Path:
    path = tmp_path / "home" / "journal.sqlite3"
    with Journal.open(path) as j:
        j.add_checkin(mood=5, note="a quiet evening")
        j.log_urge(intensity=7, trigger="a song")
    return path


def run(*args: str) -> int:
    return main(list(args))


def exback(*args: str, env: dict[str, str] | None = None,
           stdin: str | None = None) -> subprocess.CompletedProcess[str]:
    """Run the installed console script as a person would (no terminal)."""
    base = {k: v for k, v in os.environ.items()
            if k not in (keys.PASSPHRASE_ENV, keys.NEW_PASSPHRASE_ENV,
                         keys.RECOVERY_ENV)}
    return subprocess.run(["exback", *args], capture_output=True, text=True, timeout=120,
                          env={**base, **(env or {})}, input=stdin)


def _fingerprint(folder: Path) -> dict[str, str]:
    return {str(p.relative_to(folder)): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(folder.rglob("*")) if p.is_file()}


def _encrypt(jpath: Path, monkeypatch, capsys) -> str:
    monkeypatch.setenv(keys.PASSPHRASE_ENV, PW)
    assert run("encrypt", "--journal", str(jpath)) == 0
    out = capsys.readouterr().out
    monkeypatch.delenv(keys.PASSPHRASE_ENV)
    return next(line.strip() for line in out.splitlines() if line.strip().count("-") == 10)


# --- encrypt, decrypt, passphrase -------------------------------------------------------

def test_encrypt_shows_the_recovery_key_once_and_locks_journal_and_backups(jpath, monkeypatch,
                                                                           capsys):
    with Journal.open(jpath) as j:
        old = j.backup()
    recovery = _encrypt(jpath, monkeypatch, capsys)
    assert encryption.is_encrypted(jpath) and encryption.is_encrypted(old)
    assert locking.unlock(jpath, recovery=recovery)
    assert recovery not in locking.key_path(jpath).read_text()


def test_status_and_where_say_whether_the_journal_is_encrypted(jpath, monkeypatch, capsys):
    assert run("status", "--journal", str(jpath)) == 0
    assert "Encrypted: no" in capsys.readouterr().out
    assert run("where", "-v", "--journal", str(jpath)) == 0
    assert "encrypted: no" in capsys.readouterr().out
    _encrypt(jpath, monkeypatch, capsys)
    assert run("where", "-v", "--journal", str(jpath)) == 0  # needs no passphrase
    assert "encrypted: yes" in capsys.readouterr().out
    monkeypatch.setenv(keys.PASSPHRASE_ENV, PW)
    assert run("status", "--journal", str(jpath)) == 0
    assert "Encrypted: yes" in capsys.readouterr().out


def test_a_locked_journal_without_passphrase_or_terminal_exits_1_saying_so(jpath):
    assert exback("encrypt", "--journal", str(jpath),
                  env={keys.PASSPHRASE_ENV: PW}).returncode == 0
    result = exback("checkin", "--mood", "4", "--journal", str(jpath), stdin="")
    assert result.returncode == 1
    assert "is locked with a passphrase" in result.stderr and "Traceback" not in result.stderr
    assert result.stderr.lower().count("nothing was") == 1  # said once, not twice


@pytest.mark.parametrize("command", [
    ["status"], ["checkin", "--mood", "3"], ["decrypt"], ["passphrase"], ["backup"],
    ["export", "--encrypt", "out.zip.age"], ["encrypt"],
])
def test_a_wrong_passphrase_exits_1_and_leaves_every_file_byte_identical(
        jpath, monkeypatch, capsys, command, tmp_path):
    _encrypt(jpath, monkeypatch, capsys)
    with Journal.open(jpath, passphrase=PW) as j:
        j.backup()
    monkeypatch.chdir(tmp_path)
    before = _fingerprint(tmp_path)
    monkeypatch.setenv(keys.PASSPHRASE_ENV, "blue door, first floor")
    monkeypatch.setenv(keys.NEW_PASSPHRASE_ENV, "something new")
    assert run(*command, "--journal", str(jpath)) == 1
    err = capsys.readouterr().err
    assert "doesn't open" in err and err.lower().count("nothing was") == 1
    assert _fingerprint(tmp_path) == before


@pytest.mark.parametrize("empty", ["", "  "])
def test_an_empty_passphrase_is_refused_with_status_2(jpath, monkeypatch, capsys, empty):
    before = _fingerprint(jpath.parent)
    monkeypatch.setenv(keys.PASSPHRASE_ENV, empty)
    assert run("encrypt", "--journal", str(jpath)) == 2
    assert "empty passphrase" in capsys.readouterr().err
    assert _fingerprint(jpath.parent) == before


def test_without_a_terminal_or_the_variable_encrypt_explains_and_changes_nothing(jpath):
    before = _fingerprint(jpath.parent)
    result = exback("encrypt", "--journal", str(jpath), stdin="")
    assert result.returncode == 2
    assert "EXBACK_PASSPHRASE" in result.stderr and "never taken from the command line" \
        in result.stderr
    assert _fingerprint(jpath.parent) == before


def test_the_passphrase_is_never_an_argument(jpath):
    result = exback("encrypt", "--passphrase", PW, "--journal", str(jpath))
    assert result.returncode == 2 and not encryption.is_encrypted(jpath)


def test_decrypt_unlocks_journal_and_backups_and_removes_the_key_file(jpath, monkeypatch,
                                                                      capsys):
    _encrypt(jpath, monkeypatch, capsys)
    with Journal.open(jpath, passphrase=PW) as j:
        copy = j.backup()
    monkeypatch.setenv(keys.PASSPHRASE_ENV, PW)
    assert run("decrypt", "--journal", str(jpath)) == 0
    out = capsys.readouterr().out
    assert "no longer locked" in out and "backups were unlocked" in out
    assert not encryption.is_encrypted(jpath) and not encryption.is_encrypted(copy)
    assert not locking.key_path(jpath).exists()
    monkeypatch.delenv(keys.PASSPHRASE_ENV)
    with Journal.open(jpath) as j:
        assert j.count("checkins") == 1 and j.count("urges") == 1


def test_decrypt_with_the_recovery_key_when_the_passphrase_is_lost(jpath, monkeypatch, capsys):
    recovery = _encrypt(jpath, monkeypatch, capsys)
    locking.key_path(jpath).unlink()  # even the key file is gone
    monkeypatch.setenv(keys.RECOVERY_ENV, recovery)
    assert run("decrypt", "--journal", str(jpath)) == 0
    with Journal.open(jpath) as j:
        assert j.count("checkins") == 1


def test_passphrase_change_rewrites_only_the_key_file(jpath, monkeypatch, capsys):
    _encrypt(jpath, monkeypatch, capsys)
    journal_bytes = jpath.read_bytes()
    monkeypatch.setenv(keys.PASSPHRASE_ENV, PW)
    monkeypatch.setenv(keys.NEW_PASSPHRASE_ENV, "green gate")
    assert run("passphrase", "--journal", str(jpath)) == 0
    assert "Only the key file" in capsys.readouterr().out
    assert jpath.read_bytes() == journal_bytes
    monkeypatch.setenv(keys.PASSPHRASE_ENV, "green gate")
    assert run("checkin", "--mood", "6", "--journal", str(jpath)) == 0


def test_recovery_key_file_is_private_and_never_overwrites_a_file(jpath, monkeypatch, capsys,
                                                                  tmp_path):
    keep = tmp_path / "mine.txt"
    keep.write_text("my own notes")
    monkeypatch.setenv(keys.PASSPHRASE_ENV, PW)
    assert run("encrypt", "--recovery-file", str(keep), "--journal", str(jpath)) == 2
    assert keep.read_text() == "my own notes" and not encryption.is_encrypted(jpath)
    out_file = tmp_path / "recovery.txt"
    assert run("encrypt", "--recovery-file", str(out_file), "--journal", str(jpath)) == 0
    assert out_file.stat().st_mode & 0o777 == 0o600
    recovery = out_file.read_text().strip()
    assert recovery in capsys.readouterr().out
    assert locking.unlock(jpath, recovery=recovery)


def test_encrypt_asks_twice_at_a_terminal_without_echo(jpath):
    pexpect = pytest.importorskip("pexpect")
    env = {k: v for k, v in os.environ.items() if k != keys.PASSPHRASE_ENV}
    child = pexpect.spawn("exback", ["encrypt", "--journal", str(jpath)], env=env,
                          encoding="utf-8", timeout=60)
    child.expect("Choose a passphrase")
    child.sendline("two words")
    child.expect("once more")
    child.sendline("two wordz")
    child.expect(pexpect.EOF)
    child.close()
    assert child.exitstatus == 2 and "didn't match" in child.before
    assert not encryption.is_encrypted(jpath)
    child = pexpect.spawn("exback", ["encrypt", "--journal", str(jpath)], env=env,
                          encoding="utf-8", timeout=60)
    child.expect("Choose a passphrase")
    child.sendline("two words")
    child.expect("once more")
    child.sendline("two words")
    child.expect(pexpect.EOF)
    output = child.before
    child.close()
    assert child.exitstatus == 0 and "now locked" in output
    assert "two words" not in output  # never echoed
    child = pexpect.spawn("exback", ["checkin", "--mood", "8", "--journal", str(jpath)],
                          env=env, encoding="utf-8", timeout=60)
    child.expect("Passphrase for your journal")
    child.sendline("two words")
    child.expect(pexpect.EOF)
    child.close()
    assert child.exitstatus == 0
    with Journal.open(jpath, passphrase="two words") as j:
        assert [r["mood"] for r in j.records("checkins")] == [5, 8]
    # commands from other rooms (here the calendar) get the same single prompt
    ics = jpath.parent / "r.ics"
    child = pexpect.spawn("exback", ["remind", str(ics), "--journal", str(jpath)],
                          env=env, encoding="utf-8", timeout=60)
    child.expect("Passphrase for your journal")
    child.sendline("two words")
    child.expect(pexpect.EOF)
    child.close()
    assert child.exitstatus == 0 and ics.read_bytes().startswith(b"BEGIN:VCALENDAR")


def test_argv_and_environment_of_the_process_never_hold_the_passphrase_in_files(jpath):
    result = exback("encrypt", "--journal", str(jpath), env={keys.PASSPHRASE_ENV: PW})
    assert result.returncode == 0 and PW not in result.stdout + result.stderr
    for p in jpath.parent.rglob("*"):
        if p.is_file():
            assert PW.encode() not in p.read_bytes(), p


# --- sealed exports -------------------------------------------------------------------

def test_export_encrypt_writes_an_age_file_that_import_reads_back(jpath, monkeypatch, capsys,
                                                                  tmp_path):
    _encrypt(jpath, monkeypatch, capsys)
    monkeypatch.setenv(keys.PASSPHRASE_ENV, PW)
    sealed = tmp_path / "export.zip.age"
    assert run("export", "--encrypt", str(sealed), "--journal", str(jpath)) == 0
    assert "encrypted" in capsys.readouterr().out
    raw = sealed.read_bytes()
    assert raw.startswith(b"age-encryption.org/v1") and b"a quiet evening" not in raw
    assert sealed.stat().st_mode & 0o777 == 0o600
    fresh = tmp_path / "fresh.sqlite3"
    assert run("import", str(sealed), "--journal", str(fresh)) == 0
    with Journal.open(fresh) as j:
        assert [r["note"] for r in j.records("checkins")] == ["a quiet evening"]


def test_a_sealed_export_with_the_wrong_passphrase_imports_nothing(jpath, monkeypatch, capsys,
                                                                   tmp_path):
    monkeypatch.setenv(keys.PASSPHRASE_ENV, PW)
    sealed = tmp_path / "export.json.age"
    assert run("export", "--encrypt", str(sealed), "--journal", str(jpath)) == 0
    fresh = tmp_path / "fresh.sqlite3"
    monkeypatch.setenv(keys.PASSPHRASE_ENV, "not it")
    assert run("import", str(sealed), "--journal", str(fresh)) == 2
    assert "doesn't open" in capsys.readouterr().err
    with Journal.open(fresh) as j:
        assert j.count("checkins") == 0


def test_a_plain_export_says_it_is_not_encrypted(jpath, capsys, tmp_path):
    assert run("export", str(tmp_path / "out.json"), "--journal", str(jpath)) == 0
    assert "not encrypted" in capsys.readouterr().out


def test_the_standard_age_tool_opens_a_sealed_export(jpath, monkeypatch, tmp_path):
    pexpect = pytest.importorskip("pexpect")
    if shutil.which("age") is None:
        pytest.skip("the age tool is not installed (apt-get install age)")
    monkeypatch.setenv(keys.PASSPHRASE_ENV, PW)
    sealed = tmp_path / "export.json.age"
    assert run("export", "--encrypt", str(sealed), "--journal", str(jpath)) == 0
    opened = tmp_path / "opened.json"
    child = pexpect.spawn("age", ["-d", "-o", str(opened), str(sealed)], encoding="utf-8",
                          timeout=60)
    child.expect("passphrase")
    child.sendline(PW)
    child.expect(pexpect.EOF)
    child.close()
    assert child.exitstatus == 0
    assert "a quiet evening" in opened.read_text()
    fresh = tmp_path / "fresh.sqlite3"
    assert run("import", str(opened), "--journal", str(fresh)) == 0


# --- lab / app ------------------------------------------------------------------------

def test_lab_hands_the_key_not_the_passphrase_to_kernels_and_removes_it(jpath, monkeypatch,
                                                                        capsys, tmp_path):
    """Every kernel of the server gets the key through a socket; no file ever holds it."""
    run_dir = tmp_path / "run"
    run_dir.mkdir(mode=0o700)
    monkeypatch.setenv("XDG_RUNTIME_DIR", str(run_dir))
    _encrypt(jpath, monkeypatch, capsys)
    key = locking.unlock(jpath, PW)
    monkeypatch.setenv(keys.PASSPHRASE_ENV, PW)
    seen: dict[str, object] = {}

    def fake_serve(server, env, *, open_browser):
        sock = Path(env[handoff.KEY_HANDOFF_ENV])
        seen["mode"] = sock.stat().st_mode & 0o777
        seen["socket"] = stat.S_ISSOCK(sock.stat().st_mode)
        seen["files"] = b"".join(f.read_bytes() for f in run_dir.rglob("*") if f.is_file())
        seen["env"] = dict(env)
        monkeypatch.setenv(handoff.KEY_HANDOFF_ENV, str(sock))
        monkeypatch.setenv(launch.JOURNAL_ENV, env[launch.JOURNAL_ENV])
        monkeypatch.delenv(keys.PASSPHRASE_ENV)
        from exback_kit.notebook.session import Session

        rows = []
        for _kernel in range(2):  # two notebooks open: each kernel asks, each gets the key
            s = Session()
            rows.append(s.mine().count("checkins"))
            s.close()
        seen["rows"] = rows
        return 0

    monkeypatch.setattr(launch, "serve", fake_serve)
    monkeypatch.setattr(launch, "notebooks_dir", lambda explicit: tmp_path)
    assert run("lab", "--no-browser", "--journal", str(jpath)) == 0
    env = seen["env"]
    assert isinstance(env, dict)
    assert seen["mode"] == 0o600 and seen["socket"]
    assert key.hex().encode() not in seen["files"] and PW.encode() not in seen["files"]
    assert keys.PASSPHRASE_ENV not in env and PW not in str(env.values())
    assert seen["rows"] == [1, 1]
    assert not list((run_dir / "exback-kit").iterdir())  # removed when the server stopped
    assert handoff.read_handoff(jpath) is None  # and nothing answers any more


def test_lab_on_a_plain_journal_hands_nothing_over(jpath, monkeypatch, tmp_path):
    captured = {}
    monkeypatch.setattr(launch, "serve",
                        lambda server, env, *, open_browser: captured.update(env) or 0)
    monkeypatch.setattr(launch, "notebooks_dir", lambda explicit: tmp_path)
    assert run("lab", "--no-browser", "--journal", str(jpath)) == 0
    assert handoff.KEY_HANDOFF_ENV not in captured


def test_python_m_cli_has_the_lock_commands(tmp_path):
    result = subprocess.run([sys.executable, "-m", "exback_kit.cli", "--help"],
                            capture_output=True, text=True, check=True)
    for name in ("encrypt", "decrypt", "passphrase"):
        assert name in result.stdout


def test_forget_removes_a_locked_journal_its_key_file_and_backups(jpath, monkeypatch, capsys):
    _encrypt(jpath, monkeypatch, capsys)
    monkeypatch.setenv(keys.PASSPHRASE_ENV, PW)
    with Journal.open(jpath) as j:
        copy = j.backup()
    assert run("forget", "--yes", "--journal", str(jpath)) == 0
    assert not jpath.exists() and not locking.key_path(jpath).exists() and not copy.exists()


def test_a_locked_journal_gives_the_same_report_and_says_the_pdf_is_not_encrypted(
        jpath, monkeypatch, capsys, tmp_path):
    _encrypt(jpath, monkeypatch, capsys)
    monkeypatch.setenv(keys.PASSPHRASE_ENV, PW)
    out = tmp_path / "report.pdf"
    assert run("report", str(out), "--journal", str(jpath)) == 0
    assert "not encrypted" in capsys.readouterr().out
    assert out.read_bytes().startswith(b"%PDF")


def test_restore_brings_back_a_locked_backup_with_the_passphrase(jpath, monkeypatch, capsys):
    _encrypt(jpath, monkeypatch, capsys)
    monkeypatch.setenv(keys.PASSPHRASE_ENV, PW)
    with Journal.open(jpath) as j:
        j.backup()
        j.add_checkin(mood=2, note="after the backup")
    assert run("restore", "--yes", "--journal", str(jpath)) == 0
    with Journal.open(jpath) as j:
        assert "after the backup" not in {r["note"] for r in j.records("checkins")}
        assert j.encrypted
