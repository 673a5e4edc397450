"""Start here says that a latest note exists, not its words, until the person turns it on."""

from __future__ import annotations

import pytest

from exback_kit import Journal, stages
from exback_kit.content import texts
from exback_kit.errors import ValidationError
from exback_kit.notebook.stage_words import SHOW_NOTE_SETTING

from .widget_tree import having, raw_text, walk

NOTE = "I miss <b>them</b> tonight"


def _switch(part: object) -> object:
    (switch,) = having(part, "exback-show-note")
    return switch


def test_the_latest_note_is_hidden_by_default_and_its_existence_said(mine: Journal) -> None:
    mine.add_checkin(mood=4, note=NOTE)
    header = stages.header("00_start_here")
    shown = raw_text(header)
    assert "miss" not in shown and not having(header, "exback-latest-note")
    assert texts.WHERE_NOTE_HIDDEN in shown
    assert _switch(header).value is False
    assert _switch(header).description == texts.WHERE_SHOW_NOTE


def test_turned_on_the_note_shows_escaped_and_the_choice_is_remembered(mine: Journal) -> None:
    mine.add_checkin(mood=4, note=NOTE)
    _switch(stages.header("00_start_here")).value = True
    assert mine.get_setting(SHOW_NOTE_SETTING) is True
    again = stages.header("00_start_here")  # the next time the page is opened
    assert "I miss &lt;b&gt;them&lt;/b&gt; tonight" in raw_text(again)
    assert "<b>them</b>" not in raw_text(again)
    assert _switch(again).value is True
    _switch(again).value = False
    assert "miss" not in raw_text(again)  # hidden at once, on the same page
    assert mine.get_setting(SHOW_NOTE_SETTING) is False


def test_no_note_no_switch(mine: Journal) -> None:
    """A check-in without a note says nothing of notes and offers no switch."""
    mine.add_checkin(mood=6)
    header = stages.header("00_start_here")
    assert not having(header, "exback-show-note")
    assert texts.WHERE_NOTE_HIDDEN not in raw_text(header)
    assert [w for w in walk(header) if "note" in str(getattr(w, "description", "")).lower()] == []


def test_a_setting_that_is_not_a_plain_yes_keeps_the_note_hidden(mine: Journal,
                                                                 unchecked_setting) -> None:
    """Only True shows the words: "false" (a string), 1 or a list keep them off the screen
    (the kit refuses to save them; a journal from before settings were checked may hold them)."""
    mine.add_checkin(mood=4, note=NOTE)
    for odd in ("false", 1, ["yes"], {"on": True}):
        with pytest.raises(ValidationError, match=SHOW_NOTE_SETTING):
            mine.set_setting(SHOW_NOTE_SETTING, odd)
        unchecked_setting(mine, SHOW_NOTE_SETTING, odd)
        header = stages.header("00_start_here")
        assert "miss" not in raw_text(header), odd
        assert _switch(header).value is False
