"""Plain exports of the whole journal (a zip of CSVs, or JSON) and their import.

Exporters and importers register by name in :data:`EXPORTERS`; the command line
and the notebooks look formats up there. An export carries a manifest, so an
import refuses any file that was not made by this kit. With a passphrase the
export is sealed as a standard age file (``pyrage``, passphrase mode), which the
``age`` tool opens too (``age -d FILE``); the plain bytes never touch the disk.
"""

from __future__ import annotations

import csv
import io
import json
import os
import zipfile
import zlib
from collections.abc import Callable, Iterator
from datetime import datetime
from pathlib import Path
from typing import Any, TypeGuard

from exback_kit.content import texts
from exback_kit.errors import ValidationError
from exback_kit.interchange import sealed
from exback_kit.interchange.import_limits import (
    MAX_DEPTH,
    check_file_size,
    check_written,
    check_zip_size,
    too_deep,
)
from exback_kit.interchange.markdown import markdown_bytes
from exback_kit.store import SCHEMA_VERSION, Journal, reads, validate
from exback_kit.store.files import write_private
from exback_kit.store.schema import TABLES, Field

FORMAT_NAME = "exback-kit export"
FORMAT_VERSION = 1
#: A spreadsheet runs a cell that starts with one of these as a formula.
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
ESCAPE = "'"

Rows = dict[str, list[dict[str, Any]]]


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


Exporter = Callable[[Journal], bytes]
#: Export formats by name: each returns the file's bytes (written plain or sealed).
EXPORTERS: dict[str, Exporter] = {"csv": zip_bytes, "json": json_bytes,
                                  "markdown": markdown_bytes}
SUFFIXES = {"csv": ".zip", "json": ".json", "markdown": ".md"}  # each format's file suffix


def export(journal: Journal, out: str | os.PathLike[str], fmt: str | None = None, *,
           passphrase: str | None = None) -> Path:
    """Export the journal to ``out``; the format comes from ``fmt`` or the file suffix.

    With ``passphrase`` the file is an age file: ``export.zip.age`` keeps the zip's
    format in its name (a bare ``.age`` means csv).

    Raises:
        ValidationError: the format is not one of :data:`EXPORTERS`, or the passphrase is empty.
    """
    out = Path(out)
    kinds = [x.lower() for x in out.suffixes if passphrase is None or x.lower() != ".age"]
    default = "csv" if passphrase is not None and not kinds else ""
    fmt = fmt or {v: k for k, v in SUFFIXES.items()}.get(kinds[-1] if kinds else "", default)
    if fmt not in EXPORTERS:
        raise ValidationError(texts.BAD_EXPORT_FORMAT.format(
            value=fmt or out.suffix, allowed=", ".join(EXPORTERS)), field="format")
    data = EXPORTERS[fmt](journal)
    written = data if passphrase is None else sealed.seal(data, passphrase)
    write_private(out, check_written(written))  # what the kit writes, its import reads back
    return out


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
            validate.setting(key, value)
        except ValidationError as exc:
            raise ValidationError(texts.IN_IMPORT_SETTING.format(key=str(key)[:40], problem=exc),
                                  field="settings") from None
    return settings


def _read_json(path: Path, data: bytes) -> tuple[Rows, dict[str, Any], dict[str, Any]]:
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


def _read_zip(path: Path, data: bytes) -> tuple[Rows, dict[str, Any], dict[str, Any]]:
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


def read_export(path: str | os.PathLike[str], *, passphrase: str | None = None
                ) -> tuple[Rows, dict[str, Any], dict[str, Any]]:
    """Return (tables, settings, manifest) from an export, or refuse a file it does not know.

    An age file (a sealed export) is opened with ``passphrase``, in memory only.

    Tables are keyed by kind (JSON) or by CSV file name (``checkins.csv``), so that
    problems name the place in the file.

    Raises:
        ValidationError: the file is not an exback-kit export, is from a newer kit,
            is too big, is malformed (the message says where), or is sealed and the
            passphrase does not open it.
    """
    path = Path(path).expanduser()
    if not path.is_file():
        raise ValidationError(texts.NO_SUCH_FILE.format(path=path), field="file")
    check_file_size(path)
    # the size was checked above; a sealed export is opened in memory only
    data = sealed.unseal(path, passphrase) if sealed.is_sealed(path) else path.read_bytes()
    return _read_zip(path, data) if data.startswith(b"PK") else _read_json(path, data)


