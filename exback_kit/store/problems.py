"""Every problem with an entry's values at once, writing nothing: what a form shows by its
fields before anything is saved (the notebook's forms and the quick check-in page).

:meth:`Journal.add` checks the same rules as it writes, and stops at the first problem.
"""

from __future__ import annotations

from collections.abc import Mapping

from exback_kit.content import texts
from exback_kit.errors import ValidationError
from exback_kit.store import validate
from exback_kit.store.schema import fields


def problems(kind: str, values: Mapping[str, object]) -> list[ValidationError]:
    """Return every problem with an entry's values (one per field), writing nothing."""
    found = []
    specs = fields(kind)
    for name, value in values.items():
        try:
            validate.record(kind, specs, {name: value}, partial=True)
        except ValidationError as exc:
            found.append(exc)
    for spec in specs:
        if spec.required and spec.name not in values:
            found.append(ValidationError(
                texts.REQUIRED.format(field=spec.name, value=texts.NOTHING), field=spec.name))
    return found
