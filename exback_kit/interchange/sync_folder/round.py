"""Several devices, no server: ``exback sync DIR``, the dashboard's Sync button, and the
rounds the kit runs by itself (see :mod:`exback_kit.interchange.autosync`).

One sync reads every device's change files in the folder the person already syncs
(Syncthing, Dropbox, a USB stick) and merges them into this journal, one
transaction per file, then appends this device's new changes to its own file.
Only lines signed with the folder's key are believed; the key comes from the join
code shown once on the first computer and lives in the journals, never in the folder.
The live journal never goes into the folder. The files' format is in
:mod:`exback_kit.interchange.sync_folder.change_files`, the merge rules in
:mod:`exback_kit.store.sync`.

One round goes one way: what the journal knows of the folder (one read), the folder's
claim, every device's new lines (each file read, then merged by the store's one entry
point, :func:`exback_kit.store.sync.merge`), this device's new changes written, and
what was written recorded (one transaction).
"""

from __future__ import annotations

import os
import uuid
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from exback_kit.content import texts
from exback_kit.errors import ValidationError
from exback_kit.interchange.sync_folder import change_files, no_links, signing
from exback_kit.store import Journal
from exback_kit.store import sync as engine
from exback_kit.store import sync_folders as members
from exback_kit.store.device import device_id
from exback_kit.store.settings import FOLDER_SETTING


@dataclass
class Result:
    """What one sync did."""

    folder: Path
    device: str
    claimed: bool = False
    joined: bool = False
    code: str | None = None
    sent: int = 0
    repaired: bool = False
    merged: dict[str, int] = field(default_factory=dict)
    tidied: list[str] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)


@dataclass(frozen=True)
class DeviceSeen:
    """One device in a sync folder, for ``--status`` (its id already escaped for a terminal)."""

    device: str
    this_one: bool
    last_wrote: datetime | None
    brought: int
    files: int


@dataclass(frozen=True)
class _Place:
    """The folder as this journal knows it: its id, key and (locked) identity."""

    folder_id: str
    key: bytes
    identity: Any
    sent: str | None


def _folder(journal: Journal, folder: str | os.PathLike[str]) -> Path:
    path = Path(folder).expanduser().resolve()
    if path.exists() and not path.is_dir():
        raise ValidationError(texts.SYNC_NOT_A_FOLDER.format(folder=path), field="folder")
    if path == journal.path.resolve().parent or path in journal.path.resolve().parents:
        raise ValidationError(texts.SYNC_JOURNAL_INSIDE.format(folder=path, path=journal.path),
                              field="folder")
    return path


def _need_passphrase(passphrase: str | None, folder: Path) -> str:
    if not passphrase:
        raise ValidationError(texts.SYNC_NEED_PASSPHRASE.format(folder=folder),
                              field="passphrase")
    return passphrase


def _at_path(known: list[members.Membership], folder: Path) -> members.Membership | None:
    """Return the membership last joined at ``folder`` on this computer, or None."""
    return next((m for m in reversed(known) if m.path == str(folder)), None)


def _claim(journal: Journal, folder: Path, passphrase: str | None, result: Result,
           before: members.Membership | None) -> _Place:
    """Claim a folder without a claim: anew, or again with the same code if this journal
    synced there before (``before``: a re-created folder heals)."""
    folder_id = before.folder if before else uuid.uuid4().hex
    code = before.code if before else signing.new_code()
    identity, sealed = None, None
    if journal.encrypted:
        secret = _need_passphrase(passphrase, folder)
        if before and before.identity:
            identity, sealed = before.identity, signing.seal_identity(before.identity, secret)
        else:
            identity, sealed = signing.new_folder_identity(secret)
    key = signing.folder_key(code, folder_id)
    change_files.write_claim(folder, {"folder": folder_id, "demo": journal.is_demo,
                               "locked": journal.encrypted, "identity": sealed,
                               "claimed_at": datetime.now(UTC).isoformat()}, key)
    members.remember(journal, folder_id, str(folder), code, identity)
    if before is None:
        result.claimed, result.code = True, signing.code_text(code)
    return _Place(folder_id, key, identity and signing.identity_object(identity),
                  before.sent if before else None)


def _belong(journal: Journal, folder: Path, claim: dict[str, Any], *, join: str | None,
            passphrase: str | None, result: Result, receive: bool,
            memberships: list[members.Membership]) -> _Place:
    """Check this journal may sync with the claimed ``folder``; return what reading needs."""
    folder_id = str(claim["folder"])
    known = next((m for m in memberships if m.folder == folder_id), None)
    if known is None and not join:
        raise ValidationError(texts.SYNC_NEED_CODE.format(folder=folder), field="folder")
    code = known.code if known else signing.parse_code(str(join))
    key = signing.folder_key(code, folder_id)
    if not signing.claim_signed_by(claim, key):
        raise ValidationError(texts.SYNC_WRONG_CODE.format(folder=folder), field="folder")
    if receive:
        change_files.check_headers(folder, key)
    if bool(claim.get("demo")) != journal.is_demo:
        raise ValidationError(texts.SYNC_DEMO.format(folder=folder), field="folder")
    if bool(claim.get("locked")) != journal.encrypted:
        raise ValidationError((texts.SYNC_FOLDER_LOCKED if claim.get("locked")
                               else texts.SYNC_FOLDER_PLAIN).format(folder=folder),
                              field="folder")
    identity = known.identity if known else None
    if journal.encrypted and not identity:
        identity = signing.open_folder_identity(str(claim.get("identity")),
                                              _need_passphrase(passphrase, folder), folder)
    if known is None:
        result.joined = True
    if known is None or known.path != str(folder) or known.identity != identity:
        members.remember(journal, folder_id, str(folder), code, identity)
    return _Place(folder_id, key, identity and signing.identity_object(identity),
                  known.sent if known else None)


