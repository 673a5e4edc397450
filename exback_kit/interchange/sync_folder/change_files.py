"""The files in a sync folder: what they hold, and reading them safely, however they
arrive (what the lines are signed and sealed with:
:mod:`exback_kit.interchange.sync_folder.signing`).

A sync folder ``DIR`` looks like this::

    DIR/exback-sync.json                the claim: which journal the folder belongs to
    DIR/devices/<device>/changes.jsonl  one device's changes, appended only by that device

Each line of a ``changes*.jsonl`` is a JSON object whose first member is ``"mac"``: an
HMAC-SHA256, under the folder's key, of the device's id and the rest of the line. The
key is derived from the join code shown once on the first computer; it never lies in the
folder, so a line planted by anyone else is refused by name. The first line is a header
``{"mac": …, "exback_sync": 2, "folder": …, "device": …, "locked": false}``, then one
record per line (see :mod:`exback_kit.store.sync`), readable by hand. For a locked
journal each line after the header is ``{"mac": …, "sealed": "<base64>"}``: a batch of
records as an age file for the folder's identity, which the claim keeps sealed with the
passphrase (a journal unseals it once and keeps it inside itself).

A line counts only once its newline is there: a file cut short in transit is read up
to its last complete line and finished next time. A bad line (damaged, unsigned, too
long, or a record breaking the rules) is left out by line number and the rest is read.
Copies a sync tool makes ("conflicted copy", ``.sync-conflict-…``) are more files of the
same device, read the same way.
"""

from __future__ import annotations

import base64
import json
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from exback_kit.content import texts
from exback_kit.errors import ValidationError
from exback_kit.interchange.sync_folder import no_links, signing

FORMAT_KEY = "exback_sync"
FORMAT_VERSION = 2
CLAIM_NAME = "exback-sync.json"
DEVICES = "devices"
CHANGES = "changes.jsonl"
#: How many bytes before the read position are remembered to recognise the same file.
TAIL_BYTES = 64
#: The longest line read (a sealed batch of :data:`BATCH` records stays well below it).
MAX_LINE_BYTES = 4 * 1024 * 1024
#: The most of a file read to find its header line.
HEAD_BYTES = 4096
#: Records sealed together in one line of a locked folder.
BATCH = 200
#: A device folder's name as the kit makes it; anything else in ``devices/`` is left out.
DEVICE_NAME = re.compile(r"[0-9a-f]{1,64}")


class NewerFormat(ValidationError):
    """A sync file written by a newer kit: nothing is merged."""


class SyncFileError(ValidationError):
    """A sync file that is not what the kit writes: that file is not merged."""


# --- the claim ----------------------------------------------------------------------

def read_claim(folder: Path) -> dict[str, Any] | None:
    """Return the folder's claim, or None if no journal has claimed it yet.

    Raises:
        NewerFormat: the claim comes from a newer kit.
        SyncFileError: the claim file is damaged, or comes from a kit before signing.
        no_links.LinkRefused: the claim (or the folder) is a link.
    """
    path = folder / CLAIM_NAME
    data = no_links.read_file(folder, [CLAIM_NAME], limit=1024 * 1024)
    if data is None:
        return None
    doc = _json(data, path, 1)
    if not isinstance(doc, dict) or not isinstance(doc.get("folder"), str):
        raise SyncFileError(texts.SYNC_BAD_FILE.format(path=path, line=1), field="file")
    _check_format(doc, path)
    if doc[FORMAT_KEY] < FORMAT_VERSION:
        raise SyncFileError(texts.SYNC_OLD_FORMAT.format(folder=folder), field="folder")
    return doc


def write_claim(folder: Path, claim: dict[str, Any], key: bytes) -> None:
    """Write the claim (0600), signed with ``key``, creating the folder (0700)."""
    doc = {FORMAT_KEY: FORMAT_VERSION, **claim}
    doc["mac"] = signing.claim_mac(key, doc)
    no_links.replace_file(folder, [CLAIM_NAME], (json.dumps(doc, indent=1) + "\n").encode())


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


# --- writing ------------------------------------------------------------------------

