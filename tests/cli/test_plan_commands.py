"""`exback urges` and `exback plan add|list|end`: saved, listed, ended; bad input exits 2."""

from __future__ import annotations

import json
import subprocess
import sys
from datetime import date, datetime, timedelta
from pathlib import Path

import pytest

from exback_kit import Journal
from exback_kit.cli import main


@pytest.fixture
def jpath(tmp_path: Path) -> Path:
    return tmp_path / "j.sqlite3"


def run(jpath: Path, *args: str) -> int:
    """Run the command; a usage mistake (argparse's SystemExit) gives its exit status too."""
    try:
        return main([*args, "--journal", str(jpath)])
    except SystemExit as stop:
        return int(stop.code or 0)


def plan_rows(jpath: Path) -> list[dict]:
    with Journal.open(jpath) as j:
        return j.records("plans")


def test_plan_add_saves_the_two_hour_window_holding_that_time(jpath, capsys):
    assert run(jpath, "plan", "add", "--when", "sat 23:15", "--then", "call Sam") == 0
    out = capsys.readouterr().out
    assert "Saturday 22:00–24:00" in out and "call Sam" in out
    [row] = plan_rows(jpath)
    assert (row["weekday"], row["start_time"], row["action"], row["ended_at"]) == (
        "sat", "22:00", "call Sam", None)


def test_plan_list_shows_active_plans_one_a_line_starting_with_the_id(jpath, capsys):
    run(jpath, "plan", "add", "--when", "sun 00:30", "--then", "make tea")
    run(jpath, "plan", "add", "--when", "fri 21:00", "--then", "walk round the block")
    run(jpath, "plan", "end", "1")
    capsys.readouterr()
    assert run(jpath, "plan", "list") == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines == ["2  Fridays 20:00–22:00: walk round the block"]
    assert run(jpath, "plan", "list", "--all") == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines[0].startswith("2  ") and lines[1].startswith("1  Sundays 00:00–02:00: make tea")
    assert lines[1].endswith(f"(ended {date.today().isoformat()})")


def test_plan_end_keeps_the_plan_as_history(jpath, capsys):
    run(jpath, "plan", "add", "--when", "mon 08:00", "--then", "breathe")
    assert run(jpath, "plan", "end", "1") == 0
    assert "Ended plan 1" in capsys.readouterr().out
    [row] = plan_rows(jpath)
    assert row["action"] == "breathe" and row["ended_at"]


@pytest.mark.parametrize(("args", "named"), [
    (["plan", "add", "--when", "sab 22:00", "--then", "x"], "'sab'"),
    (["plan", "add", "--when", "sat 25:00", "--then", "x"], "'25:00'"),
    (["plan", "add", "--when", "saturday", "--then", "x"], "'saturday'"),
    (["plan", "add", "--when", "sat 22:00", "--then", "   "], "--then"),
    (["plan", "add", "--when", "sat 22:00", "--then", "x" * 201], "--then"),
    (["plan", "add", "--when", "sat 22:00", "--then", "a\x00b"], "--then"),
    (["plan", "end", "99"], "99"),
    (["plan", "end", "abc"], "'abc'"),
    (["plan", "add", "--then", "x"], "--when"),
])
def test_bad_input_names_the_value_exits_2_and_writes_nothing(jpath, capsys, args, named):
    assert run(jpath, *args) == 2
    err = capsys.readouterr().err
    assert named in err and "Traceback" not in err
    if jpath.exists():
        assert plan_rows(jpath) == []


def test_a_bad_id_never_creates_a_journal(jpath, capsys):
    assert run(jpath, "plan", "end", "3") == 2
    assert "no plan with id 3" in capsys.readouterr().err
    assert not jpath.exists()


def test_ending_an_ended_plan_says_so(jpath, capsys):
    run(jpath, "plan", "add", "--when", "mon 08:00", "--then", "breathe")
    run(jpath, "plan", "end", "1")
    capsys.readouterr()
    assert run(jpath, "plan", "end", "1") == 2
    assert "already ended" in capsys.readouterr().err


def test_a_second_plan_for_the_same_window_points_at_the_first(jpath, capsys):
    run(jpath, "plan", "add", "--when", "sat 22:00", "--then", "call Sam")
    assert run(jpath, "plan", "add", "--when", "sat 23:30", "--then", "other") == 2
    err = capsys.readouterr().err
    assert "plan 1" in err and "exback plan end 1" in err
    assert [r["action"] for r in plan_rows(jpath)] == ["call Sam"]


def test_usage_mistakes_in_plan_exit_2(jpath, capsys):
    for args in (["plan", "add", "--when", "sat 22:00"], ["plan"], ["plan", "forget"]):
        assert run(jpath, *args) == 2
        assert "usage: exback plan" in capsys.readouterr().err


def test_urges_prints_windows_triggers_what_helped_and_plans(jpath, capsys):
    now = datetime.now().astimezone()
    with Journal.open(jpath) as j:
        for week in range(1, 5):
            at = now - timedelta(weeks=week)
            j.log_urge(7, trigger="late night", helped="a walk", acted_on=week == 1, at=at)
        j.log_contact("me", at=now - timedelta(weeks=1) + timedelta(hours=2))
    run(jpath, "plan", "add", "--when", f"{now:%a} {now:%H}:00", "--then", "call Sam")
    capsys.readouterr()
    assert run(jpath, "urges") == 0
    out = capsys.readouterr().out
    from exback_kit.domain.windows import Window, describe
    window = describe(Window.holding(now.weekday(), now.hour))
    assert f"{window}: 4 urges in 8 weeks, 3 let pass" in out
    assert "late night: 4 urges, 3 let pass" in out
    assert "a walk: noted with 4 urges, 3 let pass, 1 followed by contact with your ex" in out
    assert "Of the 4 urges noted, 1 (25 %)" in out
    assert f"1  {window}: call Sam" in out
    assert "In the 8 weeks before this plan: 1 of 4 urges in this window" in out
    assert "Since it began (1 day): 0 of 0 urges." in out
    # riskiest first: the windows come before the triggers
    assert out.index(window) < out.index("late night")


def test_urges_on_an_empty_journal_says_what_it_needs(jpath, capsys):
    assert run(jpath, "urges") == 0
    out = capsys.readouterr().out
    assert "none yet" in out and "3 or more urges" in out


def test_plan_commands_do_not_import_pandas(tmp_path):
    path = str(tmp_path / "j.sqlite3")
    code = ("import sys, json; from exback_kit.cli import main; "
            f"main(['plan', 'add', '--when', 'sat 22:00', '--then', 'tea', '--journal', {path!r}]);"
            f"main(['plan', 'list', '--journal', {path!r}]);"
            f"main(['plan', 'end', '1', '--journal', {path!r}]);"
            "print(json.dumps([m for m in ('pandas', 'matplotlib', 'ipywidgets', 'numpy') "
            "if m in sys.modules]))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert json.loads(out.stdout.strip().splitlines()[-1]) == []
