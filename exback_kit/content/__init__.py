"""What the kit says and asks: stages, steps and questions from ``data/``, and the words.

``texts`` holds every sentence a person reads; :func:`load` reads the stage and step
files once. This room imports nothing of the kit but :mod:`exback_kit.errors`.

The loader (TOML, dataclasses) is imported on first use of one of its names
(PEP 562), so ``exback checkin``, which needs only ``texts`` and ``vocab``, starts
without it.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from exback_kit.content.loader import (
        LAST_STEP,
        QUESTION_TYPES,
        Choice,
        Content,
        ContentError,
        Question,
        Stage,
        Step,
        load,
        load_from,
    )

__all__ = ["LAST_STEP", "QUESTION_TYPES", "Choice", "Content", "ContentError", "Question",
           "Stage", "Step", "load", "load_from"]


def __getattr__(name: str) -> Any:
    if name in __all__:
        return getattr(importlib.import_module("exback_kit.content.loader"), name)
    if name in ("texts", "vocab", "loader"):
        return importlib.import_module(f"exback_kit.content.{name}")
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
