"""The person's safety contacts: the calm safety message, the contacts beside the
late-night urge log, and the form to edit them (empty restores the defaults)."""

from __future__ import annotations

from collections.abc import Sequence

import ipywidgets as widgets

from exback_kit.content import texts
from exback_kit.content.instruments import Contact, default_contacts
from exback_kit.domain import safety
from exback_kit.errors import ValidationError
from exback_kit.notebook.form_kit import Form, OnSave, paragraphs
from exback_kit.notebook.gate_notice import safety_box
from exback_kit.notebook.inputs import WIDE
from exback_kit.notebook.look import SAFETY_BOX
from exback_kit.store import Journal
from exback_kit.store.settings import CONTACT_LINE, CRISIS_SETTING, MAX_CONTACTS


def safety_html(journal: Journal, triggers: Sequence[str] = ()) -> str:
    """Return the calm safety message with the person's crisis contacts, as escaped HTML."""
    contacts = safety.ordered(safety.crisis_contacts(journal.get_setting(CRISIS_SETTING)),
                              "crisis")
    return (f'<div class="exback-safety" style="{SAFETY_BOX}">'
            f'{paragraphs(safety.safety_message(contacts, triggers))}'
            f"</div>")


def late_night_contacts(journal: Journal, *, on_save: OnSave = None) -> widgets.HTML:
    """Return the person's safety contacts beside the late-night urge log (all escaped)."""
    contacts = safety.crisis_contacts(journal.get_setting(CRISIS_SETTING))
    return safety_box(safety.ordered(contacts, "crisis"), texts.LATE_NIGHT_CONTACTS,
                      "exback-late-night-contacts")


def safety_widget(journal: Journal) -> widgets.HTML:
    """Return the calm safety message with the person's crisis contacts (all text escaped)."""
    box = widgets.HTML(safety_html(journal))
    box.add_class("exback-safety")
    return box


def _contact_lines(contacts: Sequence[Contact]) -> str:
    return "\n".join(f"{c.name}: {c.detail}" if c.detail else c.name for c in contacts)


def _parse_contacts(text: str) -> list[dict[str, str]]:
    """Return contacts from 'name: detail' lines.

    Raises:
        ValidationError: a line is too long or there are too many (field ``contacts``).
    """
    lines = [line.strip() for line in text.splitlines() if line.strip()]
    if len(lines) > MAX_CONTACTS:
        raise ValidationError(texts.CRISIS_TOO_MANY.format(count=len(lines), most=MAX_CONTACTS),
                              field="contacts")
    out = []
    for number, line in enumerate(lines, start=1):
        if len(line) > CONTACT_LINE or "\x00" in line:
            problem = texts.TOO_LONG.format(field="contact", length=len(line),
                                            max_len=CONTACT_LINE)
            raise ValidationError(texts.CRISIS_BAD_LINE.format(number=number, problem=problem),
                                  field="contacts")
        name, _, detail = line.partition(": ")
        out.append({"name": name.strip(), "detail": detail.strip()})
    return out


def crisis_contacts_form(journal: Journal, *, on_save: OnSave = None) -> Form:
    """Return the editable crisis contacts (setting "crisis_contacts"); empty restores defaults."""
    current = safety.crisis_contacts(journal.get_setting(CRISIS_SETTING))
    intro = texts.CRISIS_DEFAULTS_NOTE if any(c.is_default for c in current) else ""
    form = Form("exback-crisis-contacts", texts.CRISIS_HEADING, intro=intro, on_save=on_save)
    form.add("contacts", widgets.Textarea(value=_contact_lines(current), rows=6,
                                          layout=WIDE),
             label=texts.CRISIS_LABEL, help=texts.CRISIS_HELP)

    def handler() -> object:
        contacts = _parse_contacts(form.fields["contacts"].value)
        if not contacts:
            journal.set_setting(CRISIS_SETTING, None)
            form.fields["contacts"].value = _contact_lines(default_contacts())
            form.say(texts.CRISIS_RESET)
            return None
        journal.set_setting(CRISIS_SETTING, contacts)
        form.say(texts.say(texts.CRISIS_SAVED, count=len(contacts)))
        return None

    form.handler = handler
    return form
