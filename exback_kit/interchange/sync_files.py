"""The files in a sync folder: what they hold, and reading them safely, however they arrive.

A sync folder ``DIR`` looks like this::

    DIR/exback-sync.json                the claim: which journal the folder belongs to
    DIR/devices/<device>/changes.jsonl  one device's changes, appended only by that device

Each ``changes*.jsonl`` starts with a header line
``{"exback_sync": 1, "folder": …, "device": …, "locked": false}`` followed by one
record per line (see :mod:`exback_kit.store.sync`), readable by hand. For a locked
journal each line after the header is ``{"sealed": "<base64>"}``: a batch of
records as an age file for the folder's key, which is itself kept in the claim
sealed with the passphrase (age passphrase mode), so reading needs the passphrase.

A line counts only once its newline is there: a file cut short in transit is read
up to its last complete line and finished next time. Copies a sync tool makes
("conflicted copy", ``.sync-conflict-…``) are more files of the same device, read
the same way.
"""

from __future__ import annotations

import base64
import json
import os
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from exback_kit.content import texts
from exback_kit.errors import ValidationError
from exback_kit.store.files import make_private_folder, write_private

FORMAT_KEY = "exback_sync"
FORMAT_VERSION = 1
CLAIM_NAME = "exback-sync.json"
DEVICES = "devices"
CHANGES = "changes.jsonl"
#: How many bytes before the read position are remembered to recognise the same file.
TAIL_BYTES = 64


class NewerFormat(ValidationError):
    """A sync file written by a newer kit: nothing is merged."""


class SyncFileError(ValidationError):
    """A sync file that is not what the kit writes: that file is not merged."""


# --- the claim ----------------------------------------------------------------------

def read_claim(folder: Path) -> dict[str, Any] | None:
    """Return the folder's claim, or None if no journal has claimed it yet.

    Raises:
        NewerFormat: the claim comes from a newer kit.
        SyncFileError: the claim file is damaged.
    """
    path = folder / CLAIM_NAME
    try:
        data = path.read_bytes()
    except FileNotFoundError:
        return None
    doc = _json(data, path, 1)
    if not isinstance(doc, dict) or not isinstance(doc.get("folder"), str):
        raise SyncFileError(texts.SYNC_BAD_FILE.format(path=path, line=1), field="file")
    _check_format(doc, path)
    return doc


def write_claim(folder: Path, claim: dict[str, Any]) -> None:
    """Write the claim (0600) through the safe writer, creating the folder (0700)."""
    make_private_folder(folder)
    write_private(folder / CLAIM_NAME, (json.dumps({FORMAT_KEY: FORMAT_VERSION, **claim},
                                                   indent=1) + "\n").encode())


def _json(data: bytes, path: Path, line: int) -> Any:
    try:
        return json.loads(data.decode("utf-8"))
    except (UnicodeDecodeError, ValueError, RecursionError):
        raise SyncFileError(texts.SYNC_BAD_FILE.format(path=path, line=line),
                            field="file") from None


def _check_format(doc: dict[str, Any], path: Path) -> None:
    found = doc.get(FORMAT_KEY)
    if not isinstance(found, int) or isinstance(found, bool):
        raise SyncFileError(texts.SYNC_BAD_FILE.format(path=path, line=1), field="file")
    if found > FORMAT_VERSION:
        raise NewerFormat(texts.SYNC_NEWER.format(path=path, found=found, known=FORMAT_VERSION),
                          field="file")


# --- the key of a locked folder ------------------------------------------------------

def new_folder_key(passphrase: str) -> tuple[Any, str]:
    """Return (identity, the identity sealed with ``passphrase`` as base64) for a new folder."""
    from pyrage import passphrase as age_passphrase
    from pyrage import x25519

    identity = x25519.Identity.generate()
    sealed = age_passphrase.encrypt(str(identity).encode(), passphrase)
    return identity, base64.b64encode(sealed).decode()


def open_folder_key(sealed: str, passphrase: str, folder: Path) -> Any:
    """Return the folder's identity, unsealed with ``passphrase``.

    Raises:
        ValidationError: the passphrase is not the one the folder was locked with.
    """
    from pyrage import DecryptError, x25519
    from pyrage import passphrase as age_passphrase

    try:
        return x25519.Identity.from_str(
            age_passphrase.decrypt(base64.b64decode(sealed), passphrase).decode())
    except (DecryptError, ValueError):
        raise ValidationError(texts.SYNC_WRONG_PASSPHRASE.format(folder=folder),
                              field="passphrase") from None


# --- writing ------------------------------------------------------------------------

def device_folder(folder: Path, device: str) -> Path:
    return folder / DEVICES / device


def header(folder_id: str, device: str, locked: bool) -> bytes:
    doc = {FORMAT_KEY: FORMAT_VERSION, "folder": folder_id, "device": device, "locked": locked}
    return (json.dumps(doc) + "\n").encode()


