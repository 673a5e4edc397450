"""Writing fixes found by a fresh read: counted nouns, no example figures in number fields,
help that quotes real choices, the person (not the kit) keeps to an order, citations."""

from __future__ import annotations

import re
from pathlib import Path

from exback_kit import content
from exback_kit.content import texts

README = (Path(__file__).resolve().parents[2] / "README.md").read_text()


def test_counted_nouns_read_right_for_one():
    assert texts.say(texts.WHERE_PROGRESS, answered=0, steps=1).endswith("0 of 1 step.")
    assert texts.say(texts.WHERE_PROGRESS, answered=1, steps=4).endswith("1 of 4 steps.")
    assert texts.say(texts.CLI_IMPORTED, count=1, kinds="checkins 1").startswith(
        "Imported 1 new entry ")
    assert texts.say(texts.CLI_IMPORTED, count=2, kinds="x").startswith("Imported 2 new entries")


def test_number_fields_suggest_no_figure():
    assert not re.search(r"\d", texts.NUMBER_PLACEHOLDER)


def test_help_that_quotes_a_choice_quotes_one_that_exists():
    dating = content.load().topic("future").question("dating")
    quoted = re.findall(r'"([^"]+)"', dating.help)
    assert quoted and all(q in {c.label for c in dating.choices} for q in quoted)


def test_the_person_keeps_to_an_order_and_the_words_say_so():
    reason = texts.GATE_REASONS["protective_order"]
    assert "You keep to it" in reason and "kit keeps to it" not in reason


def test_the_profile_does_not_use_no_contact_streak_before_it_is_explained():
    ties = content.load().start.question("shared_ties")
    assert "streak" not in ties.help


def test_the_readme_example_uses_a_question_that_exists():
    for step, qid in re.findall(r'save_answer\(step=(\d+), question="(\w+)"', README):
        assert content.load().step(int(step)).question(qid)


def test_every_cited_study_is_given_in_full_in_the_readmes_references():
    refs = README.split("## References", 1)[1].split("\n## ", 1)[0]
    for author in ("Marshall", "Langeslag", "Sbarra", "Topp", "Rosenberg"):
        assert re.search(rf"^- {author}", refs, re.MULTILINE), author
    assert "did not study muting" in refs
