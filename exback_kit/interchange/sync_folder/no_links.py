"""Touching files in a sync folder without ever following a link.

Anyone who can write to the folder (or a sync tool carrying links between machines)
could swap a file or a folder for a link to something in the home folder. So every
path inside the folder is opened one part at a time from the folder down, each with
``O_NOFOLLOW``: a link anywhere is refused by name, never read through or written
through. Folders the kit creates (the sync folder and its parents too) are 0700,
files 0600. Reads are capped in size, as imports are.
"""

from __future__ import annotations

import errno
import os
import stat
from collections.abc import Iterator, Sequence
from contextlib import contextmanager, suppress
from pathlib import Path

from exback_kit.content import texts
from exback_kit.errors import ValidationError

#: The largest sync file read (as large as an import may be).
MAX_FILE_BYTES = 64 * 1024 * 1024
_NOFOLLOW = getattr(os, "O_NOFOLLOW", 0)
_DIRECTORY = getattr(os, "O_DIRECTORY", 0)
_TEMP = ".exback-sync-"


class LinkRefused(ValidationError):
    """A link (or something that is not a plain file or folder) where the kit expects its own."""


class TooLarge(ValidationError):
    """A sync file larger than :data:`MAX_FILE_BYTES`: it is not read."""


def _shown(folder: Path, parts: Sequence[str]) -> Path:
    return folder.joinpath(*parts)


def make_folder(folder: Path) -> None:
    """Create ``folder`` and every missing parent, each 0700 (not the umask's 0755)."""
    missing = []
    for part in (folder, *folder.parents):
        if os.path.lexists(part):
            break
        missing.append(part)
    for part in reversed(missing):
        with suppress(FileExistsError):
            os.mkdir(part, 0o700)


def _open_dir(fd: int | None, name: str | Path, shown: Path) -> int:
    try:
        return os.open(name, os.O_RDONLY | _DIRECTORY | _NOFOLLOW, dir_fd=fd)
    except OSError as exc:
        if exc.errno in (errno.ELOOP, errno.ENOTDIR):
            raise LinkRefused(texts.SYNC_LINK.format(path=shown), field="folder") from None
        raise


@contextmanager
def folder_fd(folder: Path, parts: Sequence[str] = (), *, create: bool = False) -> Iterator[int]:
    """Yield an open descriptor of ``folder/parts…``, each part opened without following links.

    Raises:
        LinkRefused: a part is a link or not a folder.
        FileNotFoundError: a part is missing and ``create`` is off.
    """
    if create:
        make_folder(folder)
    fd = _open_dir(None, folder, folder)
    try:
        for depth, name in enumerate(parts, start=1):
            if create:
                with suppress(FileExistsError):
                    os.mkdir(name, 0o700, dir_fd=fd)
            child = _open_dir(fd, name, _shown(folder, parts[:depth]))
            os.close(fd)
            fd = child
        yield fd
    finally:
        os.close(fd)


def _open_file(fd: int, name: str, flags: int, shown: Path) -> int:
    try:
        out = os.open(name, flags | _NOFOLLOW, 0o600, dir_fd=fd)
    except OSError as exc:
        if exc.errno == errno.ELOOP:
            raise LinkRefused(texts.SYNC_LINK.format(path=shown), field="file") from None
        raise
    if not stat.S_ISREG(os.fstat(out).st_mode):
        os.close(out)
        raise LinkRefused(texts.SYNC_LINK.format(path=shown), field="file")
    return out


