"""The content files load, cover every stage and step, and bad files are named precisely."""

from __future__ import annotations

import re
import shutil
from datetime import date, timedelta
from importlib import resources
from pathlib import Path

import pytest

from exback_kit import ValidationError, content
from exback_kit.content import ContentError, load_from
from exback_kit.store import validate

STAGE_IDS = ["00_start_here", "01_space_and_clarity", "02_reading_the_signals",
             "03_rebuilding_you", "04_holding_steady", "05_reconnecting",
             "06_the_conversation", "07_relationship_2_0", "08_dashboard", "09_moving_on"]
STAGE_STEPS = {"00_start_here": (), "01_space_and_clarity": (1, 2),
               "02_reading_the_signals": (3,), "03_rebuilding_you": (4, 5, 6, 7),
               "04_holding_steady": (8, 9), "05_reconnecting": (10, 11, 12, 13),
               "06_the_conversation": (14, 15, 16), "07_relationship_2_0": (17, 18),
               "08_dashboard": tuple(range(1, 19)), "09_moving_on": ()}


def test_all_content_loads_with_every_stage_in_order():
    c = content.load()
    assert [s.id for s in c.stages] == STAGE_IDS
    assert {s.id: s.steps for s in c.stages} == STAGE_STEPS
    assert [s.number for s in c.steps] == list(range(1, 19))
    assert c.stage("08_dashboard").overview and not c.stage("01_space_and_clarity").overview


def test_load_is_cached():
    assert content.load() is content.load()


@pytest.mark.parametrize("number", range(0, 19))
def test_every_step_has_title_idea_of_two_to_four_sentences_and_prompts(number):
    step = content.load().step(number)
    sentences = re.findall(r"[.!?](?:\s|$)", step.idea)
    assert step.title and 2 <= len(sentences) <= 4, step.idea
    assert len(step.questions) >= 3
    assert all(q.text and q.step == number for q in step.questions)


def test_every_question_type_is_used():
    used = {q.type for s in (content.load().start, *content.load().steps) for q in s.questions}
    assert used == set(content.QUESTION_TYPES)


def test_steps_know_their_stage():
    c = content.load()
    assert c.step(3).stage_id == "02_reading_the_signals"
    assert [s.number for s in c.stage_steps("05_reconnecting")] == [10, 11, 12, 13]
    assert c.step(0).stage_id == "00_start_here"


def test_start_here_has_profile_and_the_four_boundary_questions_each_with_not_sure():
    start = content.load().step(0)
    assert [q.id for q in start.group("boundaries")] == [
        "no_contact_asked", "said_no_reunion", "harm_or_control", "protective_order"]
    for question in start.group("boundaries"):
        assert question.type == "single"
        assert [c.id for c in question.choices] == ["yes", "no", "not_sure"]
    assert {q.id for q in start.group("profile")} == {"breakup_date", "who_ended",
                                                      "shared_ties"}


@pytest.mark.parametrize("number, phrase", [
    (3, "monitoring"), (17, "checking their phone"),
])
def test_steps_carry_their_specific_notes(number, phrase):
    step = content.load().step(number)
    assert phrase in " ".join(step.notes)


def test_step_9s_one_message_note_is_for_the_open_road_only():
    step = content.load().step(9)
    assert "one message, then wait" in " ".join(step.open_notes)
    assert "one message" not in " ".join(step.notes)


def test_step_13_is_about_choice_and_consent_with_no_promise_or_pre_ticked_plan():
    step = content.load().step(13)
    words = " ".join([step.idea, *step.notes, *(q.text + q.help for q in step.questions)])
    assert "choice" in words and "no or not yet" in words
    assert "hurt more than the breakup" not in words
    assert not [q for q in step.questions if q.type == "yesno"]


def test_no_question_asks_whether_the_ex_is_seeing_someone():
    ids = {q.id for s in content.load().steps for q in s.questions}
    assert "seeing_someone" not in ids


def test_shared_friends_are_not_a_logistics_tie():
    ties = content.load().start.question("shared_ties")
    assert "friends" not in {c.id for c in ties.choices}


@pytest.mark.parametrize("question", [
    "who_ended", "their_feelings", "workable", "they_would_change", "person_or_idea",
    "changes_for", "patterns_return", "posting_for", "with_others", "talk_first",
    "counselling", "review_rhythm",
])
def test_single_choice_lists_offer_a_dont_know(question):
    q = next(q for s in [content.load().start, *content.load().steps] for q in s.questions
             if q.id == question)
    labels = " ".join(c.label.lower() for c in q.choices)
    assert any(w in labels for w in ("don't know", "not sure", "can't tell", "hard to say",
                                     "haven't decided"))


