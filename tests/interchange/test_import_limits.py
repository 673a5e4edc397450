"""Imports read within limits, check every type, and say exactly what is wrong."""

from __future__ import annotations

import io
import json
import zipfile
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from exback_kit import Journal, JournalError, ValidationError
from exback_kit.interchange import import_limits
from exback_kit.interchange.exports import export, import_file
from exback_kit.interchange.kit_files import snapshot
from exback_kit.store import SCHEMA_VERSION


def _fill(j: Journal) -> None:
    j.add_checkin(mood=7, energy=3, sleep_hours=6.5, habits=["walk"], note="a note")
    j.log_contact(initiated_by="them", channel="call", replied=True, note="pickup")
    j.log_urge(intensity=6, trigger="a song", helped="called Sam")
    j.save_answer(2, "reasons", ["we laughed"])
    j.set_setting("habits", ["yoga"])


@pytest.fixture
def source(tmp_path: Path):
    with Journal.open(tmp_path / "source.sqlite3") as j:
        _fill(j)
        yield j


def _json_doc(source: Journal, tmp_path: Path) -> dict[str, Any]:
    out = export(source, tmp_path / "e.json")
    return json.loads(out.read_text(encoding="utf-8"))


def _write_json(tmp_path: Path, doc: object, name: str = "edited.json") -> Path:
    path = tmp_path / name
    path.write_text(json.dumps(doc), encoding="utf-8")
    return path


def _zip_members(source: Journal, tmp_path: Path) -> dict[str, bytes]:
    out = export(source, tmp_path / "e.zip")
    with zipfile.ZipFile(out) as zf:
        return {name: zf.read(name) for name in zf.namelist()}


def _write_zip(tmp_path: Path, members: dict[str, bytes], name: str = "edited.zip") -> Path:
    path = tmp_path / name
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as zf:
        for member, data in members.items():
            zf.writestr(member, data)
    return path


def _refused(journal: Journal, path: Path, match: str) -> None:
    before = snapshot(journal)
    with pytest.raises(ValidationError, match=match):
        import_file(journal, path)
    assert snapshot(journal) == before


# --- limits checked before reading -------------------------------------------------------

def test_a_zip_bomb_is_refused_before_it_is_read(journal, source, tmp_path, monkeypatch):
    members = _zip_members(source, tmp_path)
    members["checkins.csv"] += b"\n" * (80 * 1024 * 1024)  # 80 MB of newlines, ~80 KB packed
    bomb = _write_zip(tmp_path, members, "bomb.zip")
    assert bomb.stat().st_size < 2 * 1024 * 1024
    read: list[str] = []
    real_read = zipfile.ZipFile.read
    monkeypatch.setattr(zipfile.ZipFile, "read",
                        lambda self, name, pwd=None: (read.append(name), real_read(self, name))[1])
    _refused(journal, bomb, f"more than the {import_limits.MAX_IMPORT_BYTES // 2**20} MB")
    assert read == []


def test_a_zip_with_an_absurd_compression_ratio_is_refused(journal, source, tmp_path):
    members = _zip_members(source, tmp_path)
    members["notes.txt"] = b"a" * (5 * 1024 * 1024)  # 5 MB that packs into a few KB
    _refused(journal, _write_zip(tmp_path, members), "more than the")


def test_a_huge_json_file_is_refused_before_it_is_read(journal, tmp_path, monkeypatch):
    monkeypatch.setattr(import_limits, "MAX_IMPORT_BYTES", 1000)
    big = tmp_path / "big.json"
    big.write_bytes(b" " * 2000)
    _refused(journal, big, "more than the")


# --- strict types --------------------------------------------------------------------------

@pytest.mark.parametrize("value", ["false", "true", "no", 2, -1, 0.5, [], {}])
def test_json_booleans_are_strict(journal, source, tmp_path, value):
    doc = _json_doc(source, tmp_path)
    doc["tables"]["contacts"][0]["replied"] = value
    _refused(journal, _write_json(tmp_path, doc), "replied")


@pytest.mark.parametrize("field", ["version", "schema_version"])
@pytest.mark.parametrize("value", ["1", None, 1.0, True, [], -1])
def test_versions_must_be_whole_numbers(journal, source, tmp_path, field, value):
    doc = _json_doc(source, tmp_path)
    doc[field] = value
    _refused(journal, _write_json(tmp_path, doc), f"{field} is .* a whole number")


@pytest.mark.parametrize("row", ["a string", 5, None, ["at", "day"], True])
def test_rows_must_be_objects(journal, source, tmp_path, row):
    doc = _json_doc(source, tmp_path)
    doc["tables"]["checkins"][0] = row
    _refused(journal, _write_json(tmp_path, doc), "checkins, row 1: .* isn't an entry")


