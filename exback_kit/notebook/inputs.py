"""The inputs the forms are made of: choice groups, check boxes, sliders, text fields,
and the widget for each type of content question (scale, single, multi, yes/no, date,
number, text), each pre-filled with a saved value and named for its label.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from datetime import date
from typing import Any

import ipywidgets as widgets

from exback_kit.content import Question, texts
from exback_kit.notebook.accessible import ChoiceGroup, Slider, sends_when_left

#: The width of a text field or text box: most of the output area, a margin to spare.
WIDE = widgets.Layout(width="95%")


class CheckGroup(widgets.VBox):
    """Checkboxes for a multi-choice; ``value`` is the tuple of checked ids."""

    def __init__(self, choices: Sequence[tuple[str, str]], value: Iterable[str] = ()) -> None:
        picked = set(value or ())
        self.boxes = {cid: checkbox(label, cid in picked) for cid, label in choices}
        super().__init__(list(self.boxes.values()))

    @property
    def value(self) -> tuple[str, ...]:
        """The ids of the checked boxes, in choice order."""
        return tuple(cid for cid, box in self.boxes.items() if box.value)

    @value.setter
    def value(self, ids: Iterable[str]) -> None:
        chosen = set(ids or ())
        unknown = chosen - set(self.boxes)
        if unknown:
            raise ValueError(f"unknown choices: {sorted(unknown)}")
        for cid, box in self.boxes.items():
            box.value = cid in chosen


def checkbox(description: str, value: bool = False) -> widgets.Checkbox:
    """Return a checkbox whose label is never cut short."""
    return widgets.Checkbox(description=description, value=value, indent=False,
                            layout=widgets.Layout(width="auto"))


def name_input(widget: Any, label: str) -> bool:
    """Give ``widget`` ``label`` as its programmatic label; return False if it cannot take one.

    The kit's own inputs show it as their legend or label; an ipywidgets input gets it
    as ``description`` (a ``<label for=…>``), shown above the field by :data:`KIT_CSS`.
    A check box, or a group of them, already names itself and is left alone.
    """
    if isinstance(widget, ChoiceGroup | Slider):
        widget.description = label
        return True
    if isinstance(widget, widgets.Checkbox | CheckGroup) or not widget.has_trait("description"):
        return False
    widget.description = label
    widget.style.description_width = "initial"
    widget.add_class("exback-labelled")
    return True


def labelled(widget: Any, label: str) -> Any:
    """Return ``widget`` with ``label`` as its programmatic label (for inputs outside a Form)."""
    name_input(sends_when_left(widget), label)
    return widget


def radio(options: Sequence[tuple[str, Any]], value: object = None) -> ChoiceGroup:
    """Return a column of radios (nothing picked unless ``value``), one named group."""
    return ChoiceGroup(options, value, orientation="vertical")


def scale_buttons(lo: int, hi: int, value: object = None,
                  ends: Sequence[str] | None = None) -> ChoiceGroup:
    """Return a row of choices lo..hi with nothing picked unless ``value`` is given."""
    start = value if isinstance(value, int) and lo <= value <= hi else None
    return ChoiceGroup([(str(i), i) for i in range(lo, hi + 1)], start, ends=ends)


def slider(value: int = 5, *, lo: int = 1, hi: int = 10,
           ends: Sequence[str] | None = None) -> Slider:
    """Return a labelled slider lo..hi (keyboard: arrows, Home, End)."""
    return Slider(value, min=lo, max=hi, ends=ends)


def yes_no(value: object = None) -> ChoiceGroup:
    """Return Yes/No choices (value True/False, None until picked)."""
    start = value if isinstance(value, bool) else None
    return ChoiceGroup([(texts.YES, True), (texts.NO, False)], start)


def choice_buttons(choices: Mapping[Any, str] | Sequence[tuple[Any, str]],
                   value: object = None) -> ChoiceGroup:
    """Return one named group for {id: label} choices, nothing picked unless ``value``."""
    pairs = list(choices.items()) if isinstance(choices, Mapping) else list(choices)
    start = value if value in dict(pairs) else None
    return ChoiceGroup([(label, cid) for cid, label in pairs], start)


def _as_date(value: object) -> date | None:
    if isinstance(value, date):
        return value
    if isinstance(value, str) and value:
        try:
            return date.fromisoformat(value)
        except ValueError:
            return None
    return None


def question_widget(q: Question, value: object = None) -> tuple[Any, widgets.Widget]:
    """Return (value widget, what to display) for a content question, pre-filled with ``value``."""
    if q.type == "scale":
        w: Any = scale_buttons(int(q.min or 0), int(q.max or 0), value,
                               ends=(q.low, q.high) if q.low or q.high else None)
        return w, w
    if q.type == "single":
        w = radio([(c.label, c.id) for c in q.choices], value)
        return w, w
    if q.type == "multi":
        known = {c.id for c in q.choices}
        w = CheckGroup([(c.id, c.label) for c in q.choices],
                       [v for v in (value if isinstance(value, list) else []) if v in known])
        return w, w
    if q.type == "yesno":
        w = yes_no(value)
        return w, w
    if q.type == "date":
        w = widgets.DatePicker(value=_as_date(value))
        return w, w
    if q.type == "number":
        w = widgets.Text(value="" if value in (None, "") else _plain_number(value),
                         placeholder=texts.NUMBER_PLACEHOLDER)
        return w, widgets.HBox([w, widgets.Label(q.unit)])
    text_value = value if isinstance(value, str) else ""
    if q.type == "long_text":
        w = widgets.Textarea(value=text_value, rows=3,
                             layout=WIDE)
    else:
        w = widgets.Text(value=text_value, layout=WIDE)
    return w, w


def _plain_number(value: object) -> str:
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


def empty_of(q: Question) -> object:
    """Return what clearing an answer stores for this question type."""
    return [] if q.type == "multi" else ""
