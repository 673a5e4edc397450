"""What the stage notebooks show, tested without a browser: widgets, Save, gates, demo."""

from __future__ import annotations

import base64
import html
import re
from datetime import date, timedelta
from pathlib import Path
from typing import Any

import ipywidgets as widgets
import pytest

from exback_kit import Journal, content, stages
from exback_kit.content import texts
from exback_kit.notebook import session as stageview
from exback_kit.notebook import stage_words as stageinfo
from exback_kit.notebook.form_kit import Form
from exback_kit.notebook.stage_words import SHOW_NOTE_SETTING

from .widget_tree import having, raw_text, walk

STAGE_IDS = list(stages.LAYOUTS)
GATED = ("02_reading_the_signals", "05_reconnecting", "06_the_conversation",
         "07_relationship_2_0")


def next_text(part) -> str:
    """``raw_text`` of "what comes next" without the closing line of links below it."""
    return "\n".join(raw_text(c) for c in part.children
                     if "exback-closing" not in c._dom_classes)


def form(w: widgets.Widget, css: str) -> Form:
    found = [x for x in having(w, css) if isinstance(x, Form)]
    assert len(found) == 1, f"expected one {css} form"
    return found[0]


def mood_png(part: widgets.Widget) -> bytes:
    (chart,) = having(part, "exback-chart-mood")
    (image,) = having(chart, "exback-chart-image")
    found = re.search(r'src="data:image/png;base64,([^"]+)"', image.value)
    assert found, "the chart shows no PNG"
    return base64.b64decode(found.group(1))


def save_boundary_yes(j: Journal) -> None:
    boundaries = form(stages.section("00_start_here", "boundaries"), "exback-boundaries")
    boundaries.fields["no_contact_asked"].value = "yes"
    boundaries.save_button.click()
    assert j.latest_answers(0)["no_contact_asked"] == "yes"


@pytest.mark.parametrize("stage_id", STAGE_IDS)
def test_every_stage_builds_on_an_empty_journal(mine: Journal, stage_id: str) -> None:
    view = stages.show(stage_id)
    assert having(view, "exback-where")
    assert having(view, "exback-next")
    assert having(view, "exback-demo-offer")
    assert not having(view, "exback-demo-banner")
    assert not having(view, "exback-part-error")


@pytest.mark.parametrize("stage_id", [s for s in STAGE_IDS if s not in GATED])
def test_open_stages_show_their_forms(mine: Journal, stage_id: str) -> None:
    view = stages.show(stage_id)
    assert [x for x in walk(view) if isinstance(x, Form)] or stage_id == "08_dashboard"
    assert not having(view, "exback-set-aside")


def test_a_checkin_saved_in_the_notebook_redraws_chart_and_header(mine: Journal) -> None:
    mine.set_setting(SHOW_NOTE_SETTING, True)
    header = stages.header("00_start_here")
    checkin = form(stages.section("00_start_here", "checkin"), "exback-checkin")
    charts = stages.charts("00_start_here")
    before = mood_png(charts)
    checkin.fields["mood"].value = 8
    checkin.fields["energy"].value = 6
    checkin.fields["note"].value = "slept well <b>finally</b>"
    checkin.save_button.click()
    assert texts.CHECKIN_SAVED in checkin.status.value
    assert [(r["mood"], r["energy"]) for r in mine.records("checkins")] == [(8, 6)]
    assert mood_png(charts) != before
    shown = raw_text(header)
    assert "slept well &lt;b&gt;finally&lt;/b&gt;" in shown
    assert "<b>finally</b>" not in shown


def test_a_part_shown_in_a_cell_never_reveals_the_persons_text(mine: Journal) -> None:
    """A saved notebook keeps the displayed widget's repr: it must name only the part."""
    mine.add_checkin(mood=4, note="private words")
    mine.set_setting(SHOW_NOTE_SETTING, True)
    for make in (stages.header, stages.show):
        part = make("00_start_here")
        plain = part._repr_mimebundle_()["text/plain"]
        assert plain.startswith("exback-kit part 00_start_here:")
        assert "private" not in plain and "private" not in repr(part)
    assert "private words" in raw_text(stages.header("00_start_here"))


