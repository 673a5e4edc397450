"""Forms without a browser: set .value, click Save, check the journal and the status line."""

from __future__ import annotations

import html
from datetime import date, datetime, timedelta

import ipywidgets as widgets
import pytest

from exback_kit import content
from exback_kit.content import texts
from exback_kit.content.instruments import default_contacts
from exback_kit.content.vocab import DEFAULT_HABITS
from exback_kit.domain import scales
from exback_kit.domain.safety import crisis_contacts
from exback_kit.notebook import forms
from exback_kit.notebook.form_kit import Form

from .widget_tree import html_values, walk

PAYLOAD = "<img src=x onerror=alert(1)>"
ESCAPED = html.escape(PAYLOAD)


def status(form: Form) -> str:
    assert html.escape(form.message) in form.status.value
    return form.message


def errors(form: Form) -> dict[str, str]:
    return {name: html.unescape(e.value) for name, e in form.errors.items() if e.value}


# --- the shape every form shares --------------------------------------------------

BUILDERS = [name for name in forms.__all__
            if name not in ("step_form", "safety_widget", "late_night_contacts")]


@pytest.mark.parametrize("name", BUILDERS)
def test_every_builder_has_save_button_status_and_css_classes(journal, name):
    form = getattr(forms, name)(journal, on_save=None)
    assert isinstance(form, widgets.VBox)
    assert "exback-form" in form._dom_classes
    assert "exback-save" in form.save_button._dom_classes
    assert "exback-status" in form.status._dom_classes
    assert form.fields and set(form.fields) == set(form.errors)
    # The first child is the heading: a saved notebook's text form never leads with
    # what the person typed.
    assert isinstance(form.children[0], widgets.HTML)


@pytest.mark.parametrize("step", range(0, 19))
def test_every_step_builds_a_form_with_one_field_per_question(journal, step):
    form = forms.step_form(journal, step)  # a new journal: not yet on the open road
    assert list(form.fields) == [q.id for q in content.load().step(step).shown(False)]
    assert f"exback-step-{step}" in form._dom_classes


# --- step forms ----------------------------------------------------------------------

def fill_step_2(form: Form) -> None:
    f = form.fields
    f["love_then"].value = 4
    f["workable"].value = "maybe"
    f["what_drove_apart"].value = "Work stress and distance."
    f["i_can_change"].value = 3
    f["person_or_idea"].value = "both"


def test_step_form_saves_answers_and_reports(journal):
    saved = []
    form = forms.step_form(journal, 2, on_save=saved.append)
    fill_step_2(form)
    form.save_button.click()
    assert journal.latest_answers(2) == {"love_then": 4, "workable": "maybe",
                                         "what_drove_apart": "Work stress and distance.",
                                         "i_can_change": 3, "person_or_idea": "both"}
    assert status(form).startswith("Saved 5 answers")
    assert saved == [None]


def test_step_form_is_prefilled_and_saves_only_changes(journal):
    form = forms.step_form(journal, 2)
    fill_step_2(form)
    form.save_button.click()
    again = forms.step_form(journal, 2)
    assert again.fields["love_then"].value == 4
    assert again.fields["what_drove_apart"].value == "Work stress and distance."
    again.save_button.click()
    assert "Nothing new" in status(again)
    assert journal.count("answers") == 5
    again.fields["love_then"].value = 2
    again.save_button.click()
    assert journal.count("answers") == 6 and journal.latest_answers(2)["love_then"] == 2
    # history is kept: the first answer is still there
    assert [r["value"] for r in journal.records("answers")
            if r["question"] == "love_then"] == [4, 2]


def test_clearing_an_answer_saves_it_as_empty(journal):
    form = forms.step_form(journal, 2)
    fill_step_2(form)
    form.save_button.click()
    form.fields["what_drove_apart"].value = "  "
    form.save_button.click()
    assert journal.latest_answers(2)["what_drove_apart"] == ""
    assert forms.step_form(journal, 2).fields["what_drove_apart"].value == ""


def test_every_question_type_round_trips(journal):
    form = forms.profile_form(journal)
    f = form.fields
    f["breakup_date"].value = date(2024, 3, 1)
    f["who_ended"].value = "them"
    f["shared_ties"].value = ("pets", "home")
    form.save_button.click()
    assert journal.latest_answers(0) == {"breakup_date": "2024-03-01", "who_ended": "them",
                                         "shared_ties": ["home", "pets"]}
    again = forms.profile_form(journal)
    assert again.fields["breakup_date"].value == date(2024, 3, 1)
    assert again.fields["shared_ties"].value == ("home", "pets")
    step8 = forms.step_form(journal, 8)
    step8.fields["drinks_per_week"].value = "30"
    step8.fields["vented_publicly"].value = True
    step8.save_button.click()
    assert journal.latest_answers(8) == {"drinks_per_week": 30, "vented_publicly": True}
    again8 = forms.step_form(journal, 8)
    assert again8.fields["drinks_per_week"].value == "30"
    assert again8.fields["vented_publicly"].value is True


