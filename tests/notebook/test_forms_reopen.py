"""Every field type re-opens with its latest saved value (no browser: the widgets' values).

The browser half — that what the widget holds is what the page shows — is
tests/browser/test_forms_reopen.py.
"""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest

from exback_kit import content
from exback_kit.content import Question
from exback_kit.content.questions import QUESTION_TYPES
from exback_kit.notebook import forms, moving_on_forms
from exback_kit.notebook.form_kit import Form

#: The reflection forms of the moving-on topics that hold content questions.
TOPIC_FORMS = {"grief": moving_on_forms.grief_form,
               "self_compassion": moving_on_forms.self_compassion_form,
               "future": moving_on_forms.future_form}


#: The boundaries check keeps the road open here (all "no"); it has a test of its own.
BOUNDARIES = content.load().boundary_questions


def a_value(q: Question, second: bool) -> Any:
    """Return a value the field accepts, not its empty one (``second``: another one)."""
    if q.type == "scale":
        lo, hi = int(q.min or 0), int(q.max or 0)
        return hi if second else lo  # the low end can be 0: falsy, and must still show
    if q.type == "single":
        return q.choices[-1 if second else 0].id
    if q.type == "multi":
        return tuple(c.id for c in q.choices[:2]) if second else (q.choices[-1].id,)
    if q.type == "yesno":
        return not second  # False must re-open as False, not as "unanswered"
    if q.type == "date":
        return date(2024, 3, 1) if second else date(2023, 11, 30)
    if q.type == "number":
        lo = int(q.min or 0)
        return str(lo + (2 if second else 0))
    return "a second answer" if second else "my own words"


def _forms_for(journal: Any, kind: str) -> list[tuple[Form, list[Question], Any]]:
    """Return (form, its questions of type ``kind``, a builder that re-opens it)."""
    out = []
    for step in range(19):
        form = forms.step_form(journal, step)
        shown = [q for q in content.load().step(step).questions
                 if q.id in form.fields and q.type == kind and q.id not in BOUNDARIES]
        if shown:
            out.append((form, shown, lambda s=step: forms.step_form(journal, s)))
    for topic, build in TOPIC_FORMS.items():
        form = build(journal)
        shown = [q for q in content.load().topic(topic).questions if q.type == kind]
        if shown:
            out.append((form, shown, lambda b=build: b(journal)))
    return out


@pytest.mark.parametrize("kind", QUESTION_TYPES)
def test_every_field_of_a_type_reopens_with_its_latest_value(mine, kind):
    """Saved twice, each field of the type re-opens with the second value on every stage."""
    mine.add_many("answers", [{"step": 0, "question": q, "value": "no"}
                              for q in content.load().boundary_questions])  # the open road
    found = _forms_for(mine, kind)
    assert found, f"no question of type {kind}"
    for second in (False, True):
        for form, questions, _again in found:
            for q in questions:
                form.fields[q.id].value = a_value(q, second)
            form.save_button.click()
            assert form.message.startswith("Saved"), (questions[0].id, form.message)
    for _form, questions, again in found:
        reopened = again()
        for q in questions:
            assert reopened.fields[q.id].value == a_value(q, True), (q.step, q.topic, q.id)


def test_the_boundaries_check_reopens_no_no_yes_and_a_blank(mine):
    """The reported case, without a browser: No / No / Yes saved, the fourth left blank."""
    form = forms.boundaries_form(mine)
    for question, answer in zip(BOUNDARIES, ("no", "no", "yes"), strict=False):
        form.fields[question].value = answer
    form.save_button.click()
    assert form.message.startswith("Saved 3 answers")
    again = forms.boundaries_form(mine)
    assert [again.fields[q].value for q in BOUNDARIES] == ["no", "no", "yes", None]


def test_each_clear_button_is_named_for_its_question_and_sits_in_its_row(mine):
    """"Clear: <question>" as the button's own text (its accessible name), shown in the
    question's row, not in a row of four below Save."""
    form = forms.boundaries_form(mine)
    for q in content.load().start.group("boundaries"):
        button = form.clear_buttons[q.id]
        assert button.description == f"Clear: {q.text}"
        row = next(r for r in form.body.children if _holds(r, form.fields[q.id]))
        assert _holds(row, button)
    assert not any(_holds(form.extra, b) for b in form.clear_buttons.values())


def _holds(box: Any, widget: Any) -> bool:
    return box is widget or any(_holds(c, widget) for c in getattr(box, "children", ()))
