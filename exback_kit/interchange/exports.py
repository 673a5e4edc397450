"""Plain exports of the whole journal (a zip of CSVs, or JSON) and their import.

Exporters and importers register by name in :data:`EXPORTERS`; the command line
and the notebooks look formats up there. An export carries a manifest, so an
import refuses any file that was not made by this kit.
"""

from __future__ import annotations

import csv
import io
import json
import os
import zipfile
from collections.abc import Callable, Iterator
from datetime import datetime
from pathlib import Path
from typing import Any

from exback_kit.content import texts
from exback_kit.errors import ValidationError
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

def export_json(journal: Journal, out: Path) -> Path:
    """Write the whole journal as one JSON file."""
    tables, settings = snapshot(journal)
    doc = {**_manifest(journal), "settings": settings, "tables": tables}
    write_private(out, json.dumps(doc, ensure_ascii=False, indent=1).encode("utf-8"))
    return out


def _csv_bytes(kind: str, rows: list[dict[str, Any]]) -> bytes:
    names = ["at", "day", *(f.name for f in TABLES[kind])]
    buf = io.StringIO(newline="")
    writer = csv.writer(buf)
    writer.writerow(names)
    for row in rows:
        writer.writerow(["" if row[n] is None else
                         neutralise(row[n]) if isinstance(row[n], str) else row[n]
                         for n in names])
    return buf.getvalue().encode("utf-8")


def export_csv(journal: Journal, out: Path) -> Path:
    """Write a zip with one CSV per kind of entry, settings.json and manifest.json."""
    tables, settings = snapshot(journal)
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as zf:
        zf.writestr("manifest.json", json.dumps(_manifest(journal), indent=1))
        zf.writestr("settings.json", json.dumps(settings, ensure_ascii=False, indent=1))
        for kind, rows in tables.items():
            zf.writestr(f"{kind}.csv", _csv_bytes(kind, rows))
    write_private(out, buf.getvalue())
    return out


Exporter = Callable[[Journal, Path], Path]
#: Export formats by name.
EXPORTERS: dict[str, Exporter] = {"csv": export_csv, "json": export_json}


def export(journal: Journal, out: str | os.PathLike[str], fmt: str | None = None) -> Path:
    """Export the journal to ``out``; the format comes from ``fmt`` or the file suffix.

    Raises:
        ValidationError: the format is not one of :data:`EXPORTERS`.
    """
    out = Path(out)
    fmt = fmt or {".zip": "csv", ".json": "json"}.get(out.suffix.lower(), "")
    if fmt not in EXPORTERS:
        raise ValidationError(texts.BAD_EXPORT_FORMAT.format(
            value=fmt or out.suffix, allowed=", ".join(EXPORTERS)), field="format")
    return EXPORTERS[fmt](journal, out)


# --- import ---------------------------------------------------------------------

def _not_export(path: Path) -> ValidationError:
    return ValidationError(texts.NOT_AN_EXPORT.format(path=path), field="file")