def test_bad_answers_show_next_to_their_fields_and_nothing_is_written(journal):
    form = forms.step_form(journal, 8)
    form.fields["drinks_per_week"].value = "about two"
    form.fields["confidants"].value = "x" * 201
    form.fields["vented_publicly"].value = False
    form.save_button.click()
    found = errors(form)
    assert set(found) == {"drinks_per_week", "confidants"}
    assert "about two" in found["drinks_per_week"]
    assert "201" in found["confidants"]
    assert status(form).startswith("Nothing was saved")
    assert journal.count("answers") == 0
    # fixing them clears the messages and saves
    form.fields["drinks_per_week"].value = "2"
    form.fields["confidants"].value = "Sam"
    form.save_button.click()
    assert errors(form) == {} and journal.count("answers") == 3
    profile = forms.profile_form(journal)
    profile.fields["breakup_date"].value = date.today() + timedelta(days=5)
    profile.save_button.click()
    assert "future" in errors(profile)["breakup_date"]


def test_boundaries_form_saves_under_step_zero(journal):
    form = forms.boundaries_form(journal)
    assert list(form.fields) == ["no_contact_asked", "said_no_reunion", "harm_or_control",
                                 "protective_order"]
    form.fields["no_contact_asked"].value = "no"
    form.fields["harm_or_control"].value = "not_sure"
    form.save_button.click()
    assert journal.latest_answers(0) == {"no_contact_asked": "no",
                                         "harm_or_control": "not_sure"}


# --- decision --------------------------------------------------------------------

def test_decision_saves_reasons_keeps_history_and_prefills(journal):
    ids = []
    form = forms.decision_form(journal, on_save=ids.append)
    form.save_button.click()
    assert "decision" in errors(form) and journal.count("decisions") == 0
    form.fields["decision"].value = "not_sure"
    form.fields["reasons"].value = "Too early to tell."
    form.save_button.click()
    form.fields["decision"].value = "move_on"
    form.save_button.click()
    rows = journal.records("decisions")
    assert [r["decision"] for r in rows] == ["not_sure", "move_on"]
    assert ids == [r["id"] for r in rows]
    assert "Move on" in status(form)
    shown = " ".join(html_values(form.extra))
    assert "Too early to tell." in shown and "Not sure yet" in shown
    assert forms.decision_form(journal).fields["decision"].value == "move_on"


# --- trackers ----------------------------------------------------------------------

def test_checkin_saves_and_resets(journal):
    form = forms.checkin_form(journal)
    f = form.fields
    f["mood"].value, f["energy"].value, f["sleep_hours"].value = 7, 4, "6.5"
    f["habits"].value = ("exercise", "checked their social media")
    f["note"].value = "ok day"
    form.save_button.click()
    row = journal.records("checkins")[0]
    assert (row["mood"], row["energy"], row["sleep_hours"], row["note"]) == (7, 4, 6.5, "ok day")
    assert row["habits"] == ["exercise", "checked their social media"]
    assert "Saved" in status(form) and f["note"].value == "" and f["habits"].value == ()


def test_checkin_habit_list_marks_habits_to_reduce_and_is_configurable(journal):
    form = forms.checkin_form(journal)
    labels = {b.description for b in form.fields["habits"].boxes.values()}
    assert "drank alcohol (one to do less of)" in labels
    journal.set_setting("habits", ["yoga", "drank alcohol"])
    assert list(forms.checkin_form(journal).fields["habits"].boxes) == ["yoga", "drank alcohol"]


def test_checkin_bad_sleep_is_shown_and_nothing_written(journal):
    form = forms.checkin_form(journal)
    form.fields["sleep_hours"].value = "lots"
    form.fields["at"].value = date.today() + timedelta(days=2)
    form.save_button.click()
    assert set(errors(form)) == {"sleep_hours", "at"}
    assert journal.count("checkins") == 0


def test_checkin_for_an_earlier_day(journal):
    form = forms.checkin_form(journal)
    form.fields["at"].value = date.today() - timedelta(days=3)
    form.save_button.click()
    assert journal.records("checkins")[0]["day"] == date.today() - timedelta(days=3)