def test_nothing_is_required_in_the_shipped_content():
    c = content.load()
    assert not [q.id for s in (c.start, *c.steps) for q in s.questions if q.required]


def test_unknown_step_and_stage_are_explained():
    c = content.load()
    with pytest.raises(KeyError, match="0 to 18"):
        c.step(19)
    with pytest.raises(KeyError, match="00_start_here"):
        c.stage("99_nowhere")
    with pytest.raises(KeyError):
        c.step(2).question("nope")


# --- loader errors -----------------------------------------------------------

@pytest.fixture
def data_copy(tmp_path: Path) -> Path:
    """A copy of the shipped content to break on purpose."""
    src = Path(str(resources.files("exback_kit.data")))
    dest = tmp_path / "data"
    shutil.copytree(src, dest, ignore=shutil.ignore_patterns("__pycache__", "*.py"))
    return dest


def _edit(path: Path, old: str, new: str) -> None:
    text = path.read_text()
    assert old in text
    path.write_text(text.replace(old, new, 1))


def test_copy_loads_like_the_original(data_copy):
    assert load_from(data_copy) == content.load()


def test_unknown_type_names_file_step_and_question(data_copy):
    f = data_copy / "steps_01_space_and_clarity.toml"
    _edit(f, 'id = "love_then"\ntype = "scale"', 'id = "love_then"\ntype = "slider"')
    with pytest.raises(ContentError) as err:
        load_from(data_copy)
    msg = str(err.value)
    assert "steps_01_space_and_clarity.toml" in msg and "step 2" in msg
    assert "'love_then'" in msg and "'slider'" in msg


def test_duplicate_question_id_is_named(data_copy):
    f = data_copy / "steps_04_holding_steady.toml"
    _edit(f, 'id = "drinks_per_week"', 'id = "confidants"')
    with pytest.raises(ContentError, match=r"steps_04_holding_steady.toml, step 8.*'confidants'"):
        load_from(data_copy)


def test_missing_text_names_file_step_and_question(data_copy):
    f = data_copy / "steps_02_reading_the_signals.toml"
    _edit(f, 'text = "How strong is the pull to check up on them?"', 'text = "  "')
    with pytest.raises(ContentError) as err:
        load_from(data_copy)
    assert "steps_02_reading_the_signals.toml, step 3, question 'pull_to_check'" in str(err.value)
    assert "'text'" in str(err.value)


def test_missing_step_title_names_the_step(data_copy):
    f = data_copy / "steps_07_relationship_2_0.toml"
    _edit(f, 'title = "Take the leap, slowly"\n', "")
    with pytest.raises(ContentError, match=r"steps_07_relationship_2_0.toml, step 18.*'title'"):
        load_from(data_copy)


def test_scale_without_end_labels_is_refused(data_copy):
    f = data_copy / "steps_06_the_conversation.toml"
    _edit(f, 'low = "Very little"\n', "")
    with pytest.raises(ContentError, match=r"step 15, question 'trust_now'.*'low'"):
        load_from(data_copy)


def test_choice_without_label_is_refused(data_copy):
    f = data_copy / "steps_05_reconnecting.toml"
    _edit(f, '{ id = "group", label = "With friends" }', '{ id = "group" }')
    with pytest.raises(ContentError, match=r"step 10, question 'with_others'"):
        load_from(data_copy)


def test_duplicate_step_across_files_is_refused(data_copy):
    f = data_copy / "steps_05_reconnecting.toml"
    _edit(f, "number = 13", "number = 12")
    with pytest.raises(ContentError, match="step 12"):
        load_from(data_copy)


def test_step_missing_from_every_file_is_refused(data_copy):
    (data_copy / "steps_07_relationship_2_0.toml").unlink()
    with pytest.raises(ContentError, match=r"\[17, 18\] are missing"):
        load_from(data_copy)


def test_broken_toml_names_the_file(data_copy):
    (data_copy / "steps_03_rebuilding_you.toml").write_text("[[step]\nnumber = ")
    with pytest.raises(ContentError, match=r"steps_03_rebuilding_you\.toml.*TOML"):
        load_from(data_copy)


