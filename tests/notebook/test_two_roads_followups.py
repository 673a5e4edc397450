"""The road in force reaches every page: open-road-only questions, 09's counts and safety
contacts, "where you are", the report's answers and ``exback status``."""

from __future__ import annotations

import html
import re
import shutil
from collections.abc import Iterator
from importlib import resources
from pathlib import Path

import ipywidgets as widgets
import pytest

from exback_kit import Journal, content, stages
from exback_kit.cli import main
from exback_kit.content import ContentError, load_from, texts
from exback_kit.notebook import forms
from exback_kit.notebook import session as stage_session
from exback_kit.notebook import stage_words as stageinfo
from exback_kit.report.text import answer_lines
from exback_kit.store import reads

BOUNDARIES = content.load().boundary_questions
PACE = content.load().step(9).question("pace").text


@pytest.fixture(autouse=True)
def _fresh_session() -> Iterator[None]:
    stage_session.reset()
    yield
    stage_session.reset()


def answer(journal: Journal, **values: str) -> None:
    for q, v in {**dict.fromkeys(BOUNDARIES, "no"), **values}.items():
        journal.save_answer(0, q, v)


def walk(w: widgets.Widget) -> Iterator[widgets.Widget]:
    yield w
    for child in getattr(w, "children", ()):
        yield from walk(child)


def html_of(w: widgets.Widget) -> str:
    return "\n".join(x.value for x in walk(w) if isinstance(x, widgets.HTML))


# --- questions for the open road only ----------------------------------------------------

ROADS = [("unanswered", {}, None), ("a boundaries yes", {"no_contact_asked": "yes"}, None),
         ("not sure", {"said_no_reunion": "not_sure"}, None),
         ("decision move on", dict.fromkeys(BOUNDARIES, "no"), "move_on")]


@pytest.mark.parametrize(("name", "answers", "decision"), ROADS, ids=[r[0] for r in ROADS])
def test_step_9_asks_about_a_slow_pace_on_the_open_road_only(journal, name, answers, decision):
    for q, v in answers.items():
        journal.save_answer(0, q, v)
    if decision:
        journal.add("decisions", decision=decision)
    assert "pace" not in forms.step_form(journal, 9).fields
    assert "patterns_return" not in forms.step_form(journal, 4).fields
    answer(journal)
    if decision:
        journal.add("decisions", decision="try_again")
    assert "pace" in forms.step_form(journal, 9).fields
    assert "patterns_return" in forms.step_form(journal, 4).fields


def test_a_hidden_question_keeps_its_earlier_answer_when_the_step_is_saved(journal):
    answer(journal)
    form = forms.step_form(journal, 9)
    form.fields["pace"].value = "one message, then a week"
    form.save_button.click()
    journal.save_answer(0, "harm_or_control", "yes")
    hidden = forms.step_form(journal, 9)
    hidden.fields["moment_plan"].value = "ring my sister"
    hidden.save_button.click()
    assert journal.latest_answers(9) == {"pace": "one message, then a week",
                                         "moment_plan": "ring my sister"}


def test_the_reports_answers_leave_out_hidden_questions_and_their_answers(journal):
    answer(journal)
    journal.save_answer(9, "pace", "slowly, and only if they write first")
    journal.save_answer(9, "moment_plan", "a walk")
    open_road = "\n".join(t for _, t in answer_lines(reads.load_tables(journal), [9]))
    assert PACE in open_road and "only if they write first" in open_road
    journal.save_answer(0, "no_contact_asked", "yes")
    moving_on = "\n".join(t for _, t in answer_lines(reads.load_tables(journal), [9]))
    assert PACE not in moving_on and "only if they write first" not in moving_on
    assert "a walk" in moving_on


