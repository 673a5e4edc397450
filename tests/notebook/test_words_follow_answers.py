"""Words that follow the boundaries answers: the contact saved message, the vault's re-ask,
step 9's note, the late-night contacts, and a WHO-5 flagged only by one low item."""

from __future__ import annotations

import html
from datetime import datetime, timedelta

import ipywidgets as widgets
import pytest

from exback_kit import content
from exback_kit.content import texts
from exback_kit.domain import safety, scales
from exback_kit.notebook import forms

BOUNDARIES = content.load().boundary_questions


def answer(journal, **values):
    for q, v in {**dict.fromkeys(BOUNDARIES, "no"), **values}.items():
        journal.save_answer(0, q, v)


def shown(widget) -> str:
    out = []
    stack = [widget]
    while stack:
        w = stack.pop()
        if isinstance(w, widgets.HTML):
            out.append(w.value)
        if isinstance(w, widgets.Button):
            out.append(w.description)
        stack.extend(getattr(w, "children", ()))
    return html.unescape("\n".join(out))


def save_contact(journal, **values):
    form = forms.contact_form(journal)
    form.fields["initiated_by"].value = "me"
    for k, v in values.items():
        form.fields[k].value = v
    form.save_button.click()
    return html.unescape(form.status.value)


def test_a_slip_on_the_open_road_hears_that_the_days_still_count(journal):
    answer(journal)
    assert texts.CONTACT_SAVED in save_contact(journal)


@pytest.mark.parametrize("question", ["no_contact_asked", "said_no_reunion", "harm_or_control"])
def test_after_a_boundaries_yes_a_contact_gets_no_slip_message(journal, question):
    answer(journal, **{question: "yes"})
    said = save_contact(journal)
    assert "slip" not in said and texts.CONTACT_SAVED_BOUNDARIES in said


@pytest.mark.parametrize("value", ["yes", "not_sure"])
def test_with_a_protective_order_a_contact_gets_a_calm_note_about_the_order(journal, value):
    answer(journal, protective_order=value)
    for extra in ({}, {"logistics": True}):
        said = save_contact(journal, **extra)
        assert texts.CONTACT_SAVED_ORDER in said and "slip" not in said


def due_vault(journal):
    old = datetime.now().astimezone() - timedelta(hours=80)
    entry = journal.add("unsent", at=old, text="Can we talk?", cooling_hours=72)
    return entry, forms.unsent_vault(journal)


def test_the_open_road_vault_asks_whether_you_still_want_to_send(journal):
    answer(journal)
    entry, form = due_vault(journal)
    assert set(form.rows[entry]) >= {"still_want", "let_go", "rewritten"}
    assert "still want to send" in shown(form)


@pytest.mark.parametrize("answers", [{"no_contact_asked": "yes"}, {"harm_or_control": "not_sure"},
                                     {"protective_order": "yes"}])
def test_after_a_boundaries_yes_the_vault_offers_keep_rewrite_or_let_go(journal, answers):
    answer(journal, **answers)
    entry, form = due_vault(journal)
    words = shown(form)
    assert "still want" not in words.lower()
    assert "keep it, rewrite it as a letter to yourself, or let it go" in words
    assert set(form.rows[entry]) == {"kept", "rewritten", "let_go", "note", "error"}
    form.rows[entry]["kept"].click()
    row = next(r for r in journal.records("unsent") if r["id"] == entry)
    assert row["status"] == "kept"
    assert "you chose to keep it, unsent" in shown(forms.unsent_vault(journal))


def test_a_reviewed_message_reads_as_a_sentence(journal):
    answer(journal)
    entry, form = due_vault(journal)
    form.rows[entry]["let_go"].click()
    words = shown(forms.unsent_vault(journal))
    assert "you let it go." in words and "decided: Let it go" not in words


@pytest.mark.parametrize(("answers", "decision", "note_shown"), [
    ({}, None, True),
    ({"no_contact_asked": "yes"}, None, False),
    ({"said_no_reunion": "not_sure"}, None, False),
    ({}, "move_on", False),
])
def test_step_9s_one_message_note_follows_the_answers(journal, answers, decision, note_shown):
    answer(journal, **answers)
    if decision:
        journal.add("decisions", decision=decision)
    words = shown(forms.step_form(journal, 9))
    assert ("one message, then wait" in words) is note_shown


