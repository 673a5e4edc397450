"""The safety message and the person's crisis contacts (pure: a setting value in, words out)."""

from __future__ import annotations

from collections.abc import Sequence

from exback_kit.content import texts
from exback_kit.content.instruments import Contact, default_contacts

#: The setting that holds the person's own crisis contacts (a list of {name, detail}).
CRISIS_SETTING = "crisis_contacts"


def crisis_contacts(saved: object) -> tuple[Contact, ...]:
    """Return the contacts in the setting value ``saved``, or the kit's defaults."""
    if not isinstance(saved, list):
        return default_contacts()
    return tuple(Contact(str(c.get("name", "")), str(c.get("detail", "")))
                 for c in saved if isinstance(c, dict))


def safety_message(contacts: Sequence[Contact]) -> str:
    """Return the calm safety message as plain text, listing ``contacts``."""
    lines = [texts.SAFETY_INTRO]
    for c in contacts:
        mark = texts.SAFETY_CHECK_COUNTRY if c.is_default else ""
        lines.append(texts.SAFETY_CONTACT.format(name=c.name, detail=c.detail) + mark)
    if not contacts:
        lines.append(texts.SAFETY_NO_CONTACTS)
    lines.append(texts.SAFETY_OUTRO)
    return "\n".join(lines)