def own_parts(device: str, name: str = CHANGES) -> list[str]:
    """Return the path parts of ``device``'s change file inside the folder."""
    return [DEVICES, device, name]


def header(key: bytes, folder_id: str, device: str, locked: bool) -> bytes:
    return signing.sign(key, device, {FORMAT_KEY: FORMAT_VERSION, "folder": folder_id,
                              "device": device, "locked": locked})


def encode(records: list[dict[str, Any]], key: bytes, device: str,
           identity: Any = None) -> bytes:
    """Return ``records`` as signed lines: one a line, or sealed batches for a locked folder."""
    if identity is None:
        return b"".join(signing.sign(key, device, r) for r in records)
    import pyrage

    out = []
    for start in range(0, len(records), BATCH):
        blob = pyrage.encrypt(json.dumps(records[start:start + BATCH],
                                         ensure_ascii=False).encode(), [identity.to_public()])
        out.append(signing.sign(key, device, {"sealed": base64.b64encode(blob).decode()}))
    return b"".join(out)


# --- reading ------------------------------------------------------------------------

@dataclass(frozen=True)
class Read:
    """New records of one file (each with its line number), and where reading stopped."""

    records: list[tuple[int, Any]]
    position: int
    tail: bytes
    from_start: bool
    problems: list[str] = field(default_factory=list)
    #: The number of the last complete line read.
    line: int = -1


def device_files(folder: Path, problems: list[str] | None = None) -> list[tuple[str, str]]:
    """Return (device, file name) for every device's change files, copies included.

    A link, or a name the kit never writes, is left out (and named in ``problems``).
    """
    out = []
    for device, kind in no_links.entries(folder, [DEVICES]):
        shown = folder / DEVICES / device
        if kind != "folder" or not DEVICE_NAME.fullmatch(device):
            if problems is not None:
                problems.append(texts.SYNC_LINK.format(path=escaped(shown)) if kind != "folder"
                                else texts.SYNC_NOT_A_DEVICE.format(name=escaped(device),
                                                                    folder=folder))
            continue
        try:
            names = no_links.entries(folder, [DEVICES, device])
        except no_links.LinkRefused as exc:
            if problems is not None:
                problems.append(str(exc))
            continue
        for name, file_kind in names:
            if is_change_file(name):
                if file_kind == "file":
                    out.append((device, name))
                elif problems is not None:
                    problems.append(texts.SYNC_LINK.format(path=escaped(shown / name)))
    return out


def is_change_file(name: str) -> bool:
    """Return whether ``name`` is a change file's (the kit's own, or a sync tool's copy)."""
    return name.startswith("changes") and name.endswith(".jsonl")


def escaped(text: object) -> str:
    """Return ``text`` with control characters shown as escapes (a name planted in the folder
    never moves the cursor or recolours a terminal)."""
    shown = str(text)
    return shown if shown.isprintable() else ascii(shown)[1:-1]


def first_line(folder: Path, device: str, name: str) -> bytes:
    """Return the first line of a change file (b"" if it is unreadable)."""
    try:
        data = no_links.read_head(folder, own_parts(device, name), HEAD_BYTES)
    except (ValidationError, OSError):
        return b""
    return data.split(b"\n", 1)[0]


def check_headers(folder: Path, key: bytes) -> None:
    """Refuse the whole folder if a change file signed with the folder's ``key`` comes from a
    newer kit (nothing is merged). A header that is not signed with ``key`` proves nothing:
    that file alone is refused by name when it is read (see :func:`read_new`).

    Raises:
        NewerFormat: names the first such file.
    """
    for device, name in device_files(folder):
        body = signing.unsign(key, device, first_line(folder, device, name))
        try:
            doc = json.loads(body) if body is not None else None
        except (UnicodeDecodeError, ValueError, RecursionError):
            continue  # a damaged file is dealt with line by line when it is read
        if isinstance(doc, dict) and isinstance(doc.get(FORMAT_KEY), int):
            _check_format(doc, folder / DEVICES / device / name)


def tail_of(data: bytes, end: int) -> bytes:
    return data[max(0, end - TAIL_BYTES):end]