def sync(journal: Journal, folder: str | os.PathLike[str], *, join: str | None = None,
         include_vault: bool = False, passphrase: str | None = None,
         receive: bool = True) -> Result:
    """Merge every device's changes from ``folder`` into ``journal``, then send this one's.

    Args:
        journal: the open journal of this device.
        folder: the synced folder (never the journal's own folder).
        join: the join code another computer showed, to join a folder it set up.
        include_vault: also send the unsent-message vault.
        passphrase: a locked journal's passphrase, needed the first time only (a locked
            folder's identity is sealed with it; the journal keeps it once unsealed).
        receive: read the other devices' files (off: only send this device's new changes).

    Raises:
        ValidationError: the folder belongs to another journal (and no right code was given),
            to the demo, is locked differently, needs the passphrase, holds a link where the
            kit's files go, or a file from a newer kit; nothing is merged or written.
    """
    path = _folder(journal, folder)
    known, me = members.memberships(journal), device_id(journal.path)
    claim = change_files.read_claim(path)
    if claim is None and join and _at_path(known, path) is None:
        raise ValidationError(texts.SYNC_JOIN_EMPTY.format(folder=path), field="folder")
    result = Result(path, me)
    place = (_claim(journal, path, passphrase, result, _at_path(known, path)) if claim is None
             else _belong(journal, path, claim, join=join, passphrase=passphrase,
                          result=result, receive=receive, memberships=known))
    reader = change_files.Reader(place.folder_id, place.key, place.identity)
    states = engine.read_states(journal, place.folder_id)
    own_names = {n for d, n in change_files.device_files(path) if d == result.device}
    rewrite = change_files.CHANGES not in own_names and (
        place.sent is not None or _state(states, result.device, change_files.CHANGES).position > 0)
    copies: list[str] = []
    if receive:
        rewrite, copies = _read_all(journal, path, reader, result, states, rewrite=rewrite)
    _send(journal, path, place, reader, result, _state(states, me, change_files.CHANGES),
          copies, rewrite=rewrite, include_vault=include_vault)
    return result


def _state(states: dict[tuple[str, str], engine.ReadState], device: str,
           name: str) -> engine.ReadState:
    return states.get((device, name), engine.ReadState())


def _read_all(journal: Journal, folder: Path, reader: change_files.Reader, result: Result,
              states: dict[tuple[str, str], engine.ReadState], *,
              rewrite: bool) -> tuple[bool, list[str]]:
    """Merge every change file (this device's too: a restored journal gets back what it had
    sent), keeping ``states`` up to date. Return whether this device's own file must be
    written again (it no longer holds what it wrote, or holds a damaged line) and its
    conflict copies read in full."""
    me = result.device
    copies = []
    for device, name in change_files.device_files(folder, result.problems):
        state = _state(states, device, name)
        try:
            read = change_files.read_new(folder, device, name, state.position, state.tail,
                                         reader, state.line)
        except (ValidationError, OSError) as exc:
            result.problems.append(str(exc))
            rewrite = rewrite or device == me
            continue
        new = engine.ReadState(read.position, read.tail, line=read.line)
        if read.records or (read.position, read.tail) != (state.position, state.tail):
            merged = engine.merge(journal, me, read.records, folder=reader.folder_id,
                                  device=device, file=name, state=new)
            states[(device, name)] = new
        else:  # nothing new in this file: no transaction
            merged = engine.Merged(0, [])
        if merged.changed:
            result.merged[device] = result.merged.get(device, 0) + merged.changed
        problems = [*read.problems, *(texts.SYNC_BAD_RECORD.format(
            path=change_files.escaped(str(folder / change_files.DEVICES / device / name)),
            number=number, problem=problem)
            for number, problem in merged.refused)]
        result.problems.extend(problems)
        if device == me:
            if name == change_files.CHANGES:
                rewrite = rewrite or bool(problems) or (state.position > 0 and read.from_start)
            else:
                rewrite = True  # a conflict copy of this device's file: write one whole file
                if not problems:
                    copies.append(name)
    return rewrite, copies