def test_step_9s_note_waits_for_the_boundaries_check(journal):
    assert "one message" not in shown(forms.step_form(journal, 9))


@pytest.mark.parametrize(("who", "phrase"), [("them", "not about what you are worth"),
                                             ("me", "Ending it yourself"), ("both", None)])
def test_step_5s_words_follow_who_ended_it(journal, who, phrase):
    journal.save_answer(0, "who_ended", who)
    words = shown(forms.step_form(journal, 5))
    for p in ("not about what you are worth", "Ending it yourself"):
        assert (p in words) is (p == phrase)


def test_late_night_urge_log_has_the_safety_contacts_beside_it(journal):
    words = shown(forms.late_night_contacts(journal))
    assert "1-800-799-7233" in words and "116 123" in words
    assert words.count(texts.SAFETY_CHECK_COUNTRY) == 1


def test_the_safety_message_says_check_your_country_once_per_list():
    message = safety.safety_message(safety.crisis_contacts(None))
    assert message.count("right for your country") == 1


def test_a_who5_flagged_only_by_one_low_item_gets_its_own_words():
    result = scales.score_who5([5, 5, 5, 5, 1])
    assert result.percent > 50 and result.triggers == ("item",)
    message = safety.safety_message(safety.crisis_contacts(None), result.triggers)
    assert "two weeks sound" not in message
    assert texts.SAFETY_INTRO_ITEM in message
    low = scales.score_who5([1, 1, 1, 1, 1])
    assert texts.SAFETY_INTRO in safety.safety_message((), low.triggers)


def test_the_contact_log_names_the_practical_ties_from_the_profile(journal):
    assert "from your profile" not in shown(forms.contact_form(journal))
    journal.save_answer(0, "shared_ties", ["children", "pets"])
    assert "children, pets, from your profile" in shown(forms.contact_form(journal))


def save_urge(journal, acted=True):
    form = forms.urge_form(journal)
    form.fields["acted_on"].value = acted
    form.save_button.click()
    return html.unescape(form.status.value)


@pytest.mark.parametrize(("answers", "decision", "expected"), [
    ({}, None, texts.URGE_SAVED_ACTED),
    ({"protective_order": "yes"}, None, texts.CONTACT_SAVED_ORDER),
    ({"protective_order": "not_sure"}, None, texts.CONTACT_SAVED_ORDER),
    ({"harm_or_control": "yes"}, None, texts.URGE_SAVED_ACTED_BY_ROAD["moving_on"]),
    ({"said_no_reunion": "yes"}, None, texts.URGE_SAVED_ACTED_BY_ROAD["moving_on"]),
    ({}, "move_on", texts.URGE_SAVED_ACTED_BY_ROAD["moving_on"]),
])
def test_an_urge_acted_on_gets_words_for_the_road(journal, answers, decision, expected):
    answer(journal, **answers)
    if decision:
        journal.add("decisions", decision=decision)
    said = save_urge(journal)
    assert expected in said
    assert ("It happens" in said) is (expected == texts.URGE_SAVED_ACTED)
    assert texts.URGE_SAVED in save_urge(journal, acted=False)


def test_after_a_decision_to_move_on_a_contact_gets_no_slip_message(journal):
    answer(journal)
    journal.add("decisions", decision="move_on")
    said = save_contact(journal)
    assert "slip" not in said and texts.CONTACT_SAVED_BOUNDARIES in said


def test_after_a_decision_to_move_on_the_vault_never_asks_to_send(journal):
    answer(journal)
    journal.add("decisions", decision="move_on")
    entry, form = due_vault(journal)
    assert "still want" not in shown(form).lower()
    assert "still_want" not in form.rows[entry]


def test_the_vault_waits_for_the_boundaries_check_before_asking_to_send(journal):
    entry, form = due_vault(journal)
    assert "still want" not in shown(form).lower() and "still_want" not in form.rows[entry]