@pytest.mark.parametrize("settings_value", [[], "x", 3, None])
def test_settings_must_be_an_object(journal, source, tmp_path, settings_value):
    doc = _json_doc(source, tmp_path)
    doc["settings"] = settings_value
    _refused(journal, _write_json(tmp_path, doc), "its settings aren't")


@pytest.mark.parametrize(("key", "value"), [("", 1), ("k" * 65, 1), ("ok", float("nan")),
                                          ("habits", float("nan")), ("habits", "yoga"),
                                          ("review_day", "soon"), ("__proto__", {})])
def test_imported_settings_are_validated_like_set_setting(journal, source, tmp_path, key, value):
    doc = _json_doc(source, tmp_path)
    doc["settings"][key] = value
    path = tmp_path / "s.json"
    path.write_text(json.dumps(doc, allow_nan=True), encoding="utf-8")
    _refused(journal, path, "setting")


def test_a_json_export_nested_100k_deep_is_a_message(journal, tmp_path):
    deep = tmp_path / "deep.json"
    deep.write_text('{"format": "exback-kit export", "x": ' + "[" * 100_000 + "]" * 100_000 + "}")
    _refused(journal, deep, "levels deep|isn't an exback-kit export")


def test_an_answer_nested_too_deep_is_refused(journal, source, tmp_path):
    doc = _json_doc(source, tmp_path)
    doc["tables"]["answers"][0]["value"] = "[" * 50 + "]" * 50
    _refused(journal, _write_json(tmp_path, doc), "answers, row 1")


def test_a_json_export_with_a_bom_is_imported(journal, source, tmp_path):
    out = export(source, tmp_path / "e.json")
    bom = tmp_path / "bom.json"
    bom.write_bytes(b"\xef\xbb\xbf" + out.read_bytes())
    assert import_file(journal, bom)["checkins"] == 1


# --- newer exports ------------------------------------------------------------------------

def test_a_newer_zip_export_is_named_as_newer(journal, source, tmp_path):
    members = _zip_members(source, tmp_path)
    manifest = json.loads(members["manifest.json"])
    manifest["schema_version"] = SCHEMA_VERSION + 1
    members["manifest.json"] = json.dumps(manifest).encode()
    members["future_things.csv"] = b"a,b\n1,2\n"
    members["checkins.csv"] = members["checkins.csv"].replace(b"at,day", b"at,day,feeling")
    _refused(journal, _write_zip(tmp_path, members), "newer version")


# --- CSV problems named by file, row and column ---------------------------------------------

def _edit_checkins(source: Journal, tmp_path: Path, column: str, value: str) -> Path:
    members = _zip_members(source, tmp_path)
    text = members["checkins.csv"].decode()
    header, row, *rest = text.split("\r\n")
    names = header.split(",")
    cells = next(iter(__import__("csv").reader([row])))
    cells[names.index(column)] = value
    buf = io.StringIO()
    __import__("csv").writer(buf).writerow(cells)
    members["checkins.csv"] = "\r\n".join([header, buf.getvalue().rstrip("\r\n"), *rest]).encode()
    return _write_zip(tmp_path, members)


@pytest.mark.parametrize(("column", "value"), [("mood", "seven"), ("energy", "3.5"),
                                               ("sleep_hours", "lots"), ("mood", "99")])
def test_a_bad_csv_cell_names_file_row_and_column(journal, source, tmp_path, column, value):
    _refused(journal, _edit_checkins(source, tmp_path, column, value),
             rf"checkins\.csv, row 1: {column}: ")


def test_a_bad_csv_flag_names_its_column(journal, source, tmp_path):
    members = _zip_members(source, tmp_path)
    text = members["contacts.csv"].decode()
    header, row, *rest = text.split("\r\n")
    cells = row.split(",")
    cells[header.split(",").index("replied")] = "yes"
    members["contacts.csv"] = "\r\n".join([header, ",".join(cells), *rest]).encode()
    _refused(journal, _write_zip(tmp_path, members), r"contacts\.csv, row 1: replied: ")


@pytest.mark.parametrize("change", ["more", "fewer"])
def test_a_csv_row_with_the_wrong_cell_count_is_named(journal, source, tmp_path, change):
    members = _zip_members(source, tmp_path)
    header, row, *rest = members["checkins.csv"].decode().split("\r\n")
    row = row + ",extra" if change == "more" else ",".join(row.split(",")[:3])
    members["checkins.csv"] = "\r\n".join([header, row, *rest]).encode()
    _refused(journal, _write_zip(tmp_path, members), r"checkins\.csv, row 1: has \d+ cells")


