"""The `exback` command: each command works, mistakes get a message and status 2."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from exback_kit import Journal
from exback_kit.cli import main
from exback_kit.content import texts
from exback_kit.store import list_backups


@pytest.fixture
def jpath(tmp_path: Path) -> Path:
    return tmp_path / "j.sqlite3"


def run(*args: str) -> int:
    return main(list(args))


def exback(*args: str, env: dict[str, str] | None = None,
           stdin: str | None = None) -> subprocess.CompletedProcess[str]:
    """Run the installed console script as a person would."""
    return subprocess.run(["exback", *args], capture_output=True, text=True, timeout=60,
                          env={**os.environ, **(env or {})}, input=stdin)


def test_where_prints_the_journal_path(capsys, tmp_path, _isolated_home):
    assert run("where") == 0
    assert capsys.readouterr().out.strip() == str(_isolated_home / "journal.sqlite3")
    assert run("where", "--journal", str(tmp_path / "x.sqlite3")) == 0
    assert capsys.readouterr().out.strip() == str(tmp_path / "x.sqlite3")


def test_journal_option_works_before_or_after_the_command(jpath):
    assert run("--journal", str(jpath), "checkin", "--mood", "4") == 0
    assert run("checkin", "--mood", "6", "--journal", str(jpath)) == 0
    with Journal.open(jpath) as j:
        assert [r["mood"] for r in j.records("checkins")] == [4, 6]


def test_checkin_with_every_field(jpath, capsys):
    assert run("checkin", "--journal", str(jpath), "--mood", "6", "--energy", "3", "--sleep",
               "7.5", "--mind", "0", "--habit", "exercise", "--habit", "saw friends", "--note",
               "okay day", "--at", "2026-01-05") == 0
    assert "mood 6/10" in capsys.readouterr().out
    with Journal.open(jpath) as j:
        row = j.records("checkins")[0]
    assert row["habits"] == ["exercise", "saw friends"] and str(row["day"]) == "2026-01-05"
    assert (row["energy"], row["sleep_hours"], row["note"]) == (3, 7.5, "okay day")
    assert row["mind"] == 0  # "not at all" is an answer, not a skip


def test_checkin_without_mind_leaves_it_unanswered(jpath):
    assert run("checkin", "--journal", str(jpath), "--mood", "5") == 0
    with Journal.open(jpath) as j:
        assert j.records("checkins")[0]["mind"] is None


@pytest.mark.parametrize(("args", "field"), [
    (["checkin", "--mood", "0"], "mood"),
    (["checkin", "--mood", "6", "--energy", "11"], "energy"),
    (["checkin", "--mood", "6", "--sleep", "30"], "sleep_hours"),
    (["checkin", "--mood", "6", "--mind", "11"], "mind"),
    (["checkin", "--mood", "6", "--mind", "-1"], "mind"),
    (["checkin", "--mood", "6", "--at", "2999-01-01"], "at"),
    (["urge", "--intensity", "0"], "intensity"),
    (["checkin"], "mood"),  # no mood and no terminal to ask at
])
def test_bad_input_exits_2_with_a_message_and_writes_nothing(jpath, capsys, args, field):
    assert run(*args, "--journal", str(jpath)) == 2
    err = capsys.readouterr().err
    assert err.startswith("Nothing was changed.") and field in err
    if jpath.exists():
        with Journal.open(jpath) as j:
            assert j.count("checkins") == 0 and j.count("urges") == 0


def test_contact_and_urge(jpath, capsys):
    assert run("contact", "--journal", str(jpath), "--by", "them", "--channel", "call",
               "--replied", "--logistics", "--note", "school run") == 0
    assert "doesn't break your No-Contact streak" in capsys.readouterr().out
    assert run("urge", "--journal", str(jpath), "--intensity", "8", "--trigger", "late night",
               "--helped", "a walk") == 0
    with Journal.open(jpath) as j:
        c, u = j.records("contacts")[0], j.records("urges")[0]
    assert (c["initiated_by"], c["channel"], c["replied"], c["logistics"]) == ("them", "call",
                                                                                True, True)
    assert (u["intensity"], u["trigger"], u["acted_on"], u["helped"]) == (8, "late night",
                                                                           False, "a walk")


def test_status_reports_streak_mood_and_stage(jpath, capsys):
    with Journal.open(jpath) as j:
        j.add_checkin(mood=6)
    assert run("status", "--journal", str(jpath)) == 0
    out = capsys.readouterr().out
    assert "No-Contact" in out and "Latest mood: 6/10" in out and "Where you are" in out


def test_export_import_round_trip_through_the_command(jpath, tmp_path, capsys):
    run("checkin", "--journal", str(jpath), "--mood", "5", "--note", "=2+2")
    out = tmp_path / "e.zip"
    assert run("export", str(out), "--journal", str(jpath)) == 0
    other = tmp_path / "other.sqlite3"
    assert run("import", str(out), "--journal", str(other)) == 0
    assert "Imported 1 new" in capsys.readouterr().out
    with Journal.open(other) as j:
        assert j.records("checkins")[0]["note"] == "=2+2"
    bogus = tmp_path / "bogus.json"
    bogus.write_text("{}")
    assert run("import", str(bogus), "--journal", str(other)) == 2
    assert "isn't an exback-kit export" in capsys.readouterr().err


def test_backup_and_restore(jpath, capsys):
    run("checkin", "--journal", str(jpath), "--mood", "3")
    assert run("backup", "--journal", str(jpath)) == 0
    run("checkin", "--journal", str(jpath), "--mood", "9")
    assert run("restore", "--journal", str(jpath)) == 2  # no terminal, no --yes
    assert run("restore", "--journal", str(jpath), "--yes") == 0
    with Journal.open(jpath) as j:
        assert [r["mood"] for r in j.records("checkins")] == [3]
    assert len(list_backups(jpath)) >= 2  # the copy made before restoring is kept


def test_restore_without_backups_says_so(jpath, capsys):
    assert run("restore", "--journal", str(jpath), "--yes") == 2
    assert "no backups yet" in capsys.readouterr().err


def test_forget_needs_confirmation_then_deletes_everything(jpath, capsys):
    run("checkin", "--journal", str(jpath), "--mood", "3")
    run("backup", "--journal", str(jpath))
    assert run("forget", "--journal", str(jpath)) == 2
    assert jpath.exists()
    assert run("forget", "--journal", str(jpath), "--yes") == 0
    assert not jpath.exists() and not (jpath.parent / "backups").exists()
    assert not Path(f"{jpath}-wal").exists()


def test_foreign_file_gives_a_message_not_a_traceback(tmp_path):
    bad = tmp_path / "bad.sqlite3"
    bad.write_text("hello")
    result = exback("checkin", "--mood", "5", "--journal", str(bad))
    assert result.returncode == 1
    assert "Traceback" not in result.stderr and "isn't an exback-kit journal" in result.stderr
    assert bad.read_text() == "hello"


def test_usage_mistakes_exit_2_without_traceback():
    result = exback("checkin", "--mood", "seven")
    assert result.returncode == 2 and "Traceback" not in result.stderr
    assert "--mood: 'seven' isn't a whole number" in result.stderr
    assert exback("no-such-command").returncode == 2


def test_interactive_checkin_asks_again_after_a_bad_answer(tmp_path):
    """At a terminal, `exback checkin` asks; here a pseudo-terminal stands in for one."""
    pexpect = pytest.importorskip("pexpect")
    jpath = tmp_path / "j.sqlite3"
    child = pexpect.spawn("exback", ["checkin", "--journal", str(jpath)], encoding="utf-8",
                          timeout=30)
    child.expect("Mood right now")
    child.sendline("eleven")
    child.expect("1 to 10")
    child.sendline("7")
    low, high = texts.CHECKIN_ENERGY_ENDS  # one name for each end, as in the notebook
    child.expect_exact(f"Energy, 1 ({low}) to 10 ({high})")
    child.sendline("")
    child.expect("Hours slept")
    child.sendline("8")
    child.expect("take up your mind")
    child.sendline("12")
    child.expect("0 to 10")
    child.sendline("3")
    child.expect("separated by commas")
    child.sendline("exercise, saw friends")
    child.expect("A note")
    child.sendline("good talk with Mum")
    child.expect("mood 7/10")
    child.expect(pexpect.EOF)
    with Journal.open(jpath) as j:
        row = j.records("checkins")[0]
    assert (row["mood"], row["energy"], row["sleep_hours"], row["mind"]) == (7, None, 8.0, 3)
    assert row["habits"] == ["exercise", "saw friends"] and row["note"] == "good talk with Mum"


def test_light_commands_do_not_import_pandas_matplotlib_or_ipywidgets(tmp_path):
    code = ("import sys, json; from exback_kit.cli import main; "
            f"main(['checkin', '--mood', '5', '--journal', {str(tmp_path / 'j.sqlite3')!r}]); "
            "main(['where']); "
            "print(json.dumps([m for m in ('pandas', 'matplotlib', 'ipywidgets', 'numpy') "
            "if m in sys.modules]))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert json.loads(out.stdout.strip().splitlines()[-1]) == []


def test_help_lists_every_command():
    result = exback("--help")
    assert result.returncode == 0
    for command in ("where", "checkin", "contact", "urge", "status", "export", "import",
                    "backup", "restore", "forget"):
        assert command in result.stdout


@pytest.mark.parametrize(("command", "name"), [("export", "e.zip"), ("remind", "r.ics")])
def test_writing_into_a_missing_folder_is_a_message_not_a_traceback(tmp_path, command, name):
    out = tmp_path / "no" / "such" / "folder" / name
    result = exback(command, str(out), "--journal", str(tmp_path / "j.sqlite3"))
    assert result.returncode == 2, result.stderr
    assert "Traceback" not in result.stderr
    assert str(out) in result.stderr and "folder exists" in result.stderr


def test_an_export_over_a_loose_file_ends_up_private(jpath, tmp_path):
    out = tmp_path / "e.json"
    out.write_text("old")
    out.chmod(0o644)
    assert run("export", str(out), "--journal", str(jpath)) == 0
    assert out.stat().st_mode & 0o077 == 0
