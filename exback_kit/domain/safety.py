"""The safety message and the person's crisis contacts (pure: a setting value in, words out)."""

from __future__ import annotations

from collections.abc import Sequence

from exback_kit.content import texts
from exback_kit.content.instruments import Contact, default_contacts

#: The order of the kit's default contacts by context: crisis lines first beside late-night
#: urges and a low WHO-5; domestic-abuse lines first after harm or an order was named.
CONTACT_ORDER = {
    "crisis": ("emergency", "crisis", "abuse", "stop_harming", "directory"),
    "abuse": ("emergency", "abuse", "crisis", "stop_harming", "directory"),
}


def crisis_contacts(saved: object) -> tuple[Contact, ...]:
    """Return the contacts in the setting value ``saved``, or the kit's defaults."""
    if not isinstance(saved, list):
        return default_contacts()
    return tuple(Contact(str(c.get("name", "")), str(c.get("detail", "")))
                 for c in saved if isinstance(c, dict))


def ordered(contacts: Sequence[Contact], context: str) -> tuple[Contact, ...]:
    """Return ``contacts`` in the order ``context`` ("crisis" or "abuse") calls for.

    Only the kit's defaults are reordered (by kind, each kind keeping its file order); a
    list the person saved keeps their own order.
    """
    rank = {kind: i for i, kind in enumerate(CONTACT_ORDER[context])}
    if not all(c.is_default for c in contacts):
        return tuple(contacts)
    return tuple(sorted(contacts, key=lambda c: rank.get(c.kind, len(rank))))


def safety_message(contacts: Sequence[Contact], triggers: Sequence[str] = ()) -> str:
    """Return the calm safety message as plain text, listing ``contacts``.

    ``triggers`` are the WHO-5 result's: flagged only by a very low item ("item"), the
    message says so instead of "the last two weeks sound heavy". The kit's default
    contacts say once that they are to be checked for the person's country.
    """
    lines = [texts.SAFETY_INTRO_ITEM if tuple(triggers) == ("item",) else texts.SAFETY_INTRO]
    lines += [texts.SAFETY_CONTACT.format(name=c.name, detail=c.detail) for c in contacts]
    if not contacts:
        lines.append(texts.SAFETY_NO_CONTACTS)
    if any(c.is_default for c in contacts):
        lines.append(texts.SAFETY_CHECK_COUNTRY)
    lines.append(texts.SAFETY_OUTRO)
    return "\n".join(lines)