def test_an_unknown_csv_column_is_named(journal, source, tmp_path):
    members = _zip_members(source, tmp_path)
    members["checkins.csv"] = members["checkins.csv"].replace(b"mood", b"moood", 1)
    _refused(journal, _write_zip(tmp_path, members), r"checkins\.csv: the column 'moood'")


def test_a_zip_with_a_broken_member_is_called_damaged(journal, source, tmp_path):
    members = _zip_members(source, tmp_path)
    path = _write_zip(tmp_path, members)
    data = bytearray(path.read_bytes())
    start = data.index(b"checkins.csv") + len("checkins.csv")
    data[start + 5:start + 25] = b"\xff" * 20  # scramble the compressed checkins data
    path.write_bytes(bytes(data))
    with pytest.raises(ValidationError):
        import_file(journal, path)


# --- mutations of valid exports: never a traceback, rows unchanged when refused ------------

def _mutations() -> st.SearchStrategy[Any]:
    return st.one_of(st.none(), st.booleans(), st.integers(-3, 300), st.floats(allow_nan=False),
                     st.text(max_size=12), st.lists(st.integers(0, 3), max_size=3),
                     st.dictionaries(st.text(max_size=4), st.integers(), max_size=2))


def _paths(doc: Any, prefix: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    found = [prefix]
    if isinstance(doc, dict):
        for key, value in doc.items():
            found += _paths(value, (*prefix, key))
    elif isinstance(doc, list):
        for index, value in enumerate(doc):
            found += _paths(value, (*prefix, index))
    return found


def _check_import(journal: Journal, path: Path) -> None:
    before = snapshot(journal)
    try:
        import_file(journal, path)
    except (ValidationError, JournalError):
        assert snapshot(journal) == before


@pytest.fixture(scope="module")
def valid_export(tmp_path_factory: pytest.TempPathFactory) -> tuple[dict[str, Any], dict]:
    folder = tmp_path_factory.mktemp("valid")
    with Journal.open(folder / "s.sqlite3") as j:
        _fill(j)
        doc = json.loads(export(j, folder / "e.json").read_text())
        with zipfile.ZipFile(export(j, folder / "e.zip")) as zf:
            members = {name: zf.read(name) for name in zf.namelist()}
    return doc, members


@settings(max_examples=150, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(data=st.data())
def test_mutated_json_exports_never_raise_a_traceback(journal, tmp_path, valid_export, data):
    doc = json.loads(json.dumps(valid_export[0]))
    for _ in range(data.draw(st.integers(1, 3))):
        where = data.draw(st.sampled_from(_paths(doc)[1:]))
        parent = doc
        for key in where[:-1]:
            parent = parent[key]
        action = data.draw(st.sampled_from(["swap", "drop", "extra"]))
        if action == "swap":
            parent[where[-1]] = data.draw(_mutations())
        elif action == "drop" and isinstance(parent, dict):
            del parent[where[-1]]
        elif isinstance(parent, dict):
            parent[data.draw(st.text(min_size=1, max_size=6))] = data.draw(_mutations())
    raw = json.dumps(doc).encode()
    if data.draw(st.booleans()):
        raw = raw[: data.draw(st.integers(0, len(raw)))]
    path = tmp_path / "m.json"
    path.write_bytes(raw)
    _check_import(journal, path)


@settings(max_examples=150, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(data=st.data())
def test_mutated_zip_exports_never_raise_a_traceback(journal, tmp_path, valid_export, data):
    members = dict(valid_export[1])
    name = data.draw(st.sampled_from(sorted(members)))
    action = data.draw(st.sampled_from(["truncate", "drop", "column", "cells", "swap", "bytes"]))
    content = members[name]
    if action == "truncate":
        members[name] = content[: data.draw(st.integers(0, len(content)))]
    elif action == "drop":
        del members[name]
    elif action == "column":
        lines = content.split(b"\r\n")
        lines[0] = lines[0] + b"," + data.draw(st.sampled_from([b"mood", b"x", b""]))
        members[name] = b"\r\n".join(lines)
    elif action == "cells":
        members[name] = content.replace(b",", data.draw(st.sampled_from([b",,", b""])), 1)
    elif action == "swap":
        members[name] = content.replace(data.draw(st.sampled_from([b"7", b"1", b"0", b"true"])),
                                        data.draw(st.sampled_from([b"x", b"", b"true", b"-9"])))
    else:
        members[name] = data.draw(st.binary(max_size=40))
    path = _write_zip(tmp_path, members, "m.zip")
    raw = path.read_bytes()
    if data.draw(st.booleans()):
        path.write_bytes(raw[: data.draw(st.integers(0, len(raw)))])
    _check_import(journal, path)