def test_contact_needs_who_started_it_and_logs_logistics(journal):
    form = forms.contact_form(journal)
    form.save_button.click()
    assert "initiated_by" in errors(form) and journal.count("contacts") == 0
    form.fields["initiated_by"].value = "them"
    form.fields["logistics"].value = True
    form.fields["channel"].value = "email"
    form.save_button.click()
    row = journal.records("contacts")[0]
    assert (row["initiated_by"], row["logistics"], row["channel"]) == ("them", True, "email")


def test_urge_log(journal):
    ids = []
    form = forms.urge_form(journal, on_save=ids.append)
    form.fields["intensity"].value = 8
    form.fields["trigger"].value = "a song"
    form.fields["helped"].value = "called my sister"
    form.save_button.click()
    row = journal.records("urges")[0]
    assert (row["intensity"], row["trigger"], row["acted_on"]) == (8, "a song", False)
    assert ids == [row["id"]]


@pytest.mark.parametrize("target, custom, stored", [(21, "", 21), (60, "", 60), (0, "90", 90)])
def test_nocontact_targets(journal, target, custom, stored):
    form = forms.nocontact_form(journal)
    form.fields["target"].value = target
    form.fields["target_days"].value = custom
    form.save_button.click()
    row = journal.records("nocontact_periods")[0]
    assert row["target_days"] == stored and row["start_day"] == date.today()
    assert f"target {stored} days" in html.unescape(form.result.value)


def test_nocontact_custom_target_must_be_a_day_count(journal):
    form = forms.nocontact_form(journal)
    form.fields["target"].value = 0
    form.fields["target_days"].value = "forever"
    form.save_button.click()
    assert "target_days" in errors(form) and journal.count("nocontact_periods") == 0
    form.fields["target"].value = None
    form.save_button.click()
    assert "target_days" in errors(form)


def test_nocontact_prefills_the_current_target(journal):
    journal.add("nocontact_periods", start_day=date.today(), target_days=75)
    form = forms.nocontact_form(journal)
    assert form.fields["target"].value == 0 and form.fields["target_days"].value == "75"


# --- unsent vault ---------------------------------------------------------------------

def test_vault_keeps_a_message_and_sends_nothing(journal):
    form = forms.unsent_vault(journal)
    form.fields["text"].value = "I miss you."
    form.save_button.click()
    row = journal.records("unsent")[0]
    assert (row["text"], row["cooling_hours"], row["status"]) == ("I miss you.", 72, "waiting")
    assert "Nothing was sent" in status(form)
    assert form.rows == {}  # still cooling off: no question yet
    assert "cooling off for 72 more hours" in " ".join(html_values(form.extra))


def test_vault_asks_again_after_the_cooling_off(journal):
    old = datetime.now().astimezone() - timedelta(hours=80)
    entry = journal.add("unsent", at=old, text="Can we talk?", cooling_hours=72)
    fresh = journal.add("unsent", text="Another", cooling_hours=72)
    form = forms.unsent_vault(journal)
    assert set(form.rows) == {entry} and fresh not in form.rows
    form.rows[entry]["note"].value = "Glad I waited."
    form.rows[entry]["let_go"].click()
    row = next(r for r in journal.records("unsent") if r["id"] == entry)
    assert row["status"] == "let_go" and row["review_note"] == "Glad I waited."
    assert row["reviewed_at"] and "Let go" in status(form)
    assert entry not in form.rows  # answered: no more buttons


def test_vault_refuses_a_zero_cooling_off(journal):
    form = forms.unsent_vault(journal)
    form.fields["text"].value = "x"
    form.fields["cooling_hours"].value = 0
    form.save_button.click()
    assert "cooling_hours" in errors(form) and journal.count("unsent") == 0


# --- decision journal ------------------------------------------------------------------

def test_decision_journal_before_and_after_side_by_side(journal):
    form = forms.decision_journal(journal)
    form.save_button.click()
    assert "plan" in errors(form) and journal.count("reachouts") == 0
    form.fields["plan"].value = "Reply about the keys"
    form.fields["expectation"].value = "A short, polite answer"
    form.save_button.click()
    entry = journal.records("reachouts")[0]["id"]
    row = form.rows[entry]
    row["save"].click()
    assert row["error"].value and not journal.records("reachouts")[0]["outcome"]
    row["outcome"].value = "They thanked me; that was all."
    row["save"].click()
    saved = journal.records("reachouts")[0]
    assert saved["outcome"] == "They thanked me; that was all." and saved["outcome_at"]
    pair = next(w for w in walk(form.extra) if isinstance(w, widgets.HBox))
    before, after = (html.unescape(c.value) for c in pair.children)
    assert "Reply about the keys" in before and "A short, polite answer" in before
    assert "They thanked me" in after


