"""The readiness checklist as a widget: every item with what it is based on, text escaped."""

from __future__ import annotations

import html

import pytest

from exback_kit.domain.readiness import readiness
from exback_kit.notebook.readiness_list import readiness_widget
from exback_kit.store import reads


def widget(journal):
    return readiness_widget(reads.load_tables(journal))


def items(journal):
    return {i.key: i for i in readiness(reads.load_tables(journal))}


def test_widget_shows_every_item_with_what_it_is_based_on(journal):
    journal.add("patterns", pattern="<b>me</b>", plan="x")
    shown = widget(journal)
    text = html.unescape(shown.value)
    for item in readiness(reads.load_tables(journal)):
        assert item.label in text and item.based_on in text
    assert "exback-readiness" in shown._dom_classes
    assert "only advises" in text
    assert "<b>me</b>" not in shown.value


def test_widget_mentions_the_gate_only_for_boundaries(journal):
    journal.add("decisions", decision="move_on")
    assert "set aside" not in widget(journal).value
    journal.save_answer(0, "no_contact_asked", True)
    assert "set aside" in widget(journal).value


@pytest.mark.parametrize("decision", ["not_sure", "move_on"])
def test_moving_on_or_unsure_reads_as_a_good_outcome_not_a_not_yet(journal, decision):
    from exback_kit.content import texts
    journal.add("decisions", decision=decision)
    item = items(journal)["decision"]
    assert item.ok is None and "as good an outcome" in item.shown_state
    line = next(li for li in html.unescape(widget(journal).value).split("<li>")
                if item.label in li)
    assert texts.READINESS_STATE[False] not in line and texts.READINESS_STATE[None] not in line
    assert line.startswith(texts.READINESS_MARK_NEUTRAL)


def test_a_boundary_yes_reads_as_set_aside_not_as_not_yet(journal):
    from exback_kit.content import texts
    journal.save_answer(0, "harm_or_control", True)
    line = next(li for li in html.unescape(widget(journal).value).split("<li>")
                if texts.READINESS_LABELS["boundaries"] in li)
    assert "set aside" in line and texts.READINESS_STATE[False] not in line