def read_file(folder: Path, parts: Sequence[str], *, limit: int | None = None) -> bytes | None:
    """Return the bytes of ``folder/parts…`` (None if it is missing), at most ``limit``
    (default :data:`MAX_FILE_BYTES`).

    Raises:
        LinkRefused: a part of the path is a link, or the file is not a plain file.
        TooLarge: the file is larger than ``limit``; nothing of it is read.
    """
    shown = _shown(folder, parts)
    limit = MAX_FILE_BYTES if limit is None else limit
    try:
        with folder_fd(folder, parts[:-1]) as dir_fd:
            fd = _open_file(dir_fd, parts[-1], os.O_RDONLY, shown)
    except FileNotFoundError:
        return None
    try:
        size = os.fstat(fd).st_size
        if size > limit:
            raise TooLarge(texts.SYNC_TOO_LARGE.format(path=shown, mb=limit // (1024 * 1024)),
                           field="file")
        chunks = []
        while chunk := os.read(fd, min(1 << 20, limit + 1)):
            chunks.append(chunk)
        return b"".join(chunks)[:limit]
    finally:
        os.close(fd)


def append_file(folder: Path, parts: Sequence[str], data: bytes) -> None:
    """Append ``data`` to ``folder/parts…`` (created 0600, folders 0700) and flush it to disk."""
    with folder_fd(folder, parts[:-1], create=True) as dir_fd:
        fd = _open_file(dir_fd, parts[-1], os.O_WRONLY | os.O_APPEND | os.O_CREAT,
                        _shown(folder, parts))
        try:
            view = memoryview(data)
            while view:
                view = view[os.write(fd, view):]
            os.fsync(fd)
        finally:
            os.close(fd)


def replace_file(folder: Path, parts: Sequence[str], data: bytes) -> None:
    """Replace ``folder/parts…`` with ``data`` atomically (a temporary file renamed over it).

    A link at the name is replaced by the file itself; what it pointed to is never touched.
    """
    name = parts[-1]
    temp = f"{_TEMP}{name}.{os.getpid()}.{os.urandom(4).hex()}"
    with folder_fd(folder, parts[:-1], create=True) as dir_fd:
        fd = os.open(temp, os.O_WRONLY | os.O_CREAT | os.O_EXCL | _NOFOLLOW, 0o600,
                     dir_fd=dir_fd)
        try:
            view = memoryview(data)
            while view:
                view = view[os.write(fd, view):]
            os.fsync(fd)
            os.close(fd)
            fd = -1
            os.replace(temp, name, src_dir_fd=dir_fd, dst_dir_fd=dir_fd)
        except BaseException:
            if fd >= 0:
                os.close(fd)
            with suppress(FileNotFoundError):
                os.unlink(temp, dir_fd=dir_fd)
            raise
        with suppress(OSError):
            os.fsync(dir_fd)


def entries(folder: Path, parts: Sequence[str] = ()) -> list[tuple[str, str]]:
    """Return (name, "file" | "folder" | "link" | "other") for what ``folder/parts…`` holds,
    sorted by name; nothing is followed. A missing folder holds nothing."""
    try:
        with folder_fd(folder, parts) as fd, os.scandir(fd) as it:
            found = []
            for entry in it:
                if entry.is_symlink():
                    kind = "link"
                elif entry.is_dir(follow_symlinks=False):
                    kind = "folder"
                elif entry.is_file(follow_symlinks=False):
                    kind = "file"
                else:
                    kind = "other"
                found.append((entry.name, kind))
    except FileNotFoundError:
        return []
    return sorted(found)


def remove_file(folder: Path, parts: Sequence[str]) -> bool:
    """Remove the file (or link) ``folder/parts…``; return False if it was not there."""
    try:
        with folder_fd(folder, parts[:-1]) as fd:
            os.unlink(parts[-1], dir_fd=fd)
    except FileNotFoundError:
        return False
    return True


def remove_folder(folder: Path, parts: Sequence[str]) -> None:
    """Remove the folder ``folder/parts…`` if it is empty (a folder still in use stays)."""
    try:
        with folder_fd(folder, parts[:-1]) as fd:
            os.rmdir(parts[-1], dir_fd=fd)
    except OSError:
        pass


def modified(folder: Path, parts: Sequence[str]) -> float | None:
    """Return when ``folder/parts…`` was last changed (seconds), without following a link."""
    try:
        with folder_fd(folder, parts[:-1]) as fd:
            return os.stat(parts[-1], dir_fd=fd, follow_symlinks=False).st_mtime
    except (OSError, ValidationError):
        return None


def read_from(folder: Path, parts: Sequence[str], offset: int) -> tuple[int, bytes]:
    """Return the size of the file ``folder/parts…`` and its bytes from ``offset`` on.

    Raises:
        LinkRefused: a part of the path is a link, or the file is not a plain file.
        TooLarge: the file is larger than :data:`MAX_FILE_BYTES`; nothing of it is read.
        FileNotFoundError: the file is missing.
    """
    shown = _shown(folder, parts)
    with folder_fd(folder, parts[:-1]) as dir_fd:
        fd = _open_file(dir_fd, parts[-1], os.O_RDONLY, shown)
    try:
        size = os.fstat(fd).st_size
        if size > MAX_FILE_BYTES:
            raise TooLarge(texts.SYNC_TOO_LARGE.format(
                path=shown, mb=MAX_FILE_BYTES // (1024 * 1024)), field="file")
        chunks = []
        at = offset
        while chunk := os.pread(fd, 1 << 20, at):
            chunks.append(chunk)
            at += len(chunk)
        return size, b"".join(chunks)
    finally:
        os.close(fd)


def read_head(folder: Path, parts: Sequence[str], count: int) -> bytes:
    """Return the first ``count`` bytes of the file ``folder/parts…`` (b"" if it is missing)."""
    try:
        with folder_fd(folder, parts[:-1]) as dir_fd:
            fd = _open_file(dir_fd, parts[-1], os.O_RDONLY, _shown(folder, parts))
    except FileNotFoundError:
        return b""
    try:
        return os.pread(fd, count, 0)
    finally:
        os.close(fd)


def read_end(folder: Path, parts: Sequence[str], count: int) -> tuple[int, bytes]:
    """Return the size of the file ``folder/parts…`` and its last ``count`` bytes
    ((0, b"") if it is missing)."""
    try:
        with folder_fd(folder, parts[:-1]) as dir_fd:
            fd = _open_file(dir_fd, parts[-1], os.O_RDONLY, _shown(folder, parts))
    except FileNotFoundError:
        return 0, b""
    try:
        size = os.fstat(fd).st_size
        return size, os.pread(fd, count, max(0, size - count))
    finally:
        os.close(fd)
