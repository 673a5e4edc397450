"""How big and how deep an export may be: what the import reads, and so what the export writes.

An export is checked before anything is read into memory: the file's size, and for a
zip the total uncompressed size, the number of members and the compression ratio (a
"zip bomb"); a JSON document's nesting after parsing. The limits keep absurd files
out; they are far above what a journal holds, and an export over them is refused when
it is written rather than when it is read back (an export the kit wrote always imports).
"""

from __future__ import annotations

import zipfile
from pathlib import Path

from exback_kit.content import texts
from exback_kit.errors import ValidationError

#: The largest export the kit reads, and so writes (a decade of daily entries is a few MB;
#: the earlier 64 MB refused a long journal's own export). It only keeps out absurd files.
MAX_IMPORT_BYTES = 1024 * 1024 * 1024
#: A zip whose contents expand more than this many times is refused (a "zip bomb").
MAX_ZIP_RATIO = 200
MAX_ZIP_MEMBERS = 64
#: How deeply lists and objects may nest in a JSON export (the kit writes 4 levels).
MAX_DEPTH = 32
_MB = 1024 * 1024


def too_deep(doc: object) -> bool:
    """Return True if lists/objects in ``doc`` nest more than :data:`MAX_DEPTH` levels."""
    stack: list[tuple[object, int]] = [(doc, 1)]
    while stack:
        value, depth = stack.pop()
        if isinstance(value, dict | list):
            if depth > MAX_DEPTH:
                return True
            items = value.values() if isinstance(value, dict) else value
            stack.extend((item, depth + 1) for item in items)
    return False


def check_file_size(path: Path) -> None:
    """Refuse a file larger than an export can be, before reading it.

    Raises:
        ValidationError: the file is over :data:`MAX_IMPORT_BYTES` (nothing is read).
    """
    size = path.stat().st_size
    if size > MAX_IMPORT_BYTES:
        raise ValidationError(texts.IMPORT_TOO_BIG.format(
            path=path, size=size // _MB + 1, limit=MAX_IMPORT_BYTES // _MB), field="file")


def check_zip_size(path: Path, zf: zipfile.ZipFile) -> None:
    """Refuse a zip before reading it if it would expand beyond the limits."""
    infos = zf.infolist()
    total = sum(i.file_size for i in infos)
    packed = sum(i.compress_size for i in infos)
    if len(infos) > MAX_ZIP_MEMBERS or total > MAX_IMPORT_BYTES or (
            total > _MB and total > MAX_ZIP_RATIO * max(packed, 1)):
        raise ValidationError(texts.IMPORT_TOO_BIG.format(
            path=path, size=total // _MB + 1, limit=MAX_IMPORT_BYTES // _MB), field="file")


def check_written(data: bytes) -> bytes:
    """Return an export's bytes if the kit's import can read them back.

    Raises:
        ValidationError: the export would be over :data:`MAX_IMPORT_BYTES` (not written).
    """
    if len(data) > MAX_IMPORT_BYTES:
        raise ValidationError(texts.EXPORT_TOO_BIG.format(
            size=len(data) // _MB + 1, limit=MAX_IMPORT_BYTES // _MB), field="file")
    return data
