"""What a sync folder's lines are signed and sealed with.

The join code (120 random bits, shown once on the first computer as six groups of
four letters and digits) gives the folder's key; every line and the claim carry an
HMAC-SHA256 under it. The code and the key live in the journals, never in the folder.
A locked folder also has an age identity that seals its batches of records; the claim
keeps it sealed with the passphrase, and each journal keeps it once unsealed.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import json
import os
import re
from pathlib import Path
from typing import Any

from exback_kit.content import texts
from exback_kit.errors import ValidationError

CODE_BYTES = 15
#: How every signed line begins: the MAC is the object's first member.
MAC_HEAD = b'{"mac":"'


# --- the join code and the folder's key ----------------------------------------------

def new_code() -> bytes:
    """Return a fresh join code (120 random bits)."""
    return os.urandom(CODE_BYTES)


def code_text(code: bytes) -> str:
    """Return ``code`` as the person types it: six groups of four letters and digits."""
    raw = base64.b32encode(code).decode()
    return "-".join(raw[i:i + 4] for i in range(0, len(raw), 4))


def parse_code(text: str) -> bytes:
    """Return the join code typed as ``text`` (spaces, dashes and case don't matter).

    Raises:
        ValidationError: not a join code (the message names ``--join``).
    """
    raw = re.sub(r"[\s-]", "", str(text)).upper()
    try:
        code = base64.b32decode(raw) if len(raw) == 24 else b""
    except ValueError:
        code = b""
    if len(code) != CODE_BYTES:
        raise ValidationError(texts.SYNC_BAD_CODE.format(field="--join", value=repr(text)[:40]),
                              field="--join")
    return code


def folder_key(code: bytes, folder_id: str) -> bytes:
    """Return the key the lines of folder ``folder_id`` are signed with."""
    return hmac.new(code, b"exback-sync folder key\0" + folder_id.encode(),
                    hashlib.sha256).digest()


def _mac(key: bytes, device: str, body: bytes) -> bytes:
    return hmac.new(key, b"exback-sync line\0" + device.encode() + b"\0" + body,
                    hashlib.sha256).hexdigest().encode()


def sign(key: bytes, device: str, doc: dict[str, Any]) -> bytes:
    """Return ``doc`` as one signed line of ``device``'s file."""
    body = json.dumps(doc, ensure_ascii=False, separators=(",", ":")).encode()
    return MAC_HEAD + _mac(key, device, body) + b'",' + body[1:] + b"\n"


def unsign(key: bytes, device: str, line: bytes) -> bytes | None:
    """Return the signed JSON of ``line`` if its MAC is the folder key's, else None."""
    if not line.startswith(MAC_HEAD) or line[72:74] != b'",' or len(line) < 76:
        return None
    body = b"{" + line[74:]
    return body if hmac.compare_digest(line[8:72], _mac(key, device, body)) else None


def claim_mac(key: bytes, claim: dict[str, Any]) -> str:
    rest = {k: v for k, v in claim.items() if k != "mac"}
    body = json.dumps(rest, sort_keys=True, separators=(",", ":")).encode()
    return hmac.new(key, b"exback-sync claim\0" + body, hashlib.sha256).hexdigest()


def claim_signed_by(claim: dict[str, Any], key: bytes) -> bool:
    """Return True if ``claim`` was written with ``key`` (and not changed since)."""
    return hmac.compare_digest(str(claim.get("mac", "")), claim_mac(key, claim))


# --- the identity of a locked folder -------------------------------------------------

def new_folder_identity(passphrase: str) -> tuple[str, str]:
    """Return (a new identity, that identity sealed with ``passphrase`` as base64)."""
    from pyrage import x25519

    identity = str(x25519.Identity.generate())
    return identity, seal_identity(identity, passphrase)


def seal_identity(identity: str, passphrase: str) -> str:
    """Return ``identity`` sealed with ``passphrase`` (age, scrypt) as base64, for the claim."""
    from pyrage import passphrase as age_passphrase

    return base64.b64encode(age_passphrase.encrypt(identity.encode(), passphrase)).decode()


def open_folder_identity(sealed: str, passphrase: str, folder: Path) -> str:
    """Return the folder's identity, unsealed with ``passphrase`` (one scrypt: slow).

    Raises:
        ValidationError: the passphrase is not the one the folder was locked with.
    """
    from pyrage import DecryptError
    from pyrage import passphrase as age_passphrase

    try:
        return age_passphrase.decrypt(base64.b64decode(sealed), passphrase).decode()
    except (DecryptError, ValueError):
        raise ValidationError(texts.SYNC_WRONG_PASSPHRASE.format(folder=folder),
                              field="passphrase") from None


def identity_object(identity: str) -> Any:
    """Return the age identity for its text form."""
    from pyrage import x25519

    return x25519.Identity.from_str(identity)
