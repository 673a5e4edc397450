"""What changed in a form of content questions (steps, start here, the moving-on topics)."""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from exback_kit.content import Question
from exback_kit.errors import ValidationError
from exback_kit.notebook.form_kit import Form, Problems
from exback_kit.notebook.inputs import empty_of
from exback_kit.store import validate


def answer_changes(questions: Sequence[Question], form: Form,
                   latest: Mapping[str, object]) -> list[tuple[str, object]]:
    """Return (question id, value) for the form's answers that differ from ``latest``.

    A cleared answer is a change to the empty value of its type.

    Raises:
        Problems: some answers don't fit their question (every one is named).
    """
    changes: list[tuple[str, object]] = []
    errors: list[ValidationError] = []
    for q in questions:
        try:
            value = validate.answer(q, form.fields[q.id].value)
        except ValidationError as exc:
            errors.append(exc)
            continue
        old = latest.get(q.id)
        if value is None:
            if old not in (None, "", []):
                changes.append((q.id, empty_of(q)))
        elif value != old:
            changes.append((q.id, value))
    if errors:
        raise Problems(errors)
    return changes