def _send(journal: Journal, folder: Path, place: _Place, reader: change_files.Reader,
          result: Result, before: engine.ReadState, copies: list[str], *, rewrite: bool,
          include_vault: bool) -> None:
    """Write this device's new changes (``before``: where its own file was read up to),
    remove its ``copies`` (its file now holds every line they held), then record in one
    transaction what was written."""
    me = result.device
    own = change_files.own_parts(me)
    out = engine.outgoing(journal, me, include_vault=include_vault,
                          since=None if rewrite else place.sent)
    lines = change_files.encode(out, reader.key, me, reader.identity)
    whole = rewrite or place.sent is None
    line, expected = -1, -1  # the file's last line number and size, when known for sure
    if whole:
        written = change_files.header(reader.key, place.folder_id, me,
                                      reader.identity is not None) + lines
        no_links.replace_file(folder, own, written)
        result.repaired = rewrite and place.sent is not None
        line, expected = written.count(b"\n"), len(written)
    elif out:
        if before.line >= 0 and no_links.read_end(folder, own, change_files.TAIL_BYTES) == (
                before.position, before.tail):
            line, expected = before.line + lines.count(b"\n"), before.position + len(lines)
        no_links.append_file(folder, own, lines)
    size, last = no_links.read_end(folder, own, change_files.TAIL_BYTES)
    for name in copies:  # written whole above: they were read in full, without a problem
        if no_links.remove_file(folder, change_files.own_parts(me, name)):
            result.tidied.append(name)
    # this device's own lines: no need to read them back
    end = engine.ReadState(size, last, line=line if size == expected else -1) if (
        last.endswith(b"\n") and (size, last) != (before.position, before.tail)) else None
    if whole or out or end is not None:  # nothing sent, nothing new: no transaction
        engine.record_sent(journal, me, out, folder=place.folder_id, file=change_files.CHANGES,
                           restarted=whole, own=end)
    result.sent = len(out)


def said(result: Result) -> list[str]:
    """Return the lines a sync says besides its summary: a repaired file, tidied copies."""
    lines = [texts.SYNC_REPAIRED] if result.repaired else []
    if result.tidied:
        lines.append(texts.say(texts.SYNC_TIDIED, count=len(result.tidied),
                               names=", ".join(change_files.escaped(n) for n in result.tidied)))
    return lines


def status(journal: Journal, folder: str | os.PathLike[str]) -> list[DeviceSeen]:
    """Return the devices seen in ``folder``: when each last wrote, what each brought here.

    Raises:
        ValidationError: nobody has synced with ``folder`` yet, or it is not a folder.
    """
    path = _folder(journal, folder)
    claim = change_files.read_claim(path)
    if claim is None:
        raise ValidationError(texts.SYNC_NO_CLAIM.format(folder=path), field="folder")
    brought = members.brought(journal, str(claim["folder"]))
    me = device_id(journal.path)
    seen: dict[str, list[float]] = {}
    for device, kind in no_links.entries(path, [change_files.DEVICES]):
        stamps = [t for name, k in no_links.entries(path, [change_files.DEVICES, device])
                  if k == "file" and (t := no_links.modified(path, [change_files.DEVICES, device,
                                                                   name])) is not None
                  ] if kind == "folder" else []
        seen[device] = stamps
    return [DeviceSeen(change_files.escaped(device), device == me,
                       datetime.fromtimestamp(max(stamps), UTC) if stamps else None,
                       brought.get(device, 0), len(stamps))
            for device, stamps in sorted(seen.items())]


@dataclass(frozen=True)
class Forgotten:
    """What ``--forget-folder`` did in this computer's device folder."""

    removed: list[Path]
    #: What the kit didn't write there (another name, a folder, a link): never removed.
    left: list[Path]


def forget_folder(journal: Journal, folder: str | os.PathLike[str]) -> Forgotten:
    """Remove this computer's change files from ``folder`` and forget the folder here.

    Only the plain files the kit writes (``changes*.jsonl``, sync tools' copies included)
    are removed; anything else is left where it is, and named. The journal keeps every
    entry; other computers' files stay theirs.

    Raises:
        ValidationError: ``folder`` is not a folder, or a link stands where the files are.
    """
    path = _folder(journal, folder)
    me = device_id(journal.path)
    removed, left = [], []
    for name, kind in no_links.entries(path, [change_files.DEVICES, me]):
        shown = path / change_files.DEVICES / me / name
        if kind == "file" and change_files.is_change_file(name):
            if no_links.remove_file(path, change_files.own_parts(me, name)):
                removed.append(shown)
        else:
            left.append(shown)
    no_links.remove_folder(path, [change_files.DEVICES, me])
    try:
        claim = change_files.read_claim(path)
    except ValidationError:
        claim = None
    known = [m for m in members.memberships(journal)
             if m.path == str(path) or (claim and m.folder == claim.get("folder"))]
    for m in known:
        members.forget(journal, m.folder)
    if str(journal.get_setting(FOLDER_SETTING, "")) in {str(folder), str(path)}:
        journal.set_setting(FOLDER_SETTING, "")
    return Forgotten(removed, left)


def synced_folders(journal: Journal) -> list[Path]:
    """Return the folders this journal syncs through (for the words said when locking)."""
    return [Path(m.path) for m in members.memberships(journal)]
