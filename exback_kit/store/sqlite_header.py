"""The first 100 bytes of an SQLite file, read without opening it as a database.

Used where opening would be too slow or could change the file: listing backups
(is each one complete?) and refusing files that are not kit journals.
"""

from __future__ import annotations

from pathlib import Path

TYPE_CHECKING = False  # as typing's, without importing typing at start-up
if TYPE_CHECKING:
    from typing import NamedTuple
else:
    from exback_kit.store.named_tuple import NamedTuple

APPLICATION_ID = 0x45584B54  # "EXKT": marks a file as a kit journal
SQLITE_HEADER = b"SQLite format 3\x00"
HEADER_SIZE = 100


class Header(NamedTuple):
    """What an SQLite header says about its file."""

    page_size: int
    page_count: int
    counter: int
    valid_for: int
    user_version: int
    application_id: int


def _number(data: bytes, at: int, size: int, *, signed: bool = False) -> int:
    # int.from_bytes rather than struct: the header is a few big-endian integers, and
    # struct's import (a compiled module loaded from disk) cost every command ~1.6 M
    # instructions for them
    return int.from_bytes(data[at:at + size], "big", signed=signed)


def read_header(path: Path) -> Header | None:
    """Return the file's SQLite header, or None if it is not an SQLite file (or unreadable)."""
    try:
        with open(path, "rb") as fh:
            data = fh.read(HEADER_SIZE)
    except OSError:
        return None
    if len(data) < HEADER_SIZE or not data.startswith(SQLITE_HEADER):
        return None
    raw_page = _number(data, 16, 2)
    counter, page_count = _number(data, 24, 4), _number(data, 28, 4)
    valid_for, application_id = _number(data, 92, 4), _number(data, 68, 4)
    user_version = _number(data, 60, 4, signed=True)
    return Header(65536 if raw_page == 1 else raw_page, page_count, counter, valid_for,
                  user_version, application_id)


def looks_complete(path: Path) -> bool:
    """Return True if ``path`` is a whole kit journal by its header: right id, no page missing.

    The header records the database's size in pages; a copy cut short by a full disk
    or a killed process is smaller than that (and an empty file has no header at all).
    This reads 100 bytes, so listing many backups stays fast; a full
    ``PRAGMA quick_check`` runs when a backup is made and before one is restored.
    """
    head = read_header(path)
    if head is None or head.application_id != APPLICATION_ID or head.page_count == 0:
        return False
    if head.counter != head.valid_for:  # written by a very old SQLite: size unknown
        return True
    try:
        return path.stat().st_size == head.page_size * head.page_count
    except OSError:
        return False
