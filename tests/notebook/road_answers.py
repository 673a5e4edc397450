"""Setting the road in a test journal, and the words that must not appear off the open road."""

from __future__ import annotations

import re

from exback_kit import Journal

BOUNDARIES = ("no_contact_asked", "said_no_reunion", "harm_or_control", "protective_order")
#: Words about getting in touch with the ex: only the open road may use them.
REACHING_OUT = re.compile(r"get in touch|getting in touch|reach(ing)? out|contact them|"
                          r"message them|send", re.IGNORECASE)


def answer(journal: Journal, **values: str) -> None:
    """Answer the boundaries check: "no" to every question but those given."""
    for q, v in {**dict.fromkeys(BOUNDARIES, "no"), **values}.items():
        journal.save_answer(0, q, v)
