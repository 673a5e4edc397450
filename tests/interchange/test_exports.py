"""Exports are plain, spreadsheet-safe and come back exactly; strange files are refused."""

from __future__ import annotations

import csv
import io
import json
import stat
import unicodedata
import zipfile
from datetime import UTC, date, datetime, timedelta, timezone

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from exback_kit import Journal, ValidationError
from exback_kit.interchange.exports import export, import_file
from exback_kit.interchange.kit_files import neutralise, restore_cell, snapshot


def _fill(j: Journal) -> None:
    j.add_checkin(mood=7, energy=3, sleep_hours=6.5, habits=["exercise", "=cmd|' /C calc'!A0"],
                  note="+1 for walking\n-and a second line", at="2026-01-02T21:15:00+01:00")
    j.log_contact(initiated_by="them", channel="call", replied=True, logistics=True,
                  note="@school pickup")
    j.log_urge(intensity=9, trigger="\tsong on the radio", acted_on=False, helped="-called Sam")
    j.save_answer(2, "reasons", ["we laughed", "'quoted'"])
    j.save_answer(0, "breakup_date", "2025-12-01")
    j.add("unsent", text="\rI still think about you")
    j.add("milestones", title="Dinner", target_day=date(2030, 5, 1))
    j.set_setting("crisis_contacts", [{"name": "Helpline", "detail": "+44 116 123"}])


@pytest.mark.parametrize("cell", ["=1+1", "+1", "-1", "@SUM(A1)", "\tx", "\rx", "'x", "''=",
                                  "plain", "", "😀", "a=b"])
def test_neutralise_is_reversible_and_never_starts_with_a_formula(cell):
    safe = neutralise(cell)
    assert restore_cell(safe) == cell
    assert not safe.startswith(("=", "+", "-", "@", "\t", "\r"))


@pytest.mark.parametrize("suffix", [".zip", ".json"])
def test_export_then_import_is_lossless(tmp_path, suffix):
    with Journal.open(tmp_path / "a.sqlite3") as a, Journal.open(tmp_path / "b.sqlite3") as b:
        _fill(a)
        out = export(a, tmp_path / f"export{suffix}")
        assert stat.S_IMODE(out.stat().st_mode) == 0o600
        added = import_file(b, out)
        assert added["checkins"] == 1 and added["unsent"] == 1
        assert snapshot(b) == snapshot(a)
        assert sum(import_file(b, out).values()) == 0  # a second import adds nothing


def test_csv_cells_are_safe_for_spreadsheets(tmp_path):
    with Journal.open(tmp_path / "a.sqlite3") as a:
        _fill(a)
        out = export(a, tmp_path / "e.zip")
    with zipfile.ZipFile(out) as zf:
        for name in zf.namelist():
            if not name.endswith(".csv"):
                continue
            rows = list(csv.reader(io.StringIO(zf.read(name).decode("utf-8"), newline="")))
            for row in rows[1:]:
                for cell in row:
                    assert not cell.startswith(("=", "+", "-", "@", "\t", "\r")), (name, cell)


def test_a_demo_export_never_mixes_into_a_real_journal(tmp_path):
    with Journal.open(tmp_path / "demo.sqlite3") as d, Journal.open(tmp_path / "r.sqlite3") as r:
        d.set_setting("demo", True)
        d.add_checkin(mood=5)
        with pytest.raises(ValidationError, match="demo journal"):
            import_file(r, export(d, tmp_path / "d.json"))
        assert not r.is_demo and r.count("checkins") == 0


@pytest.mark.parametrize(("name", "content"), [
    ("notes.json", b'{"hello": "world"}'),
    ("notes.json", b"not json at all"),
    ("list.json", b"[1, 2, 3]"),
    ("photo.zip", b"PK\x03\x04 broken zip"),
    ("binary.bin", bytes(range(256))),
])
def test_files_that_were_never_exports_are_refused(tmp_path, journal, name, content):
    path = tmp_path / name
    path.write_bytes(content)
    with pytest.raises(ValidationError, match="isn't an exback-kit export"):
        import_file(journal, path)
    assert journal.count("checkins") == 0


