"""Files and folders only their owner can read, and the one way the kit writes a file.

Every file the kit writes (exports, calendars, the report, backups, settings files)
goes through :func:`replacing`: the new content is written to a temporary file in
the same folder, flushed to disk, then renamed over the old name, and the folder
itself is flushed. The rename is atomic, so at every moment the name holds either
the old file or the complete new one: a full disk, a killed process or a power cut
leaves the old file as it was. The standard library has the pieces (``tempfile``,
``os.replace``, ``os.fsync``) but no function that does all of them in order, so
this module does.
"""

from __future__ import annotations

import errno
import os
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

from exback_kit.content import texts
from exback_kit.errors import ValidationError

TYPE_CHECKING = False  # as typing's, without importing typing at start-up
if TYPE_CHECKING:
    from typing import BinaryIO

#: Temporary files start with this, so a leftover one is recognisably the kit's.
TEMP_PREFIX = ".exback-"
TEMP_SUFFIX = ".partial"


def make_private_folder(folder: Path) -> None:
    """Create ``folder`` (and any missing parents) with mode 0700 if it does not exist yet.

    ``mkdir(parents=True)`` would give the parents the usual 0755: the kit's data folder
    made on the way to ``notebooks/`` or ``backups/`` would be readable by others.
    """
    if folder.exists():
        return
    make_private_folder(folder.parent)
    folder.mkdir(mode=0o700, exist_ok=True)
    folder.chmod(0o700)


def tighten_folder(folder: Path) -> None:
    """Make the kit's own folder 0700 again if it was left open to others (never raises)."""
    try:
        if folder.stat().st_mode & 0o077:
            folder.chmod(0o700)
    except OSError:
        pass  # not ours to change: the journal still opens


def create_private_file(path: Path) -> None:
    """Create ``path`` empty with mode 0600 if it does not exist (an existing file is kept)."""
    fd = os.open(path, os.O_CREAT | os.O_WRONLY, 0o600)
    os.close(fd)


def fsync_folder(folder: Path) -> None:
    """Flush a folder's entries (a rename or a deletion) to disk, where the system allows it."""
    try:
        fd = os.open(folder, os.O_RDONLY | getattr(os, "O_DIRECTORY", 0))
    except OSError:  # some systems (and Windows) cannot open a folder
        return
    try:
        os.fsync(fd)
    except OSError as exc:
        if exc.errno not in (errno.EINVAL, errno.EBADF, errno.ENOTSUP):
            raise
    finally:
        os.close(fd)


def check_target(out: Path) -> None:
    """Refuse to write over a link or something that is not a plain file.

    Raises:
        ValidationError: ``out`` is a folder, a link or a device (the message names it).
    """
    if out.is_symlink() or (out.exists() and not out.is_file()):
        raise ValidationError(texts.NOT_A_PLAIN_FILE.format(path=out), field="file")


@contextmanager
def replacing(out: Path, *, check: Callable[[Path], None] | None = None,
              make_folder: bool = False) -> Iterator[Path]:
    """Yield a temporary path beside ``out``; on success it becomes ``out`` (mode 0600).

    Write the new content to the yielded path. When the block ends without an error,
    ``check`` (if given) inspects the complete file, then the file is fsynced and
    renamed over ``out`` and the folder fsynced. On any error (or a failed check) the
    temporary file is removed and ``out`` is left exactly as it was.

    Raises:
        ValidationError: ``out`` is a link, a folder or a device; nothing is written.
    """
    out = Path(out)
    check_target(out)
    if make_folder:
        make_private_folder(out.parent)
    import tempfile  # only when writing: it pulls in random, shutil and more

    try:
        held, name = tempfile.mkstemp(dir=out.parent, prefix=f"{TEMP_PREFIX}{out.name}.",
                                      suffix=TEMP_SUFFIX)
    except OSError as exc:
        raise _about(exc, out) from None
    _hold(held)  # while this fd is open, sweep_unfinished knows the writer is alive
    temp = Path(name)
    try:
        yield temp
        if check is not None:
            check(temp)
        fd = os.open(temp, os.O_RDONLY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)
        temp.chmod(0o600)
        os.replace(temp, out)
    except OSError as exc:
        temp.unlink(missing_ok=True)
        raise _about(exc, out) from None
    except BaseException:
        temp.unlink(missing_ok=True)
        raise
    finally:
        os.close(held)
    fsync_folder(out.parent)


def _hold(fd: int) -> None:
    """Take an exclusive ``flock`` on a temporary file (where the system has one)."""
    try:
        import fcntl
    except ImportError:  # Windows: no sweeping there (see sweep_unfinished)
        return
    fcntl.flock(fd, fcntl.LOCK_EX)


def sweep_unfinished(*folders: Path) -> list[Path]:
    """Remove the kit's temporary files in ``folders`` whose writer was killed; return them.

    A ``.exback-*.partial`` file is the kit's own (see :func:`replacing`); one still being
    written is held with ``flock`` by its writer, so only those nobody holds are removed
    (a killed ``exback encrypt`` or ``decrypt`` leaves a whole copy of the journal, plain
    after a decrypt). Where the system has no ``flock`` nothing is removed.
    """
    try:
        import fcntl
    except ImportError:
        return []
    swept = []
    for folder in folders:
        try:  # names compared as text: a glob would compile a pattern on every start
            with os.scandir(folder) as entries:
                found = sorted(folder / e.name for e in entries
                               if e.name.startswith(TEMP_PREFIX) and e.name.endswith(TEMP_SUFFIX))
        except OSError:
            continue
        for temp in found:
            try:
                fd = os.open(temp, os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0))
            except OSError:
                continue  # gone already, a link, or not ours to open
            try:
                fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
                temp.unlink()
                swept.append(temp)
            except OSError:
                continue  # its writer is still at work
            finally:
                os.close(fd)
    return swept


def _about(exc: OSError, out: Path) -> OSError:
    """Return ``exc`` naming ``out`` (the file the person asked for), not the temporary file."""
    if exc.errno is None:
        return exc
    return type(exc)(exc.errno, exc.strerror, str(out))


@contextmanager
def open_replacing(out: Path, *, make_folder: bool = False) -> Iterator[BinaryIO]:
    """Yield a binary file whose content replaces ``out`` when the block succeeds."""
    with replacing(out, make_folder=make_folder) as temp, open(temp, "wb") as fh:
        yield fh
        fh.flush()


def write_private(out: Path, data: bytes) -> Path:
    """Replace ``out`` with ``data`` (mode 0600), safely: the old file survives any failure."""
    with open_replacing(Path(out)) as fh:
        fh.write(data)
    return Path(out)