# --- logbooks ----------------------------------------------------------------------------

def test_stage_02_says_the_noticing_note_once(journal):
    """Step 3's note on noticing vs monitoring appears once; the signals log only recalls it."""
    note = content.load().step(3).notes[0]
    shown = html.unescape(forms.step_form(journal, 3).header.value
                          + forms.signals_form(journal).header.value)
    assert shown.count(note[:60]) == 1
    assert texts.SIGNALS_INTRO in shown


def test_signals_need_what_and_list_entries(journal):
    form = forms.signals_form(journal)
    assert "monitoring" in form.header.value
    form.save_button.click()
    assert "what" in errors(form)
    form.fields["source"].value = "a friend"
    form.fields["what"].value = "They asked how I was."
    form.fields["warmth"].value = 4
    form.save_button.click()
    row = journal.records("signals")[0]
    assert (row["source"], row["warmth"]) == ("a friend", 4)
    assert form.fields["warmth"].value is None
    assert "They asked how I was." in " ".join(html_values(form.extra))


def test_meeting_log_asks_nothing_about_intimacy_and_records_no_answer_for_it(journal):
    form = forms.meeting_form(journal)
    assert "intimacy_waited" not in form.fields
    form.fields["place"].value = "new café"
    form.fields["felt"].value = 7
    form.fields["flirting"].value = "a_little"
    form.fields["flirt_landed"].value = "well"
    form.save_button.click()
    row = journal.records("meetings")[0]
    assert row["intimacy_waited"] is None and row["flirting"] == "a_little"
    assert row["felt"] == 7 and row["their_engagement"] is None


def test_patterns_plan_can_be_added_later(journal):
    form = forms.patterns_form(journal)
    form.fields["pattern"].value = "jealousy"
    form.save_button.click()
    entry = journal.records("patterns")[0]["id"]
    assert "No plan yet." in " ".join(html_values(form.extra))
    form.rows[entry]["plan"].value = "Name the feeling before acting on it"
    form.rows[entry]["save"].click()
    assert journal.records("patterns")[0]["plan"] == "Name the feeling before acting on it"
    assert "Name the feeling" in " ".join(html_values(form.extra))


def test_repairs_status_update(journal):
    form = forms.repairs_form(journal)
    form.fields["issue"].value = "trust after lies"
    form.fields["plan"].value = "couples therapy"
    form.save_button.click()
    entry = journal.records("repairs")[0]["id"]
    form.rows[entry]["status"].value = "in_progress"
    form.rows[entry]["save"].click()
    assert journal.records("repairs")[0]["status"] == "in_progress"


def test_agreements(journal):
    form = forms.agreements_form(journal)
    form.fields["text"].value = "One evening a week each for ourselves"
    form.save_button.click()
    assert journal.records("agreements")[0]["text"].startswith("One evening")


def test_milestones_future_target_and_done(journal):
    form = forms.milestones_form(journal)
    form.fields["title"].value = "A weekend away"
    form.fields["target_day"].value = date.today() + timedelta(days=60)
    form.save_button.click()
    entry = journal.records("milestones")[0]["id"]
    form.rows[entry]["save"].click()
    assert journal.records("milestones")[0]["done_day"] == date.today()
    assert entry not in form.rows


def test_old_habits_count_recent_against_before(journal):
    now = datetime.now().astimezone()
    journal.add("old_habits", at=now - timedelta(days=20), habit="checking their phone")
    journal.add("old_habits", at=now - timedelta(days=18), habit="checking their phone")
    form = forms.old_habits_form(journal)
    form.fields["habit"].value = "Checking their phone"
    form.save_button.click()
    shown = html.unescape(" ".join(html_values(form.extra)))
    assert "checking their phone: 1 in the last 14 days, 2 in the 14 days before." in shown


# --- wellbeing forms ------------------------------------------------------------------------

def test_who5_missing_items_are_each_marked(journal):
    form = forms.who5_form(journal)
    form.fields["cheerful"].value = 3
    form.save_button.click()
    assert set(errors(form)) == {"calm", "active", "rested", "interest"}
    assert journal.count("instrument_results") == 0


def test_who5_good_result_has_no_safety_message(journal):
    form = forms.who5_form(journal)
    for item, v in zip(scales.WHO5, [4, 3, 4, 3, 4], strict=True):
        form.fields[item.id].value = v
    form.save_button.click()
    assert "72 %" in html.unescape(form.result.value)
    assert "exback-safety" not in form.result.value
    assert all(form.fields[i.id].value is None for i in scales.WHO5)


