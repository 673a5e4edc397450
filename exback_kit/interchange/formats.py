"""Every exchange format the kit writes or reads, in one registry.

A format has a name (what ``--format`` takes), the extension its files carry, a
writer (journal -> the file's bytes) and a reader (adds a file's entries to a
journal). ``exback export``, ``exback import`` and ``exback import-daylio`` look
formats up here; the extension chooses the format of a file, and the reader checks
that the content really is one (a zip that isn't, a JSON document without the kit's
manifest, a CSV without Daylio's columns are refused, naming the file).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from exback_kit.content import texts
from exback_kit.errors import ValidationError
from exback_kit.interchange.daylio import read_daylio
from exback_kit.interchange.kit_files import json_bytes, zip_bytes
from exback_kit.interchange.kit_import import import_json, import_zip
from exback_kit.interchange.markdown import markdown_bytes
from exback_kit.interchange.sealed import SEALED_EXTENSION
from exback_kit.store import Journal

#: Returns the whole journal as the file's bytes (written plain or sealed by the caller).
Writer = Callable[[Journal], bytes]
#: Adds the entries of a file's bytes (already size-checked and unsealed) to the journal;
#: returns how many were new per kind.
Reader = Callable[[Journal, Path, bytes], dict[str, int]]


@dataclass(frozen=True)
class ExchangeFormat:
    """One format: ``write`` is None for a format the kit only reads (Daylio), ``read`` for
    one it only writes (Markdown)."""

    name: str
    extension: str
    write: Writer | None
    read: Reader | None


#: Daylio's CSV export: read only, and with a preview of how its moods map (import-daylio).
DAYLIO = "daylio"
#: Every format by name, in the order messages and ``--format`` list them.
FORMATS: dict[str, ExchangeFormat] = {f.name: f for f in (
    ExchangeFormat("csv", ".zip", write=zip_bytes, read=import_zip),
    ExchangeFormat("json", ".json", write=json_bytes, read=import_json),
    ExchangeFormat("markdown", ".md", write=markdown_bytes, read=None),
    ExchangeFormat(DAYLIO, ".csv", write=None, read=read_daylio),
)}
#: The format a sealed file with no other extension holds (``export.age``).
SEALED_DEFAULT = "csv"


def writable() -> list[str]:
    """Return the names of the formats the kit can write."""
    return [f.name for f in FORMATS.values() if f.write is not None]


def readable() -> list[str]:
    """Return the names of the formats the kit can read."""
    return [f.name for f in FORMATS.values() if f.read is not None]


def extensions(path: str | Path, *, sealed: bool = False) -> list[str]:
    """Return ``path``'s extensions in lower case, without ``.age`` when ``sealed``."""
    return [x.lower() for x in Path(path).suffixes
            if not (sealed and x.lower() == SEALED_EXTENSION)]


def by_extension(path: str | Path, *, sealed: bool = False) -> ExchangeFormat | None:
    """Return the format ``path``'s last extension names (``.zip.age`` is a sealed zip), or None."""
    kinds = extensions(path, sealed=sealed)
    return next((f for f in FORMATS.values() if kinds and f.extension == kinds[-1]), None)


def for_writing(name: str | None, out: str | Path, *,
                sealed: bool = False) -> tuple[ExchangeFormat, Writer]:
    """Return the format named ``name``, or else the one ``out``'s extension names (a sealed
    file with no other extension holds :data:`SEALED_DEFAULT`), and its writer.

    Raises:
        ValidationError: no such format, or the kit can't write it (names the field
            ``format`` and the formats allowed).
    """
    if name:
        fmt = FORMATS.get(name)
    elif sealed and not extensions(out, sealed=True):
        fmt = FORMATS[SEALED_DEFAULT]  # a bare ``export.age``
    else:
        fmt = by_extension(out, sealed=sealed)
    if fmt is None or fmt.write is None:
        raise ValidationError(texts.BAD_EXPORT_FORMAT.format(
            value=name or Path(out).suffix, allowed=", ".join(writable())), field="format")
    return fmt, fmt.write


def for_reading(name: str | None, path: str | Path, data: bytes, *,
                sealed: bool = False) -> tuple[ExchangeFormat, Reader]:
    """Return the format named ``name`` or by ``path``'s extension, and its reader.

    A file whose extension names no format (``export.bak``) is one of the kit's own
    exports: a zip if its content is one, JSON otherwise.

    Raises:
        ValidationError: no such format, or the kit can't read it (names the field
            ``format`` and the formats allowed).
    """
    fmt = FORMATS.get(name) if name else by_extension(path, sealed=sealed)
    if fmt is None and not name:
        fmt = FORMATS["csv" if data.startswith(b"PK") else "json"]
    if fmt is None or fmt.read is None:
        raise ValidationError(texts.BAD_IMPORT_FORMAT.format(
            value=name or (fmt.name if fmt else Path(path).suffix),
            allowed=", ".join(f"{n} ({FORMATS[n].extension})" for n in readable())),
            field="format")
    return fmt, fmt.read


def file_name(stem: str, name: str) -> str:
    """Return ``stem`` with the extension of the format ``name`` (or ``.name``)."""
    fmt = FORMATS.get(name)
    return stem + (fmt.extension if fmt else "." + name)
