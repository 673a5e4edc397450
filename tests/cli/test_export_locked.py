"""Every export of a locked journal is sealed like the journal (CSV zip, JSON and Markdown
alike), named ``….age``, said to be encrypted and where it went; ``--plain`` asks for a clear
copy; ``exback import`` reads the sealed file back, into a plain or a locked journal."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

import pytest

from exback_kit import Journal
from exback_kit.cli import main
from exback_kit.content import texts
from exback_kit.interchange import sealed
from exback_kit.store import keys, locking

PW = "a long walk by the water"
NOTE = "the lighthouse at dusk"


@pytest.fixture(autouse=True)
def _cheap_scrypt(monkeypatch):
    monkeypatch.setattr(keys, "SCRYPT_N", 2**10)
    monkeypatch.setenv(keys.PASSPHRASE_ENV, PW)


@pytest.fixture
def locked(tmp_path: Path) -> Path:
    path = tmp_path / "home" / "journal.sqlite3"
    with Journal.open(path, backup=False) as j:
        j.add_checkin(mood=6, note=NOTE)
        j.set_setting("habits", ["swimming"])
    locking.encrypt(path, PW)
    return path


def _opened(path: Path) -> str:
    """Return the text inside a sealed export (every file of a zip, joined)."""
    data = sealed.unseal(path, PW)
    if not zipfile.is_zipfile(io.BytesIO(data)):
        return data.decode("utf-8")
    with zipfile.ZipFile(io.BytesIO(data)) as z:
        return "\n".join(z.read(n).decode("utf-8") for n in z.namelist())


def _notes(path: Path, passphrase: str | None = None) -> list[str]:
    with Journal.open(path, passphrase=passphrase, backup=False) as j:
        return [r["note"] for r in j.records("checkins")]


@pytest.mark.parametrize("name", ["out.zip", "out.json", "words.md"])
def test_a_locked_journals_export_is_sealed_and_named_so(locked, tmp_path, capsys, name):
    asked = tmp_path / name
    assert main(["export", str(asked), "--journal", str(locked)]) == 0
    written = tmp_path / f"{name}.age"
    assert not asked.exists() and sealed.is_sealed(written)
    raw = written.read_bytes()
    assert NOTE.encode() not in raw and b"swimming" not in raw
    assert written.stat().st_mode & 0o777 == 0o600
    assert NOTE in _opened(written)
    said = capsys.readouterr().out
    assert texts.CLI_EXPORTED.format(path=written) in said
    assert texts.LOCK_EXPORT_SEALED_LOCKED in said and texts.LOCK_EXPORT_PLAIN not in said


def test_the_default_name_of_a_locked_journals_export_ends_in_age(locked, tmp_path, capsys,
                                                                 monkeypatch):
    monkeypatch.chdir(tmp_path)
    assert main(["export", "--format", "json", "--journal", str(locked)]) == 0
    (written,) = tmp_path.glob("exback-export-*")
    assert written.name.endswith(".json.age") and sealed.is_sealed(written)
    assert str(written.name) in capsys.readouterr().out


@pytest.mark.parametrize("name", ["back.zip", "back.json"])
def test_a_sealed_export_imports_into_a_plain_journal_and_a_locked_one(locked, tmp_path, name):
    assert main(["export", str(tmp_path / name), "--journal", str(locked)]) == 0
    export = tmp_path / f"{name}.age"
    plain = tmp_path / "plain" / "journal.sqlite3"
    assert main(["import", str(export), "--journal", str(plain)]) == 0
    assert _notes(plain) == [NOTE]
    other = tmp_path / "other" / "journal.sqlite3"
    Journal.open(other, backup=False).close()
    locking.encrypt(other, PW)
    assert main(["import", str(export), "--journal", str(other)]) == 0
    assert _notes(other, PW) == [NOTE]
    with Journal.open(other, passphrase=PW, backup=False) as j:
        assert j.get_setting("habits") == ["swimming"]


def test_plain_asks_for_a_clear_copy_and_says_it_is_not_encrypted(locked, tmp_path, capsys):
    out = tmp_path / "clear.json"
    assert main(["export", "--plain", str(out), "--journal", str(locked)]) == 0
    assert not sealed.is_sealed(out) and NOTE in out.read_text(encoding="utf-8")
    assert not (tmp_path / "clear.json.age").exists()
    assert texts.LOCK_EXPORT_PLAIN in capsys.readouterr().out
    fresh = tmp_path / "fresh" / "journal.sqlite3"
    assert main(["import", str(out), "--journal", str(fresh)]) == 0
    assert _notes(fresh) == [NOTE]


def test_plain_markdown_from_a_locked_journal_is_clear_too(locked, tmp_path):
    out = tmp_path / "words.md"
    assert main(["export", "--plain", str(out), "--journal", str(locked)]) == 0
    assert NOTE in out.read_text(encoding="utf-8")


def test_plain_and_encrypt_together_are_refused_without_a_traceback(locked, tmp_path, capsys):
    with pytest.raises(SystemExit) as stopped:
        main(["export", "--plain", "--encrypt", str(tmp_path / "x.zip"), "--journal",
              str(locked)])
    assert stopped.value.code == 2
    assert "Traceback" not in capsys.readouterr().err
    assert list(tmp_path.glob("x.zip*")) == []


def test_a_plain_journals_export_stays_as_it_was(tmp_path, capsys):
    path = tmp_path / "home" / "journal.sqlite3"
    with Journal.open(path, backup=False) as j:
        j.add_checkin(mood=6, note=NOTE)
    out = tmp_path / "out.json"
    assert main(["export", str(out), "--journal", str(path)]) == 0
    assert NOTE in out.read_text(encoding="utf-8")
    assert texts.LOCK_EXPORT_PLAIN in capsys.readouterr().out