def test_the_flag_must_be_true_or_false(tmp_path: Path):
    data = tmp_path / "data"
    shutil.copytree(Path(str(resources.files("exback_kit.data"))), data,
                    ignore=shutil.ignore_patterns("__pycache__", "*.py"))
    steps = data / "steps_04_holding_steady.toml"
    steps.write_text(steps.read_text().replace("open_road_only = true", 'open_road_only = "yes"'))
    with pytest.raises(ContentError) as err:
        load_from(data)
    message = str(err.value)
    assert "steps_04_holding_steady.toml" in message and "'pace'" in message
    assert "open_road_only must be true or false" in message


# --- moving on (09) counts in "where you are" and `exback status` ---------------------------

def test_where_you_are_names_moving_on_when_it_was_worked_on_last(journal):
    answer(journal, said_no_reunion="yes")
    journal.save_answer(4, "my_part", "x", at="2025-03-01T10:00")
    journal.add("reflections", topic="grief", question="learned", value="y")
    stages.use_journal(journal)
    tables = stage_session.session().tables()
    assert stageinfo.latest_stage_line(tables) == texts.WHERE_STAGE.format(stage="Moving on")
    shown = html_of(stages.header("08_dashboard"))
    assert texts.WHERE_STAGE.format(stage="Moving on") in shown


def test_exback_status_counts_moving_on(journal, capsys):
    answer(journal, protective_order="yes")
    journal.save_answer(4, "my_part", "x", at="2025-03-01T10:00")
    journal.add("checklist_items", checklist="untangling", item="Return the spare key")
    path = journal.path
    journal.close()
    assert main(["status", "--journal", str(path)]) == 0
    assert texts.STATUS_STAGE.format(stage="Moving on") in capsys.readouterr().out


# --- 09's header shows the safety contacts after harm, control or an order ------------------

@pytest.mark.parametrize(("answers", "decision", "shown"), [
    ({"harm_or_control": "yes"}, None, True),
    ({"protective_order": "not_sure"}, None, True),
    ({"no_contact_asked": "yes"}, None, False),
    ({}, "move_on", False),
    ({}, None, False),
])
def test_moving_on_shows_the_safety_contacts_where_harm_or_an_order_was_named(
        journal, answers, decision, shown):
    answer(journal, **answers)
    if decision:
        journal.add("decisions", decision=decision)
    stages.use_journal(journal)
    top = stages.header("09_moving_on")
    boxes = [x for x in walk(top) if isinstance(x, widgets.HTML)
             and "exback-moving-on-safety" in x._dom_classes]
    assert bool(boxes) is shown
    if shown:
        words = boxes[0].value
        assert "1-800-799-7233" in words and "0808 2000 247" in words
        assert words.count("check they are right for your country") == 1
        # the same block the gate notice shows on a set-aside stage
        notice = html_of(stages.header("05_reconnecting"))
        assert boxes[0].value.split("exback-safety-contacts", 1)[1].split("</ul>")[0] in notice


def test_the_persons_own_contacts_are_escaped_in_moving_ons_safety_box(journal):
    payload = "<img src=x onerror=alert(1)>"
    journal.set_setting("crisis_contacts", [{"name": payload, "detail": payload}])
    answer(journal, harm_or_control="yes")
    stages.use_journal(journal)
    shown = html_of(stages.header("09_moving_on"))
    assert payload not in shown and html.escape(payload) in shown


@pytest.mark.parametrize("stage_id", list(stages.LAYOUTS))
def test_no_section_repeats_its_forms_title_as_its_heading(journal, stage_id):
    """Seen in the app view of 09: a heading and a form title saying the same words twice."""
    answer(journal)
    stages.use_journal(journal)
    for sec in stages.LAYOUTS[stage_id].sections:
        shown = html_of(stages.section(stage_id, sec.id))
        headings = set(re.findall(r"<h2>(.*?)</h2>", shown))
        titles = set(re.findall(r"<h4>(.*?)</h4>", shown))
        assert headings and not headings & titles, (sec.id, headings & titles)
