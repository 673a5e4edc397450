"""Issue 22's smaller items: each a plain message (or a quiet exit), never a traceback."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
from pathlib import Path

import pytest

from exback_kit import Journal, ValidationError
from exback_kit.cli import launch, main, notebook_folder
from exback_kit.store import keys, locking

PW = "blue door, second floor"


@pytest.fixture(autouse=True)
def _clean_env(monkeypatch):
    for name in (keys.PASSPHRASE_ENV, keys.NEW_PASSPHRASE_ENV, keys.RECOVERY_ENV):
        monkeypatch.delenv(name, raising=False)


def _exback(*args: str, env: dict[str, str] | None = None, **kw) -> subprocess.CompletedProcess:
    base = {k: v for k, v in os.environ.items()
            if k not in (keys.PASSPHRASE_ENV, keys.RECOVERY_ENV)}
    return subprocess.run(["exback", *args], capture_output=True, text=True, timeout=120,
                          env={**base, **(env or {})}, stdin=subprocess.DEVNULL, **kw)


def _locked(folder: Path, passphrase: str = PW) -> Path:
    path = folder / "journal.sqlite3"
    with Journal.open(path) as j:
        j.add_checkin(mood=5, note="a quiet evening")
    locking.encrypt(path, passphrase)
    return path


def test_another_journals_key_file_gets_a_message_that_names_it_and_no_sqlcipher_noise(
        tmp_path):
    mine = _locked(tmp_path / "mine")
    theirs = _locked(tmp_path / "theirs", "the other passphrase")
    shutil.copy(locking.key_path(theirs), locking.key_path(mine))
    result = _exback("checkin", "--mood", "5", "--journal", str(mine),
                     env={keys.PASSPHRASE_ENV: "the other passphrase"})
    assert result.returncode == 1
    assert "may belong to another journal" in result.stderr
    assert "isn't an exback-kit journal" not in result.stderr
    assert "ERROR CORE" not in result.stderr and "sqlcipher" not in result.stderr.lower()


def test_the_recovery_key_opens_a_journal_beside_another_journals_key_file(tmp_path):
    mine = tmp_path / "mine" / "journal.sqlite3"
    with Journal.open(mine) as j:
        j.add_checkin(mood=5)
    recovery, _ = locking.encrypt(mine, PW)
    theirs = _locked(tmp_path / "theirs", "the other passphrase")
    shutil.copy(locking.key_path(theirs), locking.key_path(mine))
    key = locking.unlock(mine, recovery=recovery)
    new = "a new passphrase for mine"
    locking.rewrap(mine, key, new)  # what `exback passphrase` does
    with Journal.open(mine, passphrase=new) as j:
        assert j.count("checkins") == 1


def test_the_data_folder_is_made_private_even_when_something_made_it_open(tmp_path,
                                                                          monkeypatch):
    monkeypatch.delenv("EXBACK_HOME")
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "xdg"))
    folder = tmp_path / "xdg" / "exback-kit"
    folder.mkdir(parents=True, mode=0o755)
    folder.chmod(0o755)
    with Journal.open() as j:
        assert j.path.parent == folder
    assert folder.stat().st_mode & 0o777 == 0o700


def test_a_folder_made_on_the_way_to_the_notebooks_is_private(tmp_path):
    source = tmp_path / "kit"
    source.mkdir()
    (source / notebook_folder.START_NOTEBOOK).write_text("{}")
    dest = tmp_path / "data" / "exback-kit" / "notebooks"
    notebook_folder.copy_missing(source, dest)
    assert (tmp_path / "data" / "exback-kit").stat().st_mode & 0o777 == 0o700
    assert dest.stat().st_mode & 0o777 == 0o700


def test_a_person_chosen_folder_keeps_its_mode(tmp_path):
    folder = tmp_path / "mine"
    folder.mkdir(mode=0o755)
    folder.chmod(0o755)
    Journal.open(folder / "journal.sqlite3").close()
    assert folder.stat().st_mode & 0o777 == 0o755


def test_lab_on_a_locked_journal_without_a_terminal_says_a_sentence(tmp_path, monkeypatch,
                                                                    capsys):
    path = _locked(tmp_path)
    monkeypatch.setenv("XDG_RUNTIME_DIR", str(tmp_path))
    monkeypatch.setattr(launch, "notebooks_dir", lambda explicit: tmp_path)
    monkeypatch.setattr(launch, "serve", lambda *a, **k: pytest.fail("the server started"))
    assert main(["lab", "--no-browser", "--journal", str(path)]) == 2
    err = capsys.readouterr().err
    assert "passphrase:" not in err  # a sentence, not a field prefix
    assert err.startswith("Nothing was changed. There is no terminal here to ask for the "
                          "passphrase. Please set EXBACK_PASSPHRASE")


def test_jupyterlab_never_saves_widget_state_in_the_kits_settings(tmp_path):
    defaults = tmp_path / "app-settings"
    defaults.mkdir()
    (defaults / "overrides.json").write_text(json.dumps(
        {"@jupyter-widgets/jupyterlab-manager:plugin": {"saveState": True}}))
    folder = launch.lab_settings_dir(tmp_path / "home", defaults=defaults)
    overrides = json.loads((folder / "overrides.json").read_text())
    assert overrides["@jupyter-widgets/jupyterlab-manager:plugin"] == {"saveState": False}


@pytest.mark.parametrize("at", ["0001-01-01", "0001-01-01T00:00", "0001-01-01T00:00-12:00",
                                "9999-12-31T23:59", "9999-12-31"])
def test_checkin_at_the_ends_of_the_calendar_is_a_plain_message(at, capsys):
    assert main(["checkin", "--mood", "5", "--at", at]) == 2
    err = capsys.readouterr().err
    assert err.startswith("Nothing was changed. at: ") and "Traceback" not in err


def test_output_into_a_pipe_that_was_closed_exits_quietly(tmp_path):
    """`exback restore --list | head -0`: the reader left before anything was written."""
    path = tmp_path / "journal.sqlite3"
    with Journal.open(path) as j:
        for _ in range(3):
            j.backup()
    read_end, write_end = os.pipe()
    os.close(read_end)  # the reader is gone before the command writes a line
    try:
        result = subprocess.run(["exback", "restore", "--list", "--journal", str(path)],
                                stdout=write_end, stderr=subprocess.PIPE, text=True, timeout=120)
    finally:
        os.close(write_end)
    assert result.returncode == 0
    assert result.stderr == ""


@pytest.mark.parametrize("habit", ["\u200b", "\u200b\u200d\u2060", "\ufeff", " \u200c "])
def test_a_name_of_only_invisible_characters_is_refused_naming_the_field(habit, capsys):
    with Journal.open() as j, pytest.raises(ValidationError, match=r"^habits: .*invisible") as e:
        j.add_checkin(mood=5, habits=["walk", habit])
    assert e.value.field == "habits"
    assert main(["checkin", "--mood", "5", "--habit", habit]) == 2
    assert "invisible characters" in capsys.readouterr().err
    with Journal.open() as j:
        assert j.count("checkins") == 0


@pytest.mark.parametrize("field,values", [
    ("habits", {"habits": ["walk\u202egnik"]}),
    ("note", {"note": "fine \u202dthanks"}),
])
def test_a_right_to_left_override_is_refused_naming_the_field(field, values):
    with Journal.open() as j:
        with pytest.raises(ValidationError, match=f"^{field}: .*right-to-left override") as e:
            j.add_checkin(mood=5, **values)
        assert e.value.field == field
        assert j.count("checkins") == 0


@pytest.mark.parametrize("text", ["\u05e9\u05dc\u05d5\u05dd \u200f(hi)", "family \U0001f469\u200d"
                                  "\U0001f467", "\u0645\u0631\u062d\u0628\u0627"])
def test_right_to_left_words_marks_and_joined_emoji_are_kept(text):
    with Journal.open() as j:
        j.add_checkin(mood=5, note=text, habits=[text])
        row = j.records("checkins")[0]
    assert row["note"] == text and row["habits"] == [text]


def test_a_note_of_only_zero_width_spaces_is_saved_as_empty():
    with Journal.open() as j:
        j.add_checkin(mood=5, note="\u200b\u200b")
        assert j.records("checkins")[0]["note"] in ("", None)