def test_who5_low_result_shows_safety_message_with_contacts(journal):
    journal.set_setting("crisis_contacts", [{"name": "Dr. Lee <GP>", "detail": "555 0100"}])
    form = forms.who5_form(journal)
    for item, v in zip(scales.WHO5, [3, 3, 3, 3, 0], strict=True):
        form.fields[item.id].value = v
    form.save_button.click()
    shown = form.result.value
    assert "exback-safety" in shown and "Dr. Lee &lt;GP&gt;: 555 0100" in shown


def test_who5_reports_a_meaningful_change(journal):
    journal.add("instrument_results", **scales.result_values("who5", [2, 2, 2, 2, 2])[0])
    form = forms.who5_form(journal)
    for item, v in zip(scales.WHO5, [3, 3, 3, 2, 2], strict=True):
        form.fields[item.id].value = v
    form.save_button.click()
    assert "+12 points" in form.result.value and "worth noticing" in form.result.value


def test_rosenberg_saves_total(journal):
    form = forms.rosenberg_form(journal)
    for item, v in zip(scales.ROSENBERG, [2, 1, 3, 2, 0, 2, 2, 2, 0, 1], strict=True):
        form.fields[item.id].value = v
    form.save_button.click()
    assert journal.records("instrument_results")[0]["raw"] == 20
    assert "20 of 30" in form.result.value


def test_crisis_contacts_edit_and_reset(journal):
    form = forms.crisis_contacts_form(journal)
    assert default_contacts()[0].name in form.fields["contacts"].value
    form.fields["contacts"].value = "My sister: 0123 456\n\nDr Lee: surgery line 555"
    form.save_button.click()
    assert journal.get_setting("crisis_contacts") == [
        {"name": "My sister", "detail": "0123 456"},
        {"name": "Dr Lee", "detail": "surgery line 555"}]
    assert "My sister: 0123 456" in forms.crisis_contacts_form(journal).fields["contacts"].value
    form.fields["contacts"].value = ""
    form.save_button.click()
    assert crisis_contacts(journal.get_setting("crisis_contacts")) == default_contacts()
    assert "default" in status(form)


def test_crisis_contacts_refuse_overlong_lines(journal):
    form = forms.crisis_contacts_form(journal)
    form.fields["contacts"].value = "x" * 300
    form.save_button.click()
    assert "contacts" in errors(form) and "Line 1" in errors(form)["contacts"]
    assert journal.get_setting("crisis_contacts") is None


# --- escaping ---------------------------------------------------------------------------------

def _assert_escaped(form) -> None:
    values = html_values(form)
    assert not [v for v in values if PAYLOAD in v], "raw payload inside an HTML widget"
    assert any(ESCAPED in v for v in values), "the text was not shown back at all"


TEXT_FORMS = {
    "decision_form": ({"decision": "try_again"}, ["reasons"]),
    "signals_form": ({}, ["source", "what", "note"]),
    "meeting_form": ({}, ["place", "note"]),
    "patterns_form": ({}, ["pattern", "root", "plan"]),
    "repairs_form": ({}, ["issue", "plan"]),
    "agreements_form": ({}, ["text", "note"]),
    "milestones_form": ({}, ["title", "note"]),
    "old_habits_form": ({}, ["habit", "note"]),
    "unsent_vault": ({}, ["text"]),
    "decision_journal": ({}, ["plan", "expectation", "why"]),
    # the moving-on stage (09)
    "clear_eyed_form": ({"feelings_before": 6}, ["what", "pleasant", "note"]),
    "devices_form": ({}, ["own"]),
    "untangling_form": ({}, ["own"]),
    "plans_form": ({"window": "sat 22:00"}, ["action"]),
}


@pytest.mark.parametrize("name, field_index", [
    (name, i) for name, (_, text_fields) in sorted(TEXT_FORMS.items())
    for i in range(len(text_fields))])
def test_person_text_is_escaped_wherever_it_is_shown(journal, name, field_index):
    preset, text_fields = TEXT_FORMS[name]
    form = getattr(forms, name)(journal)
    for key, value in preset.items():
        form.fields[key].value = value
    for other in text_fields:
        form.fields[other].value = "plain words"
    form.fields[text_fields[field_index]].value = PAYLOAD
    form.save_button.click()
    assert not errors(form), errors(form)
    _assert_escaped(form)
    _assert_escaped(getattr(forms, name)(journal))  # shown back in a fresh form too


