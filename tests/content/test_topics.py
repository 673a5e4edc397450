"""Topics: parts of a stage that are not numbered steps (moving on: its prompts and lists)."""

from __future__ import annotations

import shutil
from importlib import resources
from pathlib import Path

import pytest

from exback_kit import content
from exback_kit.content import ContentError, load_from
from exback_kit.content.questions import NOT_A_STEP

TOPICS = "topics_09_moving_on.toml"


@pytest.fixture
def data_copy(tmp_path: Path) -> Path:
    src = Path(str(resources.files("exback_kit.data")))
    dest = tmp_path / "data"
    shutil.copytree(src, dest, ignore=shutil.ignore_patterns("__pycache__", "*.py"))
    return dest


def _edit(path: Path, old: str, new: str) -> None:
    text = path.read_text()
    assert old in text
    path.write_text(text.replace(old, new, 1))


def test_the_moving_on_stage_has_its_six_topics_in_order():
    kit = content.load()
    assert [t.id for t in kit.stage_topics("09_moving_on")] == [
        "grief", "clear_eyed", "self_compassion", "devices", "untangling", "future"]
    assert kit.stage_topics("05_reconnecting") == ()


@pytest.mark.parametrize("topic", ["grief", "clear_eyed", "self_compassion", "devices",
                                   "untangling", "future"])
def test_every_topic_has_a_title_an_idea_and_something_to_do(topic):
    t = content.load().topic(topic)
    assert t.title and t.idea and t.stage_id == "09_moving_on"
    assert t.questions or t.suggestions or topic == "clear_eyed"
    assert all(q.topic == topic and q.step == NOT_A_STEP and not q.required
               for q in t.questions)


@pytest.mark.parametrize("topic, citation", [
    ("clear_eyed", "Langeslag and Sanchez (2018)"),
    ("self_compassion", "Sbarra, Smith and Mehl (2012)"),
    ("devices", "Marshall (2012)"),
])
def test_topics_cite_the_research_they_lean_on(topic, citation):
    assert any(citation in note for note in content.load().topic(topic).notes)


def test_the_future_says_no_rush_about_dating_and_offers_dont_know():
    dating = content.load().topic("future").question("dating")
    assert "No rush" in dating.help
    assert "dont_know" in {c.id for c in dating.choices}


def test_an_unknown_topic_names_the_ones_there_are():
    with pytest.raises(KeyError, match="grief"):
        content.load().topic("closure")


def test_a_bad_question_type_names_file_topic_and_question(data_copy):
    _edit(data_copy / TOPICS, 'id = "learned"\ntype = "long_text"',
          'id = "learned"\ntype = "essay"')
    with pytest.raises(ContentError) as err:
        load_from(data_copy)
    msg = str(err.value)
    assert TOPICS in msg and "topic 'grief'" in msg and "'learned'" in msg and "'essay'" in msg


def test_a_topic_of_an_unknown_stage_is_refused(data_copy):
    _edit(data_copy / TOPICS, 'id = "grief"\nstage = "09_moving_on"',
          'id = "grief"\nstage = "10_nowhere"')
    with pytest.raises(ContentError, match=r"topic 'grief'.*'10_nowhere'"):
        load_from(data_copy)


def test_a_topic_id_used_twice_is_refused(data_copy):
    _edit(data_copy / TOPICS, 'id = "future"', 'id = "grief"')
    with pytest.raises(ContentError, match=r"'grief' is used twice"):
        load_from(data_copy)


def test_a_suggestion_listed_twice_is_refused(data_copy):
    _edit(data_copy / TOPICS, '"Mute their chats",', '"Mute their chats",\n  "Mute their chats",')
    with pytest.raises(ContentError, match=r"topic 'devices'.*'Mute their chats'"):
        load_from(data_copy)


def test_a_topic_without_a_title_names_it(data_copy):
    _edit(data_copy / TOPICS, 'title = "A few kind minutes"', 'title = ""')
    with pytest.raises(ContentError, match=r"topic 'self_compassion'.*'title'"):
        load_from(data_copy)


def test_without_topic_files_the_numbered_steps_still_load(data_copy):
    (data_copy / TOPICS).unlink()
    kit = load_from(data_copy)
    assert kit.topics == () and len(kit.steps) == 18
