"""An OS keyring that lives in this test process: {(service, user): secret}.

Set it with ``keyring.set_keyring(MemoryKeyring())``; keyring never picks it on its
own (every imported backend class is a candidate there, see tests/cli/keyring_file.py).
"""

from __future__ import annotations

from keyring.backend import KeyringBackend
from keyring.compat import properties
from keyring.errors import PasswordDeleteError


class MemoryKeyring(KeyringBackend):
    """A keyring that lives in this process."""

    @properties.classproperty
    def priority(cls) -> float:
        raise RuntimeError("never picked by keyring itself: tests set it")

    def __init__(self) -> None:
        super().__init__()
        self.entries: dict[tuple[str, str], str] = {}

    def get_password(self, service: str, username: str) -> str | None:
        return self.entries.get((service, username))

    def set_password(self, service: str, username: str, password: str) -> None:
        self.entries[(service, username)] = password

    def delete_password(self, service: str, username: str) -> None:
        if self.entries.pop((service, username), None) is None:
            raise PasswordDeleteError("no such entry")