def test_a_boundaries_yes_sets_the_reconnecting_stages_aside(mine: Journal) -> None:
    save_boundary_yes(mine)
    for stage_id in GATED:
        view = stages.show(stage_id)
        assert having(view, "exback-gate-notice"), stage_id
        assert not having(view, "exback-guidance"), stage_id
        assert not having(view, "exback-intro"), stage_id
        assert not [x for x in walk(view) if isinstance(x, Form)], stage_id
        assert not having(view, "exback-chart"), stage_id
    open_view = stages.show("03_rebuilding_you")
    assert [x for x in walk(open_view) if isinstance(x, Form)]
    assert not having(open_view, "exback-gate-notice")


def test_what_comes_next_skips_stages_that_are_set_aside(mine: Journal) -> None:
    nxt = next_text(stages.next_steps("01_space_and_clarity"))
    assert 'href="02_reading_the_signals.ipynb"' in nxt
    assert texts.NEXT_SKIPPED not in nxt
    save_boundary_yes(mine)
    nxt = next_text(stages.next_steps("01_space_and_clarity"))
    assert 'href="03_rebuilding_you.ipynb"' in nxt
    assert nxt.index('href="09_moving_on.ipynb"') < nxt.index('href="03_rebuilding_you.ipynb"')
    after_04 = next_text(stages.next_steps("04_holding_steady"))
    assert 'href="09_moving_on.ipynb"' in after_04 and 'href="08_dashboard.ipynb"' in after_04
    assert "05_reconnecting" not in after_04
    assert next_text(stages.next_steps("08_dashboard")).count("href") == 1


def test_where_you_are_counts_no_contact_days(mine: Journal) -> None:
    assert texts.WHERE_NO_CONTACT_NONE in raw_text(stages.header("01_space_and_clarity"))
    start = date.today() - timedelta(days=11)
    mine.add("nocontact_periods", start_day=start, target_days=30, at=start)
    line = stageinfo.no_contact_line(stageview.session().tables(),
                                     road=stageview.session().journey())
    assert line == texts.say(texts.WHERE_NO_CONTACT_TARGET, day=12, target=30, longest=12)
    assert line in raw_text(stages.header("01_space_and_clarity"))


def test_entries_written_elsewhere_show_when_a_cell_runs_again(mine: Journal) -> None:
    """A check-in from the terminal (another connection) appears when the cell is re-run."""
    mine.set_setting(SHOW_NOTE_SETTING, True)
    assert stages.header("00_start_here") and not stageview.session().tables()["checkins"].size
    with Journal.open(mine.path) as terminal:
        terminal.add_checkin(mood=9, note="from the terminal")
    assert "from the terminal" in raw_text(stages.header("00_start_here"))
    assert len(stageview.session().tables()["checkins"]) == 1


def test_where_you_are_counts_answered_steps(mine: Journal) -> None:
    mine.save_answer(4, "my_part", "listening less than I talked")
    tables = stageview.session().tables()
    assert stageinfo.progress_line("03_rebuilding_you", tables) == texts.say(
        texts.WHERE_PROGRESS, answered=1, steps=4)
    assert stageinfo.progress_line("08_dashboard", tables) is None