@dataclass(frozen=True)
class Reader:
    """What reading one folder's files needs: its id and key, and a locked folder's identity."""

    folder_id: str
    key: bytes
    identity: Any = None


def read_new(folder: Path, device: str, name: str, position: int, tail: bytes,
             reader: Reader, line: int = -1) -> Read:
    """Return the complete, signed lines of ``device``'s file ``name`` past ``position`` (from
    the start if the file is not the one read before, e.g. an older, shorter copy put back).

    With ``line`` (the number of the last line read) only the new part of the file is read;
    without it (-1) the whole file is. Bad lines are left out and named in
    ``Read.problems``; reading goes on past them.

    Raises:
        NewerFormat: the file comes from a newer kit.
        SyncFileError: the header belongs to another folder or is locked differently.
        no_links.LinkRefused, no_links.TooLarge: the file is a link, or too large to read.
    """
    path = folder / DEVICES / device / name
    data, offset, start, number = _new_part(folder, device, name, position, tail, line)
    same = data is not None
    if data is None:
        data = no_links.read_file(folder, own_parts(device, name)) or b""
        end = data.rfind(b"\n") + 1
        same = 0 < position <= end and data[position - 1:position] == b"\n" and \
            tail_of(data, position) == tail
        start = position if same else 0
        number = data[:start].count(b"\n")
    end = data.rfind(b"\n") + 1  # a last line without its newline is not complete yet
    lines = data[start:end].split(b"\n")[:-1] if end > start else []
    records: list[tuple[int, Any]] = []
    problems: list[str] = []
    for line_bytes in lines:
        number += 1
        try:
            doc = _line(line_bytes + b"\n", path, number, device, reader.key)
            if number == 1:
                _check_header(doc, path, reader.folder_id, device, reader.identity is not None)
                continue
            records.extend((number, rec) for rec in _unpack(doc, path, number, reader.identity))
        except NewerFormat:
            raise
        except SyncFileError as exc:
            if number == 1:
                raise
            problems.append(str(exc))
    stop = end if end > start else start
    return Read(records, offset + stop, tail_of(data, stop), not same, problems, number)


def _new_part(folder: Path, device: str, name: str, position: int, tail: bytes,
              line: int) -> tuple[bytes | None, int, int, int]:
    """Return (the file from just before ``position``, that offset, ``position`` within it,
    ``line``) if the file is still the one read up to there, else (None, 0, 0, 0)."""
    if position <= 0 or line < 0:
        return None, 0, 0, 0
    offset = max(0, position - TAIL_BYTES)
    try:
        size, data = no_links.read_from(folder, own_parts(device, name), offset)
    except FileNotFoundError:
        return None, 0, 0, 0
    start = position - offset
    if size < position or data[start - 1:start] != b"\n" or data[:start] != tail:
        return None, 0, 0, 0
    return data, offset, start, line


def _line(line: bytes, path: Path, number: int, device: str, key: bytes) -> Any:
    if len(line) > MAX_LINE_BYTES:
        raise SyncFileError(texts.SYNC_LINE_TOO_LONG.format(
            path=path, line=number, mb=MAX_LINE_BYTES // (1024 * 1024)), field="file")
    body = signing.unsign(key, device, line.rstrip(b"\n"))
    if body is None:
        raise SyncFileError(texts.SYNC_UNSIGNED.format(path=path, line=number), field="file")
    return _json(body, path, number)


def _check_header(doc: Any, path: Path, folder_id: str, device: str, locked: bool) -> None:
    if not isinstance(doc, dict):
        raise SyncFileError(texts.SYNC_BAD_FILE.format(path=path, line=1), field="file")
    _check_format(doc, path)
    if doc.get("folder") != folder_id or doc.get("device") != device:
        raise SyncFileError(texts.SYNC_OTHER_FOLDER.format(path=path), field="file")
    if bool(doc.get("locked")) != locked:
        raise SyncFileError(texts.SYNC_LOCK_MISMATCH_FILE.format(path=path), field="file")


def _unpack(doc: Any, path: Path, number: int, identity: Any) -> list[Any]:
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
