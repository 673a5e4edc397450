"""exback-kit: a private, local self-reflection kit for the weeks after a breakup."""

from __future__ import annotations

from typing import Any

from exback_kit.errors import JournalError, ValidationError
from exback_kit.store import Journal

__all__ = ["Journal", "JournalError", "ValidationError", "__version__"]

__version__ = "0.1.0"


def __getattr__(name: str) -> Any:
    # Heavy modules (pandas, matplotlib, ipywidgets) load only when asked for,
    # so `exback checkin` starts fast.
    import importlib

    if name in {"content", "forms", "charts", "tracking", "instruments", "stages", "demo",
                "report", "texts"}:
        return importlib.import_module(f"exback_kit.{name}")
    raise AttributeError(f"module 'exback_kit' has no attribute {name!r}")