def test_escaped_in_review_notes_outcomes_and_errors(journal):
    old = datetime.now().astimezone() - timedelta(hours=100)
    entry = journal.add("unsent", at=old, text=PAYLOAD)
    vault = forms.unsent_vault(journal)
    vault.rows[entry]["note"].value = PAYLOAD
    vault.rows[entry]["let_go"].click()
    _assert_escaped(vault)
    dj = forms.decision_journal(journal)
    dj.fields["plan"].value = "plan"
    dj.save_button.click()
    rid = journal.records("reachouts")[0]["id"]
    dj.rows[rid]["outcome"].value = PAYLOAD
    dj.rows[rid]["save"].click()
    _assert_escaped(dj)
    # a refused value echoed in an error message is escaped too
    step8 = forms.step_form(journal, 8)
    step8.fields["drinks_per_week"].value = PAYLOAD
    step8.save_button.click()
    _assert_escaped(step8)


def test_step_answers_and_contacts_never_reach_html_unescaped(journal):
    form = forms.step_form(journal, 2)
    form.fields["what_drove_apart"].value = PAYLOAD
    form.save_button.click()
    again = forms.step_form(journal, 2)
    assert again.fields["what_drove_apart"].value == PAYLOAD  # shown as plain text
    assert not [v for v in html_values(again) if PAYLOAD in v]
    journal.set_setting("crisis_contacts", [{"name": PAYLOAD, "detail": PAYLOAD}])
    _assert_escaped(forms.safety_widget(journal))


@pytest.mark.parametrize("name", ["grief_form", "self_compassion_form", "future_form"])
def test_moving_on_reflections_show_the_persons_words_only_as_plain_text(journal, name):
    form = getattr(forms, name)(journal)
    texts_fields = [n for n, w in form.fields.items()
                    if isinstance(w, widgets.Text | widgets.Textarea)]
    assert texts_fields
    for field in texts_fields:
        form.fields[field].value = PAYLOAD
    form.save_button.click()
    assert not errors(form)
    again = getattr(forms, name)(journal)
    assert all(again.fields[f].value == PAYLOAD for f in texts_fields)
    assert not [v for v in html_values(form) + html_values(again) if PAYLOAD in v]


def test_moving_on_checklist_rows_and_their_errors_are_escaped(journal):
    form = forms.devices_form(journal)
    form.fields["own"].value = PAYLOAD
    form.save_button.click()
    entry = journal.records("checklist_items")[0]["id"]
    form.rows[entry]["done_day"].value = date.today() + timedelta(days=3)  # refused
    form.rows[entry]["done"].click()
    _assert_escaped(form)
    assert form.rows[entry]["error"].value  # the refusal is shown on the row


def _labels(form) -> list[str]:
    return [str(w.description) for w in form.fields.values()]


def test_reach_out_tools_remind_of_a_boundary(journal):
    before = forms.decision_journal(journal)
    assert "before any reach-out" in before.header.value.lower()
    assert _labels(before) == [texts.REACH_PLAN, texts.REACH_EXPECT, texts.REACH_WHY]
    journal.save_answer(0, "no_contact_asked", "yes")
    journal.add("reachouts", plan="text them", expectation="", why="")
    after = forms.decision_journal(journal)
    # after a yes the journal never opens as a plan for reaching out, nor asks for one
    assert html.escape(texts.REACH_BOUNDARY) in after.header.value
    assert "before any reach-out" not in after.header.value.lower()
    assert _labels(after) == [texts.REACH_LABELS_MOVING_ON[k] for k in ("plan", "expectation",
                                                                        "why")]
    (row,) = after.rows.values()
    assert row["outcome"].description == texts.REACH_LABELS_MOVING_ON["outcome"]
    old = datetime.now().astimezone() - timedelta(hours=100)
    entry = journal.add("unsent", at=old, text="hello")
    vault = forms.unsent_vault(journal)
    assert "still_want" not in vault.rows[entry]  # never "still want to send?" after a yes
    vault.rows[entry]["rewritten"].click()
    assert vault.message == texts.VAULT_REWRITE_LETTER
    assert journal.records("unsent")[0]["status"] == "rewritten"


def test_the_decision_journal_after_choosing_to_move_on_notes_a_feeling_not_a_plan(journal):
    for q in content.load().boundary_questions:
        journal.save_answer(0, q, "no")
    journal.add("decisions", decision="move_on")
    form = forms.decision_journal(journal)
    assert html.escape(texts.REACH_MOVING_ON) in form.header.value
    assert "before any reach-out" not in form.header.value.lower()
    assert _labels(form)[0] == texts.REACH_LABELS_MOVING_ON["plan"]


# --- the habit list editor ------------------------------------------------------------

