"""One registry of exchange formats: each format's extension is the one written, a file's
extension chooses its reader, and a format the kit can't write or read is named."""

from __future__ import annotations

import zipfile

import pytest

from exback_kit import Journal, ValidationError
from exback_kit.interchange import formats
from exback_kit.interchange.exports import export, import_file, timestamped_name

WRITABLE = [f for f in formats.FORMATS.values() if f.write is not None]
READABLE = [f for f in formats.FORMATS.values() if f.read is not None]


@pytest.fixture
def journal(tmp_path):
    with Journal.open(tmp_path / "j.sqlite3") as j:
        j.add_checkin(mood=6, note="a walk")
        yield j


def test_the_registry_holds_every_format_with_its_extension():
    assert {(f.name, f.extension) for f in formats.FORMATS.values()} == {
        ("csv", ".zip"), ("json", ".json"), ("markdown", ".md"), ("daylio", ".csv")}
    assert formats.writable() == ["csv", "json", "markdown"]
    assert formats.readable() == ["csv", "json", "daylio"]


@pytest.mark.parametrize("fmt", WRITABLE, ids=lambda f: f.name)
def test_every_format_is_written_under_its_own_extension(tmp_path, journal, fmt):
    """A name without an extension gets the format's; the bytes are its writer's."""
    name = timestamped_name(fmt.name)
    assert name.endswith(fmt.extension)
    out = export(journal, tmp_path / name)
    assert out.read_bytes()[:2] == fmt.write(journal)[:2]  # type: ignore[misc]
    assert zipfile.is_zipfile(out) == (fmt.name == "csv")


@pytest.mark.parametrize("fmt", [f for f in WRITABLE if f.read is not None], ids=lambda f: f.name)
def test_the_extension_chooses_the_reader(tmp_path, journal, fmt):
    out = export(journal, tmp_path / f"e{fmt.extension}")
    with Journal.open(tmp_path / "other.sqlite3") as other:
        assert import_file(other, out)["checkins"] == 1


def test_the_content_is_only_a_check_a_zip_named_json_is_refused(tmp_path, journal):
    out = export(journal, tmp_path / "e.zip")
    renamed = out.rename(tmp_path / "e.json")
    with Journal.open(tmp_path / "other.sqlite3") as other, \
            pytest.raises(ValidationError, match="isn't an exback-kit export"):
        import_file(other, renamed)


def test_a_file_with_another_extension_is_read_as_the_kit_export_it_holds(tmp_path, journal):
    out = export(journal, tmp_path / "e.zip").rename(tmp_path / "e.bak")
    with Journal.open(tmp_path / "other.sqlite3") as other:
        assert import_file(other, out)["checkins"] == 1


@pytest.mark.parametrize("name, value", [("xlsx", "xlsx"), ("daylio", "daylio")])
def test_a_format_the_kit_cannot_write_is_named_with_the_allowed_ones(tmp_path, journal,
                                                                     name, value):
    with pytest.raises(ValidationError, match=f"format: '{value}' .*csv, json, markdown") as err:
        export(journal, tmp_path / "out", name)
    assert err.value.field == "format"


def test_an_extension_the_kit_cannot_write_is_named(tmp_path, journal):
    with pytest.raises(ValidationError, match=r"format: '\.csv' .* csv, json, markdown"):
        export(journal, tmp_path / "out.csv")


def test_markdown_is_write_only_and_its_import_names_the_readable_formats(tmp_path, journal):
    out = export(journal, tmp_path / "words.md")
    with pytest.raises(ValidationError, match=r"'markdown' isn't a format the kit can read.*"
                       r"csv \(\.zip\), json \(\.json\), daylio \(\.csv\)") as err:
        import_file(journal, out)
    assert err.value.field == "format"


def test_a_named_format_wins_over_the_extension(tmp_path, journal):
    out = export(journal, tmp_path / "e.txt", "json")
    with Journal.open(tmp_path / "other.sqlite3") as other:
        assert import_file(other, out, fmt="json")["checkins"] == 1
        with pytest.raises(ValidationError, match="isn't an exback-kit export"):
            import_file(other, out, fmt="csv")


def test_daylio_is_a_read_only_format_in_the_registry(tmp_path):
    daylio = formats.FORMATS["daylio"]
    assert daylio.write is None and daylio.read is not None
    path = tmp_path / "daylio.csv"
    path.write_text("full_date,date,weekday,time,mood,activities,note_title,note\n"
                    "2024-03-08,March 8,Friday,21:15,good,work,,\n", encoding="utf-8")
    with Journal.open(tmp_path / "j.sqlite3") as j:
        assert import_file(j, path) == {"checkins": 1}
        assert import_file(j, path, fmt="daylio") == {"checkins": 0}  # the same file adds nothing


def test_exback_import_of_a_daylio_csv_says_what_import_daylio_says(tmp_path, capsys):
    """``exback import FILE.csv`` (or ``--format daylio``) is the Daylio import, preview and all."""
    from exback_kit.cli import main

    path = tmp_path / "daylio.csv"
    path.write_text("full_date,date,weekday,time,mood,activities,note_title,note\n"
                    "2024-03-08,March 8,Friday,21:15,good,work,,\n", encoding="utf-8")
    said = []
    for argv in (["import-daylio", str(path)], ["import", str(path)],
                 ["import", "--format", "daylio", str(path)]):
        assert main(["--journal", str(tmp_path / f"j{len(said)}.sqlite3"), *argv]) == 0
        said.append(capsys.readouterr().out)
    assert said[0] == said[1] == said[2]
    assert said[0].startswith("Found 1 Daylio entries from 2024-03-08 to 2024-03-08.")
