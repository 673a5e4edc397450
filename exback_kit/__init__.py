"""exback-kit: a private, local self-reflection kit for the weeks after a breakup."""

from __future__ import annotations

from exback_kit.errors import JournalError, ValidationError
from exback_kit.store.journal import Journal

__all__ = ["Journal", "JournalError", "ValidationError", "__version__"]

__version__ = "0.1.0"
