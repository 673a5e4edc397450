"""Export the journal to a file in any format of :mod:`exback_kit.interchange.formats`,
and import one back.

With a passphrase the export is sealed as a standard age file (``pyrage``, passphrase
mode), which the ``age`` tool opens too (``age -d FILE``); the plain bytes never touch
the disk. An import is checked before anything is read into memory (its size, and
for a zip the total uncompressed size and compression ratio), then every value's type
is checked: nothing is coerced (``bool("false")`` is True), so a wrong type is a
message naming the file, row and field, and nothing is written.
"""

from __future__ import annotations

import os
from datetime import datetime
from pathlib import Path

from exback_kit.content import texts
from exback_kit.errors import ValidationError
from exback_kit.interchange import formats, sealed
from exback_kit.interchange.import_limits import check_file_size, check_written
from exback_kit.store import Journal
from exback_kit.store.files import write_private


def export(journal: Journal, out: str | os.PathLike[str], fmt: str | None = None, *,
           passphrase: str | None = None) -> Path:
    """Export the journal to ``out``; the format comes from ``fmt`` or the file's extension.

    With ``passphrase`` the file is an age file: ``export.zip.age`` keeps the zip's
    format in its name (a bare ``.age`` means csv).

    Raises:
        ValidationError: the format is not one the kit writes (see
            :func:`exback_kit.interchange.formats.for_writing`), or the passphrase is empty.
    """
    out = Path(out)
    _, write = formats.for_writing(fmt, out, sealed=passphrase is not None)
    data = write(journal)
    written = data if passphrase is None else sealed.seal(data, passphrase)
    write_private(out, check_written(written))  # what the kit writes, its import reads back
    return out


def sealed_path(out: str | os.PathLike[str]) -> Path:
    """Return ``out`` named as the sealed file it will be: ``.age`` added unless it is there."""
    out = Path(out)
    if out.name.lower().endswith(sealed.SEALED_EXTENSION):
        return out
    return out.with_name(out.name + sealed.SEALED_EXTENSION)


def file_bytes(path: Path, passphrase: str | None = None) -> bytes:
    """Return the bytes of a file to import, unsealed in memory if it is an age file.

    Raises:
        ValidationError: the file is missing or too big, or sealed and ``passphrase``
            does not open it.
    """
    if not path.is_file():
        raise ValidationError(texts.NO_SUCH_FILE.format(path=path), field="file")
    check_file_size(path)
    # the size was checked above; a sealed export is opened in memory only
    return sealed.unseal(path, passphrase) if sealed.is_sealed(path) else path.read_bytes()


def import_file(journal: Journal, path: str | os.PathLike[str], *,
                passphrase: str | None = None, fmt: str | None = None) -> dict[str, int]:
    """Add a file's entries to the journal; return how many were new per kind.

    The format is ``fmt`` or the one the file's extension names (an exback-kit export
    with another extension is read as what its content is). Entries already in the
    journal are skipped, so importing the same file twice adds nothing. Every row and
    setting is checked first; if one is bad, nothing is written.

    Raises:
        ValidationError: the format is not one the kit reads, the file is not what its
            format says, or a row breaks a field's rules (the message names the file or
            kind, the row and the field).
    """
    path = Path(path).expanduser()
    data = file_bytes(path, passphrase)
    _, read = formats.for_reading(fmt, path, data, sealed=sealed.is_sealed(path))
    return read(journal, path, data)


def timestamped_name(fmt: str) -> str:
    """Return a default export file name such as exback-export-20261126-0930.zip."""
    return formats.file_name(f"exback-export-{datetime.now():%Y%m%d-%H%M}", fmt)
