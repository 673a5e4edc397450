"""Schema version 3: the check-in's optional ``mind`` and the moving-on tables."""

from __future__ import annotations

import shutil
import sqlite3
from pathlib import Path

import pytest

from exback_kit import Journal, ValidationError
from exback_kit.store import SCHEMA_VERSION

DATA = Path(__file__).resolve().parents[1] / "data"


@pytest.fixture
def v2_journal(tmp_path: Path) -> Path:
    path = tmp_path / "old.sqlite3"
    shutil.copy(DATA / "journal_v2.sqlite3", path)
    return path


def test_the_v2_fixture_is_really_version_2(v2_journal):
    conn = sqlite3.connect(v2_journal)
    assert conn.execute("PRAGMA user_version").fetchone()[0] == 2
    columns = {row[1] for row in conn.execute("PRAGMA table_info(checkins)")}
    conn.close()
    assert "energy" in columns and "mind" not in columns


def test_a_v2_journal_upgrades_to_3_keeping_every_entry(v2_journal):
    with Journal.open(v2_journal) as j:
        assert j.schema_version == SCHEMA_VERSION >= 3
        checkins = j.table("checkins")
        assert list(checkins["mood"]) == [4, 6]
        assert list(checkins["energy"].astype("float").fillna(-1)) == [3, -1]
        assert checkins["mind"].isna().all()  # nobody was asked before v3
        assert checkins.iloc[0]["note"] == "a long day"
        assert j.records("decisions")[0]["decision"] == "move_on"
        assert j.records("milestones")[0]["title"] == "a walk"
        assert j.latest_answers(2) == {"still_in_love": "no"}
        # the new column and tables work straight away
        j.add_checkin(mood=5, mind=7)
        assert j.records("checkins", newest_first=True, limit=1)[0]["mind"] == 7
        j.add("reflections", topic="grief", question="learned", value="to rest")
        j.add("reappraisals", what="we argued a lot", feelings_before=7, mood_before=5)
        j.add("checklist_items", checklist="devices", item="mute their chat")
    with Journal.open(v2_journal) as j:  # and the upgrade is done once
        assert j.count("checkins") == 3 and j.count("reflections") == 1


def test_the_v1_journal_upgrades_through_2_to_3(tmp_path):
    path = tmp_path / "v1.sqlite3"
    shutil.copy(DATA / "journal_v1.sqlite3", path)
    with Journal.open(path) as j:
        assert j.schema_version == SCHEMA_VERSION
        assert j.table("checkins")["mind"].isna().all()


@pytest.mark.parametrize("mind", [-1, 11, 4.5, "a lot"])
def test_mind_outside_0_to_10_is_refused_naming_the_field(journal, mind):
    with pytest.raises(ValidationError) as caught:
        journal.add_checkin(mood=5, mind=mind)
    assert caught.value.field == "mind"
    assert "mind" in str(caught.value)
    assert journal.count("checkins") == 0


@pytest.mark.parametrize("mind", [0, 10, None])
def test_mind_is_optional_and_takes_both_ends(journal, mind):
    journal.add_checkin(mood=5, mind=mind)
    assert journal.records("checkins")[0]["mind"] == mind


def test_latest_reflections_gives_the_newest_answer_per_question_of_one_topic(journal):
    journal.add("reflections", topic="grief", question="learned", value="first")
    journal.add("reflections", topic="grief", question="learned", value="second")
    journal.add("reflections", topic="future", question="learned", value="other topic")
    assert journal.latest_reflections("grief") == {"learned": "second"}
    assert journal.latest_reflections("nothing") == {}
    assert journal.count("reflections") == 3  # earlier answers stay as history


def test_a_checklist_item_needs_a_known_checklist(journal):
    with pytest.raises(ValidationError) as caught:
        journal.add("checklist_items", checklist="their_profile", item="look")
    assert caught.value.field == "checklist"
    assert journal.count("checklist_items") == 0


def test_a_reappraisal_keeps_before_and_takes_after_later(journal):
    entry = journal.add("reappraisals", what="plans kept changing", feelings_before=8,
                        mood_before=4)
    journal.update("reappraisals", entry, feelings_after=6, mood_after=5)
    row = journal.records("reappraisals")[0]
    assert (row["feelings_before"], row["feelings_after"]) == (8, 6)
    with pytest.raises(ValidationError):  # what was written stays as it was
        journal.update("reappraisals", entry, feelings_before=2)
