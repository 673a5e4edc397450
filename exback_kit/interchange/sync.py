"""Several devices, no server: ``exback sync DIR`` and the dashboard's Sync button.

One sync reads every device's change files in the folder the person already syncs
(Syncthing, Dropbox, a USB stick) and merges them into this journal, one
transaction per file, then appends this device's new changes to its own file.
The live journal never goes into the folder. The files' format is in
:mod:`exback_kit.interchange.sync_files`, the merge rules in :mod:`exback_kit.store.sync`.
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
from exback_kit.interchange import sync_files as files
from exback_kit.store import Journal
from exback_kit.store import sync as engine
from exback_kit.store.device import device_id


@dataclass
class Result:
    """What one sync did."""

    folder: Path
    device: str
    claimed: bool = False
    joined: bool = False
    sent: int = 0
    merged: dict[str, int] = field(default_factory=dict)
    problems: list[str] = field(default_factory=list)


@dataclass(frozen=True)
class DeviceSeen:
    """One device in a sync folder, for ``--status``."""

    device: str
    this_one: bool
    last_wrote: datetime | None
    brought: int
    files: int


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


def _belong(journal: Journal, folder: Path, claim: dict[str, Any] | None, *, join: bool,
            passphrase: str | None, result: Result) -> tuple[str, Any]:
    """Check this journal may sync with ``folder`` (claiming it if new); return (id, key)."""
    if claim is None:
        folder_id, identity, sealed = uuid.uuid4().hex, None, None
        if journal.encrypted:
            identity, sealed = files.new_folder_key(_need_passphrase(passphrase, folder))
        files.write_claim(folder, {"folder": folder_id, "demo": journal.is_demo,
                                   "locked": journal.encrypted, "identity": sealed,
                                   "claimed_at": datetime.now(UTC).isoformat()})
        engine.join(journal, folder_id)
        result.claimed = True
        return folder_id, identity
    folder_id = str(claim["folder"])
    if bool(claim.get("demo")) != journal.is_demo:
        raise ValidationError(texts.SYNC_DEMO.format(folder=folder), field="folder")
    if bool(claim.get("locked")) != journal.encrypted:
        raise ValidationError((texts.SYNC_FOLDER_LOCKED if claim.get("locked")
                               else texts.SYNC_FOLDER_PLAIN).format(folder=folder),
                              field="folder")
    identity = None
    if journal.encrypted:
        identity = files.open_folder_key(str(claim.get("identity")),
                                         _need_passphrase(passphrase, folder), folder)
    if not engine.joined(journal, folder_id):
        if not (join or journal.is_empty()):
            raise ValidationError(texts.SYNC_NOT_JOINED.format(folder=folder), field="folder")
        engine.join(journal, folder_id)
        result.joined = True
    return folder_id, identity


def sync(journal: Journal, folder: str | os.PathLike[str], *, join: bool = False,
         include_vault: bool = False, passphrase: str | None = None) -> Result:
    """Merge every device's changes from ``folder`` into ``journal``, then send this one's.

    Args:
        journal: the open journal of this device.
        folder: the synced folder (never the journal's own folder).
        join: merge a journal that already has entries into a folder another one claimed.
        include_vault: also send the unsent-message vault.
        passphrase: a locked journal's passphrase (the folder's key is sealed with it).

    Raises:
        ValidationError: the folder belongs to another journal (and ``join`` is off), to the
            demo, is locked differently, needs the passphrase, or holds a file from a newer
            kit; nothing is merged or written.
    """
    path = _folder(journal, folder)
    claim = files.read_claim(path)
    if claim is not None:
        files.check_headers(path)
    me = device_id(journal.path)
    result = Result(path, me)
    folder_id, identity = _belong(journal, path, claim, join=join, passphrase=passphrase,
                                  result=result)
    rewrite = _read_all(journal, path, folder_id, identity, me, result)
    _send(journal, path, folder_id, identity, me, rewrite=rewrite,
          include_vault=include_vault, result=result)
    return result


def _read_all(journal: Journal, folder: Path, folder_id: str, identity: Any, me: str,
              result: Result) -> bool:
    """Merge every change file (this device's too: a restored journal gets back what it had
    sent); return True if this device's own file no longer holds what it wrote."""
    own = files.device_folder(folder, me) / files.CHANGES
    own_state = engine.read_state(journal, folder_id, me, files.CHANGES)
    rewrite = own_state.position > 0 and not own.exists()
    for device, path in files.device_files(folder):
        state = engine.read_state(journal, folder_id, device, path.name)
        try:
            read = files.read_new(path, state.position, state.tail, folder_id=folder_id,
                                  identity=identity)
            records = []
            for number, rec in enumerate(read.records, start=1):
                try:
                    records.append(engine.clean_record(rec))
                except ValidationError as exc:
                    raise ValidationError(texts.SYNC_BAD_RECORD.format(
                        path=path, number=number, problem=exc), field=exc.field) from None
        except (ValidationError, OSError) as exc:
            result.problems.append(str(exc))
            continue
        if path == own and state.position > 0 and read.from_start:
            rewrite = True
        changed = engine.merge(journal, me, records, folder=folder_id, device=device,
                               file=path.name, state=engine.ReadState(read.position, read.tail))
        if changed:
            result.merged[device] = result.merged.get(device, 0) + changed
    return rewrite


def _send(journal: Journal, folder: Path, folder_id: str, identity: Any, me: str, *,
          rewrite: bool, include_vault: bool, result: Result) -> None:
    own = files.device_folder(folder, me) / files.CHANGES
    out = engine.outgoing(journal, me, include_vault=include_vault, everything=rewrite)
    if rewrite or not own.exists():
        files.replace(own, files.header(folder_id, me, identity is not None)
                      + files.encode(out, identity))
    elif out:
        files.append(own, files.encode(out, identity))
    engine.mark_sent(journal, me, out)
    data = own.read_bytes()
    end = data.rfind(b"\n") + 1
    engine.merge(journal, me, [], folder=folder_id, device=me, file=files.CHANGES,
                 state=engine.ReadState(end, files.tail_of(data, end)))
    result.sent = len(out)


def status(journal: Journal, folder: str | os.PathLike[str]) -> list[DeviceSeen]:
    """Return the devices seen in ``folder``: when each last wrote, what each brought here.

    Raises:
        ValidationError: nobody has synced with ``folder`` yet, or it is not a folder.
    """
    path = _folder(journal, folder)
    claim = files.read_claim(path)
    if claim is None:
        raise ValidationError(texts.SYNC_NO_CLAIM.format(folder=path), field="folder")
    brought = engine.brought(journal, str(claim["folder"]))
    me = device_id(journal.path)
    seen: dict[str, list[Path]] = {}
    for device, file in files.device_files(path):
        seen.setdefault(device, []).append(file)
    out = []
    for device, paths in sorted(seen.items()):
        newest = max(p.stat().st_mtime for p in paths)
        out.append(DeviceSeen(device, device == me, datetime.fromtimestamp(newest, UTC),
                              brought.get(device, 0), len(paths)))
    return out
