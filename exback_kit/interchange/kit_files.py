"""The kit's own export files, a zip of CSVs and one JSON document: their bytes, and
reading them back checked.

Both carry a manifest, so reading refuses any file that was not made by this kit.
Reading changes nothing: :mod:`exback_kit.interchange.kit_import` adds what was read
to a journal.
"""

from __future__ import annotations

import csv
import io
import json
import zipfile
import zlib
from pathlib import Path
from typing import Any, TypeGuard

from exback_kit.content import texts
from exback_kit.errors import ValidationError
from exback_kit.interchange.import_limits import MAX_DEPTH, check_zip_size, too_deep
from exback_kit.store import SCHEMA_VERSION, Journal, reads, validate
from exback_kit.store.schema import TABLES, Field
from exback_kit.store.settings import check_setting

FORMAT_NAME = "exback-kit export"
FORMAT_VERSION = 1
#: A spreadsheet runs a cell that starts with one of these as a formula.
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
ESCAPE = "'"

Rows = dict[str, list[dict[str, Any]]]
#: What an export holds: (tables, settings, manifest).
Contents = tuple[Rows, dict[str, Any], dict[str, Any]]


# --- spreadsheet-safe cells ---------------------------------------------------

def neutralise(cell: str) -> str:
    """Return ``cell`` safe to open in a spreadsheet; :func:`restore_cell` undoes it.

    A leading apostrophe is added to text starting with a formula character or
    with an apostrophe itself, so the mapping is exactly reversible.
    """
    if cell.startswith((*FORMULA_STARTS, ESCAPE)):
        return ESCAPE + cell
    return cell


def restore_cell(cell: str) -> str:
    """Undo :func:`neutralise`."""
    return cell[1:] if cell.startswith(ESCAPE) else cell


# --- reading the journal as plain rows -------------------------------------------

def snapshot(journal: Journal) -> tuple[Rows, dict[str, Any]]:
    """Return every table's rows as stored (JSON fields as text) and all settings."""
    return {kind: reads.stored_rows(journal, kind) for kind in TABLES}, reads.all_settings(journal)


def _manifest(journal: Journal) -> dict[str, Any]:
    return {"format": FORMAT_NAME, "version": FORMAT_VERSION, "schema_version": SCHEMA_VERSION,
            "exported_at": validate.now().isoformat(), "demo": journal.is_demo}


# --- exporters -------------------------------------------------------------------

def json_bytes(journal: Journal) -> bytes:
    """Return the whole journal as one JSON document."""
    tables, settings = snapshot(journal)
    doc = {**_manifest(journal), "settings": settings, "tables": tables}
    return json.dumps(doc, ensure_ascii=False, indent=1).encode("utf-8")


def _csv_bytes(kind: str, rows: list[dict[str, Any]]) -> bytes:
    names = ["at", "day", *(f.name for f in TABLES[kind]), "uuid"]
    buf = io.StringIO(newline="")
    writer = csv.writer(buf)
    writer.writerow(names)
    for row in rows:
        writer.writerow(["" if row[n] is None else
                         neutralise(row[n]) if isinstance(row[n], str) else row[n]
                         for n in names])
    return buf.getvalue().encode("utf-8")


def zip_bytes(journal: Journal) -> bytes:
    """Return a zip with one CSV per kind of entry, settings.json and manifest.json."""
    tables, settings = snapshot(journal)
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as zf:
        zf.writestr("manifest.json", json.dumps(_manifest(journal), indent=1))
        zf.writestr("settings.json", json.dumps(settings, ensure_ascii=False, indent=1))
        for kind, rows in tables.items():
            zf.writestr(f"{kind}.csv", _csv_bytes(kind, rows))
    return buf.getvalue()



# --- import ---------------------------------------------------------------------
# An export is checked before anything is read into memory (size, and for a zip the
# total uncompressed size and compression ratio), then every value's type is
# checked: nothing is coerced (``bool("false")`` is True), so a wrong type is a
# message naming the file, row and field, and nothing is written.

_ZIP_ERRORS = (zipfile.BadZipFile, zipfile.LargeZipFile, RuntimeError, NotImplementedError,
               EOFError, zlib.error)


def _not_export(path: Path) -> ValidationError:
    return ValidationError(texts.NOT_AN_EXPORT.format(path=path), field="file")


def _parse_json(path: Path, data: bytes, name: str) -> Any:
    """Return the JSON in ``data`` (a UTF-8 BOM is fine), or refuse it naming ``name``.

    For a whole file (``name`` is the file's own name) text that isn't JSON at all
    just means "not an export"; inside an export the message says where.
    """
    whole_file = name == path.name
    try:
        doc = json.loads(data.decode("utf-8-sig"))
    except (UnicodeDecodeError, json.JSONDecodeError) if whole_file else ():  # noqa: B030
        raise _not_export(path) from None
    except UnicodeDecodeError:
        raise ValidationError(texts.IMPORT_NOT_UTF8.format(path=path, name=name),
                              field="file") from None
    except RecursionError:
        raise ValidationError(texts.IMPORT_TOO_DEEP.format(
            path=path, name=name, depth=MAX_DEPTH), field="file") from None
    except json.JSONDecodeError as exc:
        raise ValidationError(texts.IMPORT_BAD_JSON.format(
            path=path, name=name, line=exc.lineno, column=exc.colno), field="file") from None
    if too_deep(doc):
        raise ValidationError(texts.IMPORT_TOO_DEEP.format(path=path, name=name, depth=MAX_DEPTH),
                              field="file")
    return doc