def encode(records: list[dict[str, Any]], identity: Any = None) -> bytes:
    """Return ``records`` as lines: one a line, or one sealed batch for a locked folder."""
    if not records:
        return b""
    if identity is None:
        return b"".join((json.dumps(r, ensure_ascii=False) + "\n").encode() for r in records)
    import pyrage

    blob = pyrage.encrypt(json.dumps(records, ensure_ascii=False).encode(),
                          [identity.to_public()])
    return (json.dumps({"sealed": base64.b64encode(blob).decode()}) + "\n").encode()


def _make_folders(path: Path) -> None:
    """Create ``DIR/devices/<device>`` for ``path``, each folder 0700."""
    make_private_folder(path.parent.parent)
    make_private_folder(path.parent)


def append(path: Path, data: bytes) -> None:
    """Append ``data`` to ``path`` (created 0600) with O_APPEND, and flush it to disk."""
    _make_folders(path)
    fd = os.open(path, os.O_WRONLY | os.O_APPEND | os.O_CREAT, 0o600)
    try:
        view = memoryview(data)
        while view:
            view = view[os.write(fd, view):]
        os.fsync(fd)
    finally:
        os.close(fd)


def replace(path: Path, data: bytes) -> None:
    """Replace ``path`` with ``data`` through the kit's one safe writer (0600)."""
    _make_folders(path)
    write_private(path, data)


# --- reading ------------------------------------------------------------------------

@dataclass(frozen=True)
class Read:
    """New records of one file, and where reading stopped."""

    records: list[Any]
    position: int
    tail: bytes
    from_start: bool


def device_files(folder: Path) -> list[tuple[str, Path]]:
    """Return (device, file) for every device's change files, copies included."""
    root = folder / DEVICES
    if not root.is_dir():
        return []
    return [(sub.name, f) for sub in sorted(root.iterdir()) if sub.is_dir()
            for f in sorted(sub.glob("changes*.jsonl")) if f.is_file()]


def check_headers(folder: Path) -> None:
    """Refuse the whole folder if any change file comes from a newer kit (nothing is merged).

    Raises:
        NewerFormat: names the first such file.
    """
    for _, path in device_files(folder):
        with open(path, "rb") as fh:
            first = fh.readline()
        if first.endswith(b"\n"):
            try:
                doc = json.loads(first)
            except (UnicodeDecodeError, ValueError, RecursionError):
                continue  # a damaged file is refused on its own when it is read
            if isinstance(doc, dict) and isinstance(doc.get(FORMAT_KEY), int):
                _check_format(doc, path)


def tail_of(data: bytes, end: int) -> bytes:
    return data[max(0, end - TAIL_BYTES):end]


def read_new(path: Path, position: int, tail: bytes, *, folder_id: str,
             identity: Any = None) -> Read:
    """Return the complete lines of ``path`` past ``position`` (from the start if the file
    is not the one read before, e.g. an older, shorter copy put back).

    Raises:
        NewerFormat: the file comes from a newer kit.
        SyncFileError: the header or a complete line is not the kit's, or belongs to another
            folder, or a sealed batch cannot be opened; nothing of it should be merged.
    """
    data = path.read_bytes()
    end = data.rfind(b"\n") + 1  # a last line without its newline is not complete yet
    same = 0 < position <= end and data[position - 1:position] == b"\n" and \
        tail_of(data, position) == tail
    start = position if same else 0
    lines = data[start:end].split(b"\n")[:-1] if end > start else []
    first_line = data[:start].count(b"\n") + 1
    records: list[Any] = []
    for number, line in enumerate(lines, start=first_line):
        doc = _json(line, path, number)
        if number == 1:
            _check_header(doc, path, folder_id, identity is not None)
            continue
        records.extend(_unpack(doc, path, number, identity))
    return Read(records, end if end > start else start, tail_of(data, end if end > start
                                                                else start), not same)


def _check_header(doc: Any, path: Path, folder_id: str, locked: bool) -> None:
    if not isinstance(doc, dict):
        raise SyncFileError(texts.SYNC_BAD_FILE.format(path=path, line=1), field="file")
    _check_format(doc, path)
    if doc.get("folder") != folder_id:
        raise SyncFileError(texts.SYNC_OTHER_FOLDER.format(path=path), field="file")
    if bool(doc.get("locked")) != locked:
        raise SyncFileError(texts.SYNC_LOCK_MISMATCH_FILE.format(path=path), field="file")


def _unpack(doc: Any, path: Path, number: int, identity: Any) -> Iterable[Any]:
    if identity is None:
        return [doc]
    import pyrage

    try:
        blob = base64.b64decode(doc["sealed"], validate=True)
        batch = json.loads(pyrage.decrypt(blob, [identity]).decode("utf-8"))
    except (KeyError, TypeError, ValueError, pyrage.DecryptError):
        raise SyncFileError(texts.SYNC_BAD_FILE.format(path=path, line=number),
                            field="file") from None
    if not isinstance(batch, list):
        raise SyncFileError(texts.SYNC_BAD_FILE.format(path=path, line=number), field="file")
    return batch