def test_the_journal_is_opened_once_per_kernel(tmp_path: Path,
                                               monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(stageview.JOURNAL_ENV, str(tmp_path / "chosen.sqlite3"))
    first = stages.journal()
    assert first is stages.journal()
    assert first.path == tmp_path / "chosen.sqlite3"


def test_without_exback_journal_the_usual_journal_is_used(_isolated_home: Path,
                                                         monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv(stageview.JOURNAL_ENV, raising=False)
    assert stages.journal().path == _isolated_home / "journal.sqlite3"


def test_a_chart_that_fails_after_save_leaves_a_calm_note(mine: Journal,
                                                          monkeypatch: pytest.MonkeyPatch) -> None:
    charts = stages.charts("00_start_here")
    from exback_kit import charts as chart_module
    def broken(*_a: Any, **_k: Any) -> Any:
        raise RuntimeError("no ink")

    monkeypatch.setattr(chart_module, "to_png", broken)  # drawing fails, however reached
    checkin = form(stages.section("00_start_here", "checkin"), "exback-checkin")
    checkin.fields["mood"].value = 5
    checkin.save_button.click()
    assert mine.count("checkins") == 1
    assert texts.CHECKIN_SAVED in checkin.status.value
    assert "no ink" in raw_text(charts)
    assert having(charts, "exback-part-error")


@pytest.mark.parametrize("call", [lambda: stages.show("09_nowhere"),
                                  lambda: stages.section("00_start_here", "nowhere")])
def test_unknown_stages_and_parts_name_the_ones_that_exist(mine: Journal, call: Any) -> None:
    with pytest.raises(KeyError) as err:
        call()
    assert "00_start_here" in str(err.value) or "profile" in str(err.value)


def test_redisplaying_a_part_replaces_the_old_one(mine: Journal) -> None:
    first = stages.charts("00_start_here")
    second = stages.charts("00_start_here")
    assert first.comm is None  # closed: its view goes away with the old cell output
    assert second.comm is not None
    mine.add_checkin(mood=6)
    stageview.session().saved()
    assert having(second, "exback-chart-mood")


def test_parts_are_empty_of_demo_words_when_the_journal_has_entries(mine: Journal) -> None:
    mine.add_checkin(mood=6)
    stageview.session().saved()
    view = stages.header("00_start_here")
    assert not having(view, "exback-demo-offer")
    assert not having(view, "exback-demo-banner")


def test_the_env_variable_name_matches_the_launcher() -> None:
    from exback_kit.cli import launch
    assert launch.JOURNAL_ENV == stageview.JOURNAL_ENV


def click(view: widgets.Widget, css: str) -> None:
    (button,) = [x for x in walk(view) if isinstance(x, widgets.Button)
                 and css in x._dom_classes]
    button.click()


def test_the_demo_journal_is_offered_shown_with_a_banner_and_left_again(mine: Journal) -> None:
    header = stages.header("00_start_here")
    charts = stages.charts("00_start_here")
    empty_chart = mood_png(charts)
    click(header, "exback-demo-on")
    shown = stages.journal()
    assert shown.is_demo and shown.path != mine.path
    assert having(header, "exback-demo-banner")
    assert not having(header, "exback-demo-offer")
    assert mood_png(charts) != empty_chart  # the parts were rebuilt from the demo
    assert all(mine.count(kind) == 0 for kind in ("checkins", "urges", "answers"))
    click(header, "exback-demo-off")
    assert stages.journal() is mine
    assert having(header, "exback-demo-offer")
    assert not having(header, "exback-demo-banner")


def test_the_demo_choice_carries_over_to_the_other_notebooks(mine: Journal) -> None:
    """Each notebook has its own kernel: the choice is kept in the person's settings."""
    stages.use_demo(True)
    stageview.reset()  # a new kernel for the next notebook
    stages.use_journal(Journal.open(mine.path))
    view = stages.show("01_space_and_clarity")
    assert having(view, "exback-demo-banner")
    assert stages.journal().is_demo


def test_what_is_saved_during_the_demo_goes_into_the_demo(mine: Journal) -> None:
    stages.use_demo(True)
    demo_journal = stages.journal()
    before = demo_journal.count("checkins")
    checkin = form(stages.section("00_start_here", "checkin"), "exback-checkin")
    checkin.fields["mood"].value = 6
    checkin.save_button.click()
    assert demo_journal.count("checkins") == before + 1
    assert mine.count("checkins") == 0


def test_the_persons_boundaries_still_count_while_the_demo_is_shown(mine: Journal) -> None:
    """Switching to made-up data never reopens the stages the person's answers set aside."""
    save_boundary_yes(mine)
    stages.use_demo(True)
    assert stages.journal().is_demo
    view = stages.show("05_reconnecting")
    assert having(view, "exback-demo-banner")
    assert having(view, "exback-gate-notice")
    assert not [x for x in walk(view) if isinstance(x, Form)]
    assert 'href="05_reconnecting.ipynb"' not in next_text(stages.next_steps("04_holding_steady"))


def test_a_set_aside_stage_points_onward_without_talk_of_meetings(mine: Journal) -> None:
    save_boundary_yes(mine)
    nxt = next_text(stages.next_steps("05_reconnecting"))
    assert html.escape(texts.NEXT_GATED) in nxt
    assert html.escape(texts.NEXT_TEXT["05_reconnecting"]) not in nxt
    assert 'href="09_moving_on.ipynb"' not in nxt and 'href="08_dashboard.ipynb"' in nxt
    page = raw_text(stages.show("05_reconnecting"))
    assert page.count('href="09_moving_on.ipynb"') == 1  # in the notice, once


def test_tables_are_read_only_when_needed_and_match_the_journal(
        mine: Journal, monkeypatch: pytest.MonkeyPatch) -> None:
    from exback_kit.domain import timeline
    from exback_kit.store import reads
    from exback_kit.store.schema import TABLES

    mine.add_checkin(mood=5)
    read: list[str] = []
    real = mine.table
    monkeypatch.setattr(mine, "table", lambda kind: read.append(kind) or real(kind))
    tables = stageview.LazyTables(mine)
    assert len(tables["checkins"]) == 1 and read == ["checkins"]
    assert "urges" in tables and read == ["checkins"]
    assert tables.get("nothing") is None
    assert sorted(tables) == sorted(TABLES) and sorted(read) == sorted(TABLES)
    expected = reads.load_tables(mine)
    assert {k: len(v) for k, v in tables.items()} == {k: len(v) for k, v in expected.items()}
    assert timeline.first_day(stageview.LazyTables(mine)) == timeline.first_day(expected)


def test_no_contact_counts_from_the_first_entry_before_any_period(mine: Journal) -> None:
    """As `exback status` does: without a period, the days count from the first entry."""
    from exback_kit.domain import nocontact, timeline
    from exback_kit.store import reads
    first = date.today() - timedelta(days=6)
    mine.add_checkin(mood=5, at=first)
    mine.log_contact(initiated_by="them", at=first + timedelta(days=2))
    line = stageinfo.no_contact_line(stageview.session().tables(),
                                     road=stageview.session().journey())
    tables = reads.load_tables(mine)
    nc = nocontact.no_contact(tables["contacts"], tables["nocontact_periods"],
                             fallback=timeline.first_day(tables))
    assert line == texts.say(texts.WHERE_NO_CONTACT, day=nc.current_streak,
                             longest=nc.longest_streak)
    assert nc.current_streak == 7


@pytest.mark.parametrize(("answers", "words"), [
    ({"no_contact_asked": "no", "said_no_reunion": "no", "harm_or_control": "no",
      "protective_order": "no"}, texts.FOLDED_BOUNDARIES_NO),
    ({"no_contact_asked": "no", "said_no_reunion": "no", "harm_or_control": "yes",
      "protective_order": "no"}, texts.FOLDED_BOUNDARIES_YES),
    ({"no_contact_asked": "no", "said_no_reunion": "no", "harm_or_control": "not_sure",
      "protective_order": "no"}, texts.FOLDED_BOUNDARIES_YES),
])
def test_an_answered_boundaries_check_starts_folded_and_opens_on_request(
        mine: Journal, answers: dict[str, str], words: str) -> None:
    for question, value in answers.items():
        mine.save_answer(0, question, value)
    part = stages.section("00_start_here", "boundaries")
    assert html.escape(words) in raw_text(part)
    assert not [x for x in walk(part) if isinstance(x, Form)]
    click(part, "exback-unfold")
    boundaries = form(part, "exback-boundaries")
    assert boundaries.fields["harm_or_control"].value == answers["harm_or_control"]
    assert not having(part, "exback-folded")


def test_a_half_answered_boundaries_check_stays_open(mine: Journal) -> None:
    mine.save_answer(0, "no_contact_asked", "no")
    part = stages.section("00_start_here", "boundaries")
    assert form(part, "exback-boundaries")
    assert not having(part, "exback-folded")


def test_the_profile_folds_once_anything_in_it_is_answered(mine: Journal) -> None:
    assert form(stages.section("00_start_here", "profile"), "exback-profile")
    mine.save_answer(0, "who_ended", "them")
    part = stages.section("00_start_here", "profile")
    assert having(part, "exback-folded")
    click(part, "exback-unfold")
    assert form(part, "exback-profile").fields["who_ended"].value == "them"


@pytest.mark.parametrize("stage_id", ["00_start_here", "01_space_and_clarity",
                                      "02_reading_the_signals", "03_rebuilding_you",
                                      "04_holding_steady", "05_reconnecting",
                                      "06_the_conversation", "07_relationship_2_0"])
def test_on_the_open_road_every_footer_links_moving_on_beside_the_next_stage(
        mine: Journal, stage_id: str) -> None:
    for q in content.load().boundary_questions:
        mine.save_answer(0, q, "no")
    stageview.session().use(mine)
    nxt = next_text(stages.next_steps(stage_id))
    links = re.findall(r'href="([^"]+)\.ipynb"', nxt)
    assert links[-1] == "09_moving_on" and len(links) == 2
    assert html.escape(texts.NEXT_OR_MOVING_ON) in nxt
