"""The demo journal: separate, clearly marked, seeded, and full enough for every chart."""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path

import pytest

from exback_kit import Journal, JournalError, ValidationError, charts, cli, content
from exback_kit.content import texts
from exback_kit.domain import nocontact
from exback_kit.interchange import demo
from exback_kit.store import default_path, reads, validate

TODAY = date(2025, 6, 30)
EMPTY_NOTES = {texts.CHART_EMPTY_MOOD, texts.CHART_EMPTY_METER, texts.CHART_EMPTY_YEAR,
               texts.CHART_EMPTY_NO_CONTACT, texts.CHART_EMPTY_URGES, texts.CHART_EMPTY_HABITS,
               texts.CHART_EMPTY_WELLBEING, texts.CHART_EMPTY_JOURNEY}


@pytest.fixture(scope="module")
def made(tmp_path_factory):
    path = demo.make_demo(tmp_path_factory.mktemp("demo") / "demo.sqlite3", today=TODAY)
    with Journal.open(path, backup=False) as j:
        yield j, reads.load_tables(j)


def test_the_demo_lives_beside_the_real_journal(_isolated_home, tmp_path):
    assert demo.demo_path() == _isolated_home / "demo" / "journal.sqlite3"
    assert demo.demo_path() != default_path()
    assert demo.demo_path(tmp_path / "mine.sqlite3") == tmp_path / "demo" / "journal.sqlite3"


def test_make_demo_writes_the_default_place_and_marks_it(_isolated_home):
    path = demo.make_demo(days=20)
    assert path == demo.demo_path() and path.exists()
    with Journal.open(path, backup=False) as j:
        assert j.is_demo and j.get_setting("demo") is True
    assert not default_path().exists()  # the real journal was never created or touched


def test_about_120_days_of_check_ins_ending_today(made):
    _, tables = made
    days = tables["checkins"]["day"]
    assert days.max().date() == TODAY
    assert days.min().date() == TODAY - timedelta(days=119)
    assert 100 <= days.dt.date.nunique() <= 120
    checkins = tables["checkins"]
    assert checkins["energy"].notna().all() and checkins["sleep_hours"].notna().all()
    assert checkins["habits"].map(len).sum() > 200


def test_contacts_hold_logistics_a_lapse_and_an_unanswered_message(made):
    contacts = made[1]["contacts"]
    assert contacts["logistics"].any()
    assert (nocontact.lapse_mask(contacts)).any()
    unanswered = (contacts["initiated_by"] == "them") & ~contacts["replied"]
    assert unanswered.any()


def test_every_kind_the_charts_and_forms_use_has_entries(made):
    _, tables = made
    for kind in ("urges", "nocontact_periods", "decisions", "unsent", "milestones", "answers",
                 "signals", "patterns", "reachouts", "meetings", "old_habits"):
        assert len(tables[kind]), kind
    urges = tables["urges"]
    assert (urges["trigger"] != "").all() and (urges["helped"] != "").sum() > 20
    assert urges["acted_on"].any() and not urges["acted_on"].all()
    results = tables["instrument_results"]["instrument"].value_counts()
    assert results["who5"] >= 6 and results["rosenberg"] >= 3
    assert set(tables["unsent"]["status"]) >= {"let_go", "still_want", "waiting"}


def test_demo_answers_are_ones_the_forms_accept(made):
    kit = content.load()
    for row in made[1]["answers"].itertuples():
        question = kit.step(int(row.step)).question(row.question)
        assert validate.answer(question, row.value) == row.value


def test_demo_keeps_the_boundaries_answers_at_no(made):
    j, _ = made
    start = j.latest_answers(0)
    assert not any(start[q] for q in ("no_contact_asked", "harm_or_control", "protective_order"))


def test_every_chart_has_something_to_show(made):
    _, tables = made
    for name in charts.CHARTS:
        fig, sentence = charts.render(name, tables, TODAY)
        shown = {" ".join(t.get_text().split()) for ax in fig.axes for t in ax.texts}
        assert not shown & EMPTY_NOTES, name
        assert sentence and "yet" not in sentence, (name, sentence)


def test_same_seed_same_journal_other_seed_other_journal(tmp_path):
    def moods(path, seed):
        demo.make_demo(path, days=30, seed=seed, today=TODAY)
        with Journal.open(path, backup=False) as j:
            return [(r["at"], r["mood"], r["habits"]) for r in j.records("checkins")]

    first = moods(tmp_path / "a.sqlite3", 7)
    assert moods(tmp_path / "b.sqlite3", 7) == first
    assert moods(tmp_path / "c.sqlite3", 8) != first


def test_making_it_again_replaces_the_old_demo(tmp_path):
    path = tmp_path / "demo.sqlite3"
    demo.make_demo(path, days=30, today=TODAY)
    with Journal.open(path, backup=False) as j:
        before = j.count("checkins")
    demo.make_demo(path, days=30, today=TODAY)
    with Journal.open(path, backup=False) as j:
        assert j.count("checkins") == before


def test_never_written_over_the_real_journal(_isolated_home):
    with Journal.open() as mine:
        mine.add_checkin(6)
    with pytest.raises(JournalError, match="your own journal"):
        demo.make_demo(default_path())
    with Journal.open() as mine:
        assert mine.count("checkins") == 1 and not mine.is_demo


def test_never_written_over_another_journal_or_file(tmp_path):
    other = tmp_path / "other.sqlite3"
    with Journal.open(other) as j:
        j.add_checkin(5)
    with pytest.raises(JournalError, match="isn't the demo"):
        demo.make_demo(other)
    notes = tmp_path / "notes.sqlite3"
    notes.write_text("my notes")
    with pytest.raises(JournalError, match="left untouched"):
        demo.make_demo(notes)
    assert notes.read_text() == "my notes"


@pytest.mark.parametrize("days", [0, 13, 3651, True, 30.5])
def test_days_out_of_range_are_refused(tmp_path, days):
    with pytest.raises(ValidationError, match="days"):
        demo.make_demo(tmp_path / "d.sqlite3", days=days)
    assert not (tmp_path / "d.sqlite3").exists()


def test_a_future_today_stops_at_the_real_today(tmp_path):
    path = demo.make_demo(tmp_path / "d.sqlite3", days=20, today=date.today() + timedelta(days=30))
    with Journal.open(path, backup=False) as j:
        assert reads.load_tables(j)["checkins"]["day"].max().date() <= date.today()


def test_exback_demo_command(_isolated_home, capsys):
    assert cli.main(["demo", "--days", "21", "--seed", "3"]) == 0
    out = capsys.readouterr().out
    assert str(demo.demo_path()) in out and "21 days" in out
    with Journal.open(demo.demo_path(), backup=False) as j:
        assert j.is_demo and j.count("checkins") > 15


def test_exback_demo_goes_beside_the_journal_given(tmp_path, capsys):
    mine = tmp_path / "elsewhere" / "journal.sqlite3"
    assert cli.main(["--journal", str(mine), "demo", "--days", "14"]) == 0
    assert (mine.parent / "demo" / "journal.sqlite3").exists()
    assert not mine.exists()


def test_exback_demo_refuses_the_real_journal(_isolated_home, capsys):
    with Journal.open() as mine:
        mine.add_checkin(6)
    assert cli.main(["demo", "--path", str(default_path())]) == 1
    assert "your own journal" in capsys.readouterr().err
    assert Path(default_path()).exists()
