"""A keyring backend for tests: its entries live in the JSON file named by EXBACK_TEST_KEYRING.

Child processes choose it with ``PYTHON_KEYRING_BACKEND=keyring_file.FileKeyring`` and
this folder on ``PYTHONPATH``, so what one ``exback`` remembers the next one finds.
Written here (twenty lines) rather than taken from keyrings.alt, which would be a
dependency for the tests alone.
"""

from __future__ import annotations

import json
import os
from pathlib import Path

from keyring.backend import KeyringBackend
from keyring.compat import properties
from keyring.errors import PasswordDeleteError

FILE_ENV = "EXBACK_TEST_KEYRING"


class FileKeyring(KeyringBackend):
    """Entries as {"service user": secret} in one JSON file."""

    @properties.classproperty
    def priority(cls) -> float:
        # Viable only when chosen by name: keyring would otherwise pick it on its own in
        # the test process (every imported backend class is a candidate there).
        if not os.environ.get("PYTHON_KEYRING_BACKEND", "").endswith(".FileKeyring"):
            raise RuntimeError("the test keyring is used only when chosen")
        return 1

    def _path(self) -> Path:
        return Path(os.environ[FILE_ENV])

    def _entries(self) -> dict[str, str]:
        path = self._path()
        return dict(json.loads(path.read_text())) if path.exists() else {}

    def get_password(self, service: str, username: str) -> str | None:
        return self._entries().get(f"{service} {username}")

    def set_password(self, service: str, username: str, password: str) -> None:
        self._path().write_text(json.dumps({**self._entries(), f"{service} {username}": password}))

    def delete_password(self, service: str, username: str) -> None:
        entries = self._entries()
        if entries.pop(f"{service} {username}", None) is None:
            raise PasswordDeleteError("no such entry")
        self._path().write_text(json.dumps(entries))
