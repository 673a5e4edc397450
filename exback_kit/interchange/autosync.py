"""Sync that happens by itself, once a sync folder is set (``exback sync DIR`` or the
dashboard's Sync part set it).

After each save this computer's new changes go into the folder (only sending: quick,
and a failure there never makes a save look failed). When a notebook session,
``exback lab``/``app`` or ``exback status`` starts, one whole round runs: quietly, with
a line only when something came in, a file was repaired or tidied, or something is
wrong. A locked journal keeps its folder's identity inside itself, so neither costs a
key derivation.
"""

from __future__ import annotations

from pathlib import Path

from exback_kit.content import texts
from exback_kit.errors import JournalError, ValidationError
from exback_kit.store import Journal, encryption, resolve_path
from exback_kit.store.settings import FOLDER_SETTING

# The sync machinery (memberships, signing, the folder's files) is imported only once a
# folder is set: every command and notebook attaches these hooks, and a check-in without
# sync stays light.

#: Journals (by path) for which a round is running: a save made by the round itself, or
#: by a hook, never starts another.
_busy: set[Path] = set()
#: What the last start round said, per journal path (the dashboard's Sync part shows it).
_said: dict[Path, list[str]] = {}


def _folder(journal: Journal) -> Path | None:
    """Return the sync folder set for this journal, if it is one it belongs to and is there."""
    where = str(journal.get_setting(FOLDER_SETTING, "") or "").strip()
    if not where:
        return None
    # late import: the memberships (and dataclasses) load only once a sync folder is set
    from exback_kit.store import sync_folders as members

    path = Path(where).expanduser()
    if not path.is_dir() or members.membership_at(journal, str(path.resolve())) is None:
        return None  # a USB stick not plugged in, or a folder not joined yet: nothing to do
    return path


def send_after_save(journal: Journal) -> None:
    """Send this computer's new changes to the sync folder, if one is set (silently)."""
    folder = _folder(journal)
    if folder is None or journal.path in _busy:
        return
    # late import: the sync machinery loads only when a sync folder is set up
    from exback_kit.interchange import sync_folder

    _busy.add(journal.path)
    try:
        sync_folder.sync(journal, folder, receive=False)
    except (ValidationError, JournalError, OSError):
        pass  # the save itself is done; the next start round says what is wrong
    finally:
        _busy.discard(journal.path)


def attach(journal: Journal) -> Journal:
    """Make ``journal`` send after each save; return it."""
    if send_after_save not in journal.after_save:
        journal.after_save.append(send_after_save)
    return journal


def round_at_start(journal: Journal) -> list[str]:
    """Run one whole round with the sync folder, if one is set; return the lines to show
    (none when nothing came in and nothing is wrong)."""
    folder = _folder(journal)
    if folder is None or journal.path in _busy:
        return []
    # late import: the sync machinery loads only when a sync folder is set up
    from exback_kit.interchange import sync_folder

    _busy.add(journal.path)
    try:
        result = sync_folder.sync(journal, folder)
    except (ValidationError, JournalError, OSError) as exc:
        lines = [sync_folder.escaped(exc)]
    else:
        merged = sum(result.merged.values())
        lines = [texts.say(texts.SYNC_AUTO_CAME_IN, folder=sync_folder.escaped(folder),
                           merged=merged)] if merged else []
        lines += sync_folder.said(result)
        if result.problems:
            lines += [texts.SYNC_PROBLEMS,
                      *(f"  {sync_folder.escaped(p)}" for p in result.problems)]
    finally:
        _busy.discard(journal.path)
    _said[journal.path] = lines
    return lines


def said_at_start(journal: Journal) -> list[str]:
    """Return what the last start round said for this journal."""
    return list(_said.get(journal.path, []))


def round_at_launch(journal: str | None) -> list[str]:
    """Run the start round for ``exback lab``/``app`` on an unlocked journal (a locked one
    has its round when its first notebook session opens it with the key)."""
    path = resolve_path(journal)
    if not path.exists() or encryption.is_encrypted(path):
        return []
    try:
        with Journal.open(path, backup=False) as opened:
            return round_at_start(opened)
    except (ValidationError, JournalError, OSError) as exc:
        # late import: the sync machinery loads only when a sync folder is set up
        from exback_kit.interchange import sync_folder

        return [sync_folder.escaped(exc)]