def test_a_csv_file_is_read_as_daylio_and_refused_when_it_is_not(tmp_path, journal):
    """The extension chooses the reader; the reader checks the content."""
    path = tmp_path / "diary.csv"
    path.write_bytes(b"date,mood\n2026-01-01,5\n")
    with pytest.raises(ValidationError, match="doesn't look like a Daylio CSV export"):
        import_file(journal, path)
    assert journal.count("checkins") == 0


def test_zip_without_manifest_is_refused(tmp_path, journal):
    path = tmp_path / "other.zip"
    with zipfile.ZipFile(path, "w") as zf:
        zf.writestr("checkins.csv", "at,day,mood\n")
    with pytest.raises(ValidationError, match="isn't an exback-kit export"):
        import_file(journal, path)


def test_export_with_a_bad_row_imports_nothing(tmp_path, journal):
    with Journal.open(tmp_path / "a.sqlite3") as a:
        a.add_checkin(mood=5)
        a.add_checkin(mood=6)
        out = export(a, tmp_path / "e.json")
    doc = json.loads(out.read_text())
    doc["tables"]["checkins"][1]["mood"] = 42
    out.write_text(json.dumps(doc))
    with pytest.raises(ValidationError, match="checkins, row 2: mood"):
        import_file(journal, out)
    assert journal.count("checkins") == 0


def test_export_from_a_newer_kit_is_refused(tmp_path, journal):
    with Journal.open(tmp_path / "a.sqlite3") as a:
        out = export(a, tmp_path / "e.json")
    doc = json.loads(out.read_text())
    doc["schema_version"] = 999
    out.write_text(json.dumps(doc))
    with pytest.raises(ValidationError, match="newer version"):
        import_file(journal, out)


def test_unknown_format_names_the_choices(tmp_path, journal):
    with pytest.raises(ValidationError, match="csv, json"):
        export(journal, tmp_path / "e.xlsx")


# --- property: any journal content survives export -> import in both formats ---------------

# The kit refuses NUL and the two direction overrides (text that reads other than typed).
texts_ = st.text(st.characters(blacklist_categories=("Cs",),
                               blacklist_characters="\x00\u202d\u202e"), max_size=40)


def _visible(s: str) -> bool:
    """A habit name must show something: not only spaces or invisible (format) characters."""
    return any(not ch.isspace() and unicodedata.category(ch) != "Cf" for ch in s)


moments = st.datetimes(min_value=datetime(2000, 1, 1), max_value=datetime(2026, 1, 1),
                       timezones=st.sampled_from([UTC, timezone(timedelta(hours=-5)),
                                                  timezone(timedelta(hours=5, minutes=30))]))
checkins = st.fixed_dictionaries({
    "mood": st.integers(1, 10),
    "energy": st.none() | st.integers(1, 10),
    "sleep_hours": st.none() | st.floats(0, 24, allow_nan=False),
    "habits": st.lists(texts_.filter(_visible), max_size=3),
    "note": texts_,
    "at": moments,
})
answers = st.fixed_dictionaries({
    "step": st.integers(0, 18),
    "question": st.from_regex(r"[a-z_]{1,12}", fullmatch=True),
    "value": st.one_of(texts_, st.integers(-5, 5), st.booleans(), st.lists(texts_, max_size=3)),
    "at": moments,
})


@settings(max_examples=40, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(rows=st.lists(checkins, max_size=5), ans=st.lists(answers, max_size=4),
       fmt=st.sampled_from([".zip", ".json"]))
def test_property_export_import_round_trip(tmp_path_factory, rows, ans, fmt):
    folder = tmp_path_factory.mktemp("rt")
    with Journal.open(folder / "a.sqlite3") as a, Journal.open(folder / "b.sqlite3") as b:
        if rows:
            a.add_many("checkins", rows)
        if ans:
            a.add_many("answers", ans)
        import_file(b, export(a, folder / f"e{fmt}"))
        assert snapshot(b) == snapshot(a)
