"""The Spanish kit on an English-written journal: the same data reads in Spanish and back,
exports stay byte for byte, days and the week read the Spanish way."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest

from exback_kit import Journal, stages
from exback_kit.charts import contact
from exback_kit.content import language, texts
from exback_kit.interchange.kit_files import json_bytes
from exback_kit.store import reads
from tests.notebook.test_gated_pages import seen_text
from tests.notebook.test_road_walk import BOUNDARIES, fill


@pytest.fixture
def english_journal(tmp_path: Path):
    """A journal written while the kit spoke English, with a decision among its rows."""
    language.choose(language.ENGLISH)
    j = Journal.open(tmp_path / "en.sqlite3")
    fill(j)
    for q in BOUNDARIES:
        j.save_answer(0, q, "no")
    j.add("decisions", decision="not_sure")
    yield j
    j.close()
    language.choose(language.ENGLISH)


def _export(j: Journal) -> dict:
    """The journal's JSON export without the moment it was made."""
    data = json.loads(json_bytes(j))
    data.pop("exported_at")
    return data


def _dashboard(j: Journal) -> str:
    stages.use_journal(j)
    return seen_text(stages.show("01_space_and_clarity"))


def test_an_english_journal_reads_in_spanish_and_back_and_exports_the_same(english_journal):
    j = english_journal
    english_view, english_export = _dashboard(j), _export(j)
    assert "Not sure yet" in english_view
    language.choose("es")
    spanish_view = _dashboard(j)
    assert texts.DECISION_CHOICES["not_sure"] in spanish_view
    assert "Not sure yet" not in spanish_view
    assert _export(j) == english_export
    language.choose(language.ENGLISH)
    assert _dashboard(j) == english_view
    assert _export(j) == english_export


def test_days_read_the_spanish_way_and_english_keeps_iso():
    day = date(2026, 3, 14)
    assert texts.say(texts.REVIEW_CURRENT, day=day) == "Your review day: 2026-03-14."
    try:
        language.choose("es")
        said = texts.say(texts.REVIEW_CURRENT, day=day)
        assert "14 mar 2026" in said and "2026-03-14" not in said
        assert language.day("2026-03-14") == "14 mar 2026"
        assert language.day("not a day") == "not a day"
    finally:
        language.choose(language.ENGLISH)


def test_the_urge_heatmap_under_spanish_starts_monday_in_spanish(english_journal):
    tables = reads.load_tables(english_journal)
    try:
        language.choose("es")
        assert contact.week_order() == [0, 1, 2, 3, 4, 5, 6]
        top = contact.draw_urges(contact.prepare_urges(tables))
        labels = [t.get_text() for t in top.get_yticklabels()]
        assert labels == list(language.weekdays())
        assert labels[0].lower().startswith("lu") and labels[-1].lower().startswith("do")
    finally:
        language.choose(language.ENGLISH)
