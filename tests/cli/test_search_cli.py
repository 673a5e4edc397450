"""`exback search`: one line per entry, marked matches, --json, filters, and exit 1 on nothing."""

from __future__ import annotations

import json

import pytest

from exback_kit import Journal
from exback_kit.cli import main


@pytest.fixture
def jpath(tmp_path):
    path = tmp_path / "j.sqlite3"
    with Journal.open(path, backup=False) as j:
        j.add_checkin(mood=5, note="The lake house in March", at="2026-03-14T20:00")
        j.log_urge(6, trigger="old photos", note="lake again\nand again", at="2026-04-02T23:10")
        j.add("unsent", text="I miss the lake", at="2026-04-03T22:00")
    return path


def search(jpath, *args: str) -> int:
    return main(["search", *args, "--journal", str(jpath)])


def test_hits_newest_first_one_line_each_with_the_match_marked(jpath, capsys):
    assert search(jpath, "lake") == 0
    out = capsys.readouterr().out.splitlines()
    assert out == ["2 results, newest first.",
                   "2026-04-02  Urge  old photos / **lake** again / and again",
                   "2026-03-14  Check-in note  The **lake** house in March"]


def test_the_vault_and_other_filters(jpath, capsys):
    assert search(jpath, "lake", "--include-vault", "--limit", "1") == 0
    assert "Unsent message  I miss the **lake**" in capsys.readouterr().out
    assert search(jpath, "lake", "--from", "2026-04-01", "--kind", "checkins") == 1
    assert search(jpath, "lake", "--to", "2026-03-31", "--kind", "checkins") == 0
    assert "Check-in note" in capsys.readouterr().out


def test_json_for_scripts(jpath, capsys):
    assert search(jpath, '"lake house"', "--json") == 0
    doc = json.loads(capsys.readouterr().out)
    assert doc["problem"] == ""
    assert [(h["day"], h["kind"], h["snippet"], h["matches"]) for h in doc["hits"]] == [
        ("2026-03-14", "checkins", "The lake house in March", ["lake house"])]


def test_nothing_found_is_a_friendly_line_and_exit_1(jpath, capsys):
    assert search(jpath, "mountains") == 1
    captured = capsys.readouterr()
    assert "Nothing you wrote matches mountains." in captured.out
    assert "--include-vault" in captured.out and captured.err == ""


def test_a_query_fts5_cannot_read_is_named_and_the_words_are_searched(jpath, capsys):
    assert search(jpath, '"lake', "house") == 0
    captured = capsys.readouterr()
    assert "quote mark isn't closed" in captured.err
    assert "The **lake** **house** in March" in captured.out


@pytest.mark.parametrize(("args", "field"), [
    (["*"], "words"), (["lake", "--kind", "settings"], "kind"),
    (["lake", "--from", "2026-13-01"], "from"), (["lake", "--limit", "0"], "limit"),
    (["lake", "--from", "2026-05-01", "--to", "2026-01-01"], "from"),
])
def test_bad_input_is_a_message_naming_the_field_and_exit_2(jpath, capsys, args, field):
    assert search(jpath, *args) == 2
    err = capsys.readouterr().err
    assert f"{field}:" in err and "Traceback" not in err
