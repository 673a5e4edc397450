"""The dashboard's Sync part: a folder, a button, and a plain-words result."""

from __future__ import annotations

import re

from exback_kit import Journal
from exback_kit.notebook.stage_view import LAYOUTS
from exback_kit.notebook.sync_button import FOLDER_SETTING, sync_widget


def _parts(box):
    import ipywidgets as widgets

    found = {}
    for child in box.children:
        for kind in (widgets.Password, widgets.Text, widgets.Checkbox, widgets.Button):
            if isinstance(child, kind):
                found.setdefault(kind.__name__, child)
                break
    return found, box.children[-1]


def test_the_dashboard_has_a_sync_section():
    assert any(s.id == "sync" and s.forms == ("sync",) for s in LAYOUTS["08_dashboard"].sections)


def test_sync_button_syncs_and_remembers_the_folder_for_this_computer(tmp_path):
    redrawn = []
    with Journal.open(tmp_path / "a" / "j.sqlite3") as a, \
            Journal.open(tmp_path / "b" / "j.sqlite3") as b:
        a.add_checkin(mood=4)
        box = sync_widget(a)
        parts, status = _parts(box)
        assert "Password" not in parts  # a plain journal needs no passphrase
        parts["Text"].value = str(tmp_path / "DIR")
        parts["Button"].click()
        assert "sent 1 change" in status.value
        assert a.get_setting(FOLDER_SETTING) == str(tmp_path / "DIR")
        code = re.search(r"[A-Z2-7]{4}(?:-[A-Z2-7]{4}){5}", status.value).group(0)
        assert "shown only this once" in status.value
        box_b = sync_widget(b, on_sync=lambda: redrawn.append(1))
        parts_b, status_b = _parts(box_b)
        parts_b["Text"].value = str(tmp_path / "DIR")
        box_b.children[2].value = code  # the join code field
        parts_b["Button"].click()
        assert "brought in 1" in status_b.value and redrawn == [1]
        assert b.get_setting(FOLDER_SETTING) == str(tmp_path / "DIR")  # not a's value: local


def test_sync_button_shows_a_refusal_in_plain_escaped_words(tmp_path):
    with Journal.open(tmp_path / "<b>" / "j.sqlite3") as j:
        parts, status = _parts(sync_widget(j))
        parts["Button"].click()
        assert "choose a folder" in status.value
        parts["Text"].value = str(tmp_path / "<b>")
        parts["Button"].click()
        assert "outside" in status.value and "<b>" not in status.value
        assert parts["Button"].disabled is False


def test_a_notebook_session_merges_when_it_starts_and_sends_each_save(tmp_path, monkeypatch):
    from exback_kit.interchange import sync_folder
    from exback_kit.notebook import session
    from exback_kit.store.paths import JOURNAL_ENV

    folder = tmp_path / "DIR"
    with Journal.open(tmp_path / "a" / "j.sqlite3") as a, \
            Journal.open(tmp_path / "b" / "j.sqlite3") as b:
        code = sync_folder.sync(a, folder).code
        sync_folder.sync(b, folder, join=code)
        a.set_setting(FOLDER_SETTING, str(folder))
        b.add_checkin(mood=7, note="from the laptop")
        sync_folder.sync(b, folder)
    monkeypatch.setenv(JOURNAL_ENV, str(tmp_path / "a" / "j.sqlite3"))
    mine = session.session().mine()  # the notebook opens the journal: one round
    assert [r["note"] for r in mine.records("checkins")] == ["from the laptop"]
    _, status = _parts(sync_widget(mine))
    assert "1 change came in from your other computers" in status.value
    mine.add_checkin(mood=5, note="from the desk")  # a save goes to the folder by itself
    with Journal.open(tmp_path / "b" / "j.sqlite3") as b:
        sync_folder.sync(b, folder)
        assert sorted(r["note"] for r in b.records("checkins")) == ["from the desk",
                                                                   "from the laptop"]
