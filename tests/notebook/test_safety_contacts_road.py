"""Safety contacts by context: coverage (men, LGBT+, Ireland, Canada, stopping harm), crisis
lines first beside late-night urges and a low WHO-5, abuse lines first after harm or an
order, and then the journal's lock and a device check."""

from __future__ import annotations

import html
import re

import pytest

from exback_kit import content, stages
from exback_kit.content import texts
from exback_kit.content.instruments import Contact, default_contacts
from exback_kit.domain import safety
from exback_kit.notebook import forms

BOUNDARIES = content.load().boundary_questions


def test_the_defaults_cover_men_lgbt_ireland_canada_and_stopping_harm():
    kinds = {c.name: c.kind for c in default_contacts()}
    names = " ".join(kinds)
    for words in ("Men's Advice Line", "LGBT+", "(Ireland)", "(Canada)", "Respect (UK)"):
        assert words in names
    assert "stop_harming" in kinds.values()
    assert all(c.kind in safety.CONTACT_ORDER["crisis"] for c in default_contacts())


def first_kinds(contacts):
    return [c.kind for c in contacts if c.kind != "emergency"][:1]


def test_crisis_lines_come_first_in_a_crisis_and_abuse_lines_after_harm():
    assert first_kinds(safety.ordered(default_contacts(), "crisis")) == ["crisis"]
    assert first_kinds(safety.ordered(default_contacts(), "abuse")) == ["abuse"]
    assert set(safety.ordered(default_contacts(), "crisis")) == set(default_contacts())


def test_a_list_the_person_saved_keeps_their_order():
    own = (Contact("My sister", "07…"), Contact("Samaritans", "116 123"))
    assert safety.ordered(own, "abuse") == own


def names_in(text):
    """Return the default contacts' names in the order the text shows them."""
    found = [c.name for c in default_contacts() if html.escape(c.name) in text]
    return sorted(found, key=lambda name: text.index(html.escape(name)))


def test_beside_late_night_urges_crisis_lines_come_first(journal):
    shown = forms.late_night_contacts(journal).value
    order = names_in(shown)
    assert order.index("Samaritans (UK and Ireland)") < order.index(
        "National Domestic Abuse Helpline (UK)")
    assert texts.SAFETY_LOCK_LINE not in html.unescape(shown)


@pytest.mark.parametrize(("question", "stage_id"), [("protective_order", "05_reconnecting"),
                                                    ("harm_or_control", "09_moving_on")])
def test_after_harm_or_an_order_abuse_lines_first_then_lock_and_device_check(
        journal, question, stage_id):
    for q in BOUNDARIES:
        journal.save_answer(0, q, "yes" if q == question else "no")
    stages.use_journal(journal)
    from .widget_tree import raw_text
    shown = raw_text(stages.header(stage_id))
    order = names_in(shown)
    assert order.index("National Domestic Abuse Helpline (UK)") < order.index(
        "Samaritans (UK and Ireland)")
    words = html.unescape(re.sub(r"<[^>]+>", " ", shown))
    assert texts.SAFETY_LOCK_LINE in words
    assert all(item in words for item in texts.DEVICE_SAFETY)
    assert words.count(texts.SAFETY_CHECK_COUNTRY) == 1


def test_no_device_check_when_only_a_wish_for_distance_was_named(journal):
    for q in BOUNDARIES:
        journal.save_answer(0, q, "yes" if q == "no_contact_asked" else "no")
    stages.use_journal(journal)
    from .widget_tree import raw_text
    assert texts.DEVICE_SAFETY_HEADING not in html.unescape(
        raw_text(stages.header("05_reconnecting")))
