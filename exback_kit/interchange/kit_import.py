"""Adding what an exback-kit export holds to a journal: every row checked as the journal
checks it, and nothing written if one is bad."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from exback_kit.content import texts
from exback_kit.errors import ValidationError
from exback_kit.interchange.import_limits import too_deep
from exback_kit.interchange.kit_files import Contents, Rows, read_json, read_zip
from exback_kit.store import Journal, validate
from exback_kit.store.schema import TABLES, Field


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



def add_contents(journal: Journal, path: Path, contents: Contents) -> dict[str, int]:
    """Add an export's entries to the journal; return how many were new per kind.

    Entries already in the journal (same moment and same values) are skipped, so
    importing the same file twice adds nothing. Every row and setting is checked
    first; if one is bad, nothing is written.

    Raises:
        ValidationError: a demo export into a person's journal, or a row breaks a
            field's rules (the message names the file or kind, the row and the field).
    """
    tables, settings, manifest = contents
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


def import_zip(journal: Journal, path: Path, data: bytes) -> dict[str, int]:
    """Add the entries of a zip export's bytes (see :func:`add_contents`)."""
    return add_contents(journal, path, read_zip(path, data))


def import_json(journal: Journal, path: Path, data: bytes) -> dict[str, int]:
    """Add the entries of a JSON export's bytes (see :func:`add_contents`)."""
    return add_contents(journal, path, read_json(path, data))
