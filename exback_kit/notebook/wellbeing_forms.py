"""The wellbeing scales' forms: WHO-5 and the Rosenberg Self-Esteem Scale.

Each item is a radio group left blank on purpose (a fresh measure each time); after a
WHO-5 the result, its change and, when needed, the calm safety message are shown.
"""

from __future__ import annotations

import ipywidgets as widgets

from exback_kit.content import texts
from exback_kit.content.instruments import instrument
from exback_kit.domain import scales
from exback_kit.errors import ValidationError
from exback_kit.notebook.form_kit import Form, OnSave, Problems, esc, paragraphs
from exback_kit.notebook.inputs import radio
from exback_kit.notebook.safety_forms import safety_html
from exback_kit.store import Journal


def _scale_form(journal: Journal, info: scales.Instrument, *, css: str, title: str,
                on_save: OnSave) -> Form:
    """Return a form with one radio group per item (left blank on purpose: a fresh measure)."""
    form = Form(css, title, intro=info.intro, on_save=on_save)
    for item in info.items:
        form.add(item.id, radio([(label, v) for v, label in info.answers]), label=item.text)
    credit = texts.INSTRUMENT_CREDIT.format(credit=info.credit)
    form.extra.children = (widgets.HTML(f"<small>{esc(credit)}</small>"),)
    return form


def _answers(form: Form, info: scales.Instrument) -> dict[str, object]:
    missing = [ValidationError(texts.INSTRUMENT_ITEM_MISSING.format(field=f"{n}. {item.text}"),
                               field=item.id)
               for n, item in enumerate(info.items, start=1)
               if form.fields[item.id].value is None]
    if missing:
        raise Problems(missing)
    return {item.id: form.fields[item.id].value for item in info.items}


def _clear(form: Form, info: scales.Instrument) -> None:
    for item in info.items:
        form.fields[item.id].value = None


def who5_form(journal: Journal, *, on_save: OnSave = None) -> Form:
    """Return the WHO-5 form; after saving it shows the result, the change, and if needed
    the calm safety message with the person's crisis contacts."""
    info = instrument("who5")
    form = _scale_form(journal, info, css="exback-who5", title=texts.WHO5_HEADING,
                       on_save=on_save)

    def handler() -> object:
        values, result = scales.result_values("who5", _answers(form, info))
        previous = scales.latest_who5(journal.table("instrument_results"))
        entry = journal.add("instrument_results", **values)
        _clear(form, info)
        form.say(texts.INSTRUMENT_SAVED)
        assert isinstance(result, scales.Who5Result)
        form.result.value = _who5_html(journal, result, previous.result if previous else None)
        return entry

    form.handler = handler
    return form


def _who5_html(journal: Journal, result: scales.Who5Result,
               previous: scales.Who5Result | None) -> str:
    lines = [texts.WHO5_RESULT.format(raw=result.raw, percent=result.percent,
                                      band=texts.WHO5_BANDS[result.band])]
    if previous is not None:
        lines.append(_who5_change(previous, result))
    out = f"<p>{paragraphs(' '.join(lines))}</p>"
    if result.needs_care:
        out += safety_html(journal, result.triggers)
    return out


def _who5_change(previous: scales.Who5Result, result: scales.Who5Result) -> str:
    """Return how the result compares with the previous one, in counted points."""
    delta = result.percent - previous.percent
    if delta == 0:
        return texts.WHO5_SAME.format(previous=previous.percent)
    template = (texts.WHO5_CHANGE if scales.meaningful_change(previous, result)
                else texts.WHO5_SMALL_CHANGE)
    return texts.say(template, sign="+" if delta > 0 else "−", size=abs(delta),
                     previous=previous.percent)


def rosenberg_form(journal: Journal, *, on_save: OnSave = None) -> Form:
    """Return the Rosenberg Self-Esteem Scale form; shows the total (0–30) without labels."""
    info = instrument("rosenberg")
    form = _scale_form(journal, info, css="exback-rosenberg", title=texts.ROSENBERG_HEADING,
                       on_save=on_save)

    def handler() -> object:
        values, result = scales.result_values("rosenberg", _answers(form, info))
        entry = journal.add("instrument_results", **values)
        assert isinstance(result, scales.RosenbergResult)
        _clear(form, info)
        form.result.value = f"<p>{esc(texts.ROSENBERG_RESULT.format(total=result.total))}</p>"
        return entry

    form.handler = handler
    return form


