"""The dashboard's search box and "Your words": labelled, keyboard-usable, escaped, paged."""

from __future__ import annotations

from datetime import datetime, timedelta

import ipywidgets as widgets

from exback_kit import stages
from exback_kit.notebook.search_box import search_widget, words_widget
from exback_kit.notebook.stage_view import LAYOUTS
from tests.notebook.widget_tree import raw_text, walk, words

EVIL = '<img src=x onerror="document.title=\'XSS\'">lake'


def _find(box, kind):
    return [w for w in walk(box) if isinstance(w, kind)]


def test_the_dashboard_has_a_search_and_a_your_words_section():
    ids = {s.id: s.forms for s in LAYOUTS["08_dashboard"].sections}
    assert ids["search"] == ("search",) and ids["words"] == ("your_words",)


def test_the_field_is_labelled_and_enter_searches_without_the_button(journal):
    journal.add_checkin(mood=5, note="the lake house in March")
    box = search_widget(journal)
    (field,) = _find(box, widgets.Text)
    assert field.description == "Find words you wrote" and not field.continuous_update
    field.value = "lake"  # what Enter (or leaving the field) sends
    assert "<mark>lake</mark>" in raw_text(box)
    assert "written in" in words(box) and 'href="00_start_here.ipynb"' in raw_text(box)


def test_html_in_a_note_is_shown_as_text_and_the_mark_is_the_kits_own(journal):
    journal.add_checkin(mood=5, note=EVIL)
    journal.log_urge(5, note="<b>bold</b> & lake")
    box = search_widget(journal)
    _find(box, widgets.Text)[0].value = "lake"
    markup = raw_text(box)
    assert "<img" not in markup and "<b>" not in markup
    assert "&lt;img src=x onerror=" in markup and "&lt;b&gt;bold&lt;/b&gt; &amp; " in markup
    assert markup.count("<mark>") == 2
    assert EVIL.replace("lake", "") in words(box)


def test_the_button_searches_again_and_the_vault_waits_for_the_box(journal):
    journal.add("unsent", text="I miss the lighthouse")
    box = search_widget(journal)
    _find(box, widgets.Text)[0].value = "lighthouse"
    assert "Nothing you wrote matches lighthouse." in words(box)
    journal.add_checkin(mood=5, note="walked to the lighthouse")
    _find(box, widgets.Button)[0].click()
    assert "Check-in note" in words(box) and "Unsent message" not in words(box)
    _find(box, widgets.Checkbox)[0].value = True
    assert "Unsent message" in words(box) and raw_text(box).count("<mark>lighthouse</mark>") == 2


def test_a_bad_query_says_why_and_still_finds_the_words(journal):
    journal.add_checkin(mood=5, note="lake house")
    box = search_widget(journal)
    _find(box, widgets.Text)[0].value = '"lake'
    assert "quote mark isn't closed" in words(box) and "<mark>lake</mark>" in raw_text(box)
    _find(box, widgets.Text)[0].value = "*"
    assert "no words to search for" in words(box)


def test_an_answer_links_to_the_notebook_of_its_step(journal):
    journal.save_answer(15, "issue", "We never talked about money")
    box = search_widget(journal)
    _find(box, widgets.Text)[0].value = "money"
    assert 'href="06_the_conversation.ipynb"' in raw_text(box)


def _shown(box):
    """Press "Show your words"; return the box."""
    toggle = _find(box, widgets.Button)[0]
    assert toggle.description == "Show your words"
    toggle.click()
    return box


def test_your_words_opens_folded_and_shows_them_when_asked(journal):
    journal.add_checkin(mood=5, note="private words")
    box = words_widget(journal)
    assert "private words" not in words(box)
    _shown(box)
    assert "private words" in words(box)
    toggle = _find(box, widgets.Button)[0]
    assert toggle.description == "Hide your words"
    toggle.click()
    assert "private words" not in raw_text(box) and toggle.description == "Show your words"


def test_your_words_pages_a_week_of_days_newest_first(journal):
    start = datetime(2026, 1, 1, 9).astimezone()
    for i in range(10):
        journal.add_checkin(mood=5, note=f"day {i + 1} <i>words</i>", at=start + timedelta(days=i))
    box = _shown(words_widget(journal))
    _, newer, older = _find(box, widgets.Button)
    text = words(box)
    assert "Days 1–7 of 10" in text and "day 10 <i>words</i>" in text and "day 3 " not in text
    assert text.index("2026-01-10") < text.index("2026-01-04")
    assert "<i>" not in raw_text(box)
    assert newer.disabled and not older.disabled
    older.click()
    assert "Days 8–10 of 10" in words(box) and "day 1 <i>" in words(box)
    assert older.disabled and not newer.disabled
    newer.click()
    assert "Days 1–7 of 10" in words(box)


def test_your_words_on_an_empty_journal_and_the_vault(journal):
    box = _shown(words_widget(journal))
    assert "Nothing written yet" in words(box)
    journal.add("unsent", text="not sent, kept")
    box = _shown(words_widget(journal))
    assert "Nothing written yet" in words(box)
    _find(box, widgets.Checkbox)[0].value = True
    assert "not sent, kept" in words(box)


def test_the_dashboard_sections_show_both_parts(mine):
    mine.add_checkin(mood=5, note="lake")
    search_part = stages.section("08_dashboard", "search")
    assert _find(search_part, widgets.Text)
    assert "lake" in words(_shown(stages.section("08_dashboard", "words")))


def test_a_journal_deleted_while_the_page_is_open_is_said_plainly(journal):
    from exback_kit.store.backups import forget

    search_box, words_box = search_widget(journal), _shown(words_widget(journal))
    journal.add_checkin(mood=5, note="queued words")  # waiting for the next search
    forget(journal.path)
    _find(search_box, widgets.Text)[0].value = "queued"
    _find(words_box, widgets.Checkbox)[0].value = True
    for box in (search_box, words_box):
        assert "deleted or replaced" in words(box) and "Traceback" not in words(box)


def test_on_the_moving_on_road_a_set_aside_notebook_is_named_but_not_linked(mine):
    from exback_kit import content

    mine.save_answer(0, "protective_order", "yes")
    mine.add("meetings", place="the market", note="coffee at noon")
    mine.add_checkin(mood=5, note="coffee alone, and fine")
    part = stages.section("08_dashboard", "search")
    _find(part, widgets.Text)[0].value = "coffee"
    markup = raw_text(part)
    assert 'href="00_start_here.ipynb"' in markup
    assert "05_reconnecting.ipynb" not in markup
    assert f"written in {content.load().stage('05_reconnecting').title}" in words(part)