def _read_json(path: Path) -> tuple[Rows, dict[str, Any], dict[str, Any]]:
    try:
        doc = json.loads(path.read_text(encoding="utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError):
        raise _not_export(path) from None
    manifest = _check_manifest(path, doc)
    tables = doc.get("tables")
    if not isinstance(tables, dict) or not isinstance(doc.get("settings", {}), dict):
        raise _not_export(path)
    return tables, doc.get("settings", {}), manifest


def _check_manifest(path: Path, doc: object) -> dict[str, Any]:
    """Return the export's manifest, or refuse a file the kit did not write."""
    if not isinstance(doc, dict) or doc.get("format") != FORMAT_NAME:
        raise _not_export(path)
    if doc.get("version") != FORMAT_VERSION or doc.get("schema_version", 0) > SCHEMA_VERSION:
        raise ValidationError(texts.NEWER_EXPORT.format(path=path), field="file")
    return doc


def _csv_cell(spec: Field | None, cell: str) -> Any:
    """Turn one CSV cell back into the stored value of its field."""
    if spec is not None and spec.kind in ("int", "float", "bool", "date", "moment") and cell == "":
        return None
    if spec is not None and spec.kind in ("int", "bool"):
        return int(cell)
    if spec is not None and spec.kind == "float":
        return float(cell)
    return restore_cell(cell)


def _read_zip(path: Path) -> tuple[Rows, dict[str, Any], dict[str, Any]]:
    try:
        with zipfile.ZipFile(path) as zf:
            manifest = _check_manifest(path, json.loads(zf.read("manifest.json")))
            settings = json.loads(zf.read("settings.json"))
            tables: Rows = {}
            for kind, specs in TABLES.items():
                if f"{kind}.csv" not in zf.namelist():
                    continue
                by_name = {s.name: s for s in specs}
                reader = csv.DictReader(io.StringIO(zf.read(f"{kind}.csv").decode("utf-8"),
                                                    newline=""))
                tables[kind] = [{k: _csv_cell(by_name.get(k), v) for k, v in row.items()}
                                for row in reader]
    except (zipfile.BadZipFile, KeyError, UnicodeDecodeError, json.JSONDecodeError, ValueError,
            TypeError, AttributeError):
        raise _not_export(path) from None
    return tables, settings, manifest


def read_export(path: str | os.PathLike[str]) -> tuple[Rows, dict[str, Any], dict[str, Any]]:
    """Return (tables, settings, manifest) from an export, or refuse a file it does not know.

    Raises:
        ValidationError: the file is not an exback-kit export, or is from a newer kit.
    """
    path = Path(path)
    if not path.is_file():
        raise ValidationError(texts.NO_SUCH_FILE.format(path=path), field="file")
    with open(path, "rb") as fh:
        head = fh.read(4)
    return _read_zip(path) if head.startswith(b"PK") else _read_json(path)


def _stored_row(kind: str, row: dict[str, Any]) -> tuple[Any, ...]:
    """Validate one imported row; return it in column order (at, day, fields…)."""
    specs = TABLES[kind]
    values = {}
    for spec in specs:
        value = row.get(spec.name)
        if spec.kind in ("list", "json") and isinstance(value, str):
            try:
                value = json.loads(value)
            except json.JSONDecodeError:
                raise ValidationError(texts.BAD_ANSWER.format(field=spec.name, value=value[:40]),
                                      field=spec.name) from None
        if spec.kind == "bool" and value is not None:
            value = bool(value)
        values[spec.name] = value
    clean = validate.record(kind, specs, values)
    at = validate.moment(row.get("at"), future_ok=True).isoformat()
    day = validate.day(row.get("day") or at[:10], "day", future_ok=True)
    return (at, day, *clean.values())


def _iter_rows(tables: Rows) -> Iterator[tuple[str, list[dict[str, Any]]]]:
    for kind, rows in tables.items():
        if kind not in TABLES or not isinstance(rows, list):
            raise ValidationError(texts.UNKNOWN_KIND.format(kind=kind, allowed=", ".join(TABLES)),
                                  field="kind")
        yield kind, rows


def import_file(journal: Journal, path: str | os.PathLike[str]) -> dict[str, int]:
    """Add an export's entries to the journal; return how many were new per kind.

    Entries already in the journal (same moment and same values) are skipped, so
    importing the same file twice adds nothing. Every row is checked first; if
    one is bad, nothing is written.

    Raises:
        ValidationError: the file is not an export, or a row breaks a field's rules.
    """
    tables, settings, manifest = read_export(path)
    if manifest.get("demo") and not journal.is_demo:
        raise ValidationError(texts.DEMO_EXPORT.format(path=path), field="file")
    prepared: dict[str, list[tuple[Any, ...]]] = {}
    for kind, rows in _iter_rows(tables):
        out = []
        for number, row in enumerate(rows, start=1):
            try:
                out.append(_stored_row(kind, row))
            except ValidationError as exc:
                raise ValidationError(texts.IN_IMPORT_ROW.format(kind=kind, number=number,
                                                                 problem=exc),
                                      field=exc.field) from None
        prepared[kind] = out
    return journal.merge_rows(prepared, settings)


def timestamped_name(fmt: str) -> str:
    """Return a default export file name such as exback-export-20261126-0930.zip."""
    return f"exback-export-{datetime.now():%Y%m%d-%H%M}.{'zip' if fmt == 'csv' else fmt}"