def test_habits_form_changes_what_the_checkin_offers(journal):
    form = forms.habits_form(journal)
    offered = list(forms.checkin_form(journal).fields["habits"].boxes)
    assert list(form.fields["habits"].value) == offered
    form.fields["habits"].value = ["yoga", "  called a friend ", "drank alcohol"]
    form.save_button.click()
    assert form.message == texts.HABITS_SAVED
    assert journal.get_setting("habits") == ["yoga", "called a friend", "drank alcohol"]
    assert list(forms.checkin_form(journal).fields["habits"].boxes) == [
        "yoga", "called a friend", "drank alcohol"]


def test_habits_form_refuses_an_overlong_habit_and_keeps_the_old_list(journal):
    form = forms.habits_form(journal)
    form.fields["habits"].value = ["x" * 101]
    form.save_button.click()
    assert "habits" in form.errors["habits"].value and "100" in form.errors["habits"].value
    assert journal.get_setting("habits") is None


def test_emptying_the_habit_list_brings_back_the_kits_list(journal):
    form = forms.habits_form(journal)
    form.fields["habits"].value = []
    form.save_button.click()
    assert form.message == texts.HABITS_RESET
    assert list(form.fields["habits"].value) == list(DEFAULT_HABITS)


# --- review fixes ---------------------------------------------------------------------

def test_update_row_reports_problems_on_the_row_and_saves_otherwise(journal):
    saved = []
    form = forms.patterns_form(journal, on_save=saved.append)
    form.fields["pattern"].value = "shutting down"
    form.save()
    entry = next(iter(form.rows))
    assert form.update_row(journal, "patterns", entry, plan="x" * 100_000) is False
    assert "plan" in html.unescape(form.rows[entry]["error"].value)
    assert saved == [entry]        # only the first save
    assert form.update_row(journal, "patterns", entry, plan="talk first") is True
    assert saved == [entry, entry]
    assert journal.records("patterns")[0]["plan"] == "talk first"


def filled() -> dict[str, dict[str, object]]:
    """Builder -> values that save successfully, touching every field that has a start value.

    Dates are read when a test runs, never once at import.
    """
    earlier = date.today() - timedelta(days=3)
    return {
        "checkin_form": {"mood": 2, "energy": 3, "sleep_hours": "6", "mind": 8,
                         "habits": ("exercise",), "note": "n", "at": earlier},
        "contact_form": {"initiated_by": "me", "channel": "call", "replied": True,
                         "logistics": True, "note": "n", "at": earlier},
        "urge_form": {"intensity": 9, "trigger": "t", "acted_on": True, "helped": "h",
                      "note": "n", "at": earlier},
        "meeting_form": {"place": "park", "felt": 8, "their_engagement": 6, "light_topics": True,
                         "old_wounds": True, "flirting": "clearly", "flirt_landed": "badly",
                         "note": "n"},
        "signals_form": {"source": "s", "what": "w", "warmth": 5, "note": "n"},
        "repairs_form": {"issue": "i", "plan": "p", "status": "resolved"},
        "milestones_form": {"title": "t", "target_day": date.today() + timedelta(days=9),
                            "note": "n"},
        "clear_eyed_form": {"feelings_before": 8, "mood_before": 3, "what": "w",
                            "pleasant": "p", "note": "n"},
        "devices_form": {"suggested": ("Mute their chats",), "own": "o"},
    }


FILLED_FORMS = ("checkin_form", "clear_eyed_form", "contact_form", "devices_form",
                "meeting_form", "milestones_form", "repairs_form", "signals_form", "urge_form")


@pytest.mark.parametrize("name", FILLED_FORMS)
def test_after_a_save_every_field_is_back_at_its_start(journal, name):
    form = getattr(forms, name)(journal)
    starts = {n: w.value for n, w in form.fields.items()}
    for field, value in filled()[name].items():
        form.fields[field].value = value
    form.save_button.click()
    assert not errors(form)
    assert {n: w.value for n, w in form.fields.items()} == starts


def test_a_back_dated_checkin_does_not_back_date_the_next(journal):
    earlier = date.today() - timedelta(days=3)
    form = forms.checkin_form(journal)
    form.fields["at"].value = earlier
    form.save_button.click()
    form.save_button.click()
    days = sorted(r["day"] for r in journal.records("checkins"))
    assert days == [earlier, date.today()]


@pytest.mark.parametrize("who, replied, logistics, message", [
    ("me", False, True, texts.CONTACT_SAVED_LOGISTICS),
    ("them", True, True, texts.CONTACT_SAVED_LOGISTICS),
    ("them", False, False, texts.CONTACT_SAVED_THEIRS),
    ("them", True, False, texts.CONTACT_SAVED),
    ("me", False, False, texts.CONTACT_SAVED),
])
def test_contact_saved_message_calls_only_a_lapse_a_slip(journal, who, replied, logistics,
                                                         message):
    form = forms.contact_form(journal)
    f = form.fields
    f["initiated_by"].value, f["replied"].value, f["logistics"].value = who, replied, logistics
    form.save_button.click()
    assert status(form) == message