def _decoded(spec: Field, value: object) -> object:
    """Return a list/JSON field's value: exports store it as JSON text."""
    if spec.kind not in ("list", "json") or not isinstance(value, str):
        return value
    try:
        decoded = json.loads(value)
    except (json.JSONDecodeError, RecursionError):
        raise ValidationError(texts.BAD_ANSWER.format(field=spec.name, value=repr(value[:40])),
                              field=spec.name) from None
    if too_deep(decoded):
        raise ValidationError(texts.BAD_ANSWER.format(field=spec.name, value=repr(value[:40])),
                              field=spec.name)
    return decoded


def _stored_row(kind: str, row: object) -> tuple[Any, ...]:
    """Validate one imported row; return it in column order (at, day, fields…, uuid or None)."""
    if not isinstance(row, dict):
        raise ValidationError(texts.IMPORT_ROW_NOT_OBJECT.format(value=repr(row)[:40]),
                              field="row")
    specs = TABLES[kind]
    extra = sorted(str(k) for k in set(row) - {"at", "day", "uuid", *(s.name for s in specs)})
    if extra:
        raise ValidationError(texts.UNKNOWN_FIELD.format(
            kind=kind, field=extra[0], allowed=", ".join(["at", "day", *(s.name for s in specs)])),
            field=extra[0])
    values = {spec.name: _decoded(spec, row.get(spec.name)) for spec in specs}
    clean = validate.record(kind, specs, values)
    at = validate.moment(row.get("at"), future_ok=True).isoformat()
    day = validate.day(row.get("day") or at[:10], "day", future_ok=True)
    return (at, day, *clean.values(), validate.record_id(row.get("uuid") or None))


def _iter_rows(tables: Rows) -> Iterator[tuple[str, str, list[Any]]]:
    """Yield (kind, where it came from, rows) for every table of the export."""
    for source, rows in tables.items():
        kind = source.removesuffix(".csv")
        if kind not in TABLES:
            raise ValidationError(texts.UNKNOWN_KIND.format(kind=kind, allowed=", ".join(TABLES)),
                                  field="kind")
        if not isinstance(rows, list):
            raise ValidationError(texts.IMPORT_TABLE_NOT_LIST.format(kind=source), field="kind")
        yield kind, source, rows


def import_file(journal: Journal, path: str | os.PathLike[str], *,
                passphrase: str | None = None) -> dict[str, int]:
    """Add an export's entries to the journal; return how many were new per kind.

    Entries already in the journal (same moment and same values) are skipped, so
    importing the same file twice adds nothing. Every row and setting is checked
    first; if one is bad, nothing is written.

    Raises:
        ValidationError: the file is not an export, or a row breaks a field's rules
            (the message names the file or kind, the row and the field).
    """
    tables, settings, manifest = read_export(path, passphrase=passphrase)
    if manifest.get("demo") and not journal.is_demo:
        raise ValidationError(texts.DEMO_EXPORT.format(path=path), field="file")
    prepared: dict[str, list[tuple[Any, ...]]] = {}
    for kind, source, rows in _iter_rows(tables):
        out = []
        for number, row in enumerate(rows, start=1):
            try:
                out.append(_stored_row(kind, row))
            except ValidationError as exc:
                raise ValidationError(texts.IN_IMPORT_ROW.format(kind=source, number=number,
                                                                 problem=exc),
                                      field=exc.field) from None
        prepared[kind] = out
    return journal.merge_rows(prepared, settings)


def timestamped_name(fmt: str) -> str:
    """Return a default export file name such as exback-export-20261126-0930.zip."""
    return f"exback-export-{datetime.now():%Y%m%d-%H%M}{SUFFIXES.get(fmt, '.' + fmt)}"
