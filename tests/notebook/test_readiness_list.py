"""The readiness checklist as a widget: every item with what it is based on, text escaped."""

from __future__ import annotations

import html

import pytest

from exback_kit import content
from exback_kit.domain.readiness import readiness
from exback_kit.notebook.readiness_list import readiness_widget
from exback_kit.store import reads


def widget(journal):
    return readiness_widget(reads.load_tables(journal))


def items(journal):
    return {i.key: i for i in readiness(reads.load_tables(journal), kit=content.load())}


def test_widget_shows_every_item_with_what_it_is_based_on(journal):
    journal.add("patterns", pattern="<b>me</b>", plan="x")
    shown = widget(journal)
    text = html.unescape(shown.value)
    for item in readiness(reads.load_tables(journal), kit=content.load()):
        assert item.label in text and item.based_on in text
    assert "exback-readiness" in shown._dom_classes
    assert "only advises" in text
    assert "<b>me</b>" not in shown.value


def test_widget_says_set_aside_on_the_moving_on_road_only(journal):
    from exback_kit.content import texts
    gated = html.escape(texts.READINESS_GATED)
    journal.add("decisions", decision="try_again")
    assert gated not in widget(journal).value
    journal.add("decisions", decision="move_on")
    assert gated in widget(journal).value
    journal.add("decisions", decision="try_again")
    journal.save_answer(0, "no_contact_asked", "not_sure")
    assert gated in widget(journal).value


@pytest.mark.parametrize(("question", "decision"), [("protective_order", None),
                                                    ("harm_or_control", None),
                                                    ("no_contact_asked", None), (None, "move_on")])
def test_on_the_moving_on_road_only_the_set_aside_note_shows(journal, question, decision):
    """No items, no marks: a "✓ looks ready" under "set aside" read as a green light."""
    from exback_kit.content import texts
    for q in content.load().boundary_questions:
        journal.save_answer(0, q, "yes" if q == question else "no")
    if decision:
        journal.add("decisions", decision=decision)
    shown = html.unescape(widget(journal).value)
    assert texts.READINESS_GATED in shown and "<li>" not in shown
    for word in (*texts.READINESS_MARKS.values(), *texts.READINESS_STATE.values(),
                 texts.READINESS_INTRO, *texts.READINESS_LABELS.values()):
        assert word not in shown


@pytest.mark.parametrize("decision", ["not_sure", "move_on"])
def test_moving_on_or_unsure_reads_as_a_good_outcome_not_a_not_yet(journal, decision):
    from exback_kit.content import texts
    journal.add("decisions", decision=decision)
    item = items(journal)["decision"]
    assert item.ok is None and "not yet" not in item.shown_state
    if decision == "move_on":  # the widget shows only the set-aside note then
        return
    line = next(li for li in html.unescape(widget(journal).value).split("<li>")
                if item.label in li)
    assert texts.READINESS_STATE[False] not in line and texts.READINESS_STATE[None] not in line
    assert line.startswith(texts.READINESS_MARK_NEUTRAL)


def test_a_boundary_yes_reads_as_set_aside_not_as_not_yet(journal):
    from exback_kit.content import texts
    journal.save_answer(0, "harm_or_control", True)
    item = items(journal)["boundaries"]
    assert "set aside" in item.shown_state and texts.READINESS_STATE[False] not in item.shown_state