@pytest.mark.parametrize("acted, message", [(False, texts.URGE_SAVED),
                                            (True, texts.URGE_SAVED_ACTED)])
def test_urge_saved_message_fits_whether_you_reached_out(journal, acted, message):
    form = forms.urge_form(journal)
    form.fields["acted_on"].value = acted
    form.save_button.click()
    assert status(form) == message


def test_only_a_lapse_is_called_a_slip_and_only_a_resisted_urge_riding_it_out():
    """The words behind the saved messages: logistics and their unanswered contact are no slip."""
    assert "slip" in texts.CONTACT_SAVED
    assert "slip" not in texts.CONTACT_SAVED_LOGISTICS + texts.CONTACT_SAVED_THEIRS
    assert "riding it out" in texts.URGE_SAVED and "riding it out" not in texts.URGE_SAVED_ACTED


def test_saving_the_same_decision_twice_without_reasons_adds_nothing(journal):
    form = forms.decision_form(journal)
    form.fields["decision"].value = "not_sure"
    form.save_button.click()
    form.save_button.click()
    assert journal.count("decisions") == 1
    assert status(form) == texts.DECISION_UNCHANGED
    form.fields["reasons"].value = "still thinking"      # a reason is worth a new entry
    form.save_button.click()
    form.fields["decision"].value = "move_on"            # so is a different decision
    form.save_button.click()
    assert [r["decision"] for r in journal.records("decisions")] == [
        "not_sure", "not_sure", "move_on"]


def test_saving_the_same_nocontact_period_twice_adds_nothing(journal):
    saved = []
    form = forms.nocontact_form(journal, on_save=saved.append)
    form.fields["target"].value = 0
    form.fields["target_days"].value = "40"
    form.save_button.click()
    form.save_button.click()
    assert journal.count("nocontact_periods") == 1 and len(saved) == 1
    assert status(form) == texts.NOCONTACT_UNCHANGED
    form.fields["target"].value = 30
    form.save_button.click()
    form.fields["start_day"].value = date.today() - timedelta(days=1)
    form.save_button.click()
    assert [(r["target_days"], r["start_day"]) for r in journal.records("nocontact_periods")] == [
        (40, date.today()), (30, date.today()), (30, date.today() - timedelta(days=1))]


def assert_counted(text: str) -> None:
    import re

    assert "(s)" not in text and not re.search(r"\b[+−-]?1 (more )?[a-z]+s\b", text), text


def test_counted_nouns_read_naturally_for_one(journal):
    nc = forms.nocontact_form(journal)
    nc.fields["target"].value, nc.fields["target_days"].value = 0, "1"
    nc.save_button.click()
    assert "period of 1 day " in status(nc) and "target 1 day." in html.unescape(nc.result.value)
    vault = forms.unsent_vault(journal)
    vault.fields["text"].value, vault.fields["cooling_hours"].value = "hi", 1
    vault.save_button.click()
    assert "in 1 hour." in status(vault)
    assert "for 1 more hour." in " ".join(html_values(vault.extra))
    crisis = forms.crisis_contacts_form(journal)
    crisis.fields["contacts"].value = "Sam: 555"
    crisis.save_button.click()
    assert status(crisis) == "Saved 1 contact."
    step = forms.step_form(journal, 1)
    q = content.load().step(1).questions[0]
    step.fields[q.id].value = {"scale": 3, "yesno": True, "multi": (q.choices[0].id,) if q.choices
                               else (), "single": q.choices[0].id if q.choices else None,
                               "number": "3"}.get(q.type, "a few words")
    step.save_button.click()
    assert status(step).startswith("Saved 1 answer.")
    checkin = forms.checkin_form(journal)
    checkin.fields["sleep_hours"].value = "lots"
    checkin.fields["at"].value = date.today() + timedelta(days=2)
    checkin.save_button.click()
    for text in (status(nc), html.unescape(nc.result.value), status(vault), status(crisis),
                 status(step), status(checkin), " ".join(html_values(vault.extra))):
        assert_counted(text)


def test_who5_with_no_change_says_the_same_not_plus_zero(journal):
    journal.add("instrument_results", **scales.result_values("who5", [2, 2, 2, 2, 2])[0])
    form = forms.who5_form(journal)
    for item in scales.WHO5:
        form.fields[item.id].value = 2
    form.save_button.click()
    shown = html.unescape(form.result.value)
    assert "the same as your last one (40 %)" in shown and "+0" not in shown
