"""Sealed exports: an export inside a standard age file, locked with a passphrase.

``pyrage`` writes age's passphrase mode (scrypt), so the ``age`` tool opens the file
too (``age -d FILE``). The plain bytes stay in memory: they never touch the disk.
"""

from __future__ import annotations

import os
from pathlib import Path

from exback_kit.content import texts
from exback_kit.errors import ValidationError
from exback_kit.store.keys import PASSPHRASE_ENV, check_passphrase

AGE_HEADER = b"age-encryption.org/v1"
#: A sealed file's last extension, after the one of the format inside (``export.zip.age``).
SEALED_EXTENSION = ".age"


def seal(data: bytes, passphrase: str) -> bytes:
    """Return ``data`` as an age file locked with ``passphrase``.

    Raises:
        ValidationError: the passphrase is empty.
    """
    from pyrage import passphrase as age

    check_passphrase(passphrase)
    return bytes(age.encrypt(data, passphrase))


def is_sealed(path: str | os.PathLike[str]) -> bool:
    """Return True when ``path`` is an age file (an export sealed with a passphrase)."""
    try:
        with open(path, "rb") as fh:
            return fh.read(len(AGE_HEADER)) == AGE_HEADER
    except OSError:
        return False


def unseal(path: Path, passphrase: str | None) -> bytes:
    """Return what an age file holds, decrypted in memory only.

    Raises:
        ValidationError: no passphrase was given, or it does not open the file.
    """
    from pyrage import DecryptError
    from pyrage import passphrase as age

    if passphrase is None:
        raise ValidationError(texts.LOCK_NO_TERMINAL.format(field="file", env=PASSPHRASE_ENV),
                              field="file")
    try:
        return bytes(age.decrypt(path.read_bytes(), passphrase))
    except DecryptError:
        raise ValidationError(texts.LOCK_AGE_WRONG.format(path=path), field="file") from None
