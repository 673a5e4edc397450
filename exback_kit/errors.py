"""The two kinds of problem the kit reports to a person instead of a traceback."""

from __future__ import annotations


class ValidationError(ValueError):
    """A value a person gave is not allowed; nothing was written.

    The message names the field, the value given and what is allowed.
    """

    def __init__(self, message: str, *, field: str | None = None) -> None:
        super().__init__(message)
        self.field = field


class JournalError(RuntimeError):
    """The journal file cannot be used as it is (foreign, corrupt, newer, missing)."""


class JournalLocked(JournalError):
    """The journal is locked with a passphrase that was not given (or does not open it)."""
