"""``exback --lang``: the command speaks the language named, else the journal's setting,
else the system's; an unknown language is refused in words, with exit status 2."""

from __future__ import annotations

import contextlib
import io
from pathlib import Path

import pytest

from exback_kit import Journal
from exback_kit.cli import main
from exback_kit.content import language


@pytest.fixture(autouse=True)
def english_after():
    yield
    language.choose(language.ENGLISH)


def run(*args: str) -> tuple[int, str]:
    out = io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(out):
        status = main(list(args))
    return status, out.getvalue()


def test_lang_speaks_for_the_command(tmp_path: Path):
    path = str(tmp_path / "j.sqlite3")
    status, said = run("--lang", "xx", "checkin", "--mood", "5", "--journal", path)
    assert status == 0 and said.startswith("[Saved your check-in") and "~]" in said
    status, said = run("checkin", "--mood", "6", "--journal", path, "--lang=en")
    assert status == 0 and said.startswith("Saved your check-in (mood 6/10)")


def test_help_follows_lang():
    out = io.StringIO()
    with contextlib.redirect_stdout(out), pytest.raises(SystemExit):
        main(["--lang", "xx", "checkin", "--help"])
    assert "[use the journal at PATH" in out.getvalue()


def test_an_unknown_language_is_refused_in_words(tmp_path: Path):
    status, said = run("--lang", "zz", "status", "--journal", str(tmp_path / "j.sqlite3"))
    assert status == 2
    assert "no words in 'zz'" in said and "en, " in said and "Traceback" not in said
    assert not (tmp_path / "j.sqlite3").exists()


def test_the_journals_setting_is_followed_and_lang_wins(tmp_path: Path):
    path = tmp_path / "j.sqlite3"
    j = Journal.open(path)
    j.set_setting(language.SETTING, "es")
    j.close()
    status, said = run("checkin", "--mood", "5", "--journal", str(path))
    assert status == 0 and said.startswith("Registro guardado")
    language.choose(language.ENGLISH)
    status, said = run("checkin", "--mood", "5", "--journal", str(path), "--lang", "en")
    assert status == 0 and said.startswith("Saved your check-in")


def test_switching_language_changes_no_data(tmp_path: Path):
    path = tmp_path / "j.sqlite3"
    run("contact", "--by", "me", "--channel", "call", "--journal", str(path), "--lang", "xx")
    run("contact", "--by", "me", "--channel", "call", "--journal", str(path), "--lang", "en")
    j = Journal.open(path)
    try:
        rows = j.records("contacts")
    finally:
        j.close()
    assert [(r["initiated_by"], r["channel"]) for r in rows] == [("me", "call")] * 2
