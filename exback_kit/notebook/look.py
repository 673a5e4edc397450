"""How the kit's widgets look: every box style and text colour the notebooks use."""

from __future__ import annotations

from exback_kit import colours as c

#: The kit's boxes: "where you are", the demo offer, the demo banner, "what comes next".
BOX_STYLE = {
    "where": f"background:{c.BOX_QUIET};border-left:4px solid {c.BORDER_INFO};",
    "offer": f"background:{c.BOX_OFFER};border-left:4px solid {c.BORDER_INFO};",
    "banner": f"background:{c.BOX_BANNER};border-left:4px solid {c.BORDER_BANNER};"
              "font-weight:600;",
    "next": f"background:{c.BOX_QUIET};border-left:4px solid {c.BORDER_NEXT};",
}
LINK_STYLE = f"color:{c.LINK};text-decoration:underline;font-weight:600"
SOFT_STYLE = f"color:{c.SOFT_TEXT}"
GATE_BOX = f"border-left:4px solid {c.BORDER_GATE};padding:0.4em 0.9em"
SAFETY_BOX = f"border-left:4px solid {c.BORDER_SAFETY};padding:0.4em 0.8em;margin:0.5em 0"
ENTRY_BOX = f"margin:0.3em 0;padding:0.3em 0.6em;border-left:3px solid {c.BORDER_ENTRY}"


def status_colour(ok: bool) -> str:
    """Return the colour of a status line: saved, or a problem."""
    return c.OK_TEXT if ok else c.PROBLEM_TEXT