def test_stage_pointing_at_a_taken_step_is_refused(data_copy):
    _edit(data_copy / "stages.toml", "steps = [3]", "steps = [2, 3]")
    with pytest.raises(ContentError, match="02_reading_the_signals"):
        load_from(data_copy)


# --- answers -------------------------------------------------------------------

def q(step: int, qid: str) -> content.Question:
    return content.load().step(step).question(qid)


@pytest.mark.parametrize("step, qid, given, stored", [
    (2, "love_then", 4, 4),
    (2, "their_feelings", "unsure", "unsure"),
    (1, "hardest_moments", ("lonely", "late_night"), ["late_night", "lonely"]),
    (11, "listen_more", False, False),
    (1, "instead", "  go for a walk ", "  go for a walk "),
    (8, "drinks_per_week", "18", 18),
    (8, "drinks_per_week", "1,5", 1.5),
    (0, "breakup_date", date(2024, 5, 1), "2024-05-01"),
    (2, "what_drove_apart", "   ", None),
    (1, "hardest_moments", [], None),
    (2, "love_then", None, None),
])
def test_check_answer_stores_clean_values(step, qid, given, stored):
    assert validate.answer(q(step, qid), given) == stored


@pytest.mark.parametrize("step, qid, given", [
    (2, "love_then", 6),
    (2, "their_feelings", "certainly"),
    (1, "hardest_moments", ["lonely", "bored"]),
    (11, "listen_more", "yes"),
    (8, "drinks_per_week", "a few"),
    (8, "drinks_per_week", -1),
    (0, "breakup_date", date.today() + timedelta(days=3)),
    (1, "instead", "x" * 201),
    (2, "what_drove_apart", "nul\x00"),
])
def test_check_answer_refuses_with_the_question_id_as_field(step, qid, given):
    with pytest.raises(ValidationError) as err:
        validate.answer(q(step, qid), given)
    assert err.value.field == qid


def test_future_dates_allowed_only_where_content_says():
    soon = date.today() + timedelta(days=10)
    assert validate.answer(q(14, "talk_day"), soon) == soon.isoformat()


def test_required_question_cannot_be_skipped():
    required = content.Question(id="x", type="short_text", text="Say it", step=1, required=True)
    with pytest.raises(ValidationError, match="Say it"):
        validate.answer(required, " ")


# --- every road decided: words about trying again on an open stage --------------------------

def _kit_copy(tmp_path):
    data = tmp_path / "data"
    shutil.copytree(Path(str(resources.files("exback_kit.data"))), data,
                    ignore=shutil.ignore_patterns("__pycache__", "*.py"))
    return data


@pytest.mark.parametrize("flag", ["", "open_road_only = true\n", "every_road = true\n"])
def test_a_question_about_trying_again_on_an_open_stage_needs_a_decision(tmp_path, flag):
    data = _kit_copy(tmp_path)
    steps = data / "steps_03_rebuilding_you.toml"
    steps.write_text(steps.read_text() + '\n[[step.question]]\nid = "win_back"\ntype = "yesno"\n'
                     f'text = "Would this help you win them back?"\n{flag}')
    if flag:
        assert content.load_from(data).step(7).question("win_back")
        return
    with pytest.raises(ContentError) as err:
        content.load_from(data)
    message = str(err.value)
    assert "step 7" in message and "'win_back'" in message and "win them back" in message


def test_an_idea_about_going_back_on_an_open_stage_is_refused_but_fine_on_a_gated_one(tmp_path):
    data = _kit_copy(tmp_path)
    for name, number in (("steps_05_reconnecting.toml", 10), ("steps_04_holding_steady.toml", 8)):
        f = data / name
        f.write_text(f.read_text().replace('idea = """\n', 'idea = """\nGoing back is near. ', 1))
        if number == 10:
            assert "Going back" in content.load_from(data).step(10).idea
    with pytest.raises(ContentError, match="step 8: the idea speaks to trying again"):
        content.load_from(data)


def test_the_kits_try_again_questions_are_asked_on_the_open_road_only():
    kit = content.load()
    for step, qid in ((2, "their_feelings"), (2, "they_would_change"), (4, "patterns_return")):
        assert kit.step(step).question(qid).open_road_only
    assert "win them back" not in str(kit.step(4).question("changes_for").choices)
    assert kit.step(3).question("support_not_asked").text == (
        "Who can support you, without being asked about your ex?")