def _whole_number(value: object) -> TypeGuard[int]:
    return isinstance(value, int) and not isinstance(value, bool)


def _check_manifest(path: Path, doc: object) -> dict[str, Any]:
    """Return the export's manifest, or refuse a file the kit did not write (or a newer one)."""
    if not isinstance(doc, dict) or doc.get("format") != FORMAT_NAME:
        raise _not_export(path)
    for name in ("version", "schema_version"):
        value = doc.get(name)
        if not (_whole_number(value) and value >= 0):
            raise ValidationError(texts.IMPORT_BAD_MANIFEST.format(
                path=path, field=name, value=repr(value)[:40]), field=name)
    if doc["version"] > FORMAT_VERSION or doc["schema_version"] > SCHEMA_VERSION:
        raise ValidationError(texts.NEWER_EXPORT.format(path=path), field="file")
    if doc["version"] < FORMAT_VERSION:
        raise _not_export(path)
    if not isinstance(doc.get("demo", False), bool):
        raise ValidationError(texts.IMPORT_BAD_MANIFEST.format(
            path=path, field="demo", value=repr(doc.get("demo"))[:40]), field="demo")
    return doc


def _check_settings(path: Path, settings: object) -> dict[str, Any]:
    """Return the export's settings, each checked as :meth:`Journal.set_setting` checks it."""
    if not isinstance(settings, dict):
        raise ValidationError(texts.IMPORT_BAD_SETTINGS.format(path=path), field="settings")
    for key, value in settings.items():
        try:
            check_setting(key, value)
        except ValidationError as exc:
            raise ValidationError(texts.IN_IMPORT_SETTING.format(key=str(key)[:40], problem=exc),
                                  field="settings") from None
    return settings


def read_json(path: Path, data: bytes) -> Contents:
    """Return (tables, settings, manifest) from a JSON export's bytes, checked.

    Raises:
        ValidationError: not an exback-kit export, from a newer kit, or malformed.
    """
    doc = _parse_json(path, data, path.name)
    manifest = _check_manifest(path, doc)
    tables = doc.get("tables")
    if not isinstance(tables, dict):
        raise _not_export(path)
    return tables, _check_settings(path, doc.get("settings", {})), manifest


def _csv_cell(spec: Field | None, cell: str) -> Any:
    """Turn one CSV cell back into its field's value; :mod:`validate` checks it after."""
    if spec is not None and spec.kind in ("int", "float", "bool", "date", "moment") and cell == "":
        return None
    if spec is not None and spec.kind == "bool":
        return {"0": 0, "1": 1}.get(cell, cell)  # anything else is refused by validate.flag
    if spec is not None and spec.kind in ("int", "float"):
        return cell  # validate.number reads the text and names the field if it isn't one
    return restore_cell(cell)


def _csv_rows(path: Path, name: str, text: str, specs: tuple[Field, ...]) -> list[dict[str, Any]]:
    """Return a CSV's rows as field values, or say which row and column is wrong."""
    by_name = {s.name: s for s in specs}
    allowed = ["at", "day", *by_name, "uuid"]
    reader = csv.DictReader(io.StringIO(text, newline=""))
    try:
        header = reader.fieldnames or []
        unknown = [c for c in header if c not in allowed]
        if unknown or len(set(header)) != len(header):
            raise ValidationError(texts.CSV_BAD_COLUMN.format(
                name=name, column=(unknown or header)[0], allowed=", ".join(allowed)),
                field=name)
        rows = []
        for number, row in enumerate(reader, start=1):
            if None in row or None in row.values():
                raise ValidationError(texts.CSV_CELL_COUNT.format(
                    name=name, number=number, found=len(row.get(None) or []) + sum(
                        v is not None for k, v in row.items() if k is not None),
                    expected=len(header)), field=name)
            rows.append({k: _csv_cell(by_name.get(k), v) for k, v in row.items()})
    except csv.Error as exc:
        raise ValidationError(texts.CSV_UNREADABLE.format(name=name, line=reader.line_num,
                                                          problem=exc), field=name) from None
    return rows


def read_zip(path: Path, data: bytes) -> Contents:
    """Return (tables, settings, manifest) from a zip export's bytes, checked; tables are
    keyed by CSV file name (``checkins.csv``) so that problems name the place in the file.

    Raises:
        ValidationError: not an exback-kit export, from a newer kit, too big, or malformed.
    """
    try:
        zf = zipfile.ZipFile(io.BytesIO(data))
    except _ZIP_ERRORS:
        raise _not_export(path) from None
    try:
        with zf:
            check_zip_size(path, zf)
            names = set(zf.namelist())
            if "manifest.json" not in names:
                raise _not_export(path)
            manifest = _check_manifest(path, _parse_json(path, zf.read("manifest.json"),
                                                         "manifest.json"))
            settings = _check_settings(path, _parse_json(path, zf.read("settings.json"),
                                                         "settings.json")
                                       if "settings.json" in names else {})
            tables: Rows = {}
            for kind, specs in TABLES.items():
                name = f"{kind}.csv"
                if name not in names:
                    continue
                try:
                    text = zf.read(name).decode("utf-8-sig")
                except UnicodeDecodeError:
                    raise ValidationError(texts.IMPORT_NOT_UTF8.format(path=path, name=name),
                                          field="file") from None
                tables[name] = _csv_rows(path, name, text, specs)
    except _ZIP_ERRORS:
        raise ValidationError(texts.IMPORT_DAMAGED_ZIP.format(path=path), field="file") from None
    return tables, settings, manifest

