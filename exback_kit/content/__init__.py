"""What the kit says and asks: stages, steps and questions from ``data/``, and the words.

``texts`` holds every sentence a person reads; :func:`load` reads the stage and step
files once. This room imports nothing of the kit but :mod:`exback_kit.errors`.
"""

from exback_kit.content.loader import (
    LAST_STEP,
    Content,
    Stage,
    Step,
    Topic,
    load,
    load_from,
)
from exback_kit.content.questions import QUESTION_TYPES, Choice, ContentError, Question

__all__ = ["LAST_STEP", "QUESTION_TYPES", "Choice", "Content", "ContentError", "Question",
           "Stage", "Step", "Topic", "load", "load_from"]
