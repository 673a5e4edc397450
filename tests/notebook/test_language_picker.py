"""The language picker in Start here (00): a pick is stored as a code and spoken at once."""

from __future__ import annotations

import ipywidgets as widgets
import pytest

from exback_kit import Journal, stages
from exback_kit.content import language
from exback_kit.notebook.language_picker import choices, language_picker
from exback_kit.notebook.session import session
from exback_kit.notebook.stage_view import LAYOUTS

from .widget_tree import walk


@pytest.fixture(autouse=True)
def english_after():
    yield
    language.choose(language.ENGLISH)


def test_00_asks_for_the_language_first_in_its_profile_section():
    profile = LAYOUTS["00_start_here"].sections[0]
    assert profile.id == "profile" and profile.forms[0] == "language_picker"


def test_the_picker_offers_the_shipped_languages_and_the_one_in_force():
    assert [code for _, code in choices()] == list(language.SHIPPED)
    language.choose(language.PSEUDO)
    assert [code for _, code in choices()] == [*language.SHIPPED, "xx"]


def test_a_pick_is_saved_as_a_code_and_spoken(tmp_path):
    language.choose(language.PSEUDO)
    j = Journal.open(tmp_path / "j.sqlite3")
    try:
        saved = []
        box = language_picker(j, on_save=saved.append)
        picker, said = box.children
        assert picker.value == "xx"
        picker.value = "en"
        assert j.get_setting(language.SETTING) == "en"
        assert language.current() == "en"
        assert said.value.startswith("<p>Saved. The kit now speaks English.")
        assert saved == [None]
    finally:
        j.close()


def test_a_pick_made_while_the_demo_is_shown_is_kept_in_the_persons_journal(mine: Journal):
    """The demo journal is thrown away; the person's language choice must not go with it."""
    stages.use_demo(True)
    demo = stages.journal()
    assert demo.is_demo
    session().unfold("00_start_here:section:profile")  # the demo's profile is answered: folded
    section = stages.section("00_start_here", "profile")
    picker = next(w for w in walk(section) if isinstance(w, widgets.Dropdown)
                  and language.ENGLISH in [code for _, code in w.options])
    picker.value = "es"
    assert mine.get_setting(language.SETTING) == "es"
    assert demo.get_setting(language.SETTING) is None
