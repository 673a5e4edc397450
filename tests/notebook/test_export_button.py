"""The dashboard's export form: a plain journal's copy is plain and says so; a locked journal's
copy is sealed with its passphrase (checked, then emptied from the field) unless the person
ticks the box for a clear copy; every message names the file."""

from __future__ import annotations

import html
import re
from pathlib import Path

import ipywidgets as widgets
import pytest

from exback_kit import Journal, stages
from exback_kit.content import texts
from exback_kit.interchange import sealed
from exback_kit.interchange.exports import import_file
from exback_kit.notebook.export_button import export_widget
from exback_kit.notebook.stage_view import LAYOUTS
from exback_kit.store import keys, locking

from .widget_tree import walk

PW = "the kettle by the window"
NOTE = "a slow morning with the cat"


def _parts(box: widgets.VBox) -> dict[str, widgets.Widget]:
    found: dict[str, widgets.Widget] = {}
    for child in box.children:
        found.setdefault(type(child).__name__, child)
    return found


def _said(box: widgets.VBox) -> str:
    return html.unescape(re.sub(r"<[^>]+>", "", box.children[-1].value))


@pytest.fixture
def locked_journal(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    monkeypatch.setattr(keys, "SCRYPT_N", 2**10)
    path = tmp_path / "home" / "journal.sqlite3"
    with Journal.open(path, backup=False) as j:
        j.add_checkin(mood=6, note=NOTE)
    locking.encrypt(path, PW)
    with Journal.open(path, backup=False, passphrase=PW) as j:
        yield j


def test_the_dashboard_has_an_export_section(mine):
    assert any(s.id == "export" and s.forms == ("export",)
               for s in LAYOUTS["08_dashboard"].sections)
    shown = stages.section("08_dashboard", "export")
    assert [w for w in walk(shown) if isinstance(w, widgets.Button)
            and w.description == texts.EXPORT_WIDGET_BUTTON]


def _clear_copy(box: widgets.VBox, fmt: str, extension: str) -> None:
    """Export ``fmt`` from ``box`` and check a clear file came out, said to be clear."""
    parts = _parts(box)
    parts["Dropdown"].value = fmt
    out = Path(parts["Text"].value)
    assert out.name.endswith(extension)
    parts["Button"].click()
    assert NOTE in out.read_text(encoding="utf-8")
    assert _said(box) == texts.EXPORT_WIDGET_PLAIN.format(path=out)


def test_a_plain_journals_copy_is_plain_and_says_so(journal):
    journal.add_checkin(mood=5, note=NOTE)
    box = export_widget(journal)
    parts = _parts(box)
    assert "Password" not in parts and "Checkbox" not in parts
    assert Path(parts["Text"].value).parent == journal.path.parent
    _clear_copy(box, "json", ".json")


def test_a_locked_journals_copy_is_sealed_with_its_passphrase(locked_journal, tmp_path):
    box = export_widget(locked_journal)
    parts = _parts(box)
    out = Path(parts["Text"].value)
    assert out.name.endswith(".zip.age")
    parts["Password"].value = PW
    parts["Button"].click()
    assert parts["Password"].value == ""
    assert sealed.is_sealed(out) and NOTE.encode() not in out.read_bytes()
    assert _said(box) == texts.EXPORT_WIDGET_SEALED.format(path=out)
    with Journal.open(tmp_path / "fresh.sqlite3", backup=False) as fresh:
        import_file(fresh, out, passphrase=PW)
        assert [r["note"] for r in fresh.records("checkins")] == [NOTE]


def test_a_name_typed_without_age_gets_it(locked_journal, tmp_path):
    box = export_widget(locked_journal)
    parts = _parts(box)
    parts["Text"].value = str(tmp_path / "mine.json")
    parts["Password"].value = PW
    parts["Button"].click()
    assert sealed.is_sealed(tmp_path / "mine.json.age")
    assert not (tmp_path / "mine.json").exists()


@pytest.mark.parametrize(("typed", "said"), [("", texts.EXPORT_WIDGET_NEED_PASSPHRASE),
                                             ("not the passphrase", "passphrase")])
def test_no_or_a_wrong_passphrase_writes_nothing(locked_journal, typed, said):
    box = export_widget(locked_journal)
    parts = _parts(box)
    out = Path(parts["Text"].value)
    parts["Password"].value = typed
    parts["Button"].click()
    assert not out.exists() and parts["Password"].value == ""
    assert said in _said(box)
    assert not parts["Button"].disabled


def test_a_clear_copy_when_the_person_asks_for_one(locked_journal):
    box = export_widget(locked_journal)
    _parts(box)["Checkbox"].value = True
    _clear_copy(box, "markdown", ".md")


def test_a_folder_that_is_not_there_is_a_message_not_a_traceback(journal, tmp_path):
    box = export_widget(journal)
    parts = _parts(box)
    parts["Text"].value = str(tmp_path / "no such folder" / "out.zip")
    parts["Button"].click()
    assert "no such folder" in _said(box) and "Traceback" not in _said(box)
