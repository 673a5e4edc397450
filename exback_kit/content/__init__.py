"""What the kit says and asks: stages, steps and questions from ``data/``, and the words.

``texts`` holds every sentence a person reads; :func:`load` reads the stage and step
files once. This room imports nothing of the kit but :mod:`exback_kit.errors`.

The loader (TOML, dataclasses) is imported on first use of one of its names
(PEP 562), so ``exback checkin``, which needs only ``texts`` and ``vocab``, starts
without it.
"""

from __future__ import annotations

import importlib

TYPE_CHECKING = False  # as typing's, without importing typing at start-up
if TYPE_CHECKING:
    from typing import Any

    from exback_kit.content.loader import LAST_STEP, Content, Stage, Step, Topic, load, load_from
    from exback_kit.content.questions import QUESTION_TYPES, Choice, ContentError, Question

#: Public name -> the module of this room that defines it (loaded on first use, so the
#: command line never reads the TOML loader unless it needs it).
_WHERE = {"LAST_STEP": "loader", "Content": "loader", "Stage": "loader", "Step": "loader",
          "Topic": "loader", "load": "loader", "load_from": "loader",
          "QUESTION_TYPES": "questions", "Choice": "questions", "ContentError": "questions",
          "Question": "questions"}

__all__ = ["LAST_STEP", "QUESTION_TYPES", "Choice", "Content", "ContentError", "Question",
           "Stage", "Step", "Topic", "load", "load_from"]


def __getattr__(name: str) -> Any:
    if name in _WHERE:
        return getattr(importlib.import_module(f"exback_kit.content.{_WHERE[name]}"), name)
    if name in ("texts", "vocab", "loader", "questions", "instruments", "guidance"):
        return importlib.import_module(f"exback_kit.content.{name}")
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
