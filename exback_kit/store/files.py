"""Files and folders only their owner can read: the journal, backups, exports, calendars."""

from __future__ import annotations

import os
from pathlib import Path


def make_private_folder(folder: Path) -> None:
    """Create ``folder`` (and parents) with mode 0700 if it does not exist yet."""
    if not folder.exists():
        folder.mkdir(mode=0o700, parents=True, exist_ok=True)
        folder.chmod(0o700)


def create_private_file(path: Path) -> None:
    """Create ``path`` empty with mode 0600 if it does not exist (an existing file is kept)."""
    fd = os.open(path, os.O_CREAT | os.O_WRONLY, 0o600)
    os.close(fd)


def write_private(out: Path, data: bytes) -> Path:
    """Write ``data`` to ``out`` readable by its owner only (mode 0600, also when replacing)."""
    fd = os.open(out, os.O_CREAT | os.O_WRONLY | os.O_TRUNC, 0o600)
    with os.fdopen(fd, "wb") as fh:
        fh.write(data)
    out.chmod(0o600)
    return out
